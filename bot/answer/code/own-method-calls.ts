// The Prefect methods the asker's code calls on its own tasks and flows: `send_welcome.delay(user.id)` after
// `@task def send_welcome(...)` calls `Task.delay`. Retrieval credits the units about those methods as it does the
// Prefect names the code writes out.
import { findAll, functionDefs, methodCall, parseTree } from "./python-tree.js";

/** `Task.delay`, `Flow.serve`, …: each method the code calls on a function it decorates with `@task` or `@flow`. */
export function ownMethodCalls(code: string): string[] {
  const tree = parseTree(code);
  if (!tree) return [];
  const types = new Map<string, string>();
  for (const def of functionDefs(tree.root)) {
    if (def.isTask) types.set(def.name, "Task");
    else if (def.isFlow) types.set(def.name, "Flow");
  }
  const calls = new Set<string>();
  for (const node of findAll(tree.root, (n) => n.type === "call")) {
    const call = methodCall(node);
    const type = call && call.object.type === "identifier" ? types.get(call.object.text) : undefined;
    if (type) calls.add(`${type}.${call!.method}`);
  }
  return [...calls];
}
