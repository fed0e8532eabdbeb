// Repairs for the behavioural rules, applied only when the linter reported the rule: serial submits (submit all,
// then resolve), async tasks called from a sync flow (the flow becomes async and awaits them), and work a process
// pool cannot pickle (nested tasks and lambdas move to module level, or the flow falls back to threads). Each repair
// reads the tree-sitter tree of the code and returns TextEdits of it; the caller lints the result again.
import type { RuleId, TextEdit } from "../../../core/index.js";
import { applyEdits, field, named } from "../../../lint/index.js";
import {
  afterImportsOffset,
  closest,
  type FunctionDef,
  findAll,
  functionDefs,
  importEdit,
  indentBefore,
  lineEndOf,
  lineStartOf,
  mentionsName,
  methodCall,
  type PythonNode,
  type PythonTree,
  parseTree,
} from "./python-tree.js";
import { withImport } from "./subflow-repairs.js";

export interface StructuralFinding {
  rule: RuleId;
  text: string;
}

/** One repair: the edits of the first place it applies to, and what it did; null when it applies nowhere. */
type Repair = (tree: PythonTree) => { edits: TextEdit[]; text: string; after?: (code: string) => string } | null;

const RESOLVES = new Set(["result", "wait"]);

/** An identifier that names a value (not the attribute after a dot, not a keyword argument's name). */
function isReference(n: PythonNode): boolean {
  if (n.type !== "identifier") return false;
  const parent = n.parent;
  if (parent?.type === "attribute") return field(parent, "attribute")?.id !== n.id;
  if (parent?.type === "keyword_argument") return field(parent, "name")?.id !== n.id;
  return true;
}

/** `task.submit(...)` on a plain name: the call and the task's name. */
function submitOf(node: PythonNode | null | undefined): { call: PythonNode; task: string } | null {
  const m = node ? methodCall(node) : null;
  return m && m.method === "submit" && m.object.type === "identifier" ? { call: node!, task: m.object.text } : null;
}

/** `task.submit(...).result()` (or `.wait()`) with no arguments: the outer call, its method and the submit. */
function chainedWait(node: PythonNode): { call: PythonNode; method: string; submit: PythonNode; task: string } | null {
  const fn = node.type === "call" ? field(node, "function") : null;
  const method = fn?.type === "attribute" ? field(fn, "attribute")?.text : undefined;
  if (!fn || !method || !RESOLVES.has(method) || named(field(node, "arguments")).length > 0) return null;
  const inner = submitOf(field(fn, "object"));
  return inner ? { call: node, method, submit: inner.call, task: inner.task } : null;
}

/** The edit deleting a statement's whole line(s). */
function lineRemoval(code: string, node: PythonNode): TextEdit {
  const end = lineEndOf(code, node.endIndex);
  return { start: lineStartOf(code, node.startIndex), end: end < code.length ? end + 1 : end, text: "" };
}

/**
 * `for v in xs: ... t.submit(a).result() ...` (or `f = t.submit(a)` then `f.result()` in the same body) → submit
 * every task first, then resolve them in the loop.
 */
