// Version traps: imported Prefect names that the asker's release does not have (removed, not yet added, never
// existed) or deprecates. A table keyed by fully qualified name says how to rewrite the code to what exists in that
// release; a name without a safe rewrite is removed from the corrected code, with a comment saying so. Whether a name
// is a trap is read from the facts, never hard-coded per version. Every rewrite works on the tree-sitter tree of the
// code (python-edits.ts): calls, imports and identifiers are nodes, so strings and comments are never rewritten.
import type { PrefectMajor, TextEdit } from "../../../core/index.js";
import type { PrefectFacts } from "../../../knowledge/index.js";
import { applyEdits, field, named } from "../../../lint/index.js";
import {
  type CallArg,
  callArgs,
  callsOf,
  dropImport,
  ensureImport,
  formatArgs,
  fromImports,
  isReference,
  mentionsOutsideImports,
  removeDependents,
  renameIdentifier,
  rewriteCalls,
} from "./python-edits.js";
import {
  closest,
  findAll,
  functionDefs,
  indentBefore,
  lineEndOf,
  lineStartOf,
  type PythonNode,
  parseTree,
} from "./python-tree.js";

export interface TrapContext {
  facts: PrefectFacts;
  release: string;
  major: PrefectMajor;
  /** Whether the linter reported this fully qualified name (or its module); unset means every name is checked. */
  reported?: (fq: string) => boolean;
}

export type TrapStatus = "removed" | "not-yet" | "unknown" | "deprecated";

export interface TrapFinding {
  /** The fully qualified name that was a trap. */
  name: string;
  status: TrapStatus;
  /** What Orca changed, in one sentence. */
  text: string;
}

interface Rewritten {
  code: string;
  text: string;
}

/** The imported name as the code uses it (its alias, if any). */
interface Use {
  module: string;
  name: string;
  local: string;
}

interface Trap {
  names: readonly string[];
  /** Statuses the rewrite is for (a deprecated name is rewritten only when listed). */
  statuses: readonly TrapStatus[];
  /** The rewritten code, or null when this code cannot be rewritten safely. */
  rewrite(code: string, use: Use, ctx: TrapContext): Rewritten | null;
}

function present(ctx: TrapContext, fq: string): boolean {
  return ctx.facts.presence(fq, ctx.release).status === "present";
}

function status(ctx: TrapContext, fq: string): TrapStatus | null {
  const p = ctx.facts.presence(fq, ctx.release);
  if (p.status === "present") return ctx.facts.isDeprecated(fq, ctx.release) ? "deprecated" : null;
  return p.status;
}

const splitFq = (fq: string) => ({ module: fq.slice(0, fq.lastIndexOf(".")), name: fq.slice(fq.lastIndexOf(".") + 1) });

/** The edit deleting a statement's whole line(s). */
function lineRemoval(code: string, node: PythonNode): TextEdit {
  const end = lineEndOf(code, node.endIndex);
  return { start: lineStartOf(code, node.startIndex), end: end < code.length ? end + 1 : end, text: "" };
}

/** Statements that are nothing but a call of `callee` (`wait(fs)`, `d.apply()`). */
function callStatements(root: PythonNode, callee: string): PythonNode[] {
  return findAll(
    root,
    (n) =>
      n.type === "expression_statement" &&
      n.namedChildren.length === 1 &&
      n.namedChildren[0]!.type === "call" &&
      field(n.namedChildren[0]!, "function")?.text === callee,
  );
}

/** The statement (a child of a block or of the module) a node sits in. */
function statementOf(node: PythonNode): PythonNode {
  let current = node;
  while (current.parent && current.parent.type !== "block" && current.parent.type !== "module")
    current = current.parent;
  return current;
}

/** Keeps the keyword arguments the target callable takes in the release (all of them when its parameters are unknown). */
function acceptedBy<A extends { keyword?: string }>(ctx: TrapContext, callable: string, args: A[]): A[] {
  const params = ctx.facts.params(callable, ctx.release);
  // Unknown parameters: only positional arguments and no keywords are safe to keep.
  if (!params) return args.filter((a) => !a.keyword);
  const names = new Set(params.map((p) => p.name));
  const open = params.some((p) => p.kind === "var_keyword");
  return args.filter((a) => !a.keyword || open || names.has(a.keyword));
}

