// Rules that check names against the release's API facts: imports, attribute chains, members and keyword arguments.
// They report unknown-symbol, wrong-module, unknown-attribute, unknown-parameter, removed-in-version,
// not-yet-available and deprecated.
import { type DiagnosisSubject, editDistance, type TextEdit } from "../../core/index.js";
import { INSTANCE_CALLABLES, type Presence } from "../../knowledge/index.js";
import { decoratorMember, isPrefectName, type PyType } from "../analysis/python-model.js";
import { field, keywordArguments, named, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** Modules whose attributes are created at run time (`prefect.runtime.flow_run.id`, settings by name). */
function isDynamicName(fq: string): boolean {
  return /^prefect\.runtime(\.|$)/.test(fq) || /^prefect\.settings\.PREFECT_/.test(fq);
}

/** Private names (`prefect._internal`, `_experimental`, `_sync=`) are outside the public API the facts describe. */
function isPrivateName(fq: string): boolean {
  return fq.split(".").some((part) => part.startsWith("_"));
}

/** Places a name can be imported from that are not where users should import it from. */
const NOT_A_HOME = /^prefect\.(main|server|cli|testing)\.|\._|\.orm_models\.|\.jinja_filters\./;

/** Guidance for members that support threads keep inventing. */
const MEMBER_HINTS: Record<string, string> = {
  "prefect.flows.Flow.submit":
    "Only tasks have .submit(). Call the subflow directly (it runs and returns its result), or wrap the call in a task and submit that task.",
  "prefect.flows.Flow.map":
    "Only tasks have .map(). Loop over the inputs and call the subflow, or map a task that calls it.",
  "prefect.client.schemas.objects.FlowRun.wait":
    "run_deployment() returns a FlowRun record, not a future; it already blocks until the run finishes unless timeout=0. To wait on a run id, await prefect.flow_runs.wait_for_flow_run(...).",
  "prefect.client.schemas.objects.FlowRun.result":
    "run_deployment() returns a FlowRun record, not a future; read flow_run.state.result() once the run has finished (it needs the child's result persisted).",
};

/**
 * Keywords that were dropped because what they asked for became the only behaviour: removing them changes nothing
 * (3.x `State.result()` always fetches persisted results).
 */
const NO_OP_KEYWORDS: Record<string, string> = {
  "prefect.client.schemas.objects.State.result.fetch": "the result is always fetched now",
};

/** Classes whose data fields are all in the facts, so reading any other attribute is an error too. */
const FIELD_COMPLETE = new Set(["prefect.client.schemas.objects.FlowRun", "prefect.client.schemas.objects.TaskRun"]);

export function checkImports(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type === "import_statement") {
      for (const item of named(node)) {
        const nameNode = item.type === "aliased_import" ? field(item, "name") : item;
        if (nameNode?.type !== "dotted_name") continue;
        const fq = nameNode.text.replace(/\s+/g, "");
        if (isPrefectName(fq)) checkModulePath(ctx, fq, nameNode);
      }
      return false;
    }
    if (node.type === "import_from_statement") {
      checkFromImport(ctx, node);
      return false;
    }
    return true;
  });
}

/** Checks `prefect.a.b` and reports only the first part of the path that is wrong. */
function checkModulePath(ctx: RuleContext, fq: string, at: Node): boolean {
  const parts = fq.split(".");
  for (let i = 2; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(".");
    if (isPrivateName(prefix) || isDynamicName(prefix)) return true;
    const presence = ctx.facts.presence(prefix, ctx.release);
    if (presence.status !== "present") {
      reportAbsence(ctx, prefix, presence, at);
      return false;
    }
    reportIfDeprecated(ctx, prefix, at);
  }
  return true;
}

