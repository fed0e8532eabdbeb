// Public surface of the retrieve stage: the answer units, the docs and threads and the API facts a question needs.
export { type ApiFinding, findAskedApis, formatParams, lookupApi } from "./api-lookup.js";
export { hintsFor } from "./hints.js";
export { brief, clip, keyPoints, type Unit, units } from "./passage-extracts.js";
export { codeNames, isReferencePage, notePassages, type Retrieved, retrieve } from "./retrieve.js";
export { relevantSources } from "./source-relevance.js";
export { UnitIndex, type UnitMatch, unitText } from "./unit-index.js";
