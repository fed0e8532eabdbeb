// Reading Python snippets for the audit with the linter's tree-sitter parser (the same model of Python the repairs
// use): which names are imported from where, what is assigned from which call, which functions are decorated as flows
// or tasks, and where names are called. Recorded answers are often broken code; tree-sitter keeps parsing past an
// error, so the statements around it are still read (a statement inside the broken part may be missed).
import {
  field,
  firstSyntaxError,
  named,
  type PythonNode,
  parseableRegion,
  parsePython,
  walk,
} from "../../lint/index.js";

export interface ImportedName {
  /** Fully qualified target, e.g. "prefect.futures.wait" or, for `import prefect.runner as r`, "prefect.runner". */
  fq: string;
  /** The local name it is bound to. */
  local: string;
  /** The import statement as written, for excerpts. */
  statement: string;
}

/** The parse of a text, cached for the few calls the audit makes on the same snippet. */
let last: { code: string; root: PythonNode | null } | undefined;
function parse(code: string): PythonNode | null {
  if (last?.code !== code) last = { code, root: parseReadable(code) };
  return last.root;
}

/**
 * The tree of the code or, when it has a syntax error, of the largest part of it that parses (the linter's way: the
 * broken top-level statements are blanked out, offsets unchanged).
 */
function parseReadable(code: string): PythonNode | null {
  const root = parsePython(code);
  const error = root ? firstSyntaxError(root) : null;
  if (!root || !error) return root;
  return parseableRegion(code, error.startIndex, (r) => firstSyntaxError(r)?.startIndex ?? null)?.root ?? root;
}

/** Every node of the given types, in document order. */
function nodesOf(code: string, types: readonly string[]): PythonNode[] {
  const root = parse(code);
  const out: PythonNode[] = [];
  if (root)
    walk(root, (node) => {
      if (types.includes(node.type)) out.push(node);
      return true;
    });
  return out;
}

function isPrefectModule(module: string): boolean {
  return module === "prefect" || module.startsWith("prefect.");
}

/** A dotted name as written without the spaces tree-sitter allows around dots. */
function dotted(node: PythonNode): string {
  return [...node.text].filter((c) => c.trim() !== "").join("");
}

/**
 * Prefect imports of a snippet, or of a whole message: prose around the code is no Python, so when the text does not
 * parse, each import statement (a line starting with `from`/`import`, with its parenthesised continuation) is parsed
 * on its own.
 */
export function prefectImports(code: string): ImportedName[] {
  const root = parsePython(code);
  if (root && !root.hasError) return importsIn(code);
  return importStatements(code).flatMap(importsIn);
}

function importStatements(text: string): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i]!.trimStart();
    if (!start.startsWith("from ") && !start.startsWith("import ")) continue;
    let depth = 0;
    let end = i;
    for (; end < lines.length; end++) {
      for (const ch of lines[end]!) depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
      if (depth <= 0) break;
    }
    out.push(
      lines
        .slice(i, end + 1)
        .join("\n")
        .trimStart(),
    );
    i = end;
  }
  return out;
}