const serialLoop: Repair = ({ root, code }) => {
  for (const loop of findAll(root, (n) => n.type === "for_statement")) {
    const target = field(loop, "left");
    const iter = field(loop, "right");
    const body = field(loop, "body");
    if (target?.type !== "identifier" || !iter || !body) continue;
    const chained = findAll(body, (n) => chainedWait(n) !== null).map((n) => chainedWait(n)!);
    const assigned = findAll(
      body,
      (n) => n.type === "assignment" && field(n, "left")?.type === "identifier" && !!submitOf(field(n, "right")),
    );
    let submit: PythonNode;
    let task: string;
    let future: string;
    const edits: TextEdit[] = [];
    if (chained.length === 1 && assigned.length === 0) {
      const c = chained[0]!;
      [submit, task, future] = [c.submit, c.task, "future"];
      edits.push({ start: c.call.startIndex, end: c.call.endIndex, text: `future.${c.method}()` });
    } else if (chained.length === 0 && assigned.length === 1) {
      const a = assigned[0]!;
      const s = submitOf(field(a, "right"))!;
      [submit, task, future] = [s.call, s.task, field(a, "left")!.text];
      const waited = findAll(body, (n) => {
        const m = methodCall(n);
        return !!m && m.object.text === future && RESOLVES.has(m.method);
      });
      if (waited.length === 0 || a.parent?.type !== "expression_statement") continue;
      edits.push(lineRemoval(code, a.parent));
    } else continue;
    // Arguments that depend on what the loop body computes cannot be submitted ahead.
    const args = field(submit, "arguments")!;
    const locals = findAll(body, (n) => n.type === "assignment" && field(n, "left")?.type === "identifier")
      .map((n) => field(n, "left")!.text)
      .filter((name) => name !== future);
    if (locals.some((name) => mentionsName(args, name))) continue;
    const v = target.text;
    const futures = `${task}_futures`;
    const pad = indentBefore(code, loop);
    // The loop variable stays when the rest of the body still uses it.
    const rest = findAll(body, (n) => isReference(n) && n.text === v).filter(
      (n) => !(n.startIndex >= submit.startIndex && n.endIndex <= submit.endIndex),
    );
    const header =
      rest.length > 0 ? `for ${v}, ${future} in zip(${iter.text}, ${futures})` : `for ${future} in ${futures}`;
    edits.push(
      {
        start: loop.startIndex,
        end: loop.startIndex,
        text: `${futures} = [${task}.submit${args.text} for ${v} in ${iter.text}]  # submit all first\n${pad}`,
      },
      { start: loop.startIndex, end: iter.endIndex, text: header },
    );
    return { edits, text: "Orca submits every task first and resolves the futures afterwards." };
  }
  return null;
};

/** `[t.submit(a).result() for v in xs]` → `[f.result() for f in [t.submit(a) for v in xs]]`. */
const serialComprehension: Repair = ({ root }) => {
  for (const comprehension of findAll(root, (n) => n.type === "list_comprehension")) {
    const body = field(comprehension, "body");
    const chained = body ? chainedWait(body) : null;
    if (!body || !chained || chained.method !== "result") continue;
    const clauses = comprehension.text.slice(body.endIndex - comprehension.startIndex, -1).trim();
    return {
      edits: [
        {
          start: comprehension.startIndex,
          end: comprehension.endIndex,
          text: `[future.result() for future in [${chained.submit.text} ${clauses}]]`,
        },
      ],
      text: "Orca submits every task first (inner list) and then resolves the futures.",
    };
  }
  return null;
};

const within = (node: PythonNode, def: FunctionDef) =>
  node.startIndex >= def.node.startIndex && node.endIndex <= def.node.endIndex;

/** The sync flows that call async tasks directly become `async def` and await those calls. */
const asyncFlows: Repair = ({ root }) => {
  const defs = functionDefs(root);
  const asyncTasks = new Set(defs.filter((d) => d.isTask && d.isAsync).map((d) => d.name));
  if (asyncTasks.size === 0) return null;
  const edits: TextEdit[] = [];
  const changed: string[] = [];
  for (const flow of defs.filter((d) => d.isFlow && !d.isAsync)) {
    const calls = findAll(flow.node, (n) => {
      const fn = n.type === "call" ? field(n, "function") : null;
      return fn?.type === "identifier" && asyncTasks.has(fn.text) && n.parent?.type !== "await";
    });
    if (calls.length === 0) continue;
    // Other functions calling this flow would get a coroutine; only entry-point calls are rewritten.
    if (defs.some((d) => d !== flow && !within(flow.node, d) && mentionsName(d.node, flow.name))) continue;
    const def = flow.node.children.find((c) => c.type === "def")!;
    edits.push({ start: def.startIndex, end: def.startIndex, text: "async " });
    for (const call of calls) edits.push({ start: call.startIndex, end: call.startIndex, text: "await " });
    changed.push(flow.name);
  }
  if (changed.length === 0) return null;
  // Entry points (calls outside every function) run the now-async flows with asyncio.run.
  const entries = findAll(root, (n) => {
    const fn = n.type === "call" ? field(n, "function") : null;
    if (fn?.type !== "identifier" || !changed.includes(fn.text)) return false;
    if (closest(n, ["function_definition", "decorator"])) return false;
    return n.parent?.parent?.type !== "call" || field(n.parent.parent, "function")?.text !== "asyncio.run";
  });
  for (const call of entries)
    edits.push(
      { start: call.startIndex, end: call.startIndex, text: "asyncio.run(" },
      { start: call.endIndex, end: call.endIndex, text: ")" },
    );
  return {
    edits,
    text:
      `Orca made ${changed.map((f) => `\`${f}\``).join(", ")} an \`async def\` flow that awaits the async task calls and ` +
      "starts it with `asyncio.run(...)`; to run the calls concurrently, `await asyncio.gather(*(task(x) for x in items))`.",
    // `import asyncio` leads, set apart from third-party imports.
    after: (out) => {
      const tree = parseTree(out);
      if (!tree || !importEdit(tree, "asyncio")) return out;
      return `import asyncio\n${out.startsWith("from ") ? "\n" : ""}${out}`;
    },
  };
};

