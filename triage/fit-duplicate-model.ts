// Fits the duplicate model: an L2-regularised logistic regression over the pair features (similarity.ts), so the
// score is a calibrated probability. Hand-written (Newton's method on a dozen features, a few dozen lines) rather
// than a dependency: the npm regression packages are either unmaintained or bring a numeric stack for this.
// Also scores each pair by a model fitted without it (leave-one-out), the honest estimate on the labelled pairs.
import { DUPLICATE_FEATURES, type DuplicateModel, type FeatureVector, scoreOf } from "./similarity.js";

export interface LabelledFeatures {
  features: FeatureVector;
  same: boolean;
}

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = (m[col] as number[])[col] as number;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = ((m[r] as number[])[col] as number) / p;
      for (let c = col; c <= n; c++)
        (m[r] as number[])[c] = ((m[r] as number[])[c] as number) - f * ((m[col] as number[])[c] as number);
    }
  }
  return m.map((row, i) => (Math.abs(row[i] as number) < 1e-12 ? 0 : (row[n] as number) / (row[i] as number)));
}

/**
 * Maximum a-posteriori logistic regression; `l2` penalises the weights (not the bias). Features in `fixed` keep the
 * weight given there (prior knowledge for signals the labelled pairs rarely exercise) and the rest are fitted.
 */
export function fitLogistic(
  rows: readonly LabelledFeatures[],
  l2 = 1,
  fixed: Partial<FeatureVector> = {},
): Omit<DuplicateModel, "threshold"> {
  const free = DUPLICATE_FEATURES.filter((f) => fixed[f] === undefined);
  const d = free.length + 1;
  const xs = rows.map((r) => [1, ...free.map((f) => r.features[f])]);
  const offsets = rows.map((r) => DUPLICATE_FEATURES.reduce((sum, f) => sum + (fixed[f] ?? 0) * r.features[f], 0));
  const ys = rows.map((r) => (r.same ? 1 : 0));
  let w: number[] = new Array(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad: number[] = new Array(d).fill(0);
    const hess: number[][] = Array.from({ length: d }, () => new Array(d).fill(0));
    xs.forEach((x, i) => {
      const z = x.reduce((s, v, j) => s + v * (w[j] as number), offsets[i] as number);
      const p = 1 / (1 + Math.exp(-z));
      const err = p - (ys[i] as number);
      const h = p * (1 - p);
      for (let j = 0; j < d; j++) {
        grad[j] = (grad[j] as number) + err * (x[j] as number);
        for (let k = 0; k < d; k++)
          (hess[j] as number[])[k] = ((hess[j] as number[])[k] as number) + h * (x[j] as number) * (x[k] as number);
      }
    });
    for (let j = 1; j < d; j++) {
      grad[j] = (grad[j] as number) + l2 * (w[j] as number);
      (hess[j] as number[])[j] = ((hess[j] as number[])[j] as number) + l2;
    }
    (hess[0] as number[])[0] = ((hess[0] as number[])[0] as number) + 1e-6;
    const step = solve(hess, grad);
    w = w.map((v, j) => v - (step[j] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return {
    bias: round(w[0] as number),
    weights: Object.fromEntries(
      DUPLICATE_FEATURES.map((f) => [f, fixed[f] ?? round(w[free.indexOf(f) + 1] as number)]),
    ) as FeatureVector,
  };
}

/** Each pair's score from a model fitted on all the other pairs. */
export function leaveOneOutScores(
  rows: readonly LabelledFeatures[],
  l2 = 1,
  fixed: Partial<FeatureVector> = {},
): number[] {
  return rows.map((row, i) => {
    const m = fitLogistic(
      rows.filter((_, j) => j !== i),
      l2,
      fixed,
    );
    return scoreOf({ ...m, threshold: 0 }, row.features);
  });
}

/**
 * Each pair's score from a model fitted without its fold (k-fold cross-validation); `foldOf[i]` is pair i's fold.
 * Pairs that share a text should share a fold, so that no pair is scored by a model that saw its text.
 */
export function crossValidatedScores(
  rows: readonly LabelledFeatures[],
  foldOf: readonly number[],
  l2 = 1,
  fixed: Partial<FeatureVector> = {},
): number[] {
  const scores: number[] = new Array(rows.length).fill(0);
  for (const fold of new Set(foldOf)) {
    const m = fitLogistic(
      rows.filter((_, j) => foldOf[j] !== fold),
      l2,
      fixed,
    );
    rows.forEach((row, i) => {
      if (foldOf[i] === fold) scores[i] = scoreOf({ ...m, threshold: 0 }, row.features);
    });
  }
  return scores;
}

export interface OperatingPoint {
  threshold: number;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export function operatingPoint(scores: readonly number[], same: readonly boolean[], threshold: number): OperatingPoint {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold && same[i]) tp++;
    else if (s >= threshold) fp++;
    else if (same[i]) fn++;
  });
  return {
    threshold,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    tp,
    fp,
    fn,
  };
}

/** The threshold (on a 0.02 grid) with the best recall whose precision reaches `minPrecision`. */
export function chooseThreshold(
  scores: readonly number[],
  same: readonly boolean[],
  minPrecision: number,
): OperatingPoint | undefined {
  let best: OperatingPoint | undefined;
  for (let t = 0.3; t <= 0.981; t += 0.02) {
    const point = operatingPoint(scores, same, Math.round(t * 100) / 100);
    if (point.tp === 0 || point.precision < minPrecision) continue;
    if (!best || point.recall > best.recall) best = point;
  }
  return best;
}
