// Turns per-case results into the numbers a reader looks at first.
import { percentile } from "../core/index.js";
import {
  type CaseResult,
  type EvalSummary,
  type GroupSummary,
  METRIC_NAMES,
  type MetricName,
  type MetricSummary,
} from "./types.js";

export function summarize(results: CaseResult[]): EvalSummary {
  const passed = results.filter((r) => r.pass).length;
  const metrics = Object.fromEntries(METRIC_NAMES.map((m) => [m, metricSummary(results, m)])) as Record<
    MetricName,
    MetricSummary
  >;
  const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    total: results.length,
    passed,
    passRate: rate(passed, results.length),
    metrics,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : 0,
      max: latencies.at(-1) ?? 0,
    },
    byTag: groupBy(results, (r) => r.tags),
    byVersion: groupBy(results, (r) => [versionGroup(r.prefectVersion)]),
    byBasis: groupBy(results, (r) => [r.answer?.basis ?? "error"]),
  };
}

function metricSummary(results: CaseResult[], name: MetricName): MetricSummary {
  const values = results.map((r) => r.metrics[name]).filter((v): v is number => v !== undefined);
  return { mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, n: values.length };
}

function groupBy(results: CaseResult[], keys: (r: CaseResult) => string[]): Record<string, GroupSummary> {
  const groups: Record<string, GroupSummary> = {};
  for (const r of results) {
    for (const key of keys(r)) {
      groups[key] ??= { total: 0, passed: 0, passRate: 0 };
      const g = groups[key];
      g.total++;
      if (r.pass) g.passed++;
    }
  }
  for (const g of Object.values(groups)) g.passRate = rate(g.passed, g.total);
  return Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b)));
}

/** "3.4.20" -> "3.x", null -> "unstated". */
function versionGroup(version: string | null): string {
  if (!version) return "unstated";
  return `${version.split(".")[0]}.x`;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
