// A compact BM25 index over chunks with field weights (title and section terms count extra), stored as typed
// arrays so it loads from disk without re-tokenizing.
import { tokenize } from "./tokenizer.js";

export interface Bm25Field {
  text: string;
  weight: number;
}

export interface Bm25Hit {
  index: number;
  score: number;
}

export interface Bm25Data {
  terms: string[];
  /** Postings of term i are entries offsets[i] .. offsets[i + 1] of docs/tfs. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Float32Array;
  lengths: Float32Array;
}

const K1 = 1.2;
const B = 0.75;

export class Bm25Index {
  private readonly termIds: Map<string, number>;
  private readonly avgLength: number;
  private readonly scores: Float32Array;
  /** K1 * (1 - B + B * length / avgLength) per document, computed once. */
  private readonly norms: Float32Array;

  constructor(readonly data: Bm25Data) {
    this.termIds = new Map(data.terms.map((t, i) => [t, i]));
    // Deleted slots have length 0 and must not drag the average down.
    let total = 0;
    let live = 0;
    for (const l of data.lengths) {
      total += l;
      if (l > 0) live++;
    }
    this.avgLength = live > 0 ? total / live : 1;
    this.scores = new Float32Array(data.lengths.length);
    this.norms = data.lengths.map((l) => K1 * (1 - B + (B * l) / this.avgLength));
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** Builds from each document's weighted fields; document i gets index i. */
  static build(documents: Bm25Field[][]): Bm25Index {
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const perTerm: Array<{ docs: number[]; tfs: number[] }> = [];
    const lengths = new Float32Array(documents.length);
    documents.forEach((fields, docIndex) => {
      const { tf, length } = termFrequencies(
        fields,
        interner(termIds, terms, () => perTerm.push({ docs: [], tfs: [] })),
      );
      lengths[docIndex] = length;
      for (const [id, f] of tf) {
        const p = perTerm[id] as { docs: number[]; tfs: number[] };
        p.docs.push(docIndex);
        p.tfs.push(f);
      }
    });
    const offsets = new Uint32Array(terms.length + 1);
    let n = 0;
    perTerm.forEach((p, i) => {
      offsets[i] = n;
      n += p.docs.length;
    });
    offsets[terms.length] = n;
    const docs = new Uint32Array(n);
    const tfs = new Float32Array(n);
    perTerm.forEach((p, i) => {
      docs.set(p.docs, offsets[i]);
      tfs.set(p.tfs, offsets[i]);
    });
    return new Bm25Index({ terms, offsets, docs, tfs, lengths });
  }

  /**
   * A new index with `removed` documents emptied and `added` ones (at indexes past the current end) tokenized;
   * the rest of the postings are copied, not re-tokenized, so a small change to a large index stays cheap.
   */
  update(removed: Set<number>, added: Array<{ index: number; fields: Bm25Field[] }>, size: number): Bm25Index {
    const { terms: oldTerms, offsets, docs, tfs, lengths: oldLengths } = this.data;
    const terms = [...oldTerms];
    const termIds = new Map(this.termIds);
    const lengths = new Float32Array(size);
    lengths.set(oldLengths.subarray(0, Math.min(size, oldLengths.length)));
    for (const doc of removed) lengths[doc] = 0;
    const extra = new Map<number, Array<[number, number]>>();
    for (const { index, fields } of [...added].sort((a, b) => a.index - b.index)) {
      const { tf, length } = termFrequencies(fields, interner(termIds, terms));
      lengths[index] = length;
      for (const [id, f] of tf) {
        let list = extra.get(id);
        if (!list) {
          list = [];
          extra.set(id, list);
        }
        list.push([index, f]);
      }
    }
    let total = 0;
    for (let t = 0; t < terms.length; t++) {
      if (t < oldTerms.length) {
        for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++)
          if (!removed.has(docs[p] as number)) total++;
      }
      total += extra.get(t)?.length ?? 0;
    }
    const newOffsets = new Uint32Array(terms.length + 1);
    const newDocs = new Uint32Array(total);
    const newTfs = new Float32Array(total);
    let n = 0;
    for (let t = 0; t < terms.length; t++) {
      newOffsets[t] = n;
      if (t < oldTerms.length) {
        for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++) {
          const doc = docs[p] as number;
          if (removed.has(doc)) continue;
          newDocs[n] = doc;
          newTfs[n++] = tfs[p] as number;
        }
      }
      for (const [doc, f] of extra.get(t) ?? []) {
        newDocs[n] = doc;
        newTfs[n++] = f;
      }
    }
    newOffsets[terms.length] = n;
    return new Bm25Index({ terms, offsets: newOffsets, docs: newDocs, tfs: newTfs, lengths });
  }

  /** Top `k` documents for the query; `accept` filters by document index. */
  search(query: string, k: number, accept?: (index: number) => boolean): Bm25Hit[] {
    const { offsets, docs, tfs, lengths } = this.data;
    const norms = this.norms;
    const n = lengths.length;
    const counts = new Map<number, number>();
    for (const token of tokenize(query)) {
      const id = this.termIds.get(token);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const scores = this.scores;
    const touched: number[] = [];
    for (const [id, qtf] of counts) {
      const start = offsets[id] ?? 0;
      const end = offsets[id + 1] ?? 0;
      const df = end - start;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const weight = idf * (qtf > 1 ? 1 + Math.log(qtf) : 1);
      for (let p = start; p < end; p++) {
        const doc = docs[p] as number;
        const tf = tfs[p] as number;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (weight * (tf * (K1 + 1))) / (tf + (norms[doc] as number));
      }
    }
    const top = new TopK(k);
    for (const doc of touched) {
      const score = scores[doc] as number;
      scores[doc] = 0;
      if (score <= top.threshold) continue;
      if (accept && !accept(doc)) continue;
      top.push(doc, score);
    }
    return top.sorted();
  }
}

