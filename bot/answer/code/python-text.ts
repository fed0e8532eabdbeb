// Line-level helpers for Python text that is not read through the tree: the syntax pre-pass (code that does not
// parse, see syntax-repairs.ts) and the blank lines around top-level definitions that flattened Slack code has lost.
// Every repair of parsed code works on the tree-sitter tree (python-tree.ts, python-edits.ts).

const INDENT = "    ";

export function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].replace(/\t/g, INDENT).length ?? 0;
}

function stripComment(line: string): string {
  // Good enough for deciding whether a line opens a block: a '#' inside a string is rare in the code we rewrite.
  const hash = line.indexOf("#");
  return (hash >= 0 ? line.slice(0, hash) : line).trimEnd();
}

export function bracketDelta(line: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of stripComment(line)) {
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
  }
  return depth;
}

/** Blank lines around top-level definitions (PEP 8 spacing), which flattened Slack code has lost. */
export function tidyTopLevel(code: string): string {
  const lines = code.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const startsDefinition = /^(?:@|def\s|async\s+def\s|class\s|if\s+__name__)/.test(line);
    // Comments right above a definition belong to it: the blank lines go above them.
    let at = out.length;
    while (at > 0 && /^#/.test(out[at - 1]!)) at--;
    const prev = out[at - 1] ?? "";
    const afterDecorator = /^@/.test(prev);
    if (startsDefinition && at > 0 && !afterDecorator) {
      const blanks = prev.trim() !== "" ? 2 : (out[at - 2] ?? "").trim() !== "" ? 1 : 0;
      out.splice(at, 0, ...Array<string>(blanks).fill(""));
    }
    out.push(line);
  }
  return out.join("\n");
}
