// A block's secret field used as the secret (record-used-as-value): `Secret.load("db").value` is a pydantic
// SecretStr, which prints as '**********' and is not a str, so a connector, an f-string or a comparison gets the mask
// instead of the password. Which fields are secrets and how the plain value is read is data (SECRET_FIELDS).
import { SECRET_FIELDS } from "../../knowledge/index.js";
import { field, unwrapAwait } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { outermost, usesOf, valueUse } from "./record-rules.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** Classmethods that give back an instance of the class they are called on. */
const LOADERS = new Set(["load", "aload"]);

export function checkSecretFieldUsedAsValue(ctx: RuleContext): void {
  walkAttributes(ctx.model.root, (node) => {
    const attr = field(node, "attribute");
    const object = field(node, "object");
    if (!attr || !object) return;
    const cls = blockClass(ctx, object);
    const secret = cls ? SECRET_FIELDS[cls] : undefined;
    if (!cls || !secret || secret.field !== attr.text) return;
    if (ctx.facts.presence(`${cls}.${secret.field}`, ctx.release).status !== "present") return;
    const accessor =
      secret.accessor && ctx.facts.presence(`${cls}.${secret.accessor}`, ctx.release).status === "present"
        ? secret.accessor
        : undefined;
    const uses = usesOf(ctx, outermost(node));
    const flagged = uses.filter((use) => valueUse(ctx, use, false) !== undefined);
    // Rewriting `.value` where it is read is safe only when every use of it wants the plain value.
    const fixable = flagged.length === uses.length;
    flagged.forEach((use, i) => {
      report(ctx, cls, node, use, accessor, fixable && i === 0);
    });
  });
}

function walkAttributes(root: Node, visit: (node: Node) => void): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "attribute") visit(node);
    for (const child of node.namedChildren) stack.push(child);
  }
}

/** The block class an expression is an instance of: `Secret.load(...)`, `Secret(value=...)`, or a name bound once to either. */
function blockClass(ctx: RuleContext, expr: Node): string | undefined {
  const direct = unwrapAwait(expr);
  const source = direct.type === "identifier" ? ctx.model.boundValue(direct) : direct;
  const call = source ? unwrapAwait(source) : undefined;
  if (call?.type !== "call") return undefined;
  const fnNode = field(call, "function");
  if (!fnNode) return undefined;
  if (fnNode.type === "attribute" && LOADERS.has(field(fnNode, "attribute")?.text ?? "")) {
    const owner = field(fnNode, "object");
    const type = owner ? ctx.model.typeOf(owner) : undefined;
    if (type?.t !== "symbol") return undefined;
    const fact = ctx.facts.resolve(type.fq, ctx.release);
    return fact?.kind === "class" ? fact.name : undefined;
  }
  const type = ctx.model.typeOf(call);
  return type.t === "instance" ? type.cls : undefined;
}

function report(
  ctx: RuleContext,
  cls: string,
  attribute: Node,
  use: Node,
  accessor: string | undefined,
  withFix: boolean,
): void {
  const short = cls.split(".").at(-1)!;
  const object = field(attribute, "object")!;
  const fieldName = field(attribute, "attribute")!.text;
  const read = accessor ? `\`${object.text}.${accessor}()\`` : `\`${object.text}.${fieldName}.get_secret_value()\``;
  ctx.report({
    rule: "record-used-as-value",
    severity: "error",
    offset: use.startIndex,
    end: use.endIndex,
    subject: { name: `${cls}.${fieldName}`, receiver: object.text },
    message: `${inPrefect(ctx)}, \`${short}.${fieldName}\` is a pydantic secret (SecretStr), not the secret: it prints as '**********' and is not a str, so code that passes, formats, joins or compares it gets the mask, not the value. Read the plain value with ${read}.`,
    fix: withFix
      ? {
          description: accessor ? `read the secret with .${accessor}()` : "read the secret with .get_secret_value()",
          edits: [
            accessor
              ? { start: attribute.endIndex - fieldName.length, end: attribute.endIndex, text: `${accessor}()` }
              : { start: attribute.endIndex, end: attribute.endIndex, text: ".get_secret_value()" },
          ],
        }
      : undefined,
  });
}
