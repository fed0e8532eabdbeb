import { describe, expect, it } from "vitest";
import { sampleStats } from "./stats.js";
import { formatTarget, targetMet } from "./target.js";

describe("targets", () => {
  it("checks the named statistic against its bound", () => {
    const stats = sampleStats([10, 20, 30, 60]);
    expect(targetMet({ name: "x", unit: "ms", stats, target: { stat: "p50", below: 25 } })).toBe(true);
    expect(targetMet({ name: "x", unit: "ms", stats, target: { stat: "p99", below: 50 } })).toBe(false);
    expect(targetMet({ name: "x", unit: "", value: 0.8, target: { stat: "value", atLeast: 0.8 } })).toBe(true);
    expect(targetMet({ name: "x", unit: "", value: 0.79, target: { stat: "value", atLeast: 0.8 } })).toBe(false);
  });

  it("has no verdict without a target or without the statistic", () => {
    expect(targetMet({ name: "x", unit: "ms", value: 3 })).toBeUndefined();
    expect(targetMet({ name: "x", unit: "ms", value: 3, target: { stat: "p95", below: 5 } })).toBeUndefined();
  });

  it("reads as text", () => {
    expect(formatTarget({ stat: "p99", below: 50 }, "ms")).toBe("p99 < 50 ms");
    expect(formatTarget({ stat: "value", atLeast: 0.8 }, "")).toBe(">= 0.80");
  });
});
