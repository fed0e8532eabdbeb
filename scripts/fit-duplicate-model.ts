// Refits triage/data/duplicate-model.json from the training pairs (triage/data/training/duplicates.jsonl): an
// L2-regularised logistic regression over the pair features of triage/similarity.ts. The regularisation strength and
// the threshold are chosen on cross-validated scores (group 5-fold: a pair is scored by a model fitted without any
// pair about the same problems): the best recall whose precision reaches the target. The development pairs in
// evals/triage are not read here, so `orca triage eval` on them stays a check.
//   npx tsx scripts/fit-duplicate-model.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import {
  chooseThreshold,
  createClassifier,
  crossValidatedScores,
  duplicateFeatureRows,
  type FeatureVector,
  fitLogistic,
  groupFolds,
  type OperatingPoint,
  operatingPoint,
  parsePairCases,
  scoreOf,
  type ThreadClassifier,
  type ThreadKind,
  type ThreadTopic,
} from "../triage/index.js";

const TRAINING = path.join(repoRoot, "triage", "data", "training");
const PAIRS = path.join(TRAINING, "duplicates.jsonl");
const THREADS = path.join(TRAINING, "threads.jsonl");
const CROSS = path.join(TRAINING, "cross-validated.json");
const OUT = path.join(repoRoot, "triage", "data", "duplicate-model.json");
/** Above the 0.9 the issue asks for: cross-validated precision on one set overstates precision on the next. */
const TARGET_PRECISION = 0.92;
const FOLDS = 5;
const L2_CANDIDATES = [0.5, 1, 2, 3];
/**
 * Set, not fitted: quoting the same error is strong evidence of the same problem and quoting different ones (or the
 * same one about different names) strong evidence against, but few labelled pairs quote an error on both sides, so
 * the data cannot weigh these (in log-odds).
 */
const FIXED: Partial<FeatureVector> = { same_error: 2, error_conflict: -3 };

const lines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim());
const problemOf = new Map(
  lines(THREADS).map((l) => {
    const t = JSON.parse(l) as { id: string; problem?: string };
    return [t.id, t.problem ?? t.id];
  }),
);
const pairs = parsePairCases(readFileSync(PAIRS, "utf8"), PAIRS);
// A pair's fold follows the problem of its first text, so paraphrases of one problem are scored by models fitted
// without them.
const pairProblems = lines(PAIRS).map((l) => {
  const p = JSON.parse(l) as { id: string; a_id?: string };
  return problemOf.get(p.a_id ?? "") ?? p.id;
});
const foldOf = groupFolds(pairProblems, FOLDS);
// The classifier was fitted on these very texts, so its topic for them is near-certain to be right, which would make
// "same topic" look decisive. Each training text gets the topic of the model fitted without its fold instead.
const crossValidated = JSON.parse(readFileSync(CROSS, "utf8")) as Record<
  string,
  { kind: ThreadKind; topic: ThreadTopic }
>;
const textIds = new Map(
  lines(THREADS).map((l) => {
    const t = JSON.parse(l) as { id: string; text: string };
    return [t.text, t.id];
  }),
);
const classifier = createClassifier({ facts: loadPrefectFacts() });
const outOfFold: ThreadClassifier = {
  version: classifier.version,
  classify(text) {
    const result = classifier.classify(text);
    const cv = crossValidated[textIds.get(text) ?? ""];
    return cv ? { ...result, kind: cv.kind, topic: cv.kind === "off-topic" ? "other" : cv.topic } : result;
  },
};
const { rows } = duplicateFeatureRows(outOfFold, pairs);
const same = rows.map((r) => r.same);

let best: { l2: number; cv: OperatingPoint } | undefined;
for (const l2 of L2_CANDIDATES) {
  const point = chooseThreshold(crossValidatedScores(rows, foldOf, l2, FIXED), same, TARGET_PRECISION);
  process.stderr.write(`l2 ${l2}: ${JSON.stringify(point)}\n`);
  if (!point) continue;
  const better =
    !best || point.recall > best.cv.recall || (point.recall === best.cv.recall && point.precision > best.cv.precision);
  if (better) best = { l2, cv: point };
}
if (!best) throw new Error(`no threshold reaches ${TARGET_PRECISION} precision on cross-validated scores`);
const fitted = fitLogistic(rows, best.l2, FIXED);
const model = { ...fitted, threshold: best.cv.threshold };
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
  note: "written by scripts/fit-duplicate-model.ts from triage/data/training/duplicates.jsonl (training pairs)",
  l2: best.l2,
  fixed: FIXED,
  ...model,
  pairs: rows.length,
  training: { fitted_on_all_pairs: round(inSample), cross_validated: round(best.cv) },
};
writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
