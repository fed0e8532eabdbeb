// What the matching answer units lend the notes-and-passages path: Prefect's words for the question's everyday
// phrasing (search expansions), the words the answering sentence should hold (cues), and the kind of answer wanted.
import type { Hints } from "../compose/index.js";
import { type Question, words } from "../understand/index.js";
import type { UnitMatch } from "./unit-index.js";

/** Units this close to the question lend it their names as search words; this close, as the words to answer with. */
const EXPAND_FROM = 0.4;
const CUE_FROM = 0.45;

export function hintsFor(question: Question, matches: UnitMatch[]): Hints {
  // Only units whose phrasing (not merely a shared name) matches, and only the leading ones: a runner-up well behind
  // the best one is about something else.
  const best = matches[0]?.similarity ?? 0;
  const expansions = matches
    .filter((m) => m.similarity >= EXPAND_FROM && m.similarity >= best - 0.1 && !m.unit.setting)
    .slice(0, 2)
    .map((m) => m.unit.about.join(" "));
  const top = matches[0];
  const cues = top && top.similarity >= CUE_FROM && !top.unit.setting ? top.unit.about : [];
  return { expansions, cues, kind: question.kind, asksWhat: words(question.asking)[0] === "what" };
}
