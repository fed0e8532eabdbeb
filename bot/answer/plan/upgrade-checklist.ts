// "We're on 2.20.0 and want to go to 3. We use `Deployment.build_from_flow` and `SequentialTaskRunner`: which of
// these do we have to change?": of the Prefect names the question writes that the asker's release has, those the
// release they move to no longer has are the answer, each with the release it went in and what replaces it.
import { describeApi, type PrefectFacts } from "../../../knowledge/index.js";
import { pointsBack, type Question } from "../understand/index.js";
import type { LeadCandidate } from "./answer-plan.js";

/** Names the question must write for a checklist: with one, the availability lead answers. */
const MIN_NAMES = 2;
/** Sure of each name, but below a unit that matches the question clearly: a written migration guide says more. */
const CONFIDENCE = 0.75;

export function upgradeChecklistLead(question: Question, release: string, facts: PrefectFacts): LeadCandidate | null {
  const target = question.upgradeTo?.release;
  if (!target) return null;
  const named = question.focus.apis.filter((name) => !question.focus.foreign?.includes(name));
  if (named.length < MIN_NAMES) return null;
  // Asked about those names ("which of these do we have to change?", "do `A` and `B` still work?"); "roughly what
  // breaks?" asks for more than the names the story mentions.
  const inAsking = named.filter((name) => question.asking.includes(name)).length;
  if (inAsking < MIN_NAMES && !pointsBack(question.asking)) return null;
  const gone: string[] = [];
  const kept: string[] = [];
  for (const name of named) {
    const now = describeApi(facts, name, release, { details: false });
    if (now.status !== "present" || now.kind === "module") continue;
    const then = describeApi(facts, name, target, { details: false });
    const shown = `\`${name}\``;
    if (then.status === "removed" && then.lastRelease) {
      const replacement = then.replacement?.endsWith(".") ? then.replacement.slice(0, -1) : then.replacement;
      const instead = replacement ? `: ${replacement}` : "";
      gone.push(`${shown} (gone after ${then.lastRelease}${instead})`);
    } else if (then.status === "present") kept.push(shown);
  }
  if (gone.length === 0 || gone.length + kept.length < MIN_NAMES) return null;
  const stays = kept.length > 0 ? ` ${kept.join(", ")} ${kept.length === 1 ? "stays" : "stay"}.` : "";
  return {
    text: `Moving from ${release} to Prefect ${target}, change ${gone.length === 1 ? "this" : `these ${gone.length}`}: ${gone.join("; ")}.${stays}`,
    confidence: CONFIDENCE,
    sources: [],
    basis: "facts",
    about: named,
  };
}
