// A light Python tokenizer that only tells code from string literals and comments. The text rules run before
// parsing (mangled code often does not parse), so they cannot use the syntax tree for this.

export type RegionKind = "code" | "string" | "comment";

export interface SourceRegions {
  /** Kind of the character at an offset. */
  kindAt(offset: number): RegionKind;
}

export function scanRegions(code: string): SourceRegions {
  const kinds = new Uint8Array(code.length);
  let i = 0;
  while (i < code.length) {
    const ch = code[i]!;
    if (ch === "#") {
      const end = lineEnd(code, i);
      kinds.fill(2, i, end);
      i = end;
    } else if (ch === '"' || ch === "'") {
      const end = stringEnd(code, i);
      kinds.fill(1, i, end);
      i = end;
    } else {
      i++;
    }
  }
  return { kindAt: (offset) => (kinds[offset] === 1 ? "string" : kinds[offset] === 2 ? "comment" : "code") };
}

function lineEnd(code: string, from: number): number {
  const nl = code.indexOf("\n", from);
  return nl < 0 ? code.length : nl;
}

/** Offset just past the string literal that opens at `start` (an unterminated one ends at its line's end). */
function stringEnd(code: string, start: number): number {
  const quote = code[start]!;
  const triple = code.startsWith(quote.repeat(3), start);
  if (triple) {
    const close = code.indexOf(quote.repeat(3), start + 3);
    return close < 0 ? code.length : close + 3;
  }
  let i = start + 1;
  while (i < code.length) {
    const ch = code[i]!;
    if (ch === "\\") i += 2;
    else if (ch === quote) return i + 1;
    else if (ch === "\n") return i;
    else i++;
  }
  return code.length;
}
