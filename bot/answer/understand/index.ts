// Public surface of the understand stage: thread → typed Question.
export { compareSides } from "./compare-sides.js";
export { type Concept, conceptsIn, warmConcepts } from "./concepts-in.js";
export {
  commandsWritten,
  errorSubjectWords,
  isCliName,
  namesErrorSubject,
  namesKind,
  numberGivenFor,
  quotedErrors,
  readFocus,
  readValues,
  statedDuration,
  statedLimit,
  statedNumbers,
  withDurationsAsWords,
  withoutVersionSaid,
  writesCommand,
} from "./focus.js";
export { looksPrefectRelated } from "./input-guard.js";
export { nonEnglish } from "./language.js";
export { isLogRecord, withoutLogLines } from "./log-lines.js";
export { plainQuestion } from "./plain-question.js";
export { splitPractice } from "./practice.js";
export { pythonVersionsNamed } from "./python-named.js";
export type { AskerValues, Focus, OwnNames, Question, QuestionKind, VersionStatement } from "./question.js";
export {
  actionBeforePurpose,
  askingSentence,
  asksAboutSetting,
  asksForDefault,
  asksForQuantity,
  asksIfBug,
  asksIfExpected,
  asksOnlyForReview,
  asksOpenQuestion,
  asksPossibility,
  asksSomething,
  asksToBringAbout,
  contrastedWords,
  contrastSides,
  DETERMINERS,
  happensAgainstWish,
  opensQuestion,
  opensWithQuestionWord,
  pointsBack,
  questionKind,
  referentOf,
  reportsTroubleIn,
  SETTING_WORDS,
  sentenceBeforeAsking,
  sentencesOf,
  statesAim,
  wantsAsDefault,
  withoutConditions,
  words,
} from "./question-kind.js";
export { type QuestionPart, questionParts } from "./question-parts.js";
export {
  bareName,
  callsAsCallees,
  codeSpans,
  GENERIC_NAMES,
  identifiersIn,
  inlineCodeNames,
  keywordsIn,
  mapInlineCalls,
  questionTerms,
  withoutAvoided,
  withoutVersions,
} from "./question-terms.js";
export { type CodeUnderReview, readThread, type ThreadReading } from "./read-thread.js";
export { asSentenceStart, splitSentences } from "./split-sentences.js";
export { exampleApiUrls, statedServerUrl } from "./stated-server.js";
export { zonesWritten } from "./stated-time.js";
export { reconcileVersion, type UnderstandDeps, understand } from "./understand.js";
export { readUpgradeTarget, readVersionStatement } from "./version-statement.js";
