import { describe, expect, it } from "vitest";
import { CueTable, normalWords, totalWeight } from "./cue-table.js";

describe("CueTable", () => {
  const table = new CueTable({
    caching: { "cache key fn": 3, cache: 2 },
    runners: { "task runner": 3 },
  });

  it.each([
    ["my cache_key_fn is ignored", "caching", 5],
    ["Caching twice: cache, caches, cached", "caching", 2],
    ["two task runners", "runners", 3],
    ["a runner for tasks", "runners", 0],
  ])("%j scores %s at %d", (text, label, weight) => {
    expect(totalWeight(table.match(normalWords(text)).get(label))).toBe(weight);
  });

  it("normalises identifiers and punctuation the same way on both sides", () => {
    expect(normalWords("ThreadPoolTaskRunner(max_workers=4)")).toEqual(["threadpooltaskrunner", "max", "workers", "4"]);
  });
});
