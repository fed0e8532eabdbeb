// Same-problem detection between threads and known issues: TF-IDF cosine over stemmed words (the knowledge
// tokenizer), plus overlap of "signatures" (exception names and code identifiers, which two reports of the same
// problem tend to share even when worded differently), damped when the two fall in different topic areas.
import { fileURLToPath } from "node:url";
import { tokenize } from "../knowledge/index.js";
import { CueTable, normalWords } from "./cue-table.js";
import type { ThreadTopic } from "./taxonomy.js";

/** Scores at or above this count as the same problem (chosen before the labelled pairs were read). */
export const DUPLICATE_THRESHOLD = 0.3;

const SIGNATURE =
  /\b(?:[A-Z]\w*(?:Error|Exception|Warning)|[A-Za-z]\w*(?:\.[A-Za-z_]\w*)+|[a-z]+_[a-z_]+|[A-Z][a-z]+[A-Z]\w+)\b/g;
/** Same-topic pairs keep their score; pairs in different topic areas are damped by this factor. */
const CROSS_TOPIC = 0.8;
/** Two reports naming the same symptom (triage/data/symptoms.yaml) gain this much... */
const SHARED_SYMPTOM = 0.25;
/** ...and two that each name symptoms, but none in common, keep only this share of their score. */
const DIFFERENT_SYMPTOMS = 0.7;

let defaultSymptoms: CueTable | undefined;
function symptomTable(): CueTable {
  defaultSymptoms ??= CueTable.fromYamlFile(fileURLToPath(new URL("./data/symptoms.yaml", import.meta.url)));
  return defaultSymptoms;
}

function symptomsOf(text: string): Set<string> {
  return new Set(symptomTable().match(normalWords(text)).keys());
}

export interface SimilarityDoc {
  id: string;
  text: string;
  topic?: ThreadTopic;
}

interface Vector {
  weights: Map<string, number>;
  norm: number;
  signatures: Set<string>;
  symptoms: Set<string>;
  topic?: ThreadTopic;
}

export interface SimilarHit {
  id: string;
  score: number;
}

function signaturesOf(text: string): Set<string> {
  return new Set([...text.matchAll(SIGNATURE)].map((m) => m[0].toLowerCase()));
}

function counts(tokens: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

export class SimilarityIndex {
  private readonly docs = new Map<
    string,
    { tokens: Map<string, number>; signatures: Set<string>; symptoms: Set<string>; topic?: ThreadTopic }
  >();
  private readonly df = new Map<string, number>();

  constructor(docs: readonly SimilarityDoc[] = []) {
    for (const doc of docs) this.add(doc);
  }

  get size(): number {
    return this.docs.size;
  }

  add(doc: SimilarityDoc): void {
    if (this.docs.has(doc.id)) this.remove(doc.id);
    const tokens = counts(tokenize(doc.text));
    for (const term of tokens.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    this.docs.set(doc.id, {
      tokens,
      signatures: signaturesOf(doc.text),
      symptoms: symptomsOf(doc.text),
      ...(doc.topic ? { topic: doc.topic } : {}),
    });
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const term of doc.tokens.keys()) this.df.set(term, (this.df.get(term) ?? 1) - 1);
    this.docs.delete(id);
  }

  private idf(term: string): number {
    const n = this.docs.size + 1;
    return Math.log(1 + n / (1 + (this.df.get(term) ?? 0)));
  }

  private vector(
    tokens: Map<string, number>,
    signatures: Set<string>,
    symptoms: Set<string>,
    topic?: ThreadTopic,
  ): Vector {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [term, count] of tokens) {
      const w = (1 + Math.log(count)) * this.idf(term);
      weights.set(term, w);
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum), signatures, symptoms, ...(topic ? { topic } : {}) };
  }

  private vectorOfText(text: string, topic?: ThreadTopic): Vector {
    return this.vector(counts(tokenize(text)), signaturesOf(text), symptomsOf(text), topic);
  }

  /** Similarity of two texts in 0..1, with the index's documents as the background for word rarity. */
  score(a: SimilarityDoc | string, b: SimilarityDoc | string): number {
    const da = typeof a === "string" ? { id: "a", text: a } : a;
    const db = typeof b === "string" ? { id: "b", text: b } : b;
    return combine(this.vectorOfText(da.text, da.topic), this.vectorOfText(db.text, db.topic));
  }

  /** The indexed documents most like `text`, best first, at or above `min`. */
  search(
    text: string,
    options: { k?: number; min?: number; topic?: ThreadTopic; exclude?: string } = {},
  ): SimilarHit[] {
    const query = this.vectorOfText(text, options.topic);
    const hits: SimilarHit[] = [];
    for (const [id, doc] of this.docs) {
      if (id === options.exclude) continue;
      const score = combine(query, this.vector(doc.tokens, doc.signatures, doc.symptoms, doc.topic));
      if (score >= (options.min ?? 0)) hits.push({ id, score });
    }
    return hits.sort((x, y) => y.score - x.score).slice(0, options.k ?? 5);
  }
}

function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) dot += w * (large.weights.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

function combine(a: Vector, b: Vector): number {
  const text = cosine(a, b);
  const hasSignatures = a.signatures.size > 0 && b.signatures.size > 0;
  const raw = hasSignatures ? 0.7 * text + 0.3 * jaccard(a.signatures, b.signatures) : text;
  const damp = a.topic && b.topic && a.topic !== b.topic ? CROSS_TOPIC : 1;
  let shared = 0;
  for (const s of a.symptoms) if (b.symptoms.has(s)) shared++;
  const symptom =
    shared > 0 ? SHARED_SYMPTOM : a.symptoms.size > 0 && b.symptoms.size > 0 ? -(1 - DIFFERENT_SYMPTOMS) * raw : 0;
  return Math.round(Math.min(1, Math.max(0, raw + symptom)) * damp * 1000) / 1000;
}
