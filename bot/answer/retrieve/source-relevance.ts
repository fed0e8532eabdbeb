// Which retrieved passages deserve a citation: one whose title or section names the answer's topic. A search always
// returns something; a link that is not about the question costs the reader more than it gives, so it is left out.
import type { SearchHit } from "../../../core/index.js";
import { tokenize } from "../../../knowledge/index.js";

/** Words too common in Prefect titles and questions to show that a page is about the question. */
const COMMON = new Set(
  (
    "prefect flow task run runs how guide concept overview version import importerror error errors attributeerror " +
    "typeerror runtimeerror cannot name python prefecthq object attribut attribute code work works working get set new old upgrad upgrade migrat after " +
    "before x return value valu result same one two"
  ).split(" "),
);

function distinctive(text: string): Set<string> {
  // Error class names ("RuntimeError") would otherwise match pages about their parts ("Runtime context").
  const words = text.replace(/\b\w+(?:Error|Exception|Warning)\b/g, " ");
  return new Set(tokenize(words).filter((t) => !COMMON.has(t) && !/^\d+$/.test(t) && t.length > 1));
}

/** Identifier-like tokens (run_deployment, threadpooltaskrunner) say more than plain words. */
function weight(token: string): number {
  return token.includes("_") || token.length > 12 ? 2 : 1;
}

/** How strongly a hit's title and section name the topic described by `about`. */
export function relevance(hit: SearchHit, about: string | Set<string>): number {
  const topic = typeof about === "string" ? distinctive(about) : about;
  let score = 0;
  for (const t of distinctive(`${hit.title} ${hit.section.join(" ")}`)) if (topic.has(t)) score += weight(t);
  return score;
}

/**
 * The hits worth citing, in the search's order: docs pages that share a distinctive word with the topic, past threads that
 * share at least two (a thread's title is a whole question, so one shared word is chance) unless the topic has one.
 */
export function relevantSources(hits: SearchHit[], about: string, max: number): SearchHit[] {
  const topic = distinctive(about);
  return hits
    .map((h) => ({ h, r: relevance(h, topic) }))
    .filter((x) => x.r >= (x.h.kind === "conversation" ? Math.min(2, topic.size) : 1) && x.r > 0)
    .map((x) => x.h)
    .slice(0, max);
}
