// Same-problem detection between threads and known issues. Each pair of texts is described by a few general
// features — word overlap (TF-IDF cosine with the index's documents as background), a character-and-word hashing
// vector's cosine (plurals, identifier parts, typos), shared code identifiers, the answer engine's question
// understanding (the answer units both texts match), the error each quotes (exception type and message template,
// with numbers, paths and ids normalised), the symptoms each names, topic area and Prefect major version — and a
// logistic model over them (triage/data/duplicate-model.json, fitted by scripts/fit-duplicate-model.ts on the
// labelled pairs) turns them into a calibrated 0..1 score.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { conceptsIn } from "../bot/answer/index.js";
import { HashingEmbedder, tokenize } from "../knowledge/index.js";
import { CueTable, normalWords } from "./cue-table.js";
import type { ThreadTopic } from "./taxonomy.js";

export const DUPLICATE_FEATURES = [
  "words",
  "overlap",
  "hashed",
  "identifiers",
  "concepts",
  "same_top_concept",
  "top_concepts_differ",
  "same_error",
  "error_conflict",
  "shared_symptom",
  "different_symptoms",
  "same_topic",
] as const;
export type DuplicateFeature = (typeof DUPLICATE_FEATURES)[number];
export type FeatureVector = Record<DuplicateFeature, number>;

export interface DuplicateModel {
  bias: number;
  weights: FeatureVector;
  /** Scores at or above this count as the same problem. */
  threshold: number;
}

const MODEL_FILE = fileURLToPath(new URL("./data/duplicate-model.json", import.meta.url));

export function loadDuplicateModel(file = MODEL_FILE): DuplicateModel {
  const raw = JSON.parse(readFileSync(file, "utf8")) as DuplicateModel;
  const weights = Object.fromEntries(DUPLICATE_FEATURES.map((f) => [f, raw.weights[f] ?? 0])) as FeatureVector;
  return { bias: raw.bias, weights, threshold: raw.threshold };
}

let defaultModel: DuplicateModel | undefined;
function model(): DuplicateModel {
  defaultModel ??= loadDuplicateModel();
  return defaultModel;
}

/** Scores at or above this count as the same problem (chosen with the model; see evals/triage/README.md). */
export const DUPLICATE_THRESHOLD = model().threshold;

let defaultSymptoms: CueTable | undefined;
function symptomTable(): CueTable {
  defaultSymptoms ??= CueTable.fromYamlFile(fileURLToPath(new URL("./data/symptoms.yaml", import.meta.url)));
  return defaultSymptoms;
}

const embedder = new HashingEmbedder();

const SIGNATURE =
  /\b(?:[A-Z]\w*(?:Error|Exception|Warning)|[A-Za-z]\w*(?:\.[A-Za-z_]\w*)+|[a-z]+_[a-z_]+|[A-Z][a-z]+[A-Z]\w+)\b/g;

/**
 * An error as quoted: `ValueError: Unable to create hash - objects could not be serialized.`, or a traceback's last
 * line naming a module's exception (`prefect.exceptions.MissingResult: State data is missing.`). The template keeps
 * the message's first words, where the kind of failure is named; later words vary from run to run.
 */
const ERROR_LINE =
  /\b((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)|(?:[a-z_]\w*\.)+[A-Z]\w*(?=:))\b(?:\s*[:(]\s*([^\n]*))?/g;
/** A quoted name; an apostrophe inside a word ("can't") opens no quote. */
const QUOTED = /(?<![A-Za-z])'([^'\n]{1,80})'(?![A-Za-z])|"([^"\n]{1,80})"|`([^`\n]{1,80})`/g;

export interface QuotedError {
  /** The exception's own name, without its module ("MissingResult"). */
  type: string;
  /** The message with quoted names, numbers, paths and ids replaced by placeholders. */
  template: string;
  /** What the message was about: its quoted names, in order ("helpers" in "No module named 'helpers'"). */
  subjects: string[];
}

/** The errors a message quotes, each as exception type + message template + the names it is about. */
export function quotedErrors(text: string): QuotedError[] {
  const out: QuotedError[] = [];
  for (const m of text.matchAll(ERROR_LINE)) {
    const type = (m[1] ?? "").split(".").at(-1) ?? "";
    const message = (m[2] ?? "").trim();
    const subjects = [...message.matchAll(QUOTED)].map((q) => (q[1] ?? q[2] ?? q[3] ?? "").toLowerCase());
    const template = message
      .replace(QUOTED, "<q>")
      .replace(/(?:[A-Za-z]:)?(?:[./~]?[\w.-]+)?(?:\/[\w.-]+)+\/?/g, "<path>")
      .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27,}\b/gi, "<id>")
      .replace(/\b\d+(?:\.\d+)*\b/g, "<n>")
      .toLowerCase()
      .replace(/[^\w<> ]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .split(" ")
      .slice(0, 8)
      .join(" ");
    out.push({ type, template, subjects });
  }
  return out;
}

