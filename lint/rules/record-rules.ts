// A Prefect record used as if it were the value it holds (record-used-as-value): 2.x `Variable.get("x")` returns a
// Variable whose value is `.value`, so `Variable.get("env") == "prod"` is always False and `f"{v}"` prints the record.
// Nothing here names Variable: the call's return annotation in the release says what comes back, and the class's
// members say whether it is a record holding a `value` and how that value is read (runtime-facts).
import type { Fix } from "../../core/index.js";
import { RECORD_VALUE_ACCESSORS, STRING_VALUED_UNTIL_MAJOR } from "../../knowledge/index.js";
import { isPrefectName } from "../analysis/python-model.js";
import { field, keywordArguments, laterUses, named, positionalArguments, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** The field every value-holding record has. */
const VALUE_FIELD = "value";
/** Return-annotation names that stand for the class the method was called on. */
const SELF_TYPES = new Set(["Self", "cls"]);
/** Plain builtin values an annotation may allow beside the record (2.x `Variable.get` returns its default, a str). */
const PLAIN_VALUES = new Set(["str", "int", "float", "bool", "bytes", "dict", "list", "Dict", "List", "Any"]);
/** Builtins that look at an object rather than use its value. */
export const INTROSPECTION: ReadonlySet<string> = new Set([
  "isinstance",
  "issubclass",
  "type",
  "id",
  "hasattr",
  "getattr",
  "setattr",
  "vars",
  "dir",
  "callable",
  "repr",
  "bool",
]);
const METHOD_KINDS = new Set(["method", "classmethod", "staticmethod"]);

interface ValueRecord {
  /** The callable as the release defines it (`prefect.variables.Variable.get`). */
  callable: string;
  /** The callable as the code writes it (`Variable.get`, `String.load`). */
  written: string;
  cls: string;
  /** How the value is read: `.value`, `.get()`. */
  accessor: string;
  /** The annotation also allows a plain value (the default given back when nothing is stored). */
  mayBePlain: boolean;
}

export function checkRecordUsedAsValue(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const record = recordReturned(ctx, node);
    if (!record) return true;
    const carrier = outermost(node);
    // Un-awaited in async code, a sync-compatible call gives a coroutine, not the record: another problem.
    if (carrier.type !== "await" && ctx.model.enclosingFunction(node)?.isAsync) return true;
    // With a default passed, a plain value may come back instead of the record: `.value` would not be safe then.
    const withDefault = record.mayBePlain && passesOptional(ctx, record.callable, node);
    const strings = (STRING_VALUED_UNTIL_MAJOR[record.cls] ?? 0) > ctx.major;
    for (const use of usesOf(ctx, carrier)) {
      const how = valueUse(ctx, use, strings) ?? indexUse(use);
      if (how) report(ctx, record, use, how, withDefault, strings);
    }
    return true;
  });
}

/** The record class a call returns in this release, when its annotation names exactly one and nothing ambiguous. */
function recordReturned(ctx: RuleContext, call: Node): ValueRecord | undefined {
  const fnNode = field(call, "function");
  if (!fnNode) return undefined;
  const type = ctx.model.typeOf(fnNode);
  if (type.t !== "symbol" || !isPrefectName(type.fq)) return undefined;
  if (ctx.facts.presence(type.fq, ctx.release).status !== "present") return undefined;
  const callable = ctx.facts.resolve(type.fq, ctx.release)?.name ?? type.fq;
  const alternatives = ctx.model.returnAlternatives(callable);
  if (!alternatives || alternatives.length === 0) return undefined;
  let found: { cls: string; accessor: string } | undefined;
  let mayBePlain = false;
  for (const name of alternatives) {
    const cls = SELF_TYPES.has(name) ? receiverClass(ctx, fnNode) : ctx.model.classNamedIn(callable, name);
    if (!cls) {
      if (!PLAIN_VALUES.has(name)) return undefined;
      mayBePlain = true;
      continue;
    }
    const accessor = valueAccessor(ctx, cls);
    if (!accessor || found) return undefined;
    found = { cls, accessor };
  }
  return found ? { callable, written: fnNode.text, ...found, mayBePlain } : undefined;
}

/** `String.load(...)`: the class a classmethod annotated `Self` was called on. */
function receiverClass(ctx: RuleContext, fnNode: Node): string | undefined {
  const object = fnNode.type === "attribute" ? field(fnNode, "object") : null;
  const type = object ? ctx.model.typeOf(object) : undefined;
  if (type?.t !== "symbol") return undefined;
  const fact = ctx.facts.resolve(type.fq, ctx.release);
  return fact?.kind === "class" ? fact.name : undefined;
}

