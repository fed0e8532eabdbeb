// A retry delay given without a number of retries (retry-delay-without-retries): `@task(retry_delay_seconds=[10, 60])`
// says how long to wait before each retry, but the number of retries still comes from `retries=`, which defaults to
// the task/flow default setting (0 unless changed), so the task fails on its first error and the delays are never
// used. A delay list says how many retries its author meant; a single delay does not, so only the list gets a fix.
import { field, keywordArguments, named, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { flowOrTaskOptions } from "./hook-rules.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

const DELAY = "retry_delay_seconds";
const COUNT = "retries";

export function checkRetryDelayWithoutRetries(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const owner = flowOrTaskOptions(ctx, node);
    if (!owner?.keywords.has(DELAY) || !owner.keywords.has(COUNT)) return true;
    const args = field(node, "arguments");
    // `**options` may carry `retries`.
    if (!args || named(args).some((a) => a.type === "dictionary_splat")) return true;
    const keywords = keywordArguments(node);
    const delay = keywords.find((k) => k.name === DELAY);
    if (!delay?.value || keywords.some((k) => k.name === COUNT)) return true;
    const attempts = delay.value.type === "list" ? named(delay.value).length : 0;
    ctx.report({
      rule: "retry-delay-without-retries",
      severity: "warning",
      offset: delay.node.startIndex,
      end: delay.node.endIndex,
      subject: { name: `prefect.${owner.kind === "flow" ? "flows.flow" : "tasks.task"}.${DELAY}` },
      message: `${inPrefect(ctx)}, \`${DELAY}=\` only says how long to wait between retries: the number of retries comes from \`${COUNT}=\`, which this ${owner.kind} does not set, so it takes the default (0 unless a setting changes it) and fails on its first error without retrying. Pass \`${COUNT}=${attempts > 0 ? attempts : "3"}\` (${attempts > 0 ? "one retry per delay in the list" : "or the number you want"}).`,
      ...(attempts > 0 ? { fix: fixOf(delay.node, attempts) } : {}),
    });
    return true;
  });
}

function fixOf(keyword: Node, attempts: number) {
  return {
    description: "give the number of retries the delays are for",
    edits: [{ start: keyword.startIndex, end: keyword.startIndex, text: `${COUNT}=${attempts}, ` }],
  };
}
