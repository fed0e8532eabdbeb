// Repairs on the tree: each one is a small function from a diagnosis (and the node it is about) to TextEdits of the
// code that was linted. They fill in the fix of diagnoses the linter could not fix safely on its own, and the
// linter's applyFixes applies them together with its own fixes (one that would overlap an earlier one is skipped).
import type { Diagnosis, PrefectMajor, RuleId, TextEdit } from "../../../core/index.js";
import type { PrefectFacts } from "../../../knowledge/index.js";
import { applyEdits, applyFixes } from "../../../lint/index.js";
import { repairMissingAwait } from "./await-repairs.js";
import type { RepairNote } from "./code-repairs.js";
import { repairAwaitedFuture, repairFlowRunWait } from "./future-repairs.js";
import { repairKeyword } from "./keyword-repairs.js";
import { repairPauseInTask } from "./pause-repairs.js";
import { importEdit, nodeCovering, type PythonNode, parseTree, unusedImportRemoval } from "./python-tree.js";

export interface TreeRepairContext {
  facts: PrefectFacts;
  release: string;
  major: PrefectMajor;
}

export interface TreeRepairResult {
  edits: TextEdit[];
  /** Names the edited code needs imported (added once the edits are applied); no name: `import module`. */
  imports?: { module: string; name?: string }[];
  /** Imported names the edits may leave unused (removed once the edits are applied, when nothing uses them). */
  unused?: { module: string; name: string }[];
  /** What Orca changed, for the explanation (none when the explanation of the rule already says it). */
  note?: RepairNote;
}

/** A repair for one diagnosis: null when it has no safe edit for this one. */
export type TreeRepair = (
  d: Diagnosis,
  node: PythonNode,
  ctx: TreeRepairContext & { code: string },
) => TreeRepairResult | null;

/** The repairs per rule, tried in order. */
const TREE_REPAIRS: Partial<Record<RuleId, TreeRepair[]>> = {
  "unknown-parameter": [repairKeyword],
  "not-awaitable": [repairAwaitedFuture],
  "unknown-attribute": [repairFlowRunWait],
  "missing-await": [repairMissingAwait],
  "not-yet-available": [repairPauseInTask],
};

/** Whether some repair on the tree is about this diagnosis' rule. */
export function hasTreeRepair(d: Diagnosis): boolean {
  return (TREE_REPAIRS[d.rule]?.length ?? 0) > 0;
}

export interface TreeRepairOutcome {
  /** The code with the linter's fixes and the repairs applied. */
  code: string;
  notes: RepairNote[];
  /** The diagnoses a repair fixed. */
  repaired: Diagnosis[];
}

/**
 * Applies the linter's fixes and the repairs to `code`; `diagnoses` must come from linting exactly `code` (their
 * ranges are offsets in it). The caller lints the result again.
 */
export function repairOnTree(
  code: string,
  diagnoses: readonly Diagnosis[],
  ctx: TreeRepairContext,
  repairs: Partial<Record<RuleId, TreeRepair[]>> = TREE_REPAIRS,
): TreeRepairOutcome {
  const tree = diagnoses.some((d) => !d.fix && d.range && repairs[d.rule]) ? parseTree(code) : null;
  if (!tree) return { code: applyFixes(code, diagnoses), notes: [], repaired: [] };
  const notes: RepairNote[] = [];
  const repaired: Diagnosis[] = [];
  const imports: { module: string; name?: string }[] = [];
  const unused: { module: string; name: string }[] = [];
  const fixed = diagnoses.map((d) => {
    if (d.fix || !d.range) return d;
    const node = nodeCovering(tree.root, d.range.start, d.range.end);
    for (const repair of repairs[d.rule] ?? []) {
      const result = repair(d, node, { ...ctx, code });
      if (!result) continue;
      if (result.note) notes.push(result.note);
      repaired.push(d);
      imports.push(...(result.imports ?? []));
      unused.push(...(result.unused ?? []));
      return { ...d, fix: { description: result.note?.text ?? `repair ${d.rule}`, edits: result.edits } };
    }
    return d;
  });
  let out = applyFixes(code, fixed);
  for (const { module, name } of imports) {
    const next = parseTree(out);
    const edit = next ? importEdit(next, module, name) : null;
    if (edit) out = applyEdits(out, [edit]);
  }
  for (const { module, name } of unused) {
    const next = parseTree(out);
    const edit = next ? unusedImportRemoval(next, module, name) : null;
    if (edit) out = applyEdits(out, [edit]);
  }
  return { code: out, notes, repaired };
}
