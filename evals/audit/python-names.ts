// Light reading of Python snippets for the audit: which names are imported from where, what is assigned from which
// call, and which functions are decorated as flows or tasks. Regex-level on purpose: recorded answers are often
// broken code, and the audit must still see what they claim.
import { escapeRegExp } from "../../core/index.js";

export interface ImportedName {
  /** Fully qualified target, e.g. "prefect.futures.wait" or, for `import prefect.runner as r`, "prefect.runner". */
  fq: string;
  /** The local name it is bound to. */
  local: string;
  /** The import statement as written, for excerpts. */
  statement: string;
}

const FROM_IMPORT = /^[ \t]*from[ \t]+(prefect(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/gm;
const PLAIN_IMPORT = /^[ \t]*import[ \t]+(prefect(?:\.\w+)*)(?:[ \t]+as[ \t]+(\w+))?/gm;

export function prefectImports(code: string): ImportedName[] {
  const out: ImportedName[] = [];
  for (const m of code.matchAll(FROM_IMPORT)) {
    const module = m[1]!;
    const list = m[2]!.replace(/[()\\]/g, " ");
    for (const part of list.split(",")) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (!name || !/^\w+$/.test(name) || name === "*") continue;
      out.push({ fq: `${module}.${name}`, local: alias?.trim() || name, statement: m[0].trim() });
    }
  }
  for (const m of code.matchAll(PLAIN_IMPORT)) {
    const module = m[1]!;
    out.push({ fq: module, local: m[2] ?? module, statement: m[0].trim() });
  }
  return out;
}

/** Resolves a callee as written (`run_deployment`, `prefect.deployments.run_deployment`, `d.run_deployment`). */
export function resolveCallee(callee: string, imports: ImportedName[]): string | undefined {
  if (callee.startsWith("prefect.")) return callee;
  const [head, ...rest] = callee.split(".");
  const bound = imports.find((i) => i.local === head);
  if (!bound) return undefined;
  return [bound.fq, ...rest].join(".");
}

export interface Assignment {
  variable: string;
  callee: string;
  awaited: boolean;
  line: number;
}

const ASSIGN_CALL = /^[ \t]*(\w+)[ \t]*=[ \t]*(await[ \t]+)?([\w.]+)[ \t]*\(/gm;

export function callAssignments(code: string): Assignment[] {
  return [...code.matchAll(ASSIGN_CALL)].map((m) => ({
    variable: m[1]!,
    awaited: m[2] !== undefined,
    callee: m[3]!,
    line: lineOf(code, m.index),
  }));
}

export interface AttributeUse {
  attribute: string;
  line: number;
  text: string;
}

/** `variable.attr` uses after the given line (a call or a plain access). */
export function attributeUses(code: string, variable: string, afterLine: number): AttributeUse[] {
  const pattern = new RegExp(`(?<![\\w.])${escapeRegExp(variable)}\\.(\\w+)`, "g");
  return [...code.matchAll(pattern)]
    .map((m) => ({ attribute: m[1]!, line: lineOf(code, m.index), text: lineText(code, m.index) }))
    .filter((u) => u.line > afterLine);
}

/** Names of functions decorated with the given decorator (`flow` matches `@flow` and `@flow(...)`). */
export function decoratedFunctions(code: string, decorator: string): string[] {
  const pattern = new RegExp(
    `^[ \\t]*@${escapeRegExp(decorator)}\\b[^\\n]*\\n(?:[ \\t]*@[^\\n]*\\n)*[ \\t]*(?:async[ \\t]+)?def[ \\t]+(\\w+)`,
    "gm",
  );
  return [...code.matchAll(pattern)].map((m) => m[1]!);
}

export interface CallSite {
  callee: string;
  awaited: boolean;
  line: number;
  text: string;
}

/** Every call of `local` (a bare name or a dotted prefix) in the code, noting whether it is awaited. */
export function callSites(code: string, local: string): CallSite[] {
  const pattern = new RegExp(`(await[ \\t]+)?(?<![\\w.])(${escapeRegExp(local)})[ \\t]*\\(`, "g");
  return [...code.matchAll(pattern)]
    .filter((m) => !isDefinitionOrImport(code, m.index))
    .map((m) => ({
      callee: m[2]!,
      awaited: m[1] !== undefined,
      line: lineOf(code, m.index),
      text: lineText(code, m.index),
    }));
}

function isDefinitionOrImport(code: string, index: number): boolean {
  const line = lineText(code, index);
  return /^\s*(def|async\s+def|class|from|import)\b/.test(line);
}

export function lineOf(code: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}

function lineText(code: string, index: number): string {
  const start = code.lastIndexOf("\n", index - 1) + 1;
  const end = code.indexOf("\n", index);
  return code.slice(start, end === -1 ? undefined : end).trim();
}
