// Two `.serve()` calls one after the other (serve-blocks): `flow.serve()` runs until the process is stopped, serving
// that one deployment, so a second `other.serve()` after it is never reached and its deployment never appears. One
// process serves several deployments with `serve(a.to_deployment(...), b.to_deployment(...))`. No fix is offered:
// the rewrite moves every keyword of each call into `.to_deployment()`, which the asker should see done.
import { field, keywordArguments, named } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

const SERVE = "prefect.flows.Flow.serve";

export function checkServeBlocks(ctx: RuleContext): void {
  if (ctx.facts.presence(SERVE, ctx.release).status !== "present") return;
  const blocks: Node[] = [ctx.model.root];
  for (let b = blocks.shift(); b; b = blocks.shift()) {
    const serving: { statement: Node; flow: string }[] = [];
    for (const statement of named(b)) {
      for (const child of named(statement)) if (child.type === "block") blocks.push(child);
      const flow = servedFlow(ctx, statement);
      if (flow) serving.push({ statement, flow });
    }
    for (const later of serving.slice(1))
      ctx.report({
        rule: "serve-blocks",
        severity: "error",
        offset: later.statement.startIndex,
        end: later.statement.endIndex,
        subject: { name: SERVE, receiver: later.flow },
        message: `${inPrefect(ctx)}, \`${serving[0]!.flow}.serve()\` blocks: it keeps serving until the process stops, so \`${later.flow}.serve()\` after it is never reached and its deployment is never created. Serve them from one process: \`from prefect import serve\`, then \`serve(${serving.map((s) => `${s.flow}.to_deployment(name=...)`).join(", ")})\` with each call's keywords moved into its \`.to_deployment()\`.`,
      });
  }
}

/** The flow a statement serves (`etl.serve(...)`, `await etl.serve(...)`), or null. */
function servedFlow(ctx: RuleContext, statement: Node): string | null {
  if (statement.type !== "expression_statement") return null;
  let expr = named(statement)[0] ?? null;
  if (expr?.type === "await") expr = named(expr)[0] ?? null;
  if (expr?.type !== "call") return null;
  const fn = field(expr, "function");
  if (fn?.type !== "attribute" || field(fn, "attribute")?.text !== "serve") return null;
  const object = field(fn, "object");
  if (!object) return null;
  const type = ctx.model.typeOf(object).t;
  // A pasted fragment (`ingest.serve(name="ingest-hourly", …)` under the main guard, the flows defined elsewhere):
  // a name the snippet never binds, served under a deployment name, is a flow.
  const pasted =
    type === "unknown" &&
    object.type === "identifier" &&
    ctx.model.definitionOf(object) === undefined &&
    ctx.model.boundValue(object) === undefined &&
    keywordArguments(expr).some((k) => k.name === "name");
  return type === "flow" || pasted ? object.text : null;
}