/** How a record class gives its value (`.get()`, `.value`), when it is a record with a `value` field. */
function valueAccessor(ctx: RuleContext, cls: string): string | undefined {
  const members = ctx.facts.members(cls, ctx.release);
  if (!members?.names.includes(VALUE_FIELD)) return undefined;
  for (const accessor of RECORD_VALUE_ACCESSORS) {
    if (!members.names.includes(accessor.member)) continue;
    const presence = ctx.facts.presence(`${cls}.${accessor.member}`, ctx.release);
    const kind = presence.status === "present" ? presence.fact.kind : undefined;
    if (accessor.kind === "method" ? kind === "method" : !kind || !METHOD_KINDS.has(kind)) return accessor.code;
  }
  return undefined;
}

/** The call passes an argument for a parameter that has a default (2.x `Variable.get("x", default="a")`). */
function passesOptional(ctx: RuleContext, callable: string, call: Node): boolean {
  const params = (ctx.facts.params(callable, ctx.release) ?? []).filter((p) => p.name !== "self" && p.name !== "cls");
  const required = params.filter((p) => p.kind === "positional" && !p.hasDefault).length;
  const args = named(field(call, "arguments"));
  if (args.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) return true;
  return positionalArguments(call).length > required || keywordArguments(call).length > 0;
}

/** `await f()` and `(f())` carry the call's value. */
export function outermost(node: Node): Node {
  let current = node;
  while (current.parent?.type === "await" || current.parent?.type === "parenthesized_expression")
    current = current.parent;
  return current;
}

/** Where the record's value goes: the expression itself, or every use of the one name it was assigned to. */
export function usesOf(ctx: RuleContext, carrier: Node): Node[] {
  const parent = carrier.parent;
  if (parent?.type !== "assignment" || field(parent, "right")?.id !== carrier.id) return [carrier];
  const left = field(parent, "left");
  if (left?.type !== "identifier") return [];
  return laterUses(ctx.model.root, left.text, parent.endIndex).filter(
    (use) => ctx.model.boundValue(use)?.id === carrier.id,
  );
}

export interface ValueUse {
  /** What the code does with the record, in words. */
  how: string;
  /** Reading the value makes this use right (false: `.value < level()` on a string value may still fail). */
  fixes: boolean;
  /** A string value meets number literals: the fix converts it (`int(limit.value) * 2`). */
  convert?: "int" | "float";
}

const NUMBER_LITERALS: Readonly<Record<string, "int" | "float">> = { integer: "int", float: "float" };

/**
 * Whether reading the value fixes an operation with these other operands. A value of any type is fine when the
 * values are not known to be strings; a string value is fine beside string literals (or a literal collection of
 * them, for `in`), and needs int()/float() beside number literals of one kind; beside anything else nobody can say.
 */
function operandFix(others: Node[], strings: boolean): Pick<ValueUse, "fixes" | "convert"> {
  if (!strings) return { fixes: true };
  const literals = others.flatMap((n) => (["list", "tuple", "set"].includes(n.type) ? named(n) : [n]));
  if (literals.length === 0) return { fixes: false };
  if (literals.every((n) => n.type === "string")) return { fixes: true };
  const kinds = new Set(literals.map((n) => NUMBER_LITERALS[n.type]));
  const [kind] = [...kinds];
  return kinds.size === 1 && kind ? { fixes: true, convert: kind } : { fixes: false };
}

/** How an expression is used as a plain value; undefined when the use may well want the record. */
/**
 * `cfg["batch_size"]`: a record is not subscriptable (TypeError), the value it holds may be. (A future list is, so
 * this is the records' own use, not one of `valueUse`'s.)
 */
function indexUse(use: Node): ValueUse | undefined {
  const parent = use.parent;
  return parent?.type === "subscript" && field(parent, "value")?.id === use.id
    ? { how: `\`${parent.text}\` indexes the object, not its value (TypeError: not subscriptable)`, fixes: true }
    : undefined;
}

