// The terminal summary: metrics table, groups, then every failed case with the reason.
import type { EvalReport, GroupSummary, MetricName } from "./types.js";

export const METRIC_LABELS: Record<MetricName, string> = {
  diagnoses_recall: "diagnoses recall",
  diagnoses_precision: "diagnoses precision",
  lead: "lead (first paragraph)",
  mentions: "mentions (own text)",
  must_not: "must_not",
  sources: "sources hit",
  code_lints_clean: "code lints clean",
  no_error: "no error",
  judge_faithfulness: "judge: faithfulness",
  judge_correctness: "judge: correctness",
};

export function percent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function renderText(report: EvalReport): string {
  const s = report.summary;
  const lines: string[] = [];
  lines.push(
    `Orca eval: ${s.passed}/${s.total} passed (${percent(s.passRate)}) · mode ${report.mode} · latency p50 ${formatMs(
      s.latencyMs.p50,
    )}, p95 ${formatMs(s.latencyMs.p95)}`,
    "",
    `${"metric".padEnd(22)}${"mean".padStart(8)}${"cases".padStart(8)}`,
  );
  for (const [name, m] of Object.entries(s.metrics)) {
    if (m.n === 0) continue;
    lines.push(
      `${METRIC_LABELS[name as MetricName].padEnd(22)}${percent(m.mean).padStart(8)}${String(m.n).padStart(8)}`,
    );
  }
  lines.push(
    ...groupLines("by what the reply stood on", s.byBasis),
    ...groupLines("by version", s.byVersion),
    ...groupLines("by tag", s.byTag),
  );
  const failed = report.cases.filter((c) => !c.pass);
  if (failed.length) {
    lines.push("", `failed cases (${failed.length})`);
    for (const c of failed) {
      const where = c.origin ? ` (${c.origin.file}:${c.origin.line})` : "";
      lines.push(`  ✗ ${c.id}${where}`);
      for (const check of c.checks.filter((k) => !k.pass)) lines.push(`      ${check.name}: ${check.detail}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function groupLines(title: string, groups: Record<string, GroupSummary>): string[] {
  const entries = Object.entries(groups);
  if (entries.length === 0) return [];
  return [
    "",
    title,
    ...entries.map(
      ([k, g]) => `  ${k.padEnd(28)}${`${g.passed}/${g.total}`.padStart(8)}${percent(g.passRate).padStart(8)}`,
    ),
  ];
}
