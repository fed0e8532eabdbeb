// A list meant for every mapped run (map-unmapped-list). `.map()` iterates over every iterable it is given, so
// `clean.map(files, cols)` with `cols = ["id", "ts"]` hands each run one column (zipped with the files, or failing when
// the lengths differ) instead of the whole list. `unmapped(cols)` passes it whole.
import type { TextEdit } from "../../core/index.js";
import { field, keywordArguments, named, parameterName, positionalArguments, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** Literal collections: what `.map()` would iterate. Strings are not mapped over, so they are not among them. */
const COLLECTIONS = new Set(["list", "tuple", "set", "dictionary"]);

/** The literal collection an argument is, or names (`cols` bound to `["id", "ts"]`). */
function literalCollection(ctx: RuleContext, arg: Node): Node | undefined {
  const value = arg.type === "identifier" ? ctx.model.boundValue(arg) : arg;
  return value && COLLECTIONS.has(value.type) ? value : undefined;
}

/**
 * A task's `.map()`: the receiver is a task, or a name the snippet never defines (snippets often leave the task out).
 * `pool.map(fn, items)` on something the snippet binds is another library's map, and so is one whose first argument
 * is a function (`executor.map(process, [1, 2])`): a task's map takes the task's own arguments.
 */
function mapsTask(ctx: RuleContext, receiver: Node, call: Node): boolean {
  if (ctx.model.typeOf(receiver).t === "task") return true;
  if (receiver.type !== "identifier" || ctx.model.binds(receiver.text, receiver)) return false;
  const first = positionalArguments(call)[0];
  return !(first?.type === "lambda" || (first?.type === "identifier" && ctx.model.definitionOf(first)));
}

/** Keywords of `.map()` itself, not of the task: `wait_for=[ready]` is no mapped argument. */
const MAP_OPTIONS = new Set(["wait_for", "return_state", "deferred"]);

/** Arguments `.map()` passes whole to every run: `unmapped(...)`, `quote(...)`. */
const HELD_WHOLE = new Set(["unmapped", "quote"]);
/** Literals `.map()` passes whole too (a string is not mapped over). */
const SCALARS = new Set(["string", "concatenated_string", "integer", "float", "true", "false", "none"]);

function heldWhole(arg: Node): boolean {
  if (SCALARS.has(arg.type)) return true;
  const fn = arg.type === "call" ? field(arg, "function") : null;
  return !!fn && HELD_WHOLE.has(fn.text.slice(fn.text.lastIndexOf(".") + 1));
}

/** Annotations of a mapping: `.map()` iterates over its keys. */
const MAPPINGS = new Set(["dict", "Dict", "Mapping", "MutableMapping", "OrderedDict", "defaultdict"]);

/** The annotation of the enclosing function's parameter an argument names (`config: dict` → `dict`), if any. */
function parameterAnnotation(ctx: RuleContext, arg: Node): string | undefined {
  if (arg.type !== "identifier" || ctx.model.boundValue(arg)) return undefined;
  const fn = ctx.model.enclosingFunction(arg)?.node;
  const param = named(fn ? field(fn, "parameters") : null).find((p) => parameterName(p) === arg.text);
  return param ? field(param, "type")?.text : undefined;
}

/**
 * Why an argument that is not a literal collection is likely meant whole: a parameter annotated as a mapping (mapped,
 * each run would get one key), or a name the asker writes about in their message beside the code ("weights is a list
 * of 5 floats … i only get 5 task runs", "it tries to iterate my model object"), when it is not what the call maps
 * first: what they say about it is what they see go wrong.
 */
function meantWhole(ctx: RuleContext, arg: Node, first: Node): "mapping" | "spoken" | null {
  if (arg.type !== "identifier" || arg === first) return null;
  const annotation = parameterAnnotation(ctx, arg);
  if (annotation && MAPPINGS.has(annotation.split("[")[0]!.split(".").pop()!)) return "mapping";
  return ctx.spoken.has(arg.text.toLowerCase()) ? "spoken" : null;
}

export function checkMapUnmappedList(ctx: RuleContext): void {
  // The import goes with the first fix only: the fixes are applied together.
  let importing = !ctx.model.binds("unmapped");
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const fnNode = field(node, "function");
    if (fnNode?.type !== "attribute" || field(fnNode, "attribute")?.text !== "map") return true;
    const receiver = field(fnNode, "object");
    if (!receiver || !mapsTask(ctx, receiver, node)) return true;
    const args = [
      ...positionalArguments(node),
      ...keywordArguments(node)
        .filter((k) => !MAP_OPTIONS.has(k.name))
        .map((k) => k.value)
        .filter((v): v is Node => v !== null),
    ];
    const constant = args.filter((a) => literalCollection(ctx, a));
    // Only a literal beside something else that is mapped: `add.map([1, 2], [3, 4])` zips two lists on purpose, and a
    // literal that is the only argument mapped (`add.map([1, 2, 3], unmapped(10))`) is what is mapped.
    const open = args.filter((a) => !constant.includes(a) && !heldWhole(a));
    const whole = new Map(
      open.map((a) => [a, meantWhole(ctx, a, open[0]!)] as const).filter(([, why]) => why !== null),
    );
    const mapped = open.filter((a) => !whole.has(a));
    if (mapped.length === 0) return true;
    for (const arg of [...constant, ...whole.keys()]) {
      const why = whole.get(arg);
      const shown =
        why === "mapping"
          ? `\`${arg.text}\` (annotated as a mapping: each run would get one of its keys)`
          : why === "spoken"
            ? `\`${arg.text}\`, if it is iterable,`
            : arg.type === "identifier"
              ? `\`${arg.text}\` (a ${literalCollection(ctx, arg)!.type})`
              : "a literal";
      const advice =
        why === "spoken"
          ? `If every run should get all of \`${arg.text}\`, wrap it in \`unmapped(${arg.text})\` from \`prefect\`.`
          : "Wrap it in `unmapped(...)` from `prefect` to give every run the whole value.";
      ctx.report({
        rule: "map-unmapped-list",
        severity: "warning",
        offset: arg.startIndex,
        end: arg.endIndex,
        subject: { name: "prefect.unmapped", receiver: receiver.text },
        message: `${inPrefect(ctx)}, \`.map()\` iterates over every iterable argument: ${shown} is mapped one element per run alongside \`${mapped[0]!.text}\` (zipped when the lengths match, an error when they do not). ${advice}`,
        fix: { description: "wrap it in unmapped()", edits: unmappedEdits(ctx, arg, importing) },
      });
      importing = false;
    }
    return true;
  });
}

