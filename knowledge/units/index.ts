// Public surface of knowledge/units: answer units as data, from the pack and from the settings facts.
export {
  type AnswerUnit,
  type AnswerUnitRecord,
  fillSlots,
  loadUnitsDir,
  parseUnits,
  QUESTION_KINDS,
  type QuestionKind,
} from "./answer-unit.js";
export { loadAnswerUnits } from "./load-units.js";
export { settingUnits } from "./setting-units.js";
