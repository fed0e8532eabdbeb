// The features the fitted classifier reads from one message (see thread-model.ts). All are general: the words and
// word pairs (stemmed, identifier parts split), the first two words (how a message opens says much about what it
// asks), the weighted cues of the tables in triage/data per kind and topic, the topic areas of the answer units the
// answer engine matches and the docs' topic vocabulary, and the message's shape. No feature names one message.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { conceptsIn } from "../bot/answer/index.js";
import { codeFences } from "../core/index.js";
import { tokenize } from "../knowledge/index.js";
import { extractSnippets } from "../lint/index.js";
import { type CueHit, CueTable, normalWords, totalWeight } from "./cue-table.js";
import type { SparseFeatures } from "./thread-model.js";

const DATA_DIR = fileURLToPath(new URL("./data/", import.meta.url));
export const TOPIC_FILE = `${DATA_DIR}topics.yaml`;
export const KIND_FILE = `${DATA_DIR}kinds.yaml`;
export const DOC_TERMS_FILE = `${DATA_DIR}doc-terms.json`;
export const CONCEPT_FILE = `${DATA_DIR}concept-topics.yaml`;

const TRACEBACK =
  /Traceback \(most recent call last\)|^\s*File "[^"\n]+", line \d+|^\s*(?:\w+\.)*\w+(?:Error|Exception):\s/m;
