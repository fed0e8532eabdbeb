// An async context manager entered with a plain `with` (missing-async-with): `with concurrency(...)` where the
// name comes from `prefect.concurrency.asyncio`. The call gives an object that only `async with` can enter, so the
// statement raises TypeError before its body runs. Only `with` items are checked: there a callable is used as a
// context manager and nothing else, so the compiled async bit is proof. Elsewhere it is not, because Prefect marks
// many functions `async def` that also run synchronously (sync_compatible, async_dispatch).
import { isPrefectName } from "../analysis/python-model.js";
import { field, laterUses, named, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import type { Draft } from "./draft.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** Kinds of symbol whose call can be an async context manager; a class has its own `__enter__` or not. */
const CALLABLE_KINDS = new Set(["function", "method", "classmethod", "staticmethod"]);

/** What the rule needs about one offending `with` item. */
interface AsyncItem {
  /** The call as the code wrote it: `concurrency("warehouse-writes", occupy=1)`. */
  call: Node;
  /** The callee's name as the code reached it (the import path), e.g. `prefect.concurrency.asyncio.concurrency`. */
  fq: string;
  /** The same name from the sync twin module, when the release has one that is not async. */
  twin?: string;
}

export function checkMissingAsyncWith(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "with_statement" || isAsyncWith(node)) return true;
    const items = withItemCalls(node);
    for (const call of items) {
      const item = asyncItem(ctx, call);
      if (item) ctx.report(diagnose(ctx, node, item, items.length));
    }
    return true;
  });
}

function isAsyncWith(statement: Node): boolean {
  return statement.children.some((c) => c.type === "async");
}

/** The context-manager expressions of a `with` statement that are calls (`with a() as x, b():` gives both). */
function withItemCalls(statement: Node): Node[] {
  const clause = named(statement).find((c) => c.type === "with_clause");
  const calls: Node[] = [];
  for (const item of named(clause)) {
    if (item.type !== "with_item") continue;
    const value = field(item, "value");
    const expression = value?.type === "as_pattern" ? named(value)[0] : value;
    if (expression?.type === "call") calls.push(expression);
  }
  return calls;
}

/** The call's callee when it is a Prefect callable that is async at the release; undefined otherwise. */
function asyncItem(ctx: RuleContext, call: Node): AsyncItem | undefined {
  const fnNode = field(call, "function");
  const type = fnNode ? ctx.model.typeOf(fnNode) : undefined;
  if (type?.t !== "symbol" || !isPrefectName(type.fq)) return undefined;
  const fq = type.fq;
  if (ctx.facts.presence(fq, ctx.release).status !== "present") return undefined;
  const kind = ctx.facts.resolve(fq, ctx.release)?.kind;
  if (!kind || !CALLABLE_KINDS.has(kind) || !ctx.facts.isAsync(fq, ctx.release)) return undefined;
  return { call, fq, twin: syncTwin(ctx, fq) };
}

/**
 * The same name in the sync twin module (a module path segment `asyncio` becomes `sync`:
 * `prefect.concurrency.asyncio.concurrency` -> `prefect.concurrency.sync.concurrency`), when it exists at the
 * release and is not async itself.
 */
function syncTwin(ctx: RuleContext, fq: string): string | undefined {
  const parts = fq.split(".");
  const name = parts.pop()!;
  if (!parts.includes("asyncio")) return undefined;
  const twin = [...parts.map((p) => (p === "asyncio" ? "sync" : p)), name].join(".");
  if (ctx.facts.presence(twin, ctx.release).status !== "present" || ctx.facts.isAsync(twin, ctx.release))
    return undefined;
  return twin;
}

function moduleOf(fq: string): string {
  return fq.slice(0, fq.lastIndexOf("."));
}

function diagnose(ctx: RuleContext, statement: Node, item: AsyncItem, itemCount: number): Draft {
  const inAsync = ctx.model.enclosingFunction(statement)?.isAsync === true;
  const short = item.fq.slice(item.fq.lastIndexOf(".") + 1);
  const what = `${inPrefect(ctx)}, \`${short}\` (\`${item.fq}\`) is an async context manager: a plain \`with\` cannot enter it, so the statement raises TypeError before its block runs (AttributeError \`__enter__\` before Python 3.11).`;
  const syncAdvice = item.twin
    ? ` In sync code, import the sync version instead: \`from ${moduleOf(item.twin)} import ${short}\`.`
    : " It has no sync twin in this release: use it from an `async def` with `async with`.";
  const advice = inAsync ? " Inside this `async def`, write `async with`." : syncAdvice;
  return {
    rule: "missing-async-with",
    severity: "error",
    offset: item.call.startIndex,
    end: item.call.endIndex,
    subject: { name: item.fq },
    message: what + advice,
    fix: inAsync ? asyncWithFix(statement, itemCount) : importFix(ctx, item),
  };
}

/** `async ` before `with`, only when every item of the statement is an async context manager (here: the only one). */
function asyncWithFix(statement: Node, itemCount: number): Draft["fix"] {
  if (itemCount !== 1 || named(named(statement).find((c) => c.type === "with_clause")).length !== 1) return undefined;
  return {
    description: "enter it with `async with`",
    edits: [{ start: statement.startIndex, end: statement.startIndex, text: "async " }],
  };
}

/**
 * Points the import at the sync twin module. Safe only when that import binds this one name and every use of the
 * name is a plain `with` item (a use under `async with` or an `await` still wants the async version).
 */
function importFix(ctx: RuleContext, item: AsyncItem): Draft["fix"] {
  const fnNode = field(item.call, "function");
  if (!item.twin || fnNode?.type !== "identifier") return undefined;
  const statement = importBinding(ctx.model.root, moduleOf(item.fq), fnNode.text);
  const moduleNode = statement && field(statement, "module_name");
  if (!statement || !moduleNode) return undefined;
  const uses = laterUses(ctx.model.root, fnNode.text, statement.endIndex);
  if (!uses.every(isPlainWithCallee)) return undefined;
  return {
    description: `import it from ${moduleOf(item.twin)}`,
    edits: [{ start: moduleNode.startIndex, end: moduleNode.endIndex, text: moduleOf(item.twin) }],
  };
}

/** The `from <module> import <name>` (or `... import x as <name>`) statement that binds only that local name. */
function importBinding(root: Node, module: string, local: string): Node | undefined {
  let found: Node | undefined;
  walk(root, (node) => {
    if (node.type !== "import_from_statement") return true;
    if (field(node, "module_name")?.text.replace(/\s+/g, "") !== module) return false;
    const names = node.childrenForFieldName("name");
    const bound = names.map((n) => (n.type === "aliased_import" ? field(n, "alias")?.text : n.text));
    if (names.length === 1 && bound[0] === local) found = node;
    return false;
  });
  return found;
}

/** True for the callee of a call that is an item of a plain (not async) `with`. */
function isPlainWithCallee(identifier: Node): boolean {
  const call = identifier.parent;
  if (call?.type !== "call" || field(call, "function")?.id !== identifier.id) return false;
  const holder = call.parent?.type === "as_pattern" ? call.parent.parent : call.parent;
  const statement = holder?.type === "with_item" ? holder.parent?.parent : undefined;
  return statement?.type === "with_statement" && !isAsyncWith(statement);
}