/** A class replaced by another one that exists in the release; keyword arguments it does not take are dropped. */
function replaceClass(
  candidates: readonly { fq: string; call?: string }[],
  why: (ctx: TrapContext, to: string) => string,
): Trap["rewrite"] {
  return (code, use, ctx) => {
    const target = candidates.find((c) => present(ctx, c.fq));
    if (!target) return null;
    const { module, name } = splitFq(target.fq);
    const rewritten = rewriteCalls(
      code,
      use.local,
      (args) => target.call ?? `${name}(${formatArgs(acceptedBy(ctx, target.fq, args))})`,
    );
    if (rewritten === null) return null;
    const out = renameIdentifier(dropImport(rewritten, use.module, use.name), use.local, name);
    return { code: ensureImport(out, module, name), text: why(ctx, name) };
  };
}

/** Before 3.0 there is no `wait`/`as_completed` function: wait on each future instead. */
const futuresHelpers: Trap["rewrite"] = (code, use) => {
  const out = dropImport(code, use.module, use.name);
  if (use.name === "wait") {
    const tree = parseTree(out);
    if (!tree) return null;
    // Only `wait(futures)` statements have a loop to become; any other use of wait cannot be rewritten.
    const statements = callStatements(tree.root, use.local);
    const uses = findAll(tree.root, (n) => isReference(n) && n.text === use.local && !closest(n, IMPORTS));
    if (uses.some((u) => !statements.some((s) => s.startIndex <= u.startIndex && u.endIndex <= s.endIndex)))
      return null;
    const edits = statements.map((statement) => {
      const args = field(statement.namedChildren[0]!, "arguments")!;
      const indent = indentBefore(out, statement);
      const text = `for future in ${args.text.slice(1, -1).trim()}:\n${indent}    future.wait()`;
      return { start: statement.startIndex, end: statement.endIndex, text };
    });
    return {
      code: applyEdits(out, edits),
      text: "Orca replaced `wait(...)` with a loop calling `.wait()` on each future.",
    };
  }
  const rewritten = rewriteCalls(out, use.local, (args) =>
    args.length === 1 && !args[0]!.keyword ? args[0]!.value : null,
  );
  if (rewritten === null) return null;
  return {
    code: rewritten,
    text: "Orca iterates over the futures directly and resolves each with `.result()` (in submission order).",
  };
};

const IMPORTS = ["import_statement", "import_from_statement", "future_import_statement"];

/** Policies that mean "no caching": on 2.x that is the default, so the keyword just goes. */
const NO_CACHE_POLICY = new Set(["None", "NONE", "NO_CACHE"]);

/** `@task()` left without arguments becomes `@task`. */
function bareDecorator(code: string, name: string): string {
  const tree = parseTree(code);
  if (!tree) return code;
  const edits = findAll(tree.root, (n) => {
    const call = n.type === "decorator" ? n.namedChildren[0] : undefined;
    return (
      call?.type === "call" && field(call, "function")?.text === name && named(field(call, "arguments")).length === 0
    );
  }).map((d) => ({ start: d.startIndex, end: d.endIndex, text: `@${name}` }));
  return applyEdits(code, edits);
}

/**
 * `cache_policy=` (3.x) → `cache_key_fn=task_input_hash` (2.x), which caches on the task's inputs; a policy that
 * disables caching is dropped, since 2.x tasks are uncached unless given a key function.
 */
