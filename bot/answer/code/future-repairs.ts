// Repairs for futures on 3.x, on the tree. `await my_task.submit(x)` (a 2.x habit): 3.x futures cannot be awaited.
// An async task defined in the snippet is awaited directly (`await my_task(x)`); any other submitted task resolves
// its future with `.result()`.
import { field, named } from "../../../lint/index.js";
import { closest, type PythonNode } from "./python-tree.js";
import type { TreeRepair } from "./tree-repairs.js";

/** Whether the snippet defines `name` as an `async def` decorated with @task (or @prefect.task, with arguments or not). */
function isAsyncTask(root: PythonNode, name: string): boolean {
  return named(root).some((node) => {
    if (node.type !== "decorated_definition") return false;
    const fn = field(node, "definition");
    if (fn?.type !== "function_definition" || field(fn, "name")?.text !== name) return false;
    if (!fn.children.some((c) => c.type === "async")) return false;
    return named(node).some((d) => {
      const expression = d.type === "decorator" ? d.namedChildren[0] : undefined;
      const target = expression?.type === "call" ? field(expression, "function") : expression;
      return target?.text === "task" || target?.text === "prefect.task";
    });
  });
}

export const repairAwaitedFuture: TreeRepair = (_d, node) => {
  const awaited = closest(node, ["await"]);
  const call = awaited?.namedChildren[0];
  const fn = call?.type === "call" ? field(call, "function") : null;
  const task = fn?.type === "attribute" ? field(fn, "object") : null;
  const args = call ? field(call, "arguments") : null;
  if (!awaited || !args || task?.type !== "identifier" || field(fn!, "attribute")?.text !== "submit") return null;
  let root = awaited;
  while (root.parent) root = root.parent;
  const text = isAsyncTask(root, task.text)
    ? `await ${task.text}${args.text}`
    : `${task.text}.submit${args.text}.result()`;
  return { edits: [{ start: awaited.startIndex, end: awaited.endIndex, text }] };
};

/** Members people call on run_deployment's FlowRun as if it were a future. */
const FLOW_RUN_WAITS = new Set([
  "prefect.client.schemas.objects.FlowRun.wait",
  "prefect.client.schemas.objects.FlowRun.result",
]);

/**
 * `run.wait()` / `run.result()` on the FlowRun run_deployment returns (it has neither; run_deployment already waited
 * for the run, unless given timeout=0): a statement of its own goes, a value becomes `run.state`.
 */
export const repairFlowRunWait: TreeRepair = (d, node, ctx) => {
  if (!FLOW_RUN_WAITS.has(d.subject?.name ?? "")) return null;
  const attribute = closest(node, ["attribute"]);
  const call = attribute?.parent;
  const receiver = attribute ? field(attribute, "object") : null;
  if (call?.type !== "call" || field(call, "function")?.id !== attribute!.id || receiver?.type !== "identifier")
    return null;
  if (named(field(call, "arguments")).length > 0) return null;
  const code = ctx.code;
  const statement = call.parent?.type === "expression_statement" ? call.parent : null;
  if (statement) {
    const siblings = named(statement.parent).filter((n) => n.type !== "comment");
    if (siblings.length === 1)
      return { edits: [{ start: statement.startIndex, end: statement.endIndex, text: "pass" }] };
    const lineStart = code.lastIndexOf("\n", statement.startIndex - 1) + 1;
    const lineEnd = code.indexOf("\n", statement.endIndex);
    const comment = nextSibling(statement)?.type === "comment" && sameLine(code, statement, nextSibling(statement)!);
    const end = lineEnd < 0 ? code.length : lineEnd + 1;
    if (
      code.slice(lineStart, statement.startIndex).trim() === "" &&
      (comment || code.slice(statement.endIndex, end).trim() === "")
    )
      return { edits: [{ start: lineStart, end, text: "" }] };
    return { edits: [{ start: statement.startIndex, end: statement.endIndex, text: "pass" }] };
  }
  const edits = [{ start: call.startIndex, end: call.endIndex, text: `${receiver.text}.state` }];
  // A comment on the line said what the wait was for; it now says why there is none.
  let line = call;
  while (line.parent && line.parent.type !== "block" && line.parent.type !== "module") line = line.parent;
  const comment = nextSibling(line);
  if (comment?.type === "comment" && sameLine(code, line, comment))
    edits.push({
      start: comment.startIndex,
      end: comment.endIndex,
      text: "# run_deployment already waited for the run",
    });
  return { edits };
};

function sameLine(code: string, a: PythonNode, b: PythonNode): boolean {
  return !code.slice(a.endIndex, b.startIndex).includes("\n");
}

function nextSibling(node: PythonNode): PythonNode | undefined {
  const siblings = node.parent?.children ?? [];
  return siblings[siblings.findIndex((c) => c.id === node.id) + 1];
}