function checkFromImport(ctx: RuleContext, node: Node): void {
  const moduleNode = field(node, "module_name");
  if (moduleNode?.type !== "dotted_name") return;
  const module = moduleNode.text.replace(/\s+/g, "");
  if (!isPrefectName(module) || !checkModulePath(ctx, module, moduleNode)) return;
  const items = node.childrenForFieldName("name");
  for (const item of items) {
    const nameNode = item.type === "aliased_import" ? field(item, "name") : item;
    if (!nameNode) continue;
    const name = nameNode.text;
    const fq = `${module}.${name}`;
    if (isPrivateName(fq) || isDynamicName(fq)) continue;
    const presence = ctx.facts.presence(fq, ctx.release);
    if (presence.status === "present") {
      reportIfDeprecated(ctx, fq, nameNode);
      continue;
    }
    if (presence.status === "not-yet" && reportEarlierHome(ctx, node, items, item, nameNode, fq, presence)) continue;
    const home = homeInRelease(ctx, name, fq);
    const rewrite = home ? importRewrite(ctx.code, node, items, item, home.slice(0, -(name.length + 1))) : undefined;
    if (presence.status === "unknown" && home) {
      ctx.report({
        rule: "wrong-module",
        severity: "error",
        ...about(nameNode, { name: fq, home }),
        message: `${inPrefect(ctx)}, \`${name}\` cannot be imported from \`${module}\`: it lives in \`${home}\`.`,
        fix: rewrite
          ? { description: `import ${name} from ${home.slice(0, -(name.length + 1))}`, edits: rewrite }
          : undefined,
      });
      continue;
    }
    // A removed name gets the import rewritten only when the curated replacement points at the new home.
    const replacement = presence.status === "removed" ? presence.replacement : undefined;
    const homeModule = home?.slice(0, -(name.length + 1));
    const fixable = replacement && homeModule && replacement.includes(homeModule) ? rewrite : undefined;
    reportAbsence(
      ctx,
      fq,
      presence,
      nameNode,
      fixable && homeModule ? { module: homeModule, edits: fixable } : undefined,
    );
  }
}

/**
 * A name imported from the module it moved to later (`from prefect.flow_runs import pause_flow_run` on 2.20), while
 * the release already has it under the same top-level name: `from prefect import X` is the stable spelling when
 * `prefect.X` exists in the release and, in the release that added the written path, is that very symbol. Then the
 * import is rewritten rather than the name removed. Another module's same-named thing (2.16's schema `Variable` for
 * `prefect.variables.Variable`) is not offered: it is not the same object.
 */
function reportEarlierHome(
  ctx: RuleContext,
  statement: Node,
  items: Node[],
  item: Node,
  nameNode: Node,
  fq: string,
  presence: { firstRelease: string },
): boolean {
  const name = nameNode.text;
  const top = `prefect.${name}`;
  if (ctx.facts.presence(top, ctx.release).status !== "present") return false;
  const then = presence.firstRelease;
  const written = ctx.facts.resolve(fq, then)?.name ?? fq;
  if ((ctx.facts.resolve(top, then)?.name ?? top) !== written) return false;
  const edits = importRewrite(ctx.code, statement, items, item, "prefect");
  ctx.report({
    rule: "not-yet-available",
    severity: "error",
    ...about(nameNode, { name: fq, home: top }),
    message: `${inPrefect(ctx)}, \`${fq}\` does not exist yet: it was added in ${then}. This release has the same function as \`${top}\`: \`from prefect import ${name}\`.`,
    fix: edits ? { description: `import ${name} from prefect`, edits } : undefined,
  });
  return true;
}

/** Where a name can be imported from in the release, when it is not where the snippet looked. */
function homeInRelease(ctx: RuleContext, name: string, wrong: string): string | undefined {
  const usable = (fq: string) => fq !== wrong && fq.endsWith(`.${name}`) && !NOT_A_HOME.test(fq) && !fq.includes("._");
  for (const fq of ctx.facts.locate(name, ctx.release)) {
    // Prefer the defining module over a module that merely imports the name (prefect.flows re-exports runners).
    const defining = ctx.facts.resolve(fq, ctx.release)?.name ?? fq;
    if (usable(defining)) return defining;
    if (usable(fq)) return fq;
  }
  return undefined;
}

