// The repairs still made on the text, for mistakes whose fix is clear from the facts: submitting flows, importing
// wait from the wrong place, leaving futures unresolved at the end of a 3.x flow, version traps and structure. They
// move, family by family, to the tree (tree-repairs.ts), where a repair is a function from a diagnosis' node to
// TextEdits. The result is linted again by the caller before it is shown.
import type { Diagnosis, PrefectMajor, RuleId, TextEdit } from "../../../core/index.js";
import type { PrefectFacts } from "../../../knowledge/index.js";
import { applyEdits, field, walk } from "../../../lint/index.js";
import type { NamedTopic } from "../topics/index.js";
import {
  afterImports,
  bindsName,
  ensureImport,
  functionBlocks,
  indentOf,
  isFlowBlock,
  isTaskBlock,
  tidyTopLevel,
} from "./python-text.js";
import {
  boundNames,
  importEdit,
  importingStatement,
  importNameRemoval,
  type PythonNode,
  type PythonTree,
  parseTree,
} from "./python-tree.js";
import { repairStructure } from "./structural-repairs.js";
import { repairSyntax } from "./syntax-repairs.js";
import { repairVersionTraps } from "./version-traps.js";

export interface RepairFinding {
  topic: NamedTopic;
  /** 1-based lines in the code that was repaired. */
  lines: number[];
}

/** What a repair changed, attached to the explanation of the rule (or the API name) it answers. */
export interface RepairNote {
  rule: RuleId;
  /** The Prefect name the note is about, for version traps. */
  name?: string;
  text: string;
}

export interface RepairResult {
  code: string;
  findings: RepairFinding[];
  notes: RepairNote[];
}

export interface RepairContext {
  major: PrefectMajor;
  /** Whether `prefect.futures.wait` exists in the asker's release. */
  hasFuturesWait: boolean;
  /** Names the linter already reported as flows submitted (from unknown-attribute diagnoses). */
  flowNames?: string[];
  /** With the facts and the release, version traps are repaired too. */
  facts?: PrefectFacts;
  release?: string;
  /** What the linter reported: behavioural repairs run only for the rules it found. */
  diagnoses?: Diagnosis[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** While repairing, findings hold the text of the lines involved; they are numbered against the original at the end. */
interface Noted {
  topic: RepairFinding["topic"];
  texts: string[];
}

function note(findings: Noted[], topic: Noted["topic"], lineText: string | undefined): void {
  if (lineText === undefined) return;
  const f = findings.find((x) => x.topic === topic);
  if (f) {
    if (!f.texts.includes(lineText)) f.texts.push(lineText);
  } else findings.push({ topic, texts: [lineText] });
}

/**
 * Names whose `.submit(` or `.map(` is called and that are flows: defined with @flow here, or undefined here and
 * named *flow*. Values: the 1-based lines and whether each call was a map.
 */
function submittedFlows(lines: string[], known: string[]): Map<string, { line: number; map: boolean }[]> {
  const blocks = functionBlocks(lines);
  // A flow under an infrastructure decorator (@kubernetes, @ecs, ...) is bound to it and can be submitted (3.3.6+).
  const flows = new Set(blocks.filter((b) => isFlowBlock(b) && b.decorators.length === 1).map((b) => b.name));
  const bound = new Set(blocks.filter((b) => isFlowBlock(b) && b.decorators.length > 1).map((b) => b.name));
  const tasks = new Set(blocks.filter(isTaskBlock).map((b) => b.name));
  const defined = new Set(blocks.map((b) => b.name));
  const found = new Map<string, { line: number; map: boolean }[]>();
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/([A-Za-z_][\w.]*)\.(submit|map)\(/g)) {
      const name = m[1]!;
      const last = name.split(".").pop()!;
      const map = m[2] === "map";
      // `.map(` is only taken for flows known as such: many other objects have a map method.
      const isFlow =
        !bound.has(last) &&
        (flows.has(last) ||
          known.includes(name) ||
          (!map && !defined.has(last) && !tasks.has(last) && /flow/i.test(last)));
      if (isFlow) found.set(name, [...(found.get(name) ?? []), { line: i + 1, map }]);
    }
  });
  return found;
}

