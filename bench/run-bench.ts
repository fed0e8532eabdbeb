// Runs the selected sections one after another, each isolated: missing data or a failure is reported, never thrown.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { repoRoot, sharedDataDir } from "../core/index.js";
import { type BenchConfig, benchConfig } from "./config.js";
import { loadCorpus } from "./corpus.js";
import { machineInfo } from "./machine.js";
import { preparedIndexes } from "./prepared-index.js";
import { type BenchContext, type Section, SkipSection } from "./section.js";
import { defaultSections } from "./sections/index.js";
import type { BenchReport, SectionName, SectionResult } from "./types.js";

export interface BenchOptions {
  quick?: boolean;
  /** Sections to run (default: all), in the runner's order. */
  only?: readonly SectionName[];
  /** The command line recorded in the report. */
  command?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Overrides the run sizes (tests). */
  config?: BenchConfig;
  /** Where the docs corpus lives (tests); default: the shared data beside the checkout. */
  corpusRoot?: string;
  /** Overrides the sections (tests). */
  sections?: readonly Section[];
}

export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const quick = options.quick ?? false;
  const config = options.config ?? benchConfig(quick);
  const log = options.log ?? (() => {});
  const workDir = await mkdtemp(path.join(os.tmpdir(), "orca-bench-"));
  try {
    const corpus = await loadCorpus(workDir, config.corpusFilesPerVersion, options.corpusRoot);
    const ctx = createContext(config, corpus, workDir, log);
    const selected = (options.sections ?? defaultSections()).filter(
      (s) => !options.only || options.only.includes(s.name),
    );
    const sections: SectionResult[] = [];
    for (const section of selected) {
      log(`bench: ${section.name}...`);
      const result = await runSection(section, ctx);
      log(`bench: ${section.name} ${result.status}${result.reason ? `: ${result.reason}` : ""}`);
      sections.push(result);
    }
    return {
      startedAt,
      durationMs: performance.now() - started,
      command: options.command ?? "orca bench",
      quick,
      machine: machineInfo(),
      corpus: corpus?.info ?? null,
      sections,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function runSection(section: Section, ctx: BenchContext): Promise<SectionResult> {
  const start = performance.now();
  const base = { section: section.name, figures: [], notes: [], tables: [], details: {} };
  try {
    const output = await section.run(ctx);
    return {
      ...base,
      figures: output.figures,
      notes: (output.notes ?? []).map(portable),
      tables: output.tables ?? [],
      details: output.details ?? {},
      status: "ok",
      durationMs: performance.now() - start,
    };
  } catch (error) {
    const durationMs = performance.now() - start;
    if (error instanceof SkipSection) return { ...base, status: "skipped", reason: error.reason, durationMs };
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, status: "failed", reason: portable(message.split("\n")[0]!), durationMs };
  }
}

/** Machine paths in messages become checkout-relative, so reports can be committed and compared. */
function portable(text: string): string {
  return text.replaceAll(sharedDataDir, "../shared").replaceAll(repoRoot, ".");
}

function createContext(
  config: BenchConfig,
  corpus: BenchContext["corpus"],
  workDir: string,
  log: (line: string) => void,
): BenchContext {
  return { config, corpus, workDir, log, indexes: preparedIndexes(corpus, workDir, log) };
}
