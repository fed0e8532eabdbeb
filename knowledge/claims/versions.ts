// Versions written in prose ("3.x", "Prefect 2", "3.4+", "since 3.2") and whether they cover the asker's release.

import { compareVersions } from "../../core/index.js";
import { FROM_WORDS, OTHER_PRODUCTS, UNTIL_WORDS } from "./lexicon.js";
import { withoutSuffix } from "./text.js";
import type { Token } from "./tokens.js";

export interface VersionMention {
  text: string;
  /** Index of the token in its clause. */
  at: number;
  bound: "from" | "until" | "in";
}

const LIKENESS = new Set(["style", "like", "flavoured", "flavored"]);
/** Words before "as <version>" that make it a comparison ("just as 2.x did", "the same as 2.x"). */
const COMPARISON_WORDS = new Set(["just", "exactly", "same", "much", "similar", "similarly"]);
/** Subjects of a compared verb ("as they did in 2.x"). */
const COMPARED_SUBJECTS = new Set(["they", "it", "you", "we", "this", "that", "these", "those"]);
/** Verbs after "as <version>" that compare with what that release did ("as 2.x did"). */
const DID_WORDS = new Set(["did", "does", "do", "had", "used", "was", "were"]);
const SCOPE_PREPOSITIONS = new Set([
  "in",
  "on",
  "for",
  "under",
  "with",
  "from",
  "of",
  "to",
  "since",
  "before",
  "after",
  "until",
]);
/** Nouns after a version that name the release line itself ("the 3.x line"). */
const LINE_NOUNS = new Set(["line", "series", "release", "releases", "version", "versions", "branch", "docs"]);

/** Version tokens of a clause; a bare number counts only after "Prefect", "version" or "v". */
export function versionMentions(clause: Token[]): VersionMention[] {
  const out: VersionMention[] = [];
  clause.forEach((t, i) => {
    if (t.type !== "version") return;
    // "2.x-style tasks", "a 2.x-like setup": a version as a likeness says what something resembles, not when.
    const next = clause[i + 1];
    if (next?.type === "flag" && LIKENESS.has(next.lower.slice(1))) return;
    // "The 2.x shortcut `X` is still there": a version between an article and a noun says where the thing comes
    // from, not which release the clause speaks of ("in the 2.x docs" still does).
    const article = clause[i - 1]?.lower ?? "";
    if (
      ["the", "a", "an"].includes(article) &&
      !SCOPE_PREPOSITIONS.has(clause[i - 2]?.lower ?? "") &&
      next?.type === "word" &&
      !LINE_NOUNS.has(next.lower)
    )
      return;
    const before = clause[i - 1]?.lower ?? "";
    // "Python 3.9", "pydantic 2.0": another product's version.
    if (OTHER_PRODUCTS.has(before)) return;
    // "exactly as in 2.x", "just like 2.x": a comparison says the clause holds now as it did then, not that it is
    // about that release.
    if (before === "like" || (["in", "on"].includes(before) && ["as", "like"].includes(clause[i - 2]?.lower ?? "")))
      return;
    // "just as 2.x did", "the same as 2.x": so is "as" with a word of likeness before it or a past verb after it.
    if (before === "as" && (COMPARISON_WORDS.has(clause[i - 2]?.lower ?? "") || DID_WORDS.has(next?.lower ?? "")))
      return;
    // "keep working exactly as they did in 2.x", "like it does on 3.x": a past or present verb of comparison with its
    // own subject between "as" / "like" and the version compares too.
    if (
      ["in", "on"].includes(before) &&
      DID_WORDS.has(clause[i - 2]?.lower ?? "") &&
      ["as", "like"].includes(clause[i - 4]?.lower ?? "") &&
      COMPARED_SUBJECTS.has(clause[i - 3]?.lower ?? "")
    )
      return;
    const bare = !t.text.includes(".");
    if (bare && !["prefect", "version", "v", "versions"].includes(before)) return;
    // The facts cover Prefect 2 and 3: "HTTP 1.1" or "0.0.0.0" is not a Prefect release.
    const major = Number(t.text.split(".")[0]);
    if (major !== 2 && major !== 3) return;
    const text = withoutSuffix(t.text, "+");
    const prior = clause
      .slice(Math.max(0, i - 3), i)
      .map((x) => x.lower)
      .reverse();
    // "an older 2.x release": a comparative between an article and the version says which releases of the line, not
    // a bound on it.
    const adjective =
      ["a", "an", "the"].includes(clause[i - 2]?.lower ?? "") &&
      ["older", "earlier"].includes(before) &&
      LINE_NOUNS.has(next?.lower ?? "");
    const bound = t.text.endsWith("+")
      ? "from"
      : adjective
        ? "in"
        : prior.some((w) => FROM_WORDS.has(w))
          ? "from"
          : prior.some((w) => UNTIL_WORDS.has(w))
            ? "until"
            : "in";
    out.push({ text, at: i, bound });
  });
  return out;
}

/** True when the release lies in what the stated version names ("3.x" covers 3.4.20; "from 3.2" covers 3.4.20). */
export function covers(mention: Pick<VersionMention, "text" | "bound">, release: string): boolean {
  const parts = mention.text.split(".").filter((p) => p !== "x");
  const rel = release.split(".");
  const prefix = parts.every((p, i) => p === rel[i]);
  if (mention.bound === "in") return prefix;
  const floor = [...parts, "0", "0"].slice(0, 3).join(".");
  if (mention.bound === "from") return prefix || compareVersions(release, floor) >= 0;
  return !prefix && compareVersions(release, floor) < 0;
}

/** The first release a stated version can name ("3.x" → 3.0.0, "2.15" → 2.15.0). */
export function floorOf(stated: string): string {
  return [...stated.split(".").filter((p) => p !== "x"), "0", "0"].slice(0, 3).join(".");
}

/** True when a release comes before every release the stated version names ("2.20.25" is before "3.0"). */
export function isBefore(release: string, stated: string): boolean {
  return compareVersions(release, floorOf(stated)) < 0;
}

/** True when a release (e.g. a first release "3.2.8") falls inside the stated version ("3.2", "3.x", "3"). */
export function within(stated: string, release: string): boolean {
  return covers({ text: stated, bound: "in" }, release);
}
