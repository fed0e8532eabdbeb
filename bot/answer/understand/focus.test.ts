import { describe, expect, it } from "vitest";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import {
  commandsWritten,
  numberGivenFor,
  quotedErrors,
  readFocus,
  readValues,
  statedDuration,
  statedLimit,
  statedNumbers,
  withDurationsAsWords,
  withoutVersionSaid,
} from "./focus.js";

describe("statedDuration", () => {
  it.each([
    ["kill it after 10 min", 600],
    ["give up after five minutes", 300],
    ["an hour at most", 3600],
    ["timeout of 90s please", 90],
    ["retry for 2 hours", 7200],
    ["the event feed only goes back a week", 604_800],
    ["keep runs for 2 weeks", 1_209_600],
  ])("%s → %i s", (text, seconds) => {
    expect(statedDuration(text)?.seconds).toBe(seconds);
  });

  it.each([
    ["a task that hangs and never returns"],
    ["one mapped task and a subflow"],
    ["version 2 of the deployment"],
    ["can i give it more without making a second pool?"],
  ])("%s → no duration", (text) => {
    expect(statedDuration(text)).toBeNull();
    expect(withDurationsAsWords(text)).toBe(text);
  });
});

describe("statedNumbers", () => {
  it.each([
    ["tasks sit ~30s after a slot frees up", [30], [], []],
    ["runs flip to Late after like 5 seconds on 2.14.3", [5], [], []],
    ["max 5 runs go at once", [], [5], []],
    ["QueuePool limit of size 5 overflow 10 reached", [], [5, 10], []],
    ["prefect 3.4.20 here, give up after five minutes", [300], [], []],
    ["we're on 2.20 and it waits an hour", [3600], [], []],
    ["no numbers at all", [], [], []],
    ["no more than 5 tasks hit our postgres at the same time", [], [5], [5]],
    ["only 5 run at once, can I limit it to 10?", [], [5, 10], [10]],
    ["at most 3 at a time, up to 8 in total", [], [3, 8], [3, 8]],
    ["how do i stop more than 5 runs from going to the pool", [], [5], [5]],
    ["more than 5 runs start at once", [], [5], []],
  ])("%s → seconds %j, counts %j, wanted %j", (text, seconds, counts, wanted) => {
    const stated = statedNumbers(text);
    expect([...stated.seconds]).toEqual(seconds);
    expect([...stated.counts]).toEqual(counts);
    expect([...stated.wanted]).toEqual(wanted);
  });
});

describe("readValues: the asker's own environment variable", () => {
  it.each([
    ["how do i use `{{ $IMAGE_TAG }}` in prefect.yaml?", "IMAGE_TAG"],
    // Prefect's own settings are not the asker's; two variables name no one of them.
    ["set PREFECT_API_URL and use $IMAGE_TAG", "IMAGE_TAG"],
    ["we export GIT_SHA and BUILD_ID in CI", null],
    ["how do i template the image tag?", null],
  ])("%s → %s", (prose, env) => {
    expect(readValues([], "", prose).env).toBe(env);
  });
});

describe("readValues: the asker's own pool, queue and deployment", () => {
  it.each([
    ["prose, quoted before the word", [], "", "picks up runs from my `etl-docker` work pool?", { pool: "etl-docker" }],
    ["prose, after called", [], "", "made a kubernetes work pool called k8s-prod in the ui", { pool: "k8s-prod" }],
    ["prose, quoted after the word", [], "", "runs sit in queue 'high-prio' forever", { queue: "high-prio" }],
    ["a deployment as flow/deployment", [], "", "the deployment `etl/prod` never starts", { deployment: "etl/prod" }],
    ["a bare deployment name", [], "", "the deployment `prod` never starts", {}],
    ["code keywords", ['my_flow.deploy(name="x", work_pool_name="gpu-pool")'], "", "", { pool: "gpu-pool" }],
    [
      "command flags",
      [],
      "prefect worker start --pool ecs-prod --work-queue nightly",
      "",
      { pool: "ecs-prod", queue: "nightly" },
    ],
    ["two different pools", [], "", "we have `pool-a` pool and a pool called pool-b", {}],
    ["a copied stand-in", [], "prefect worker start --pool <pool>", "", {}],
    ["no names", [], "", "how do i start a worker for my pool?", {}],
    [
      "prose, joined by a dash, unquoted",
      [],
      "",
      "stop more than 5 runs going to our k8s-prod pool",
      { pool: "k8s-prod" },
    ],
    ["prose, joined by an underscore", [], "", "the nightly_sync work pool is stuck", { pool: "nightly_sync" }],
    ["an adjective joined by a dash", [], "", "is a repo-based deployment slower?", {}],
    ["plain words", [], "", "our docker pool keeps crashing", {}],
    [
      "prose, joined by a dash, after the word",
      [],
      "",
      "cap our k8s work pool k8s-prod to 3 runs",
      { pool: "k8s-prod" },
    ],
    ["a command's verb after the word", [], "", "is there a work queue set-concurrency-limit?", {}],
    ["an adjective after the word", [], "", "a pool self-hosted on ec2", {}],
  ])("%s", (_, code, commands, prose, own) => {
    expect(readValues(code, commands, prose).own).toEqual(own);
  });
});

