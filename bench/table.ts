// Renders a report as rows, then as aligned text (terminal) or Markdown (docs/performance.md).
import { truncate } from "../core/index.js";
import { formatNumber } from "./format-number.js";
import { formatTarget, targetMet } from "./target.js";
import type { BenchReport, Figure, SideTable } from "./types.js";

const HEADER = ["section", "figure", "n", "p50", "p95", "p99", "max", "value", "target", "met"];
/** Columns holding numbers, right-aligned in text output. */
const NUMERIC = new Set([2, 3, 4, 5, 6, 7]);

function withUnit(value: number | undefined, unit: string): string {
  const text = formatNumber(value);
  return text && unit ? `${text} ${unit}` : text;
}

function metText(met: boolean | undefined): string {
  return met === undefined ? "" : met ? "yes" : "no";
}

function figureRow(section: string, f: Figure): string[] {
  const s = f.stats;
  return [
    section,
    f.name,
    s ? String(s.n) : "",
    withUnit(s?.p50, f.unit),
    withUnit(s?.p95, f.unit),
    withUnit(s?.p99, f.unit),
    withUnit(s?.max, f.unit),
    withUnit(f.value, f.unit),
    f.target ? formatTarget(f.target, f.unit) : "",
    metText(targetMet(f)),
  ];
}

export function tableRows(report: BenchReport): string[][] {
  const rows: string[][] = [];
  const textRow = (section: string, text: string) => [section, text, ...HEADER.slice(2).map(() => "")];
  for (const r of report.sections) {
    if (r.status !== "ok") {
      rows.push(textRow(r.section, clip(`${r.status}: ${r.reason ?? "no reason given"}`)));
      continue;
    }
    for (const f of r.figures) rows.push(figureRow(r.section, f));
    for (const note of r.notes) rows.push(textRow(r.section, clip(note)));
  }
  return rows;
}

const MAX_TEXT = 110;

const clip = (text: string): string => truncate(text, MAX_TEXT);

function alignedText(header: string[], rows: string[][], numeric: (i: number) => boolean): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    header
      .map((_, i) => (numeric(i) ? (row[i] ?? "").padStart(widths[i]!) : (row[i] ?? "").padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function markdown(header: string[], rows: string[][]): string {
  const line = (row: string[]) => `| ${row.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function sideTables(report: BenchReport): Array<SideTable & { section: string }> {
  return report.sections.flatMap((r) => r.tables.map((t) => ({ ...t, section: r.section })));
}

/** One line on the machine and the corpus, printed above the table. */
export function formatContext(report: BenchReport): string {
  const m = report.machine;
  const c = report.corpus;
  const corpus = c
    ? `${c.files} files, ${(c.bytes / 2 ** 20).toFixed(1)} MB (v${c.versions.join(" + v")}${c.slice ? ", quick slice" : ""})`
    : "absent";
  return `node ${m.node}, ${m.cpus} cpus (${m.cpuModel}), ${(m.memoryMB / 1024).toFixed(1)} GB, ${m.os}; corpus: ${corpus}`;
}

export function formatTable(report: BenchReport): string {
  const parts = [formatContext(report), "", alignedText(HEADER, tableRows(report), (i) => NUMERIC.has(i))];
  for (const t of sideTables(report)) {
    parts.push(
      "",
      `${t.section}: ${t.title}`,
      alignedText(t.header, t.rows, (i) => i > 0),
    );
  }
  return `${parts.join("\n")}\n`;
}

export function formatMarkdownTable(report: BenchReport): string {
  const parts = [markdown(HEADER, tableRows(report))];
  for (const t of sideTables(report)) parts.push("", `**${t.section}: ${t.title}**`, "", markdown(t.header, t.rows));
  return `${parts.join("\n")}\n`;
}
