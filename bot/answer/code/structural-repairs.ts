// Repairs for the behavioural rules, applied only when the linter reported the rule: serial submits (submit all,
// then resolve), async tasks called from a sync flow (the flow becomes async and awaits them), and work a process
// pool cannot pickle (nested tasks and lambdas move to module level, or the flow falls back to threads).
import type { RuleId } from "../../../core/index.js";
import { blockEnd, codeOf, escapeRe, findCall, mentions, renameIdentifier } from "./line-edits.js";
import { afterImports, ensureImport, functionBlocks, indentOf, isFlowBlock, isTaskBlock } from "./python-text.js";

export interface StructuralFinding {
  rule: RuleId;
  text: string;
}

type Repair = (lines: string[]) => { lines: string[]; text: string } | null;

/**
 * `for v in xs: ... t.submit(a).result() ...` (or `f = t.submit(a)` then `f.result()` in the same body) → submit
 * every task first, then resolve them in the loop.
 */
const serialLoop: Repair = (lines) => {
  for (let i = 0; i < lines.length; i++) {
    const loop = /^(\s*)for\s+(\w+)\s+in\s+(.+):\s*$/.exec(lines[i]!);
    if (!loop) continue;
    const end = blockEnd(lines, i);
    const body = lines.slice(i + 1, end);
    const chained = body.filter((l) => /\.submit\(.*\)\.(?:result|wait)\(/.test(l));
    const assignedSubmit = body
      .map((l) => /^\s*(\w+)\s*=\s*(\w+)\.submit\((.*)\)\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m);
    let task: string;
    let args: string;
    let future: string;
    let newBody: string[];
    if (chained.length === 1 && assignedSubmit.length === 0) {
      const m = /(\w+)\.submit\(([^()]*(?:\([^()]*\)[^()]*)*)\)\.(result|wait)\(\)/.exec(chained[0]!);
      if (!m) continue;
      [task, args, future] = [m[1]!, m[2]!, "future"];
      newBody = body.map((l) => l.replace(m[0], `future.${m[3]}()`));
    } else if (chained.length === 0 && assignedSubmit.length === 1) {
      const m = assignedSubmit[0]!;
      [future, task, args] = [m[1]!, m[2]!, m[3]!];
      const waited = body.some((l) => new RegExp(`\\b${escapeRe(future)}\\.(?:result|wait)\\(`).test(l));
      if (!waited) continue;
      newBody = body.filter((l) => l !== m.input);
    } else continue;
    // Arguments that depend on what the loop body computes cannot be submitted ahead.
    const assigned = body.map((l) => /^\s*(\w+)\s*=/.exec(l)?.[1]).filter((x): x is string => !!x && x !== future);
    if (assigned.some((v) => mentions(args, v))) continue;
    const [, pad, v, iter] = loop as unknown as [string, string, string, string];
    const futures = `${task}_futures`;
    const usesVar = newBody.some((l) => mentions(l, v));
    const header = usesVar
      ? `${pad}for ${v}, ${future} in zip(${iter}, ${futures}):`
      : `${pad}for ${future} in ${futures}:`;
    const out = [
      ...lines.slice(0, i),
      `${pad}${futures} = [${task}.submit(${args}) for ${v} in ${iter}]  # submit all first`,
      header,
      ...newBody,
      ...lines.slice(end),
    ];
    return { lines: out, text: "Orca submits every task first and resolves the futures afterwards." };
  }
  return null;
};

/** `[t.submit(a).result() for v in xs]` → `[f.result() for f in [t.submit(a) for v in xs]]`. */
const serialComprehension: Repair = (lines) => {
  const re = /\[\s*(\w+)\.submit\(([^()\]]*)\)\.result\(\)\s+for\s+(\w+)\s+in\s+([^\]]+)\]/;
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) return null;
  const out = [...lines];
  out[i] = out[i]!.replace(re, "[future.result() for future in [$1.submit($2) for $3 in $4]]");
  return { lines: out, text: "Orca submits every task first (inner list) and then resolves the futures." };
};

