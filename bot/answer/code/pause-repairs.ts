// `pause_flow_run(...)` as a statement inside a task, before the release where a task may pause its flow run (the
// linter reports it as not-yet-available): the pause moves into the flows, just before each call of that task, which
// pauses the same flow run at the same point. On the tree, from the diagnosis' call node.
import type { TextEdit } from "../../../core/index.js";
import { field, named, walk } from "../../../lint/index.js";
import { closest, type PythonNode } from "./python-tree.js";
import type { TreeRepair } from "./tree-repairs.js";

function decoratorNames(definition: PythonNode): string[] {
  return named(definition)
    .filter((d) => d.type === "decorator")
    .map((d) => {
      const expression = d.namedChildren[0];
      const target = expression?.type === "call" ? field(expression, "function") : expression;
      return target?.text ?? "";
    });
}

const isFlow = (names: string[]) => names.some((n) => n === "flow" || n === "prefect.flow");

/** Whether a call runs the task: `name(...)`, `name.submit(...)` or `name.map(...)`. */
function callsTask(call: PythonNode, task: string): boolean {
  const fn = field(call, "function");
  if (fn?.type === "identifier") return fn.text === task;
  if (fn?.type !== "attribute") return false;
  const method = field(fn, "attribute")?.text;
  return field(fn, "object")?.text === task && (method === "submit" || method === "map");
}

/** The statement (a child of a block) a node sits in. */
function statementOf(node: PythonNode): PythonNode {
  let current = node;
  while (current.parent && current.parent.type !== "block" && current.parent.type !== "module")
    current = current.parent;
  return current;
}

export const repairPauseInTask: TreeRepair = (d, node, ctx) => {
  if (d.subject?.name?.split(".").pop() !== "pause_flow_run") return null;
  const call = closest(node, ["call"]);
  const statement = call?.parent?.type === "expression_statement" ? call.parent : null;
  const task = statement ? closest(statement, ["function_definition"]) : null;
  const taskName = task ? field(task, "name")?.text : undefined;
  if (!statement || !task || !taskName) return null;
  let root = task;
  while (root.parent) root = root.parent;
  const sites: PythonNode[] = [];
  for (const definition of named(root).filter((n) => n.type === "decorated_definition")) {
    if (!isFlow(decoratorNames(definition))) continue;
    walk(definition, (n) => {
      if (n.type === "call" && callsTask(n, taskName)) sites.push(statementOf(n));
      return true;
    });
  }
  if (sites.length === 0) return null;
  const code = ctx.code;
  const lineStart = (offset: number) => code.lastIndexOf("\n", offset - 1) + 1;
  const edits: TextEdit[] = sites.map((site) => {
    const start = lineStart(site.startIndex);
    return { start, end: start, text: `${code.slice(start, site.startIndex)}${statement.text}\n` };
  });
  const body = named(statement.parent).filter((n) => n.type !== "comment");
  const lineEnd = code.indexOf("\n", statement.endIndex);
  const start = lineStart(statement.startIndex);
  const alone =
    code.slice(start, statement.startIndex).trim() === "" &&
    code.slice(statement.endIndex, lineEnd < 0 ? code.length : lineEnd).trim() === "";
  edits.push(
    body.length > 1 && alone
      ? { start, end: lineEnd < 0 ? code.length : lineEnd + 1, text: "" }
      : { start: statement.startIndex, end: statement.endIndex, text: "pass" },
  );
  return { edits };
};