describe("withoutVersionSaid", () => {
  // `prefect version` output quoted to say which release the asker has is not the command asked about.
  it.each([
    [
      "tried it, no such command. prefect version -> 3.4.20. is it my version?",
      "tried it, no such command.  . is it my version?",
    ],
    ["prefect version: 2.20.3", " "],
    [
      "how do i check the server's version with prefect version?",
      "how do i check the server's version with prefect version?",
    ],
  ])("%j → %j", (text, expected) => {
    expect(withoutVersionSaid(text)).toBe(expected);
  });
});

describe("quotedErrors", () => {
  it.each([
    ["ValueError: bad input here", ["ValueError: bad input here"]],
    [
      "prefect.exceptions.MissingResult: State data is missing",
      ["prefect.exceptions.MissingResult: State data is missing"],
    ],
    // A command line tool's own error line names no exception class.
    ["Usage: prefect deployment [OPTIONS]\nError: No such command 'build'.", ["Error: No such command 'build'."]],
    // "Error:" inside a sentence is prose, not a pasted line.
    ["the UI shows Error: nothing else", []],
    // An error written in inline code ends at its backtick.
    ["-> `ImportError: cannot import name 'Cron'`. 3.1.10", ["ImportError: cannot import name 'Cron'"]],
  ])("%j", (text, errors) => {
    expect(quotedErrors(text)).toEqual(errors);
  });
});

describe("readFocus: names no Prefect release has", () => {
  const facts = loadPrefectFacts();
  const settings = loadSettingsFacts();
  const foreign = (text: string) => readFocus(text, text, facts, settings, "3.4.20").foreign ?? [];

  it.each([
    // Another library, even one a Prefect module imports; the asker's own module.
    ["logs from `boto3` and `acme.etl` are missing", ["boto3", "acme.etl"]],
    ["`pd.DataFrame` results", ["pd.DataFrame"]],
    // Prefect's: a 2.x block class and its method, a method on the asker's flow, a path into prefect.
    ['we keep `String` blocks (`String.load("x")`)', []],
    ["`my_flow.serve()` and `task.map`", []],
    ["`prefect.runtime.flow_run.name`", []],
  ])("%s → %o", (text, expected) => {
    expect(foreign(text)).toEqual(expected);
  });
});

describe("readFocus: plain words in quotes", () => {
  const facts = loadPrefectFacts();
  const settings = loadSettingsFacts();
  const terms = (text: string) => readFocus(text, text, facts, settings, "3.4.20").terms ?? [];

  it.each([
    ["we should use prefect 'assets' for our tables", ["assets"]],
    ['what is this "Late" state?', ["late"]],
    ["the `ephemeral` mode, is it slow?", ["ephemeral"]],
    // Contractions and possessives are not quotes; the words a pasted error quotes are the error's.
    ["don't know what it's for, the runs' state is odd", []],
    ["AttributeError: 'Flow' object has no attribute 'submit'", []],
  ])("%s → %o", (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });
});

describe("readFocus: the names a pasted error quotes", () => {
  const facts = loadPrefectFacts();
  const settings = loadSettingsFacts();
  const subjects = (text: string) => readFocus(text, text, facts, settings, "3.4.20").errorSubjects ?? [];

  it.each([
    ["AttributeError: 'Flow' object has no attribute 'submit'", ["Flow", "submit"]],
    ["copied it -> `ImportError: cannot import name 'Cron'`. 3.1.10", ["Cron"]],
    // Words the asker quotes outside an error are theirs, not the error's.
    ["we should use prefect 'assets' for our tables", []],
  ])("%s → %o", (text, expected) => {
    expect(subjects(text)).toEqual(expected);
  });
});

describe("readFocus: decorators written in a sentence", () => {
  const facts = loadPrefectFacts();
  const settings = loadSettingsFacts();
  const apis = (text: string) => readFocus(text, text, facts, settings, "3.5.0").apis;

  it.each([
    // Prefect's own decorator, named in prose.
    ["someone keeps using @materialize in our flows", ["materialize"]],
    // Or by the word "decorator" after its name.
    ["i read about a materialize decorator that tracks assets", ["materialize"]],
    // The everyday decorators say where, not what about; a mention and an e-mail address are no decorators.
    ["what does it do vs a normal @task or @flow?", []],
    ["@orca ping ops@acme when it is fixed", []],
  ])("%s → %o", (text, expected) => {
    expect(apis(text)).toEqual(expected);
  });
});

