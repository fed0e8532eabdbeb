// Fits triage/data/thread-model.json: the kind and topic models of the offline classifier (triage/thread-model.ts),
// softmax regressions over the features of triage/thread-features.ts, from the training messages in
// triage/data/training/threads.jsonl. The regularisation and the feature groups are chosen by group 5-fold
// cross-validation on the training messages (paraphrases of one problem stay in one fold); the development set in
// evals/triage is not read here, so it stays a check.
//   npx tsx scripts/fit-thread-model.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../core/index.js";
import {
  crossValidate,
  type FeatureGroups,
  fitSoftmax,
  groupFolds,
  KINDS,
  type LabelledExample,
  loadFeatureTables,
  messageFeatures,
  parseThreadCases,
  restrictFeatures,
  type SparseFeatures,
  TOPICS,
} from "../triage/index.js";

const TRAINING = path.join(repoRoot, "triage", "data", "training", "threads.jsonl");
const OUT = path.join(repoRoot, "triage", "data", "thread-model.json");
/** Each training message's kind and topic from the models fitted without its fold (for fitting the duplicate model). */
const CROSS = path.join(repoRoot, "triage", "data", "training", "cross-validated.json");
const FOLDS = 5;
const L2_CANDIDATES = [0.1, 0.3, 1];
const GROUP_CANDIDATES: FeatureGroups[] = [
  { words: true, bigrams: true, tables: true },
  { words: true, bigrams: false, tables: true },
];
/** Set, not searched: function words speak for the kind of a message, not for its subject. */
const FUNCTION_WORDS = { kind: true, topic: false };
/** The table families whose weight is shared by all classes of a model (see SoftmaxModel.tied). */
const TIED = {
  kind: ["kind cues", "kind cues + question mark"],
  topic: ["topic cues", "answer unit topic", "docs vocabulary"],
};
/** A word or word pair seen in fewer training messages than this is noise, not a feature. */
const MIN_DOCS = 2;

const raw = readFileSync(TRAINING, "utf8");
const cases = parseThreadCases(raw, TRAINING);
// The problem each message describes (paraphrases share one): the unit of cross-validation.
const problems = raw
  .split("\n")
  .filter((l) => l.trim())
  .map((l) =>
    String((JSON.parse(l) as { problem?: string; id: string }).problem ?? (JSON.parse(l) as { id: string }).id),
  );
const foldOf = groupFolds(problems, FOLDS);
const tables = loadFeatureTables();
// Features are computed once with every group on; a candidate's groups are then a filter over them.
const everything = cases.map((c) => messageFeatures(c.text, tables).features);
function featuresFor(i: number, groups: FeatureGroups): SparseFeatures {
  return restrictFeatures(everything[i] as SparseFeatures, groups);
}

/** Drops words and pairs too rare in the training messages to weigh. */
function prune(examples: LabelledExample[]): LabelledExample[] {
  const df = new Map<string, number>();
  for (const e of examples) for (const f of e.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const lexical = (f: string) => /^(w|f|b|c|first):/.test(f);
  return examples.map((e) => ({
    label: e.label,
    features: new Map([...e.features].filter(([f]) => !lexical(f) || (df.get(f) ?? 0) >= MIN_DOCS)),
  }));
}

interface Choice {
  groups: FeatureGroups;
  l2: number;
  accuracy: number;
}

function choose(target: "kind" | "topic", classes: readonly string[]) {
  let best: (Choice & { predictions: string[] }) | undefined;
  const tried: Choice[] = [];
  for (const candidate of GROUP_CANDIDATES) {
    const groups = { ...candidate, functionWords: FUNCTION_WORDS[target] };
    const examples = prune(cases.map((c, i) => ({ features: featuresFor(i, groups), label: c[target] })));
    for (const l2 of L2_CANDIDATES) {
      const { accuracy, predictions } = crossValidate(examples, classes, foldOf, { l2, tied: TIED[target] });
      const choice = { groups, l2, accuracy: Math.round(accuracy * 1000) / 1000 };
      tried.push(choice);
      process.stderr.write(`${target} ${JSON.stringify(choice)}\n`);
      if (!best || choice.accuracy > best.accuracy) best = { ...choice, predictions };
    }
  }
  if (!best) throw new Error("no candidate");
  const chosen = best;
  const examples = prune(cases.map((c, i) => ({ features: featuresFor(i, chosen.groups), label: c[target] })));
  const { predictions, ...choice } = best;
  return { choice, predictions, tried, model: fitSoftmax(examples, classes, { l2: best.l2, tied: TIED[target] }) };
}

const kind = choose("kind", KINDS);
const topic = choose("topic", TOPICS);
const out = {
  note: "written by scripts/fit-thread-model.ts from triage/data/training/threads.jsonl; cross-validation accuracy is on the training messages (group 5-fold), not a blind measure",
  training_messages: cases.length,
  kind: {
    groups: kind.choice.groups,
    l2: kind.choice.l2,
    cv_accuracy: kind.choice.accuracy,
    tried: kind.tried,
    ...kind.model,
  },
  topic: {
    groups: topic.choice.groups,
    l2: topic.choice.l2,
    cv_accuracy: topic.choice.accuracy,
    tried: topic.tried,
    ...topic.model,
  },
};
writeFileSync(OUT, `${JSON.stringify(out)}\n`);
const cross = Object.fromEntries(
  cases.map((c, i) => [c.id, { kind: kind.predictions[i], topic: topic.predictions[i] }]),
);
writeFileSync(CROSS, `${JSON.stringify(cross, null, 1)}\n`);
process.stdout.write(
  `kind: ${JSON.stringify(kind.choice)} features ${Object.keys(kind.model.weights).length}\ntopic: ${JSON.stringify(topic.choice)} features ${Object.keys(topic.model.weights).length}\n`,
);