/** The major Prefect line a version string belongs to ("3.4.1" → "3"), or undefined. */
function majorOf(version: string | null | undefined): string | undefined {
  const m = /^(\d+)/.exec(version ?? "");
  return m?.[1];
}

export interface SimilarityDoc {
  id: string;
  text: string;
  topic?: ThreadTopic;
  /** The Prefect version the text states or implies (the classifier's), if any. */
  version?: string | null;
  /** The answer units the text matches, when already known (the classifier's); otherwise they are matched here. */
  concepts?: ReadonlyArray<{ id: string; confidence: number }> | null;
}

/** Answer units are matched on the opening of long texts (an issue's body): the problem is stated first. */
const CONCEPT_CHARS = 1000;

/** What is known about one text, apart from word weights (those depend on the index's background). */
interface Profile {
  tokens: Map<string, number>;
  signatures: Set<string>;
  symptoms: Set<string>;
  concepts: Map<string, number>;
  /** The answer unit the text matches best. */
  topConcept?: string;
  errors: QuotedError[];
  embedding: Float32Array;
  topic?: ThreadTopic;
  major?: string;
}

interface Vector {
  profile: Profile;
  weights: Map<string, number>;
  norm: number;
}

/**
 * Indexed documents' word weights are kept until the index has grown or shrunk by this share since they were
 * computed: in between, a word's rarity moves too little to matter, and a search need not re-weigh every document.
 */
const REWEIGH_AFTER = 0.05;

export interface SimilarHit {
  id: string;
  score: number;
}

function counts(tokens: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

function profileOf(doc: Omit<SimilarityDoc, "id">): Profile {
  const major = majorOf(doc.version);
  const concepts = doc.concepts ?? conceptsIn(doc.text.slice(0, CONCEPT_CHARS));
  const errors = quotedErrors(doc.text);
  const symptoms = new Set(symptomTable().match(normalWords(doc.text)).keys());
  const top = [...concepts].sort((x, y) => y.confidence - x.confidence)[0]?.id;
  return {
    tokens: counts(tokenize(doc.text)),
    signatures: new Set([...doc.text.matchAll(SIGNATURE)].map((m) => m[0].toLowerCase())),
    symptoms,
    concepts: new Map(concepts.map((c) => [c.id, c.confidence])),
    ...(top ? { topConcept: top } : {}),
    errors,
    embedding: embedder.embedOne(doc.text),
    ...(doc.topic ? { topic: doc.topic } : {}),
    ...(major ? { major } : {}),
  };
}

export class SimilarityIndex {
  private readonly docs = new Map<string, Profile>();
  private readonly df = new Map<string, number>();
  private readonly weighed = new Map<string, Vector>();
  private weighedAtSize = 0;

  constructor(
    docs: readonly SimilarityDoc[] = [],
    private readonly duplicateModel: DuplicateModel = model(),
  ) {
    for (const doc of docs) this.add(doc);
  }

  get size(): number {
    return this.docs.size;
  }

  add(doc: SimilarityDoc): void {
    if (this.docs.has(doc.id)) this.remove(doc.id);
    const profile = profileOf(doc);
    for (const term of profile.tokens.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    this.docs.set(doc.id, profile);
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const term of doc.tokens.keys()) this.df.set(term, (this.df.get(term) ?? 1) - 1);
    this.docs.delete(id);
    this.weighed.delete(id);
  }

  /** An indexed document's vector, weighed afresh once the index has changed enough (REWEIGH_AFTER). */
  private indexedVector(id: string, profile: Profile): Vector {
    if (Math.abs(this.docs.size - this.weighedAtSize) > REWEIGH_AFTER * Math.max(this.weighedAtSize, 1)) {
      this.weighed.clear();
      this.weighedAtSize = this.docs.size;
    }
    let v = this.weighed.get(id);
    if (!v || v.profile !== profile) {
      v = this.vector(profile);
      this.weighed.set(id, v);
    }
    return v;
  }

  private idf(term: string): number {
    const n = this.docs.size + 1;
    return Math.log(1 + n / (1 + (this.df.get(term) ?? 0)));
  }

  private vector(profile: Profile): Vector {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [term, count] of profile.tokens) {
      const w = (1 + Math.log(count)) * this.idf(term);
      weights.set(term, w);
      sum += w * w;
    }
    return { profile, weights, norm: Math.sqrt(sum) };
  }

  private vectorOf(doc: SimilarityDoc | string): Vector {
    const d = typeof doc === "string" ? { text: doc } : doc;
    return this.vector(profileOf(d));
  }

  /** The features of a pair, with the index's documents as the background for word rarity. */
  features(a: SimilarityDoc | string, b: SimilarityDoc | string): FeatureVector {
    return pairFeatures(this.vectorOf(a), this.vectorOf(b));
  }

  /** Similarity of two texts in 0..1 (the model's probability that they report the same problem). */
  score(a: SimilarityDoc | string, b: SimilarityDoc | string): number {
    return scoreOf(this.duplicateModel, this.features(a, b));
  }

  /** Similarity of two indexed documents (undefined when either is not indexed). */
  scoreIndexed(aId: string, bId: string): number | undefined {
    const a = this.docs.get(aId);
    const b = this.docs.get(bId);
    if (!a || !b) return undefined;
    return scoreOf(this.duplicateModel, pairFeatures(this.indexedVector(aId, a), this.indexedVector(bId, b)));
  }

  /** The indexed documents most like `text`, best first, at or above `min`. */
  search(
    text: string,
    options: Omit<Partial<SimilarityDoc>, "id" | "text"> & { k?: number; min?: number; exclude?: string } = {},
  ): SimilarHit[] {
    const { k, min, exclude, ...known } = options;
    const query = this.vectorOf({ id: "query", text, ...known });
    const hits: SimilarHit[] = [];
    for (const [id, doc] of this.docs) {
      if (id === exclude) continue;
      const score = scoreOf(this.duplicateModel, pairFeatures(query, this.indexedVector(id, doc)));
      if (score >= (min ?? 0)) hits.push({ id, score });
    }
    return hits.sort((x, y) => y.score - x.score).slice(0, k ?? 5);
  }
}

