// The contract every bench section implements, and what the runner hands it.
import type { BenchConfig } from "./config.js";
import type { PreparedIndexes } from "./prepared-index.js";
import type { CorpusInfo, Figure, SectionName, SideTable } from "./types.js";

export interface CorpusSource {
  /** Folder of Markdown/MDX pages. */
  dir: string;
  versionTag: "2" | "3";
  baseUrl: string;
}

export interface BenchCorpus {
  sources: CorpusSource[];
  info: CorpusInfo;
}

export interface BenchContext {
  config: BenchConfig;
  /** The docs corpus to measure with, or null when the shared data is absent. */
  corpus: BenchCorpus | null;
  /** A private temporary folder, removed after the run. */
  workDir: string;
  /** ORCA_DATA_DIR folders holding prepared indexes, shared by the sections that read them. */
  indexes: PreparedIndexes;
  log(line: string): void;
}

export interface SectionOutput {
  figures: Figure[];
  notes?: string[];
  tables?: SideTable[];
  details?: Record<string, unknown>;
}

export interface Section {
  name: SectionName;
  run(ctx: BenchContext): Promise<SectionOutput>;
}

/** Thrown by a section whose data is not there (no shared corpus); the runner reports "skipped: <reason>". */
export class SkipSection extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "SkipSection";
  }
}

export function requireCorpus(ctx: BenchContext): BenchCorpus {
  if (!ctx.corpus) throw new SkipSection("shared docs corpus not found");
  return ctx.corpus;
}
