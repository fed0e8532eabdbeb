// What happens to the futures a flow creates. In 3.x a flow does not wait for futures it never resolves: it can
// return while they still run, and the runner then cancels them (unresolved-futures). Resolving each future right
// after submitting it inside a loop runs the tasks one at a time (serial-submit).
import type { FunctionInfo } from "../analysis/python-model.js";
import { ancestor, field, named, targetNames, walk } from "../analysis/tree-walk.js";
import type { Node } from "../python-parser.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

const RESOLVERS = new Set(["wait", "as_completed", "resolve_futures_to_results", "resolve_futures_to_states"]);
const RESOLVING_METHODS = new Set(["result", "wait", "aresult", "wait_async"]);
const COLLECTING_METHODS = new Set(["append", "extend", "insert", "add", "update", "setdefault"]);
const SCOPE_NODES = ["function_definition", "lambda", "class_definition"];
const LOOPS = [
  "for_statement",
  "while_statement",
  "list_comprehension",
  "generator_expression",
  "set_comprehension",
  "dictionary_comprehension",
];

/** Call sites inside a function body (not inside nested functions) that produce futures. */
function futureSites(ctx: RuleContext, fn: Node): Node[] {
  const sites: Node[] = [];
  walk(fn, (node) => {
    if (node.id !== fn.id && SCOPE_NODES.includes(node.type)) return false;
    if (node.type === "call") {
      const t = ctx.model.typeOf(node).t;
      if (t === "future" || t === "futures") sites.push(node);
    }
    return true;
  });
  return sites;
}

interface Trace {
  /** Set when the value was handed to another future-producing call (that call is judged instead). */
  delegated: boolean;
  names: Set<string>;
  depth: number;
}

class FutureTracker {
  constructor(
    private readonly ctx: RuleContext,
    private readonly fn: Node,
  ) {}

  /** True when the value of `expr` reaches a `.result()`, `.wait()`, `wait()`, `as_completed()` or `return`. */
  resolves(expr: Node, trace: Trace): boolean {
    if (trace.depth > 40) return true;
    trace.depth++;
    try {
      return this.resolvesAt(expr, trace);
    } finally {
      trace.depth--;
    }
  }

  private resolvesAt(expr: Node, trace: Trace): boolean {
    const parent = expr.parent;
    if (!parent) return false;
    switch (parent.type) {
      case "parenthesized_expression":
      case "list":
      case "tuple":
      case "set":
      case "pair":
      case "dictionary":
      case "expression_list":
      case "conditional_expression":
        return this.resolves(parent, trace);
      case "list_comprehension":
      case "generator_expression":
      case "set_comprehension":
      case "dictionary_comprehension":
        return field(parent, "body")?.id === expr.id ? this.resolves(parent, trace) : true;
      case "return_statement":
      case "yield":
      case "await":
        return true;
      case "expression_statement":
        return false;
      case "attribute": {
        if (field(parent, "object")?.id !== expr.id) return true;
        // Reading `.state` or adding to a collection does not wait; anything else (.result(), .wait()) is taken
        // as resolving.
        const name = field(parent, "attribute")?.text ?? "";
        return name !== "state" && !COLLECTING_METHODS.has(name);
      }
      case "assignment": {
        if (field(parent, "right")?.id !== expr.id) return true;
        const left = field(parent, "left");
        return left?.type === "identifier" ? this.nameResolves(left.text, trace) : true;
      }
      case "augmented_assignment": {
        const left = field(parent, "left");
        return left?.type === "identifier" ? this.nameResolves(left.text, trace) : true;
      }
      case "keyword_argument":
        return parent.parent ? this.argumentResolves(parent.parent, trace) : true;
      case "argument_list":
        return this.argumentResolves(parent, trace);
      default:
        return true;
    }
  }

  /** A future passed as an argument: its fate is decided by what is called. */
  private argumentResolves(args: Node, trace: Trace): boolean {
    const call = args.parent;
    if (call?.type !== "call") return true;
    const fnNode = field(call, "function");
    if (!fnNode) return true;
    const shortName = fnNode.type === "attribute" ? field(fnNode, "attribute")?.text : fnNode.text;
    const callee = this.ctx.model.typeOf(fnNode);
    if (callee.t === "symbol" && RESOLVERS.has(callee.fq.split(".").at(-1)!)) return true;
    if (callee.t === "unknown" && shortName && RESOLVERS.has(shortName)) return true;
    const produced = this.ctx.model.typeOf(call).t;
    if (produced === "future" || produced === "futures") {
      // Handed to another submit: resolved exactly when that downstream future is.
      trace.delegated = true;
      return this.resolves(call, trace);
    }
    if (fnNode.type === "attribute" && COLLECTING_METHODS.has(shortName ?? "")) {
      const holder = field(fnNode, "object");
      return holder?.type === "identifier" ? this.nameResolves(holder.text, trace) : true;
    }
    // A direct task or flow call waits for its inputs; an unknown function may resolve them: either way, no alarm.
    return true;
  }

  /** True when some use of a local name resolves the futures it holds. */
  nameResolves(name: string, trace: Trace): boolean {
    if (trace.names.has(name)) return false;
    trace.names.add(name);
    for (const use of this.uses(name)) {
      const parent = use.parent;
      if (parent?.type === "for_statement" && field(parent, "right")?.id === use.id) {
        if (targetNames(field(parent, "left")).some((n) => this.nameResolves(n, trace))) return true;
        continue;
      }
      if (parent?.type === "for_in_clause" && field(parent, "right")?.id === use.id) {
        const comprehension = parent.parent;
        const targets = targetNames(field(parent, "left"));
        if (comprehension && targets.some((n) => this.usesIn(comprehension, n).some((u) => this.resolves(u, trace))))
          return true;
        if (comprehension && this.resolves(comprehension, trace)) return true;
        continue;
      }
      if (this.resolves(use, trace)) return true;
    }
    return false;
  }

