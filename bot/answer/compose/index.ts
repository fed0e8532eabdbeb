// Public surface of the compose stage: a plan or a draft rendered as the reply's Markdown.
export { apiDetails } from "./api-text.js";
export { composeOffline, type Draft, logsHint } from "./compose-offline.js";
export { gatherProse, type Hints, noteWords } from "./prose.js";
export { renderPlan } from "./render-plan.js";
