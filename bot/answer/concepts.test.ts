// Everyday phrasings of common questions pick the note that covers the feature, open with the sentence that answers,
// and carry the asker's own numbers into the example when it has one literal slot for them. Uses the shipped pack
// and the real linter, so a note edit that breaks a phrasing fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PACK_DIR, loadNoteLibrary, loadPrefectFacts } from "../../knowledge/index.js";
import { createLinter } from "../../lint/index.js";
import { adaptExample, durationSeconds, statedValues } from "./adapt-example.js";
import { conceptsIn } from "./concepts.js";
import type { SnippetLinter } from "./ports.js";
import { gatherProse, type ProseAnswer } from "./prose.js";

const notes = loadNoteLibrary(DEFAULT_PACK_DIR);
let linter: SnippetLinter;

beforeAll(async () => {
  linter = await createLinter(loadPrefectFacts());
});

async function ask(question: string, release = "3.4.0"): Promise<ProseAnswer | null> {
  const major = release.startsWith("2.") ? 2 : 3;
  return gatherProse({ notes, linter }, { question, apiNames: [], major, release, retrieved: [] });
}

const PARAPHRASES: ReadonlyArray<readonly [string, string, RegExp]> = [
  // time limits
  ["what's the setting to abort a task that is still running after 45 seconds?", "retries-and-timeouts", /timeout/],
  ["can a flow be killed automatically once it has run for two hours", "retries-and-timeouts", /timeout/],
  ["I want my pipeline to stop itself if it takes more than ten minutes", "retries-and-timeouts", /timeout/],
  ["is there a maximum runtime option for a task", "retries-and-timeouts", /timeout/],
  ["make the job bail out after 90 seconds", "retries-and-timeouts", /timeout/],
  // caching off
  ["how can I switch off task caching completely?", "caching-and-cache-policies", /cache_policy=NONE/],
  ["I never want this task to reuse a previous result, how do I prevent caching", "caching-and-cache-policies", /NONE/],
  ["bypass the cache for a single task please", "caching-and-cache-policies", /NONE/],
  ["my task hands back a stale result every time; how to run without cache", "caching-and-cache-policies", /NONE/],
  ["is caching on by default and can it be disabled", "caching-and-cache-policies", /NONE/],
  // periodic schedules
  ["what's the way to kick off a deployment every 20 minutes", "schedules", /interval=/],
  ["I need my pipeline to execute every 6 hours", "schedules", /interval=/],
  ["can prefect launch a flow every 45 seconds", "schedules", /interval=/],
  ["run the report hourly", "schedules", /interval=|cron/],
  ["set up a flow that fires every 3 days", "schedules", /interval=/],
  // retries
  ["how do I make a task attempt the call again 5 times when it errors", "retries-and-timeouts", /retries/],
  ["can a flow re-run automatically if an API call blows up", "retries-and-timeouts", /retr/],
  ["I want 2 retries on my task", "retries-and-timeouts", /retries/],
  // mapping with a constant argument
  ["when mapping, how do I pass the same config dict to every run", "submit-map-delay", /unmapped/],
  ["map over a list but keep one argument constant", "submit-map-delay", /unmapped|map/],
  // other everyday phrasings
  ["what becomes of submitted futures if I forget to wait for them", "unresolved-futures-crash", /wait/],
  ["where should I keep an API token my flow needs", "variables-and-secrets", /Secret/],
  ["can two child flows execute in parallel", "flows-have-no-submit", /subflow|flow/i],
  ["only one run of my deployment should happen at a time, how?", "tag-concurrency-limits", /concurrency_limit/],
  ["my runs sit in Scheduled and never start", "work-pools-and-workers", /worker/],
  ["the task did not execute again when I called it with the same arguments", "caching-and-cache-policies", /Cached/],
];

describe("paraphrased questions pick the note for the concept", () => {
  for (const [question, file, lead] of PARAPHRASES)
    it(question, async () => {
      const prose = await ask(question);
      expect(prose?.note.file).toBe(`${file}.md`);
      expect(`${prose?.lead} ${prose?.points.join(" ")}`).toMatch(lead);
    });
});

