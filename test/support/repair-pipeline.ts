// The code-check repair steps in the order check-code runs them (lint, text repairs, repairs on the tree, lint again),
// for tests that start from a fixture and assert on the corrected code.
import { type RepairNote, repairCode } from "../../bot/answer/code/code-repairs.js";
import { repairOnTree } from "../../bot/answer/code/tree-repairs.js";
import type { PrefectFacts } from "../../knowledge/index.js";
import type { Linter } from "../../lint/index.js";

export interface RepairedCode {
  code: string;
  notes: RepairNote[];
  /** What the linter still reports on the corrected code (info left out). */
  after: ReturnType<Linter["lint"]>["diagnoses"];
}

export function repairPipeline(facts: PrefectFacts, linter: Linter): (code: string, version: string) => RepairedCode {
  return (code, version) => {
    const first = linter.lint(code, version);
    const release = first.version;
    const major = release.startsWith("2.") ? 2 : 3;
    const hasFuturesWait = facts.presence("prefect.futures.wait", release).status === "present";
    const text = repairCode(first.fixedCode, { major, hasFuturesWait, facts, release, diagnoses: first.diagnoses });
    const onTree = repairOnTree(text.code, linter.lint(text.code, release).diagnoses, { facts, release, major });
    const after = linter.lint(onTree.code, release).diagnoses.filter((d) => d.severity !== "info");
    return { code: onTree.code, notes: [...text.notes, ...onTree.notes], after };
  };
}
