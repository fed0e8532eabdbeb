// Repairs for subflows used like tasks, on the tree: `child.submit(...)` / `child.map(...)` on a flow (a Flow has
// neither method), and subflow calls kept as if they returned futures. On 3.x the subflow goes through a small task
// that is submitted (or mapped) instead; on 2.x, where subflows cannot run inside tasks, the subflow is called.
// Each repair reads the parsed code and returns TextEdits of it; the caller applies them and lints the result again.
import type { PrefectMajor, TextEdit } from "../../../core/index.js";
import { applyEdits, field, named } from "../../../lint/index.js";
import type { RepairNote } from "./code-repairs.js";
import {
  afterImportsOffset,
  callsName,
  findAll,
  functionDefs,
  importEdit,
  lineStartOf,
  lineTextAt,
  methodCall,
  type PythonNode,
  type PythonTree,
  parseTree,
} from "./python-tree.js";

/** Records the line (its text in the code being repaired) a repair of a topic touched. */
export type NoteLine = (topic: "flow-submit" | "subflow-call-result", lineText: string) => void;

export interface SubflowContext {
  major: PrefectMajor;
  /** Names the linter already reported as flows submitted or mapped (receivers of Flow.submit / Flow.map). */
  flowNames: readonly string[];
}

interface Submitted {
  /** The receiver as written: `child`, `flows.child`. */
  name: string;
  call: PythonNode;
  object: PythonNode;
  map: boolean;
}

/**
 * `.submit(` / `.map(` calls whose receiver is a flow: defined with @flow here, reported by the linter, or (for
 * `.submit` only) undefined here and named *flow*. A flow under an infrastructure decorator (@kubernetes, @ecs, ...)
 * is bound to it and can be submitted (3.3.6+).
 */
function submittedFlows(tree: PythonTree, known: readonly string[]): Submitted[] {
  const defs = functionDefs(tree.root);
  const flows = new Set(defs.filter((d) => d.isFlow && d.decorators.length === 1).map((d) => d.name));
  const bound = new Set(defs.filter((d) => d.isFlow && d.decorators.length > 1).map((d) => d.name));
  const tasks = new Set(defs.filter((d) => d.isTask).map((d) => d.name));
  const defined = new Set(defs.map((d) => d.name));
  const out: Submitted[] = [];
  for (const call of findAll(tree.root, (n) => n.type === "call")) {
    const m = methodCall(call);
    if (!m || (m.method !== "submit" && m.method !== "map")) continue;
    const name = m.object.text;
    const last = name.split(".").pop()!;
    const map = m.method === "map";
    // `.map(` is only taken for flows known as such: many other objects have a map method.
    const isFlow =
      !bound.has(last) &&
      (flows.has(last) ||
        known.includes(name) ||
        (!map && !defined.has(last) && !tasks.has(last) && last.toLowerCase().includes("flow")));
    if (isFlow) out.push({ name, call, object: m.object, map });
  }
  return out;
}

