import { describe, expect, it } from "vitest";
import { ALL_FEATURE_GROUPS, loadFeatureTables, messageFeatures, restrictFeatures } from "./thread-features.js";

const tables = loadFeatureTables();

describe("messageFeatures", () => {
  it("reads words, word pairs, the opening, the tables and the shape of a message", () => {
    const { features } = messageFeatures(
      'How do I set retries on a task?\n```\nTraceback (most recent call last):\n  File "a.py", line 1\nValueError: x\n```',
      tables,
    );
    expect(features.get("w:retry")).toBe(1);
    expect(features.has("b:how do")).toBe(true);
    expect(features.get("first:how")).toBe(1);
    expect(features.get("first:how do")).toBe(1);
    expect(features.get("shape:traceback")).toBe(1);
    expect(features.get("shape:code")).toBe(1);
    expect(features.get("shape:question mark")).toBe(1);
    expect(features.get("topic cues:retries-and-timeouts")).toBeGreaterThan(0);
    expect(features.get("kind cues:question")).toBeGreaterThan(0);
    expect(features.get("kind cues + question mark:question")).toBe(features.get("kind cues:question"));
  });

  it.each([
    ["words", "w:"],
    ["bigrams", "b:"],
    ["tables", "topic cues:"],
  ] as const)("leaves out the %s group when asked", (group, prefix) => {
    const text = "How do I set a concurrency limit on a tag?";
    const groups = { ...ALL_FEATURE_GROUPS, [group]: false };
    const all = messageFeatures(text, tables).features;
    const without = messageFeatures(text, tables, groups).features;
    expect([...all.keys()].some((f) => f.startsWith(prefix))).toBe(true);
    expect([...without.keys()].some((f) => f.startsWith(prefix))).toBe(false);
    // Reading everything once and restricting it is the same as reading only the groups.
    expect(restrictFeatures(all, groups)).toEqual(without);
  });

  it("marks a message with no Prefect words, and buckets its length", () => {
    // Chat that shares no word with any unit's phrasings ("office" would match "restrict access to our office IPs").
    const { features } = messageFeatures("anyone up for pizza?", tables);
    expect(features.get("shape:no Prefect vocabulary")).toBe(1);
    expect(features.get("shape:short")).toBe(1);
    const scheduling = messageFeatures("could schedules skip public holidays?", tables).features;
    expect(scheduling.has("shape:no Prefect vocabulary")).toBe(false);
  });
});
