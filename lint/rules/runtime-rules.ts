// Runtime traps that no API check sees, because every name involved exists: a coroutine function called without
// `await` (missing-await), `await` on a 3.x task future (not-awaitable), pause_flow_run inside a task before the
// release that allows it, a task called outside any flow before 2.17, and `.value` on what 3.x's Variable.get returns.
import { compareVersions } from "../../core/index.js";
import { ASYNC_ONLY, PAUSE_IN_TASK_FROM, TASK_OUTSIDE_FLOW_FROM } from "../../knowledge/index.js";
import { isPrefectName } from "../analysis/python-model.js";
import { field, keywordArguments, laterUses, named, unwrapAwait, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** get_client() without sync_client=True gives the async PrefectClient, whose API methods are all coroutines. */
const GET_CLIENT = "prefect.client.orchestration.get_client";
/** The few synchronous members of PrefectClient. */
const SYNC_CLIENT_MEMBERS = new Set(["client_version", "api_url", "loop"]);
const VARIABLE_GET = new Set(["prefect.variables.Variable.get", "prefect.variables.Variable.aget"]);
const VARIABLE_SET = new Set(["prefect.variables.Variable.set", "prefect.variables.Variable.aset"]);

/** The defining prefect name a call target refers to, when the model knows it. */
function calleeName(ctx: RuleContext, call: Node): string | undefined {
  const fnNode = field(call, "function");
  if (!fnNode) return undefined;
  const type = ctx.model.typeOf(fnNode);
  if (type.t !== "symbol" || !isPrefectName(type.fq)) return undefined;
  return ctx.facts.resolve(type.fq, ctx.release)?.name ?? type.fq;
}

function isAsyncOnly(ctx: RuleContext, fq: string): boolean {
  if (ctx.facts.presence(fq, ctx.release).status !== "present") return false;
  // The known coroutine-only functions, and the explicit async twins (`arun_deployment`, `Variable.aget`).
  if (ASYNC_ONLY.has(fq)) return true;
  // `arun_deployment` beside `run_deployment`, `aget` beside `get`: the async half of an async_dispatch pair.
  const parts = fq.split(".");
  const last = parts.pop()!;
  if (!/^a[a-z]\w*$/.test(last)) return false;
  return ctx.facts.presence(`${parts.join(".")}.${last.slice(1)}`, ctx.release).status === "present";
}

export function checkMissingAwait(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const target = coroutineTarget(ctx, node);
    if (!target || handledCoroutine(ctx, node)) return true;
    const inAsync = ctx.model.enclosingFunction(node)?.isAsync === true;
    const fq = calleeName(ctx, node);
    ctx.report({
      rule: "missing-await",
      severity: "error",
      offset: node.startIndex,
      end: node.endIndex,
      subject: fq && isAsyncOnly(ctx, fq) ? { name: fq } : { receiver: field(node, "function")?.text ?? "" },
      message: `${inPrefect(ctx)}, ${target} called without \`await\` it only creates a coroutine: nothing runs, and the result is not a value (Python warns "coroutine was never awaited").${inAsync ? " Put `await` before the call." : " Call it from an async function with `await`, or wrap it with asyncio.run(...) in sync code."}`,
      fix: inAsync ? awaitFix(node) : undefined,
    });
    return true;
  });
}

/** Inserts `await`, parenthesised when the result is used right away (`(await f()).state`, not `await f().state`). */
function awaitFix(call: Node) {
  const used = ["attribute", "subscript", "call"].includes(call.parent?.type ?? "");
  const edits = used
    ? [
        { start: call.startIndex, end: call.startIndex, text: "(await " },
        { start: call.endIndex, end: call.endIndex, text: ")" },
      ]
    : [{ start: call.startIndex, end: call.startIndex, text: "await " }];
  return { description: "await the coroutine", edits };
}

