// The embedded, offline embedder: feature hashing of word unigrams, word bigrams and character n-grams with
// sublinear term frequency, L2-normalised. Deterministic, no model, no download; good enough to find pages
// that share vocabulary with a question even when BM25's exact terms miss (plurals, identifier parts, typos).
import type { Embedder } from "../core/index.js";
import { STOPWORDS, tokenize } from "./tokenizer.js";

export interface HashingEmbedderOptions {
  dimensions?: number;
  /** Feature weights; the defaults were tuned on the retrieval eval set. */
  weights?: Partial<FeatureWeights>;
}

export interface FeatureWeights {
  unigram: number;
  bigram: number;
  chargram: number;
}

const DEFAULT_WEIGHTS: FeatureWeights = { unigram: 1, bigram: 0.6, chargram: 0.25 };
const CHARGRAM_SIZES = [3, 4];

/**
 * Words in nearly every Prefect text. A fixed list (vectors never depend on what was ingested); their character
 * n-grams are skipped, as they would only make every vector look alike.
 */
const COMMON_WORDS = new Set(
  tokenize(
    "prefect flow flows task tasks run runs running the a example examples code python def import from return " +
      "function functions create creating set setting see following new default value values also using use one",
    { keepStopwords: true },
  ),
);

export class HashingEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly weights: FeatureWeights;

  constructor(options: HashingEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 384;
    this.weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const custom = options.weights ? `:${Object.values(this.weights).join(",")}` : "";
    this.id = `orca-hashing-v2:${this.dimensions}${custom}`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): Float32Array {
    const w = this.weights;
    const counts = new Map<string, number>();
    const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const words = tokenize(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      add(`w${word}`);
      const next = words[i + 1];
      if (next !== undefined) add(`b${word} ${next}`);
      if (word.length >= 4 && !STOPWORDS.has(word) && !COMMON_WORDS.has(word)) {
        const padded = `<${word}>`;
        for (const n of CHARGRAM_SIZES) {
          for (let j = 0; j + n <= padded.length; j++) add(`c${padded.slice(j, j + n)}`);
        }
      }
    }
    const v = new Float32Array(this.dimensions);
    for (const [feature, count] of counts) {
      const kind = feature[0];
      const weight = kind === "w" ? w.unigram : kind === "b" ? w.bigram : w.chargram;
      const h = fnv1a(feature);
      const index = h % this.dimensions;
      const sign = (h >>> 31) & 1 ? -1 : 1;
      // Sublinear tf: repeating a word ten times is not ten times the evidence.
      v[index] = (v[index] as number) + sign * weight * (1 + Math.log(count));
    }
    return normalize(v);
  }
}

export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