/** The wrapper task's parameters (the subflow's own, annotations and defaults kept) and the call passing them on. */
function wrapperSignature(tree: PythonTree, flow: string): { params: string; args: string } {
  const def = functionDefs(tree.root).find((d) => d.name === flow);
  const parameters = def ? field(def.node, "parameters") : null;
  if (!parameters) return { params: "*args, **kwargs", args: "*args, **kwargs" };
  const items = named(parameters).filter((p) => p.type !== "comment");
  const args = items
    .filter((p) => p.type !== "keyword_separator" && p.type !== "positional_separator")
    .map((p) => {
      if (p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern") return p.text;
      const name = p.type === "identifier" ? p : (field(p, "name") ?? named(p).find((c) => c.type === "identifier"));
      const text = name?.text ?? p.text;
      // `*args: int` is a typed parameter whose first child is the splat.
      const splat = named(p)[0];
      if (splat?.type === "list_splat_pattern" || splat?.type === "dictionary_splat_pattern") return splat.text;
      return `${text}=${text}`;
    });
  return { params: items.map((p) => p.text).join(", "), args: args.join(", ") };
}

/** Inserts whole lines at the start of a line (or at the end of code that has no final newline). */
function linesAt(code: string, offset: number, lines: string[]): TextEdit {
  const lead = offset === code.length && code !== "" && !code.endsWith("\n") ? "\n" : "";
  return { start: offset, end: offset, text: `${lead}${lines.join("\n")}\n` };
}

/** Adds `from module import name` when the code does not bind the name yet. */
export function withImport(code: string, module: string, name: string): string {
  const tree = parseTree(code);
  const edit = tree ? importEdit(tree, module, name) : null;
  return edit ? applyEdits(code, [edit]) : code;
}

/** Subflows submitted or mapped like tasks (see the file comment). */
export function repairFlowSubmit(code: string, ctx: SubflowContext, note: NoteLine, notes: RepairNote[]): string {
  const tree = parseTree(code);
  if (!tree) return code;
  const submitted = submittedFlows(tree, ctx.flowNames);
  if (submitted.length === 0) return code;
  for (const s of submitted) if (!s.map) note("flow-submit", lineTextAt(code, s.call.startIndex));
  const edits: TextEdit[] = [];
  if (ctx.major === 2) {
    // 2.x: no task wrapper (subflows inside tasks are not supported there); call the subflow, which returns its result.
    for (const s of submitted.filter((x) => !x.map))
      edits.push({ start: s.object.endIndex, end: field(s.call, "function")!.endIndex, text: "" });
    return applyEdits(code, edits);
  }
  const defs = functionDefs(tree.root);
  const taken = new Set(defs.map((d) => d.name));
  const wrappers: string[] = [];
  const names = [...new Set(submitted.map((s) => s.name))];
  for (const name of names) {
    const short = name.split(".").pop()!;
    let wrapper = `run_${short}`;
    while (taken.has(wrapper)) wrapper = `${wrapper}_task`;
    taken.add(wrapper);
    const { params, args } = wrapperSignature(tree, short);
    wrappers.push("@task", `def ${wrapper}(${params}):`, `    return ${name}(${args})`, "", "");
    const calls = submitted.filter((s) => s.name === name);
    for (const s of calls) {
      edits.push({ start: s.object.startIndex, end: s.object.endIndex, text: wrapper });
      // A flow returning mapped futures returns their results instead.
      if (s.map && s.call.parent?.type === "return_statement")
        edits.push({ start: s.call.endIndex, end: s.call.endIndex, text: ".result()" });
    }
    if (calls.some((s) => s.map))
      notes.push({
        rule: "unknown-attribute",
        text: `Orca wraps the subflow in the task \`${wrapper}\` and maps that task instead.`,
      });
  }
  // The wrappers go just above the top-level function that first submits them (above its decorators), else after
  // the imports.
  const first = submitted.reduce((a, b) => (b.call.startIndex < a.call.startIndex ? b : a));
  const outermost = defs.find(
    (d) => d.node.startIndex <= first.call.startIndex && first.call.endIndex <= d.node.endIndex,
  );
  const at =
    outermost?.outer.parent?.type === "module"
      ? lineStartOf(code, outermost.outer.startIndex)
      : afterImportsOffset(tree);
  edits.push(linesAt(code, at, wrappers));
  return withImport(applyEdits(code, edits), "prefect", "task");
}

/** Names later code treats as futures: `wait(v)`, `as_completed(v)`, `v.result()`, `v.wait()`. */
function usedAsFuture(root: PythonNode, name: string, after: number): boolean {
  return (
    findAll(root, (n) => {
      if (n.type !== "call" || n.startIndex < after) return false;
      if (callsName(n, "wait") || callsName(n, "as_completed")) {
        const first = named(field(n, "arguments"))[0];
        return first?.type === "identifier" && first.text === name;
      }
      const m = methodCall(n);
      return !!m && m.object.text === name && (m.method === "result" || m.method === "wait");
    }).length > 0
  );
}

/**
 * Subflow calls kept as if they were futures (`fs = [child("a"), child("b")]`, then `as_completed(fs)` or
 * `.result()`): a subflow call returns its result, so on 3.x each call is submitted, and then goes through a task.
 */
export function repairSubflowFutures(code: string, ctx: SubflowContext, note: NoteLine, notes: RepairNote[]): string {
  if (ctx.major !== 3) return code;
  const tree = parseTree(code);
  if (!tree) return code;
  const flows = new Set(
    functionDefs(tree.root)
      .filter((d) => d.isFlow)
      .map((d) => d.name),
  );
  if (flows.size === 0) return code;
  const edits: TextEdit[] = [];
  const assignments = findAll(
    tree.root,
    (n) =>
      n.type === "assignment" && n.parent?.type === "expression_statement" && field(n, "left")?.type === "identifier",
  );
  for (const assignment of assignments) {
    const right = field(assignment, "right");
    const calls = right
      ? findAll(right, (n) => {
          const fn = n.type === "call" ? field(n, "function") : null;
          return fn?.type === "identifier" && flows.has(fn.text);
        })
      : [];
    if (calls.length === 0 || !usedAsFuture(tree.root, field(assignment, "left")!.text, assignment.endIndex)) continue;
    note("subflow-call-result", lineTextAt(code, assignment.startIndex));
    for (const call of calls) {
      const fn = field(call, "function")!;
      edits.push({ start: fn.endIndex, end: fn.endIndex, text: ".submit" });
    }
  }
  if (edits.length === 0) return code;
  return repairFlowSubmit(applyEdits(code, edits), { ...ctx, flowNames: [] }, () => {}, notes);
}
