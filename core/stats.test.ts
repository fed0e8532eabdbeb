import { describe, expect, it } from "vitest";
import { percentile } from "./stats.js";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [hundred, 50, 50],
    [hundred, 95, 95],
    [hundred, 99, 99],
    [hundred, 100, 100],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[7], 95, 7],
    [[], 50, 0],
  ])("nearest rank of %j at p%d is %d, an observed sample", (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });
});
