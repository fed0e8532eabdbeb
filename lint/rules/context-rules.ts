// get_run_logger() where no flow or task run can be active (missing-run-context): at module level (a script, the
// main guard) or in a plain function the snippet only calls from module level. There it raises MissingContextError
// ("There is no active flow or task run context."), from 2.4.3 on (before, a RuntimeError). Calls that may run inside a
// run (in a flow, a task, a function that a flow may call, a hook) or that are guarded (`try`, `with
// disable_run_logger()`) are left alone.
import { compareVersions } from "../../core/index.js";
import { RUN_LOGGER_MISSING_CONTEXT_FROM } from "../../knowledge/index.js";
import type { FunctionInfo } from "../analysis/python-model.js";
import { field, named, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

const RUN_LOGGER = "prefect.logging.loggers.get_run_logger";
/**
 * Statements that may catch the error or switch the run logger off around the call, and lambdas (called later, maybe
 * inside a run, like a hook).
 */
const GUARDS = new Set(["try_statement", "with_statement", "lambda"]);

export function checkRunLoggerOutsideRun(ctx: RuleContext): void {
  // A name quoted alone in prose (`get_run_logger()` in a sentence) is extracted as a one-line snippet: only code
  // that imports the logger (or reaches it through the module) shows where it really runs.
  if (!importsRunLogger(ctx.model.root)) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "call" || !isRunLogger(ctx, node)) return true;
    // An explicit context (`get_run_logger(context)`) or a guard means the author handled the case.
    if (named(field(node, "arguments")).length > 0 || guarded(node)) return true;
    const fn = ctx.model.enclosingFunction(node);
    if (!fn) {
      report(ctx, node, "at module level, where no flow or task run is active");
      return true;
    }
    if (fn.kind !== "plain") {
      // `my_task.fn(...)` runs the plain function with no run around it (common in tests and scripts).
      const direct = fn.nested ? undefined : moduleLevelFnCalls(ctx, fn)[0];
      if (direct) {
        const line = ctx.code.slice(0, direct.startIndex).split("\n").length;
        report(
          ctx,
          node,
          `in ${fn.kind} \`${fn.name}\`, whose undecorated function \`${fn.name}.fn(...)\` runs at module level (line ${line}) with no run around it`,
        );
      }
      return true;
    }
    const callers = moduleLevelCallers(ctx, fn);
    if (callers && callers.length > 0) {
      const line = ctx.code.slice(0, callers[0]!.startIndex).split("\n").length;
      report(
        ctx,
        node,
        `in \`${fn.name}()\`, a plain function this code calls only at module level (line ${line}), outside any flow or task run`,
      );
    }
    return true;
  });
}

function importsRunLogger(root: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (node.type === "import_from_statement") found = named(node).some((n) => /\bget_run_logger\b/.test(n.text));
    else if (node.type === "import_statement") found = /\bprefect\b/.test(node.text);
    return !found && node.type !== "import_from_statement" && node.type !== "import_statement";
  });
  return found;
}

function isRunLogger(ctx: RuleContext, call: Node): boolean {
  const fnNode = field(call, "function");
  const type = fnNode ? ctx.model.typeOf(fnNode) : undefined;
  if (type?.t !== "symbol") return false;
  return (ctx.facts.resolve(type.fq, ctx.release)?.name ?? type.fq) === RUN_LOGGER;
}

function guarded(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (GUARDS.has(current.type)) return true;
  }
  return false;
}

/**
 * The calls of a plain top-level function when every use of its name is a direct call at module level; undefined
 * when it is nested, decorated, rebound, passed around (a hook, a callback) or called from any function.
 */
function moduleLevelCallers(ctx: RuleContext, fn: FunctionInfo): Node[] | undefined {
  if (fn.nested || fn.decorator || fn.node.parent?.type !== "module") return undefined;
  const nameNode = field(fn.node, "name");
  const calls: Node[] = [];
  let other = false;
  walk(ctx.model.root, (node) => {
    if (other) return false;
    if (node.type !== "identifier" || node.text !== fn.name || node.id === nameNode?.id) return true;
    const call = node.parent;
    if (call?.type === "call" && field(call, "function")?.id === node.id && !ctx.model.enclosingFunction(node)) {
      calls.push(call);
    } else other = true;
    return true;
  });
  return other ? undefined : calls;
}

/** `name.fn(...)` calls at module level, outside any guard, of a flow or task defined in the snippet. */
function moduleLevelFnCalls(ctx: RuleContext, fn: FunctionInfo): Node[] {
  const calls: Node[] = [];
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const callee = field(node, "function");
    const object = callee?.type === "attribute" ? field(callee, "object") : null;
    if (object?.type !== "identifier" || object.text !== fn.name || field(callee!, "attribute")?.text !== "fn")
      return true;
    const type = ctx.model.typeOf(object);
    if (
      (type.t === "task" || type.t === "flow") &&
      type.fn === fn &&
      !ctx.model.enclosingFunction(node) &&
      !guarded(node)
    )
      calls.push(node);
    return true;
  });
  return calls;
}

function report(ctx: RuleContext, call: Node, where: string): void {
  const raises =
    compareVersions(ctx.release, RUN_LOGGER_MISSING_CONTEXT_FROM) >= 0
      ? 'raises MissingContextError ("There is no active flow or task run context.")'
      : "raises an error (there is no active flow or task run context)";
  ctx.report({
    rule: "missing-run-context",
    severity: "error",
    offset: call.startIndex,
    end: call.endIndex,
    subject: { name: RUN_LOGGER },
    message: `${inPrefect(ctx)}, \`get_run_logger()\` is called ${where}, so it ${raises}: the run logger exists only while a flow or task runs. Call it inside the @flow or @task function, or use a standard logger (\`logging.getLogger(__name__)\`) for code that runs outside a run.`,
  });
}
