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