function wrapperParams(lines: string[], flowName: string): { params: string; args: string } {
  const def = lines.find((l) => new RegExp(`^\\s*(?:async\\s+)?def\\s+${escapeRe(flowName)}\\s*\\(`).test(l));
  const sig = def ? /\((.*)\)/.exec(def)?.[1] : undefined;
  if (sig === undefined) return { params: "*args, **kwargs", args: "*args, **kwargs" };
  const names = sig
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "" && p !== "/" && p !== "*")
    .map((p) => /^(\*{0,2}\w+)/.exec(p)?.[1] ?? p);
  const args = names.map((n) => (n.startsWith("*") ? n : `${n}=${n}`)).join(", ");
  return { params: sig.trim(), args };
}

function repairFlowSubmit(lines: string[], ctx: RepairContext, findings: Noted[], notes: RepairNote[] = []): string[] {
  const flows = submittedFlows(lines, ctx.flowNames ?? []);
  if (ctx.major === 2) {
    // 2.x: no task wrapper (subflows inside tasks are not supported there); call the subflow, which returns its result.
    let out = [...lines];
    for (const [name, at] of flows) {
      const submits = at.filter((x) => !x.map);
      for (const x of submits) note(findings, "flow-submit", lines[x.line - 1]);
      if (submits.length > 0)
        out = out.map((l) => l.replace(new RegExp(`\\b${escapeRe(name)}\\.submit\\(`, "g"), `${name}(`));
    }
    return out;
  }
  if (flows.size === 0) return lines;
  let out = [...lines];
  for (const [, at] of flows) for (const x of at) if (!x.map) note(findings, "flow-submit", lines[x.line - 1]);
  const taken = new Set(functionBlocks(out).map((b) => b.name));
  const wrappers: string[] = [];
  const names: string[] = [];
  for (const [name, at] of flows) {
    const short = name.split(".").pop()!;
    let wrapper = `run_${short}`;
    while (taken.has(wrapper)) wrapper = `${wrapper}_task`;
    taken.add(wrapper);
    names.push(wrapper);
    const { params, args } = wrapperParams(out, short);
    wrappers.push("@task", `def ${wrapper}(${params}):`, `    return ${name}(${args})`, "", "");
    out = out.map((l) =>
      l.replace(new RegExp(`(^|[^\\w.])${escapeRe(name)}\\.(submit|map)\\(`, "g"), `$1${wrapper}.$2(`),
    );
    // A flow returning mapped futures returns their results instead.
    out = out.map((l) =>
      new RegExp(`^\\s*return\\s+${wrapper}\\.map\\(.*\\)\\s*$`).test(l) ? `${l.trimEnd()}.result()` : l,
    );
    if (at.some((x) => x.map))
      notes.push({
        rule: "unknown-attribute",
        text: `Orca wraps the subflow in the task \`${wrapper}\` and maps that task instead.`,
      });
  }
  // Put the wrappers just above the first function that submits them (after its decorators).
  const firstUse = out.findIndex((l) => names.some((w) => new RegExp(`\\b${w}\\.(?:submit|map)\\(`).test(l)));
  const block = functionBlocks(out).find((b) => b.start <= firstUse && firstUse < b.end);
  let at = block ? block.start - block.decorators.length : afterImports(out);
  if (block && block.indent > 0) at = afterImports(out);
  out.splice(at, 0, ...wrappers);
  if (!bindsName(out.join("\n"), "task")) out = ensureImport(out, "prefect", "task");
  return out;
}

/**
 * Subflow calls kept as if they were futures (`fs = [child("a"), child("b")]`, then `as_completed(fs)` or
 * `.result()`): a subflow call returns its result, so on 3.x each call goes through a task that is submitted.
 */
