// The repairs' view of Python: the linter's tree-sitter tree, plus the few questions the repairs ask of it (which
// node a diagnosis is about, which names the code binds, where an import goes). Every edit is a TextEdit of the
// parsed text, applied with the linter's applyFixes.
import type { TextEdit } from "../../../core/index.js";
import { field, named, type PythonNode, parsePython, walk } from "../../../lint/index.js";

export type { PythonNode };

/** A parsed snippet. */
export interface PythonTree {
  code: string;
  root: PythonNode;
}

export function parseTree(code: string): PythonTree | null {
  const root = parsePython(code);
  return root ? { code, root } : null;
}

/** The smallest node that contains [start, end) (a call rather than the statement that is only that call). */
export function nodeCovering(root: PythonNode, start: number, end: number): PythonNode {
  let node = root;
  for (;;) {
    const child = node.children.find((c) => c.startIndex <= start && end <= c.endIndex && c.endIndex > c.startIndex);
    if (!child) return node;
    node = child;
  }
}

/** The nearest ancestor (or the node itself) of one of the types. */
export function closest(node: PythonNode, types: readonly string[]): PythonNode | null {
  let current: PythonNode | null = node;
  while (current && !types.includes(current.type)) current = current.parent;
  return current;
}

/** Names the code binds anywhere: imports (and their aliases), definitions, assignment targets. */
export function boundNames(root: PythonNode): Set<string> {
  const names = new Set<string>();
  walk(root, (node) => {
    if (node.type === "import_from_statement") {
      for (const item of node.childrenForFieldName("name")) {
        const local = item.type === "aliased_import" ? field(item, "alias") : item;
        if (local) names.add(local.text);
      }
      return false;
    }
    if (node.type === "import_statement") {
      for (const item of named(node)) {
        const local = item.type === "aliased_import" ? field(item, "alias") : item;
        if (local) names.add(local.text.split(".")[0]!);
      }
      return false;
    }
    if (node.type === "function_definition" || node.type === "class_definition") {
      const name = field(node, "name");
      if (name) names.add(name.text);
    }
    if (node.type === "assignment") {
      const left = field(node, "left");
      if (left?.type === "identifier") names.add(left.text);
    }
    return true;
  });
  return names;
}

/** Top-level `from module import ...` statements. */
function fromImports(root: PythonNode, module: string): PythonNode[] {
  return named(root).filter((n) => n.type === "import_from_statement" && field(n, "module_name")?.text === module);
}

/**
 * The edit that makes `name` importable from `module`: appended to an existing `from module import ...`, else a new
 * line (a `from prefect import` goes before the other prefect imports, anything else after the last import).
 * Null when the code already binds the name.
 */
export function importEdit(tree: PythonTree, module: string, name?: string): TextEdit | null {
  if (boundNames(tree.root).has(name ?? module)) return null;
  // A plain module import (`import asyncio`) goes first: standard-library imports lead.
  if (name === undefined) return { start: 0, end: 0, text: `import ${module}\n` };
  const existing = fromImports(tree.root, module).find((n) => !n.children.some((c) => c.type === "("));
  const items = existing?.childrenForFieldName("name") ?? [];
  const last = items.at(-1);
  if (existing && last) return { start: last.endIndex, end: last.endIndex, text: `, ${name}` };
  const imports = named(tree.root).filter((n) => n.type === "import_from_statement" || n.type === "import_statement");
  const firstPrefect = imports.find((n) => {
    const m = importedModule(n);
    return m === "prefect" || m.startsWith("prefect.");
  });
  const line = `from ${module} import ${name}`;
  if (module === "prefect" && firstPrefect)
    return { start: firstPrefect.startIndex, end: firstPrefect.startIndex, text: `${line}\n` };
  const after = imports.at(-1);
  if (after) return { start: after.endIndex, end: after.endIndex, text: `\n${line}` };
  return { start: 0, end: 0, text: `${line}\n` };
}

function importedModule(statement: PythonNode): string {
  if (statement.type === "import_from_statement") return field(statement, "module_name")?.text ?? "";
  const first = named(statement)[0];
  return (first?.type === "aliased_import" ? field(first, "name") : first)?.text ?? "";
}

/** 1-based line of an offset. */
export function lineAt(code: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < code.length; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}

/** Whether an identifier `name` is used anywhere outside import statements. */
function usesName(root: PythonNode, name: string): boolean {
  let used = false;
  walk(root, (node) => {
    if (used || node.type === "import_from_statement" || node.type === "import_statement") return false;
    if (node.type === "identifier" && node.text === name) used = true;
    return true;
  });
  return used;
}

/**
 * The edit removing `name` from `from module import ...` when nothing else uses it (the whole statement, line
 * included, when it was the only name); null when it is used or not imported that way.
 */
export function unusedImportRemoval(tree: PythonTree, module: string, name: string): TextEdit | null {
  return usesName(tree.root, name) ? null : importNameRemoval(tree, module, name);
}

/** The `from module import ...` statement (at any depth) that imports `name` unaliased. */
export function importingStatement(root: PythonNode, module: string, name: string): PythonNode | undefined {
  let found: PythonNode | undefined;
  walk(root, (node) => {
    if (found) return false;
    if (node.type !== "import_from_statement") return true;
    if (field(node, "module_name")?.text === module && importedItem(node, name)) found = node;
    return false;
  });
  return found;
}

function importedItem(statement: PythonNode, name: string): PythonNode | undefined {
  return statement.childrenForFieldName("name").find((item) => item.type !== "aliased_import" && item.text === name);
}

