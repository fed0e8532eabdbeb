// What the answer engine recognises a text to be about, for other areas (triage): the answer units whose phrasings
// match it confidently. The everyday vocabulary lives in the units (knowledge/pack/units), so triage and the answer
// engine share one source of it.
import path from "node:path";
import { DEFAULT_PACK_DIR, loadUnitsDir } from "../../../knowledge/index.js";
import { CONFIDENT } from "../plan/index.js";
import { UnitIndex } from "../retrieve/index.js";
import { plainQuestion } from "./index.js";

export interface Concept {
  /** The id of the answer unit ("task-timeout", "failure-alerts"). */
  id: string;
  confidence: number;
}

let index: UnitIndex | undefined;

/**
 * Reads and indexes the pack's units now (about half a second). A service calls it at start: built on the first
 * message instead, it would stall every request that arrives meanwhile, Slack's acknowledgements included.
 */
export function warmConcepts(): UnitIndex {
  index ??= new UnitIndex(loadUnitsDir(path.join(DEFAULT_PACK_DIR, "units")));
  return index;
}

/** The pack's answer units that match the text confidently, best first. */
export function conceptsIn(text: string): Concept[] {
  const question = plainQuestion(text);
  // Units for one major line only still name the topic; the newest release keeps every general unit.
  return warmConcepts()
    .match(question, "3.99.0", 3)
    .filter((m) => m.confidence >= CONFIDENT)
    .map((m) => ({ id: m.unit.id, confidence: m.confidence }));
}