function repairSubflowFutures(lines: string[], ctx: RepairContext, findings: Noted[]): string[] {
  if (ctx.major !== 3) return lines;
  const flows = functionBlocks(lines)
    .filter(isFlowBlock)
    .map((b) => b.name);
  if (flows.length === 0) return lines;
  const call = new RegExp(`(?<![\\w.])(${flows.map(escapeRe).join("|")})\\(`, "g");
  let out = [...lines];
  lines.forEach((line, i) => {
    const m = /^\s*(\w+)\s*=\s*(.*\S)\s*$/.exec(line);
    if (!m || !call.test(m[2]!) || /^\s*(?:async\s+)?def\s/.test(line)) return;
    call.lastIndex = 0;
    const v = escapeRe(m[1]!);
    const asFuture = new RegExp(`(?:as_completed|wait)\\(\\s*${v}\\b|\\b${v}\\.(?:result|wait)\\(`);
    if (!lines.slice(i + 1).some((l) => asFuture.test(l))) return;
    note(findings, "subflow-call-result", line);
    out[i] = line.replace(call, "$1.submit(");
  });
  if (findings.some((f) => f.topic === "subflow-call-result")) out = repairFlowSubmit(out, ctx, []);
  return out;
}

/** `wait`/`as_completed` imported from `prefect` (they live in prefect.futures), or `wait(...)` called unimported. */
function repairWaitImport(lines: string[], ctx: RepairContext, findings: Noted[]): string[] {
  let code = lines.join("\n");
  const lineOf = (offset: number) => code.slice(code.lastIndexOf("\n", offset - 1) + 1).split("\n")[0];
  const edit = (make: (tree: PythonTree) => TextEdit | null) => {
    const tree = parseTree(code);
    const e = tree ? make(tree) : null;
    if (e) code = applyEdits(code, [e]);
  };
  for (const name of ["wait", "as_completed"]) {
    const tree = parseTree(code);
    const statement = tree ? importingStatement(tree.root, "prefect", name) : undefined;
    if (!statement) continue;
    note(findings, "prefect-wait-import", lineOf(statement.startIndex));
    edit((t) => importNameRemoval(t, "prefect", name));
    if (ctx.hasFuturesWait) edit((t) => importEdit(t, "prefect.futures", name));
  }
  if (!ctx.hasFuturesWait) return waitOnEachFuture(code.split("\n"));
  const tree = parseTree(code);
  const call = tree ? firstCallOf(tree.root, "wait") : undefined;
  if (tree && call && !boundNames(tree.root).has("wait")) {
    note(findings, "wait-not-imported", lineOf(call.startIndex));
    edit((t) => importEdit(t, "prefect.futures", "wait"));
  }
  return code.split("\n");
}

/** The first call of a plain name (`wait(...)`, not `x.wait(...)`). */
function firstCallOf(root: PythonNode, name: string): PythonNode | undefined {
  let found: PythonNode | undefined;
  walk(root, (node) => {
    if (found) return false;
    if (
      node.type === "call" &&
      field(node, "function")?.type === "identifier" &&
      field(node, "function")?.text === name
    )
      found = node;
    return true;
  });
  return found;
}

