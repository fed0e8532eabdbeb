import { describe, expect, it } from "vitest";
import { benchmarkLint } from "./benchmark-lint.js";

describe("benchmarkLint", () => {
  it("reports latency percentiles and throughput (figures only, nothing asserted about speed)", async () => {
    const report = await benchmarkLint({ rounds: 2, warmupRounds: 1 });
    expect(report.samples).toBeGreaterThanOrEqual(2);
    expect(report.p50Ms).toBeGreaterThan(0);
    expect(report.p95Ms).toBeGreaterThanOrEqual(report.p50Ms);
    expect(report.maxMs).toBeGreaterThanOrEqual(report.p95Ms);
    expect(report.snippetsPerSecond).toBeGreaterThan(0);
    expect(report.linesPerSnippet.every((n) => n >= 30 && n <= 50)).toBe(true);
  });
});
