// lookupChanges and changeLead over the committed change facts and API facts.
import { describe, expect, it } from "vitest";
import type { ChangesData } from "./change-data.js";
import { ChangeFactsStore, loadChangeFacts } from "./change-facts-store.js";
import { changeLead } from "./change-lead.js";
import { loadPrefectFacts } from "./load-facts.js";
import { lookupChanges, namesInImportErrors } from "./lookup-changes.js";

const deps = { changes: loadChangeFacts(), facts: loadPrefectFacts() };

describe("changeLead on real release notes", () => {
  it.each([
    {
      question: "ProcessPoolTaskRunner fails when I submit tasks with wait_for=[upstream]; thread pool works",
      version: "3.4.20",
      release: "3.4.24",
      pr: 19172,
      says: /^Fixed in 3\.4\.24 \(#19172\): .*You are on 3\.4\.20: upgrade to 3\.4\.24 or later\.$/,
    },
    {
      question: "Our workers crash every time someone deletes a flow run from the UI while it is running.",
      version: "3.4.12",
      release: "3.4.24",
      pr: 19189,
      says: /^Fixed in 3\.4\.24 \(#19189\)/,
    },
    {
      question:
        "Is there a way to run a hook when a task starts? `@task(on_running=[notify])` gives an unexpected keyword",
      version: "3.4.20",
      release: "3.5.0",
      pr: 19277,
      says: /^`@task\(on_running=\.\.\.\)` arrived in 3\.5\.0 \(#19277\); you are on 3\.4\.20: upgrade to 3\.5\.0 or later\. \(flows have had `on_running` since 2\.16\.\d+\)$/,
    },
    {
      question: "MemoryLockManager cannot be pickled by cloudpickle when my cache policy uses a lock manager",
      version: null,
      release: "3.4.25",
      pr: 19246,
      says: /^Fixed in 3\.4\.25 \(#19246\): .*If you are on an older release, upgrade to 3\.4\.25 or later\.$/,
    },
  ])("leads with the entry for: $question", ({ question, version, release, pr, says }) => {
    const lead = changeLead(deps, { text: question, version: version ?? undefined });
    expect(lead).toMatchObject({ release, pr });
    expect(lead.lead).toMatch(says);
  });

  it("names the release that removed an import the asker's version no longer has", () => {
    const lead = changeLead(deps, {
      text: "After upgrading, `from prefect.runner import submit_to_runner` raises ImportError. Where did it go?",
      version: "3.6.0",
    });
    expect(lead.release).toBe("3.5.0");
    expect(lead.lead).toMatch(
      /^`prefect\.runner\.submit_to_runner` was removed in 3\.5\.0 (?:\(#\d+\) )?\(the last release with it is 3\.4\.25\); you are on 3\.6\.0\./,
    );
  });

  it.each([
    {
      question: "our script now fails: `ImportError: cannot import name 'submit_to_runner' from 'prefect.runner'`",
      version: "3.6.0",
      says: /^`prefect\.runner\.submit_to_runner` was removed in 3\.5\.0/,
    },
    {
      question: "the docs use `from prefect.cache_policies import NO_CACHE` but that import fails for me",
      version: "3.1.11",
      says: /^`prefect\.cache_policies\.NO_CACHE` arrived in 3\.1\.12 \(#16650\); you are on 3\.1\.11: upgrade to 3\.1\.12 or later\.$/,
    },
    {
      // The call's callable is what the asker's release lacks, not its keyword.
      question:
        "```python\nfrom prefect.artifacts import create_progress_artifact\ncreate_progress_artifact(progress=0.0)\n```",
      version: "2.20.3",
      says: /^`create_progress_artifact` arrived in 3\.0\.0(?: \(#\d+\))?; you are on 2\.20\.3: upgrade to 3\.0\.0 or later\.$/,
    },
  ])("states an import the asker's release lacks from the API history: $question", ({ question, version, says }) => {
    const lead = changeLead(deps, { text: question, version });
    expect(lead.basis).toBe("api-history");
    expect(lead.lead).toMatch(says);
  });

  it.each([
    // The name lives in another module in 2.x: its keyword did not "arrive in 3.0.0".
    ["flows calling `pause_flow_run(timeout=600)` stay Paused after I resume them", "2.14.9"],
    // Across a major line a missing name is a migration, not an upgrade to one release.
    ["`from prefect.futures import as_completed` fails with ImportError", "2.19.4"],
  ])("makes no API-history statement for a name that moved or is in another major: %s", (question, version) => {
    const lead = changeLead(deps, { text: question, version });
    expect(lead.basis).not.toBe("api-history");
    expect(lead.lead ?? "").not.toMatch(/arrived in 3\.0\.0/);
  });

  it.each([
    ["ImportError: cannot import name 'submit_to_runner' from 'prefect.runner'", ["prefect.runner.submit_to_runner"]],
    ["cannot import name Flow from prefect.flows.", ["prefect.flows.Flow"]],
    ["ModuleNotFoundError: No module named 'prefect.deployments.deployments'", ["prefect.deployments.deployments"]],
    ["ImportError: cannot import name 'x' from 'pandas'", []],
    ["no error here", []],
  ])("reads the names an import error quotes: %s", (text, names) => {
    expect(namesInImportErrors(text)).toEqual(names);
  });

  it.each([
    ["How do I schedule a deployment to run every day at 9am?", "3.1.0"],
    ["What is the difference between a flow and a task?", "3.0.0"],
    ["My flow is slow on a big dataframe, any tips?", "3.4.0"],
    ["What is the weather today", "3.4.10"],
  ])("states nothing for a question the notes do not answer: %s", (question, version) => {
    expect(changeLead(deps, { text: question, version }).lead).toBeNull();
  });

  it("never tells the asker to upgrade to a fix they already have", () => {
    const lead = changeLead(deps, {
      text: "ProcessPoolTaskRunner fails when I submit tasks with wait_for=[upstream]",
      version: "3.4.24",
    });
    expect(lead.lead ?? "").not.toMatch(/upgrade to 3\.4\.24/);
    if (lead.pr === 19172)
      expect(lead.lead).toMatch(/^Fixed in 3\.4\.24 \(#19172\), which your 3\.4\.24 already includes/);
  });

  it("reads an unknown version as unknown instead of failing", () => {
    expect(lookupChanges(deps, { text: "worker crashes when flow run deleted", version: "latest" }).version).toBeNull();
    expect(() => lookupChanges(deps, { text: "", version: "3.x" })).not.toThrow();
  });

  const CRASH = "Our workers crash every time someone deletes a flow run from the UI while it is still running.";
  const FIXED = "Fixed in 3.4.24 (#19189): “Fix worker/runner crashes when flow runs are deleted”.";
  it.each([
    ["3.x", null, `${FIXED} If you are on an older release, upgrade to 3.4.24 or later.`],
    ["latest", null, `${FIXED} If you are on an older release, upgrade to 3.4.24 or later.`],
    ["1.0", null, `${FIXED} If you are on an older release, upgrade to 3.4.24 or later.`],
    ["99", null, `${FIXED} If you are on an older release, upgrade to 3.4.24 or later.`],
    // Not a release: its own words in the statement, compared by PEP 440 (3.4.99 has 3.4.24's fix).
    ["3.4.99", "3.4.25", /^Fixed in 3\.4\.24 \(#19189\), which your 3\.4\.99 already includes/],
    // A pre-release lacks its final release's changes, and is read at the release before it. A 3.x fix is a major
    // line and a hundred releases away from it: outside the upgrade window, not stated.
    ["2.20rc1", "2.19.9", null],
    ["3.4.0rc1", "3.3.7", `${FIXED} You are on 3.4.0rc1: upgrade to 3.4.24 or later.`],
    // A line holds releases both sides of a fix in it.
    ["3.4", "3.4.25", `${FIXED} If you are on an older 3.4.x release, upgrade to 3.4.24 or later.`],
    ["3.3", "3.3.7", `${FIXED} You are on 3.3: upgrade to 3.4.24 or later.`],
    ["prefect==3.4.12", "3.4.12", `${FIXED} You are on 3.4.12: upgrade to 3.4.24 or later.`],
    [" v3.4.12 ", "3.4.12", `${FIXED} You are on 3.4.12: upgrade to 3.4.24 or later.`],
  ])("places the version %j (read at %s) and says so", (version, release, says) => {
    expect(lookupChanges(deps, { text: CRASH, version }).version).toBe(release);
    const lead = changeLead(deps, { text: CRASH, version }).lead;
    if (typeof says === "string" || says === null) expect(lead).toBe(says);
    else expect(lead).toMatch(says);
  });
});

describe("upgrade window and platforms on a tiny store", () => {
  const facts = loadPrefectFacts();
  const entry = (release: string, pr: number, extra: Partial<ChangesData["changes"][number]> = {}) => ({
    release,
    kind: "fix" as const,
    text: "Fix scheduler dropping runs after a daylight saving change",
    pr,
    ...extra,
  });
  const lookup = (changes: ChangesData["changes"], text: string, version: string) =>
    lookupChanges(
      { changes: new ChangeFactsStore({ format: 1, releases: facts.releases as string[], changes }), facts },
      { text, version },
    ).matches.map((m) => [m.change.pr, m.evidence] as const);
  const question = "the scheduler is dropping runs after the daylight saving change";

  it.each([
    "Since upgrading to 3.4.20 the agent command group prints a deprecation warning",
    "After we upgraded, the agent command group prints a deprecation warning",
  ])("suspects the changes the asker upgraded into: %s", (question) => {
    const entries = [
      entry("3.4.20", 1, { kind: "deprecation", text: "Deprecate the agent command group" }),
      entry("3.4.21", 2, { kind: "enhancement", text: "Show a deprecation warning for the agent command group" }),
    ];
    const plain = new Map(lookup(entries, "The agent command group prints a deprecation warning", "3.4.20"));
    const upgraded = new Map(lookup(entries, question, "3.4.20"));
    // The deprecation in the release they upgraded into weighs more; the later entry the same.
    expect(upgraded.get(1)!).toBeGreaterThan(plain.get(1)!);
    expect(upgraded.get(2)).toBe(plain.get(2));
  });

  it("counts an entry filed under fixes that deprecates something as the deprecation it is", () => {
    const question = "the agent command group prints a deprecation warning";
    const entries = [
      entry("3.4.20", 1, { kind: "fix", text: "Deprecate the agent command group" }),
      entry("3.4.20", 2, { kind: "fix", text: "Quiet the agent command group warning" }),
    ];
    const plain = new Map(lookup(entries, question, "3.4.20"));
    const upgraded = new Map(lookup(entries, `Since upgrading, ${question}`, "3.4.20"));
    // A fix the asker upgraded into weighs as before (x1); the deprecation filed as a fix as a deprecation (x1.3).
    expect(upgraded.get(1)! / plain.get(1)!).toBeGreaterThan(1.2);
    expect(upgraded.get(2) ?? 0).toBe(plain.get(2) ?? 0);
  });

  it.each([
    "Where do I set the timezone of the scheduler?",
    "What's the recommended way to set the timezone of the scheduler?",
  ])("answers a how-to question with an addition over a fix: %s", (question) => {
    const text = "Timezone setting for the scheduler";
    const found = lookup(
      [entry("3.4.21", 1, { kind: "enhancement", text }), entry("3.4.22", 2, { kind: "fix", text })],
      question,
      "3.4.20",
    );
    expect(found[0]![0]).toBe(1);
    expect(found[0]![1]).toBeGreaterThan(found[1]![1]);
  });

  it("weighs a flag the question quotes with the entry that quotes it", () => {
    // The same words; only the quoted flag tells them apart (the later release would win a tie).
    const text = "Remove a deprecated option of `prefect deploy`";
    const flagged = [
      entry("3.4.21", 1, { text, cli: ["deploy"], components: ["--fast"] }),
      entry("3.4.22", 2, { text, cli: ["deploy"], components: ["--quick"] }),
    ];
    const found = lookup(flagged, "`prefect deploy --fast` says the deprecated option was removed", "3.4.20");
    expect(found[0]![0]).toBe(1);
    expect(found[0]![1]).toBeGreaterThan(found[1]![1]);
  });

  it.each([
    // The same words: the entry a few releases after the asker's wins over one dozens of releases on.
    { near: "3.4.21", far: "3.7.0", version: "3.4.20" },
    { near: "3.1.2", far: "3.6.0", version: "3.1.0" },
  ])("ranks the fix nearer $version ($near) over a later one ($far)", ({ near, far, version }) => {
    const found = lookup([entry(far, 2), entry(near, 1)], question, version);
    expect(found[0]![0]).toBe(1);
    expect(found[0]![1]).toBeGreaterThan(found[1]![1]);
  });

  it.each([
    { ahead: 2, strength: "strong" },
    // Twelve releases on: the same lone match, a little weaker, and outside the window where it would be stated.
    { ahead: 12, strength: "related" },
  ])("states a lone weak match only within the upgrade window ($ahead releases ahead)", ({ ahead, strength }) => {
    const release = facts.releases[facts.releases.indexOf("3.4.20") + ahead]!;
    const text = "Fix scheduler dropping runs after a daylight saving change in the cron parser";
    const found = lookupChanges(
      {
        changes: new ChangeFactsStore({
          format: 1,
          releases: facts.releases as string[],
          changes: [entry(release, 1, { text }), entry("3.0.1", 2, { text: "Fix an unrelated widget" })],
        }),
        facts,
      },
      { text: "the scheduler drops runs after the daylight saving change", version: "3.4.20" },
    ).matches;
    expect(found[0]).toMatchObject({ strength });
    // Below the absolute bar either way: only the window decides.
    expect(found[0]!.evidence).toBeGreaterThanOrEqual(0.5);
    expect(found[0]!.evidence).toBeLessThan(0.62);
  });

  it.each([
    { text: `${question} on our k8s work pool`, platformMatches: true },
    { text: question, platformMatches: false },
  ])(
    "weighs an integration's entry by whether the question is about its platform: $text",
    ({ text, platformMatches }) => {
      const found = lookup([entry("3.4.21", 1), entry("0.7.11", 2, { product: "prefect-kubernetes" })], text, "3.4.20");
      const core = found.find(([pr]) => pr === 1)![1];
      const integration = found.find(([pr]) => pr === 2)?.[1] ?? 0;
      if (platformMatches) expect(integration).toBeGreaterThanOrEqual(core);
      else expect(integration).toBeLessThan(core * 0.7);
    },
  );
});

describe("calibration on a tiny store", () => {
  const data: ChangesData = {
    format: 1,
    releases: ["1.0.0", "1.1.0", "1.2.0"],
    changes: [
      { release: "1.2.0", kind: "fix", text: "Fix scheduler dropping runs after a daylight saving change", pr: 3 },
      { release: "1.1.0", kind: "docs", text: "Document scheduler daylight saving behaviour", pr: 2 },
      { release: "1.1.0", kind: "enhancement", text: "Add `retry_jitter` to `flow`", pr: 1, apis: ["flow"] },
    ],
  };
  const changes = new ChangeFactsStore(data);
  const facts = loadPrefectFacts();

  it("never matches documentation or development entries", () => {
    const found = lookupChanges({ changes, facts }, { text: "document scheduler daylight saving behaviour" });
    expect(found.matches.map((m) => m.change.pr)).not.toContain(2);
  });

  it("scores a full match strong and a one-word match at most related", () => {
    const strong = lookupChanges(
      { changes, facts },
      { text: "the scheduler is dropping runs after the daylight saving change" },
    );
    expect(strong.matches[0]).toMatchObject({ strength: "strong", relation: "unknown-version" });
    const weak = lookupChanges({ changes, facts }, { text: "my scheduler question" });
    expect(weak.matches.every((m) => m.strength === "related")).toBe(true);
  });
});

describe("question kind against entry kind, on real release notes", () => {
  it.each([
    // How-to questions about what the asker's release can already do: background, not a fact about their question.
    { version: "2.16.0", question: "How can I use `get_run_logger` in a task that runs without a parent flow run?" },
    { version: "3.2.0", question: "How do I turn off result persistence for all my tasks at once?" },
    { version: "2.18.0", question: "How can I run a flow from inside a task?" },
    // A problem after an upgrade: the addition they upgraded into is its cause at best, not its answer.
    {
      version: "2.16.6",
      question: "Since upgrading to 2.16.5 the UI fails to load with CSRF token errors on every request.",
    },
  ])("offers an addition the asker already has as related only: $question", ({ version, question }) => {
    const found = lookupChanges(deps, { text: question, version });
    const had = found.matches.filter((m) => m.relation === "at-or-before" && m.change.kind === "enhancement");
    // The entry is found (offered as possibly related), never stated.
    expect(had.length).toBeGreaterThan(0);
    expect(had.every((m) => m.strength === "related")).toBe(true);
    expect(changeLead(deps, { text: question, version }).lead).toBeNull();
  });

  it.each([
    {
      version: "2.17.1",
      question:
        "Since upgrading to 2.17.0 flows called inside my tasks show up as their own runs in the UI. Where does that come from?",
      pr: 12607,
    },
    {
      version: "3.1.1",
      question:
        "After upgrading to 3.1.0 I noticed a new setting for turning off persistence for tasks globally. What does it do?",
      pr: 15881,
    },
  ])("states an addition the asker just upgraded into as what changed: $question", ({ version, question, pr }) => {
    const lead = changeLead(deps, { text: question, version });
    expect(lead.pr).toBe(pr);
    expect(lead.lead).toMatch(/^Since \d+\.\d+\.\d+ \(#\d+\)/);
  });

  it.each([
    {
      version: "3.4.20",
      question: "Which is better for many small IO-bound tasks, ThreadPoolTaskRunner or ProcessPoolTaskRunner?",
    },
    {
      version: "3.2.8",
      question: "When should I use a process worker versus `serve` for flows that emit heartbeat events?",
    },
  ])("does not answer a request for advice with a fix to one option: $question", ({ version, question }) => {
    const found = lookupChanges(deps, { text: question, version });
    // The fix is found and offered, but a question that reports no problem is not answered by it.
    expect(found.matches.some((m) => m.change.kind === "fix" && m.relation === "after")).toBe(true);
    expect(changeLead(deps, { text: question, version }).lead).toBeNull();
  });
});

describe("a few common words are not a match, on real release notes", () => {
  it.each([
    // Each shares only common words (flow, run, cancel / notification) with a short, vague entry.
    {
      version: "3.6.8",
      question: "Cancelling a flow run from the UI leaves its Kubernetes pod running until it finishes on its own",
      pr: 20143,
    },
    {
      version: "3.6.9",
      question: "Cancelled flow runs still show as Cancelling in the dashboard for hours",
      pr: 20143,
    },
    {
      version: "3.3.7",
      question: "Our flow run notifications for failed runs are sent twice to the same channel",
      pr: 17939,
    },
  ])("offers a short vague entry as related, not as the answer: $question", ({ version, question, pr }) => {
    const found = lookupChanges(deps, { text: question, version });
    expect(found.matches.find((m) => m.change.pr === pr)).toMatchObject({ strength: "related" });
    expect(changeLead(deps, { text: question, version }).lead).toBeNull();
  });
});

describe("a removal the asker meets after an upgrade, on real release notes", () => {
  it.each([
    // Upgraded across more than three releases: the removal is still among the suspects.
    {
      version: "3.4.1",
      question:
        "Since we upgraded, serve() logs a deprecation warning about the runner webserver on startup. What should we use instead?",
      pr: 17775,
      says: /^Since 3\.3\.4 \(#17775\): .*\(you are on 3\.4\.1\)\.$/,
    },
    {
      version: "2.17.1",
      question:
        "Since upgrading, starting our agent with `prefect agent start -p default` prints a deprecation warning. Is the agent going away?",
      pr: 12273,
      says: /^Since 2\.16\.4 \(#12273\)/,
    },
    {
      version: "2.19.2",
      question: "After bumping Prefect, `prefect project init` fails with No such command project. What replaced it?",
      pr: 12737,
      says: /^Since 2\.18\.0 \(#12737\)/,
    },
  ])("states the removal or deprecation: $question", ({ version, question, pr, says }) => {
    const lead = changeLead(deps, { text: question, version });
    expect(lead.pr).toBe(pr);
    expect(lead.lead).toMatch(says);
  });

  it("weighs a removal more when the question reports one ('No such option', a deprecation warning)", () => {
    const entry = (pr: number, kind: "fix" | "breaking", text: string) => ({ release: "3.4.21", kind, text, pr });
    const facts = loadPrefectFacts();
    const changes = new ChangeFactsStore({
      format: 1,
      releases: facts.releases as string[],
      changes: [
        entry(1, "breaking", "Remove the quick option of the scheduler command"),
        entry(2, "fix", "Fix the quick option of the scheduler command"),
      ],
    });
    const score = (text: string, pr: number) =>
      lookupChanges({ changes, facts }, { text, version: "3.4.20" }).matches.find((m) => m.change.pr === pr)!.evidence;
    const plain = "the scheduler command with its quick option";
    for (const seen of [`${plain} fails with No such option`, `${plain} prints a deprecation warning`]) {
      expect(score(seen, 1)).toBeGreaterThan(score(plain, 1));
    }
  });
});

describe("an error rejecting the asker's input, on real release notes", () => {
  it.each([
    {
      version: "3.6.15",
      rejected: "Passing a `DateTimeDelta` as the interval of an `IntervalSchedule` raises a validation error.",
      failed: "Passing a `DateTimeDelta` as the interval of an `IntervalSchedule` raises an error.",
      pr: 20692,
    },
    {
      version: "3.3.2",
      rejected: "Our `git_clone` pull step with a commit sha fails with an unexpected keyword error.",
      failed: "Our `git_clone` pull step with a commit sha fails with an error.",
      pr: 17933,
    },
    {
      version: "3.0.0",
      rejected: "Using my `ResultStore` with a `Transaction` fails: it is not a valid store.",
      failed: "Using my `ResultStore` with a `Transaction` fails: it is a store.",
      pr: 15247,
    },
  ])("weighs the addition that accepts it as much as a fix: $rejected", ({ version, rejected, failed, pr }) => {
    const evidence = (text: string) =>
      lookupChanges(deps, { text, version }).matches.find((m) => m.change.pr === pr)!.evidence;
    const lead = changeLead(deps, { text: rejected, version });
    expect(lead.pr).toBe(pr);
    // The same words but for the rejection: a failure is answered by a fix first, a rejected input as much by the
    // addition that accepts it.
    expect(evidence(rejected)).toBeGreaterThan(evidence(failed));
  });
});
