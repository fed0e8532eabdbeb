import type { Section } from "../section.js";
import { answerSection } from "./answer.js";
import { e2eSection } from "./e2e.js";
import { ingestSection } from "./ingest.js";
import { lintSection } from "./lint.js";
import { retrievalSection } from "./retrieval.js";
import { triageSection } from "./triage.js";

/** Every section, in run order: lint first so facts load is measured cold, e2e last as the heaviest. */
export function defaultSections(): Section[] {
  return [lintSection, triageSection, ingestSection, retrievalSection, answerSection, e2eSection];
}