/** Edits that move one imported name to another module, keeping the rest of the statement. */
function importRewrite(
  code: string,
  statement: Node,
  items: Node[],
  item: Node,
  module: string,
): TextEdit[] | undefined {
  const moduleNode = field(statement, "module_name");
  if (!moduleNode) return undefined;
  if (items.length === 1) return [{ start: moduleNode.startIndex, end: moduleNode.endIndex, text: module }];
  const index = items.findIndex((i) => i.id === item.id);
  const removal =
    index < items.length - 1
      ? { start: item.startIndex, end: items[index + 1]!.startIndex, text: "" }
      : { start: items[index - 1]!.endIndex, end: item.endIndex, text: "" };
  const lineStart = code.lastIndexOf("\n", statement.startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(code.slice(lineStart))![0];
  return [
    removal,
    { start: statement.endIndex, end: statement.endIndex, text: `\n${indent}from ${module} import ${item.text}` },
  ];
}

/** Where a draft about a node sits: its range, and what it names. */
function about(at: Node, subject: DiagnosisSubject) {
  return { offset: at.startIndex, end: at.endIndex, subject };
}

function reportAbsence(
  ctx: RuleContext,
  fq: string,
  presence: Presence,
  at: Node,
  rewrite?: { module: string; edits: TextEdit[] },
): void {
  switch (presence.status) {
    case "removed": {
      const replacement = presence.replacement ?? ctx.facts.replacement(fq);
      ctx.report({
        rule: "removed-in-version",
        severity: "error",
        ...about(at, { name: fq }),
        message: `${inPrefect(ctx)}, \`${fq}\` no longer exists: the last release that has it is ${presence.lastRelease}.${replacement ? ` ${replacement}` : ""}`,
        fix: rewrite ? { description: `import it from ${rewrite.module}`, edits: rewrite.edits } : undefined,
      });
      return;
    }
    case "not-yet":
      ctx.report({
        rule: "not-yet-available",
        severity: "error",
        ...about(at, { name: fq }),
        message: `${inPrefect(ctx)}, \`${fq}\` does not exist yet: it was added in ${presence.firstRelease}.`,
      });
      return;
    case "unknown": {
      const short = fq.split(".").at(-1)!;
      const elsewhere = otherRelease(ctx, short);
      if (elsewhere) {
        ctx.report(elsewhere.draft(at, fq));
        return;
      }
      const suggestions = ctx.facts.suggest(fq, ctx.release).slice(0, 3);
      ctx.report({
        rule: "unknown-symbol",
        severity: "error",
        ...about(at, { name: fq }),
        message: `\`${fq}\` does not exist in any Prefect release from ${ctx.facts.releases[0]} to ${ctx.facts.latest}.${suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(", ")}?` : ""}`,
      });
      return;
    }
    default:
      return;
  }
}

/** A name that is nowhere in this release but exists (somewhere) in another one. */
function otherRelease(ctx: RuleContext, short: string) {
  const candidates = [
    ...ctx.facts.locate(short, ctx.facts.latest),
    ...ctx.facts.locate(short, ctx.facts.latestOfMajor(2)),
  ].filter((fq) => !NOT_A_HOME.test(fq));
  for (const fq of candidates) {
    const presence = ctx.facts.presence(fq, ctx.release);
    if (presence.status === "not-yet") {
      return {
        draft: (at: Node, written: string) => ({
          rule: "not-yet-available" as const,
          severity: "error" as const,
          ...about(at, { name: written, home: fq }),
          message: `${inPrefect(ctx)}, \`${written}\` does not exist: \`${fq}\` was added in ${presence.firstRelease}.`,
        }),
      };
    }
    if (presence.status === "removed") {
      const replacement = presence.replacement ?? ctx.facts.replacement(fq);
      return {
        draft: (at: Node, written: string) => ({
          rule: "removed-in-version" as const,
          severity: "error" as const,
          ...about(at, { name: written, home: fq }),
          message: `${inPrefect(ctx)}, \`${written}\` does not exist: \`${fq}\` was last available in ${presence.lastRelease}.${replacement ? ` ${replacement}` : ""}`,
        }),
      };
    }
  }
  return undefined;
}

function reportIfDeprecated(ctx: RuleContext, fq: string, at: Node): void {
  if (!ctx.facts.isDeprecated(fq, ctx.release)) return;
  const replacement = ctx.facts.replacement(fq);
  ctx.report({
    rule: "deprecated",
    severity: "warning",
    ...about(at, { name: fq }),
    message: `${inPrefect(ctx)}, \`${fq}\` is deprecated and may be removed in a later release.${replacement ? ` ${replacement}` : ""}`,
  });
}

/** Attribute chains on prefect modules, classes and typed values. */
export function checkAttributes(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type === "import_statement" || node.type === "import_from_statement") return false;
    if (node.type === "attribute") checkAttribute(ctx, node);
    return true;
  });
}

