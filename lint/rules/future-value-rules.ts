// A Prefect future used as if it were its result (record-used-as-value): `task.submit(x)` gives a future and
// `task.map(xs)` a list of futures, not the values the runs return, so `sum(count.map(stores))` raises
// "unsupported operand type(s) for +: 'int' and 'PrefectConcurrentFuture'" and `f"{fut}"` prints the future's repr.
// The value uses are the record rule's (`valueUse`); what a future may be handed to (another task, `wait`,
// a collection) and how its result is read in the release (a future list's own `.result()`, or one `.result()` per
// element where the release has no such method) are decided here, from the model and the facts.
import type { Fix } from "../../core/index.js";
import { field, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { INTROSPECTION, outermost, type ValueUse, valueUse } from "./record-rules.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

const FUTURE_CLASS = "prefect.futures.PrefectFuture";
const FUTURE_LIST_CLASS = "prefect.futures.PrefectFutureList";
/** Functions that take futures as they are (Prefect's own helpers, even when written without their import). */
const FUTURE_TAKERS = new Set(["wait", "as_completed", "resolve_futures_to_results", "resolve_futures_to_states"]);
/** Builtins that hold, count or inspect what they are given rather than use it as a value. */
const HOLDERS = new Set([
  "len",
  "list",
  "tuple",
  "set",
  "frozenset",
  "dict",
  "iter",
  "next",
  "zip",
  "enumerate",
  "reversed",
  "filter",
  "map",
  ...INTROSPECTION,
]);
type FutureKind = "future" | "futures";
/** Methods that keep a future in a collection or a structure (`results.append(fut)`, `by_key.setdefault(k, fut)`). */
const KEEPING_METHODS = new Set(["append", "extend", "insert", "add", "update", "setdefault", "put", "put_nowait"]);

export function checkFutureUsedAsValue(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "call" && node.type !== "identifier") return true;
    const type = ctx.model.typeOf(node);
    if (type.t !== "future" && type.t !== "futures") return true;
    const kind = type.t;
    const use = outermost(node);
    // `await fut` / `await task.submit()` is another matter (2.x async futures, 3.x not-awaitable).
    if (use.type === "await") return true;
    const how = augmentedUse(use, kind) ?? futureValueUse(ctx, use, kind);
    if (how) report(ctx, kind === "futures" && fromMap(type.site) ? "mapped" : kind, use, how);
    return node.type === "call";
  });
}

/** `total += fut`: arithmetic on the future (a future list on the left, `futs += [...]`, is a list being extended). */
function augmentedUse(use: Node, kind: FutureKind): ValueUse | undefined {
  const parent = use.parent;
  if (parent?.type !== "augmented_assignment" || field(parent, "right")?.id !== use.id) return undefined;
  const operator = parent.children.find((c) => !c.isNamed)?.text ?? "";
  return {
    how: `\`${parent.text}\` applies \`${operator}\` to ${kind === "future" ? "the future, not its result" : "the futures, not their results"} (TypeError)`,
    fixes: true,
  };
}

/** A value use of the future, leaving out the calls that take futures as they are. */
function futureValueUse(ctx: RuleContext, use: Node, kind: FutureKind): ValueUse | undefined {
  if (!valueUse(ctx, use, false)) return undefined;
  const args = use.parent?.type === "keyword_argument" ? use.parent.parent : use.parent;
  const call = args?.type === "argument_list" ? args.parent : null;
  const fnNode = call?.type === "call" ? field(call, "function") : null;
  if (fnNode?.type === "identifier") {
    if (HOLDERS.has(fnNode.text) || FUTURE_TAKERS.has(fnNode.text)) return undefined;
    // A name imported from Prefect is a Prefect callable even where the release lacks it (another rule says so).
    if (importedFromPrefect(ctx).has(fnNode.text)) return undefined;
  }
  if (fnNode?.type === "attribute") {
    const method = field(fnNode, "attribute")?.text ?? "";
    if (KEEPING_METHODS.has(method) || FUTURE_TAKERS.has(method)) return undefined;
  }
  return { how: wording(use, kind, fnNode), fixes: true };
}

const prefectImports = new WeakMap<RuleContext, Set<string>>();

/** Local names bound by `from prefect... import X` (as written, whether or not the release has X). */
function importedFromPrefect(ctx: RuleContext): Set<string> {
  const known = prefectImports.get(ctx);
  if (known) return known;
  const names = new Set<string>();
  walk(ctx.model.root, (node) => {
    if (node.type !== "import_from_statement") return true;
    const module = field(node, "module_name")?.text ?? "";
    if (module !== "prefect" && !module.startsWith("prefect.")) return false;
    for (const item of node.childrenForFieldName("name")) {
      const local = item.type === "aliased_import" ? field(item, "alias") : item;
      if (local) names.add(local.text);
    }
    return false;
  });
  prefectImports.set(ctx, names);
  return names;
}

