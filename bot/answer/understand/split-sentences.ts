// Sentence boundaries for prose taken from the notes. A quoted error message ("Crash detected! Execution was …")
// is part of the sentence that quotes it, so a boundary inside quotation marks or backticks never counts.

const OPENERS = new Set(['"', "“", "`"]);
const CLOSERS: Record<string, string> = { '"': '"', "“": "”", "`": "`" };

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
