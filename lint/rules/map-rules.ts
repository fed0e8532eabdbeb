// A list meant for every mapped run (map-unmapped-list). `.map()` iterates over every iterable it is given, so
// `clean.map(files, cols)` with `cols = ["id", "ts"]` hands each run one column (zipped with the files, or failing when
// the lengths differ) instead of the whole list. `unmapped(cols)` passes it whole.
import type { TextEdit } from "../../core/index.js";
import { field, keywordArguments, positionalArguments, walk } from "../analysis/tree-walk.js";
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
    const mapped = args.filter((a) => !constant.includes(a) && !heldWhole(a));
    if (constant.length === 0 || mapped.length === 0) return true;
    for (const arg of constant) {
      const shown =
        arg.type === "identifier" ? `\`${arg.text}\` (a ${literalCollection(ctx, arg)!.type})` : "a literal";
      ctx.report({
        rule: "map-unmapped-list",
        severity: "warning",
        offset: arg.startIndex,
        end: arg.endIndex,
        subject: { name: "prefect.unmapped", receiver: receiver.text },
        message: `${inPrefect(ctx)}, \`.map()\` iterates over every iterable argument: ${shown} is mapped one element per run alongside \`${mapped[0]!.text}\` (zipped when the lengths match, an error when they do not). Wrap it in \`unmapped(...)\` from \`prefect\` to give every run the whole value.`,
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
