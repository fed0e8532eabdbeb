// `.result()` / `.wait()` on what a direct task or flow call returns (unknown-attribute): calling `my_task(x)` runs the
// task and returns its return value (in 2.x and 3.x alike), not a future, so the method fails with AttributeError
// ("'int' object has no attribute 'result'"). Only `.submit()` and `.map()` give futures; `return_state=True` gives a
// State, whose `.result()` is right, and an async task called without `await` gives a coroutine (another problem).
import { field, named } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** The methods of a future people call on a plain value. */
const FUTURE_METHODS = new Set(["result", "wait"]);
const OWNER_CLASS = { task: "prefect.tasks.Task", flow: "prefect.flows.Flow" } as const;

export function checkResultOfDirectCall(ctx: RuleContext): void {
  const stack = [ctx.model.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.namedChildren) stack.push(child);
    if (node.type !== "call") continue;
    const method = field(node, "function");
    if (method?.type !== "attribute") continue;
    const name = field(method, "attribute")?.text ?? "";
    const object = field(method, "object");
    if (!FUTURE_METHODS.has(name) || !object) continue;
    const direct = directCall(ctx, object);
    if (!direct) continue;
    report(ctx, node, method, object, name, direct);
  }
}

interface DirectCall {
  kind: "task" | "flow";
  /** The callee as written (`add`, `add.with_options(retries=2)`). */
  callee: string;
  /** The receiver is the call itself, not a name it was assigned to. */
  inline: boolean;
}

/**
 * A synchronous call of a task or flow without return_state: as is, through the one name bound to it, or as an
 * element of a list of such calls (`for r in [fetch(i) for i in ids]:`), as the model follows them.
 */
function directCall(ctx: RuleContext, object: Node): DirectCall | undefined {
  const inline = object.type === "call";
  const type = ctx.model.typeOf(object);
  const call = type.t === "returned" ? type.site : undefined;
  if (call?.type !== "call") return undefined;
  const fnNode = field(call, "function");
  if (!fnNode) return undefined;
  const callee = ctx.model.typeOf(fnNode);
  if (callee.t !== "task" && callee.t !== "flow") return undefined;
  // A `def` known to be async gives a coroutine when called; a Task/Flow of unknown definition may be async too.
  if (!callee.fn || callee.fn.isAsync) return undefined;
  // In 2.x a task called from an async flow goes through the async engine: only the synchronous case is certain.
  if (ctx.major === 2 && ctx.model.enclosingFunction(call)?.isAsync) return undefined;
  if (named(field(call, "arguments")).some((a) => isReturnState(a) || a.type === "dictionary_splat")) return undefined;
  return { kind: callee.t, callee: fnNode.text, inline };
}

function isReturnState(arg: Node): boolean {
  return arg.type === "keyword_argument" && field(arg, "name")?.text === "return_state";
}

function report(ctx: RuleContext, call: Node, method: Node, object: Node, name: string, direct: DirectCall): void {
  const what = direct.kind === "task" ? "task" : "flow (as a subflow)";
  const concurrent =
    direct.kind === "task"
      ? `To run it concurrently and get a future, call \`${direct.callee}.submit(...)\` and then \`.${name}()\` on that.`
      : "To run subflows side by side, call each from a task and submit that task.";
  const hasArgs = named(field(call, "arguments")).length > 0;
  ctx.report({
    rule: "unknown-attribute",
    severity: "error",
    offset: method.startIndex,
    end: call.endIndex,
    subject: { name: `${OWNER_CLASS[direct.kind]}.__call__`, receiver: object.text },
    message: `${inPrefect(ctx)}, calling the ${what} \`${direct.callee}\` directly runs it and returns its return value, not a future, so \`.${name}()\` on it fails with AttributeError ("... object has no attribute '${name}'"). Use the value as it is. ${concurrent}`,
    // Dropping `.result()` leaves the value the call already gave; `.wait()` (None or a State) and a `.result()` with
    // arguments mean something else, so they are left to the asker.
    fix:
      name === "result" && !hasArgs
        ? {
            description: "use the returned value directly",
            edits: [{ start: object.endIndex, end: call.endIndex, text: "" }],
          }
        : undefined,
  });
}
