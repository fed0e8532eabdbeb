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
