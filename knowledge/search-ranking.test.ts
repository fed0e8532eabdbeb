import { describe, expect, it } from "vitest";
import { fuse, rank, referenceFactor, snippet, versionFactor } from "./search-ranking.js";

describe("search ranking", () => {
  it("fuses ranked lists by weighted reciprocal rank", () => {
    const scores = fuse([
      { slots: [1, 2, 3], weight: 1 },
      { slots: [3, 1], weight: 0.5 },
    ]);
    expect(scores.get(1)).toBeCloseTo(1 / 61 + 0.5 / 62);
    expect(scores.get(2)).toBeCloseTo(1 / 62);
    expect([...scores.keys()].sort()).toEqual([1, 2, 3]);
  });

  it("prefers the asker's major, stays neutral without one", () => {
    expect(versionFactor("3", 3)).toBe(1);
    expect(versionFactor("2", 3)).toBeLessThan(versionFactor(null, 3));
    expect(versionFactor("2", undefined)).toBe(1);
  });

  it("lowers API-reference pages only for plain-language questions", () => {
    const ref = "api-ref/python/prefect-tasks.mdx";
    expect(referenceFactor(ref, "retry a task with a delay")).toBeLessThan(1);
    expect(referenceFactor(ref, "what does task_run_name accept")).toBe(1);
    expect(referenceFactor(ref, "ThreadPoolTaskRunner options")).toBe(1);
    expect(referenceFactor("how-to-guides/workflows/retries.mdx", "retry a task")).toBe(1);
  });

  it("caps chunks per document and drops near-duplicate text", () => {
    const text = "the same paragraph about task runners and how they run submitted tasks concurrently";
    const candidates = [
      { slot: 0, docId: "a", source: "a.md", title: "A", section: [], text, versionTag: "3" },
      { slot: 1, docId: "b", source: "b.md", title: "B", section: [], text: `${text}.`, versionTag: "3" },
      { slot: 2, docId: "a", source: "a.md", title: "A", section: [], text: "second chunk of A", versionTag: "3" },
      { slot: 3, docId: "a", source: "a.md", title: "A", section: [], text: "third chunk of A", versionTag: "3" },
      { slot: 4, docId: "c", source: "c.md", title: "C", section: [], text: "something else", versionTag: "3" },
    ];
    const scores = new Map(candidates.map((c, i) => [c.slot, 1 - i * 0.1]));
    const ranked = rank("query", scores, (slot) => candidates[slot] as (typeof candidates)[number], { k: 5 });
    expect(ranked.map((r) => r.candidate.slot)).toEqual([0, 2, 4]);
  });

  it("cuts a snippet around the first query word", () => {
    const text = `${"filler ".repeat(60)}the retry_delay_seconds option sets the wait ${"more ".repeat(60)}`;
    const s = snippet(text, "retry_delay_seconds");
    expect(s.startsWith("…")).toBe(true);
    expect(s).toContain("retry_delay_seconds option");
    expect(s.length).toBeLessThan(260);
  });
});
