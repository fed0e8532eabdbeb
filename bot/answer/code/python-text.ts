// Line-level helpers for Python source: enough structure (blocks by indentation, imports) for the code repairs,
// without a parser. The linter re-checks everything these helpers produce.

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

export interface Block {
  /** 0-based index of the `def` line. */
  start: number;
  /** 0-based index one past the last line of the body. */
  end: number;
  name: string;
  indent: number;
  bodyIndent: number;
  decorators: string[];
}

/** Functions defined in the code, with their decorators and the extent of their bodies. */
export function functionBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:async\s+)?def\s+(\w+)\s*\(/.exec(lines[i] ?? "");
    if (!m) continue;
    const indent = indentOf(lines[i]!);
    const decorators: string[] = [];
    for (let j = i - 1; j >= 0 && /^\s*@/.test(lines[j] ?? ""); j--) decorators.unshift(lines[j]!.trim());
    let end = i + 1;
    let bodyIndent = indent + INDENT.length;
    let sawBody = false;
    // the signature may span lines
    while (end < lines.length && !sawBody && !stripComment(lines[end - 1] ?? "").endsWith(":")) end++;
    for (; end < lines.length; end++) {
      const line = lines[end]!;
      if (line.trim() === "") continue;
      const ind = indentOf(line);
      if (ind <= indent && !line.trim().startsWith("#")) break;
      if (!sawBody && !line.trim().startsWith("#")) {
        bodyIndent = ind;
        sawBody = true;
      }
    }
    while (end > i + 1 && (lines[end - 1] ?? "").trim() === "") end--;
    blocks.push({ start: i, end, name: m[2]!, indent, bodyIndent, decorators });
  }
  return blocks;
}

export function isFlowBlock(block: Block): boolean {
  return block.decorators.some((d) => /^@(?:prefect\.)?flow\b/.test(d));
}

export function isTaskBlock(block: Block): boolean {
  return block.decorators.some((d) => /^@(?:prefect\.)?task\b/.test(d));
}

/** Index of the line after the last top-of-file import (where new imports and helper definitions go). */
export function afterImports(lines: string[]): number {
  let last = -1;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (depth > 0) {
      depth += bracketDelta(line);
      last = i;
      continue;
    }
    if (/^(?:from\s+\S+\s+import\b|import\s)/.test(line)) {
      last = i;
      depth = Math.max(0, bracketDelta(line));
    } else if (line.trim() !== "" && !line.startsWith("#") && indentOf(line) === 0 && last >= 0) break;
  }
  return last + 1;
}

/** Adds `name` to `from module import ...` (creating the import line when absent). Returns the new lines. */
export function ensureImport(lines: string[], module: string, name: string): string[] {
  const escaped = module.replace(/\./g, "\\.");
  const existing = new RegExp(`^from\\s+${escaped}\\s+import\\s+(.+)$`);
  for (let i = 0; i < lines.length; i++) {
    const m = existing.exec(lines[i] ?? "");
    if (!m || m[1]!.includes("(")) continue;
    const names = m[1]!.split(",").map((s) => s.trim());
    if (names.some((n) => n === name || n.endsWith(` as ${name}`))) return lines;
    const copy = [...lines];
    copy[i] = `from ${module} import ${[...names, name].join(", ")}`;
    return copy;
  }
  // `from prefect import ...` goes first among the imports; other modules after the last import.
  const firstPrefect = lines.findIndex((l) => /^(?:from|import)\s+prefect\b/.test(l));
  const at = module === "prefect" && firstPrefect >= 0 ? firstPrefect : afterImports(lines);
  const copy = [...lines];
  copy.splice(at, 0, `from ${module} import ${name}`);
  return copy;
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

/** True when the code imports or defines `name` at any level. */
export function bindsName(code: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `(?:^\\s*from\\s+\\S+\\s+import\\s+.*\\b${n}\\b|^\\s*import\\s+.*\\b${n}\\b|^\\s*(?:async\\s+)?def\\s+${n}\\b|^\\s*${n}\\s*=)`,
    "m",
  ).test(code);
}
