import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createClassifier, loadThreadModels } from "./classify-thread.js";
import { CueTable } from "./cue-table.js";
import { KINDS, TOPICS } from "./taxonomy.js";
import { detectCode } from "./thread-features.js";

const classifier = createClassifier({ facts: loadPrefectFacts() });

describe("offline classifier", () => {
  it.each([
    ["How do I set retries with exponential backoff on a task?", "question", "retries-and-timeouts"],
    ["Since upgrading, my cron schedule ignores the timezone and runs at UTC. Is this a bug?", "bug", "scheduling"],
    [
      "Is Prefect Cloud down? All our flows are stuck since this morning and the UI gives 502s",
      "incident",
      "cloud-and-auth",
    ],
    ["Would be great if work pools had native support for GPU quotas, any plans?", "feature", "workers-and-pools"],
    ["We're hiring a data engineer in Berlin, DM me if interested", "off-topic", "other"],
    [
      "How do you all structure deployments in a monorepo? Thoughts on one prefect.yaml vs one per project?",
      "discussion",
      "deployments",
    ],
    [
      "My cache_key_fn seems ignored, the task reruns every time even though persist_result=True",
      "bug",
      "caching-and-results",
    ],
  ])("%s → %s / %s", (text, kind, topic) => {
    const result = classifier.classify(text);
    expect(result.kind).toBe(kind);
    expect(result.topic).toBe(topic);
    expect(result.classifier).toBe(classifier.version);
  });

  // A question mark is asking, but asking the community, for a feature or about an outage keeps that kind.
  it.each([
    ["Curious how others split dev and prod work pools, what worked for you?", "discussion"],
    ["Any plans to support Azure Container Apps jobs as a push work pool?", "feature"],
    ["Is anyone else seeing 503s from Prefect Cloud for the last hour?", "incident"],
    ["Anyone know a good restaurant near the office? unrelated, sorry", "off-topic"],
    ["How do I pass a Secret block to a task?", "question"],
  ])("asking: %s → %s", (text, kind) => {
    const result = classifier.classify(text);
    expect(result.kind).toBe(kind);
    expect(result.evidence.features).toContain("question mark");
  });

  it("names the features that weighed most, strongest first", () => {
    const result = classifier.classify("How do I set a concurrency limit on a tag?");
    expect(result.topic).toBe("concurrency");
    for (const reasons of [result.evidence.kind, result.evidence.topic]) {
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.every((r) => r.weight > 0)).toBe(true);
      expect(reasons.map((r) => r.weight)).toEqual([...reasons.map((r) => r.weight)].sort((a, b) => b - a));
    }
    expect(result.evidence.topic.map((h) => h.cue).join(" ")).toMatch(/concurr/);
    expect(result.evidence.kind.map((h) => h.cue)).toContain("kind cues:question");
    expect(Object.values(result.evidence.scores.kind).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });

  it("ships models for every kind and topic id", () => {
    const models = loadThreadModels();
    expect([...models.kind.classes].sort()).toEqual([...KINDS].sort());
    expect([...models.topic.classes].sort()).toEqual([...TOPICS].sort());
  });

  it("files an off-topic post under no topic area", () => {
    const result = classifier.classify("We're hiring a data engineer in Berlin, DM me if interested");
    expect(result.kind).toBe("off-topic");
    expect(result.topic).toBe("other");
    expect(result.evidence.topic).toEqual([]);
  });

  it.each([
    ["we run prefect==2.19.3 and agents", "2.19.3"],
    ["On Prefect 3 the worker never picks up runs", "3"],
    ["my deployment never starts", null],
  ])("version of %j is %j", (text, version) => {
    expect(classifier.classify(text).version).toBe(version);
  });

  it("is confident when one reading clearly wins and less so when nothing matches", () => {
    const clear = classifier.classify("How do I configure retries and retry_delay_seconds on a task? Timeout too?");
    const vague = classifier.classify("hmm, not sure about this one");
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
  });

  it("version ids change with the tables, and the tables' cues count", () => {
    const withCron = createClassifier({
      facts: loadPrefectFacts(),
      topicTable: new CueTable({ scheduling: { cron: 3 } }),
      kindTable: new CueTable({ question: { "how do i": 3 } }),
    });
    const without = createClassifier({
      facts: loadPrefectFacts(),
      topicTable: new CueTable({ scheduling: { rrule: 3 } }),
      kindTable: new CueTable({ question: { "how do i": 3 } }),
    });
    expect(withCron.version).not.toBe(classifier.version);
    const text = "how do i write a cron?";
    const scheduling = (c: typeof classifier) => c.classify(text).evidence.scores.topic.scheduling ?? 0;
    expect(scheduling(withCron)).toBeGreaterThan(scheduling(without));
  });
});

describe("detectCode", () => {
  it.each([
    ["```\nfrom prefect import flow\n@flow\ndef f(): ...\n```", true, false],
    ['Traceback (most recent call last):\n  File "a.py", line 1, in <module>\nValueError: x', true, true],
    ["I call `flow.serve()` and it hangs", false, false],
    ["no code here at all", false, false],
  ])("%j → code %s, traceback %s", (text, hasCode, traceback) => {
    expect(detectCode(text)).toEqual({ hasCode, traceback });
  });
});
