// Small helpers over tree-sitter nodes. Traversal is iterative: pasted code can nest thousands of levels deep.
import type { Node } from "../python-parser.js";

/** Visits every node in document order; returning false from `visit` skips the node's children. */
export function walk(root: Node, visit: (node: Node) => unknown): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

export function named(node: Node | null | undefined): Node[] {
  return node ? [...node.namedChildren] : [];
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

/** The nearest ancestor (not the node itself) of one of the given types. */
export function ancestor(node: Node, types: readonly string[], stopAt?: readonly string[]): Node | null {
  let current = node.parent;
  while (current) {
    if (types.includes(current.type)) return current;
    if (stopAt?.includes(current.type)) return null;
    current = current.parent;
  }
  return null;
}

export function isAsyncFunction(fn: Node): boolean {
  return fn.children.some((c) => c.type === "async");
}

/** Names bound by an assignment target, a for-loop target or a with-as target. */
export function targetNames(target: Node | null): string[] {
  if (!target) return [];
  if (target.type === "identifier") return [target.text];
  const names: string[] = [];
  for (const child of named(target)) {
    if (
      [
        "identifier",
        "pattern_list",
        "tuple_pattern",
        "list_pattern",
        "tuple",
        "list",
        "as_pattern_target",
        "list_splat_pattern",
      ].includes(child.type)
    ) {
      names.push(...targetNames(child));
    }
  }
  return names;
}

/** Parameter kinds that name one parameter (not `*args`, `**kwargs` or the bare `*` and `/` separators). */
const NAMED_PARAMETERS = new Set(["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"]);

/** The name a def's parameter binds (`x`, `x: int`, `x=1`, `x: int = 1`); "" for splats and separators. */
export function parameterName(param: Node): string {
  if (!NAMED_PARAMETERS.has(param.type)) return "";
  return param.type === "identifier" ? param.text : (field(param, "name")?.text ?? named(param)[0]?.text ?? "");
}

/** Keyword arguments of a call: name and node. */
export function keywordArguments(call: Node): { name: string; node: Node; value: Node | null }[] {
  const args = field(call, "arguments");
  if (args?.type !== "argument_list") return [];
  return named(args)
    .filter((a) => a.type === "keyword_argument")
    .map((a) => ({ name: field(a, "name")?.text ?? "", node: a, value: field(a, "value") }));
}

export function positionalArguments(call: Node): Node[] {
  const args = field(call, "arguments");
  if (args?.type !== "argument_list") return [];
  return named(args).filter((a) => !["keyword_argument", "list_splat", "dictionary_splat", "comment"].includes(a.type));
}

/** Every identifier `name` from `after` on, in source order: the later uses of a name bound before it. */
export function laterUses(root: Node, name: string, after: number): Node[] {
  const uses: Node[] = [];
  walk(root, (node) => {
    if (node.type === "identifier" && node.text === name && node.startIndex >= after) uses.push(node);
    return true;
  });
  return uses;
}

/** The expression inside any `await` and parentheses around it. */
export function unwrapAwait(node: Node): Node {
  let current = node;
  while (current.type === "await" || current.type === "parenthesized_expression") {
    const inner = current.namedChildren[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}
