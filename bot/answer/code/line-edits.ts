// Statement-level edits on Python source kept as lines: logical statements, call arguments, imports, and removing
// every statement that depends on a name. Enough structure for the repairs; the linter re-checks what they produce.
import { bracketDelta, indentOf } from "./python-text.js";

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One past the last line of the logical statement starting at `i` (continues while brackets are open). */
export function statementEnd(lines: string[], i: number): number {
  let depth = bracketDelta(lines[i] ?? "");
  let end = i + 1;
  while (depth > 0 && end < lines.length) depth += bracketDelta(lines[end++]!);
  return end;
}

/** One past the last line of the block a compound statement (`if ...:`, `def ...:`) at `i` opens. */
export function blockEnd(lines: string[], i: number): number {
  const indent = indentOf(lines[i] ?? "");
  let end = statementEnd(lines, i);
  let last = end;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (line.trim() === "") continue;
    if (indentOf(line) <= indent) break;
    last = end + 1;
  }
  return last;
}

export interface CallArg {
  /** Keyword name, or undefined for a positional argument. */
  keyword?: string;
  /** The argument's text (the value, for keywords), trimmed. */
  value: string;
}

export interface CallSite {
  /** Offset of the callee name and one past the closing parenthesis, in the text searched. */
  start: number;
  end: number;
  args: CallArg[];
}

/** Finds `callee(` in `text` (not as an attribute of something else) and splits its top-level arguments. */
export function findCall(text: string, callee: string, from = 0): CallSite | undefined {
  const re = new RegExp(`(?<![\\w.])${escapeRe(callee)}\\s*\\(`, "g");
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return undefined;
  let depth = 0;
  let quote: string | null = null;
  let argStart = m.index + m[0].length;
  const parts: string[] = [];
  for (let i = argStart - 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) {
      depth--;
      if (depth === 0) {
        parts.push(text.slice(argStart, i));
        const args = parts
          .map((p) => p.trim())
          .filter((p) => p !== "")
          .map((p) => {
            const kw = /^(\w+)\s*=(?!=)\s*([\s\S]*)$/.exec(p);
            return kw ? { keyword: kw[1]!, value: kw[2]!.trim() } : { value: p };
          });
        return { start: m.index, end: i + 1, args };
      }
    } else if (ch === "," && depth === 1) {
      parts.push(text.slice(argStart, i));
      argStart = i + 1;
    }
  }
  return undefined;
}

export function formatArgs(args: CallArg[]): string {
  return args.map((a) => (a.keyword ? `${a.keyword}=${a.value}` : a.value)).join(", ");
}

export interface ImportLine {
  /** 0-based first line and one past the last line of the statement. */
  start: number;
  end: number;
  module: string;
  names: { name: string; alias?: string }[];
}

/** `from module import a, b as c` statements (single-line or parenthesised), at any indentation. */
export function fromImports(lines: string[]): ImportLine[] {
  const out: ImportLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*from\s+([\w.]+)\s+import\s+(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = statementEnd(lines, i);
    const body = [m[2]!, ...lines.slice(i + 1, end)]
      .join(" ")
      .replace(/#.*$/gm, "")
      .replace(/[()\\]/g, " ");
    const names = body
      .split(",")
      .map((s) => s.trim())
      .filter((s) => /^\w+(\s+as\s+\w+)?$/.test(s))
      .map((s) => {
        const [name, alias] = s.split(/\s+as\s+/);
        return alias ? { name: name!, alias } : { name: name! };
      });
    out.push({ start: i, end, module: m[1]!, names });
    i = end - 1;
  }
  return out;
}

/** Drops `name` from the import statement that brings it from `module` (the whole statement when it was alone). */
export function dropImport(lines: string[], module: string, name: string): string[] {
  const imp = fromImports(lines).find((x) => x.module === module && x.names.some((n) => n.name === name));
  if (!imp) return lines;
  const kept = imp.names.filter((n) => n.name !== name);
  const indent = /^\s*/.exec(lines[imp.start]!)![0];
  const text = kept.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name)).join(", ");
  const replacement = kept.length > 0 ? [`${indent}from ${module} import ${text}`] : [];
  return [...lines.slice(0, imp.start), ...replacement, ...lines.slice(imp.end)];
}