const CODE_SHAPED_LINE =
  /^[ \t]*(?:from\s+\w[\w.]*\s+import\b|import\s+\w|def\s+\w+\s*\(|class\s+\w+|@\w+|\w+\s*=\s*\S|\$\s|prefect\s+\w|[\w.]+\(.*\)\s*$|[ \t]{2,}\S)/m;
const EXCEPTION_NAME = /\b[A-Z]\w*(?:Error|Exception)\b/;
/** A version number as people write it ("3.1.4", "2.19", "v3"): stating one is typical of a report. */
const VERSION_NUMBER = /\b(?:v|prefect[ =]*)?[23]\.\d{1,2}(?:\.\d{1,3})?\b|\bprefect\s*[23]\b/i;
/** Words that make a message about Prefect at all; without any (and no other Prefect vocabulary), it leans off-topic. */
const PREFECT_WORDS = new Set(["prefect", "flow", "flows", "task", "tasks", "deployment", "deployments", "worker"]);
/** Scale of the table and docs scores, so that a typical strong cue is worth about one present word. */
const CUE_SCALE = 3;
const DOC_SCALE = 10;

/** Decides whether a message carries code: a fenced block, a multi-line snippet, or a traceback. */
export function detectCode(text: string): { hasCode: boolean; traceback: boolean } {
  const traceback = TRACEBACK.test(text);
  if (traceback) return { hasCode: true, traceback };
  // A fenced block with content is code without parsing it; prose with no code-shaped line needs no parse either.
  // Only pasted, unfenced code pays for lint/'s snippet extraction (a Python parse, several ms).
  if (codeFences(text).some((f) => f.closed && f.body.trim() !== "")) return { hasCode: true, traceback };
  if (!CODE_SHAPED_LINE.test(text)) return { hasCode: false, traceback };
  const snippets = extractSnippets(text);
  const hasCode = snippets.some(
    (s) =>
      s.fenced ||
      s.code
        .trim()
        .split("\n")
        .filter((l) => l.trim()).length >= 2,
  );
  return { hasCode, traceback };
}

export interface FeatureGroups {
  /** Stemmed content words. */
  words: boolean;
  /**
   * Function words ("how", "anyone", "would"): they say a lot about the kind of a message and nothing about its
   * subject. Without them, word pairs skip them too.
   */
  functionWords?: boolean;
  /** Pairs of neighbouring words. */
  bigrams: boolean;
  /** The cue tables, the answer units' topics and the docs vocabulary. */
  tables: boolean;
}

export const ALL_FEATURE_GROUPS: FeatureGroups = { words: true, functionWords: true, bigrams: true, tables: true };

/** The feature families each group adds (the rest — opening words, shape — are always read). */
const TABLE_FAMILIES = new Set([
  "kind cues",
  "kind cues + question mark",
  "topic cues",
  "answer unit",
  "answer unit topic",
  "docs vocabulary",
]);

/** The part of a message's features that a model fitted on `groups` reads. */
export function restrictFeatures(features: SparseFeatures, groups: FeatureGroups): SparseFeatures {
  const functionWords = groups.functionWords !== false;
  const out: SparseFeatures = new Map();
  for (const [name, value] of features) {
    const family = name.slice(0, name.indexOf(":"));
    let keep = true;
    if (family === "w") keep = groups.words;
    else if (family === "f") keep = functionWords;
    else if (family === "b") keep = groups.bigrams && functionWords;
    else if (family === "c") keep = groups.bigrams && !functionWords;
    else if (TABLE_FAMILIES.has(family)) keep = groups.tables;
    if (keep) out.set(name, value);
  }
  return out;
}

export interface MessageFeatures {
  features: SparseFeatures;
  code: { hasCode: boolean; traceback: boolean };
  concepts: Array<{ id: string; confidence: number }>;
  kindHits: Map<string, CueHit[]>;
  topicHits: Map<string, CueHit[]>;
}

export interface FeatureTables {
  topics: CueTable;
  kinds: CueTable;
  conceptTopics: Record<string, Record<string, number>>;
  docTerms: Record<string, Record<string, number>>;
}

export function loadFeatureTables(): FeatureTables {
  return {
    topics: CueTable.fromYamlFile(TOPIC_FILE),
    kinds: CueTable.fromYamlFile(KIND_FILE),
    conceptTopics: parse(readFileSync(CONCEPT_FILE, "utf8")) as Record<string, Record<string, number>>,
    docTerms: (JSON.parse(readFileSync(DOC_TERMS_FILE, "utf8")) as { terms: Record<string, Record<string, number>> })
      .terms,
  };
}

/** A message's length as a coarse bucket: one-liners and long reports are asked differently. */
function lengthBucket(words: number): string {
  if (words <= 12) return "short";
  if (words <= 40) return "medium";
  if (words <= 100) return "long";
  return "very long";
}

/**
 * A message's features: every family when `groups` is not given (read once, then restricted for each model with
 * restrictFeatures), else only those a model fitted on `groups` reads.
 */
export function messageFeatures(text: string, tables: FeatureTables, groups?: FeatureGroups): MessageFeatures {
  const features: SparseFeatures = new Map();
  const set = (name: string, value: number) => {
    if (value !== 0) features.set(name, (features.get(name) ?? 0) + value);
  };
  const plain = normalWords(text);
  const tokens = tokenize(text, { keepStopwords: true });
  const content = tokenize(text);
  const contentSet = new Set(content);
  for (const t of contentSet) features.set(`w:${t}`, 1);
  for (const t of tokens) if (!contentSet.has(t)) features.set(`f:${t}`, 1);
  // Pairs over all words ("b:") for a model that reads function words, over content words only ("c:") otherwise.
  for (let i = 1; i < tokens.length; i++) features.set(`b:${tokens[i - 1]} ${tokens[i]}`, 1);
  for (let i = 1; i < content.length; i++) features.set(`c:${content[i - 1]} ${content[i]}`, 1);
  const opening = plain.slice(0, 2);
  if (opening[0]) set(`first:${opening[0]}`, 1);
  if (opening.length === 2) set(`first:${opening.join(" ")}`, 1);

  const code = detectCode(text);
  const asks = /\?(\s|$)/.test(text);
  if (code.traceback) set("shape:traceback", 1);
  else if (EXCEPTION_NAME.test(text)) set("shape:exception name", 1);
  if (code.hasCode) set("shape:code", 1);
  if (asks) set("shape:question mark", 1);
  if (/!/.test(text.replace(/!=/g, ""))) set("shape:exclamation", 1);
  if (VERSION_NUMBER.test(text)) set("shape:version number", 1);
  set(`shape:${lengthBucket(plain.length)}`, 1);

  const kindHits = tables.kinds.match(plain);
  const topicHits = tables.topics.match(plain);
  const concepts = conceptsIn(text);
  // No Prefect vocabulary at all — no Prefect word, no topic area's cue, no answer unit — leans off-topic.
  const topicCue = [...topicHits.keys()].some((t) => t !== "other");
  if (!topicCue && concepts.length === 0 && !plain.some((w) => PREFECT_WORDS.has(w)))
    set("shape:no Prefect vocabulary", 1);
  if (groups?.tables !== false) {
    for (const [kind, hits] of kindHits) {
      const score = totalWeight(hits) / CUE_SCALE;
      set(`kind cues:${kind}`, score);
      // Asking about one's own kind of thing (a feature, an outage, the community's experience) is that kind.
      if (asks) set(`kind cues + question mark:${kind}`, score);
    }
    for (const [topic, hits] of topicHits) set(`topic cues:${topic}`, totalWeight(hits) / CUE_SCALE);
    for (const concept of concepts) {
      set(`answer unit:${concept.id}`, 1);
      for (const [topic, weight] of Object.entries(tables.conceptTopics[concept.id] ?? {}))
        set(`answer unit topic:${topic}`, weight / CUE_SCALE);
    }
    const distinct = new Set(tokenize(text));
    for (const [topic, terms] of Object.entries(tables.docTerms)) {
      let score = 0;
      for (const w of distinct) score += terms[w] ?? 0;
      if (score > 0) set(`docs vocabulary:${topic}`, Math.min(score / DOC_SCALE, 2));
    }
  }
  return {
    features: groups ? restrictFeatures(features, groups) : features,
    code,
    concepts: concepts.map((c) => ({ id: c.id, confidence: c.confidence })),
    kindHits,
    topicHits,
  };
}
