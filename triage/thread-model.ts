// The fitted part of the offline classifier: a multinomial logistic regression (softmax) over sparse, general features
// of a message — its words and word pairs, its first words, the weighted cues of the tables in triage/data, the
// answer units the answer engine matches, the docs' topic vocabulary, and its shape (code, traceback, question mark,
// length). One model for the kind and one for the topic, fitted by scripts/fit-thread-model.ts on the training
// messages in triage/data/training and stored as JSON. Every decision can name the features that weighed most.
//
// Hand-written (a few dozen lines of gradient descent on a convex loss) rather than a dependency: the npm packages
// for this are dense-matrix libraries, while these features are a few dozen out of thousands per message.

/** A message's features: name → value (words are 1 when present; table and docs scores are scaled weights). */
export type SparseFeatures = Map<string, number>;

export interface SoftmaxModel {
  classes: string[];
  /** Per class, the intercept. */
  bias: number[];
  /** Per feature, one weight per class (in `classes` order). Features missing here weigh nothing. */
  weights: Record<string, number[]>;
  /**
   * Per feature family, one weight shared by every class: a feature `family:label` (a cue table's score for one
   * topic) adds `tied[family] · value` to that label's class only. The tables' knowledge then needs one weight per
   * family rather than one per class, which a few hundred messages cannot give each of 17 topics.
   */
  tied?: Record<string, number>;
}

/** For a feature named `family:label` with `family` tied and `label` a class: the class index and the family. */
function tiedTarget(name: string, tied: ReadonlySet<string>, classIndex: ReadonlyMap<string, number>) {
  const colon = name.indexOf(":");
  if (colon < 0) return undefined;
  const family = name.slice(0, colon);
  if (!tied.has(family)) return undefined;
  const c = classIndex.get(name.slice(colon + 1));
  return c === undefined ? undefined : { family, c };
}

export interface Prediction {
  /** Classes by probability, best first. */
  ranked: Array<{ label: string; probability: number }>;
  /** The features that pushed the winner up most against the average of the other classes, strongest first. */
  reasons: Array<{ feature: string; weight: number }>;
}

export function predict(model: SoftmaxModel, features: SparseFeatures, reasons = 5): Prediction {
  const k = model.classes.length;
  const z = [...model.bias];
  const tied = model.tied ?? {};
  const families = new Set(Object.keys(tied));
  const classIndex = new Map(model.classes.map((c, i) => [c, i]));
  const tiedPush = new Map<string, { c: number; push: number }>();
  for (const [name, value] of features) {
    const w = model.weights[name];
    if (w) for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[c] as number) * value;
    const target = families.size > 0 ? tiedTarget(name, families, classIndex) : undefined;
    if (target) {
      const push = (tied[target.family] as number) * value;
      z[target.c] = (z[target.c] as number) + push;
      tiedPush.set(name, { c: target.c, push });
    }
  }
  const probs = softmax(z);
  const order = probs.map((p, c) => ({ label: model.classes[c] as string, probability: p, c }));
  order.sort((a, b) => b.probability - a.probability);
  const winner = order[0]?.c ?? 0;
  const why: Array<{ feature: string; weight: number }> = [];
  for (const [name, value] of features) {
    const w = model.weights[name];
    let push = 0;
    if (w) {
      const others = (w.reduce((s, v) => s + v, 0) - (w[winner] as number)) / Math.max(k - 1, 1);
      push = ((w[winner] as number) - others) * value;
    }
    const t = tiedPush.get(name);
    if (t) push += t.c === winner ? t.push : -t.push / Math.max(k - 1, 1);
    if (push > 0) why.push({ feature: name, weight: Math.round(push * 100) / 100 });
  }
  why.sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature));
  return {
    ranked: order.map(({ label, probability }) => ({ label, probability })),
    reasons: why.slice(0, reasons),
  };
}

function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

export interface LabelledExample {
  features: SparseFeatures;
  label: string;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the intercepts), added to the summed log-loss as l2/2·|w|². */
  l2: number;
  /** Feature families whose weight is shared by all classes (see SoftmaxModel.tied). */
  tied?: readonly string[];
  /** Full-batch iterations of Adam (deterministic: no sampling, fixed order). */
  iterations?: number;
  learningRate?: number;
}

/**
 * Maximum a-posteriori softmax regression by full-batch Adam. The loss is convex, so a fixed number of steps from
 * zero always lands on the same weights for the same data.
 */