  /** Identifier uses of a name in the function body, excluding places that bind it. */
  private uses(name: string): Node[] {
    return this.usesIn(this.fn, name);
  }

  private usesIn(root: Node, name: string): Node[] {
    const found: Node[] = [];
    walk(root, (node) => {
      if (node.id !== root.id && SCOPE_NODES.includes(node.type)) return false;
      if (node.type === "identifier" && node.text === name && !isBinding(node)) found.push(node);
      return true;
    });
    return found;
  }
}

function isBinding(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "assignment" || parent.type === "augmented_assignment") {
    return field(parent, "left")?.id === node.id && parent.type === "assignment";
  }
  if (parent.type === "for_statement" || parent.type === "for_in_clause") return field(parent, "left")?.id === node.id;
  if (["pattern_list", "tuple_pattern", "as_pattern_target", "keyword_argument", "parameters"].includes(parent.type)) {
    return parent.type !== "keyword_argument" || field(parent, "name")?.id === node.id;
  }
  return false;
}

export function checkUnresolvedFutures(ctx: RuleContext): void {
  if (ctx.major !== 3) return;
  for (const fn of ctx.model.functions.filter((f) => f.kind === "flow")) {
    const tracker = new FutureTracker(ctx, fn.node);
    for (const site of futureSites(ctx, fn.node)) {
      const trace: Trace = { delegated: false, names: new Set(), depth: 0 };
      if (tracker.resolves(site, trace) || trace.delegated) continue;
      reportUnresolved(ctx, fn, site);
    }
  }
}

function reportUnresolved(ctx: RuleContext, fn: FunctionInfo, site: Node): void {
  const callee = field(site, "function")?.text ?? "the task";
  const statement = site.parent?.type === "expression_statement" ? site.parent : null;
  const body = field(fn.node, "body");
  const lastStatement = named(body)
    .filter((n) => n.type !== "comment")
    .at(-1);
  // Waiting on a discarded future at the very end of the flow changes nothing else, so that one is safe to fix.
  const safeFix = statement && lastStatement?.id === statement.id && !ancestor(site, LOOPS, ["function_definition"]);
  ctx.report({
    rule: "unresolved-futures",
    severity: "error",
    offset: site.startIndex,
    end: site.endIndex,
    message: `${inPrefect(ctx)}, the future from \`${callee}(...)\` in flow \`${fn.name}\` is never resolved: nothing calls .result() or .wait() on it, passes it to wait() or as_completed(), or returns it. A 3.x flow does not wait for such futures, so it can finish first and its unfinished task runs are cancelled and marked Crashed.`,
    fix: safeFix
      ? {
          description: "wait for the task before the flow returns",
          edits: [{ start: site.endIndex, end: site.endIndex, text: ".wait()" }],
        }
      : undefined,
  });
}

export function checkSerialSubmit(ctx: RuleContext): void {
  for (const fn of ctx.model.functions) {
    for (const site of futureSites(ctx, fn.node)) {
      if (ctx.model.typeOf(site).t !== "future") continue;
      const loop = ancestor(site, LOOPS, SCOPE_NODES);
      if (!loop) continue;
      const waited = immediateWait(site) ?? waitInSameIteration(site, loop);
      if (!waited) continue;
      const method = field(waited, "attribute")?.text ?? "result";
      ctx.report({
        rule: "serial-submit",
        severity: "warning",
        offset: waited.startIndex,
        end: waited.endIndex,
        message: `${inPrefect(ctx)}, calling .${method}() on each future inside the loop that submits it waits for every task before the next one starts, so the tasks run one at a time. Submit them all first, then resolve the collected futures (${ctx.major === 3 ? "wait(futures) from prefect.futures, or " : ""}[f.result() for f in futures]).`,
      });
    }
  }
}

/** `task.submit(x).result()`: the attribute node of the immediate wait. */
function immediateWait(site: Node): Node | undefined {
  const parent = site.parent;
  if (parent?.type !== "attribute" || field(parent, "object")?.id !== site.id) return undefined;
  return RESOLVING_METHODS.has(field(parent, "attribute")?.text ?? "") && parent.parent?.type === "call"
    ? parent
    : undefined;
}

/** `f = task.submit(x)` then `f.result()` later in the same loop body. */
function waitInSameIteration(site: Node, loop: Node): Node | undefined {
  const assignment = site.parent;
  if (assignment?.type !== "assignment" || field(assignment, "right")?.id !== site.id) return undefined;
  const left = field(assignment, "left");
  if (left?.type !== "identifier") return undefined;
  let found: Node | undefined;
  walk(loop, (node) => {
    if (found) return false;
    if (node.id !== loop.id && SCOPE_NODES.includes(node.type)) return false;
    if (node.type === "attribute" && node.startIndex > site.endIndex) {
      const object = field(node, "object");
      const method = field(node, "attribute")?.text ?? "";
      if (
        object?.type === "identifier" &&
        object.text === left.text &&
        RESOLVING_METHODS.has(method) &&
        node.parent?.type === "call"
      ) {
        found = node;
      }
    }
    return true;
  });
  return found;
}
