// Whole-snippet edits the version traps make, on the tree-sitter tree: the imports a snippet has, dropping and
// adding an imported name, renaming an identifier, rewriting the calls of a name, and removing every statement that
// depends on a name. Each one parses the code, builds TextEdits of it and applies them; strings and comments are
// never edited, since they are not identifiers or calls in the tree.
import type { TextEdit } from "../../../core/index.js";
import { applyEdits, field, named } from "../../../lint/index.js";
import {
  closest,
  decoratorTarget,
  findAll,
  indentBefore,
  lineEndOf,
  lineStartOf,
  mentionsName,
  type PythonNode,
  parseTree,
} from "./python-tree.js";
import { withImport } from "./subflow-repairs.js";

export { withImport as ensureImport };

export interface CallArg {
  /** Keyword name, or undefined for a positional argument. */
  keyword?: string;
  /** The argument's text (the value, for keywords). */
  value: string;
  /** The value's node. */
  node: PythonNode;
}

export function formatArgs(args: readonly Pick<CallArg, "keyword" | "value">[]): string {
  return args.map((a) => (a.keyword ? `${a.keyword}=${a.value}` : a.value)).join(", ");
}

/** The arguments of a call, comments left out. */
export function callArgs(call: PythonNode): CallArg[] {
  return named(field(call, "arguments"))
    .filter((a) => a.type !== "comment")
    .map((a) => {
      if (a.type !== "keyword_argument") return { value: a.text, node: a };
      const value = field(a, "value")!;
      return { keyword: field(a, "name")?.text ?? "", value: value.text, node: value };
    });
}

export interface ImportedName {
  module: string;
  name: string;
  alias?: string;
}

/** Names brought in by `from module import a, b as c` statements, at any depth. */
export function fromImports(code: string): ImportedName[] {
  const tree = parseTree(code);
  if (!tree) return [];
  return findAll(tree.root, (n) => n.type === "import_from_statement").flatMap((statement) => {
    const module = field(statement, "module_name")?.text ?? "";
    return statement.childrenForFieldName("name").map((item) => {
      if (item.type !== "aliased_import") return { module, name: item.text };
      return { module, name: field(item, "name")?.text ?? "", alias: field(item, "alias")?.text };
    });
  });
}

/** Drops `name` (aliased or not) from the import that brings it from `module`; the statement goes when it was alone. */
export function dropImport(code: string, module: string, name: string): string {
  const tree = parseTree(code);
  if (!tree) return code;
  for (const statement of findAll(tree.root, (n) => n.type === "import_from_statement")) {
    if (field(statement, "module_name")?.text !== module) continue;
    const items = statement.childrenForFieldName("name");
    const i = items.findIndex(
      (item) => (item.type === "aliased_import" ? field(item, "name")?.text : item.text) === name,
    );
    if (i < 0) continue;
    if (items.length === 1) {
      const end = lineEndOf(code, statement.endIndex);
      return applyEdits(code, [
        { start: lineStartOf(code, statement.startIndex), end: end < code.length ? end + 1 : end, text: "" },
      ]);
    }
    const edit =
      i < items.length - 1
        ? { start: items[i]!.startIndex, end: items[i + 1]!.startIndex, text: "" }
        : { start: items[i - 1]!.endIndex, end: items[i]!.endIndex, text: "" };
    return applyEdits(code, [edit]);
  }
  return code;
}

/** An identifier that names a value: not the attribute after a dot, not a keyword argument's name. */
export function isReference(n: PythonNode): boolean {
  if (n.type !== "identifier") return false;
  const parent = n.parent;
  if (parent?.type === "attribute") return field(parent, "attribute")?.id !== n.id;
  if (parent?.type === "keyword_argument") return field(parent, "name")?.id !== n.id;
  return true;
}

const IMPORTS = ["import_statement", "import_from_statement", "future_import_statement"];

/** Whether code outside import statements refers to `name`. */
export function mentionsOutsideImports(code: string, name: string): boolean {
  const tree = parseTree(code);
  return !!tree && findAll(tree.root, (n) => isReference(n) && n.text === name && !closest(n, IMPORTS)).length > 0;
}

/** Replaces the identifier `from` by `to` wherever code refers to it (imports included). */
export function renameIdentifier(code: string, from: string, to: string): string {
  const tree = parseTree(code);
  if (!tree) return code;
  const edits = findAll(tree.root, (n) => isReference(n) && n.text === from).map((n) => ({
    start: n.startIndex,
    end: n.endIndex,
    text: to,
  }));
  return applyEdits(code, edits);
}

/** Calls of `callee` as written (`task.delay`, `Deployment.build_from_flow`), outside imports; outermost first. */
export function callsOf(root: PythonNode, callee: string): PythonNode[] {
  const calls = findAll(root, (n) => n.type === "call" && field(n, "function")?.text === callee);
  return calls.filter((c) => !calls.some((o) => o !== c && o.startIndex <= c.startIndex && c.endIndex <= o.endIndex));
}

/**
 * Rewrites every call of `callee` with `rewrite(args, call)` (the whole call's new text); null when one call cannot
 * be rewritten (or the code does not parse).
 */
export function rewriteCalls(
  code: string,
  callee: string,
  rewrite: (args: CallArg[], call: PythonNode) => string | null,
): string | null {
  const tree = parseTree(code);
  if (!tree) return null;
  const edits: TextEdit[] = [];
  for (const call of callsOf(tree.root, callee)) {
    const text = rewrite(callArgs(call), call);
    if (text === null) return null;
    edits.push({ start: call.startIndex, end: call.endIndex, text });
  }
  return applyEdits(code, edits);
}