describe("lead sentences", () => {
  it("do not open a how-to answer with a connective or with older releases", async () => {
    for (const question of [
      "how do I stop caching on one task",
      "how do I run something every 5 minutes",
      "how can I give a flow a time limit of 10 minutes",
    ]) {
      const prose = await ask(question);
      expect(prose?.lead, question).not.toMatch(/^(?:Then|Also|This|However|But|Before|Up to)\b/);
      expect(prose?.lead, question).not.toMatch(/\bbefore \d|\bup to \d/);
    }
  });
});

describe("the asker's numbers", () => {
  it("parse spoken and written durations", () => {
    expect(durationSeconds("give up after 5 minutes")?.seconds).toBe(300);
    expect(durationSeconds("after an hour")?.seconds).toBe(3600);
    expect(durationSeconds("after 90s")?.seconds).toBe(90);
    expect(durationSeconds("no time here")).toBeNull();
  });

  it("become keyword values only for the concept asked about", () => {
    expect(statedValues("make the flow give up after 2 hours")).toEqual([
      { keyword: "timeout_seconds", value: "7200", said: "2 hours" },
    ]);
    expect(statedValues("run my flow every 15 minutes")).toEqual([
      { keyword: "interval", value: "900", said: "every 15 minutes" },
    ]);
    expect(statedValues("retry the task 4 times")).toEqual([{ keyword: "retries", value: "4", said: "4 retries" }]);
    expect(statedValues("what is a work pool")).toEqual([]);
  });

  it("replace a single literal slot and leave ambiguous code alone", () => {
    const one = adaptExample("@flow(timeout_seconds=300)\ndef f(): ...", [
      { keyword: "timeout_seconds", value: "60", said: "a minute" },
    ]);
    expect(one.code).toContain("timeout_seconds=60");
    expect(one.applied).toHaveLength(1);
    const two = adaptExample("@task(retries=2)\ndef a(): ...\n@task(retries=3)\ndef b(): ...", [
      { keyword: "retries", value: "5", said: "5 retries" },
    ]);
    expect(two.code).toContain("retries=2");
    expect(two.unapplied).toHaveLength(1);
  });

  it("show up in the example that answers, which still lints clean", async () => {
    const timeout = await ask("how can my flow stop on its own after 20 minutes?");
    expect(timeout?.example?.code).toContain("timeout_seconds=1200");
    expect(timeout?.points.join(" ")).toContain("`timeout_seconds=1200` (20 minutes)");
    const schedule = await ask("I'd like a deployment that runs every 2 hours");
    expect(schedule?.example?.code).toContain("interval=7200");
  });
});

describe("concept detection", () => {
  it("does not read a concept into unrelated wording", () => {
    expect(conceptsIn("what is a work pool").map((c) => c.id)).toEqual([]);
    expect(conceptsIn("run_deployment with timeout=0 returns at once?").map((c) => c.id)).toEqual([]);
    expect(conceptsIn("why did my task fail").map((c) => c.id)).toEqual([]);
  });
});

describe("concepts for alerts and CLI logs", () => {
  const ids = (q: string) => conceptsIn(q).map((c) => c.id);

  it("reads a request to be told about failures as automations", () => {
    expect(ids("can prefect send us a slack msg when the nightly ETL fails?")).toContain("failure-alerts");
    expect(ids("notify me on teams if a deployment run crashes")).toContain("failure-alerts");
    expect(ids("we want an email alert whenever a flow run fails")).toContain("failure-alerts");
  });

  it("does not read every failure question as a request for alerts", () => {
    expect(ids("my task fails with the error message KeyError: 'x'")).not.toContain("failure-alerts");
    expect(ids("the flow failed after I posted in slack, why?")).not.toContain("failure-alerts");
    expect(ids("how do I make a flow fail when a task fails?")).not.toContain("failure-alerts");
  });

  it("reads a terminal question about a run's logs as the CLI logs commands", () => {
    expect(ids("what's the CLI command to see logs of one task run?")).toContain("cli-logs");
    expect(ids("how can I read a flow run's logs from the terminal")).toContain("cli-logs");
    expect(ids("shell command to print the logs of the run?")).toContain("cli-logs");
  });

  it("leaves logging questions that are not about the terminal alone", () => {
    expect(ids("how do I log from inside a task?")).not.toContain("cli-logs");
    expect(ids("why are my print statements not in the flow run logs?")).not.toContain("cli-logs");
    expect(ids("which CLI command starts a worker?")).not.toContain("cli-logs");
  });
});