/** What makes a call a coroutine that needs awaiting, in words; undefined when it is not one (or not known to be). */
function coroutineTarget(ctx: RuleContext, call: Node): string | undefined {
  const fq = calleeName(ctx, call);
  if (fq && isAsyncOnly(ctx, fq)) {
    const short = fq
      .split(".")
      .slice(-2)
      .join(".")
      .replace(/^[a-z_]\w*\./, "");
    return `\`${short}\` (\`${fq}\`) is a coroutine function with no synchronous form:`;
  }
  const fnNode = field(call, "function");
  const object = fnNode?.type === "attribute" ? field(fnNode, "object") : null;
  const method = fnNode?.type === "attribute" ? (field(fnNode, "attribute")?.text ?? "") : "";
  if (object?.type !== "identifier" || method.startsWith("_") || SYNC_CLIENT_MEMBERS.has(method)) return undefined;
  const source = ctx.model.boundValue(object);
  if (source?.type !== "call" || calleeName(ctx, source) !== GET_CLIENT) return undefined;
  const sync = keywordArguments(source).some((k) => k.name === "sync_client" && k.value?.text !== "False");
  if (sync) return undefined;
  return `\`${object.text}\` is the async PrefectClient that get_client() returns (without sync_client=True), and \`${method}()\` is a coroutine method:`;
}

/** Calls that take a coroutine and run or schedule it. */
const COROUTINE_RUNNERS =
  /(^|\.)(run|gather|create_task|ensure_future|wait_for|wait|shield|as_completed|run_coro_as_sync|run_until_complete|start_soon|run_sync|from_thread)$|^(asyncio|anyio|trio)\./;

/**
 * True when the coroutine is looked after: awaited, returned, collected, handed to something that runs coroutines,
 * or stored in a name that is later used that way.
 */
function handledCoroutine(ctx: RuleContext, call: Node): boolean {
  const node = outermostParens(call);
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "assignment" && field(parent, "right")?.id === node.id) {
    const left = field(parent, "left");
    if (left?.type !== "identifier") return true;
    return laterUses(ctx.model.root, left.text, parent.endIndex).some((use) => looksAfter(outermostParens(use)));
  }
  return looksAfter(node);
}

function looksAfter(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (
    [
      "await",
      "return_statement",
      "list",
      "tuple",
      "set",
      "lambda",
      "yield",
      "dictionary",
      "pair",
      "list_comprehension",
      "generator_expression",
      "set_comprehension",
      "list_splat",
    ].includes(parent.type)
  )
    return true;
  if (parent.type === "argument_list" || parent.type === "keyword_argument") {
    const call = parent.type === "argument_list" ? parent.parent : parent.parent?.parent;
    const callee = call?.type === "call" ? (field(call, "function")?.text ?? "") : "";
    return COROUTINE_RUNNERS.test(callee.replace(/\s+/g, ""));
  }
  return false;
}

function outermostParens(node: Node): Node {
  let current = node;
  while (current.parent?.type === "parenthesized_expression") current = current.parent;
  return current;
}

export function checkNotAwaitable(ctx: RuleContext): void {
  if (ctx.major !== 3) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "await") return true;
    const inner = node.namedChildren[0];
    const type = inner ? ctx.model.typeOf(inner).t : "unknown";
    if (type !== "future" && type !== "futures") return true;
    const what = type === "future" ? "a task future from `.submit()`" : "the futures from `.map()`";
    ctx.report({
      rule: "not-awaitable",
      severity: "error",
      offset: node.startIndex,
      end: node.endIndex,
      subject: { receiver: inner!.text },
      message: `${inPrefect(ctx)}, ${what} cannot be awaited: Prefect 3 futures are not awaitable, so this raises TypeError ("can't be used in 'await' expression"); 2.x futures were. Call \`.result()\` (or \`.wait()\`, or prefect.futures.wait / as_completed), or call the async task directly with \`await task(...)\` (several at once with asyncio.gather).`,
    });
    return true;
  });
}

export function checkPauseInTask(ctx: RuleContext): void {
  if (ctx.major === 3 && compareVersions(ctx.release, PAUSE_IN_TASK_FROM) >= 0) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const fq = calleeName(ctx, node);
    if (!fq?.endsWith(".pause_flow_run")) return true;
    const fn = ctx.model.enclosingFunction(node);
    if (fn?.kind !== "task") return true;
    ctx.report({
      rule: "not-yet-available",
      severity: "error",
      offset: node.startIndex,
      end: node.endIndex,
      subject: { name: fq, within: "task" },
      message: `${inPrefect(ctx)}, \`pause_flow_run\` cannot be called inside a task: task \`${fn.name}\` would fail with RuntimeError "Cannot pause task runs." Only from ${PAUSE_IN_TASK_FROM} does a call in a task pause the parent flow run. Call it in the flow body instead (e.g. right after the task returns), or upgrade.`,
    });
    return true;
  });
}

/**
 * A task called at module level (a script, `if __name__ == "__main__":`) before 2.17.0 raises RuntimeError "Tasks
 * cannot be run outside of a flow". Only calls outside every function are certain: a plain function may be called
 * from a flow.
 */