const cachePolicy: Trap["rewrite"] = (code, use, ctx) => {
  if (ctx.major === 3) return noCacheAlias(code, use, ctx);
  if (ctx.major !== 2 || !present(ctx, "prefect.tasks.task_input_hash")) return null;
  let keyed = false;
  const rewritten = rewriteCalls(dropImport(code, use.module, use.name), "task", (args, call) => {
    const policy = args.find((a) => a.keyword === "cache_policy");
    const uses = policy ? findAll(policy.node, (n) => isReference(n) && n.text === use.local) : [];
    if (!policy || uses.length === 0) return call.text;
    const rest = args.filter((a) => a !== policy);
    if (NO_CACHE_POLICY.has(policy.value)) return `task(${formatArgs(rest)})`;
    keyed = true;
    const key = args.some((a) => a.keyword === "cache_key_fn")
      ? []
      : [{ keyword: "cache_key_fn", value: "task_input_hash" }];
    return `task(${formatArgs([...key, ...rest])})`;
  });
  if (rewritten === null || mentionsOutsideImports(rewritten, use.local)) return null;
  const out = keyed ? ensureImport(rewritten, "prefect.tasks", "task_input_hash") : rewritten;
  return {
    code: bareDecorator(out, "task"),
    text: keyed
      ? "Prefect 2 has no cache policies: Orca caches on the task's inputs with `cache_key_fn=task_input_hash` (from `prefect.tasks`); add `cache_expiration=timedelta(...)` to make entries expire."
      : "Prefect 2 tasks are not cached unless they get a `cache_key_fn`, so Orca dropped the policy.",
  };
};

/**
 * `NO_CACHE` is a later alias of `NONE` (3.1.12); before it, `NONE` does the same job. Removing the policy instead
 * would silently switch the task back to the default, caching policy.
 */
const noCacheAlias: Trap["rewrite"] = (code, use, ctx) => {
  if (use.name !== "NO_CACHE" || !present(ctx, `${use.module}.NONE`)) return null;
  const out = dropImport(code, use.module, use.name);
  return {
    code: ensureImport(renameIdentifier(out, use.local, "NONE"), use.module, "NONE"),
    text:
      `\`NO_CACHE\` is a later alias of \`NONE\`, which ${ctx.release} already has: Orca uses ` +
      "`cache_policy=NONE` from `prefect.cache_policies`, so the task still skips caching.",
  };
};

const flowName = (fn: string) => fn.replaceAll("_", "-");

/** submit_to_runner(flow, parameters) → run_deployment against a served or deployed flow. */
const submitToRunner: Trap["rewrite"] = (code, use, ctx) => {
  if (!present(ctx, "prefect.deployments.run_deployment")) return null;
  const out = dropImport(code, use.module, use.name);
  if (use.name === "wait_for_submitted_runs") {
    const tree = parseTree(out);
    if (!tree) return null;
    const waited = applyEdits(
      out,
      callStatements(tree.root, use.local).map((s) => lineRemoval(out, s)),
    );
    return mentionsOutsideImports(waited, use.local)
      ? null
      : { code: waited, text: "`run_deployment` waits for the run by default, so the wait call is gone." };
  }
  let served = "";
  const rewritten = rewriteCalls(out, use.local, (args) => {
    const callable = args[0] && !args[0].keyword ? args[0] : args.find((a) => a.keyword === "prefect_callable");
    if (callable?.node.type !== "identifier") return null;
    const fn = callable.value;
    served = fn;
    const params =
      args.find((a) => a.keyword === "parameters")?.value ?? (args[1]?.keyword ? undefined : args[1]?.value);
    const name = `"${flowName(fn)}/${flowName(fn)}"`;
    if (params === undefined) return `run_deployment(${name})`;
    return params.startsWith("[")
      ? `[run_deployment(${name}, parameters=p) for p in ${params}]`
      : `run_deployment(${name}, parameters=${params})`;
  });
  if (rewritten === null || !served) return null;
  const tree = parseTree(rewritten);
  const first = tree ? callsOf(tree.root, "run_deployment")[0] : undefined;
  if (!first) return null;
  const start = lineStartOf(rewritten, first.startIndex);
  const line = rewritten.slice(start, lineEndOf(rewritten, start));
  const indent = line.slice(0, line.length - line.trimStart().length);
  const note = `${indent}# needs a deployment: serve the flow in another process first, e.g. ${served}.serve(name="${flowName(served)}")\n`;
  return {
    code: ensureImport(
      applyEdits(rewritten, [{ start, end: start, text: note }]),
      "prefect.deployments",
      "run_deployment",
    ),
    text: `Orca serves the flow and triggers it with \`run_deployment\` instead (it waits for each run unless you pass \`timeout=0\`).`,
  };
};

