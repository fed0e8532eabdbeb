// When a snippet has a syntax error, the rest of it is still worth checking: the broken top-level statements are
// blanked out (replaced by spaces, so every offset stays valid) until what is left parses.

import { lineOfOffset } from "./line-of-offset.js";
import { type Node, parsePython } from "./python-parser.js";

/** Most top-level statements blanked out before giving up. */
const MAX_BLANKED_CHUNKS = 4;

/**
 * The code with the top-level statements that hold syntax errors replaced by spaces (offsets stay the same), when
 * what is left parses cleanly and still holds some code.
 */
export function parseableRegion(
  code: string,
  errorOffset: number,
  firstError: (root: Node, text: string) => number | null,
): { text: string; root: Node } | null {
  let text = code;
  let offset = errorOffset;
  for (let round = 0; round < MAX_BLANKED_CHUNKS; round++) {
    const [start, end] = topLevelChunk(text, offset);
    text = text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
    if (text.trim() === "") return null;
    const root = parsePython(text);
    if (!root) return null;
    const problem = firstError(root, text);
    if (problem === null) return { text, root };
    offset = problem;
  }
  return null;
}

/** The character range of the top-level statement (with its decorators and indented body) around an offset. */
function topLevelChunk(code: string, offset: number): [number, number] {
  const lines = code.split("\n");
  const starts: number[] = [];
  let pos = 0;
  for (const line of lines) {
    starts.push(pos);
    pos += line.length + 1;
  }
  const lineOf = Math.max(0, lineOfOffset(starts, Math.min(offset, code.length)) - 1);
  const isTop = (i: number) => /^[^\s#)\]}]/.test(lines[i]!);
  let first = lineOf;
  while (first > 0 && !isTop(first)) first--;
  while (first > 0 && lines[first - 1]!.startsWith("@")) first--;
  let last = lineOf + 1;
  while (last < lines.length && !(isTop(last) && !lines[last - 1]!.trimEnd().endsWith("\\"))) last++;
  return [starts[first]!, last < lines.length ? starts[last]! : code.length];
}