export function checkTaskOutsideFlow(ctx: RuleContext): void {
  if (ctx.major !== 2 || compareVersions(ctx.release, TASK_OUTSIDE_FLOW_FROM) >= 0) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const fnNode = field(node, "function");
    if (fnNode?.type !== "identifier") return true;
    const type = ctx.model.typeOf(fnNode);
    if (type.t !== "task" || ctx.model.enclosingFunction(node)) return true;
    const name = fnNode.text;
    ctx.report({
      rule: "not-yet-available",
      severity: "error",
      offset: node.startIndex,
      end: node.endIndex,
      subject: { name: "prefect.tasks.task" },
      message: `${inPrefect(ctx)}, calling task \`${name}\` outside a flow raises RuntimeError "Tasks cannot be run outside of a flow"; only from ${TASK_OUTSIDE_FLOW_FROM} does it run as a standalone task run. Call the plain function with \`${name}.fn(...)\`, or call the task from a flow.`,
      fix: {
        description: "call the plain function",
        edits: [{ start: fnNode.endIndex, end: fnNode.endIndex, text: ".fn" }],
      },
    });
    return true;
  });
}

export function checkVariableValue(ctx: RuleContext): void {
  if (ctx.major !== 3) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "attribute" || field(node, "attribute")?.text !== "value") return true;
    const object = field(node, "object");
    if (!object) return true;
    const direct = unwrapAwait(object);
    const source = direct.type === "identifier" ? ctx.model.boundValue(direct) : direct;
    const call = source ? unwrapAwait(source) : undefined;
    if (call?.type !== "call") return true;
    const fq = calleeName(ctx, call);
    if (!fq || !VARIABLE_GET.has(fq)) return true;
    const attr = field(node, "attribute")!;
    ctx.report({
      rule: "unknown-attribute",
      severity: "error",
      offset: attr.startIndex,
      end: attr.endIndex,
      subject: { name: `${fq}.value`, receiver: object.text },
      message: `${inPrefect(ctx)}, \`Variable.get()\` returns the stored value itself (a string, number, list or dict), not a Variable object, so \`.value\` fails with AttributeError; drop \`.value\`. (In 2.x it returned a Variable and \`.value\` was needed.)`,
      fix:
        direct.type === "identifier"
          ? undefined
          : {
              description: "use the value directly",
              edits: [{ start: object.endIndex, end: node.endIndex, text: "" }],
            },
    });
    return true;
  });
}

/**
 * `Variable.set(name, value)` inside a flow or a task (variable-exists). `set` creates a variable and refuses to
 * replace one: without `overwrite=True` it raises ValueError when the name already exists, so the first run works and
 * every later run of the same flow fails at that line. A call at the top level of a script (a one-off setup) is left
 * alone, and so is an explicit `overwrite=False` or `**kwargs` (the asker chose).
 */
export function checkVariableSetOverwrite(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const fq = calleeName(ctx, node);
    if (!fq || !VARIABLE_SET.has(fq)) return true;
    if (ctx.facts.params(fq, ctx.release)?.some((p) => p.name === "overwrite") !== true) return true;
    const kind = ctx.model.enclosingFunction(node)?.kind;
    if (kind !== "flow" && kind !== "task") return true;
    const args = field(node, "arguments");
    if (!args || named(args).some((a) => a.type === "dictionary_splat")) return true;
    if (keywordArguments(node).some((k) => k.name === "overwrite")) return true;
    const close = args.endIndex - 1;
    const before = args.children.at(-2)?.type;
    const bare = before === "(" || before === ",";
    const fn = field(node, "function")!;
    ctx.report({
      rule: "variable-exists",
      severity: "warning",
      offset: node.startIndex,
      end: node.endIndex,
      subject: { name: fq, receiver: field(fn, "object")?.text },
      message: `${inPrefect(ctx)}, \`${fn.text}()\` only creates a variable: when one of that name already exists it raises ValueError unless you pass \`overwrite=True\`, so this ${kind} works on its first run and fails at this line on every run after. Pass \`overwrite=True\` to update the value.`,
      fix: {
        description: "update an existing variable",
        // After `(` or a trailing comma the keyword goes in bare; after an argument it needs its comma.
        edits: [{ start: close, end: close, text: bare ? "overwrite=True" : ", overwrite=True" }],
      },
    });
    return true;
  });
}