/** Deployment.build_from_flow(flow=f, name=...) (+ .apply()) → f.serve(name=...). */
const buildFromFlow: Trap["rewrite"] = (code, use, ctx) => {
  const serveFq = "prefect.flows.Flow.serve";
  if (!present(ctx, serveFq)) return null;
  const out = dropImport(code, use.module, use.name);
  const tree = parseTree(out);
  if (!tree) return null;
  const deployments: string[] = [];
  let flowVar = "";
  const edits: TextEdit[] = [];
  for (const call of callsOf(tree.root, `${use.local}.build_from_flow`)) {
    const args = callArgs(call);
    const flowArg = args.find((a) => a.keyword === "flow") ?? (args[0]?.keyword ? undefined : args[0]);
    if (flowArg?.node.type !== "identifier") return null;
    const flow = flowArg.value;
    flowVar = flow;
    // build_from_flow(flow, name, ...): a positional name becomes serve's name=.
    const positionalName = args[0]?.keyword ? undefined : args[1];
    const named = positionalName && !positionalName.keyword ? [{ keyword: "name", value: positionalName.value }] : [];
    const rest = [...named, ...args.filter((a) => a.keyword && a.keyword !== "flow")];
    const kept = acceptedBy(ctx, serveFq, rest);
    const statement = statementOf(call);
    const pad = indentBefore(out, statement);
    const assignment = statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    const target = assignment?.type === "assignment" ? field(assignment, "left") : null;
    if (target?.type === "identifier") deployments.push(target.text);
    edits.push({
      start: statement.startIndex,
      end: statement.endIndex,
      text:
        `# serve() registers the deployment and runs its scheduled runs from this process; to run on a work pool use ${flow}.deploy(name=..., work_pool_name=...) or \`prefect deploy\`\n` +
        `${pad}${flow}.serve(${formatArgs(kept)})`,
    });
  }
  if (!flowVar) return null;
  let served = applyEdits(out, edits);
  const again = parseTree(served);
  if (!again) return null;
  const applies = deployments.flatMap((d) => callStatements(again.root, `${d}.apply`));
  served = applyEdits(
    served,
    applies.map((s) => lineRemoval(served, s)),
  );
  if (deployments.some((d) => mentionsOutsideImports(served, d)) || mentionsOutsideImports(served, use.local))
    return null;
  return {
    code: served,
    text: `Orca replaced it with \`${flowVar}.serve(...)\` (in Prefect since 2.12); keyword arguments that \`serve\` does not take were dropped.`,
  };
};

/** Value blocks (JSON, String, DateTime) → Variables: `Block.load(name).value` becomes `Variable.get(name)`. */
const valueBlock: Trap["rewrite"] = (code, use, ctx) => {
  if (ctx.major !== 3 || !present(ctx, "prefect.variables.Variable")) return null;
  const out = dropImport(code, use.module, use.name);
  const tree = parseTree(out);
  if (!tree) return null;
  const edits = callsOf(tree.root, `${use.local}.load`).map((call) => {
    const args = field(call, "arguments")!.text.slice(1, -1);
    const parent = call.parent;
    const value = parent?.type === "attribute" && field(parent, "attribute")?.text === "value" ? parent : call;
    return { start: value.startIndex, end: value.endIndex, text: `Variable.get(${args})` };
  });
  const read = applyEdits(out, edits);
  if (mentionsOutsideImports(read, use.local)) return null;
  return {
    code: ensureImport(read, "prefect.variables", "Variable"),
    text: "Orca reads the value with `Variable.get(name)` instead (store it with `Variable.set`).",
  };
};

/** Filesystem blocks moved to integration packages; only `.load(...)` uses are rewritten. */
function integrationBlock(module: string, cls: string, pkg: string): Trap["rewrite"] {
  return (code, use) => {
    const tree = parseTree(code);
    if (!tree) return null;
    const uses = findAll(tree.root, (n) => isReference(n) && n.text === use.local && !closest(n, IMPORTS));
    const loads = (n: PythonNode) =>
      n.parent?.type === "attribute" &&
      field(n.parent, "attribute")?.text === "load" &&
      n.parent.parent?.type === "call";
    if (!uses.every(loads)) return null;
    const out = renameIdentifier(dropImport(code, use.module, use.name), use.local, cls);
    return {
      code: ensureImport(out, module, cls),
      text: `Orca loads a \`${cls}\` block from the ${pkg} package instead (\`pip install ${pkg}\`).`,
    };
  };
}

