import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { memoizeFacts } from "./memoized-facts.js";

describe("memoizeFacts", () => {
  const facts = loadPrefectFacts();
  const memo = memoizeFacts(facts);

  it("answers exactly like the facts it wraps", () => {
    for (const [fq, v] of [
      ["prefect.futures.wait", "2.20.25"],
      ["prefect.futures.wait", "3.0.0"],
      ["prefect.task_runners.ProcessPoolTaskRunner", "3.4.10"],
      ["prefect.flows.Flow", "3.8.3"],
    ] as const) {
      expect(memo.presence(fq, v)).toEqual(facts.presence(fq, v));
      expect(memo.members(fq, v)).toEqual(facts.members(fq, v));
      expect(memo.isDeprecated(fq, v)).toBe(facts.isDeprecated(fq, v));
    }
    expect(memo.resolveRelease("3.4")).toBe(facts.resolveRelease("3.4"));
    expect(memo.releases).toBe(facts.releases);
  });

  it("remembers answers instead of asking again", () => {
    expect(memo.locate("wait", "3.8.3")).toBe(memo.locate("wait", "3.8.3"));
    expect(memo.params("prefect.flows.flow", "3.8.3")).toBe(memo.params("prefect.flows.flow", "3.8.3"));
  });
});
