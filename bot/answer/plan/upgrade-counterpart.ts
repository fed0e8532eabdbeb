// "On 2.20 a failed task fails the flow even though we return None. Will it work the same in 3?": whether the line the
// asker moves to keeps a behaviour. Units are split by release line where the behaviour differs, so when the best unit
// holds only on the asker's line and a unit about the same things holds only on the line they move to, the answer is
// that it changes, and how it works there.
import { satisfies } from "@renovatebot/pep440";
import type { AnswerUnit } from "../../../knowledge/index.js";
import type { UnitMatch } from "../retrieve/index.js";
import { type Question, words } from "../understand/index.js";

/** Words that ask whether it stays as it is ("will it work the same", "does 3 still do that"). */
const KEEPS = new Set(["same", "still", "keep", "keeps", "unchanged", "identical"]);
/** Words that ask whether it changes ("will that change in 3?", "is it different on 3?"). */
const CHANGES = new Set(["change", "changes", "changed", "different", "differently", "differ"]);
/** About-names two units must share to be about the same behaviour (fewer when the unit names fewer). */
const SHARED_NAMES = 2;

export interface Counterpart {
  /** The unit for the asker's current line. */
  now: UnitMatch;
  /** The unit about the same things on the line they move to. */
  then: AnswerUnit;
  /** The answer to the question as asked: "No" to "will it stay the same?", "Yes" to "will it change?". */
  opener: "Yes" | "No";
  /** The release the asker moves to. */
  target: string;
}

export function upgradeCounterpart(
  question: Question,
  release: string,
  matches: readonly UnitMatch[],
  unitsAboutAt?: (names: readonly string[], release: string) => AnswerUnit[],
): Counterpart | null {
  const target = question.upgradeTo?.release;
  if (!target || question.kind !== "yes-no") return null;
  const said = words(question.asking);
  const keeps = said.some((w) => KEEPS.has(w));
  // Asked both ways at once, the question says neither.
  if (keeps === said.some((w) => CHANGES.has(w))) return null;
  const now = matches[0];
  const versions = now?.unit.versions;
  if (!now || !versions || !satisfies(release, versions) || satisfies(target, versions)) return null;
  const about = new Set(now.unit.about.map((a) => a.toLowerCase()));
  const shared = (u: AnswerUnit) => u.about.filter((a) => about.has(a.toLowerCase())).length;
  // Only on the target line: a unit that holds on both says nothing changed.
  const onlyThen = (u: AnswerUnit) =>
    u !== now.unit && !!u.versions && satisfies(target, u.versions) && !satisfies(release, u.versions);
  const needed = Math.min(SHARED_NAMES, about.size);
  const then = [...matches.map((m) => m.unit), ...(unitsAboutAt?.(now.unit.about, target) ?? [])]
    .filter((u) => onlyThen(u) && shared(u) >= needed)
    .sort((a, b) => shared(b) - shared(a))[0];
  return then ? { now, then, opener: keeps ? "No" : "Yes", target } : null;
}