export function fitSoftmax(
  examples: readonly LabelledExample[],
  classes: readonly string[],
  options: FitOptions,
): SoftmaxModel {
  const k = classes.length;
  const families = [...new Set(options.tied ?? [])].sort();
  const familySet = new Set(families);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const names = [...new Set(examples.flatMap((e) => [...e.features.keys()]))]
    .filter((n) => !tiedTarget(n, familySet, classIndex))
    .sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => {
    const free = [...e.features].filter(([n]) => index.has(n));
    const tiedHere = [...e.features].flatMap(([n, value]) => {
      const t = tiedTarget(n, familySet, classIndex);
      return t ? [{ f: families.indexOf(t.family), c: t.c, value }] : [];
    });
    return {
      idx: free.map(([n]) => index.get(n) as number),
      val: free.map(([, v]) => v),
      tied: tiedHere,
      y: classes.indexOf(e.label),
    };
  });
  if (rows.some((r) => r.y < 0)) throw new Error("an example's label is not among the classes");
  // Layout: per free feature k weights, then k intercepts, then one weight per tied family.
  const biasRow = names.length * k;
  const tiedStart = biasRow + k;
  const dim = tiedStart + families.length;
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const iterations = options.iterations ?? 400;
  const lr = options.learningRate ?? 0.05;
  const z = new Float64Array(k);
  for (let t = 1; t <= iterations; t++) {
    grad.fill(0);
    for (const r of rows) {
      for (let c = 0; c < k; c++) z[c] = w[biasRow + c] as number;
      r.idx.forEach((f, j) => {
        const x = r.val[j] as number;
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[f * k + c] as number) * x;
      });
      for (const t of r.tied) z[t.c] = (z[t.c] as number) + (w[tiedStart + t.f] as number) * t.value;
      const p = softmax([...z]);
      for (let c = 0; c < k; c++) {
        const err = (p[c] as number) - (c === r.y ? 1 : 0);
        grad[biasRow + c] = (grad[biasRow + c] as number) + err;
        r.idx.forEach((f, j) => {
          grad[f * k + c] = (grad[f * k + c] as number) + err * (r.val[j] as number);
        });
      }
      for (const t of r.tied) {
        const err = (p[t.c] as number) - (t.c === r.y ? 1 : 0);
        grad[tiedStart + t.f] = (grad[tiedStart + t.f] as number) + err * t.value;
      }
    }
    for (let i = 0; i < biasRow; i++) grad[i] = (grad[i] as number) + options.l2 * (w[i] as number);
    for (let i = tiedStart; i < dim; i++) grad[i] = (grad[i] as number) + options.l2 * (w[i] as number);
    const b1 = 0.9;
    const b2 = 0.999;
    for (let i = 0; i < dim; i++) {
      const g = grad[i] as number;
      m[i] = b1 * (m[i] as number) + (1 - b1) * g;
      v[i] = b2 * (v[i] as number) + (1 - b2) * g * g;
      const mh = (m[i] as number) / (1 - b1 ** t);
      const vh = (v[i] as number) / (1 - b2 ** t);
      w[i] = (w[i] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const weights: Record<string, number[]> = {};
  names.forEach((name, f) => {
    const row = Array.from({ length: k }, (_, c) => round(w[f * k + c] as number));
    // A weight this small moves no probability by more than a rounding error: leave it out of the stored model.
    if (row.some((x) => Math.abs(x) >= 0.002)) weights[name] = row;
  });
  return {
    classes: [...classes],
    bias: Array.from({ length: k }, (_, c) => round(w[biasRow + c] as number)),
    weights,
    ...(families.length > 0
      ? { tied: Object.fromEntries(families.map((f, i) => [f, round(w[tiedStart + i] as number)])) }
      : {}),
  };
}

/** Group k-fold: every example of one group (paraphrases of one problem) lands in the same fold. */
export function groupFolds(groups: readonly string[], folds: number): number[] {
  const distinct = [...new Set(groups)].sort();
  const foldOf = new Map(distinct.map((g) => [g, hashFold(g, folds)]));
  return groups.map((g) => foldOf.get(g) as number);
}

/** A stable fold for a group: by a string hash, so adding a group does not reshuffle the others. */
function hashFold(group: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < group.length; i++) {
    h ^= group.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % folds;
}

/** Accuracy of models fitted without each fold, on that fold (cross-validation). */
export function crossValidate(
  examples: readonly LabelledExample[],
  classes: readonly string[],
  foldOf: readonly number[],
  options: FitOptions,
): { accuracy: number; predictions: string[] } {
  const folds = Math.max(...foldOf) + 1;
  const predictions: string[] = new Array(examples.length).fill("");
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => foldOf[i] !== f);
    if (train.length === 0) continue;
    const model = fitSoftmax(train, classes, options);
    examples.forEach((e, i) => {
      if (foldOf[i] === f) predictions[i] = predict(model, e.features, 0).ranked[0]?.label ?? "";
    });
  }
  const right = examples.filter((e, i) => predictions[i] === e.label).length;
  return { accuracy: right / examples.length, predictions };
}
