// Links a support thread to the release that fixed its problem, and reads an upgrade suggestion out of a reply. The
// fix is the one an answer to the thread would state ("Fixed in 3.4.25 (#19258); you are on 3.4.20"): the decision is
// knowledge/facts' `fixAfter`, the answer's own rule, so triage never links what Orca would not say.
import { comparePep440, type FixLink, fixAfter, isPep440, type LookupDeps } from "../knowledge/index.js";
import { extractSnippets } from "../lint/index.js";

export type { FixLink };

export interface FixFinder {
  /** The fix released after `version` that the thread's problem matches; null when none is stated with confidence. */
  find(text: string, version: string | null): FixLink | null;
}

/**
 * A release ("3.4.20") or a line ("3.4"). A line is read as its latest release (the lookup's own resolution), so a
 * fix after it is after whatever patch the asker runs; a major alone ("3") says too little to place a fix.
 */
const RELEASE_OR_LINE = /^\d+\.\d+(?:\.\d+)?$/;

export function createFixFinder(deps: LookupDeps): FixFinder {
  return {
    find(text, version) {
      if (!version || !RELEASE_OR_LINE.test(version)) return null;
      // As the answer reads a thread: the prose's words are matched as words, the code's names as API names.
      const snippets = extractSnippets(text).filter((s) => s.language !== "text");
      let prose = text;
      for (const s of snippets) prose = prose.replace(s.raw, " ");
      const code = snippets.map((s) => s.code).join("\n\n");
      return fixAfter(deps, { text: prose, ...(code ? { code } : {}), version });
    },
  };
}

/**
 * A release named shortly after an upgrade word: "try upgrading to 3.4.25", "upgrade to 3.4.25 or later", "bumped
 * prefect to v3.4.26", "pip install -U prefect==3.4.25". "I'm on 3.4.20" names a release but suggests nothing.
 */
const UPGRADE_TO =
  /(?:\b(?:upgrad\w*|bump\w*|updat(?:e|ed|ing))\b|\s-U\b)[^\n]{0,40}?(?<![\w.])v?(\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?)(?!\w|\.\d)/gi;

/**
 * The release a reply suggests (or reports) upgrading to: the newest release named right after an upgrade word;
 * null otherwise. Only the release is kept, never the reply's words.
 */
export function upgradeReleaseIn(text: string): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(UPGRADE_TO)) {
    const release = m[1]!;
    if (isPep440(release) && (best === null || comparePep440(release, best) > 0)) best = release;
  }
  return best;
}
