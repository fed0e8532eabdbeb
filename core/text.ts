/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `text` cut to at most `max` characters, the last one an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Whether `needle` occurs in `haystack` as a whole word (lower-case letters, digits and `_` make words). With `dotted`,
 * a module path is one name: "no module named prefect" is not in "no module named prefect.foo".
 */
export function containsWord(haystack: string, needle: string, dotted = false): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1] ?? " ";
    const end = at + needle.length;
    const after = haystack[end] ?? " ";
    const continues = dotted && after === "." && isWordChar(haystack[end + 1] ?? " ");
    if (!isWordChar(before) && !isWordChar(after) && !continues) return true;
    from = at + 1;
  }
}

const isWordChar = (c: string) => (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c === "_";

/** Verbs a text opens with when it says how to do something ("Create an automation …", "Set …", "Call …"). */
const INSTRUCTION_VERBS = new Set(
  "Add Attach Build Call Change Configure Create Decorate Define Deploy Emit Enable Export Give Import Install Keep List Load Make Mount Move Open Pass Point Put Read Register Rename Replace Return Run Save Schedule Send Set Start Submit Subclass Switch Upgrade Use Wrap Write".split(
    " ",
  ),
);

/** Whether a text opens with an instruction: its first word is one of the verbs that say how to do something. */
export function opensWithInstruction(text: string): boolean {
  const space = text.indexOf(" ");
  return INSTRUCTION_VERBS.has(space < 0 ? text : text.slice(0, space));
}

/** A word without the quotes, backticks and punctuation around it ("prefect." → "prefect", "`etl-prod`" → "etl-prod"). */
export function stripPunctuation(word: string): string {
  let from = 0;
  let to = word.length;
  const edge = (c: string) => !(c >= "a" && c <= "z") && !(c >= "A" && c <= "Z") && !(c >= "0" && c <= "9");
  while (from < to && edge(word[from]!)) from++;
  while (to > from && edge(word[to - 1]!)) to--;
  return word.slice(from, to);
}
