// The one call an answer makes into the change facts: given the understood question, at most one statement to lead
// the answer with (a strong match only) and a few "possibly related" links.
import {
  type ChangeLookup,
  type ChangeMatch,
  type ChangeQuery,
  type LookupDeps,
  lookupChanges,
} from "./lookup-changes.js";

export interface ChangeLead {
  /** "Fixed in 3.4.25 (#19258): …. You are on 3.4.20: upgrade to 3.4.25 or later." — null unless the match is strong. */
  lead: string | null;
  /** The release and pull request the lead rests on (for evals, triage and citations). */
  release: string | null;
  pr: number | null;
  url: string | null;
  /**
   * "api-history": the lead is an API arriving or leaving (a fact of the API history, stated first); "release-notes": a
   * word match against a release-notes entry, which answers offer after their own answer, not as it.
   */
  basis: "api-history" | "release-notes" | null;
  /** Weaker matches, never stated as facts. */
  related: { text: string; release: string; url: string | null }[];
}

const MAX_RELATED = 3;
/** Score gap under which the best strong match is not clearly the one. */
const AMBIGUOUS = 0.05;

/**
 * The one rule for stating a release-notes entry as a fact: a strong match, clearly ahead of any other strong match.
 * A strong fix the asker already has leads too: "Fixed in 3.6.3, which your 3.6.10 already includes" says their
 * problem is something else (its score was already discounted for being old news).
 */
function leadingMatch(found: ChangeLookup): ChangeMatch | undefined {
  const strong = found.matches.filter((m) => m.strength === "strong");
  // Two different entries matching about as well is not a fact about either: offer both as possibly related.
  const runnerUp = strong[1];
  return strong[0] && (!runnerUp || strong[0].evidence - runnerUp.evidence >= AMBIGUOUS) ? strong[0] : undefined;
}

/** A fix released after the asker's release, as an answer would state it (for triage records). */
export interface FixLink {
  release: string;
  pr: number | null;
  url: string | null;
  /** The match's calibrated score (0..1). */
  score: number;
  /** The release-notes entry. */
  text: string;
}

/**
 * The fix an answer to this question would state ("Fixed in 3.4.25 (#19258); you are on 3.4.20: upgrade …"), when
 * it is a fix released after the asker's version: the same rule as `changeLead`, so triage links exactly what an
 * answer says. Null without a version, when an API the asker's release lacks leads instead, or when the leading
 * entry is not a fix after their release.
 */
export function fixAfter(deps: LookupDeps, question: ChangeQuery): FixLink | null {
  if (!question.version) return null;
  const found = lookupChanges(deps, question);
  if (found.availability.length > 0) return null;
  const leading = leadingMatch(found);
  if (leading?.change.kind !== "fix" || leading.relation !== "after") return null;
  const { release, pr, url, text } = leading.change;
  return { release, pr, url, score: leading.score, text };
}

export function changeLead(deps: LookupDeps, question: ChangeQuery): ChangeLead {
  const found = lookupChanges(deps, question);
  const none: ChangeLead = { lead: null, release: null, pr: null, url: null, basis: null, related: [] };
  // An API the asker's release lacks is a fact from the API history: it leads over any word match.
  const available = found.availability[0];
  const leading = leadingMatch(found);
  const related = found.matches
    .filter((m) => m !== leading)
    .slice(0, MAX_RELATED)
    .map((m) => ({
      text: `${m.change.product === "prefect" ? "" : `${m.change.product} `}${m.change.release}: ${m.change.text}`,
      release: m.change.release,
      url: m.change.url,
    }));
  if (available) {
    // The release-notes entry behind it: the best match from that very release, strong or not.
    const sameEntry = found.matches.find(
      (m) => m.change.release === available.firstRelease && m.change.product === "prefect",
    )?.change;
    return {
      lead: sameEntry?.pr
        ? available.statement.replace(
            new RegExp(`(arrived|removed) in ${available.firstRelease.replaceAll(".", "\\.")}`),
            `$1 in ${available.firstRelease} (#${sameEntry.pr})`,
          )
        : available.statement,
      release: available.firstRelease,
      basis: "api-history",
      pr: sameEntry?.pr ?? null,
      url: sameEntry?.url ?? null,
      related: related.filter((r) => r.url !== sameEntry?.url),
    };
  }
  if (!leading) return { ...none, related };
  return {
    lead: leading.statement,
    basis: "release-notes",
    release: leading.change.release,
    pr: leading.change.pr,
    url: leading.change.url,
    related,
  };
}