/** Names a statement binds: an assignment's target, a for loop's variable. */
function boundBy(statement: PythonNode): string | undefined {
  const inner = statement.type === "expression_statement" ? statement.namedChildren[0] : statement;
  const left = inner && (inner.type === "assignment" || inner.type === "for_statement") ? field(inner, "left") : null;
  return left?.type === "identifier" ? left.text : undefined;
}

const FOLLOWING_CLAUSES = new Set([
  "elif_clause",
  "else_clause",
  "except_clause",
  "except_group_clause",
  "finally_clause",
]);

/** The part of a compound statement before its first block (`if x:`, `def f(a):`, `with open(p) as f:`). */
function headerOf(statement: PythonNode): PythonNode[] {
  const firstBlock = statement.children.findIndex((c) => c.type === "block");
  const parts = firstBlock < 0 ? statement.children : statement.children.slice(0, firstBlock);
  // Clauses that follow the first block (elif/else/except/finally) have blocks of their own: only the head decides.
  return parts.filter((c) => !FOLLOWING_CLAUSES.has(c.type));
}

/**
 * Removes every statement that uses one of `names`, and (in order) the statements using the variables those
 * statements assigned; compound statements go with their blocks when their header uses a name. A `# comment` marks
 * each place something went, a block left empty gets `pass`, and a decorator only loses the arguments that use the
 * names (dropping it would change what the function is).
 */
export function removeDependents(code: string, names: readonly string[], comment: string): string {
  const tree = parseTree(code);
  if (!tree) return code;
  const tainted = new Set(names);
  const uses = (nodes: readonly PythonNode[]) =>
    nodes.some((node) => [...tainted].some((name) => mentionsName(node, name)));
  const edits: TextEdit[] = [];
  /** One comment in place of a run of removed statements (and `pass` when the block is left with none). */
  const mark = (run: PythonNode[], pass: boolean) => {
    const indent = indentBefore(code, run[0]!);
    const end = lineEndOf(code, run.at(-1)!.endIndex);
    const text = `${indent}# ${comment}${pass ? `\n${indent}pass` : ""}`;
    edits.push({ start: lineStartOf(code, run[0]!.startIndex), end, text });
  };
  const visitBlock = (block: PythonNode) => {
    const runs: PythonNode[][] = [];
    let run: PythonNode[] = [];
    let keptCode = false;
    const flush = () => {
      if (run.length > 0) runs.push(run);
      run = [];
    };
    let previous: PythonNode | undefined;
    for (const statement of named(block)) {
      const after = previous;
      previous = statement;
      if (statement.type === "comment") {
        // A comment at the end of a removed statement's line goes with it; one on its own line stays.
        const trailing = after && !code.slice(after.endIndex, statement.startIndex).includes("\n");
        if (!trailing || run.at(-1) !== after) flush();
        continue;
      }
      if (
        IMPORTS.includes(statement.type) ||
        (statement.type === "decorated_definition" && visitDecorated(statement))
      ) {
        flush();
        keptCode = true;
        continue;
      }
      const compound = statement.children.some((c) => c.type === "block");
      if (!uses(compound ? headerOf(statement) : [statement])) {
        flush();
        keptCode = true;
        if (compound) for (const child of findBlocks(statement)) visitBlock(child);
        continue;
      }
      const bound = boundBy(statement);
      if (bound) tainted.add(bound);
      run.push(statement);
    }
    flush();
    for (const [i, r] of runs.entries()) mark(r, block.type === "block" && !keptCode && i === runs.length - 1);
  };
  /** A decorated definition whose decorators use a name keeps its place; false when the definition itself goes. */
  const visitDecorated = (statement: PythonNode): boolean => {
    const definition = field(statement, "definition");
    if (!definition || uses(headerOf(definition))) return false;
    let marked = false;
    for (const decorator of named(statement).filter((d) => d.type === "decorator")) {
      if (!uses([decorator])) continue;
      const expression = decorator.namedChildren[0];
      const target = decoratorTarget(decorator);
      const pad = indentBefore(code, decorator);
      const note = marked ? "" : `# ${comment}\n${pad}`;
      marked = true;
      if (expression?.type === "call" && !tainted.has(target.split(".")[0]!)) {
        const args = callArgs(expression).filter((a) => !uses([a.node]));
        const text = args.length > 0 ? `${target}(${formatArgs(args)})` : target;
        edits.push({ start: decorator.startIndex, end: decorator.endIndex, text: `${note}@${text}` });
      } else
        edits.push({
          start: lineStartOf(code, decorator.startIndex),
          end: lineEndOf(code, decorator.endIndex),
          text: `${pad}# ${comment}`,
        });
    }
    for (const child of findBlocks(definition)) visitBlock(child);
    return true;
  };
  visitBlock(tree.root);
  return applyEdits(code, edits);
}

/** The blocks directly inside a compound statement (its body and the bodies of its clauses). */
function findBlocks(statement: PythonNode): PythonNode[] {
  return statement.children.flatMap((c) => {
    if (c.type === "block") return [c];
    if (FOLLOWING_CLAUSES.has(c.type)) return c.children.filter((x) => x.type === "block");
    return [];
  });
}