export function scoreOf(m: DuplicateModel, f: FeatureVector): number {
  let z = m.bias;
  for (const name of DUPLICATE_FEATURES) z += m.weights[name] * f[name];
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}

function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) dot += w * (large.weights.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

/**
 * The share of the shorter text's word weight that the other text shares (a weighted overlap coefficient): a
 * one-line report and a long one about the same problem share its few specific words, which the cosine, divided by
 * the long text's length, underrates.
 */
function overlap(a: Vector, b: Vector): number {
  let sumA = 0;
  let sumB = 0;
  let shared = 0;
  for (const w of a.weights.values()) sumA += w;
  for (const w of b.weights.values()) sumB += w;
  if (sumA === 0 || sumB === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) shared += Math.min(w, other);
  }
  return shared / Math.min(sumA, sumB);
}

function dense(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return Math.max(0, dot);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Cosine of two weighted sets (answer units with match confidences). */
function weightedOverlap(a: Map<string, number>, b: Map<string, number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, w] of a) {
    na += w * w;
    dot += w * (b.get(k) ?? 0);
  }
  for (const w of b.values()) nb += w * w;
  return dot / Math.sqrt(na * nb);
}

/**
 * How the errors two texts quote relate: +1 when they quote the same error (type and template) about the same
 * names, -1 when they quote errors but none of the same type, or the same error about different names (the same
 * exception raised on something else is usually another cause); 0 when fewer than two texts quote one.
 */
function errorRelation(a: readonly QuotedError[], b: readonly QuotedError[]): { same: number; conflict: number } {
  if (a.length === 0 || b.length === 0) return { same: 0, conflict: 0 };
  let sameType = false;
  for (const x of a) {
    for (const y of b) {
      if (x.type !== y.type) continue;
      sameType = true;
      if (x.template !== y.template) continue;
      const differ = x.subjects.length > 0 && y.subjects.length > 0 && !x.subjects.some((s) => y.subjects.includes(s));
      return differ ? { same: 0, conflict: 1 } : { same: 1, conflict: 0 };
    }
  }
  return sameType ? { same: 0.5, conflict: 0 } : { same: 0, conflict: 1 };
}

function pairFeatures(va: Vector, vb: Vector): FeatureVector {
  const a = va.profile;
  const b = vb.profile;
  let sharedSymptoms = 0;
  for (const s of a.symptoms) if (b.symptoms.has(s)) sharedSymptoms++;
  const bothSymptoms = a.symptoms.size > 0 && b.symptoms.size > 0;
  const concepts = weightedOverlap(a.concepts, b.concepts);
  const errors = errorRelation(a.errors, b.errors);
  const words = cosine(va, vb);
  const shared = overlap(va, vb);
  return {
    words,
    overlap: shared,
    hashed: dense(a.embedding, b.embedding),
    identifiers: jaccard(a.signatures, b.signatures),
    concepts,
    same_top_concept: a.topConcept && a.topConcept === b.topConcept ? 1 : 0,
    top_concepts_differ: a.topConcept && b.topConcept && a.topConcept !== b.topConcept ? 1 : 0,
    same_error: errors.same,
    error_conflict: errors.conflict,
    shared_symptom: sharedSymptoms > 0 ? 1 : 0,
    different_symptoms: bothSymptoms && sharedSymptoms === 0 ? 1 : 0,
    same_topic: a.topic && b.topic ? (a.topic === b.topic ? 1 : 0) : 0.5,
  };
}
