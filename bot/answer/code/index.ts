// Public surface of bot/answer/code: checking the asker's code (lint, repair, lint again) and carrying the asker's
// stated values into an example.
export { adaptExample, type StatedValue, statedValues, statedValuesSentence } from "./adapt-example.js";
export {
  type CheckedSnippet,
  checkSnippet,
  diagnosedKeywords,
  diagnosedRaises,
  diagnosedSubjects,
  hasCode,
  isBlocking,
} from "./check-code.js";
export { memoizedLinter } from "./memoized-linter.js";
export { ownMethodCalls } from "./own-method-calls.js";
