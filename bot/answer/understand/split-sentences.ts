// Sentence boundaries for prose taken from the notes. A quoted error message ("Crash detected! Execution was …")
// is part of the sentence that quotes it, so a boundary inside quotation marks or backticks never counts.

const OPENERS = new Set(['"', "“", "`"]);
const CLOSERS: Record<string, string> = { '"': '"', "“": "”", "`": "`" };
/** Abbreviations that introduce what follows ("e.g. DBT_TARGET=prod"): their stop never ends a sentence. */
const ABBREVIATIONS = new Set(["e.g.", "eg.", "i.e.", "ie.", "vs.", "incl.", "approx.", "cf."]);

/** Whether a piece of text ends with an abbreviation that introduces what follows ("… env vars (e.g."). */
export function endsWithAbbreviation(text: string): boolean {
  return text.endsWith(".") && ABBREVIATIONS.has(wordEndingAt(text, text.length - 1));
}

/** The word that ends at `i` (its stop included), lower-cased, with an opening bracket before it dropped. */
function wordEndingAt(text: string, i: number): string {
  const from = Math.max(text.lastIndexOf(" ", i), text.lastIndexOf("(", i), text.lastIndexOf("\n", i)) + 1;
  return text.slice(from, i + 1).toLowerCase();
}

/** Splits a paragraph after `.`, `!` or `?` followed by space and a capital, backtick or `*`, outside quotes. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  let open: string | null = null;
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i]!;
    if (open !== null) {
      if (ch !== open) continue;
      open = null;
      // A quotation that ends with a stop ("… cancelled.") can end the sentence that quotes it.
      if (!/[.!?]/.test(paragraph[i - 1] ?? "")) continue;
    } else if (OPENERS.has(ch)) {
      // A closing quote must exist, or a stray mark would swallow the rest of the paragraph.
      const close = CLOSERS[ch]!;
      if (paragraph.indexOf(close, i + 1) !== -1) open = close;
      continue;
    } else if (ch !== "." && ch !== "!" && ch !== "?") continue;
    if (ch === "." && ABBREVIATIONS.has(wordEndingAt(paragraph, i))) continue;
    const rest = /^[_*)\]]*(\s+)(?=[A-Z`*])/.exec(paragraph.slice(i + 1));
    if (!rest) continue;
    const end = i + 1 + rest[0].length - rest[1]!.length;
    out.push(paragraph.slice(start, end));
    start = end + rest[1]!.length;
    i = start - 1;
  }
  if (start < paragraph.length) out.push(paragraph.slice(start));
  return out.filter((s) => s.trim() !== "");
}

/**
 * A text made to open a sentence: its first letter capitalised, unless its first word is a name as written in code
 * (`build_from_flow was removed …` stays as the API spells it).
 */
export function asSentenceStart(text: string): string {
  const first = text.split(" ", 1)[0]!;
  const plain = [...first].every((c) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "'" || c === ",");
  return plain ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
}
