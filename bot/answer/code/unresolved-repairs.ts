// Futures a 3.x flow leaves unresolved, on the tree: a 3.x flow does not wait for them, so it can return while they
// run and the runner cancels them. Bare submits get a name, and every future nothing resolves is waited for with
// `wait([...])` before the flow returns (an existing `wait(...)` at the flow's top level is extended instead).
import type { TextEdit } from "../../../core/index.js";
import { applyEdits, field, named } from "../../../lint/index.js";
import {
  callsName,
  type FunctionDef,
  findAll,
  functionDefs,
  indentBefore,
  lineEndOf,
  lineStartOf,
  lineTextAt,
  mentionsName,
  methodCall,
  type PythonNode,
  type PythonTree,
  parseTree,
} from "./python-tree.js";
import { withImport } from "./subflow-repairs.js";

const SUBMITS = new Set(["submit", "map"]);
const RESOLVES = new Set(["result", "wait"]);

/** A `.submit(...)` / `.map(...)` call on a plain name or dotted path. */
function isSubmit(node: PythonNode | null | undefined): boolean {
  const m = node ? methodCall(node) : null;
  return !!m && SUBMITS.has(m.method);
}

/** Whether the flow's body resolves the future held by `name`, directly or through a list it was appended to. */
function resolvedIn(body: PythonNode, name: string, through = true): boolean {
  const direct = findAll(body, (n) => {
    if (n.type === "call") {
      const m = methodCall(n);
      if (m && m.object.text === name && RESOLVES.has(m.method)) return true;
      const args = field(n, "arguments");
      return (callsName(n, "wait") || callsName(n, "as_completed")) && !!args && mentionsName(args, name);
    }
    if (n.type === "return_statement") return mentionsName(n, name);
    if (n.type === "for_statement" || n.type === "for_in_clause") {
      const right = field(n, "right");
      return right?.type === "identifier" && right.text === name;
    }
    return false;
  });
  if (direct.length > 0 || !through) return direct.length > 0;
  // Futures appended to a list that is waited on count as resolved through the list.
  return (
    findAll(body, (n) => {
      const m = methodCall(n);
      if (m?.method !== "append" || m.object.type !== "identifier") return false;
      const args = named(field(n, "arguments"));
      return args.length === 1 && args[0]!.text === name && resolvedIn(body, m.object.text, false);
    }).length > 0
  );
}

/** Whether the future is handed to another submit (that one is judged instead). */
function consumedIn(body: PythonNode, name: string): boolean {
  return (
    findAll(body, (n) => {
      if (!isSubmit(n)) return false;
      const assigned = n.parent?.type === "assignment" ? field(n.parent, "left")?.text : undefined;
      const args = field(n, "arguments");
      return assigned !== name && !!args && mentionsName(args, name);
    }).length > 0
  );
}

/** The edits resolving one flow's futures, or none when it leaves none unresolved. */
function resolveInFlow(tree: PythonTree, flow: FunctionDef, note: (lineText: string) => void): TextEdit[] {
  const code = tree.code;
  const body = field(flow.node, "body");
  const statements = named(body).filter((n) => n.type !== "comment");
  const first = statements[0];
  if (!body || !first) return [];
  const pad = indentBefore(code, first);
  if (pad.trim() !== "") return [];
  const assignments = findAll(body, (n) => n.type === "assignment" && field(n, "left")?.type === "identifier");
  const taken = new Set(assignments.map((a) => field(a, "left")!.text));
  const edits: TextEdit[] = [];
  const futures: { name: string; at: number; bare: boolean }[] = [];
  for (const statement of statements) {
    const call = statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    const m = call ? methodCall(call) : null;
    if (!m || !SUBMITS.has(m.method) || m.object.type !== "identifier") continue;
    let name = `${m.object.text}_future`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    futures.push({ name, at: statement.startIndex, bare: true });
    note(lineTextAt(code, statement.startIndex));
    edits.push({ start: statement.startIndex, end: statement.startIndex, text: `${name} = ` });
  }
  for (const a of assignments)
    if (isSubmit(field(a, "right"))) futures.push({ name: field(a, "left")!.text, at: a.startIndex, bare: false });
  futures.sort((a, b) => a.at - b.at);
  const unresolved: string[] = [];
  for (const f of futures) {
    if (unresolved.includes(f.name)) continue;
    if (!f.bare && (resolvedIn(body, f.name) || consumedIn(body, f.name))) continue;
    unresolved.push(f.name);
    if (!f.bare) note(lineTextAt(code, f.at));
  }
  if (unresolved.length === 0) return [];
  const existing = statements.find((s) => s.type === "expression_statement" && callsName(s.namedChildren[0]!, "wait"));
  const waited = existing
    ? named(field(existing.namedChildren[0]!, "arguments")).filter((a) => a.type !== "comment")
    : [];
  const arg = waited[0];
  if (arg && arg.type !== "keyword_argument") {
    const items = arg.type === "list" ? named(arg).filter((n) => n.type !== "comment") : null;
    const last = items?.at(-1);
    if (items && last) edits.push({ start: last.endIndex, end: last.endIndex, text: `, ${unresolved.join(", ")}` });
    else if (items) edits.push({ start: arg.startIndex, end: arg.endIndex, text: `[${unresolved.join(", ")}]` });
    else edits.push({ start: arg.startIndex, end: arg.endIndex, text: `[*${arg.text}, ${unresolved.join(", ")}]` });
    return edits;
  }
  const line = `wait([${unresolved.join(", ")}])  # resolve every future before the flow returns`;
  const last = statements.at(-1)!;
  if (last.type === "return_statement") {
    const start = lineStartOf(code, last.startIndex);
    edits.push({ start, end: start, text: `${pad}${line}\n` });
  } else {
    const end = lineEndOf(code, Math.max(...named(body).map((n) => n.endIndex)));
    edits.push({ start: end, end, text: `\n${pad}${line}` });
  }
  return edits;
}

/** In every 3.x flow, resolves the futures nobody waits for; `note` gets the lines of the futures concerned. */
export function repairUnresolvedFutures(code: string, note: (lineText: string) => void): string {
  let out = code;
  const first = parseTree(code);
  const flows = first ? functionDefs(first.root).filter((d) => d.isFlow).length : 0;
  // Last flow first, parsing again after each: a flow's edits never move the flows above it.
  for (let i = flows - 1; i >= 0; i--) {
    const tree = parseTree(out);
    const flow = tree ? functionDefs(tree.root).filter((d) => d.isFlow)[i] : undefined;
    if (tree && flow) out = applyEdits(out, resolveInFlow(tree, flow, note));
  }
  const tree = parseTree(out);
  if (tree && findAll(tree.root, (n) => callsName(n, "wait")).length > 0)
    out = withImport(out, "prefect.futures", "wait");
  return out;
}
