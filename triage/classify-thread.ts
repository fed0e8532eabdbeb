// The offline triage classifier: kind, topic, Prefect version, code and confidence. Kind and topic come from two
// softmax regressions (thread-model.ts) over general features of the message (thread-features.ts: words, word pairs,
// the cue tables, the answer engine's question understanding, the docs' vocabulary, code and traceback detection),
// fitted on the training messages in triage/data/training by scripts/fit-thread-model.ts and stored in
// triage/data/thread-model.json. Every result names the features that weighed most for it, and the classifier
// version (code revision + hash of the tables and the fitted model).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OrcaError } from "../core/index.js";
import type { PrefectFacts } from "../knowledge/index.js";
import { detectVersion } from "../lint/index.js";
import type { CueHit, CueTable } from "./cue-table.js";
import { isKind, isTopic, type ThreadKind, type ThreadTopic } from "./taxonomy.js";
import {
  CONCEPT_FILE,
  DOC_TERMS_FILE,
  type FeatureGroups,
  type FeatureTables,
  KIND_FILE,
  loadFeatureTables,
  messageFeatures,
  restrictFeatures,
  TOPIC_FILE,
} from "./thread-features.js";
import { type Prediction, predict, type SoftmaxModel } from "./thread-model.js";

/** Bumped when the scoring code changes; the hash of the data tables and the fitted model is appended. */
const CODE_REVISION = "offline-3";
const MODEL_FILE = fileURLToPath(new URL("./data/thread-model.json", import.meta.url));
/** How many features each decision names. */
const REASONS = 6;

export interface Classification {
  kind: ThreadKind;
  topic: ThreadTopic;
  /** A release ("3.4.20"), a line ("2.20"), a major ("2", "3") or null when the text neither states nor implies one. */
  version: string | null;
  has_code: boolean;
  /** 0..1: the geometric mean of the fitted models' probabilities for the chosen kind and topic. */
  confidence: number;
  classifier: string;
  /**
   * The answer units the text matches (the answer engine's question understanding), best first: kept with the
   * thread so similar-thread detection need not match them again.
   */
  concepts?: Array<{ id: string; confidence: number }>;
  /** Why: the features behind each decision. */
  evidence: {
    /** The features that raised the chosen kind most against the other kinds, with how much (log-odds). */
    kind: CueHit[];
    /** The same for the chosen topic. */
    topic: CueHit[];
    /** The message's shape and the detected version, in words. */
    features: string[];
    /** Each kind's and topic's probability. */
    scores: { kind: Record<string, number>; topic: Record<string, number> };
  };
}

export interface ThreadClassifier {
  readonly version: string;
  classify(text: string): Classification;
}

/** One fitted model and the feature groups it was fitted on. */
export interface FittedModel extends SoftmaxModel {
  groups: FeatureGroups;
}

export interface ThreadModels {
  kind: FittedModel;
  topic: FittedModel;
}

export interface ClassifierOptions {
  facts: PrefectFacts;
  /** Override the cue tables (tests). */
  topicTable?: CueTable;
  kindTable?: CueTable;
  /** Override the fitted models (tests, and fitting scripts). */
  models?: ThreadModels;
}

export function loadThreadModels(file = MODEL_FILE): ThreadModels {
  try {
    const raw = JSON.parse(readFileSync(file, "utf8")) as ThreadModels;
    for (const part of [raw.kind, raw.topic]) {
      if (!Array.isArray(part?.classes) || !Array.isArray(part.bias) || typeof part.weights !== "object")
        throw new Error("missing classes, bias or weights");
    }
    if (!raw.kind.classes.every(isKind) || !raw.topic.classes.every(isTopic))
      throw new Error("a class is not a kind or topic id");
    return raw;
  } catch (error) {
    throw new OrcaError("internal", `cannot read the thread model ${file}: ${String(error)}`, { cause: error });
  }
}

function tableHash(): string {
  const hash = createHash("sha256");
  for (const file of [TOPIC_FILE, KIND_FILE, DOC_TERMS_FILE, CONCEPT_FILE, MODEL_FILE]) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 8);
}

function probabilities(p: Prediction): Record<string, number> {
  return Object.fromEntries(p.ranked.map((r) => [r.label, Math.round(r.probability * 1000) / 1000]));
}

function reasonsOf(p: Prediction): CueHit[] {
  return p.reasons.map((r) => ({ cue: r.feature, weight: r.weight }));
}

export function createClassifier(options: ClassifierOptions): ThreadClassifier {
  const loaded = loadFeatureTables();
  const tables: FeatureTables = {
    ...loaded,
    ...(options.topicTable ? { topics: options.topicTable } : {}),
    ...(options.kindTable ? { kinds: options.kindTable } : {}),
  };
  const models = options.models ?? loadThreadModels();
  const custom = options.topicTable || options.kindTable || options.models;
  const version = custom ? `${CODE_REVISION}+custom` : `${CODE_REVISION}+${tableHash()}`;

  return {
    version,
    classify(text: string): Classification {
      // One pass over the message for both models (the answer units are the costly part), each reading its groups.
      const read = messageFeatures(text, tables);
      const kindPrediction = predict(models.kind, restrictFeatures(read.features, models.kind.groups), REASONS);
      const kind = kindPrediction.ranked[0]?.label as ThreadKind;
      const topicPrediction = predict(models.topic, restrictFeatures(read.features, models.topic.groups), REASONS);
      // Off-topic posts have no topic area, whatever their words resemble.
      const topic: ThreadTopic = kind === "off-topic" ? "other" : (topicPrediction.ranked[0]?.label as ThreadTopic);
      const kindProbability = kindPrediction.ranked[0]?.probability ?? 0;
      const topicProbability =
        kind === "off-topic" ? 1 : (topicPrediction.ranked.find((r) => r.label === topic)?.probability ?? 0);

      const features: string[] = [];
      const { code } = read;
      if (code.traceback) features.push("traceback");
      else if (read.features.has("shape:exception name")) features.push("exception name");
      if (code.hasCode) features.push("code");
      if (read.features.has("shape:question mark")) features.push("question mark");
      for (const c of read.concepts.slice(0, 3)) features.push(`concept ${c.id}`);

      let detected: string | null = null;
      if (kind !== "off-topic") {
        const guess = detectVersion([text], options.facts);
        if (guess.how !== "assumed") {
          detected = guess.version;
          features.push(`version ${guess.how}: ${guess.evidence[0] ?? guess.version}`);
        }
      }

      return {
        kind,
        topic,
        version: detected,
        has_code: code.hasCode,
        confidence: Math.round(Math.sqrt(kindProbability * topicProbability) * 100) / 100,
        classifier: version,
        concepts: read.concepts,
        evidence: {
          kind: reasonsOf(kindPrediction),
          topic: kind === "off-topic" ? [] : reasonsOf(topicPrediction),
          features,
          scores: { kind: probabilities(kindPrediction), topic: probabilities(topicPrediction) },
        },
      };
    },
  };
}