/** The code part of a line: strings blanked and comment dropped, so names are not matched inside them. */
export function codeOf(line: string): string {
  return line.replace(/("|')(?:\\.|(?!\1).)*\1/g, '""').replace(/#.*$/, "");
}

export function mentions(line: string, name: string): boolean {
  return new RegExp(`(?<![\\w.])${escapeRe(name)}\\b`).test(codeOf(line));
}

/**
 * Removes every statement that uses one of `names`, and (transitively) the statements using the variables those
 * statements assigned; compound statements go with their blocks. A `# comment` marks the first removal in each
 * place, and blocks left empty get a `pass`.
 */
export function removeDependents(lines: string[], names: string[], comment: string): string[] {
  const tainted = new Set(names);
  const out: string[] = [];
  let marked = -1;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const isImport = /^\s*(?:from\s+\S+\s+)?import\s/.test(line);
    const simpleEnd = statementEnd(lines, i);
    const compound =
      /^\s*(?:if|for|while|with|def|async|try|elif|else|class)\b/.test(line) &&
      codeOf(lines[simpleEnd - 1] ?? "")
        .trimEnd()
        .endsWith(":");
    // A compound statement goes with its block when its header uses a name; otherwise its body is read line by line.
    const header = lines.slice(i, simpleEnd);
    const hit = !isImport && [...tainted].some((n) => header.some((l) => mentions(l, n)));
    const end = compound && hit ? blockEnd(lines, i) : simpleEnd;
    if (!hit) {
      out.push(...header);
      i = end;
      continue;
    }
    // A decorator keeps its place (dropping it would change what the function is); only the arguments that use
    // the names go.
    const decorator = /^\s*@([\w.]+)\(/.exec(line)?.[1];
    if (decorator && ![...tainted].some((n) => decorator === n || decorator.startsWith(`${n}.`))) {
      const text = header.join("\n");
      const call = findCall(text, decorator);
      if (call) {
        const kept = call.args.filter((a) => ![...tainted].some((n) => mentions(a.value, n)));
        const rewritten = `${text.slice(0, call.start)}${decorator}(${formatArgs(kept)})${text.slice(call.end)}`;
        out.push(`${" ".repeat(indentOf(line))}# ${comment}`, ...rewritten.replace(/\(\)$/, "").split("\n"));
        marked = out.length;
        i = end;
        continue;
      }
    }
    const target = /^\s*(\w+)\s*(?::[^=]+)?=(?!=)/.exec(line)?.[1] ?? /^\s*for\s+(\w+)\s+in\b/.exec(line)?.[1];
    if (target) tainted.add(target);
    if (marked !== out.length) out.push(`${" ".repeat(indentOf(line))}# ${comment}`);
    marked = out.length;
    i = end;
  }
  return fillEmptyBlocks(out);
}

/** Adds `pass` to compound statements whose body has only comments or nothing. */
export function fillEmptyBlocks(lines: string[]): string[] {
  const out = [...lines];
  for (let i = out.length - 1; i >= 0; i--) {
    const line = out[i]!;
    if (!/:\s*(?:#.*)?$/.test(line) || !/^\s*(?:@?\w|async\s)/.test(line)) continue;
    if (!/^\s*(?:if|elif|else|for|while|with|def|async\s+def|class|try|except|finally)\b/.test(line)) continue;
    const indent = indentOf(line);
    let j = i + 1;
    let body = false;
    for (; j < out.length; j++) {
      const l = out[j]!;
      if (l.trim() === "") continue;
      if (indentOf(l) <= indent) break;
      if (!l.trim().startsWith("#")) {
        body = true;
        break;
      }
    }
    if (!body) {
      let at = i + 1;
      while (at < out.length && out[at]!.trim().startsWith("#") && indentOf(out[at]!) > indent) at++;
      out.splice(at, 0, `${" ".repeat(indent + 4)}pass`);
    }
  }
  return out;
}

/** Replaces the identifier `from` by `to` in code (not after a dot, not inside strings or comments). */
export function renameIdentifier(lines: string[], from: string, to: string): string[] {
  const re = new RegExp(`(?<![\\w.])${escapeRe(from)}\\b`, "g");
  return lines.map((line) => {
    if (!mentions(line, from)) return line;
    // Replace only outside strings and comments: rebuild from the segments codeOf would keep.
    let out = "";
    let rest = line;
    const seg = /("|')(?:\\.|(?!\1).)*\1|#.*$/;
    while (rest) {
      const m = seg.exec(rest);
      if (!m) {
        out += rest.replace(re, to);
        break;
      }
      out += rest.slice(0, m.index).replace(re, to) + m[0];
      rest = rest.slice(m.index + m[0].length);
    }
    return out;
  });
}
