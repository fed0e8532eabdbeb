import { describe, expect, it } from "vitest";
import { editDistance } from "../../core/index.js";
import { allowedEdits, rankSuggestions } from "./suggest.js";

describe("editDistance", () => {
  it("counts edits and gives up past the bound", () => {
    expect(editDistance("wait", "wait", 2)).toBe(0);
    expect(editDistance("wiat", "wait", 2)).toBe(1);
    expect(editDistance("abcd", "badc", 3)).toBe(2);
    expect(editDistance("submt", "submit", 2)).toBe(1);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
  });
});

describe("rankSuggestions", () => {
  const byLast = new Map([
    ["wait", ["prefect.futures.wait", "prefect.task_runners.wait", "prefect.futures.PrefectFuture.wait"]],
    ["waiter", ["prefect.futures.waiter"]],
    ["serve", ["prefect.flows.Flow.serve"]],
  ]);
  const present = () => true;

  it("ranks the exact short name elsewhere above near misses, defining module first", () => {
    expect(rankSuggestions("prefect.wait", byLast, present)[0]).toBe("prefect.futures.wait");
  });

  it("prefers the same module for a typo", () => {
    expect(rankSuggestions("prefect.task_runners.wiat", byLast, present)[0]).toBe("prefect.task_runners.wait");
  });

  it("ranks names present in the release higher", () => {
    const onlyTaskRunners = (fq: string) => fq.startsWith("prefect.task_runners");
    expect(rankSuggestions("x.wait", byLast, onlyTaskRunners)[0]).toBe("prefect.task_runners.wait");
  });

  it("returns nothing when nothing is close, and needs short names to match exactly", () => {
    expect(rankSuggestions("prefect.zzzzzzzz", byLast, present)).toEqual([]);
    expect(allowedEdits(2)).toBe(0);
    expect(rankSuggestions("prefect.wa", byLast, present)).toEqual([]);
  });
});