function checkAttribute(ctx: RuleContext, node: Node): void {
  const object = field(node, "object");
  const attrNode = field(node, "attribute");
  if (!object || !attrNode) return;
  const attr = attrNode.text;
  if (attr.startsWith("_") || isAssignmentTarget(node)) return;
  const owner = ctx.model.typeOf(object);
  if (owner.t === "module") {
    const fq = `${owner.fq}.${attr}`;
    if (isDynamicName(fq)) return;
    const presence = ctx.facts.presence(fq, ctx.release);
    if (presence.status === "present") reportIfDeprecated(ctx, fq, attrNode);
    else reportAbsence(ctx, fq, presence, attrNode);
    return;
  }
  if (owner.t === "symbol") {
    const member = decoratorMember(ctx.facts.resolve(owner.fq, ctx.release)?.name ?? owner.fq, attr);
    const presence = member ? ctx.facts.presence(member, ctx.release) : undefined;
    if (member && presence && presence.status !== "present" && presence.status !== "unknown") {
      reportAbsence(ctx, member, presence, attrNode);
      return;
    }
  }
  const called = node.parent?.type === "call" && field(node.parent, "function")?.id === node.id;
  if (owner.t === "none") {
    reportNoneMember(ctx, owner, object.text, attr, attrNode, called);
    return;
  }
  const cls = classOfOwner(ctx, owner);
  if (cls) checkMember(ctx, cls, attr, attrNode, called);
  else if (owner.t === "future" && called) checkFutureMember(ctx, attr, attrNode);
}

function classOfOwner(ctx: RuleContext, owner: PyType): string | undefined {
  if (owner.t === "symbol") {
    const fact = ctx.facts.resolve(owner.fq, ctx.release);
    return fact?.kind === "class" ? fact.name : undefined;
  }
  return ctx.model.classOf(owner);
}

function checkMember(ctx: RuleContext, cls: string, attr: string, at: Node, called: boolean): void {
  const members = ctx.facts.members(cls, ctx.release);
  if (!members) return;
  const fq = `${cls}.${attr}`;
  if (members.names.includes(attr)) {
    reportIfDeprecated(ctx, fq, at);
    return;
  }
  const presence = ctx.facts.presence(fq, ctx.release);
  if (presence.status === "removed" || presence.status === "not-yet") {
    // Class-level data attributes are read from source less reliably than methods, so only methods count here.
    if (presence.fact.kind !== "attribute" || FIELD_COMPLETE.has(cls)) reportAbsence(ctx, fq, presence, at);
    return;
  }
  if (!members.complete || INSTANCE_CALLABLES.has(attr)) return;
  if (!called && !FIELD_COMPLETE.has(cls)) return;
  const short = cls.split(".").at(-1);
  const hint = MEMBER_HINTS[fq];
  const receiver = at.parent?.type === "attribute" ? field(at.parent, "object")?.text : undefined;
  ctx.report({
    rule: "unknown-attribute",
    severity: "error",
    ...about(at, receiver ? { name: fq, receiver } : { name: fq }),
    message: `${inPrefect(ctx)}, \`${short}\` objects have no \`${attr}${called ? "()" : ""}\` (\`${cls}\`).${hint ? ` ${hint}` : ""}`,
  });
}

/** `state = fut.wait(); state.is_failed()`: the callable returns None in this release, so any member access fails. */
function reportNoneMember(
  ctx: RuleContext,
  owner: Extract<PyType, { t: "none" }>,
  value: string,
  attr: string,
  at: Node,
  called: boolean,
): void {
  const callable = displayName(owner.callable);
  const waited =
    /^prefect\.futures\.\w+\.wait$/.test(owner.callable) &&
    ctx.facts.presence("prefect.futures.PrefectFuture.state", ctx.release).status === "present";
  const receiver = owner.receiver ?? "future";
  const before = ctx.facts.returns(owner.callable, ctx.facts.latestOfMajor(2));
  const history = ctx.major === 3 && before && /\bState\b/.test(before) ? " (in 2.x it returned a State)" : "";
  const hint = waited
    ? ` Call \`${receiver}.wait()\`, then read \`${receiver}.state\` (or use \`${receiver}.result()\` for the value).`
    : "";
  const fix = waited
    ? (readStateAfterWait(ctx, owner.site, receiver) ?? waitBeforeStatement(ctx, owner.site, receiver, at))
    : undefined;
  ctx.report({
    rule: "unknown-attribute",
    severity: "error",
    // The subject is the call that returned None: its name and what it was called on (`fut` of `fut.wait()`).
    ...about(at, { name: owner.callable, receiver: owner.receiver ?? value }),
    message: `${inPrefect(ctx)}, \`${callable}()\` returns None${history}, so \`${value}.${attr}${called ? "()" : ""}\` raises AttributeError.${hint}`,
    fix,
  });
}

