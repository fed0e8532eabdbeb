// The Python grammar (tree-sitter, compiled to WebAssembly) loaded once per process. Loading is asynchronous, so it
// happens when this module is first imported; every parse after that is synchronous and bounded in time.
// Each tree is copied once into plain objects: crossing into WebAssembly for every node property is what made
// rule passes slow, and plain objects need no explicit freeing.
import { createRequire } from "node:module";
import { Language, Parser, type TreeCursor } from "web-tree-sitter";

const require = createRequire(import.meta.url);

/** Longest time one parse may take before it is abandoned. */
export const PARSE_TIMEOUT_MS = 1_000;

await Parser.init();
const python = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
const parser = new Parser();
parser.setLanguage(python);

/** A syntax node: the subset of tree-sitter's Node the rules use, as a plain object. */
export interface Node {
  readonly id: number;
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly isNamed: boolean;
  readonly isError: boolean;
  readonly isMissing: boolean;
  /** True when this node or a descendant is an error or a missing node. */
  readonly hasError: boolean;
  readonly parent: Node | null;
  readonly children: readonly Node[];
  readonly namedChildren: readonly Node[];
  readonly text: string;
  childForFieldName(name: string): Node | null;
  childrenForFieldName(name: string): Node[];
}

class PlainNode implements Node {
  children: PlainNode[] = [];
  fieldNames: (string | null)[] = [];
  hasError: boolean;

  constructor(
    readonly id: number,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly parent: PlainNode | null,
    private readonly source: string,
  ) {
    this.hasError = this.isError || isMissing;
  }

  get isError(): boolean {
    return this.type === "ERROR";
  }

  private named?: PlainNode[];

  get namedChildren(): PlainNode[] {
    this.named ??= this.children.filter((c) => c.isNamed);
    return this.named;
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  childForFieldName(name: string): PlainNode | null {
    const i = this.fieldNames.indexOf(name);
    return i < 0 ? null : this.children[i]!;
  }

  childrenForFieldName(name: string): PlainNode[] {
    return this.children.filter((_, i) => this.fieldNames[i] === name);
  }
}

/** Parses Python source; null when the parse ran out of time. */
export function parsePython(source: string, timeoutMs = PARSE_TIMEOUT_MS): Node | null {
  const deadline = performance.now() + timeoutMs;
  const tree = parser.parse(source, null, { progressCallback: () => performance.now() > deadline });
  if (!tree) return null;
  const cursor = tree.walk();
  try {
    return copyTree(cursor, source);
  } finally {
    cursor.delete();
    tree.delete();
  }
}

function copyTree(cursor: TreeCursor, source: string): Node {
  let nextId = 0;
  const make = (parent: PlainNode | null) =>
    new PlainNode(
      nextId++,
      cursor.nodeType,
      cursor.startIndex,
      cursor.endIndex,
      cursor.nodeIsNamed,
      cursor.nodeIsMissing,
      parent,
      source,
    );
  const root = make(null);
  let current = root;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      const child = make(current);
      current.fieldNames.push(cursor.currentFieldName);
      current.children.push(child);
      current = child;
      continue;
    }
    for (;;) {
      if (cursor.gotoNextSibling()) {
        const parent = current.parent!;
        if (current.hasError) parent.hasError = true;
        const sibling = make(parent);
        parent.fieldNames.push(cursor.currentFieldName);
        parent.children.push(sibling);
        current = sibling;
        break;
      }
      if (!cursor.gotoParent()) return root;
      const parent = current.parent!;
      if (current.hasError) parent.hasError = true;
      current = parent;
    }
  }
}

/** True when the source parses without any error, missing node or empty block (no copy of the tree is made). */
export function parsesCleanly(source: string): boolean {
  const deadline = performance.now() + PARSE_TIMEOUT_MS;
  const tree = parser.parse(source, null, { progressCallback: () => performance.now() > deadline });
  if (!tree) return false;
  try {
    if (tree.rootNode.hasError) return false;
    return !tree.rootNode
      .descendantsOfType("block")
      .some((b) => b !== null && !b.namedChildren.some((c) => c !== null && c.type !== "comment"));
  } finally {
    tree.delete();
  }
}

/** The first error or missing node in document order, found without recursion (trees can be very deep). */
export function firstSyntaxError(root: Node): Node | null {
  if (!root.hasError) return null;
  let node: Node = root;
  for (;;) {
    if (node.isError || node.isMissing) return node;
    const next = node.children.find((c) => c.hasError);
    if (!next) return node;
    node = next;
  }
}

/**
 * The grammar accepts a header with no indented body (`def f():` then a line at the same level); Python does not.
 * Returns the first such empty block.
 */
export function emptyBlock(root: Node): Node | null {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "block" && !node.namedChildren.some((c) => c.type !== "comment")) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

/** The deepest node that contains an offset. */
export function nodeAt(root: Node, offset: number): Node {
  let node = root;
  for (;;) {
    const child = node.children.find((c) => c.startIndex <= offset && offset < c.endIndex);
    if (!child) return node;
    node = child;
  }
}
