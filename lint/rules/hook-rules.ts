// State-change hooks with a signature Prefect cannot call (hook-signature). Prefect calls every `on_failure=[...]`,
// `on_completion=[...]`, ... hook of a flow with (flow, flow_run, state) and of a task with (task, task_run, state),
// positionally; a hook written as `def page_oncall(state):` fails with TypeError each time it runs, so the page never
// goes out. Which keywords a callable takes comes from the release's facts; the hook list and the arguments from
// runtime-facts. Only hooks whose `def` (or lambda) is in the snippet are checked.
import type { Fix } from "../../core/index.js";
import { STATE_HOOK_KEYWORDS, STATE_HOOK_PARAMS } from "../../knowledge/index.js";
import { FLOW_CLASS, type PyType, TASK_CLASS } from "../analysis/python-model.js";
import { field, keywordArguments, named, parameterName, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

type HookOwner = "flow" | "task";

/** Where a hook is attached: the keyword or decorator that names it, and what it is attached to. */
interface Attachment {
  owner: HookOwner;
  hook: string;
}

export function checkStateHookSignature(ctx: RuleContext): void {
  const reported = new Set<string>();
  const check = (fn: Node, attachment: Attachment) => {
    // One diagnosis per def, whatever else it is attached to (two fixes of one signature would collide).
    const key = String(fn.id);
    if (reported.has(key)) return;
    reported.add(key);
    checkHook(ctx, fn, attachment);
  };
  walk(ctx.model.root, (node) => {
    if (node.type === "call") {
      const owner = hookOwner(ctx, node);
      if (!owner) return true;
      for (const { name, value } of keywordArguments(node)) {
        if (!STATE_HOOK_KEYWORDS.has(name) || !owner.keywords.has(name) || !value) continue;
        for (const fn of hookDefinitions(ctx, value)) check(fn, { owner: owner.kind, hook: name });
      }
    } else if (node.type === "decorator") {
      const attachment = decoratorAttachment(ctx, node);
      const decorated = node.parent?.type === "decorated_definition" ? node.parent : null;
      // Only the innermost decorator receives the def itself.
      const innermost =
        named(decorated)
          .filter((d) => d.type === "decorator")
          .at(-1)?.id === node.id;
      const definition = decorated && innermost ? field(decorated, "definition") : null;
      if (attachment && definition?.type === "function_definition") check(definition, attachment);
    }
    return true;
  });
}

/** `@flow(...)`, `@task(...)`, `Flow(...)`, `my_flow.with_options(...)`: the kind and the hook keywords it takes. */
function hookOwner(ctx: RuleContext, call: Node): { kind: HookOwner; keywords: Set<string> } | undefined {
  const owner = flowOrTaskOptions(ctx, call);
  return (
    owner && { kind: owner.kind, keywords: new Set([...owner.keywords].filter((n) => STATE_HOOK_KEYWORDS.has(n))) }
  );
}

/**
 * A call that sets a flow's or task's options (`@flow(...)`, `@task(...)`, `Flow(...)`, `my_flow.with_options(...)`):
 * which of the two it is and every keyword it takes in the release.
 */
export function flowOrTaskOptions(
  ctx: RuleContext,
  call: Node,
): { kind: HookOwner; keywords: Set<string> } | undefined {
  const fnNode = field(call, "function");
  if (!fnNode) return undefined;
  const type = ctx.model.typeOf(fnNode);
  let kind: HookOwner | undefined;
  let callable: string | undefined;
  if (type.t === "symbol") {
    const name = ctx.facts.resolve(type.fq, ctx.release)?.name;
    kind =
      name === "prefect.flows.flow" || name === FLOW_CLASS
        ? "flow"
        : name === "prefect.tasks.task" || name === TASK_CLASS
          ? "task"
          : undefined;
    callable = name;
  } else if (type.t === "member" && type.name === "with_options") {
    kind = ownerKind(type.owner);
    callable = kind ? `${kind === "flow" ? FLOW_CLASS : TASK_CLASS}.with_options` : undefined;
  }
  if (!kind || !callable) return undefined;
  const params = ctx.facts.params(callable, ctx.release);
  if (!params) return undefined;
  return { kind, keywords: new Set(params.map((p) => p.name)) };
}

function ownerKind(type: PyType): HookOwner | undefined {
  return type.t === "flow" ? "flow" : type.t === "task" ? "task" : undefined;
}

/** `@my_flow.on_failure` (3.x): a hook method of the flow or task the release has. */
function decoratorAttachment(ctx: RuleContext, decorator: Node): Attachment | undefined {
  const expr = named(decorator)[0];
  if (expr?.type !== "attribute") return undefined;
  const hook = field(expr, "attribute")?.text ?? "";
  const object = field(expr, "object");
  if (!STATE_HOOK_KEYWORDS.has(hook) || !object) return undefined;
  const owner = ownerKind(ctx.model.typeOf(object));
  if (!owner) return undefined;
  const method = ctx.facts.presence(`${owner === "flow" ? FLOW_CLASS : TASK_CLASS}.${hook}`, ctx.release);
  return method.status === "present" ? { owner, hook } : undefined;
}

/** The hook functions defined in the snippet that a hooks list names (a list, a tuple, or a name bound to one). */
function hookDefinitions(ctx: RuleContext, value: Node): Node[] {
  const list = value.type === "identifier" ? ctx.model.boundValue(value) : value;
  if (list?.type !== "list" && list?.type !== "tuple") return [];
  const found: Node[] = [];
  for (const element of named(list)) {
    if (element.type === "lambda") found.push(element);
    if (element.type !== "identifier") continue;
    const fn = ctx.model.definitionOf(element);
    // Another decorator may change what is called, so only an undecorated def is read.
    if (
      fn?.kind === "plain" &&
      fn.node.type === "function_definition" &&
      fn.node.parent?.type !== "decorated_definition"
    )
      found.push(fn.node);
  }
  return found;
}

interface Signature {
  positional: Node[];
  /** Positional parameters without a default. */
  required: number;
  varPositional: boolean;
  /** Keyword-only parameters without a default. */
  requiredKeywordOnly: number;
}

function signatureOf(params: Node | null): Signature {
  const signature: Signature = { positional: [], required: 0, varPositional: false, requiredKeywordOnly: 0 };
  let keywordOnly = false;
  for (const param of named(params)) {
    const inner = param.type === "typed_parameter" ? (named(param)[0] ?? param) : param;
    if (inner.type === "list_splat_pattern") {
      signature.varPositional = true;
      keywordOnly = true;
    } else if (param.type === "keyword_separator") keywordOnly = true;
    else if (inner.type === "dictionary_splat_pattern" || param.type === "positional_separator") continue;
    else {
      const hasDefault = param.type === "default_parameter" || param.type === "typed_default_parameter";
      if (keywordOnly) signature.requiredKeywordOnly += hasDefault ? 0 : 1;
      else {
        signature.positional.push(param);
        if (!hasDefault) signature.required++;
      }
    }
  }
  return signature;
}

function checkHook(ctx: RuleContext, fn: Node, { owner, hook }: Attachment): void {
  const params = field(fn, "parameters");
  const signature = signatureOf(params);
  const takesThree =
    (signature.varPositional || signature.positional.length >= 3) &&
    signature.required <= 3 &&
    signature.requiredKeywordOnly === 0;
  if (takesThree) return;
  const expected = STATE_HOOK_PARAMS[owner];
  const isLambda = fn.type === "lambda";
  const name = isLambda ? "lambda" : (field(fn, "name")?.text ?? "hook");
  const fixed = isLambda ? `lambda ${expected.join(", ")}: ...` : `def ${name}(${expected.join(", ")}):`;
  const takes = describe(signature);
  ctx.report({
    rule: "hook-signature",
    severity: "error",
    offset: (params ?? fn).startIndex,
    end: (params ?? fn).endIndex,
    subject: {
      name: `${owner === "flow" ? FLOW_CLASS : TASK_CLASS}.${hook}`,
      ...(isLambda ? {} : { receiver: name }),
    },
    message: `${inPrefect(ctx)}, Prefect calls each \`${hook}\` hook of a ${owner} with three positional arguments (${expected.join(", ")}), but \`${name}\` ${takes}, so every call raises TypeError and the hook's work never happens (Prefect only logs the error). Define it as \`${fixed}\`.`,
    fix: signatureFix(fn, params, signature, expected),
  });
}

function describe(s: Signature): string {
  if (s.requiredKeywordOnly > 0) return "requires keyword-only parameters";
  if (s.required > 3) return `requires ${s.required} positional parameters`;
  const n = s.positional.length;
  return n === 0 ? "takes no parameters" : `takes ${n === 1 ? "one parameter" : `${n} parameters`}`;
}

/**
 * The canonical parameters, keeping each original parameter (with its annotation) whose name is one of them. Safe
 * only when every original name is a canonical one, so the body still finds every name it uses.
 */
function signatureFix(fn: Node, params: Node | null, s: Signature, expected: readonly string[]): Fix | undefined {
  if (s.varPositional || s.requiredKeywordOnly > 0 || s.positional.length >= 3) return undefined;
  const others = named(params).filter((p) => !s.positional.includes(p));
  if (others.length > 0) return undefined;
  const byName = new Map(s.positional.map((p) => [parameterName(p), p.text]));
  if ([...byName.keys()].some((n) => !expected.includes(n))) return undefined;
  const list = expected.map((n) => byName.get(n) ?? n).join(", ");
  const description = `take (${expected.join(", ")})`;
  if (fn.type === "lambda") {
    if (params) return { description, edits: [{ start: params.startIndex, end: params.endIndex, text: list }] };
    const keyword = fn.children.find((c) => c.type === "lambda");
    return keyword
      ? { description, edits: [{ start: keyword.endIndex, end: keyword.endIndex, text: ` ${list}` }] }
      : undefined;
  }
  return params
    ? { description, edits: [{ start: params.startIndex, end: params.endIndex, text: `(${list})` }] }
    : undefined;
}

/**
 * A hook keyword given one function instead of a list (hook-not-a-list): `@flow(on_failure=cleanup)`. Prefect turns
 * the value into a list when the flow or task is defined, so a bare function raises "TypeError: Expected iterable for
 * 'on_failure'; got function instead" at import time, before anything runs. The fix wraps it: `on_failure=[cleanup]`.
 */
export function checkStateHookList(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    const owner = hookOwner(ctx, node);
    if (!owner) return true;
    for (const { name, value } of keywordArguments(node)) {
      if (!STATE_HOOK_KEYWORDS.has(name) || !owner.keywords.has(name) || !value) continue;
      // A lambda, or a name the snippet defines with `def`: one callable, which Prefect cannot iterate.
      const single =
        value.type === "lambda" || (value.type === "identifier" && ctx.model.definitionOf(value) !== undefined);
      if (!single) continue;
      ctx.report({
        rule: "hook-not-a-list",
        severity: "error",
        offset: value.startIndex,
        end: value.endIndex,
        subject: { name: `${owner.kind === "flow" ? FLOW_CLASS : TASK_CLASS}.${name}` },
        message: `${inPrefect(ctx)}, \`${name}=\` takes a list of hooks: given one function, defining the ${owner.kind} raises "TypeError: Expected iterable for '${name}'", so nothing runs at all. Pass \`${name}=[${value.type === "lambda" ? "..." : value.text}]\`.`,
        fix: {
          description: "wrap the hook in a list",
          edits: [
            { start: value.startIndex, end: value.startIndex, text: "[" },
            { start: value.endIndex, end: value.endIndex, text: "]" },
          ],
        },
      });
    }
    return true;
  });
}
