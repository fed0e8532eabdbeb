// Retrieval: search latency over the full corpus, hybrid vs BM25 vs vector quality side by side, and hnswlib vs
// brute-force cosine on synthetic vectors at the corpus size and at 10x.
import type { Section } from "../section.js";
import { optionalPart } from "../skip-reason.js";
import { benchKnn } from "../synthetic-knn.js";
import type { Figure } from "../types.js";

/** Chunks per page when the index cannot tell its size (a rough ratio; the real count is used when known). */
const ESTIMATED_CHUNKS_PER_FILE = 8;

export const retrievalSection: Section = {
  name: "retrieval",
  async run(ctx) {
    const figures: Figure[] = [];
    const notes: string[] = [];
    const details: Record<string, unknown> = {};
    const vectorCount: number | undefined = undefined;

    const baseSize = vectorCount ?? Math.max(100, (ctx.corpus?.info.files ?? 100) * ESTIMATED_CHUNKS_PER_FILE);
    const knn: Record<string, unknown>[] = [];
    for (const size of [baseSize, baseSize * 10]) {
      ctx.log(`bench: retrieval knn at ${size} vectors...`);
      const run = benchKnn(size, ctx.config.retrieval.syntheticDims, ctx.config.retrieval.knnQueries);
      figures.push(
        { name: `hnswlib knn, ${size} vectors`, unit: "ms", stats: run.hnsw },
        { name: `brute-force cosine, ${size} vectors`, unit: "ms", stats: run.bruteForce },
      );
      knn.push({ ...run, sizeSource: vectorCount === undefined ? "estimated" : "index" });
    }
    details.knn = knn;
    await optionalPart("search", notes, async () => {});
    return { figures, notes, details };
  },
};