describe("readFocus: a member named in words beside its module", () => {
  const facts = loadPrefectFacts();
  const settings = loadSettingsFacts();
  const apis = (text: string) => readFocus(text, text, facts, settings, "3.2.1").apis;

  it.each([
    [
      "in 2.x we used the S3 storage block from prefect.filesystems for our results",
      ["prefect.filesystems", "prefect.filesystems.S3"],
    ],
    [
      "the GitHub block in `prefect.filesystems` is gone",
      ["prefect.filesystems", "GitHub", "prefect.filesystems.GitHub"],
    ],
    // Words that name nothing in the module add nothing.
    ["we read files with prefect.filesystems on our box", ["prefect.filesystems"]],
  ])("%s → %o", (text, expected) => {
    expect(apis(text)).toEqual(expected);
  });
});

describe("readFocus: a class spelled out in words", () => {
  const facts = loadPrefectFacts();
  const settings = loadSettingsFacts();
  const apis = (text: string) => readFocus(text, text, facts, settings, "3.0.4").apis;

  it.each([
    // A class some release has, whether or not the asker's release has it (3.0.4 has no process pool runner).
    ["is there a built in process pool task runner?", ["prefect.task_runners.ProcessPoolTaskRunner"]],
    ["we save results with the Local File System block", ["prefect.filesystems.LocalFileSystem"]],
    // Two words are a thing, not a class; a class of the API client names nothing an asker imports; another
    // package's runner is not core Prefect's.
    ["how many flow runs can a work pool start?", []],
    ["where do i see the global concurrency limit?", []],
    ["is there a dask task runner in core?", []],
  ])("%s → %o", (text, expected) => {
    expect(apis(text)).toEqual(expected);
  });
});

describe("commandsWritten", () => {
  const facts = loadPrefectFacts();
  it.each([
    ["run `prefect agent start -q default` on the box", "3.2.6", ["agent start"], false],
    ["run `prefect agent start -q default` on the box", "2.19.3", ["agent start"], true],
    ["$ prefect worker start --pool etl", "3.2.6", ["worker start"], true],
    ["no command here", "3.2.6", [], null],
    // After a determiner, in a sentence, it names the thing, unless called a command or given flags.
    ["want to run 3 replicas of the prefect api behind an ALB", "3.4.20", [], null],
    ["csrf protection for our self-hosted prefect api (3.4.20)", "3.4.20", [], null],
    ["is the prefect deploy command able to set a timezone?", "3.4.20", ["deploy"], true],
    ["our prefect worker start --pool etl exits at once", "3.4.20", ["worker start"], true],
    ["restart the `prefect server start` process", "3.4.20", ["server start"], true],
  ])("%s on %s", (text, release, keys, present) => {
    const found = commandsWritten(text, facts, release);
    expect(found.map((c) => c.key)).toEqual(keys);
    if (present !== null) expect(found[0]?.present).toBe(present);
  });
});

describe("statedLimit", () => {
  it.each([
    ["it fires way too many at once. how do i cap it at 10 concurrent", 10],
    ["max 3 at a time please", 3],
    ["at most 5 runs of this deployment", 5],
    ["limit it to 4", 4],
    ["no more than 2 flows hitting the db", 2],
    ["only 8 in parallel", 8],
    // Other numbers are not caps: a count of things, a time, a release, two caps at once.
    ["we have 300 tasks and 4 flows", null],
    ["at 9 every morning", null],
    ["on 3.4 the runner", null],
    ["max 3 here and max 5 there", null],
    ["retry 3 times", null],
    // A rough count says what happens now, not the cap wanted.
    ["how do i cap it? it's firing like 200 at once", null],
    ["around 50 run in parallel and the db falls over. cap it at 5 at a time", 5],
  ])("%s → %s", (text, expected) => {
    expect(statedLimit(text)).toBe(expected);
  });
});

describe("numberGivenFor", () => {
  it.each([
    ["retries", "we have ~200 tasks. want every task to default to 2 retries without editing each one", "2"],
    ["retries", "set retries of 3 on the task", "3"],
    ["workers", "cap the pool at 4 workers", "4"],
    ["retries", "set retries to 3 times on every task", "3"],
    // A number that counts something else after it is not the value.
    ["retries", "is there a global default so i dont have to add retries= to ~200 tasks?", undefined],
    // None given, or two.
    ["retries", "how do i set default retries?", undefined],
    ["retries", "2 retries here and 5 retries there", undefined],
  ])("%s in %s → %s", (word, text, expected) => {
    expect(numberGivenFor(word, text)).toBe(expected);
  });
});
