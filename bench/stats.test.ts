import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats.js";

describe("percentile", () => {
  it("uses the nearest rank, so every figure is an observed sample", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
  });

  it("is NaN for no samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarize", () => {
  it("sorts unsorted samples and reports max and mean", () => {
    const s = summarize([30, 10, 20, 40]);
    expect(s).toMatchObject({ n: 4, p50: 20, p95: 40, max: 40, mean: 25 });
  });
});
