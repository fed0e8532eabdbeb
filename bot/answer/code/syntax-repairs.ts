// Two syntax slips with one obvious repair: a block header without its colon, and a call (often a decorator) whose
// closing parenthesis is missing right before the next statement. Anything else is left for the asker to fix.
// A text-level pre-pass on purpose, kept apart from the repairs on the tree (tree-repairs.ts): it runs on code that
// does not parse, where tree-sitter's guess around the error is no structure to edit by; once it has run, the code is
// linted (and parsed) again.
import { bracketDelta, indentOf } from "./python-text.js";

const HEADER =
  /^\s*(?:(?:async\s+)?def\s+\w+\s*\(.*\)(?:\s*->\s*[^:#]+)?|class\s+\w+(?:\(.*\))?|if\s.+|elif\s.+|else|for\s.+\sin\s.+|while\s.+|with\s.+|try|except(?:\s.+)?|finally)\s*$/;

export interface SyntaxFix {
  /** 1-based line that was repaired. */
  line: number;
  text: string;
}

function nextCode(lines: string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && (lines[j]!.trim() === "" || lines[j]!.trim().startsWith("#"))) j++;
  return j;
}

export function repairSyntax(lines: string[]): { lines: string[]; fixes: SyntaxFix[] } {
  const out = [...lines];
  const fixes: SyntaxFix[] = [];
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    const next = out[nextCode(out, i)];
    if (next === undefined) continue;
    const opensBlock = indentOf(next) > indentOf(line);
    if (opensBlock && HEADER.test(line) && bracketDelta(line) === 0 && !line.trimEnd().endsWith(":")) {
      out[i] = `${line.trimEnd()}:`;
      fixes.push({ line: i + 1, text: `added the missing \`:\` at the end of line ${i + 1}` });
      continue;
    }
    const depth = bracketDelta(line);
    const startsStatement = /^\s*(?:@|(?:async\s+)?def\s|class\s|if\s|for\s|while\s|with\s|return\b|print\()/.test(
      next,
    );
    if (
      depth > 0 &&
      !line.trimEnd().endsWith(",") &&
      startsStatement &&
      indentOf(next) <= indentOf(line) &&
      /\(/.test(line)
    ) {
      out[i] = `${line.trimEnd()}${")".repeat(depth)}`;
      fixes.push({ line: i + 1, text: `closed the parenthesis left open on line ${i + 1}` });
    }
  }
  return { lines: out, fixes };
}