/** The sync flows that call async tasks directly become `async def` and await those calls. */
const asyncFlows: Repair = (lines) => {
  const blocks = functionBlocks(lines);
  const asyncTasks = blocks.filter((b) => isTaskBlock(b) && /^\s*async\s+def/.test(lines[b.start]!)).map((b) => b.name);
  if (asyncTasks.length === 0) return null;
  let out = [...lines];
  const changed: string[] = [];
  for (const flow of blocks.filter((b) => isFlowBlock(b) && !/^\s*async\s+def/.test(lines[b.start]!))) {
    const body = out.slice(flow.start + 1, flow.end);
    const call = (t: string) => new RegExp(`(?<![\\w.]|await\\s)${escapeRe(t)}\\(`, "g");
    if (!body.some((l) => asyncTasks.some((t) => call(t).test(codeOf(l))))) continue;
    // Other functions calling this flow would get a coroutine; only entry-point calls are rewritten.
    const others = blocks.filter((b) => b !== flow);
    const usedInFunction = out.some((l, i) => others.some((b) => b.start < i && i < b.end) && mentions(l, flow.name));
    if (usedInFunction) continue;
    const newBody = body.map((l) => asyncTasks.reduce((acc, t) => acc.replace(call(t), `await ${t}(`), l));
    out = [
      ...out.slice(0, flow.start),
      out[flow.start]!.replace(/^(\s*)def\s/, "$1async def "),
      ...newBody,
      ...out.slice(flow.end),
    ];
    changed.push(flow.name);
  }
  if (changed.length === 0) return null;
  // Entry points run the now-async flows with asyncio.run.
  out = out.map((l, i) => {
    const inFunction = functionBlocks(out).some((b) => b.start < i && i < b.end);
    if (inFunction || /^\s*(?:async\s+)?def\s|^\s*@/.test(l)) return l;
    return changed.reduce(
      (acc, f) =>
        acc.replace(new RegExp(`(?<![\\w.])(${escapeRe(f)}\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))`), "asyncio.run($1)"),
      l,
    );
  });
  if (!out.some((l) => /^\s*import\s+asyncio\b/.test(l)))
    out.splice(0, 0, ...(/^from\s/.test(out[0] ?? "") ? ["import asyncio", ""] : ["import asyncio"]));
  return {
    lines: out,
    text:
      `Orca made ${changed.map((f) => `\`${f}\``).join(", ")} an \`async def\` flow that awaits the async task calls and ` +
      "starts it with `asyncio.run(...)`; to run the calls concurrently, `await asyncio.gather(*(task(x) for x in items))`.",
  };
};

/** Nested `@task` functions in a flow move to module level when they use nothing from the flow. */
const hoistNestedTasks: Repair = (lines) => {
  for (const flow of functionBlocks(lines).filter(isFlowBlock)) {
    const nested = functionBlocks(lines).filter((b) => isTaskBlock(b) && b.start > flow.start && b.end <= flow.end);
    if (nested.length === 0) continue;
    const t = nested[0]!;
    const from = t.start - t.decorators.length;
    const flowLocals = lines
      .slice(flow.start, from)
      .flatMap((l) => (/\((.*)\)/.exec(l)?.[1] ?? "").split(",").map((p) => /^\s*\**(\w+)/.exec(p)?.[1] ?? ""))
      .concat(lines.slice(flow.start + 1, from).map((l) => /^\s*(\w+)\s*=/.exec(l)?.[1] ?? ""))
      .filter((n) => n && n !== "self");
    const def = lines.slice(from, t.end);
    const ownParams = /\((.*)\)/.exec(lines[t.start]!)?.[1] ?? "";
    if (
      flowLocals.some(
        (n) =>
          !new RegExp(`\\b${n}\\b`).test(ownParams) && def.slice(t.decorators.length + 1).some((l) => mentions(l, n)),
      )
    )
      continue;
    const dedented = def.map((l) => l.slice(Math.min(t.indent, indentOf(l))));
    const rest = [...lines.slice(0, from), ...lines.slice(t.end)];
    while (rest[from]?.trim() === "" && (rest[from - 1]?.trim() === "" || rest[from - 1]?.trim().endsWith(":")))
      rest.splice(from, 1);
    const at = flow.start - flow.decorators.length;
    const out = [...rest.slice(0, at), ...dedented, "", "", ...rest.slice(at)];
    return { lines: out, text: `Orca moved task \`${t.name}\` to module level, where worker processes can import it.` };
  }
  return null;
};

