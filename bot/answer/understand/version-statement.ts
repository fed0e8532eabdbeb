// What the asker says about their Prefect version, read as a PEP 440 specifier against the known releases:
// "prefect<3", "prefect>=2.14,<3", "prefect==3.4.*", requirement and pyproject pins, poetry carets, "latest",
// "fresh install", "just upgraded to 3", "we're on 2". The lint area's detector reads release numbers and
// `prefect version` output; this reads what those numbers mean as a constraint, which the detector cannot.
import { maxSatisfying, satisfies, validRange } from "@renovatebot/pep440";
import { majorOf } from "../../../core/index.js";
import type { VersionStatement } from "./question.js";

/** A `prefect` requirement followed by one or more PEP 440 clauses (requirements.txt, pyproject, prose). */
const REQUIREMENT = /(?<![\w-])prefect(?:\[[\w,-]+\])?\s*((?:[<>=!~]=?=?\s*[\d.*]+[\w.]*\s*,?\s*)+)/gi;
/** Poetry's `prefect = "^2.14"` / `"~3.1"`. */
const POETRY = /(?<![\w-])prefect\s*=\s*["']([\^~])(\d+)(?:\.(\d+))?/gi;
/**
 * "we're on 2", "still using prefect 2", "just upgraded to 3": the asker's current major line. Release numbers, "Prefect
 * 2" in passing and what ran before ("in 2.x it was Failed") are the detector's to weigh, so only these forms count.
 */
const MAJOR_LINE =
  /\b(?:(?:we'?re|we are|i'?m|i am|still|currently|now)\s+(?:on|using|running)\s+(?:prefect\s+)?v?([23])(?:\.x)?(?![\w.]*\d)|(?:upgrad|migrat|mov|switch)\w*\s+to\s+(?:prefect\s+)?v?([23])(?:\.x)?(?![\w.]*\d))/gi;

/**
 * "if we bump to prefect 3", "planning to move to 3.x", "before we upgrade to 2", "planning our move to prefect 3", "when
 * we upgrade the server and clients to prefect 3": a move to another major line that has not happened yet, the
 * planning word and the move a few words apart at most. The question is then about the release the asker is going to
 * (will that import keep working?), while their code still runs on the one they have. "just upgraded to 3" (done) is
 * the current line.
 */
const PROSPECTIVE =
  /\b(?:if|when|before|plan(?:s|ning)?|going to|want to|wanna|need to|about to|thinking (?:of|about)|consider(?:ing)?)\b(?:\W+\w+){0,4}?\W+(?:upgrad(?:e|ing)|bump(?:ing)?|mov(?:e|ing)|migrat(?:e|ing|ion)|switch(?:ing)?|jump(?:ing)?|go(?:ing)?)\b(?:\W+\w+){0,4}?\W+to\s+(?:prefect\s+)?v?([23])(?:\.x|\.0)?(?![\w.]*\d)/gi;

/** "the 2.20 -> 3 upgrade", "moving 2 → 3": the line an arrow points to. */
const TOWARD_LINE = /(?:->|→)\s*(?:prefect\s+)?v?([23])(?:\.x|\.0)?(?![\w.]*\d)/g;
/**
 * "will that keep working on 3?", "is it still there in prefect 3.x?": a major line the asking sentence asks about.
 * ("we're on 2" there is the asker's own line: MAJOR_LINE reads it.)
 */
const ON_LINE = /\b(?:on|in|under)\s+(?:prefect\s+)?v?([23])(?:\.x|\.0)?(?![\w.]*\d)/gi;

/** Phrases that mean "the newest release" (an unpinned install is the newest one too). */
const NEWEST = [
  "on the latest",
  "latest version",
  "latest release",
  "latest prefect",
  "newest version",
  "newest release",
  "fresh install",
  "just installed",
  "pip install prefect\n",
  "pip install -u prefect\n",
];

/** A release number written on its own ("2.19", "currently 2.19.3"). */
const BARE_RELEASE = /(?<![\w.<>=!~^-])(\d+)\.(\d+)(?:\.(\d+))?(?![\w*]|\.\d)/g;

/**
 * The release the asker names beside their requirement ("we pin prefect<3 (2.19 right now)"): a bare number that is a
 * Prefect release inside the range says which one, where the range alone says only the newest it allows. Only one
 * such number counts; two say nothing certain.
 */
function releaseNamedWithin(
  text: string,
  requirement: string,
  specifier: string,
  releases: readonly string[],
): { named: string; release: string } | null {
  const named = new Map<string, string>();
  for (const m of text.split(requirement).join(" ").matchAll(BARE_RELEASE)) {
    const [major, minor, patch] = [m[1], m[2], m[3]];
    const range = patch === undefined ? `==${major}.${minor}.*` : `==${major}.${minor}.${patch}`;
    const release = maxSatisfying([...releases], range);
    if (release && satisfies(release, specifier)) named.set(release, m[0]);
  }
  const [only] = named.size === 1 ? [...named] : [];
  return only ? { release: only[0], named: only[1] } : null;
}

/** A sentence's full stop or comma after a requirement ("we pin prefect<3.") is not part of it. */
const withoutStop = (text: string) => text.replace(/[.,]+$/, "");

function fromRequirement(text: string, releases: readonly string[]): VersionStatement | null {
  let found: VersionStatement | null = null;
  for (const m of text.matchAll(REQUIREMENT)) {
    const specifier = withoutStop(m[1]!.replace(/\s+/g, ""));
    if (!validRange(specifier)) continue;
    const said = withoutStop(m[0]!.trim());
    const within = releaseNamedWithin(text, m[0]!, specifier, releases);
    const release = within?.release ?? maxSatisfying([...releases], specifier);
    if (release) found = { said, specifier, release, ...(within ? { named: within.named } : {}) };
  }
  for (const m of text.matchAll(POETRY)) {
    const major = Number(m[2]);
    const minor = m[3] ?? "0";
    const specifier =
      m[1] === "^" ? `>=${major}.${minor},<${major + 1}` : `>=${major}.${minor},<${major}.${Number(minor) + 1}`;
    const release = maxSatisfying([...releases], specifier);
    if (release) found = { said: m[0]!.trim(), specifier, release };
  }
  return found;
}

function fromMajorLine(text: string, releases: readonly string[]): VersionStatement | null {
  let found: VersionStatement | null = null;
  const planned = [...text.matchAll(PROSPECTIVE)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const m of text.matchAll(MAJOR_LINE)) {
    if (planned.some(([from, to]) => m.index >= from && m.index < to)) continue;
    const major = Number(m[1] ?? m[2]);
    const specifier = `>=${major},<${major + 1}`;
    const release = maxSatisfying([...releases], specifier);
    if (release) found = { said: m[0]!.trim(), specifier, release };
  }
  return found;
}

/**
 * The version statement in the asker's texts (newest text last), or null. A requirement beats a named major line,
 * which beats "latest"; an exact release number is left to the detector (it knows `prefect version` output).
 */
export function readVersionStatement(texts: string[], releases: readonly string[]): VersionStatement | null {
  const joined = texts.join("\n");
  const requirement = fromRequirement(joined, releases);
  if (requirement?.specifier && !requirement.specifier.startsWith("==")) return requirement;
  if (requirement?.specifier?.includes("*")) return requirement;
  const lower = `${joined.toLowerCase()}\n`;
  const line = fromMajorLine(joined, releases);
  if (line) return line;
  const newest = NEWEST.find((w) => lower.includes(w));
  if (newest && releases.length > 0) return { said: newest, specifier: null, release: releases[releases.length - 1]! };
  return null;
}

/**
 * The major line the asker is planning to move to ("if we bump to prefect 3 will that import keep working?") and the
 * newest release of it, when it is not the line of the release they are on; null otherwise.
 */
export function readUpgradeTarget(
  text: string,
  current: string,
  releases: readonly string[],
  /** The sentence that asks: a line named there ("will that keep working on 3?") is the one asked about. */
  asking = "",
): { major: number; release: string; said: string } | null {
  let found: { major: number; release: string; said: string } | null = null;
  const own = [...asking.matchAll(MAJOR_LINE)].map((m) => [m.index, m.index + m[0].length] as const);
  const asked = [...asking.matchAll(ON_LINE)].filter((m) => !own.some(([from, to]) => m.index >= from && m.index < to));
  // A line the arrow or the asking sentence names is one the asker moves to only when it is later than theirs: "like
  // it did in 2" on 3 is the line they left.
  const later = [...text.matchAll(TOWARD_LINE), ...asked].filter((m) => Number(m[1]) > majorOf(current));
  for (const m of [...text.matchAll(PROSPECTIVE), ...later]) {
    const major = Number(m[1]);
    if (major === majorOf(current)) continue;
    const release = maxSatisfying([...releases], `>=${major},<${major + 1}`);
    if (release) found = { major, release, said: m[0].trim() };
  }
  return found;
}
