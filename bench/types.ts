// The bench report: what each section measured. Figures are reported, never asserted.
import type { Stats } from "./stats.js";

/** In run order: lint first so the facts load is measured cold, e2e last as the heaviest. */
export const SECTION_NAMES = ["lint", "triage", "ingest", "retrieval", "answer", "e2e"] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** One measured figure: a latency distribution (`stats`) or a single value (a rate, a size, a count). */
export interface Figure {
  name: string;
  unit: string;
  stats?: Stats;
  value?: number;
  /** The target the issue sets; reported beside the figure with whether it was met, never enforced. */
  target?: Target;
}

/** "p99 below 50", "value at least 0.8": one bound on one statistic of a figure. */
export interface Target {
  stat: "p50" | "p95" | "p99" | "max" | "value";
  below?: number;
  atLeast?: number;
}

/** A small side table a section adds (quality per retrieval mode, timing per answer step...). */
export interface SideTable {
  title: string;
  header: string[];
  rows: string[][];
}

export interface SectionResult {
  section: SectionName;
  status: "ok" | "skipped" | "failed";
  /** Why a section was skipped or failed. */
  reason?: string;
  durationMs: number;
  figures: Figure[];
  /** Parts of the section that were skipped, with why ("search latency skipped: no index API"). */
  notes: string[];
  tables: SideTable[];
  /** Section-specific details for bench.json (sizes, per-mode quality tables, verification counts). */
  details: Record<string, unknown>;
}

export interface MachineInfo {
  os: string;
  cpus: number;
  cpuModel: string;
  memoryMB: number;
  node: string;
}

export interface CorpusInfo {
  /** Prefect major versions of the docs included ("3", "2"). */
  versions: string[];
  files: number;
  bytes: number;
  /** True when only a slice of each version was used (quick runs). */
  slice: boolean;
}

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  command: string;
  quick: boolean;
  machine: MachineInfo;
  corpus: CorpusInfo | null;
  sections: SectionResult[];
}