/** prefect.schedules (3.2+) → the schedule classes every release has. */
function olderSchedule(cls: string, keyword: string): Trap["rewrite"] {
  return (code, use, ctx) => {
    const fq = `prefect.client.schemas.schedules.${cls}`;
    if (!present(ctx, fq)) return null;
    const rewritten = rewriteCalls(code, use.local, (args) => {
      const [first, ...rest] = args;
      const lead = first && !first.keyword ? [{ keyword: keyword, value: first.value }, ...rest] : args;
      return `${cls}(${formatArgs(lead)})`;
    });
    if (rewritten === null) return null;
    const out = ensureImport(dropImport(rewritten, use.module, use.name), "prefect.client.schemas.schedules", cls);
    return {
      code: out,
      text: `Orca uses \`${cls}(${keyword}=...)\` from \`prefect.client.schemas.schedules\`, which this release has.`,
    };
  };
}

/** A module function replaced by a class method with the same call shape (`get(name)` → `Variable.get(name)`). */
function toMethod(classFq: string, method: string): Trap["rewrite"] {
  return (code, use, ctx) => {
    if (!present(ctx, `${classFq}.${method}`) && !present(ctx, classFq)) return null;
    const { module, name } = splitFq(classFq);
    const out = dropImport(code, use.module, use.name);
    const tree = parseTree(out);
    if (!tree) return null;
    const edits = callsOf(tree.root, use.local).map((call) => {
      const fn = field(call, "function")!;
      return { start: fn.startIndex, end: fn.endIndex, text: `${name}.${method}` };
    });
    const called = applyEdits(out, edits);
    if (mentionsOutsideImports(called, use.local)) return null;
    return { code: ensureImport(called, module, name), text: `Orca calls \`${name}.${method}(...)\` instead.` };
  };
}

/**
 * The curated note names where the API lives now (`from prefect_dask import DaskTaskRunner`,
 * `prefect.task_worker.serve(...)`): when that is the same name in a module the release has (or an integration
 * package), only the import changes.
 */
function movedPerNote(code: string, use: Use, ctx: TrapContext): Rewritten | null {
  const fq = `${use.module}.${use.name}`;
  const note = ctx.facts.replacement(fq) ?? "";
  const named = [...note.matchAll(/from\s+([\w.]+)\s+import\s+(\w+)/g)].map((m) => `${m[1]}.${m[2]}`);
  const dotted = [...note.matchAll(/\b(prefect(?:\.\w+)+)/g)].map((m) => m[1]!);
  const target = [...named, ...dotted].find(
    (c) => c !== fq && c.endsWith(`.${use.name}`) && (/^prefect_\w+\.\w+$/.test(c) || present(ctx, c)),
  );
  if (!target) return null;
  const { module } = splitFq(target);
  const imported = use.local === use.name ? use.name : `${use.name} as ${use.local}`;
  const out = ensureImport(dropImport(code, use.module, use.name), module, imported);
  const pkg = module.startsWith("prefect_") ? ` (the ${module.replaceAll("_", "-")} package)` : "";
  return { code: out, text: `Orca imports it from \`${module}\`${pkg} instead.` };
}

/** Members with a stand-in on older releases: the call is rewritten where the receiver is a task defined here. */
const MEMBER_TRAPS: ReadonlyArray<{ member: string; status: TrapStatus; from: string; to: string; text: string }> = [
  {
    member: "prefect.tasks.Task.delay",
    status: "not-yet",
    from: "delay",
    to: "submit",
    text:
      "Background tasks (`.delay()` with a task worker) need Prefect 3; Orca uses `.submit()`, which runs the task " +
      "concurrently inside a flow run.",
  },
  {
    member: "prefect.tasks.Task.apply_async",
    status: "not-yet",
    from: "apply_async",
    to: "submit",
    text:
      "Background tasks (`.apply_async()` / `.delay()` with a task worker) need Prefect 3; Orca uses `.submit()`, " +
      "which runs the task concurrently inside a flow run.",
  },
];

