// The one tag or flow parameter the asker names ("tasks tagged `snowflake`", "the `db` tag", `tags=["snowflake"]`,
// "the `run_date` param"): an answer about tag limits or run-name templates writes theirs, not an example one.
import { stripPunctuation } from "../../../core/index.js";
import { words } from "./question-kind.js";

/** Words that say the next word is a tag ("tagged snowflake", "tag `db`"). */
const TAG_BEFORE = new Set(["tagged", "tag"]);
/** Words that follow "tag" without being its name ("tag the tasks", "tag limit", "a tag on each"). */
const NOT_A_NAME = new Set(
  "the a an it them each every all some my our your this that these those with on in to for of and or limit limits concurrency based".split(
    " ",
  ),
);
/** Words after a flow parameter's name ("the `run_date` param"). */
const PARAM_NOUNS = ["param", "params", "parameter", "parameters", "arg", "argument"];

/** A tag name: letters, digits, `-`, `_` and `:`, starting with a letter (`snowflake`, `db-heavy`, `team:data`). */
function isTagName(word: string): boolean {
  if (word.length < 2 || !(word[0]! >= "a" && word[0]! <= "z")) return false;
  return [...word].every((c) => (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || "-_:".includes(c));
}

/** A Python identifier as a parameter is named (`run_date`). */
function isIdentifier(word: string): boolean {
  return isTagName(word) && ![...word].some((c) => c === "-" || c === ":");
}

/** Names written as code right before one of the nouns ("the `snowflake` tag", "the `run_date` param"). */
function codeBefore(prose: string, nouns: readonly string[]): string[] {
  const lower = prose.toLowerCase();
  const out: string[] = [];
  for (const noun of nouns)
    for (let at = lower.indexOf(`\` ${noun}`); at > 0; at = lower.indexOf(`\` ${noun}`, at + 1)) {
      const after = lower[at + noun.length + 2] ?? " ";
      if ((after >= "a" && after <= "z") || after === "_") continue;
      const open = lower.lastIndexOf("`", at - 1);
      if (open < 0) continue;
      out.push(lower.slice(open + 1, at));
      // "the `day` and `region` params" names both.
      for (const join of ["` and `", "` or `", "`, `"])
        if (lower.slice(0, open + 1).endsWith(join)) {
          const end = open + 1 - join.length;
          const start = lower.lastIndexOf("`", end - 1);
          if (start >= 0) out.push(lower.slice(start + 1, end));
        }
    }
  return out;
}

/** The tags a task decorator in the asker's code gives (`tags=["snowflake"]`). */
function codeTags(code: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of code) {
    let at = c.indexOf("tags=[");
    while (at >= 0) {
      const end = c.indexOf("]", at);
      const inside = end < 0 ? "" : c.slice(at + "tags=[".length, end);
      for (const part of inside.split(",")) {
        const name = stripPunctuation(part.trim()).toLowerCase();
        if (isTagName(name)) out.push(name);
      }
      at = c.indexOf("tags=[", at + 1);
    }
  }
  return out;
}

const one = (found: ReadonlySet<string>) => (found.size === 1 ? [...found][0]! : null);

/** The one tag the question and its code name, or null when they name none or several. */
export function statedTag(prose: string, code: readonly string[] = []): string | null {
  const found = new Set<string>(codeTags(code));
  const w = words(prose);
  w.forEach((word, i) => {
    // "tagged `snowflake`", "tag db": the word after.
    if (TAG_BEFORE.has(stripPunctuation(word))) {
      const next = stripPunctuation(w[i + 1] ?? "").toLowerCase();
      if (isTagName(next) && !NOT_A_NAME.has(next)) found.add(next);
    }
  });
  for (const name of codeBefore(prose, ["tag", "tags"])) if (isTagName(name)) found.add(name);
  return one(found);
}

/** The one flow parameter the question names as code ("the `run_date` param"), or null. */
export function statedParam(prose: string): string | null {
  return one(new Set(codeBefore(prose, PARAM_NOUNS).filter(isIdentifier)));
}
