// Public surface of evals/retrieval: the question -> page set over the shared docs corpus, its runner, and the
// retrieval benchmark `orca bench` can call.
export {
  formatRetrievalBenchmark,
  type RetrievalBenchmark,
  type RetrievalBenchmarkOptions,
  runRetrievalBenchmark,
} from "./benchmark.js";
export { RETRIEVAL_CASES, type RetrievalCase } from "./cases.js";
export { CORPUS_DIR, corpusAvailable, corpusInputs, corpusPageUrl, V2_BASE_URL, V3_BASE_URL } from "./corpus.js";
export {
  type CaseResult,
  corpusPageOf,
  formatRetrievalReport,
  type ModeScore,
  RETRIEVAL_MODES,
  type RetrievalEvalOptions,
  type RetrievalEvalResult,
  runRetrievalEval,
} from "./run-retrieval-eval.js";