/** `state = fut.wait()` as a statement of its own becomes `fut.wait()` followed by `state = fut.state`. */
function readStateAfterWait(ctx: RuleContext, call: Node, receiver: string) {
  const assignment = call.parent;
  if (assignment?.type !== "assignment" || assignment.parent?.type !== "expression_statement") return undefined;
  const left = field(assignment, "left");
  if (left?.type !== "identifier" || field(assignment, "right")?.id !== call.id) return undefined;
  const lineStart = ctx.code.lastIndexOf("\n", assignment.startIndex - 1) + 1;
  const indent = ctx.code.slice(lineStart, assignment.startIndex);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  return {
    description: `wait, then read ${receiver}.state`,
    edits: [
      {
        start: assignment.startIndex,
        end: assignment.endIndex,
        text: `${call.text}\n${indent}${left.text} = ${receiver}.state`,
      },
    ],
  };
}

/** Statements a wait can be put in front of (an `elif` or a loop header would change meaning, so they are left). */
const STATEMENTS_BEFORE = new Set(["expression_statement", "return_statement", "if_statement"]);
/** Between the call and its statement: places where moving the wait earlier could change what runs or when. */
const CONDITIONAL = new Set([
  "boolean_operator",
  "conditional_expression",
  "lambda",
  "list_comprehension",
  "generator_expression",
  "set_comprehension",
  "dictionary_comprehension",
]);

/**
 * `if fut.wait().is_failed():` becomes `fut.wait()` on its own line, then `if fut.state.is_failed():`. Only for a
 * future held in a plain name, the wait read right away (`.wait().x`), in a statement that starts its line.
 */
function waitBeforeStatement(ctx: RuleContext, call: Node, receiver: string, at: Node) {
  if (!/^[A-Za-z_]\w*$/.test(receiver) || at.parent?.type !== "attribute") return undefined;
  if (field(at.parent, "object")?.id !== call.id) return undefined;
  let statement: Node | null = call.parent;
  while (statement && !STATEMENTS_BEFORE.has(statement.type)) {
    if (CONDITIONAL.has(statement.type) || statement.type === "block" || statement.type === "elif_clause")
      return undefined;
    statement = statement.parent;
  }
  if (!statement) return undefined;
  if (statement.type === "if_statement" && !(call.startIndex < (field(statement, "consequence")?.startIndex ?? 0)))
    return undefined;
  const lineStart = ctx.code.lastIndexOf("\n", statement.startIndex - 1) + 1;
  const indent = ctx.code.slice(lineStart, statement.startIndex);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  return {
    description: `wait, then read ${receiver}.state`,
    edits: [
      { start: statement.startIndex, end: statement.startIndex, text: `${call.text}\n${indent}` },
      { start: call.startIndex, end: call.endIndex, text: `${receiver}.state` },
    ],
  };
}

/** Futures: the union of the future classes of the release, so a concrete future's extras are never flagged. */
function checkFutureMember(ctx: RuleContext, attr: string, at: Node): void {
  const classes = ["PrefectFuture", "PrefectConcurrentFuture", "PrefectDistributedFuture", "PrefectWrappedFuture"];
  const known = new Set<string>(["__await__"]);
  let any = false;
  for (const name of classes) {
    const members = ctx.facts.members(`prefect.futures.${name}`, ctx.release);
    if (!members) continue;
    if (!members.complete) return;
    any = true;
    for (const n of members.names) known.add(n);
  }
  if (!any || known.has(attr)) return;
  ctx.report({
    rule: "unknown-attribute",
    severity: "error",
    ...about(at, { name: `prefect.futures.PrefectFuture.${attr}` }),
    message: `${inPrefect(ctx)}, task futures (\`prefect.futures.PrefectFuture\`) have no \`${attr}()\`; they offer ${[
      ...known,
    ]
      .filter((n) => !n.startsWith("_"))
      .sort()
      .map((n) => `.${n}`)
      .join(", ")}.`,
  });
}

function isAssignmentTarget(node: Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === "assignment" || parent?.type === "augmented_assignment") && field(parent, "left")?.id === node.id
  );
}

