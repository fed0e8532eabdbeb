// The answer's hook into the release-notes facts: from the understood question (its words, code, API names and the
// asker's version) at most one statement that leads the answer ("Fixed in 3.4.25 (#19258); you are on 3.4.20: …")
// and, with it, a few "possibly related" links. Everything about matching lives in knowledge/facts (changeLead).
import {
  type ChangeFactsStore,
  type ChangeLead,
  changeLead,
  type PrefectFacts,
  PrefectFactsStore,
  summarizeUpgradeGuide,
  upgradeGuide,
} from "../../../knowledge/index.js";
import type { CheckedSnippet } from "../code/index.js";
import type { ApiFinding } from "../retrieve/index.js";
import { askingSentence, type ThreadReading } from "../understand/index.js";

export interface UnderstoodQuestion {
  reading: ThreadReading;
  apis: ApiFinding[];
  checked: CheckedSnippet[];
  scoped: boolean;
}

/** "from 2.20 to 3.4", "upgrading from v2.19.3 -> 3.4.20": a question about a range of releases. */
const RANGE =
  /\bfrom\s+(?:prefect\s+)?v?(\d+(?:\.(?:\d+|x))*)\s+(?:to|->|→|into)\s+(?:prefect\s+)?v?(\d+(?:\.(?:\d+|x))*)/i;

/**
 * "upgrade from 2.20 to 3.4" names releases; "from 3 to 5 retries" does not: both ends must be of a major Prefect
 * has had, in a question about upgrading.
 */
function isReleaseRange(from: string, to: string, prose: string, facts: PrefectFactsStore): boolean {
  const majors = new Set(facts.releases.map((r) => r.split(".")[0]));
  if (!majors.has(from.split(".")[0]!) || !majors.has(to.split(".")[0]!)) return false;
  return UPGRADE_WORDS.test(prose);
}

const UPGRADE_WORDS = /\b(?:upgrad\w*|migrat\w*|bump\w*|versions?|releases?|go(?:ing)? from)\b/i;

/** A question about upgrading between two releases: the upgrade guide in a few lines, rendered as the lead. */
export interface UpgradeLead {
  upgrade: string;
}

/** The change lead for a question; null when there are no change facts or the question is out of scope. */
export function changeLeadFor(
  deps: { changes?: ChangeFactsStore; facts: PrefectFacts },
  q: UnderstoodQuestion,
): ChangeLead | UpgradeLead | null {
  if (!deps.changes || q.scoped) return null;
  const range = RANGE.exec(q.reading.prose);
  // The upgrade told as the story ("upgraded from 2 to 3.1.12 and now my task shows Cached. i never set up caching?")
  // is where the asker is, not what they ask: the guide leads only when the asking sentence is about the upgrade.
  const asking = askingSentence(q.reading.prose);
  if (
    range &&
    (RANGE.test(asking) || UPGRADE_WORDS.test(asking)) &&
    deps.facts instanceof PrefectFactsStore &&
    isReleaseRange(range[1]!, range[2]!, q.reading.prose, deps.facts)
  ) {
    try {
      const guide = upgradeGuide({ facts: deps.facts, changes: deps.changes }, { from: range[1]!, to: range[2]! });
      return { upgrade: summarizeUpgradeGuide(guide) };
    } catch {
      // Not a range of releases after all ("from 3 to 5 retries"): answer as usual.
    }
  }
  // An API the asker's release does not have yet (or no longer has) is the answer's lead: a fix to it in some later
  // release says nothing about their problem, and would push the verdict they need down.
  if (q.apis.some((a) => a.status === "not-yet" || a.status === "removed")) return null;
  const { version } = q.reading;
  const found = changeLead(
    { changes: deps.changes, facts: deps.facts },
    {
      text: [q.reading.prose, q.reading.commands].filter(Boolean).join("\n"),
      code: q.checked.map((c) => c.code).join("\n\n"),
      // Names the answer already reports as newer or removed (the API verdict) are not stated twice.
      apis: q.apis.filter((a) => a.status !== "not-yet" && a.status !== "removed").map((a) => a.fq ?? a.asked),
      // An assumed version is not the asker's: say "if you are on an older release" instead of "you are on".
      // As they wrote it ("3.4" is a line, "3.4.99" no release): the lookup places it and quotes it.
      version: version.how === "assumed" ? undefined : version.version,
    },
  );
  // Without the asker's release a release-notes word match cannot say whether they have the change: not worth a line.
  if (version.how === "assumed" && found.basis !== "api-history") return { ...found, lead: null, related: [] };
  return found;
}

/** Puts a strong statement first, and its related links after it; a weak match alone changes nothing. */
export function withChangeLead(markdown: string, lead: ChangeLead | UpgradeLead | null): string {
  if (lead && "upgrade" in lead) return `${lead.upgrade}\n\n${markdown}`;
  if (!lead?.lead) return markdown;
  const link = lead.url && lead.pr ? ` ([#${lead.pr}](${lead.url}))` : "";
  const related = lead.related
    .filter((r) => r.url)
    .slice(0, 2)
    .map((r) => `[${r.text}](${r.url})`);
  const tail = related.length > 0 ? `\n\n_Possibly related: ${related.join("; ")}._` : "";
  // A word match against the release notes was right about four times in five on questions nobody had seen, and
  // leading with a wrong "upgrade to X" misleads: it follows the answer as a pointer. API-history facts lead.
  if (lead.basis === "release-notes")
    return `${markdown}\n\n_Possibly related release note: ${lead.lead}${link}._${tail}`;
  return `**${lead.lead}**${link}\n\n${markdown}${tail}`;
}
