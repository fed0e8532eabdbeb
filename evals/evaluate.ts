// The two things `orca eval` does: replay cases through an engine and score them, or audit recorded answers.
import { InputError } from "../core/index.js";
import { summarizeResults } from "./aggregate.js";
import { createAuditTools } from "./audit/audit-tools.js";
import { type AuditTools, auditTranscript } from "./audit/audit-transcript.js";
import type { EvalRuntime } from "./eval-runtime.js";
import { casesFromTranscripts, readEvalInputs } from "./read-inputs.js";
import { runCases } from "./run-cases.js";
import type { AuditReport, CaseResult, EvalCase, EvalReport } from "./types.js";

export interface EvaluateOptions {
  onResult?: (result: CaseResult, index: number, total: number) => void;
  /** Per-case deadline; default none beyond the engine's own answer timeout. */
  timeoutMs?: number;
  /** The Prefect version of transcript threads, instead of detecting it (case files state their own). */
  transcriptVersion?: string;
}

export interface AuditOptions {
  tools?: AuditTools;
  /** The Prefect version of every thread, instead of detecting it. */
  version?: string;
}

/** Replays every case in the inputs (case files and the answered questions of transcripts). */
export async function evaluate(
  inputs: string[],
  runtime: EvalRuntime,
  options: EvaluateOptions = {},
): Promise<EvalReport> {
  const read = await readEvalInputs(inputs);
  const fromTranscripts = casesFromTranscripts(read.transcripts).map((c) =>
    options.transcriptVersion ? { ...c, prefectVersion: options.transcriptVersion } : c,
  );
  const cases: EvalCase[] = [...read.cases, ...fromTranscripts];
  if (cases.length === 0) throw new InputError(`no cases found in ${inputs.join(", ")}`);
  return evaluateCases(cases, runtime, options);
}

export async function evaluateCases(
  cases: EvalCase[],
  runtime: Pick<EvalRuntime, "engine" | "linter" | "judge" | "mode">,
  options: EvaluateOptions = {},
): Promise<EvalReport> {
  const results = await runCases(cases, {
    engine: runtime.engine,
    linter: runtime.linter,
    ...(runtime.judge ? { judge: runtime.judge } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.onResult ? { onResult: options.onResult } : {}),
  });
  return {
    generatedAt: new Date().toISOString(),
    mode: runtime.mode,
    summary: summarizeResults(results),
    cases: results,
  };
}

/** Grades the bot answers recorded in transcripts (archived thread text or Slack exports). */
export async function auditFiles(inputs: string[], options: AuditOptions = {}): Promise<AuditReport> {
  const read = await readEvalInputs(inputs);
  if (read.transcripts.length === 0) {
    throw new InputError(`no transcripts in ${inputs.join(", ")}: the audit reads .txt archives and Slack exports`);
  }
  const tools = options.tools ?? (await createAuditTools());
  return {
    generatedAt: new Date().toISOString(),
    transcripts: read.transcripts.map((t) => auditTranscript(t.name, t.messages, tools, options.version)),
  };
}