/** `lambda a: expr` passed to submitted tasks → a named module-level function, when the lambda is self-contained. */
const nameLambdas: Repair = (lines) => {
  const re = /lambda\s+([\w\s,]*):\s*([^,()]+(?:\([^()]*\)[^,()]*)*)/;
  const i = lines.findIndex((l) => re.test(codeOf(l)) && /\.(?:submit|map)\(/.test(l));
  if (i < 0) return null;
  const m = re.exec(lines[i]!)!;
  const params = m[1]!
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const expr = m[2]!.trim();
  const names = [...expr.matchAll(/(?<![\w.])([A-Za-z_]\w*)/g)].map((x) => x[1]!);
  if (names.some((n) => !params.includes(n) && !BUILTINS.has(n))) return null;
  let name = "transform_value";
  while (lines.some((l) => mentions(l, name))) name = `${name}_`;
  const out = [...lines];
  out[i] = out[i]!.replace(m[0], name);
  const flow = functionBlocks(out).find((b) => b.start <= i && i < b.end);
  const at = flow ? flow.start - flow.decorators.length : afterImports(out);
  out.splice(at, 0, `def ${name}(${params.join(", ")}):`, `    return ${expr}`, "", "");
  return {
    lines: out,
    text: `Orca replaced the lambda with the module-level function \`${name}\`, which pickle can send to worker processes.`,
  };
};

const BUILTINS = new Set([
  "abs",
  "len",
  "min",
  "max",
  "round",
  "str",
  "int",
  "float",
  "sum",
  "sorted",
  "None",
  "True",
  "False",
  "not",
  "and",
  "or",
  "in",
  "is",
  "if",
  "else",
]);

/** Last resort for pickling problems: the flow runs its tasks in threads, which need no pickling. */
const threadsInstead: Repair = (lines) => {
  const i = lines.findIndex((l) => findCall(l, "ProcessPoolTaskRunner") !== undefined && /task_runner\s*=/.test(l));
  if (i < 0) return null;
  const renamed = renameIdentifier(lines, "ProcessPoolTaskRunner", "ThreadPoolTaskRunner").map((l) => {
    const imp = /^(\s*from\s+\S+\s+import\s+)([\w\s,]+)$/.exec(l);
    return imp ? `${imp[1]}${[...new Set(imp[2]!.split(",").map((n) => n.trim()))].join(", ")}` : l;
  });
  const out = ensureImport(renamed, "prefect.task_runners", "ThreadPoolTaskRunner");
  return {
    lines: out,
    text: "Orca switched the flow to `ThreadPoolTaskRunner`, which does not pickle tasks or arguments.",
  };
};

const REPAIRS: ReadonlyArray<readonly [RuleId, readonly Repair[]]> = [
  ["serial-submit", [serialLoop, serialComprehension]],
  ["async-task-in-sync-flow", [asyncFlows]],
  ["process-pool-pickling", [hoistNestedTasks, nameLambdas]],
];

/** Applies the repairs for the rules reported, each repair repeatedly until it finds nothing more to change. */
export function repairStructure(
  lines: string[],
  rules: ReadonlySet<RuleId>,
): { lines: string[]; findings: StructuralFinding[] } {
  let out = lines;
  const findings: StructuralFinding[] = [];
  for (const [rule, repairs] of REPAIRS) {
    if (!rules.has(rule)) continue;
    for (const repair of repairs) {
      for (let round = 0; round < 8; round++) {
        const done = repair(out);
        if (!done) break;
        out = done.lines;
        if (!findings.some((f) => f.text === done.text)) findings.push({ rule, text: done.text });
      }
    }
  }
  return { lines: out, findings };
}

/** Used by check-code when pickling problems remain after the safe moves. */
export function fallBackToThreads(lines: string[]): { lines: string[]; text: string } | null {
  return threadsInstead(lines);
}
