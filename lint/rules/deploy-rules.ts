// `.deploy()` on a flow object defined in the snippet, with no `image=` and no module-path entrypoint
// (deploy-without-source): the worker would have no way to get the code, so Prefect raises ValueError "Either an image
// or remote storage location must be provided when deploying a deployment", whatever the work pool. A flow loaded
// with `flow.from_source(...)` carries its storage, and an imported flow may be one, so only flows the model knows to
// be local (`@flow` defs, `Flow(...)`, `.with_options()` of them) are checked.
import { compareVersions } from "../../core/index.js";
import { DEPLOY_CODE_SOURCE, LOCAL_SOURCE_FROM } from "../../knowledge/index.js";
import { field, keywordArguments, named, positionalArguments, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

export function checkDeployWithoutSource(ctx: RuleContext): void {
  if (ctx.facts.presence(DEPLOY_CODE_SOURCE.method, ctx.release).status !== "present") return;
  const params = (ctx.facts.params(DEPLOY_CODE_SOURCE.method, ctx.release) ?? []).filter((p) => p.name !== "self");
  const imageAt = params.findIndex((p) => p.name === DEPLOY_CODE_SOURCE.image);
  if (imageAt < 0) return;
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const fnNode = field(node, "function");
    if (fnNode?.type !== "attribute" || field(fnNode, "attribute")?.text !== "deploy") return true;
    const object = field(fnNode, "object");
    const owner = object ? ctx.model.typeOf(object) : undefined;
    if (owner?.t !== "flow" || owner.loaded) return true;
    if (givesSource(node, imageAt)) return true;
    const flowName = owner.fn?.name ?? object!.text;
    report(ctx, node, flowName);
    return true;
  });
}

/** `image=` given (by keyword or position), an entrypoint type chosen, or arguments the model cannot see. */
function givesSource(call: Node, imageAt: number): boolean {
  const args = named(field(call, "arguments"));
  if (args.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) return true;
  if (positionalArguments(call).length > imageAt) return true;
  return keywordArguments(call).some(
    (k) => k.name === DEPLOY_CODE_SOURCE.image || k.name === DEPLOY_CODE_SOURCE.entrypointType,
  );
}

function report(ctx: RuleContext, call: Node, flowName: string): void {
  const local =
    ctx.major === 3 || compareVersions(ctx.release, LOCAL_SOURCE_FROM) >= 0
      ? ` For a process work pool on the machine that has the code, use \`flow.from_source(source=str(Path(__file__).parent), entrypoint="<file>.py:${flowName}").deploy(...)\`.`
      : "";
  ctx.report({
    rule: "deploy-without-source",
    severity: "error",
    offset: call.startIndex,
    end: call.endIndex,
    subject: { name: DEPLOY_CODE_SOURCE.method, receiver: flowName },
    message: `${inPrefect(ctx)}, \`${flowName}.deploy(...)\` on a flow defined in local code, with no \`image=\`, raises ValueError "${DEPLOY_CODE_SOURCE.error}": the worker has no way to get the code. Pass \`image=\` (a Docker image with the code, for Docker-based pools such as Docker, Kubernetes or ECS), or load the flow with \`flow.from_source(source=..., entrypoint=...)\` (a git repository, a bucket or a local path) and call \`.deploy(...)\` on that.${local}`,
  });
}
