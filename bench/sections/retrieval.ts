// Retrieval: search latency over the full index, hybrid vs BM25-only vs vector-only quality and latency side by side
// (the retrieval eval set), and hnswlib vs brute-force cosine on synthetic vectors at the index size and at 10x.
import type { RetrievalMode, Retriever, SearchHit, SearchOptions } from "../../core/index.js";
import { RETRIEVAL_CASES, type RetrievalCase, runRetrievalEval } from "../../evals/retrieval/index.js";
import { openIndex } from "../open-index.js";
import type { BenchContext, Section, SectionOutput } from "../section.js";
import { optionalPart } from "../skip-reason.js";
import { sampleStats } from "../stats.js";
import { benchKnn, SYNTHETIC_HNSW } from "../synthetic-knn.js";
import type { SideTable } from "../types.js";

const WARMUP_QUERIES = 5;
/** Chunks per page, to size the synthetic run when no index could be opened. */
const ESTIMATED_CHUNKS_PER_FILE = 10;
const DEFAULT_DIMS = 384;

export const retrievalSection: Section = {
  name: "retrieval",
  async run(ctx) {
    const out: Required<SectionOutput> = { figures: [], notes: [], tables: [], details: {} };
    let vectors: { count: number; dims: number } | undefined;
    await optionalPart("search over the corpus index", out.notes, async () => {
      vectors = await measureSearch(ctx, out);
    });
    await measureKnn(ctx, out, vectors);
    return out;
  },
};

/** Wraps a retriever to time every call, per retrieval mode. */
function timingRetriever(inner: Retriever): Retriever & { samples: Map<RetrievalMode, number[]> } {
  const samples = new Map<RetrievalMode, number[]>();
  return {
    samples,
    async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
      const start = performance.now();
      const hits = await inner.search(query, options);
      const mode = options.mode ?? "hybrid";
      samples.set(mode, [...(samples.get(mode) ?? []), performance.now() - start]);
      return hits;
    },
  };
}

async function measureSearch(
  ctx: BenchContext,
  out: Required<SectionOutput>,
): Promise<{ count: number; dims: number }> {
  const kb = await openIndex(await ctx.indexes.corpus());
  try {
    const stats = kb.stats();
    const cases = evalCases(ctx);
    const queries = cases.length > 0 ? cases : RETRIEVAL_CASES;
    for (const q of queries.slice(0, WARMUP_QUERIES)) await kb.search(q.question, { k: 5 });

    const timed = timingRetriever(kb);
    for (let i = 0; i < ctx.config.retrieval.latencyQueries; i++) {
      const q = queries[i % queries.length]!;
      await timed.search(q.question, { k: 5, prefectMajor: q.prefectMajor });
    }
    out.figures.push({
      name: `search, hybrid, k=5, ${stats.chunks} chunks`,
      unit: "ms",
      stats: sampleStats(timed.samples.get("hybrid") ?? []),
      target: { stat: "p95", below: 30 },
    });
    out.details.index = stats;
    await optionalPart("quality by retrieval mode", out.notes, () => measureQuality(ctx, kb, cases, out));
    return { count: stats.chunks, dims: stats.embedder?.dimensions ?? DEFAULT_DIMS };
  } finally {
    await kb.close();
  }
}

function evalCases(ctx: BenchContext): RetrievalCase[] {
  const limit = ctx.config.retrieval.evalCases;
  return limit === undefined ? RETRIEVAL_CASES : RETRIEVAL_CASES.slice(0, limit);
}

async function measureQuality(
  ctx: BenchContext,
  kb: Retriever,
  cases: RetrievalCase[],
  out: Required<SectionOutput>,
): Promise<void> {
  const timed = timingRetriever(kb);
  const result = await runRetrievalEval(timed, { cases });
  const table: SideTable = {
    title: `quality and latency by mode (${result.modes[0]?.cases ?? 0} questions, k=10)`,
    header: ["mode", "hit@1", "hit@5", "MRR", "p50 ms", "p95 ms"],
    rows: [],
  };
  for (const m of result.modes) {
    const latency = sampleStats(timed.samples.get(m.mode) ?? []);
    table.rows.push([m.mode, m.hitAt1, m.hitAt5, m.mrr, latency.p50, latency.p95].map((v) => fmt(v)));
    out.figures.push(
      {
        name: `hit@5, ${m.mode}`,
        unit: "",
        value: m.hitAt5,
        ...(m.mode === "hybrid" ? { target: { stat: "value", atLeast: 0.8 } } : {}),
      },
      { name: `search, ${m.mode}, k=10`, unit: "ms", stats: latency },
    );
  }
  out.tables.push(table);
  out.details.quality = result.modes;
  ctx.log(`bench: retrieval quality over ${result.modes[0]?.cases ?? 0} questions done`);
}

function fmt(value: number | string): string {
  return typeof value === "string" ? value : value.toFixed(3);
}

async function measureKnn(
  ctx: BenchContext,
  out: Required<SectionOutput>,
  vectors: { count: number; dims: number } | undefined,
): Promise<void> {
  const base = vectors?.count ?? Math.max(100, (ctx.corpus?.info.files ?? 10) * ESTIMATED_CHUNKS_PER_FILE);
  const p = SYNTHETIC_HNSW;
  const dims = ctx.config.retrieval.syntheticDims ?? vectors?.dims ?? DEFAULT_DIMS;
  const table: SideTable = {
    title:
      `hnswlib (M ${p.m}, efConstruction ${p.efConstruction}, ef ${p.efSearch}) vs brute-force cosine, synthetic ` +
      `${dims}-d vectors, top-10, at the ${vectors ? "index" : "estimated"} size and 10x`,
    header: ["vectors", "hnsw build s", "hnsw p50 ms", "hnsw p95 ms", "brute p50 ms", "brute p95 ms", "recall@10"],
    rows: [],
  };
  for (const size of [base, base * 10]) {
    ctx.log(`bench: retrieval knn at ${size} synthetic vectors...`);
    const run = benchKnn(size, dims, ctx.config.retrieval.knnQueries);
    out.figures.push(
      { name: `hnswlib knn, ${size} vectors`, unit: "ms", stats: run.hnsw },
      { name: `brute-force cosine, ${size} vectors`, unit: "ms", stats: run.bruteForce },
    );
    table.rows.push(
      [
        size,
        run.hnswBuildMs / 1000,
        run.hnsw.p50,
        run.hnsw.p95,
        run.bruteForce.p50,
        run.bruteForce.p95,
        run.recallAtK,
      ].map((v, i) => (i === 0 ? String(v) : v.toFixed(i === 6 ? 3 : 2))),
    );
  }
  out.tables.push(table);
}
