// Repairs for `missing-await` in sync code, on the tree (inside `async def` the linter's own fix adds `await`): the
// coroutine runs through `asyncio.run(...)`. A bare `wait_for_flow_run(...)` statement is redundant after a blocking
// `run_deployment` (the run is already final), so it goes instead, unless some run_deployment returns at once
// (`timeout=0`).
import { field, keywordArguments, walk } from "../../../lint/index.js";
import { closest, type PythonNode } from "./python-tree.js";
import type { TreeRepair } from "./tree-repairs.js";

const WAIT_FOR_FLOW_RUN = "wait_for_flow_run";

/** Whether some run_deployment call passes `timeout=0` (it returns before the run ends). */
function returnsAtOnce(root: PythonNode): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (node.type !== "call" || field(node, "function")?.text.split(".").pop() !== "run_deployment") return true;
    found = keywordArguments(node).some((k) => k.name === "timeout" && k.value?.text === "0");
    return true;
  });
  return found;
}

function rootOf(node: PythonNode): PythonNode {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

export const repairMissingAwait: TreeRepair = (d, node, ctx) => {
  // Only async-only functions (the diagnosis names one): a client method is fixed by opening the client as a
  // context manager, which the explanation says, not by wrapping each call.
  const call = closest(node, ["call"]);
  if (!d.subject?.name || !call || call.parent?.type === "await") return null;
  const waitsForRun = d.subject?.name?.split(".").pop() === WAIT_FOR_FLOW_RUN;
  const statement = call.parent?.type === "expression_statement" ? call.parent : null;
  if (waitsForRun && statement && !returnsAtOnce(rootOf(call))) {
    const lineStart = ctx.code.lastIndexOf("\n", statement.startIndex - 1) + 1;
    const lineEnd = ctx.code.indexOf("\n", statement.endIndex);
    const end = lineEnd < 0 ? ctx.code.length : lineEnd + 1;
    const alone =
      ctx.code.slice(lineStart, statement.startIndex).trim() === "" &&
      ctx.code.slice(statement.endIndex, end).trim() === "";
    const onlyStatement = (statement.parent?.namedChildren ?? []).filter((n) => n.type !== "comment").length === 1;
    const edit =
      alone && !onlyStatement
        ? { start: lineStart, end, text: "" }
        : { start: statement.startIndex, end: statement.endIndex, text: "pass" };
    return {
      edits: [edit],
      unused: [{ module: "prefect.flow_runs", name: WAIT_FOR_FLOW_RUN }],
    };
  }
  return {
    edits: [
      { start: call.startIndex, end: call.startIndex, text: "asyncio.run(" },
      { start: call.endIndex, end: call.endIndex, text: ")" },
    ],
    imports: [{ module: "asyncio" }],
  };
};