/** Keyword arguments a prefect callable does not take in the release. */
export function checkKeywords(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type === "call") checkCallKeywords(ctx, node);
    return true;
  });
}

function checkCallKeywords(ctx: RuleContext, call: Node): void {
  const keywords = keywordArguments(call);
  if (keywords.length === 0) return;
  const fnNode = field(call, "function");
  if (!fnNode) return;
  const callable = callableName(ctx, ctx.model.typeOf(fnNode));
  if (!callable) return;
  const params = paramsOf(ctx, callable);
  if (!params || params.some((p) => p.kind === "var_keyword")) return;
  const accepted = new Set(params.map((p) => p.name));
  for (const kw of keywords) {
    // Underscored keywords (`_sync=True`) are consumed by Prefect's sync/async decorators, not the signature.
    if (!kw.name || kw.name.startsWith("_") || accepted.has(kw.name)) continue;
    const noOp = NO_OP_KEYWORDS[`${callable}.${kw.name}`];
    ctx.report({
      rule: "unknown-parameter",
      severity: "error",
      ...about(kw.node, { name: callable, keyword: kw.name }),
      message: `${inPrefect(ctx)}, \`${displayName(callable)}\` does not accept \`${kw.name}=\`${parameterHistory(ctx, callable, kw.name)}${noOp ? ` Drop it: ${noOp}.` : closest(kw.name, [...accepted])}`,
      fix: noOp ? { description: `remove ${kw.name}=`, edits: [argumentRemoval(call, kw.node)] } : undefined,
    });
  }
}

/** The edit that deletes one argument together with the comma that joins it to its neighbour. */
function argumentRemoval(call: Node, arg: Node): TextEdit {
  const args = named(field(call, "arguments")).filter((a) => a.type !== "comment");
  const i = args.findIndex((a) => a.id === arg.id);
  if (i < args.length - 1) return { start: arg.startIndex, end: args[i + 1]!.startIndex, text: "" };
  if (i > 0) return { start: args[i - 1]!.endIndex, end: arg.endIndex, text: "" };
  return { start: arg.startIndex, end: arg.endIndex, text: "" };
}

/** The fully qualified callable behind a call target, when it is a prefect function, class or method. */
function callableName(ctx: RuleContext, callee: PyType): string | undefined {
  if (callee.t === "symbol") return ctx.facts.resolve(callee.fq, ctx.release)?.name;
  if (callee.t === "member") {
    const cls = classOfOwner(ctx, callee.owner);
    if (cls && !INSTANCE_CALLABLES.has(callee.name)) return `${cls}.${callee.name}`;
  }
  return undefined;
}

function paramsOf(ctx: RuleContext, callable: string) {
  // A name that is a class in some releases and an alias in others (ConcurrentTaskRunner) keeps its own __init__.
  const init = `${callable}.__init__`;
  const params =
    ctx.facts.params(callable, ctx.release) ??
    (ctx.facts.presence(init, ctx.release).status === "present" ? ctx.facts.params(init, ctx.release) : undefined);
  if (!params) return undefined;
  return params.filter((p) => p.name !== "self" && p.name !== "cls" && !p.name.startsWith("__"));
}

function displayName(callable: string): string {
  const parts = callable.split(".");
  const last = parts.at(-1)!;
  const owner = parts.at(-2) ?? "";
  return /^[A-Z]/.test(owner) ? `${owner}.${last}` : last;
}

/** ": it was added in 3.0.0." / ": it was accepted up to 2.20.25 (and again from 3.2.0)." from the releases, or ".". */
function parameterHistory(ctx: RuleContext, callable: string, name: string): string {
  const at = ctx.facts.releases.indexOf(ctx.release);
  let before: string | undefined;
  let after: string | undefined;
  ctx.facts.releases.forEach((release, i) => {
    if (i === at || (i > at && after)) return;
    if (!ctx.facts.params(callable, release)?.some((p) => p.name === name)) return;
    if (i < at) before = release;
    else after = release;
  });
  if (before && after) return `: it was accepted up to ${before} and again from ${after}.`;
  if (after) return `: it was added in ${after}.`;
  if (before) return `: it was accepted up to ${before}.`;
  return ".";
}

function closest(name: string, candidates: string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(name, c, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best ? ` Did you mean \`${best}=\`?` : "";
}