/** What the code does with the future, in words. */
function wording(use: Node, kind: FutureKind, fnNode: Node | null): string {
  const it = kind === "future" ? "the future, not its result" : "the futures, not their results";
  const parent = use.parent!;
  switch (parent.type) {
    case "comparison_operator":
      return `\`${parent.text}\` compares ${it}`;
    case "binary_operator": {
      const operator = parent.children.find((c) => !c.isNamed)?.text ?? "";
      if (operator === "%" && field(parent, "left")?.type === "string")
        return `\`${parent.text}\` formats the repr of ${it}`;
      return `\`${parent.text}\` applies \`${operator}\` to ${it} (TypeError)`;
    }
    case "interpolation":
      return `the f-string shows the repr of ${it}`;
    default:
      if (fnNode?.type === "attribute" && field(fnNode, "attribute")?.text === "format")
        return `\`.format()\` puts the repr of ${it} in the text`;
      return `\`${fnNode?.text ?? "the call"}(...)\` receives ${it}`;
  }
}

/** `.map()` gives a PrefectFutureList in 3.x; a comprehension, a literal or an appended list is a plain list. */
function fromMap(site: Node): boolean {
  const fnNode = site.type === "call" ? field(site, "function") : null;
  return fnNode?.type === "attribute" && field(fnNode, "attribute")?.text === "map";
}

/** What the code holds: one future, what `.map()` returned, or a plain list of futures. */
type Held = FutureKind | "mapped";

/** How the result is read in this release: a future's `.result()`, a future list's own `.result()`, else per element. */
function resultOf(ctx: RuleContext, held: Held, text: string): string {
  if (held === "future") return `${text}.result()`;
  const listResult = ctx.facts.presence(`${FUTURE_LIST_CLASS}.result`, ctx.release).status === "present";
  return held === "mapped" && listResult ? `${text}.result()` : `[f.result() for f in ${text}]`;
}

function described(ctx: RuleContext, held: Held, text: string): string {
  if (held === "future") return `\`${text}\` is a future (what \`.submit()\` returns), not the task's result`;
  if (held === "futures") return `\`${text}\` is a list of futures, not a list of results`;
  const listClass = ctx.facts.presence(FUTURE_LIST_CLASS, ctx.release).status === "present";
  const what = listClass ? "a `PrefectFutureList`" : "a plain list of futures";
  return `\`${text}\` is ${what} (what \`.map()\` returns), not the list of results`;
}

function report(ctx: RuleContext, held: Held, use: Node, { how, fixes }: ValueUse): void {
  const read = resultOf(ctx, held, use.text);
  const one = held === "future";
  ctx.report({
    rule: "record-used-as-value",
    severity: "error",
    offset: use.startIndex,
    end: use.endIndex,
    subject: { name: one ? FUTURE_CLASS : FUTURE_LIST_CLASS, receiver: use.text },
    message:
      `${inPrefect(ctx)}, ${described(ctx, held, use.text)}, so ${how}. Read the result${one ? "" : "s"} with ` +
      `\`${read}\` (it waits for the run${one ? "" : "s"} and raises if ${one ? "it" : "one"} failed).`,
    fix: fixes ? resultFix(use, read) : undefined,
  });
}

function resultFix(use: Node, read: string): Fix {
  return {
    description: "read the result with .result()",
    edits: [{ start: use.startIndex, end: use.endIndex, text: read }],
  };
}

/**
 * A run's State used in arithmetic as if it were the run's result (record-used-as-value): 2.x `fut.wait()` and
 * `return_state=True` give a State, so `res + 1` raises "unsupported operand type(s) for +: 'Completed' and 'int'".
 * Only arithmetic is read: printing a State or comparing it may be what the asker means.
 */
export function checkStateUsedAsValue(ctx: RuleContext): void {
  const state = ctx.model.stateClass();
  if (!state) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "call" && node.type !== "identifier") return true;
    const type = ctx.model.typeOf(node);
    if (type.t !== "instance" || type.cls !== state) return true;
    const use = outermost(node);
    const parent = use.parent;
    const arithmetic =
      (parent?.type === "binary_operator" &&
        !(field(parent, "left")?.type === "string" && parent.children.some((c) => c.text === "%"))) ||
      (parent?.type === "augmented_assignment" && field(parent, "right")?.id === use.id);
    if (!arithmetic) return node.type === "call";
    const read = `${use.text}.result()`;
    ctx.report({
      rule: "record-used-as-value",
      severity: "error",
      offset: use.startIndex,
      end: use.endIndex,
      subject: { name: state, receiver: use.text },
      message: `${inPrefect(ctx)}, \`${use.text}\` is the run's State, not its result, so \`${parent!.text}\` does arithmetic on a State (TypeError). Read the result with \`${read}\` (it raises if the run failed).`,
      fix: resultFix(use, read),
    });
    return node.type === "call";
  });
}
