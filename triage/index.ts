// Public surface of triage/: the offline classifier, similarity, the lifecycle and the triage store.
export {
  type Classification,
  type ClassifierOptions,
  createClassifier,
  type ThreadClassifier,
} from "./classify-thread.js";
export { CueTable, normalWords } from "./cue-table.js";
export { resolvedByUpgrade } from "./digest.js";
export {
  type ClassificationReport,
  type DuplicateReport,
  duplicateFeatureRows,
  evaluateClassifier,
  evaluateDuplicates,
  formatTriageEval,
  parsePairCases,
  parseThreadCases,
} from "./evaluate-triage.js";
export { findSimilar, SimilarFinder, type SimilarItem } from "./find-similar.js";
export {
  chooseThreshold,
  crossValidatedScores,
  fitLogistic,
  type LabelledFeatures,
  leaveOneOutScores,
  type OperatingPoint,
  operatingPoint,
} from "./fit-duplicate-model.js";
export { createFixFinder, type FixFinder, type FixLink, upgradeReleaseIn } from "./fix-links.js";
export { type GithubSyncResult, importGithubExport, parseRepo, syncGithubIssues } from "./github-issues.js";
export { isOpen, type LifecycleEvent, nextState, THREAD_STATES, type ThreadState } from "./lifecycle.js";
export { type AsyncThreadClassifier, createLlmClassifier, type TriageChatModel } from "./llm-classifier.js";
export { buildReport, type TriageReport } from "./report-data.js";
export { GAP_COLOUR, HUMAN_COLOUR, KIND_COLOURS, ORCA_COLOUR, renderTriageHtml } from "./report-html.js";
export {
  DUPLICATE_FEATURES,
  DUPLICATE_THRESHOLD,
  type DuplicateModel,
  type FeatureVector,
  loadDuplicateModel,
  quotedErrors,
  SimilarityIndex,
  scoreOf,
} from "./similarity.js";
export { modelClassifier, type RunningTriage, startTriage } from "./start-triage.js";
export { isKind, isTopic, KINDS, type ThreadKind, type ThreadTopic, TOPICS } from "./taxonomy.js";
export {
  ALL_FEATURE_GROUPS,
  detectCode,
  type FeatureGroups,
  type FeatureTables,
  loadFeatureTables,
  type MessageFeatures,
  messageFeatures,
  restrictFeatures,
} from "./thread-features.js";
export {
  crossValidate,
  fitSoftmax,
  groupFolds,
  type LabelledExample,
  type Prediction,
  predict,
  type SoftmaxModel,
  type SparseFeatures,
} from "./thread-model.js";
export { NEED_HUMAN_ACTION, TriageDesk } from "./triage-desk.js";
export { loadTriageSettings, parseTriageSettings, type TriageSettings } from "./triage-settings.js";
export {
  type ChannelMode,
  type FixLinkRecord,
  type KnownIssue,
  type NewThread,
  type Pruned,
  TRIAGE_SCHEMA_VERSION,
  TriageStore,
  type TriageThread,
} from "./triage-store.js";