/** Before 3.0 there is no `wait` function: a `wait(futures)` statement becomes a loop over `future.wait()`. */
function waitOnEachFuture(lines: string[]): string[] {
  if (lines.some((l) => /^\s*(?:async\s+)?def\s+wait\(/.test(l))) return lines;
  return lines.flatMap((line) => {
    const m = /^(\s*)wait\((.+)\)\s*$/.exec(line);
    return m ? [`${m[1]}for future in ${m[2]}:`, `${m[1]}    future.wait()`] : [line];
  });
}

const RESOLVES = (v: string) =>
  new RegExp(
    `\\b${escapeRe(v)}\\.(?:result|wait)\\(|(?:^|[^\\w.])(?:wait|as_completed)\\(.*\\b${escapeRe(v)}\\b|^\\s*return\\b.*\\b${escapeRe(v)}\\b|\\bfor\\s+\\w+\\s+in\\s+(?:as_completed\\()?${escapeRe(v)}\\b`,
  );

/** In every 3.x flow, resolves the futures nobody waits for (by `wait([...])` before the flow ends). */
function repairUnresolvedFutures(lines: string[], findings: Noted[]): string[] {
  let out = [...lines];
  for (const block of functionBlocks(out).filter(isFlowBlock).reverse()) {
    const body = out.slice(block.start + 1, block.end);
    const pad = " ".repeat(block.bodyIndent);
    const futures: string[] = [];
    const taken = new Set(body.map((l) => /^\s*(\w+)\s*=/.exec(l)?.[1]).filter((x): x is string => !!x));
    const newBody = body.map((line) => {
      const bare = /^(\s*)(\w+)\.(?:submit|map)\(/.exec(line);
      const chainedWait = /\)\s*\.(?:wait|result)\(/.test(line);
      if (bare && !chainedWait && indentOf(line) === block.bodyIndent) {
        let name = `${bare[2]}_future`;
        while (taken.has(name)) name = `${name}_`;
        taken.add(name);
        futures.push(name);
        note(findings, "unresolved-futures", line);
        return `${bare[1]}${name} = ${line.trimStart()}`;
      }
      const assigned = /^\s*(\w+)\s*=\s*[\w.]+\.(?:submit|map)\(/.exec(line);
      if (assigned) futures.push(assigned[1]!);
      return line;
    });
    const bodyText = newBody.join("\n");
    // Futures appended to a list that is waited on count as resolved through the list.
    const resolvedLists = new Set(
      newBody
        .map((l) => /^\s*(\w+)\.append\(/.exec(l)?.[1])
        .filter((x): x is string => !!x && newBody.some((l) => RESOLVES(x).test(l))),
    );
    const isResolved = (v: string) =>
      newBody.some((l) => RESOLVES(v).test(l)) ||
      [...resolvedLists].some((list) =>
        new RegExp(`\\b${escapeRe(list)}\\.append\\(\\s*${escapeRe(v)}\\s*\\)`).test(bodyText),
      );
    const consumed = (v: string) =>
      newBody.some(
        (l) =>
          new RegExp(`\\.(?:submit|map)\\(.*\\b${escapeRe(v)}\\b`).test(l) &&
          !new RegExp(`^\\s*${escapeRe(v)}\\s*=`).test(l),
      );
    const unresolved = futures.filter((v) => !isResolved(v) && !consumed(v));
    if (unresolved.length === 0) continue;
    for (const v of unresolved) {
      const idx = newBody.findIndex((l) => new RegExp(`^\\s*${escapeRe(v)}\\s*=`).test(l));
      note(findings, "unresolved-futures", newBody[idx]);
    }
    const existing = newBody.findIndex(
      (l) => indentOf(l) === block.bodyIndent && /^\s*wait\(\s*(.+?)\s*\)\s*$/.test(l),
    );
    if (existing >= 0) {
      const arg = /^\s*wait\(\s*(.+?)\s*\)\s*$/.exec(newBody[existing]!)![1]!;
      const merged = arg.startsWith("[")
        ? `[${arg.slice(1, -1)}, ${unresolved.join(", ")}]`
        : `[*${arg}, ${unresolved.join(", ")}]`;
      newBody[existing] = `${pad}wait(${merged})`;
    } else {
      let at = newBody.length;
      while (at > 0 && (newBody[at - 1] ?? "").trim() === "") at--;
      const last = newBody[at - 1] ?? "";
      if (/^\s*return\b/.test(last) && indentOf(last) === block.bodyIndent) at--;
      newBody.splice(at, 0, `${pad}wait([${unresolved.join(", ")}])  # resolve every future before the flow returns`);
    }
    out = [...out.slice(0, block.start + 1), ...newBody, ...out.slice(block.end)];
  }
  if (out.some((l) => /(^|[^\w.])wait\(/.test(l)) && !bindsName(out.join("\n"), "wait"))
    out = ensureImport(out, "prefect.futures", "wait");
  return out;
}

/** Decorators used without their import (pasted fragments often lack the import lines), read from the tree. */
function repairDecoratorImports(lines: string[]): string[] {
  let code = lines.join("\n");
  for (const name of ["task", "flow"]) {
    const tree = parseTree(code);
    if (!tree || !usesDecorator(tree.root, name)) continue;
    const edit = importEdit(tree, "prefect", name);
    if (edit) code = applyEdits(code, [edit]);
  }
  return code.split("\n");
}

/** Whether `@name` or `@name(...)` decorates something. */
function usesDecorator(root: PythonNode, name: string): boolean {
  let used = false;
  walk(root, (node) => {
    if (used) return false;
    if (node.type !== "decorator") return true;
    const expression = node.namedChildren[0];
    const target = expression?.type === "call" ? field(expression, "function") : expression;
    used = target?.type === "identifier" && target.text === name;
    return false;
  });
  return used;
}

/** Maps finding lines (numbered in the code being rewritten) back to lines of the original code, by content. */
function originalLines(findings: Noted[], original: string[]): RepairFinding[] {
  return findings.map((f) => ({
    topic: f.topic,
    lines: f.texts
      .map((text) => {
        const exact = original.findIndex((l) => l.trim() === String(text).trim());
        if (exact >= 0) return exact + 1;
        const assigned = /^(\w+)\s*=/.exec(String(text).trim())?.[1];
        const byTarget = assigned ? original.findIndex((l) => new RegExp(`^\\s*${assigned}\\s*=`).test(l)) : -1;
        return byTarget + 1;
      })
      .filter((n) => n > 0)
      .sort((a, b) => a - b),
  }));
}

const TRAP_RULES: Record<string, RuleId> = {
  removed: "removed-in-version",
  "not-yet": "not-yet-available",
  unknown: "unknown-symbol",
  deprecated: "deprecated",
};

/**
 * The text-level repairs, in order: syntax slips first (the other repairs read structure), Prefect-specific repairs
 * next, imports last. Repairs that work on the tree (tree-repairs.ts) run before these, on the linted code.
 */
export function repairCode(code: string, ctx: RepairContext): RepairResult {
  const findings: Noted[] = [];
  const notes: RepairNote[] = [];
  const original = code.split("\n");
  let lines = [...original];
  const diagnoses = ctx.diagnoses ?? [];
  if (diagnoses.some((d) => d.rule === "syntax-error" && d.severity === "error")) {
    const syntax = repairSyntax(lines);
    lines = syntax.lines;
    for (const f of syntax.fixes) notes.push({ rule: "syntax-error", text: `Orca ${f.text}.` });
  }
  lines = repairWaitImport(lines, ctx, findings);
  lines = repairSubflowFutures(lines, ctx, findings);
  lines = repairFlowSubmit(lines, ctx, findings, notes);
  if (ctx.facts && ctx.release) {
    // Only names the linter reported are traps: it knows what is created at run time (settings, runtime).
    const traps = diagnoses.filter((d) => Object.values(TRAP_RULES).includes(d.rule));
    const reported = (fq: string) => traps.some((d) => d.subject?.name === fq || d.subject?.home === fq);
    const repaired = repairVersionTraps(lines, { facts: ctx.facts, release: ctx.release, major: ctx.major, reported });
    lines = repaired.lines;
    for (const f of repaired.findings) notes.push({ rule: TRAP_RULES[f.status]!, name: f.name, text: f.text });
  }
  const structure = repairStructure(lines, new Set(diagnoses.map((d) => d.rule)));
  lines = structure.lines;
  notes.push(...structure.findings);
  if (ctx.major === 3 && ctx.hasFuturesWait) lines = repairUnresolvedFutures(lines, findings);
  lines = repairDecoratorImports(lines);
  const changed = lines.join("\n") !== code;
  return {
    code: changed ? tidyTopLevel(lines.join("\n")) : code,
    findings: originalLines(findings, original),
    notes,
  };
}