/** `apply_async((a, b), dict(k=v))` → the arguments `submit` takes: `a, b, k=v` (or `*args, **kwargs`). */
function unpackApplyAsync(args: CallArg[]): string {
  const [positional, keywords] = [
    args.find((a) => a.keyword === "args") ?? args.find((a) => !a.keyword),
    args.find((a) => a.keyword === "kwargs") ?? args.filter((a) => !a.keyword)[1],
  ];
  const out: string[] = [];
  if (positional) {
    const node = positional.node;
    const items = ["tuple", "list", "parenthesized_expression"].includes(node.type)
      ? named(node).filter((n) => n.type !== "comment")
      : null;
    if (items) out.push(...items.map((n) => n.text));
    else out.push(`*${positional.value}`);
  }
  if (keywords) {
    const dict = keywords.node.type === "call" && field(keywords.node, "function")?.text === "dict";
    out.push(dict ? field(keywords.node, "arguments")!.text.slice(1, -1).trim() : `**${keywords.value}`);
  }
  return out.join(", ");
}

/**
 * A task submitted outside any flow: 2.x `.submit()` only works inside a flow run, so the module-level statements
 * that submit are moved into a small flow that is then called.
 */
function wrapTopLevelSubmits(code: string, tasks: string[]): { code: string; wrapped: boolean } {
  const tree = parseTree(code);
  if (!tree) return { code, wrapped: false };
  const submitted = (statement: PythonNode) => {
    const inner = statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    const call = inner?.type === "assignment" ? field(inner, "right") : inner;
    const fn = call?.type === "call" ? field(call, "function") : null;
    const object = fn?.type === "attribute" ? field(fn, "object") : null;
    return field(fn ?? call!, "attribute")?.text === "submit" && object && tasks.includes(object.text)
      ? object.text
      : undefined;
  };
  const at = named(tree.root).filter((n) => n.type === "expression_statement" && submitted(n));
  if (at.length === 0) return { code, wrapped: false };
  const name = `run_${submitted(at[0]!)}`;
  const body = at.map((s) => `    ${s.text.split("\n").join("\n    ")}`);
  const rest = applyEdits(
    code,
    at.map((s) => lineRemoval(code, s)),
  );
  const end = rest.trimEnd().length;
  const flow = ["", "", "", "@flow", `def ${name}():`, ...body, "", "", `${name}()`].join("\n");
  return { code: ensureImport(applyEdits(rest, [{ start: end, end, text: flow }]), "prefect", "flow"), wrapped: true };
}

function repairMembers(code: string, ctx: TrapContext): { code: string; findings: TrapFinding[] } {
  let out = code;
  const findings: TrapFinding[] = [];
  const tree = parseTree(code);
  const tasks = tree
    ? functionDefs(tree.root)
        .filter((d) => d.isTask)
        .map((d) => d.name)
    : [];
  for (const t of MEMBER_TRAPS) {
    if (status(ctx, t.member) !== t.status || (ctx.reported && !ctx.reported(t.member))) continue;
    let next = out;
    for (const task of tasks) {
      const rewritten = rewriteCalls(next, `${task}.${t.from}`, (args) =>
        t.from === "apply_async"
          ? `${task}.${t.to}(${unpackApplyAsync(args)})`
          : `${task}.${t.to}(${formatArgs(args)})`,
      );
      if (rewritten !== null) next = rewritten;
    }
    if (next === out) continue;
    const wrapped = wrapTopLevelSubmits(next, tasks);
    out = wrapped.code;
    const where = wrapped.wrapped
      ? " A 2.x task can only be submitted inside a flow, so Orca moved the call into a small flow that it runs."
      : "";
    findings.push({ name: t.member, status: t.status, text: `${t.text}${where}` });
  }
  return { code: out, findings };
}

const THREADS = [
  { fq: "prefect.task_runners.ThreadPoolTaskRunner" },
  { fq: "prefect.task_runners.ConcurrentTaskRunner" },
];