/** Names a flow binds before `at`: its parameters and what its body assigns. */
function flowLocals(flow: FunctionDef, at: number): string[] {
  const params = named(field(flow.node, "parameters")).map((p) =>
    p.type === "identifier" ? p.text : (field(p, "name") ?? named(p).find((c) => c.type === "identifier"))?.text,
  );
  const assigned = findAll(
    flow.node,
    (n) => n.type === "assignment" && n.startIndex < at && field(n, "left")?.type === "identifier",
  ).map((n) => field(n, "left")!.text);
  return [...params, ...assigned].filter((n): n is string => !!n && n !== "self");
}

/** Nested `@task` functions in a flow move to module level when they use nothing from the flow. */
const hoistNestedTasks: Repair = ({ root, code }) => {
  const defs = functionDefs(root);
  for (const flow of defs.filter((d) => d.isFlow)) {
    const task = defs.find((d) => d.isTask && d !== flow && within(d.node, flow));
    if (!task) continue;
    const own = new Set(flowLocals(task, task.node.endIndex));
    const body = field(task.node, "body");
    const closure = flowLocals(flow, task.outer.startIndex).filter((n) => !own.has(n));
    if (!body || closure.some((n) => mentionsName(body, n))) continue;
    const start = lineStartOf(code, task.outer.startIndex);
    const next = (offset: number) => {
      const e = lineEndOf(code, offset);
      return e < code.length ? e + 1 : e;
    };
    let end = next(task.node.endIndex);
    // Blank lines the task leaves behind go too, when they would follow a blank line or the flow's header.
    const previous = start > 0 ? code.slice(lineStartOf(code, start - 1), start - 1).trim() : "x";
    if (previous === "" || previous.endsWith(":"))
      while (end < code.length && code.slice(end, lineEndOf(code, end)).trim() === "") end = next(end);
    const indent = task.outer.startIndex - start;
    const moved = code
      .slice(start, end)
      .split("\n")
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join("\n")
      .trimEnd();
    const at = lineStartOf(code, flow.outer.startIndex);
    return {
      edits: [
        { start: at, end: at, text: `${moved}\n\n\n` },
        { start, end, text: "" },
      ],
      text: `Orca moved task \`${task.name}\` to module level, where worker processes can import it.`,
    };
  }
  return null;
};

/** Names a self-contained lambda may use besides its parameters. */
const BUILTINS = new Set(["abs", "len", "min", "max", "round", "str", "int", "float", "sum", "sorted"]);

