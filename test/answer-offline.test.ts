// The offline engine on questions without seeds: conceptual questions answered from the pack, API questions from the
// facts, and bad input (empty, emoji, a huge paste, another language, off-topic) handled politely and boundedly.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrca, type Orca } from "../bot/index.js";
import { leadParagraph, loadConfig, silentLogger } from "../core/index.js";

let orca: Orca;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "orca-offline-"));
  orca = await createOrca({ config: loadConfig({ ORCA_DATA_DIR: dataDir }), logger: silentLogger() });
});

afterAll(async () => {
  await orca?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ask = (question: string, prefectVersion?: string) =>
  orca.engine.answer({ messages: [], question, prefectVersion: prefectVersion ?? null });

describe("conceptual questions (no code)", () => {
  it("answers from the best pack note: the answer first, a few points, the note cited first, not a raw dump", async () => {
    const answer = await ask("how do I put the UI behind nginx at /prefect");
    expect(answer.mode).toBe("offline");
    expect(answer.sources[0]!.title).toMatch(/reverse proxy/i);
    expect(answer.sources[0]!.url).toMatch(/^https:\/\//);
    expect(answer.markdown.split("\n")[0]).toMatch(/nginx|proxy|sub-path|base path/i);
    expect(answer.markdown).toMatch(/base path/i);
    expect(answer.markdown.length).toBeLessThan(4000);
    expect(answer.markdown).not.toMatch(/^---$/m);
    expect(answer.markdown).not.toMatch(/^#{1,6} /m);
  });

  it("uses the asker's major: a 2.19 asker gets the blocking run_deployment answer and a 2.x-clean example", async () => {
    const answer = await ask("how do I run a deployment from python and wait for it?", "2.19");
    expect(answer.markdown.split("\n")[0]).toMatch(/blocks/);
    expect(answer.markdown).toMatch(/FlowRun/);
    expect(answer.markdown).toMatch(/\*\*Example\*\* \(checked clean for Prefect 2\.19\.\d+\)/);
    expect(answer.markdown).not.toMatch(/arun_deployment|PrefectFlowRunFuture/);
  });

  it("answers tasks vs subflows from the matching note", async () => {
    const answer = await ask("tasks vs subflows?");
    // The first paragraph is the answer, not a preamble; it does not open with a "Yes" the question did not ask for.
    expect(leadParagraph(answer.markdown)).toMatch(/subflow/i);
    expect(leadParagraph(answer.markdown)).not.toMatch(/^yes\b/i);
    expect(answer.sources[0]!.url).toMatch(/docs\.prefect\.io\/v3\//);
    expect(answer.markdown).toMatch(/subflow/i);
    expect(answer.correctedCode).toBeNull();
  });
});

describe("what the asker has against what they ask for", () => {
  it.each([
    // A setting told as already set is where they stand: the answer is what else is needed.
    [
      "put our server behind nginx at https://prefect.acme.io. UI loads but shows `Can't connect to Server API at http://0.0.0.0:4200/api`. server env has PREFECT_SERVER_API_HOST=0.0.0.0",
      "2.10.6",
      /PREFECT_UI_API_URL/,
    ],
    // A goal in the words of another unit's symptom ("… but they still run one at a time").
    ["how do i make submitted tasks run one at a time?", "2.19.3", /SequentialTaskRunner/],
    // The release said in passing ("my 2.19 flow") is the asker's.
    ["how do i make the tasks in my 2.19 flow run one at a time? i .submit() them", null, /SequentialTaskRunner/],
    // The cap the asker states is the one the answer's commands set.
    ["how do i cap our `k8s-prod` work pool at 5 concurrent flow runs?", "2.19.0", /set-concurrency-limit k8s-prod 5`/],
    // A yes/no about a value the unit's answer only implies (a Python version below its range).
    ["can i install prefect 3.0.0 on python 3.8?", "3.0.0", /^No\b/],
    ["are flow run heartbeats on by default in 3.7.0 or do i still set an env var on the workers?", "3.7.0", /^Yes\b/],
    // Asked for a default, a yes/no answer keeps its "No" first and gives the default after it.
    [
      "does prefect keep my task return values somewhere by default so i can read them after the flow run is done?",
      "2.16.5",
      /^No — .*`PREFECT_RESULTS_PERSIST_BY_DEFAULT` defaults to `False` in Prefect 2\.16\.5/,
    ],
  ])("%s (%s)", async (question, version, lead) => {
    const answer = await ask(question, version ?? undefined);
    expect(leadParagraph(answer.markdown)).toMatch(lead);
  });

  it("writes the asker's time zone wherever the answer names its example zone, in the lead and the details", async () => {
    const answer = await ask(
      "deployment `daily-sales-report`, deployed with prefect deploy + prefect.yaml. it should run every day at 6am our time (Europe/Berlin), it fires at 6am UTC. right way to set this up?",
      "2.19.3",
    );
    expect(answer.markdown).toMatch(/Europe\/Berlin/);
    expect(answer.markdown).not.toMatch(/America\/New_York/);
  });

  it("answers a comparison with the unit written about both sides, not one line per side", async () => {
    const answer = await ask("whats the difference between a work pool and a work queue");
    expect(leadParagraph(answer.markdown)).toMatch(/^A work pool .*a work queue/);
  });

  it("reads 'the prefect api' in a sentence as the server, not a command the release lacks", async () => {
    const answer = await ask(
      "want to run 3 replicas of the prefect api behind an ALB on ecs for HA. anything needed beyond pointing them all at the same postgres?",
      "3.4.20",
    );
    expect(answer.markdown).not.toMatch(/has no `prefect api`/);
  });

  it("does not answer 'whats wrong' about clean code with a yes", async () => {
    const answer = await ask(
      "none of the prints show up in the flow run logs in the ui, only in the container logs. whats wrong\n```python\nfrom prefect import flow\n\n@flow\ndef nightly():\n    print('done')\n```",
      "2.14.0",
    );
    expect(leadParagraph(answer.markdown)).not.toMatch(/^\**Yes/);
  });
});

describe("questions read whole: the sentence before the asking one, the other parts, the thread", () => {
  it.each([
    // The topic is in the sentence before a short asking one; a unit for other releases about "every decorator" is
    // not a trap to spring on it.
    [
      "i have a ton of `print()` in our flows and they dont show in the ui. is there a global switch rather than editing every decorator",
      "2.20.10",
      /PREFECT_LOGGING_LOG_PRINTS/,
    ],
    // Another form of a name is asked for, not whether the name exists.
    ["is there a sync version of wait_for_flow_run? my flow is a regular def", "3.1.2", /async/],
    // The action asked for, not the purpose given for it ("so that a retry does not recompute them").
    [
      "how do i persist task results to s3 so that when the flow retries it doesn't recompute the expensive tasks?",
      "3.2.14",
      /result_storage/,
    ],
    // A parameter's `None` is not some other thing's setting that shares a word with it.
    ["what is run_deployment's default timeout? does it wait forever", "3.0.10", /^(?!.*FOREMAN)/],
  ])("%s (%s)", async (question, version, lead) => {
    const answer = await ask(question, version);
    expect(leadParagraph(answer.markdown)).toMatch(lead);
  });

  it("answers a second question after a lead the facts give", async () => {
    const answer = await ask(
      "is there a ProcessPoolTaskRunner in prefect 3? our tasks are cpu bound. also if i stay on threads how do i cap the number of threads",
      "3.4.11",
    );
    expect(leadParagraph(answer.markdown)).toMatch(/^No\b.*3\.4\.14/);
    expect(answer.markdown).toMatch(/max_workers/);
  });

  it("answers a part that points back ('which ones') about the part before it, or not at all", async () => {
    const answer = await ask(
      "what task runners come with prefect out of the box on 3.8.3? and which ones need extra packages",
      "3.8.3",
    );
    expect(leadParagraph(answer.markdown)).toMatch(/ThreadPoolTaskRunner/);
    expect(answer.markdown).not.toMatch(/EXTRA_PIP_PACKAGES/);
  });

  it("reads a follow-up that ends on 'then' with the exchange before it", async () => {
    const answer = await orca.engine.answer({
      messages: [
        {
          author: "ann",
          text: "our k8s nodes get preempted and flow runs stay Running forever. how do i detect those zombie runs? 3.6.20",
          isBot: false,
        },
        {
          author: "orca",
          text: "Have runs emit heartbeat events and add an automation that marks a Running flow run Crashed when its heartbeats stop.",
          isBot: true,
        },
      ],
      question: "which setting do i set to turn on the heartbeats then? we're on 3.6.20",
      asker: "ann",
      prefectVersion: "3.6.20",
    });
    expect(leadParagraph(answer.markdown)).toMatch(/PREFECT_FLOWS_HEARTBEAT_FREQUENCY/);
  });

  it("reads a follow-up that carries on from the message before it with that message", async () => {
    const answer = await orca.engine.answer({
      messages: [
        {
          author: "ann",
          text: "calling pause_flow_run inside my `approve_invoice` task on 3.4.11 gives RuntimeError: Cannot pause task runs.",
          isBot: false,
        },
      ],
      question: "and on 3.6.5? same code in the task",
      asker: "ann",
      prefectVersion: "3.6.5",
    });
    // 3.6.5 no longer raises it: the answer is how a pause in a task behaves there, not the old error.
    expect(leadParagraph(answer.markdown)).toMatch(/parent flow run/);
    expect(answer.markdown).not.toMatch(/About the error quoted/);
  });
});

describe("API names written inline in a question", () => {
  it.each([
    ["whats the difference between `flow.serve()` and `flow.deploy()`? which for a single VM", /serve/i],
    ["how do I call `run_deployment()` without waiting for the child run?", /run_deployment|timeout=0|wait/i],
  ])("%s: answers the question, not a code review of the inline names", async (question, lead) => {
    const answer = await ask(question, "3.4.20");
    expect(answer.basis).not.toBe("checked-code");
    expect(answer.diagnoses).toEqual([]);
    expect(leadParagraph(answer.markdown)).not.toMatch(/Orca's checks/);
    expect(leadParagraph(answer.markdown)).toMatch(lead);
  });

  it("still reviews an inline statement that is wrong for the asker's release", async () => {
    const answer = await ask("is `from prefect.deployments import Deployment` still fine here?", "3.4.20");
    expect(answer.diagnoses.map((d) => d.rule)).toContain("removed-in-version");
    expect(leadParagraph(answer.markdown)).toMatch(
      /removed in 3\.0\.0|no longer exists: the last release that has it is 2\.20/,
    );
  });
});

describe("version traps stand on names the asker's release lacks", () => {
  it("does not call a file that still exists 'no longer in' the asker's release", async () => {
    const answer = await ask(
      "what goes in prefect.yaml for a deployment that clones a repo and runs nightly?",
      "3.4.20",
    );
    expect(leadParagraph(answer.markdown)).not.toMatch(/any more|no longer/i);
  });

  it("says a file arrives in a later release when the asker's release is before it", async () => {
    const answer = await ask("can we configure prefect with a prefect.toml file?", "3.0.7");
    expect(leadParagraph(answer.markdown)).toMatch(/Not in Prefect 3\.0\.7/);
  });

  // Questions that name nothing: the unit is found by its words, and the facts confirm what the release lacks.
  it.each([
    [
      "any cli command that reruns a failed flow run?",
      "3.4.20",
      // A unit for the releases before the command answers it now; either way the lead says what is missing, and since.
      /Not in Prefect 3\.4\.20: `prefect flow-run retry` needs Prefect 3\.6\.8|^No — `prefect flow-run retry` arrived in 3\.6\.8/,
    ],
    [
      "can our self hosted server ask for a username and password?",
      "3.0.4",
      // The unit for the releases before the setting answers it now (it carries the same everyday phrasings).
      /Not in Prefect 3\.0\.4: .*3\.1\.8|^Releases before 3\.1\.8 have no built-in authentication/,
    ],
    [
      // The command the asker names is there; the flag the unit is about (`--workers`) arrives in 3.4.20.
      "can `prefect server start` run multiple uvicorn worker processes? our api is pegged at 100% on one core",
      "3.4.10",
      /^Not in Prefect 3\.4\.10: this needs Prefect 3\.4\.20/,
    ],
    [
      // Asked for a setting the release does not have yet, the way in code is no "yes".
      "is there an env var to set the default max_workers for ThreadPoolTaskRunner globally?",
      "3.0.4",
      /^No — Prefect 3\.0\.4 has no setting for this \(`PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS` arrives in 3\.0\.11\)/,
    ],
  ])("%s (%s): says what the release lacks and from when", async (question, version, lead) => {
    const answer = await ask(question, version);
    expect(leadParagraph(answer.markdown)).toMatch(lead);
  });

  it.each([
    // The setting exists at 2.11.5; only its default changed later.
    ["my flows die with httpx.ReadTimeout talking to the api, how do i raise the client timeout", "2.11.5"],
    ["any cli command that reruns a failed flow run?", "3.6.20"],
    // `State.result` is a method: the release has it although no top-level name is called `result`.
    ["inside a flow i do `df = clean(raw)` where clean is a task. do i need df.result() after that?", "3.1.4"],
    // A list of settings covers "which setting controls that and whats the default" as well as any unit.
    [
      "on prefect 2.10 our client calls to a slow self hosted api time out. which setting controls that and whats the default",
      "2.10.0",
    ],
    // Asked how, a unit built on a newer name (`Cron`) the asker never wrote says how later releases do it, not that
    // this one cannot.
    ["how do i schedule a served flow to run every day at 9am?", "2.14.21"],
    // The flag is there from 3.4.20 on.
    ["can `prefect server start` run multiple uvicorn worker processes?", "3.4.20"],
    // A file other units in the release are about (`prefect.yaml` on 2.10.6) is no newcomer a later unit introduces.
    [
      "i have 6 deployments defined in prefect.yaml. is there a way to deploy all of them in one command instead of one by one?",
      "2.10.6",
    ],
  ])("%s (%s): no trap where the release has what is asked for", async (question, version) => {
    const answer = await ask(question, version);
    expect(leadParagraph(answer.markdown)).not.toMatch(/^Not in Prefect/);
  });
});

describe("API names asked about", () => {
  it("says Flow.submit does not exist, and how to run subflows concurrently", async () => {
    const answer = await ask("does Flow.submit exist?");
    expect(answer.markdown.split("\n")[0]).toMatch(/^\*\*No: plain `Flow` objects have no `submit`/);
    expect(answer.markdown).toMatch(/wrap|@task/);
  });

  it("gives existence, first release and parameters for a name in the asker's version", async () => {
    const answer = await ask("how do I use `run_deployment`?", "3.4.20");
    // "How do I use X" is answered from the note; the facts about X follow as one line.
    expect(answer.markdown).toMatch(
      /`prefect\.deployments(?:\.flow_runs)?\.run_deployment`: in 3\.4\.20: yes \(since 2\.5\.0/,
    );
    expect(answer.markdown).toMatch(/parameters: .*timeout/);
  });

  it("says when a name is newer than the asker's version", async () => {
    const answer = await ask("can I use ProcessPoolTaskRunner?", "3.4.10");
    // Either the API facts or the release-notes lead may say it first; both must name both releases.
    expect(answer.markdown.split("\n")[0]).toMatch(
      /not in Prefect 3\.4\.10 yet.*3\.4\.14|arrived in 3\.4\.14; you are on 3\.4\.10/,
    );
  });

  it("never recommends prefect.futures.wait on Prefect 2", async () => {
    const code = [
      "```python",
      "from prefect import flow, task, wait",
      "",
      "@task",
      "def t():",
      "    return 1",
      "",
      "@flow",
      "def f():",
      "    wait([t.submit()])",
      "```",
    ].join("\n");
    const answer = await orca.engine.answer({ messages: [], question: `is this ok?\n${code}`, prefectVersion: "2.20" });
    expect(answer.version.major).toBe(2);
    expect(answer.correctedCode ?? "").not.toContain("prefect.futures");
  });
});

describe("bad input", () => {
  it.each([
    ["a short question about one topic", "what can an automation do?"],
    ["only a command line", "prefect profile commands"],
  ])("%s is answered, not sent back for more", async (_, question) => {
    const answer = await ask(question, "3.6.20");
    expect(answer.basis).not.toBe("need-more");
    expect(leadParagraph(answer.markdown)).not.toMatch(/I need a little more/);
  });

  it("a question in another language about Prefect is not sent away as off-topic", async () => {
    const answer = await ask("¿cómo hago para que un flujo se ejecute todos los lunes a las 9?", "3.4.20");
    expect(answer.markdown).toMatch(/You wrote in Spanish/);
    expect(answer.markdown).not.toMatch(/not about Prefect|only answer/i);
    expect(answer.markdown).toMatch(/schedul|cron/i);
  });

  it("an empty question gets an invitation to ask", async () => {
    const answer = await ask("   ");
    expect(answer.markdown).toMatch(/Ask me a Prefect question/);
    expect(answer.sources).toEqual([]);
  });

  it.each([
    ["one word", "retries", /^I need a little more/],
    [
      "only a link",
      "<https://docs.prefect.io/v3/concepts/flows>",
      /^That link is about \*flows\*\. What would you like/,
    ],
  ])("%s gets a clear line asking for more, no note about something else", async (_, question, first) => {
    const answer = await ask(question);
    expect(answer.markdown.split("\n")[0]).toMatch(first);
    expect(answer.markdown).not.toMatch(/\*\*Example\*\*|Sources:/);
    expect(answer.basis).toBe("need-more");
  });

  it("an API named only in the context does not turn the answer into that API's facts", async () => {
    const answer = await ask(
      "Our nightly sweep with `read_flow_runs` keeps timing out. Which setting controls how long the client waits for the API?",
    );
    expect(answer.markdown.split("\n")[0]).toMatch(/`PREFECT_API_REQUEST_TIMEOUT`/);
    expect(answer.basis).toBe("unit");
  });

  it("a long log paste is read head and tail, so the error at its end is explained", async () => {
    const line = (i: number) =>
      `12:00:${String(i % 60).padStart(2, "0")}.123 | INFO | prefect.flow_runs - Finished task-run ${i}`;
    const logs = Array.from({ length: 500 }, (_, i) => line(i)).join("\n");
    const answer = await ask(`${logs}\nprefect.exceptions.MissingResult: State data is missing.`);
    expect(answer.markdown.split("\n")[0]).toMatch(/persist/i);
    expect(answer.markdown).not.toMatch(/`prefect\.flow_runs` exists/);
  });

  it("a question in another language is answered in English and says so", async () => {
    const answer = await ask("Wie kann ich die Wiederholungen für eine Task einstellen, wenn sie fehlschlägt?");
    expect(answer.markdown).toMatch(/You wrote in German; Orca answers in English/);
    // Matched through the pack's glossary ("Wiederholungen" → retries): an answer, not only passages.
    expect(answer.basis).toBe("unit");
    expect(answer.markdown.split("\n")[0]).toMatch(/`retries/);
  });

  it("a nudge (“any idea?”) is answered as the asker's earlier question", async () => {
    const answer = await orca.engine.answer({
      messages: [{ author: "ann", text: "how do I give up on a task after 5 minutes?", isBot: false }],
      question: "any idea?",
      asker: "ann",
    });
    expect(answer.markdown.split("\n")[0]).toMatch(/timeout_seconds=300/);
  });

  it("a question nothing matches is answered honestly, with no passage or note on another topic", async () => {
    // (Not "with a GPU": the Modal push-pool unit is about serverless GPU runs.) No passage mentions a TPU, so none
    // is quoted: the closest ones are about speed in general, which is another question.
    const answer = await ask("how do I make my prefect flows go faster on a TPU?");
    expect(answer.markdown.split("\n")[0]).toMatch(/not confident.*nothing in the docs or past threads matches/);
    expect(answer.markdown).not.toMatch(/^> /m);
    expect(answer.markdown).toMatch(/Which Prefect version/);
  });

  it("only emoji gets a friendly nudge", async () => {
    const answer = await ask("<@U0ORCA> 🎉🎉 :tada:");
    expect(answer.markdown).toMatch(/only see emoji/);
  });

  it("a 40,000-character paste is cut to a bounded size, with a note", async () => {
    const block =
      "from prefect import flow, task\n\n@task\ndef t(x):\n    return x\n\n@flow\ndef f():\n    t.submit(1)\n";
    const huge = `why does my flow crash?\n\`\`\`python\n${block.repeat(Math.ceil(40_000 / block.length))}\`\`\``.slice(
      0,
      40_000,
    );
    expect(huge.length).toBe(40_000);
    const answer = await ask(huge);
    expect(answer.notes.join(" ")).toMatch(
      /40,000 characters long; Orca read its first 4,800 and last 7,200 characters/,
    );
    expect(answer.markdown).toMatch(/40,000 characters/);
  });

  it("code in another language is recognised and the answer says Prefect's SDK is Python", async () => {
    const js =
      "how do I run this flow?\n```\nconst flow = require('prefect');\nflow.run(() => console.log('hi'));\n```";
    const answer = await ask(js);
    expect(answer.markdown).toMatch(/looks like JavaScript/);
    expect(answer.diagnoses).toEqual([]);
  });

  it("a question about a Prefect API no list of topic words knows is answered, not scoped out", async () => {
    const answer = await ask("whats @materialize for");
    expect(answer.markdown).not.toMatch(/I only answer questions about Prefect/);
    expect(answer.markdown).toMatch(/asset/i);
  });

  it("an off-topic question gets a polite scoped reply", async () => {
    const answer = await ask("What's the best way to cook risotto?");
    expect(answer.markdown).toMatch(/I'm Orca, and I only answer questions about Prefect/);
    expect(answer.sources).toEqual([]);
  });

  it("a forced version that is not a version is noted and ignored", async () => {
    const answer = await ask("does prefect.futures.wait exist?", "banana");
    expect(answer.notes.join(" ")).toMatch(/“banana” is not a Prefect version/);
    expect(answer.version.how).not.toBe("stated");
  });
});
