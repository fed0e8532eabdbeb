// Public surface of the plan stage: what the reply holds (direct answer, fixes, explanations, change leads).
export {
  type AnswerPlan,
  CONFIDENT,
  CONFIDENT_OVER_FIXES,
  type LeadHook,
  type OutsideMatch,
  type PartMatches,
  planAnswer,
} from "./answer-plan.js";
export { availabilityLead } from "./availability.js";
export { changeLeadFor, withChangeLead } from "./change-lead.js";
export { type ErrorFact, explainErrors } from "./error-facts.js";
export { type Explanation, explainDiagnoses } from "./explain.js";
export { flagLead } from "./flag-lead.js";
export { paramDefaultLead, paramPresenceLead } from "./param-default.js";
export { pythonSupportLead } from "./python-lead.js";
export { upgradeChecklistLead } from "./upgrade-checklist.js";
