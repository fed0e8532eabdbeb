import { describe, expect, it } from "vitest";
import { summarize } from "./stats.js";

describe("summarize", () => {
  it("sorts unsorted samples and reports max and mean", () => {
    const s = summarize([30, 10, 20, 40]);
    expect(s).toMatchObject({ n: 4, p50: 20, p95: 40, max: 40, mean: 25 });
  });
});