function unmappedEdits(ctx: RuleContext, arg: Node, importing: boolean): TextEdit[] {
  const wrap: TextEdit[] = [
    { start: arg.startIndex, end: arg.startIndex, text: "unmapped(" },
    { start: arg.endIndex, end: arg.endIndex, text: ")" },
  ];
  if (!importing) return wrap;
  // With the other imports (after a header comment or docstring; `from __future__` must stay first).
  const at = Math.max(0, ctx.code.search(/^(?:from\s+(?!__future__)|import\s)/m));
  return [{ start: at, end: at, text: "from prefect import unmapped\n" }, ...wrap];
}

// One object shared by every mapped run and changed by each (unmapped-mutated). In Prefect 3, `unmapped(ctx)` hands
// every run of `enrich.map(rows, unmapped(ctx))` the very same object, and the runs execute concurrently in threads:
// a task that changes it in place (`ctx["row_id"] = row["id"]`) races with its siblings, so results come out wrong
// at random. Copying it inside the task first (`ctx = dict(ctx)`) keeps each run's changes its own.

/** Methods that change a list, dict or set in place. */
const MUTATORS = new Set([
  "append",
  "extend",
  "insert",
  "remove",
  "pop",
  "popitem",
  "clear",
  "update",
  "setdefault",
  "add",
  "discard",
  "sort",
  "reverse",
]);

/**
 * Where a function body changes the object a parameter holds (`p[k] = v`, `p.x = v`, `p.append(v)`, `del p[k]`),
 * unless the body binds the name anew first (`p = dict(p)` makes the changes the copy's).
 */
function mutationOf(body: Node, name: string): Node | undefined {
  let rebound = Number.POSITIVE_INFINITY;
  let found: Node | undefined;
  const holder = (n: Node | null) =>
    !!n &&
    (n.type === "subscript" || n.type === "attribute") &&
    field(n, n.type === "subscript" ? "value" : "object")?.text === name;
  walk(body, (node) => {
    if (node.type === "function_definition" || node.type === "lambda") return false;
    if (node.type === "assignment" || node.type === "augmented_assignment") {
      const left = field(node, "left");
      if (left?.type === "identifier" && left.text === name) rebound = Math.min(rebound, node.startIndex);
      else if (holder(left) && !found) found = node;
    } else if (node.type === "call" && !found) {
      const fn = field(node, "function");
      if (
        fn?.type === "attribute" &&
        field(fn, "object")?.text === name &&
        MUTATORS.has(field(fn, "attribute")?.text ?? "")
      )
        found = node;
    } else if (node.type === "delete_statement" && !found && named(node).some(holder)) found = node;
    return true;
  });
  return found && found.startIndex < rebound ? found : undefined;
}

export function checkUnmappedMutated(ctx: RuleContext): void {
  if (ctx.major !== 3) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const fnNode = field(node, "function");
    if (fnNode?.type !== "attribute" || field(fnNode, "attribute")?.text !== "map") return true;
    const receiver = field(fnNode, "object");
    const task = receiver?.type === "identifier" ? ctx.model.definitionOf(receiver) : undefined;
    const body = task?.kind === "task" ? field(task.node, "body") : null;
    if (!task || !body) return true;
    const params = named(field(task.node, "parameters")).map(parameterName);
    const passed = [
      ...positionalArguments(node).map((value, i) => ({ name: params[i] ?? "", value })),
      ...keywordArguments(node).map((k) => ({ name: k.name, value: k.value })),
    ];
    for (const { name, value } of passed) {
      const wrapper = value?.type === "call" ? field(value, "function") : null;
      if (!value || !name || wrapper?.text.split(".").pop() !== "unmapped") continue;
      const changed = mutationOf(body, name);
      if (!changed) continue;
      // The statement itself, not its line: line numbers here are the analysed text's, not always the asker's.
      const statement = changed.text.split("\n")[0]!.trim().slice(0, 80);
      ctx.report({
        rule: "unmapped-mutated",
        severity: "warning",
        offset: value.startIndex,
        end: value.endIndex,
        subject: { name: "prefect.unmapped", receiver: receiver!.text },
        message: `${inPrefect(ctx)}, \`unmapped(...)\` gives every mapped run of \`${task.name}\` the same object, and the runs execute concurrently: \`${task.name}\` changes \`${name}\` in place (\`${statement}\`), so the runs overwrite each other's changes and results come out wrong at random. Copy it at the top of the task (\`${name} = dict(${name})\` for a dict, \`copy.deepcopy(${name})\` for anything nested) before changing it.`,
      });
    }
    return true;
  });
}
