// Refits triage/data/duplicate-model.json from the labelled pairs (evals/triage/duplicates.jsonl): an L2-regularised
// logistic regression over the pair features of triage/similarity.ts. The regularisation strength and the threshold
// are chosen on leave-one-out scores (each pair scored by a model fitted without it): the best recall whose
// precision reaches the target. The pairs are a development set, so the numbers it prints are development numbers.
//   npx tsx scripts/fit-duplicate-model.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import {
  chooseThreshold,
  createClassifier,
  duplicateFeatureRows,
  type FeatureVector,
  fitLogistic,
  leaveOneOutScores,
  type OperatingPoint,
  operatingPoint,
  parsePairCases,
  scoreOf,
} from "../triage/index.js";

const PAIRS = path.join(repoRoot, "evals", "triage", "duplicates.jsonl");
const OUT = path.join(repoRoot, "triage", "data", "duplicate-model.json");
const TARGET_PRECISION = 0.9;
const L2_CANDIDATES = [0.5, 1, 2, 3];
/**
 * Set, not fitted: quoting the same error is strong evidence of the same problem and quoting different ones (or the
 * same one about different names) strong evidence against, but few labelled pairs quote an error on both sides, so
 * the data cannot weigh these (in log-odds).
 */
const FIXED: Partial<FeatureVector> = { same_error: 2, error_conflict: -3 };

const pairs = parsePairCases(readFileSync(PAIRS, "utf8"), PAIRS);
const { rows } = duplicateFeatureRows(createClassifier({ facts: loadPrefectFacts() }), pairs);
const same = rows.map((r) => r.same);

let best: { l2: number; loo: OperatingPoint } | undefined;
for (const l2 of L2_CANDIDATES) {
  const point = chooseThreshold(leaveOneOutScores(rows, l2, FIXED), same, TARGET_PRECISION);
  if (!point) continue;
  const better =
    !best ||
    point.recall > best.loo.recall ||
    (point.recall === best.loo.recall && point.precision > best.loo.precision);
  if (better) best = { l2, loo: point };
}
if (!best) throw new Error(`no threshold reaches ${TARGET_PRECISION} precision on leave-one-out scores`);
const fitted = fitLogistic(rows, best.l2, FIXED);
const model = { ...fitted, threshold: best.loo.threshold };
const inSample = operatingPoint(
  rows.map((r) => scoreOf(model, r.features)),
  same,
  model.threshold,
);
const round = (p: OperatingPoint) => ({
  ...p,
  precision: Math.round(p.precision * 1000) / 1000,
  recall: Math.round(p.recall * 1000) / 1000,
});
const out = {
  note: "written by scripts/fit-duplicate-model.ts from evals/triage/duplicates.jsonl (development pairs)",
  l2: best.l2,
  fixed: FIXED,
  ...model,
  pairs: rows.length,
  development: { fitted_on_all_pairs: round(inSample), leave_one_out: round(best.loo) },
};
writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