function termFrequencies(
  fields: Bm25Field[],
  idOf: (token: string) => number,
): { tf: Map<number, number>; length: number } {
  const tf = new Map<number, number>();
  let length = 0;
  for (const field of fields) {
    for (const token of tokenize(field.text)) {
      const id = idOf(token);
      tf.set(id, (tf.get(id) ?? 0) + field.weight);
      length += field.weight;
    }
  }
  return { tf, length };
}

/** Keeps the k best (index, score) pairs in a min-heap. */
class TopK {
  private readonly indexes: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Scores at or below this cannot enter. */
  get threshold(): number {
    return this.scores.length < this.k ? Number.NEGATIVE_INFINITY : (this.scores[0] as number);
  }

  push(index: number, score: number): void {
    const { indexes, scores } = this;
    if (scores.length < this.k) {
      indexes.push(index);
      scores.push(score);
      let i = scores.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((scores[parent] as number) <= score) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    indexes[0] = index;
    scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < scores.length && (scores[l] as number) < (scores[m] as number)) m = l;
      if (r < scores.length && (scores[r] as number) < (scores[m] as number)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): Bm25Hit[] {
    return this.indexes
      .map((index, i) => ({ index, score: this.scores[i] as number }))
      .sort((a, b) => b.score - a.score);
  }

  private swap(a: number, b: number): void {
    const { indexes, scores } = this;
    [indexes[a], indexes[b]] = [indexes[b] as number, indexes[a] as number];
    [scores[a], scores[b]] = [scores[b] as number, scores[a] as number];
  }
}

/** Maps a token to its term id, adding unseen tokens to the vocabulary (and telling `onNew`). */
function interner(termIds: Map<string, number>, terms: string[], onNew?: () => void): (token: string) => number {
  return (token) => {
    let id = termIds.get(token);
    if (id === undefined) {
      id = terms.length;
      termIds.set(token, id);
      terms.push(token);
      onNew?.();
    }
    return id;
  };
}
