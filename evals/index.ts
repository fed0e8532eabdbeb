// Public surface of evals/: case files, replay and scoring, aggregates, reports, and the audit of recorded answers.
export { summarizeResults } from "./aggregate.js";
export { type AuditFinding, checkApiNames } from "./audit/api-check.js";
export { createAuditTools } from "./audit/audit-tools.js";
export { type AuditTools, auditMessage, auditTranscript } from "./audit/audit-transcript.js";
export { checkClaims } from "./audit/claim-check.js";
export { caseSchema } from "./case-schema.js";
export {
  type ClaimEvalReport,
  evaluateClaims,
  evaluateClaimsFile,
  type LabelledClaim,
  parseLabelledClaims,
  renderClaimEval,
} from "./claims/evaluate-claims.js";
export {
  DEFAULT_EVAL_CACHE,
  defaultEvalInputs,
  type EvalIndex,
  ingestInputsFor,
  prepareEvalIndex,
  SHARED_DOCS,
} from "./eval-knowledge.js";
export {
  answerCodeLinter,
  createEvalRuntime,
  type EvalRuntime,
  type EvalRuntimeOptions,
} from "./eval-runtime.js";
export { type AuditOptions, auditFiles, type EvaluateOptions, evaluate, evaluateCases } from "./evaluate.js";
export { createLlmJudge, type Judge, type LlmJudgeOptions, parseVerdict } from "./judge.js";
export { CaseFileError, parseCaseFile } from "./load-cases.js";
export { parseMinPass, readMinPassFile } from "./min-pass.js";
export { casesFromTranscripts, type EvalInputs, loadCases, readEvalInputs, type Transcript } from "./read-inputs.js";
export { renderAuditText } from "./report-audit.js";
export { escapeHtml, renderAuditHtml, renderHtml } from "./report-html.js";
export { renderText } from "./report-text.js";
export { type RunCasesOptions, runCases } from "./run-cases.js";
export { type AnswerBlockLint, type AnswerCodeLinter, scoreAnswer } from "./score-case.js";
export { transcriptCases } from "./transcript-cases.js";
export type * from "./types.js";