export function valueUse(ctx: RuleContext, use: Node, strings: boolean): ValueUse | undefined {
  const parent = use.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case "comparison_operator": {
      const operators = parent.children.filter((c) => !c.isNamed).map((c) => c.text);
      if (operators.some((o) => o === "is" || o === "is not" || o === "not")) return undefined;
      const others = named(parent).filter((n) => n.id !== use.id);
      if (others.some((n) => n.type === "none")) return undefined;
      return { how: `\`${parent.text}\` compares the object, not its value`, ...operandFix(others, strings) };
    }
    case "binary_operator": {
      const operator = parent.children.find((c) => !c.isNamed)?.text ?? "";
      const others = named(parent).filter((n) => n.id !== use.id);
      // `"%s" % v` formats the object's repr; any other operator on it raises TypeError.
      const formats = operator === "%" && field(parent, "left")?.type === "string";
      if (formats) return { how: `\`${parent.text}\` formats the object's repr, not its value`, fixes: true };
      return {
        how: `\`${parent.text}\` applies \`${operator}\` to the object, not its value (TypeError)`,
        ...operandFix(others, strings),
      };
    }
    case "interpolation":
      return {
        how: "the f-string puts the object's repr (name=..., value=...) in the text, not its value",
        fixes: true,
      };
    case "argument_list":
      return argumentUse(ctx, parent);
    case "keyword_argument":
      return field(parent, "value")?.id === use.id && parent.parent ? argumentUse(ctx, parent.parent) : undefined;
    default:
      return undefined;
  }
}

/** A record passed to a call: only a plain (non-Prefect, non-local) function counts, and not an introspection. */
function argumentUse(ctx: RuleContext, args: Node): ValueUse | undefined {
  const call = args.parent;
  const fnNode = call?.type === "call" ? field(call, "function") : null;
  if (!fnNode) return undefined;
  if (fnNode.type === "attribute" && field(fnNode, "attribute")?.text === "format") {
    const object = field(fnNode, "object");
    if (object?.type === "string")
      return { how: "`.format()` puts the object's repr in the text, not its value", fixes: true };
  }
  if (ctx.model.typeOf(fnNode).t !== "unknown") return undefined;
  if (fnNode.type === "identifier") {
    if (ctx.model.definitionOf(fnNode) || ctx.model.boundValue(fnNode)) return undefined;
    if (INTROSPECTION.has(fnNode.text)) return undefined;
  } else if (fnNode.type === "attribute") {
    const object = field(fnNode, "object");
    if (object && ctx.model.typeOf(object).t !== "unknown") return undefined;
  } else return undefined;
  return { how: `\`${fnNode.text}(...)\` receives the object, not its value`, fixes: true };
}

function report(
  ctx: RuleContext,
  record: ValueRecord,
  use: Node,
  { how, fixes, convert }: ValueUse,
  withDefault: boolean,
  strings: boolean,
): void {
  const cls = record.cls.split(".").at(-1)!;
  const value = use.type === "await" ? `(${use.text})${record.accessor}` : `${use.text}${record.accessor}`;
  const read = convert ? `${convert}(${value})` : value;
  const returned = withDefault
    ? `returns a \`${cls}\` object (\`${record.cls}\`) when one is stored (the default you passed only when none is)`
    : `returns a \`${cls}\` object (\`${record.cls}\`)`;
  const stringNote = strings
    ? ` In Prefect ${ctx.major} its value is always a string: convert it (int(...), json.loads(...)) where a number or structure is needed.`
    : "";
  ctx.report({
    rule: "record-used-as-value",
    severity: "error",
    offset: use.startIndex,
    end: use.endIndex,
    subject: { name: record.callable, receiver: use.text },
    message: `${inPrefect(ctx)}, \`${record.written}()\` ${returned}, not the value it holds, so ${how}. Read the value with \`${read}\`.${stringNote}`,
    fix: fixes && !withDefault ? accessorFix(record, use, convert) : undefined,
  });
}

function accessorFix(record: ValueRecord, use: Node, convert: ValueUse["convert"]): Fix {
  const open = `${convert ? `${convert}(` : ""}${use.type === "await" ? "(" : ""}`;
  const close = `${use.type === "await" ? ")" : ""}${record.accessor}${convert ? ")" : ""}`;
  const edits = [
    ...(open ? [{ start: use.startIndex, end: use.startIndex, text: open }] : []),
    { start: use.endIndex, end: use.endIndex, text: close },
  ];
  const description = convert
    ? `read the value with ${record.accessor} and convert it with ${convert}()`
    : `read the value with ${record.accessor}`;
  return { description, edits };
}
