// hnswlib vs brute-force cosine on synthetic vectors: how nearest-neighbour cost grows with the index size.
// Vectors are drawn around random cluster centres, which is closer to real text embeddings than uniform noise.
import hnswlib from "hnswlib-node";
import { type Stats, summarize } from "./stats.js";

export interface KnnRun {
  size: number;
  dims: number;
  hnswBuildMs: number;
  hnsw: Stats;
  bruteForce: Stats;
  /** Share of brute-force top-k that hnswlib also returned. */
  recallAtK: number;
}

/** Small deterministic PRNG so runs are comparable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

export function syntheticVectors(count: number, dims: number, seed = 7): Float32Array[] {
  const random = mulberry32(seed);
  const centres = Array.from({ length: Math.max(1, Math.round(count / 50)) }, () =>
    Float32Array.from({ length: dims }, () => random() * 2 - 1),
  );
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * centres.length)]!;
    return normalize(Float32Array.from(centre, (c) => c + (random() * 2 - 1) * 0.35));
  });
}

/** Exact top-k by cosine (vectors are unit length, so a dot product). */
export function bruteForceTopK(vectors: readonly Float32Array[], query: Float32Array, k: number): number[] {
  const best: Array<{ i: number; s: number }> = [];
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    let s = 0;
    for (let d = 0; d < v.length; d++) s += v[d]! * query[d]!;
    if (best.length < k || s > best[best.length - 1]!.s) {
      best.push({ i, s });
      best.sort((a, b) => b.s - a.s);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.i);
}

export function benchKnn(size: number, dims: number, queries: number, k = 10): KnnRun {
  const vectors = syntheticVectors(size, dims);
  const probes = syntheticVectors(queries, dims, 99);
  const buildStart = performance.now();
  const index = new hnswlib.HierarchicalNSW("cosine", dims);
  index.initIndex(size, 16, 100, 100);
  vectors.forEach((v, i) => {
    index.addPoint(Array.from(v), i);
  });
  index.setEf(64);
  const hnswBuildMs = performance.now() - buildStart;

  const hnswTimes: number[] = [];
  const bruteTimes: number[] = [];
  let found = 0;
  for (const probe of probes) {
    const asArray = Array.from(probe);
    let start = performance.now();
    const approx = index.searchKnn(asArray, k).neighbors;
    hnswTimes.push(performance.now() - start);
    start = performance.now();
    const exact = bruteForceTopK(vectors, probe, k);
    bruteTimes.push(performance.now() - start);
    const approxSet = new Set(approx);
    found += exact.filter((i) => approxSet.has(i)).length;
  }
  return {
    size,
    dims,
    hnswBuildMs,
    hnsw: summarize(hnswTimes),
    bruteForce: summarize(bruteTimes),
    recallAtK: found / (probes.length * k),
  };
}
