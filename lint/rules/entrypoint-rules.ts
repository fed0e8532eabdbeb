// A flow called at the top level of a file a deployment imports (unguarded-flow-call). A worker (and `prefect deploy`,
// `.serve()`, `flow.from_source`) loads a deployment's flow by importing its entrypoint file, so a bare `etl()` at the
// bottom of it runs once more on every import: an extra flow run with no deployment beside the one the worker started.
// Scripts only ever run by hand (`python etl.py`) are fine as they are, so the rule speaks only when the asker's
// message says the file is deployed, served or picked up by a worker (`LintOptions.spoken`).
import { field, named } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** Words that say the file is an entrypoint something imports. */
const IMPORTED_BY = [
  "worker",
  "workers",
  "deployment",
  "deployments",
  "deploy",
  "deployed",
  "entrypoint",
  "serve",
  "agent",
];

export function checkUnguardedFlowCall(ctx: RuleContext): void {
  if (!IMPORTED_BY.some((w) => ctx.spoken.has(w))) return;
  for (const statement of named(ctx.model.root)) {
    if (statement.type !== "expression_statement") continue;
    const call = named(statement)[0];
    const fn = call?.type === "call" ? field(call, "function") : null;
    if (fn?.type !== "identifier" || ctx.model.definitionOf(fn)?.kind !== "flow") continue;
    ctx.report({
      rule: "unguarded-flow-call",
      severity: "warning",
      offset: statement.startIndex,
      end: statement.endIndex,
      subject: { name: "prefect.flows.Flow", receiver: fn.text },
      message: `${inPrefect(ctx)}, a worker loads a deployment's flow by importing its entrypoint file, so \`${call!.text}\` at the top level runs the flow again on every import: an extra flow run with no deployment beside the one the worker started. Put the call under \`if __name__ == "__main__":\`.`,
      fix: { description: "guard the call", edits: guardEdits(statement) },
    });
  }
}

function guardEdits(statement: Node) {
  return [{ start: statement.startIndex, end: statement.startIndex, text: 'if __name__ == "__main__":\n    ' }];
}
