// Rules about how tasks run: a process pool must pickle every task and argument (process-pool-pickling), and a
// 3.x sync flow cannot call an async task directly (async-task-in-sync-flow).
import type { FunctionInfo } from "../analysis/python-model.js";
import { field, keywordArguments, named, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import type { Draft } from "./draft.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

const PROCESS_POOL = "prefect.task_runners.ProcessPoolTaskRunner";
const SCOPE_NODES = ["function_definition", "lambda", "class_definition"];

/** Calls whose results hold OS resources or locks, which cannot cross a process boundary. */
const UNPICKLABLE_FACTORIES: { pattern: RegExp; what: string }[] = [
  { pattern: /^open$|^io\.open$/, what: "an open file" },
  {
    pattern: /^(threading|multiprocessing)\.(Lock|RLock|Semaphore|BoundedSemaphore|Condition|Event)$|^(Lock|RLock)$/,
    what: "a lock",
  },
  {
    pattern: /^(sqlite3|psycopg2?|pymysql|mysql\.connector|cx_Oracle|oracledb|pyodbc)\.connect$/,
    what: "a database connection",
  },
  { pattern: /^(sqlalchemy\.)?create_engine$/, what: "a database engine" },
  {
    pattern: /^requests\.Session$|^httpx\.(Client|AsyncClient)$|^aiohttp\.ClientSession$/,
    what: "an HTTP client session",
  },
  {
    pattern: /^boto3\.(client|resource|Session)$|^(redis\.)?(Redis|StrictRedis)$|^(pymongo\.)?MongoClient$/,
    what: "a client object",
  },
  { pattern: /^socket\.socket$/, what: "a socket" },
  { pattern: /^(prefect\.)?get_client$/, what: "a Prefect API client" },
];

function flowUsesProcessPool(ctx: RuleContext, fn: FunctionInfo): Node | undefined {
  const decorator = fn.decorator;
  if (decorator?.type !== "call") return undefined;
  const runner = keywordArguments(decorator).find((k) => k.name === "task_runner")?.value;
  if (!runner) return undefined;
  const expr = runner.type === "identifier" ? (ctx.model.boundValue(runner) ?? runner) : runner;
  const type = ctx.model.typeOf(expr);
  const cls =
    type.t === "instance" ? type.cls : type.t === "symbol" ? ctx.facts.resolve(type.fq, ctx.release)?.name : undefined;
  return cls === PROCESS_POOL ? runner : undefined;
}

export function checkProcessPoolPickling(ctx: RuleContext): void {
  for (const fn of ctx.model.functions.filter((f) => f.kind === "flow")) {
    if (!flowUsesProcessPool(ctx, fn)) continue;
    walk(fn.node, (node) => {
      if (node.id !== fn.node.id && SCOPE_NODES.includes(node.type)) return false;
      if (node.type !== "call") return true;
      const t = ctx.model.typeOf(node).t;
      if (t !== "future" && t !== "futures") return true;
      checkSubmission(ctx, fn, node);
      return true;
    });
  }
}

function checkSubmission(ctx: RuleContext, flow: FunctionInfo, call: Node): void {
  const fnNode = field(call, "function");
  const taskNode = fnNode?.type === "attribute" ? field(fnNode, "object") : null;
  const taskType = taskNode ? ctx.model.typeOf(taskNode) : undefined;
  const pool = `flow \`${flow.name}\` uses ProcessPoolTaskRunner, which pickles each task and its arguments to send them to worker processes`;
  const wrappedLambda = taskNode?.type === "identifier" ? lambdaTask(ctx, taskNode) : undefined;
  if (wrappedLambda) {
    ctx.report(
      pickleDraft(
        ctx,
        wrappedLambda,
        "error",
        `${pool}; task \`${taskNode!.text}\` wraps a lambda, which cannot be pickled. Decorate a module-level function instead.`,
      ),
    );
  }
  if (taskType?.t === "task" && taskType.fn?.nested) {
    ctx.report(
      pickleDraft(
        ctx,
        taskNode!,
        "error",
        `${pool}; task \`${taskType.fn.name}\` is defined inside another function, and such local functions cannot be pickled. Define it at module level.`,
      ),
    );
  }
  for (const arg of named(field(call, "arguments"))) {
    const value = arg.type === "keyword_argument" ? field(arg, "value") : arg;
    if (!value) continue;
    walk(value, (node) => {
      if (node.type === "lambda") {
        ctx.report(
          pickleDraft(ctx, node, "error", `${pool}; a lambda cannot be pickled. Pass a module-level function instead.`),
        );
        return false;
      }
      const resource = node.type === "identifier" || node.type === "call" ? resourceKind(ctx, node) : undefined;
      if (resource) {
        ctx.report(
          pickleDraft(
            ctx,
            node,
            "warning",
            `${pool}; \`${node.text}\` looks like ${resource}, which cannot be pickled. Create it inside the task instead.`,
          ),
        );
        return false;
      }
      // A call's result is what gets passed, except for the pass-through annotations (unmapped, allow_failure...).
      return node.type !== "call" || isPassThrough(ctx, node);
    });
  }
}

/** `t = task(lambda x: ...)`: the lambda, when a task name is bound that way. */
function lambdaTask(ctx: RuleContext, name: Node): Node | undefined {
  const value = ctx.model.boundValue(name);
  if (value?.type !== "call" || ctx.model.typeOf(value).t !== "task") return undefined;
  return named(field(value, "arguments")).find((a) => a.type === "lambda");
}

const PASS_THROUGH = new Set(["unmapped", "allow_failure", "quote"]);

function isPassThrough(ctx: RuleContext, call: Node): boolean {
  const fnNode = field(call, "function");
  const type = fnNode ? ctx.model.typeOf(fnNode) : undefined;
  return type?.t === "symbol" && PASS_THROUGH.has(type.fq.split(".").at(-1)!);
}

/** True when the call is an argument of something that runs a coroutine (asyncio.run, run_coro_as_sync, ...). */
function runsCoroutine(call: Node): boolean {
  const args = call.parent;
  const outer = args?.type === "argument_list" ? args.parent : null;
  const callee = outer?.type === "call" ? (field(outer, "function")?.text ?? "") : "";
  return /(^|\.)(run|run_until_complete|run_coro_as_sync|run_sync)$/.test(callee);
}

function resourceKind(ctx: RuleContext, node: Node): string | undefined {
  const value = node.type === "identifier" ? ctx.model.boundValue(node) : node;
  if (value?.type !== "call") return undefined;
  const callee = field(value, "function")?.text.replace(/\s+/g, "") ?? "";
  return UNPICKLABLE_FACTORIES.find((f) => f.pattern.test(callee))?.what;
}

function pickleDraft(ctx: RuleContext, node: Node, severity: "error" | "warning", detail: string): Draft {
  return {
    rule: "process-pool-pickling",
    severity,
    offset: node.startIndex,
    end: node.endIndex,
    message: `${inPrefect(ctx)}, ${detail}`,
  };
}

export function checkAsyncTaskInSyncFlow(ctx: RuleContext): void {
  if (ctx.major !== 3) return;
  for (const flow of ctx.model.functions.filter((f) => f.kind === "flow" && !f.isAsync)) {
    walk(flow.node, (node) => {
      if (node.id !== flow.node.id && SCOPE_NODES.includes(node.type)) return false;
      if (node.type !== "call") return true;
      const fnNode = field(node, "function");
      const callee = fnNode ? ctx.model.typeOf(fnNode) : undefined;
      if (callee?.t !== "task" || !callee.fn?.isAsync) return true;
      // Handing the coroutine to asyncio.run() or similar is a deliberate bridge, not this mistake.
      if (node.parent?.type === "await" || runsCoroutine(node)) return true;
      ctx.report({
        rule: "async-task-in-sync-flow",
        severity: "error",
        offset: node.startIndex,
        end: node.endIndex,
        subject: { receiver: callee.fn.name },
        message: `${inPrefect(ctx)}, \`${callee.fn.name}\` is an async task called from the sync flow \`${flow.name}\`; Prefect 3 does not support that. Make the flow \`async def\` and \`await\` the task, or make the task a plain \`def\`.`,
      });
      return true;
    });
  }
}
