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
