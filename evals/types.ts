// The eval vocabulary: cases, per-case results, aggregates and audit defects.
import type { RuleId, Severity, SourceRef, ThreadMessage, VersionGuess } from "../core/index.js";

/** What an answer must satisfy. Every field is optional; an absent field is not checked. */
export interface CaseExpectations {
  /** Rule ids the answer must report about the asker's code; an empty list means "no diagnoses at all". */
  diagnoses?: RuleId[];
  /** Case-insensitive JavaScript regexes that must each match Orca's own text (quoted sources excluded). */
  mentions?: string[];
  /** Case-insensitive JavaScript regexes that must each match the first paragraph of Orca's own text. */
  lead?: string[];
  /** Case-insensitive JavaScript regexes none of which may match the answer. */
  mustNot?: string[];
  /** At least one cited source must contain one of these substrings. */
  sources?: string[];
  /** Every Python block in the answer must lint clean for the case's version. */
  codeLintsClean?: boolean;
}

/** Where a case came from, for error messages and reports. */
export interface CaseOrigin {
  file: string;
  line: number;
}

export interface EvalCase {
  id: string;
  /** "3.4.20", "3", "2", or null when the case leaves it to detection. */
  prefectVersion: string | null;
  /** Earlier messages, oldest first. */
  thread: ThreadMessage[];
  question: string;
  expect: CaseExpectations;
  tags: string[];
  /** A reference answer for the optional LLM judge. */
  reference?: string;
  origin?: CaseOrigin;
}

/** A case cut from a transcript, with what the bot answered at the time (graded by the audit). */
export interface TranscriptCase extends EvalCase {
  /** The recorded bot messages that answered this question, with their indexes in the transcript. */
  recorded: Array<ThreadMessage & { index: number }>;
}

export const CHECK_NAMES = [
  "no_error",
  "diagnoses",
  "lead",
  "mentions",
  "must_not",
  "sources",
  "code_lints_clean",
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface Check {
  name: CheckName;
  pass: boolean;
  /** Why it failed (or what was seen), in one line. */
  detail: string;
}

export const METRIC_NAMES = [
  "diagnoses_recall",
  "diagnoses_precision",
  "lead",
  "mentions",
  "must_not",
  "sources",
  "code_lints_clean",
  "no_error",
  "judge_faithfulness",
  "judge_correctness",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Scores in [0, 1]; a metric is absent when the case does not measure it. */
export type Metrics = Partial<Record<MetricName, number>>;

export interface AnswerDigest {
  markdown: string;
  sources: SourceRef[];
  diagnoses: RuleId[];
  version: string;
  mode: string;
  /** What the reply stood on (unit, release-note, checked-code, notes, abstain, need-more, model). */
  basis: string;
  unit?: { id: string; confidence: number } | null;
  notes: string[];
}

export interface JudgeVerdict {
  faithfulness?: number;
  correctness?: number;
  notes: string[];
}

export interface CaseResult {
  id: string;
  question: string;
  tags: string[];
  prefectVersion: string | null;
  pass: boolean;
  checks: Check[];
  metrics: Metrics;
  latencyMs: number;
  answer?: AnswerDigest;
  error?: string;
  judge?: JudgeVerdict;
  origin?: CaseOrigin;
}

export interface MetricSummary {
  mean: number | null;
  /** How many cases measured it. */
  n: number;
}

export interface GroupSummary {
  total: number;
  passed: number;
  passRate: number;
}

export interface EvalSummary {
  total: number;
  passed: number;
  passRate: number;
  metrics: Record<MetricName, MetricSummary>;
  latencyMs: { p50: number; p95: number; mean: number; max: number };
  byTag: Record<string, GroupSummary>;
  byVersion: Record<string, GroupSummary>;
  /** Cases by what the reply stood on; `abstain` over the total is the abstention rate. */
  byBasis: Record<string, GroupSummary>;
}

export interface EvalReport {
  generatedAt: string;
  mode: string;
  summary: EvalSummary;
  cases: CaseResult[];
}

/** "archive": an artefact of how the thread was archived (Slack's link mangling), not the bot's own error. */
export type DefectKind = "lint" | "api" | "claim" | "archive";

/** One thing wrong in a recorded bot answer, located in its message. */
export interface Defect {
  kind: DefectKind;
  /** A snippet-lint rule id, or an API-check code such as "removed-api" or "flow-submit-claim". */
  code: string;
  severity: Severity;
  message: string;
  messageIndex: number;
  author: string;
  ts?: string;
  /** The offending text, shortened. */
  excerpt: string;
}

export interface AuditedTranscript {
  file: string;
  version: VersionGuess;
  messages: number;
  botMessages: number;
  defects: Defect[];
}

export interface AuditReport {
  generatedAt: string;
  transcripts: AuditedTranscript[];
}