/** `lambda a: expr` passed to submitted tasks → a named module-level function, when the lambda is self-contained. */
const nameLambdas: Repair = (tree) => {
  const { root, code } = tree;
  const lambda = findAll(root, (n) => {
    if (n.type !== "lambda") return false;
    for (let p = n.parent; p; p = p.parent) {
      const m = methodCall(p);
      if (m && (m.method === "submit" || m.method === "map")) return true;
    }
    return false;
  })[0];
  const body = lambda ? field(lambda, "body") : null;
  if (!lambda || !body) return null;
  const params = named(field(lambda, "parameters"));
  if (params.some((p) => p.type !== "identifier")) return null;
  const names = params.map((p) => p.text);
  const free = findAll(body, isReference);
  if (free.some((n) => !names.includes(n.text) && !BUILTINS.has(n.text))) return null;
  let name = "transform_value";
  while (mentionsName(root, name)) name = `${name}_`;
  const outermost = functionDefs(root).find((d) => within(lambda, d));
  const at = outermost ? lineStartOf(code, outermost.outer.startIndex) : afterImportsOffset(tree);
  return {
    edits: [
      { start: lambda.startIndex, end: lambda.endIndex, text: name },
      { start: at, end: at, text: `def ${name}(${names.join(", ")}):\n    return ${body.text}\n\n\n` },
    ],
    text: `Orca replaced the lambda with the module-level function \`${name}\`, which pickle can send to worker processes.`,
  };
};

/** Last resort for pickling problems: the flow runs its tasks in threads, which need no pickling. */
const threadsInstead: Repair = ({ root }) => {
  const FROM = "ProcessPoolTaskRunner";
  const TO = "ThreadPoolTaskRunner";
  const runner = findAll(root, (n) => {
    const fn = n.type === "call" ? field(n, "function") : null;
    const keyword = closest(n, ["keyword_argument"]);
    return fn?.type === "identifier" && fn.text === FROM && !!keyword && field(keyword, "name")?.text === "task_runner";
  });
  if (runner.length === 0) return null;
  const edits: TextEdit[] = [];
  for (const id of findAll(root, (n) => n.type === "identifier" && n.text === FROM)) {
    if (id.parent?.type === "attribute" && field(id.parent, "attribute")?.id === id.id) continue;
    // An import that already brings the thread runner drops the process runner instead of naming it twice.
    const statement = closest(id, ["import_from_statement"]);
    const items = statement ? statement.childrenForFieldName("name") : [];
    const i = items.findIndex((item) => item.startIndex <= id.startIndex && id.endIndex <= item.endIndex);
    if (statement && i >= 0 && items.some((item) => item.text === TO)) {
      edits.push(
        i < items.length - 1
          ? { start: items[i]!.startIndex, end: items[i + 1]!.startIndex, text: "" }
          : { start: items[i - 1]!.endIndex, end: items[i]!.endIndex, text: "" },
      );
      continue;
    }
    edits.push({ start: id.startIndex, end: id.endIndex, text: TO });
  }
  return {
    edits,
    text: "Orca switched the flow to `ThreadPoolTaskRunner`, which does not pickle tasks or arguments.",
    after: (out) => withImport(out, "prefect.task_runners", TO),
  };
};

const REPAIRS: ReadonlyArray<readonly [RuleId, readonly Repair[]]> = [
  ["serial-submit", [serialLoop, serialComprehension]],
  ["async-task-in-sync-flow", [asyncFlows]],
  ["process-pool-pickling", [hoistNestedTasks, nameLambdas]],
];

/** Runs one repair on the code: the repaired code and what it did, or null when it changed nothing. */
function runRepair(code: string, repair: Repair): { code: string; text: string } | null {
  const tree = parseTree(code);
  const done = tree ? repair(tree) : null;
  if (!done) return null;
  const edited = applyEdits(code, done.edits);
  const out = done.after ? done.after(edited) : edited;
  return out === code ? null : { code: out, text: done.text };
}

/** Applies the repairs for the rules reported, each repair repeatedly until it finds nothing more to change. */
export function repairStructure(
  code: string,
  rules: ReadonlySet<RuleId>,
): { code: string; findings: StructuralFinding[] } {
  let out = code;
  const findings: StructuralFinding[] = [];
  for (const [rule, repairs] of REPAIRS) {
    if (!rules.has(rule)) continue;
    for (const repair of repairs) {
      for (let round = 0; round < 8; round++) {
        const done = runRepair(out, repair);
        if (!done) break;
        out = done.code;
        if (!findings.some((f) => f.text === done.text)) findings.push({ rule, text: done.text });
      }
    }
  }
  return { code: out, findings };
}

/** Used by check-code when pickling problems remain after the safe moves. */
export function fallBackToThreads(code: string): { code: string; text: string } | null {
  return runRepair(code, threadsInstead);
}