export const VERSION_TRAPS: readonly Trap[] = [
  {
    names: ["prefect.futures.wait", "prefect.futures.as_completed"],
    statuses: ["not-yet"],
    rewrite: futuresHelpers,
  },
  {
    names: ["prefect.task_runners.ProcessPoolTaskRunner"],
    statuses: ["not-yet"],
    rewrite: replaceClass(
      THREADS,
      (ctx, to) =>
        `Orca uses \`${to}\` instead; for processes upgrade to 3.4.14 or later, or use \`DaskTaskRunner\` from prefect-dask (release ${ctx.release} has neither in core).`,
    ),
  },
  {
    names: ["prefect.task_runners.ThreadPoolTaskRunner"],
    statuses: ["not-yet"],
    rewrite: replaceClass(
      [{ fq: "prefect.task_runners.ConcurrentTaskRunner" }],
      () =>
        "Orca uses `ConcurrentTaskRunner`, the 2.x thread-based runner (and the 2.x default); it takes no `max_workers`, so to cap how many tasks run at once give them a tag and set a limit (`prefect concurrency-limit create TAG N`), or use a global concurrency limit.",
    ),
  },
  {
    names: [
      "prefect.cache_policies.INPUTS",
      "prefect.cache_policies.TASK_SOURCE",
      "prefect.cache_policies.FLOW_PARAMETERS",
      "prefect.cache_policies.RUN_ID",
      "prefect.cache_policies.DEFAULT",
      "prefect.cache_policies.NONE",
      "prefect.cache_policies.NO_CACHE",
    ],
    statuses: ["not-yet"],
    rewrite: cachePolicy,
  },
  {
    names: ["prefect.task_runners.SequentialTaskRunner"],
    statuses: ["removed"],
    rewrite: replaceClass(
      [{ fq: "prefect.task_runners.ThreadPoolTaskRunner", call: "ThreadPoolTaskRunner(max_workers=1)" }],
      () => "Orca uses `ThreadPoolTaskRunner(max_workers=1)`, which runs submitted tasks one at a time.",
    ),
  },
  {
    names: [
      "prefect.runner.submit_to_runner",
      "prefect.runner.wait_for_submitted_runs",
      "prefect.runner.submit.submit_to_runner",
      "prefect.runner.submit.wait_for_submitted_runs",
    ],
    statuses: ["removed", "deprecated"],
    rewrite: submitToRunner,
  },
  {
    names: ["prefect.deployments.Deployment", "prefect.deployments.deployments.Deployment"],
    statuses: ["removed", "deprecated"],
    rewrite: buildFromFlow,
  },
  {
    names: ["prefect.blocks.system.JSON", "prefect.blocks.system.String", "prefect.blocks.system.DateTime"],
    statuses: ["removed", "deprecated"],
    rewrite: valueBlock,
  },
  { names: ["prefect.variables.get"], statuses: ["removed"], rewrite: toMethod("prefect.variables.Variable", "get") },
  {
    names: ["prefect.filesystems.S3"],
    statuses: ["removed"],
    rewrite: integrationBlock("prefect_aws", "S3Bucket", "prefect-aws"),
  },
  {
    names: ["prefect.filesystems.GCS"],
    statuses: ["removed"],
    rewrite: integrationBlock("prefect_gcp", "GcsBucket", "prefect-gcp"),
  },
  {
    names: ["prefect.filesystems.Azure"],
    statuses: ["removed"],
    rewrite: integrationBlock("prefect_azure", "AzureBlobStorageContainer", "prefect-azure"),
  },
  {
    names: ["prefect.filesystems.GitHub"],
    statuses: ["removed"],
    rewrite: integrationBlock("prefect_github", "GitHubRepository", "prefect-github"),
  },
  { names: ["prefect.schedules.Cron"], statuses: ["not-yet"], rewrite: olderSchedule("CronSchedule", "cron") },
  {
    names: ["prefect.schedules.Interval"],
    statuses: ["not-yet"],
    rewrite: olderSchedule("IntervalSchedule", "interval"),
  },
  { names: ["prefect.schedules.RRule"], statuses: ["not-yet"], rewrite: olderSchedule("RRuleSchedule", "rrule") },
];

function trapFor(fq: string, s: TrapStatus): Trap | undefined {
  return VERSION_TRAPS.find((t) => t.names.includes(fq) && t.statuses.includes(s));
}

