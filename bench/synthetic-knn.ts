// hnswlib vs brute-force cosine on synthetic vectors: how nearest-neighbour cost grows with the index size.
// Vectors are drawn around random cluster centres, which is closer to real text embeddings than uniform noise.
import hnswlib from "hnswlib-node";
import { type Stats, sampleStats } from "./stats.js";

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

/** Dimensions of the latent space the vectors are drawn in: text embeddings use far fewer directions than they have. */
const LATENT_DIMS = 32;

/**
 * Unit vectors drawn around random cluster centres in a small latent space, then projected to `dims`: closer to
 * text embeddings (clustered, low intrinsic dimension) than uniform noise, which no ANN index handles well.
 */
export function syntheticVectors(count: number, dims: number, seed = 7): Float32Array[] {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const projection = Array.from({ length: LATENT_DIMS }, () => Float32Array.from({ length: dims }, gaussian));
  const centres = Array.from({ length: Math.max(1, Math.round(count / 50)) }, () =>
    Float32Array.from({ length: LATENT_DIMS }, gaussian),
  );
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * centres.length)]!;
    const v = new Float32Array(dims);
    for (let l = 0; l < LATENT_DIMS; l++) {
      const weight = centre[l]! + gaussian() * 0.5;
      const row = projection[l]!;
      for (let d = 0; d < dims; d++) v[d]! += weight * row[d]!;
    }
    return normalize(v);
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

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * The knowledge index's search-time parameters (M 16, ef 96). Construction uses ef 40 instead of the index's 100:
 * it only shapes build time and recall (both reported), and keeps the 10x build inside the bench's time budget.
 */
export const SYNTHETIC_HNSW: HnswParams = { m: 16, efConstruction: 40, efSearch: 96 };

export function benchKnn(size: number, dims: number, queries: number, k = 10, params = SYNTHETIC_HNSW): KnnRun {
  const vectors = syntheticVectors(size, dims);
  const probes = syntheticVectors(queries, dims, 99);
  const buildStart = performance.now();
  const index = new hnswlib.HierarchicalNSW("ip", dims);
  index.initIndex(size, params.m, params.efConstruction, 100);
  vectors.forEach((v, i) => {
    index.addPoint(Array.from(v), i);
  });
  index.setEf(params.efSearch);
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
    hnsw: sampleStats(hnswTimes),
    bruteForce: sampleStats(bruteTimes),
    recallAtK: found / (probes.length * k),
  };
}
