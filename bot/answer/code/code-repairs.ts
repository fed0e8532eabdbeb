// The repairs made on the whole snippet before it is linted again, for mistakes whose fix is clear from the facts:
// submitting flows, importing wait from the wrong place, leaving futures unresolved at the end of a 3.x flow, version
// traps and structure. Each one reads the tree-sitter tree and returns TextEdits of the code (subflow-repairs.ts,
// unresolved-repairs.ts, version-traps.ts with python-edits.ts, structural-repairs.ts); they run here, before the
// second lint, because they also repair what the linter cannot type (a submitted `*_flow` name defined elsewhere).
// Only the syntax pre-pass edits lines, since it runs on code that does not parse. The result is linted again by the
// caller before it is shown.
import type { Diagnosis, PrefectMajor, RuleId, TextEdit } from "../../../core/index.js";
import type { PrefectFacts } from "../../../knowledge/index.js";
import { applyEdits, field, named } from "../../../lint/index.js";
import type { NamedTopic } from "../topics/index.js";
import { tidyTopLevel } from "./python-text.js";
import {
  boundNames,
  callsName,
  decoratorTarget,
  findAll,
  functionDefs,
  importEdit,
  importingStatement,
  importNameRemoval,
  indentBefore,
  lineAt,
  lineTextAt,
  type PythonTree,
  parseTree,
} from "./python-tree.js";
import { repairStructure } from "./structural-repairs.js";
import { repairFlowSubmit, repairSubflowFutures, withImport } from "./subflow-repairs.js";
import { repairSyntax } from "./syntax-repairs.js";
import { repairUnresolvedFutures } from "./unresolved-repairs.js";
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

/** `wait`/`as_completed` imported from `prefect` (they live in prefect.futures), or `wait(...)` called unimported. */
function repairWaitImport(code: string, ctx: RepairContext, findings: Noted[]): string {
  const edit = (make: (tree: PythonTree) => TextEdit | null) => {
    const tree = parseTree(code);
    const e = tree ? make(tree) : null;
    if (e) code = applyEdits(code, [e]);
  };
  for (const name of ["wait", "as_completed"]) {
    const tree = parseTree(code);
    const statement = tree ? importingStatement(tree.root, "prefect", name) : undefined;
    if (!statement) continue;
    note(findings, "prefect-wait-import", lineTextAt(code, statement.startIndex));
    edit((t) => importNameRemoval(t, "prefect", name));
    if (ctx.hasFuturesWait) edit((t) => importEdit(t, "prefect.futures", name));
  }
  if (!ctx.hasFuturesWait) return waitOnEachFuture(code);
  const tree = parseTree(code);
  const call = tree ? findAll(tree.root, (n) => callsName(n, "wait"))[0] : undefined;
  if (tree && call && !boundNames(tree.root).has("wait")) {
    note(findings, "wait-not-imported", lineTextAt(code, call.startIndex));
    edit((t) => importEdit(t, "prefect.futures", "wait"));
  }
  return code;
}

/** Before 3.0 there is no `wait` function: a `wait(futures)` statement becomes a loop over `future.wait()`. */
function waitOnEachFuture(code: string): string {
  const tree = parseTree(code);
  if (!tree || functionDefs(tree.root).some((d) => d.name === "wait")) return code;
  const statements = findAll(
    tree.root,
    (n) =>
      n.type === "expression_statement" &&
      n.namedChildren.length === 1 &&
      callsName(n.namedChildren[0]!, "wait") &&
      named(field(n.namedChildren[0]!, "arguments")).length > 0,
  );
  const edits = statements.map((statement) => {
    const args = field(statement.namedChildren[0]!, "arguments")!;
    const indent = indentBefore(code, statement);
    return {
      start: statement.startIndex,
      end: statement.endIndex,
      text: `for future in ${args.text.slice(1, -1).trim()}:\n${indent}    future.wait()`,
    };
  });
  return applyEdits(code, edits);
}

/** Decorators used without their import (pasted fragments often lack the import lines), read from the tree. */
function repairDecoratorImports(code: string): string {
  for (const name of ["task", "flow"]) {
    const tree = parseTree(code);
    if (tree && findAll(tree.root, (n) => n.type === "decorator" && decoratorTarget(n) === name).length > 0)
      code = withImport(code, "prefect", name);
  }
  return code;
}

/** The variable a line assigns (`t_future = t.submit(b)` → `t_future`), read from the line's own parse. */
function assignedName(text: string): string | undefined {
  const tree = parseTree(text.trim());
  const assignment = tree ? findAll(tree.root, (n) => n.type === "assignment")[0] : undefined;
  const left = assignment ? field(assignment, "left") : null;
  return left?.type === "identifier" ? left.text : undefined;
}

/**
 * Maps finding lines (texts in the code being rewritten) back to lines of the original code: the same line, else
 * the line assigning the same variable.
 */
function originalLines(findings: Noted[], original: string): RepairFinding[] {
  const lines = original.split("\n");
  const tree = parseTree(original);
  const assignments = tree ? findAll(tree.root, (n) => n.type === "assignment") : [];
  return findings.map((f) => ({
    topic: f.topic,
    lines: f.texts
      .map((text) => {
        const exact = lines.findIndex((l) => l.trim() === text.trim());
        if (exact >= 0) return exact + 1;
        const target = assignedName(text);
        const at = assignments.find((a) => target !== undefined && field(a, "left")?.text === target);
        return at ? lineAt(original, at.startIndex) : 0;
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
  let out = code;
  const diagnoses = ctx.diagnoses ?? [];
  if (diagnoses.some((d) => d.rule === "syntax-error" && d.severity === "error")) {
    const syntax = repairSyntax(out.split("\n"));
    out = syntax.lines.join("\n");
    for (const f of syntax.fixes) notes.push({ rule: "syntax-error", text: `Orca ${f.text}.` });
  }
  out = repairWaitImport(out, ctx, findings);
  const subflows = { major: ctx.major, flowNames: ctx.flowNames ?? [] };
  const noteLine = (topic: NamedTopic, text: string) => note(findings, topic, text);
  out = repairSubflowFutures(out, subflows, noteLine, notes);
  out = repairFlowSubmit(out, subflows, noteLine, notes);
  if (ctx.facts && ctx.release) {
    // Only names the linter reported are traps: it knows what is created at run time (settings, runtime).
    const traps = diagnoses.filter((d) => Object.values(TRAP_RULES).includes(d.rule));
    const reported = (fq: string) => traps.some((d) => d.subject?.name === fq || d.subject?.home === fq);
    const repaired = repairVersionTraps(out, { facts: ctx.facts, release: ctx.release, major: ctx.major, reported });
    out = repaired.code;
    for (const f of repaired.findings) notes.push({ rule: TRAP_RULES[f.status]!, name: f.name, text: f.text });
  }
  const structure = repairStructure(out, new Set(diagnoses.map((d) => d.rule)));
  out = structure.code;
  notes.push(...structure.findings);
  if (ctx.major === 3 && ctx.hasFuturesWait)
    out = repairUnresolvedFutures(out, (text) => noteLine("unresolved-futures", text));
  out = repairDecoratorImports(out);
  const changed = out !== code;
  return {
    code: changed ? tidyTopLevel(out) : code,
    findings: originalLines(findings, code),
    notes,
  };
}
