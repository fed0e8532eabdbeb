// The two things a comparison asks about: "`flow.serve()` vs `flow.deploy()`", "what's the difference between a
// push pool and a hybrid pool", "threads versus processes for CPU-bound tasks". Each side is then matched on its
// own, so the answer can say what each one is instead of describing only one of them.

/** Where a clause ends: punctuation followed by a space or the end (dots inside `flow.serve()` are not ends). */
const CLAUSE_END = /[,;:?!]|\.(?=\s|$)|\s-\s|\s—\s/;
/** "X vs Y", "X vs. Y", "X versus Y". */
const VERSUS = /\s(?:vs\.?|versus)\s/i;
/** "difference(s) between X and Y". */
const BETWEEN = /\bdifferences?\s+between\s+(.+?)\s+and\s+(.+)/i;

/** "pause or suspend?": a short question naming two alternatives ("still true or not?" names one). */
const ALTERNATIVES = /(?:^|[.!?;:,]\s)([^.!?;:,]+?)\s+or\s+(?!not\b)([^.!?;:,]+?)\?/i;
/**
 * A question that asks which of two to use: "should I use A or B?", "do we go with A or B?", or where to keep
 * something ("should I stick it in a Variable or a Secret block?").
 */
const CHOOSING =
  /\b(?:should|do|would|shall) (?:i|we|you) (?:use|pick|choose|go with|prefer|store|keep|put|stick|save)(?: (?:it|them|this|that|these|those))?(?: (?:in|into|on|as))? ([^.!?;:]+?),? or (?!not\b)([^.!?;:]+?)\?/i;
/** At most this many words in such a question: a longer one asks more than which of two. */
const MAX_ALTERNATIVES_WORDS = 4;

/** At most this many words per side: a side is a name or a short noun phrase, not a sentence. */
const MAX_SIDE_WORDS = 8;

function lastClause(text: string): string {
  const parts = text.split(new RegExp(CLAUSE_END.source, "g"));
  return (parts[parts.length - 1] ?? "").trim();
}

function firstClause(text: string): string {
  return (text.split(CLAUSE_END)[0] ?? "").trim();
}

function clip(side: string, fromEnd: boolean): string {
  const w = side.split(/\s+/).filter(Boolean);
  return (fromEnd ? w.slice(-MAX_SIDE_WORDS) : w.slice(0, MAX_SIDE_WORDS)).join(" ");
}

/** The two sides of a comparison in the text, or null when it compares nothing it names. */
export function compareSides(text: string): [string, string] | null {
  const flat = text.replace(/\s+/g, " ").replace(/<@[A-Z0-9]+>|@\w+/g, " ");
  const between = BETWEEN.exec(flat);
  if (between) {
    const left = clip(firstClause(between[1]!), false);
    const right = clip(firstClause(between[2]!), false);
    if (left && right) return [left, right];
  }
  const at = VERSUS.exec(flat);
  if (!at) return namedAlternatives(flat);
  const left = clip(lastClause(flat.slice(0, at.index)), true);
  const right = clip(firstClause(flat.slice(at.index + at[0].length)), false);
  return left && right ? [left, right] : null;
}

/** Whether a sentence asks which of two to use ("should we go with a hook or an automation?"). */
export function choosesBetween(sentence: string): boolean {
  return CHOOSING.test(sentence) || verbChoice(sentence) !== null;
}

/** The words that ask which of two to do before the two ("should i pause or suspend the flow?"). */
const CHOOSER_AUXILIARIES = new Set(["should", "shall", "would"]);
const CHOOSERS = new Set(["i", "we", "you"]);

/** "should i pause or suspend the flow?": the two verbs asked to choose between, or null. */
function verbChoice(sentence: string): [string, string] | null {
  const w = sentence
    .toLowerCase()
    .split(" ")
    .filter((x) => x !== "");
  for (let i = 0; i + 4 < w.length; i++)
    if (CHOOSER_AUXILIARIES.has(w[i]!) && CHOOSERS.has(w[i + 1]!) && w[i + 3] === "or") {
      const [first, second] = [w[i + 2]!, w[i + 4]!.split("?")[0]!];
      const plain = (x: string) => x.length > 2 && [...x].every((c) => c >= "a" && c <= "z");
      if (plain(first) && plain(second) && second !== "not") return [first, second];
    }
  return null;
}

/** The two alternatives a short question names ("pause or suspend?"), or null (also the kind's one reading of it). */
export function namedAlternatives(text: string): [string, string] | null {
  // "Should I use an on_failure hook in the code or an automation in the UI?" asks which of two, at any length.
  const choice = CHOOSING.exec(text);
  if (choice) return [clip(choice[1]!.trim(), false), clip(choice[2]!.trim(), false)];
  const verbs = verbChoice(text);
  if (verbs) return verbs;
  const m = ALTERNATIVES.exec(text);
  if (!m) return null;
  const [left, right] = [m[1]!.trim(), m[2]!.trim()];
  const count = `${left} ${right}`.split(/\s+/).length + 1;
  if (count <= MAX_ALTERNATIVES_WORDS) return [left, right];
  // Two names side by side ask which of them, however long the rest ("ThreadPoolTaskRunner or ProcessPoolTaskRunner
  // for numpy heavy tasks?"): the question ends where the second name does.
  const last = left.split(/\s+/).pop()!;
  const first = right.split(/\s+/)[0]!;
  return isName(last) && isName(first) ? [last, first] : null;
}

/** A word written as code: in backticks, dotted, snake_case, a call, or with a capital inside ("ThreadPool"). */
export function isName(word: string): boolean {
  return /^`[^`]+`$/.test(word) || (/^[A-Za-z_]\w*(?:\.\w+)*(?:\(\))?$/.test(word) && /[._(]|[a-z][A-Z]/.test(word));
}