/** `wait_all` imported from a module that has `wait`: the name people meant, when its stem exists there. */
function stemRename(code: string, use: Use, ctx: TrapContext): Rewritten | null {
  const stem = use.name.split("_")[0]!;
  if (stem === use.name || stem.length < 3 || !present(ctx, `${use.module}.${stem}`)) return null;
  const out = dropImport(code, use.module, use.name);
  return {
    code: ensureImport(renameIdentifier(out, use.local, stem), use.module, stem),
    text: `Orca uses \`${use.module}.${stem}\`, which exists in ${ctx.release}.`,
  };
}

function describe(ctx: TrapContext, fq: string, s: TrapStatus): string {
  const p = ctx.facts.presence(fq, ctx.release);
  if (p.status === "removed") return `${fq} is gone in ${ctx.release} (last in ${p.lastRelease})`;
  if (p.status === "not-yet") return `${fq} is not in ${ctx.release} (first in ${p.firstRelease})`;
  if (s === "deprecated") return `${fq} is deprecated in ${ctx.release}`;
  return `${fq} does not exist in any Prefect release`;
}

/** For a deprecated name: the first release without it, when the facts show one. */
function removalNote(ctx: TrapContext, fq: string): string {
  const ranges = ctx.facts.symbol(fq)?.present ?? [];
  const last = ranges[ranges.length - 1]?.[1];
  const at = last ? ctx.facts.releases.indexOf(last) : -1;
  const next = at >= 0 ? ctx.facts.releases[at + 1] : undefined;
  return next ? ` It is gone from ${next} on.` : "";
}

/** Names that read as "start a flow run" point to the API that does it. */
const INTENTS: ReadonlyArray<readonly [RegExp, string, string, string]> = [
  [
    /^PrefectFlowRunFuture$/,
    "prefect.flow_runs.wait_for_flow_run",
    "(flow_run_id)",
    "waits for a flow run by id and returns it (it is async: `await` it, or wrap it in `asyncio.run` in sync code); `run_deployment` also waits by default",
  ],
  [
    /^(?:trigger|start|launch|run|kick_?off|submit|create)_(?:flow|deployment)(?:_run)?s?$/,
    "prefect.deployments.run_deployment",
    '("flow-name/deployment-name")',
    "starts a run of a deployment by name",
  ],
];

function intentHint(name: string, ctx: TrapContext): string {
  const hit = INTENTS.find(([re, fq]) => re.test(name) && present(ctx, fq));
  return hit ? ` Instead: \`${hit[1]}${hit[2]}\` ${hit[3]}.` : "";
}

/** Rewrites (or removes) every imported Prefect name that is a trap in the release. */
export function repairVersionTraps(code: string, ctx: TrapContext): { code: string; findings: TrapFinding[] } {
  let out = code;
  const findings: TrapFinding[] = [];
  const uses: Use[] = fromImports(code)
    .filter((imp) => imp.module === "prefect" || imp.module.startsWith("prefect."))
    .map((imp) => ({ module: imp.module, name: imp.name, local: imp.alias ?? imp.name }));
  for (const use of uses) {
    const fq = `${use.module}.${use.name}`;
    const s = status(ctx, fq);
    if (!s || fq.startsWith("prefect._")) continue;
    if (ctx.reported && !ctx.reported(fq) && !ctx.reported(use.module)) continue;
    const trap = trapFor(fq, s);
    const done = trap
      ? trap.rewrite(out, use, ctx)
      : (movedPerNote(out, use, ctx) ?? (s === "unknown" ? stemRename(out, use, ctx) : null));
    if (done) {
      out = done.code;
      findings.push({ name: fq, status: s, text: `${done.text}${s === "deprecated" ? removalNote(ctx, fq) : ""}` });
      continue;
    }
    // A deprecated name still works: it stays, and the explanation says what replaces it.
    if (s === "deprecated") continue;
    const why = describe(ctx, fq, s);
    out = removeDependents(dropImport(out, use.module, use.name), [use.local], `Orca removed this: ${why}`);
    findings.push({
      name: fq,
      status: s,
      text: `Orca removed \`${use.name}\` and the lines that use it from the corrected code (marked with a comment): ${why}.${intentHint(use.name, ctx)}`,
    });
  }
  const members = repairMembers(out, ctx);
  return { code: members.code, findings: [...findings, ...members.findings] };
}
