// Archived Slack text often loses every leading space, which leaves Python that cannot parse. This rebuilds a
// plausible indentation from the shape of the statements. It is a guess: callers keep the result only if it parses.

const INDENT = "    ";

type BlockKind = "def" | "class" | "for" | "while" | "if" | "else" | "with" | "try" | "except" | "match" | "case";

interface Block {
  kind: BlockKind;
  level: number;
  /** For `def`: the function name; for `for`: the loop variables plus names assigned in the body. */
  names: Set<string>;
  name?: string;
}

const HEADER = /^(async\s+)?(def|class|for|while|if|elif|else|with|try|except|finally|match|case)\b/;
const TOP_LEVEL = /^(import\s|from\s+[\w.]+\s+import\b|if\s+(__)?name(__)?\s*==)/;
const CONTROL_TRANSFER = /^(return|raise|continue|break|pass)\b/;
const METHOD_DECORATOR = /^@(staticmethod|classmethod|property|\w+\.(setter|getter|deleter))\b/;
const IDENTIFIER = /[A-Za-z_]\w*/g;

/** Scans one line for open brackets and triple-quoted strings, carrying state across lines. */
class LineScanner {
  depth = 0;
  inTriple: string | null = null;
  continued = false;

  /** Returns the line's text without comments, updating bracket depth and string state. */
  scan(line: string): string {
    let code = "";
    let i = 0;
    this.continued = false;
    while (i < line.length) {
      if (this.inTriple) {
        const end = line.indexOf(this.inTriple, i);
        if (end < 0) return code;
        i = end + 3;
        this.inTriple = null;
        continue;
      }
      const ch = line[i]!;
      if (ch === "#") break;
      if (ch === '"' || ch === "'") {
        const triple = line.startsWith(ch.repeat(3), i);
        if (triple) {
          this.inTriple = ch.repeat(3);
          i += 3;
          code += "s";
          continue;
        }
        i++;
        while (i < line.length && line[i] !== ch) i += line[i] === "\\" ? 2 : 1;
        i++;
        code += "s";
        continue;
      }
      if ("([{".includes(ch)) this.depth++;
      else if (")]}".includes(ch)) this.depth = Math.max(0, this.depth - 1);
      code += ch;
      i++;
    }
    this.continued = code.trimEnd().endsWith("\\");
    return code;
  }

  get open(): boolean {
    return this.depth > 0 || this.inTriple !== null || this.continued;
  }
}

/** Re-indents Python whose indentation was lost. Lines inside brackets or strings keep a continuation indent. */
export function reindentPython(code: string): string {
  const blocks: Block[] = [];
  const scanner = new LineScanner();
  const out: string[] = [];
  let level = 0;
  let decoratorLevel: number | null = null;
  let continuation = false;

  for (const rawLine of code.split("\n")) {
    if (continuation) {
      const wasTriple = scanner.inTriple !== null;
      scanner.scan(rawLine);
      out.push(wasTriple ? rawLine : INDENT.repeat(level + 1) + rawLine.trim());
      continuation = scanner.open;
      continue;
    }
    const line = rawLine.trim();
    if (line === "") {
      out.push("");
      continue;
    }
    if (line.startsWith("#")) {
      out.push(INDENT.repeat(level) + line);
      continue;
    }

    const code = scanner.scan(line).trim();
    if (decoratorLevel !== null && !line.startsWith("@")) {
      level = decoratorLevel;
      decoratorLevel = null;
    } else {
      level = levelFor(line, code, blocks, level);
      if (line.startsWith("@")) decoratorLevel = level;
    }
    out.push(INDENT.repeat(level) + line);
    continuation = scanner.open;

    const header = HEADER.exec(code);
    if (header && code.endsWith(":") && !continuation) {
      const kind = blockKind(header[2]!);
      const block: Block = { kind, level, names: new Set() };
      if (kind === "def") block.name = /def\s+(\w+)/.exec(code)?.[1];
      if (kind === "for") for (const n of loopTargets(code)) block.names.add(n);
      blocks.push(block);
      level++;
    } else if (CONTROL_TRANSFER.test(code) && blocks.length > 0 && !continuation) {
      level = blocks.pop()!.level;
    } else {
      // Only plain assignments: `total += x` updates an accumulator that lives outside the loop.
      const assigned = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(code)?.[1];
      const loop = blocks.at(-1);
      if (assigned && loop?.kind === "for") loop.names.add(assigned);
    }
  }
  return out.join("\n");
}

/** Pops blocks up to and including the innermost one that matches; returns its level, or null when none does. */
function popTo(blocks: Block[], predicate: (b: Block) => boolean): number | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (predicate(blocks[i]!)) {
      const level = blocks[i]!.level;
      blocks.length = i;
      return level;
    }
  }
  return null;
}

function levelFor(line: string, code: string, blocks: Block[], level: number): number {
  const inClass = blocks.some((b) => b.kind === "class");
  if (METHOD_DECORATOR.test(line) || (/^(async\s+)?def\s+\w+\s*\(\s*(self|cls)\b/.test(line) && inClass)) {
    const classLevel = popTo(blocks, (b) => b.kind === "class");
    if (classLevel === null) return 0;
    blocks.push({ kind: "class", level: classLevel, names: new Set() });
    return classLevel + 1;
  }
  if (line.startsWith("@") || /^(async\s+)?def\s|^class\s/.test(line) || TOP_LEVEL.test(line)) {
    blocks.length = 0;
    return 0;
  }
  if (/^(elif\b|else\s*:)/.test(code)) {
    return popTo(blocks, (b) => ["if", "for", "while", "except"].includes(b.kind)) ?? level;
  }
  if (/^(except\b|finally\s*:)/.test(code)) {
    return popTo(blocks, (b) => b.kind === "try" || b.kind === "except") ?? level;
  }
  // A call to the function being defined is almost always the script's entry point, after the definition.
  const called = /^(?:\w+\s*=\s*)?(\w+)\(/.exec(code)?.[1];
  const outer = blocks[0];
  if (called && outer?.kind === "def" && outer.level === 0 && outer.name === called) {
    blocks.length = 0;
    return 0;
  }
  // A loop body ends at the first statement that uses neither the loop variables nor what the body assigned.
  let current = level;
  while (blocks.at(-1)?.kind === "for") {
    const loop = blocks.at(-1)!;
    const used = line.match(IDENTIFIER) ?? [];
    if (used.some((n) => loop.names.has(n))) break;
    blocks.pop();
    current = loop.level;
  }
  return current;
}

function blockKind(keyword: string): BlockKind {
  switch (keyword) {
    case "elif":
      return "if";
    case "finally":
      return "except";
    default:
      return keyword as BlockKind;
  }
}

function loopTargets(header: string): string[] {
  const m = /^(?:async\s+)?for\s+(.+?)\s+in\s/.exec(header);
  return m ? (m[1]!.match(IDENTIFIER) ?? []) : [];
}