function importsIn(code: string): ImportedName[] {
  const fromImports: ImportedName[] = [];
  const plainImports: ImportedName[] = [];
  for (const node of nodesOf(code, ["import_from_statement", "import_statement"])) {
    const statement = node.text.trim();
    if (node.type === "import_from_statement") {
      const moduleNode = field(node, "module_name");
      const module = moduleNode?.type === "dotted_name" ? dotted(moduleNode) : "";
      if (!isPrefectModule(module)) continue;
      for (const item of node.childrenForFieldName("name")) {
        const name = item.type === "aliased_import" ? field(item, "name") : item;
        const alias = item.type === "aliased_import" ? field(item, "alias") : null;
        if (name?.type !== "dotted_name" || name.namedChildren.length !== 1) continue;
        fromImports.push({ fq: `${module}.${name.text}`, local: alias?.text ?? name.text, statement });
      }
      continue;
    }
    // `import prefect.runner as pr`: the first module of the statement, as the text reads it.
    const first = named(node)[0];
    const name = first?.type === "aliased_import" ? field(first, "name") : first;
    const alias = first?.type === "aliased_import" ? field(first, "alias") : null;
    if (name?.type !== "dotted_name" || !isPrefectModule(dotted(name))) continue;
    plainImports.push({ fq: dotted(name), local: alias?.text ?? dotted(name), statement });
  }
  return [...fromImports, ...plainImports];
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

/** A callee made only of names and dots (`run_deployment`, `client.read_flow_run`), or undefined. */
function plainCallee(node: PythonNode | null): string | undefined {
  if (!node) return undefined;
  if (node.type === "identifier") return node.text;
  if (node.type !== "attribute") return undefined;
  const object = plainCallee(field(node, "object"));
  const attribute = field(node, "attribute")?.text;
  return object && attribute ? `${object}.${attribute}` : undefined;
}

/** `variable = [await] callee(...)` statements. */
export function callAssignments(code: string): Assignment[] {
  const out: Assignment[] = [];
  for (const node of nodesOf(code, ["assignment"])) {
    const left = field(node, "left");
    let right = field(node, "right");
    if (left?.type !== "identifier" || node.parent?.type !== "expression_statement" || !right) continue;
    const awaited = right.type === "await";
    if (awaited) right = right.namedChildren[0] ?? null;
    if (right?.type !== "call") continue;
    const callee = plainCallee(field(right, "function"));
    if (callee) out.push({ variable: left.text, callee, awaited, line: lineOf(code, node.startIndex) });
  }
  return out;
}

export interface AttributeUse {
  attribute: string;
  line: number;
  text: string;
}

/** `variable.attr` uses after the given line (a call or a plain access). */
export function attributeUses(code: string, variable: string, afterLine: number): AttributeUse[] {
  return nodesOf(code, ["attribute"])
    .filter((n) => field(n, "object")?.type === "identifier" && field(n, "object")?.text === variable)
    .map((n) => ({
      attribute: field(n, "attribute")?.text ?? "",
      line: lineOf(code, n.startIndex),
      text: lineText(code, n.startIndex),
    }))
    .filter((u) => u.attribute !== "" && u.line > afterLine);
}

/** The name a decorator applies (`flow` for `@flow` and `@flow(...)`). */
function decoratorName(decorator: PythonNode): string | undefined {
  const expression = decorator.namedChildren[0];
  const target = expression?.type === "call" ? field(expression, "function") : expression;
  return target ? plainCallee(target) : undefined;
}

/** Names of functions decorated with the given decorator (`flow` matches `@flow` and `@flow(...)`). */
export function decoratedFunctions(code: string, decorator: string): string[] {
  return nodesOf(code, ["decorated_definition"])
    .filter((n) => named(n).some((d) => d.type === "decorator" && decoratorName(d) === decorator))
    .map((n) => field(n, "definition"))
    .filter((d) => d?.type === "function_definition")
    .map((d) => field(d!, "name")?.text ?? "")
    .filter((name) => name !== "");
}

export interface CallSite {
  callee: string;
  awaited: boolean;
  line: number;
  text: string;
  /** The call this one is an argument of (`asyncio.run` in `asyncio.run(f())`), when there is one. */
  passedTo?: string;
}

/** Every call of `local` (a bare name or a dotted name) in the code, noting whether it is awaited. */
export function callSites(code: string, local: string): CallSite[] {
  return nodesOf(code, ["call"])
    .filter((n) => plainCallee(field(n, "function")) === local)
    .map((n) => {
      const outer = n.parent?.type === "argument_list" ? n.parent.parent : null;
      const passedTo = outer?.type === "call" ? plainCallee(field(outer, "function")) : undefined;
      return {
        callee: local,
        awaited: n.parent?.type === "await",
        line: lineOf(code, n.startIndex),
        text: lineText(code, n.startIndex),
        ...(passedTo ? { passedTo } : {}),
      };
    });
}

/** `receiver.member(...)` calls where the receiver is a plain name (`child_flow.submit(...)`). */
export function memberCalls(code: string, member: string): { receiver: string; line: number; text: string }[] {
  return nodesOf(code, ["call"]).flatMap((n) => {
    const fn = field(n, "function");
    const object = fn?.type === "attribute" ? field(fn, "object") : null;
    if (object?.type !== "identifier" || field(fn!, "attribute")?.text !== member) return [];
    return [{ receiver: object.text, line: lineOf(code, n.startIndex), text: lineText(code, n.startIndex) }];
  });
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