/** The edit removing `name` from its `from module import ...` (the whole statement and its line when it was alone). */
export function importNameRemoval(tree: PythonTree, module: string, name: string): TextEdit | null {
  const statement = importingStatement(tree.root, module, name);
  if (!statement) return null;
  const items = statement.childrenForFieldName("name");
  const i = items.findIndex((item) => item.id === importedItem(statement, name)?.id);
  if (items.length > 1) {
    const item = items[i]!;
    return i < items.length - 1
      ? { start: item.startIndex, end: items[i + 1]!.startIndex, text: "" }
      : { start: items[i - 1]!.endIndex, end: item.endIndex, text: "" };
  }
  const lineStart = tree.code.lastIndexOf("\n", statement.startIndex - 1) + 1;
  const lineEnd = tree.code.indexOf("\n", statement.endIndex);
  return { start: lineStart, end: lineEnd < 0 ? tree.code.length : lineEnd + 1, text: "" };
}

/** What a decorator applies: `task` for `@task`, `@task(...)`; `prefect.flow` for `@prefect.flow`. */
export function decoratorTarget(decorator: PythonNode): string {
  const expression = decorator.namedChildren[0];
  const target = expression?.type === "call" ? field(expression, "function") : expression;
  return target?.text ?? "";
}

/** A function definition with its decorators (read from the tree, at any depth). */
export interface FunctionDef {
  node: PythonNode;
  name: string;
  /** The decorators' targets, outermost first. */
  decorators: string[];
  /** The node the definition starts with: its first decorator, or the `def` itself. */
  outer: PythonNode;
  isAsync: boolean;
  isFlow: boolean;
  isTask: boolean;
}

export function functionDefs(root: PythonNode): FunctionDef[] {
  const defs: FunctionDef[] = [];
  walk(root, (node) => {
    if (node.type !== "function_definition") return true;
    const decorated = node.parent?.type === "decorated_definition" ? node.parent : null;
    const decorators = named(decorated)
      .filter((d) => d.type === "decorator")
      .map(decoratorTarget);
    defs.push({
      node,
      name: field(node, "name")?.text ?? "",
      decorators,
      outer: decorated ?? node,
      isAsync: node.children.some((c) => c.type === "async"),
      isFlow: decorators.some((d) => d === "flow" || d === "prefect.flow"),
      isTask: decorators.some((d) => d === "task" || d === "prefect.task"),
    });
    return true;
  });
  return defs;
}

/** Every node below `root` (document order) for which `test` holds; nested functions are searched too. */
export function findAll(root: PythonNode, test: (node: PythonNode) => boolean): PythonNode[] {
  const found: PythonNode[] = [];
  walk(root, (node) => {
    if (test(node)) found.push(node);
    return true;
  });
  return found;
}

/** A call of a method on a plain name or dotted path: `child.submit(...)` → { object: "child", method: "submit" }. */
export function methodCall(node: PythonNode): { object: PythonNode; method: string } | null {
  if (node.type !== "call") return null;
  const fn = field(node, "function");
  if (fn?.type !== "attribute") return null;
  const object = field(fn, "object");
  const method = field(fn, "attribute")?.text;
  if (!object || !method || !isDottedName(object)) return null;
  return { object, method };
}

/** `name` or `a.b.name`: identifiers joined by dots. */
export function isDottedName(node: PythonNode): boolean {
  if (node.type === "identifier") return true;
  const object = node.type === "attribute" ? field(node, "object") : null;
  return !!object && isDottedName(object);
}

/** Whether `node` is a call of the plain name `name` (`wait(...)`, not `x.wait(...)`). */
export function callsName(node: PythonNode, name: string): boolean {
  const fn = node.type === "call" ? field(node, "function") : null;
  return fn?.type === "identifier" && fn.text === name;
}

/** Whether the identifier `name` occurs in `node` (not as an attribute after a dot). */
export function mentionsName(node: PythonNode, name: string): boolean {
  return (
    findAll(node, (n) => {
      if (n.type !== "identifier" || n.text !== name) return false;
      return !(n.parent?.type === "attribute" && field(n.parent, "attribute")?.id === n.id);
    }).length > 0
  );
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(code: string, offset: number): number {
  return code.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset of the end of the line holding `offset` (its newline, or the end of the code). */
export function lineEndOf(code: string, offset: number): number {
  const end = code.indexOf("\n", offset);
  return end < 0 ? code.length : end;
}

/** The whole line holding `offset`. */
export function lineTextAt(code: string, offset: number): string {
  return code.slice(lineStartOf(code, offset), lineEndOf(code, offset));
}

/** The indentation in front of a statement that starts its line. */
export function indentBefore(code: string, node: PythonNode): string {
  return code.slice(lineStartOf(code, node.startIndex), node.startIndex);
}

/** The top-level statement that holds `node` (the module's child). */
export function topLevelOf(node: PythonNode): PythonNode {
  let current = node;
  while (current.parent && current.parent.type !== "module") current = current.parent;
  return current;
}

/**
 * Where new module-level definitions go: the start of the line after the first run of top-level imports (anything
 * before the first import, a docstring or a comment, stays above); 0 when there are none.
 */
export function afterImportsOffset(tree: PythonTree): number {
  let last: PythonNode | null = null;
  for (const node of named(tree.root)) {
    if (node.type === "import_statement" || node.type === "import_from_statement") last = node;
    else if (node.type === "future_import_statement") last = node;
    else if (last && node.type !== "comment") break;
  }
  if (!last) return 0;
  const end = lineEndOf(tree.code, last.endIndex);
  return end < tree.code.length ? end + 1 : end;
}
