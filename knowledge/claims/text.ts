// Small string helpers for the claim checker. Written as plain character tests rather than one regex each, so the
// module's patterns stay few: the tokenizer's, the fence's and the link target's.

export const isSpace = (ch: string | undefined): boolean =>
  ch === " " || ch === "\n" || ch === "\t" || ch === "\r" || ch === "\u00a0";

const isWordChar = (ch: string): boolean =>
  (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") || ch === "_";

/** A Python identifier ("retry_condition_fn"). */
export function isIdentifier(s: string): boolean {
  return s.length > 0 && !(s[0]! >= "0" && s[0]! <= "9") && [...s].every(isWordChar);
}

/** Holds a character that is neither a word character nor space ("wait(", ".result()"). */
export function hasPunctuation(s: string): boolean {
  return [...s].some((ch) => !isWordChar(ch) && !isSpace(ch));
}

/** Runs of white space as one space, trimmed. */
export function squash(s: string): string {
  let out = "";
  for (const ch of s) {
    if (!isSpace(ch)) out += ch;
    else if (out !== "" && !out.endsWith(" ")) out += " ";
  }
  return out.endsWith(" ") ? out.slice(0, -1) : out;
}

/** Without one trailing suffix, when it has it. */
export function withoutSuffix(s: string, suffix: string): string {
  return s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
}

/** Without a "kind:" prefix such as "setting:" or "param:". */
export function withoutKindPrefix(s: string): string {
  const colon = s.indexOf(":");
  return colon > 0 && isIdentifier(s.slice(0, colon)) ? s.slice(colon + 1) : s;
}

/** Marks a flag written in code of its own after a command (not inside the command's code). */
export const APART = "~";

/** The value of a default claim that says only that a parameter has one ("`p` is optional"). */
export const ANY_DEFAULT = "*";

/** Marks a member written as a decorator (`@my_task.on_failure`) in a member claim's detail. */
export const DECORATOR_MARK = "@";
