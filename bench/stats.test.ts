import { describe, expect, it } from "vitest";
import { sampleStats } from "./stats.js";

describe("sampleStats", () => {
  it("sorts unsorted samples and reports max and mean", () => {
    const s = sampleStats([30, 10, 20, 40]);
    expect(s).toMatchObject({ n: 4, p50: 20, p95: 40, max: 40, mean: 25 });
  });
});
