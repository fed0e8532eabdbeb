// The retrieval targets measured in one run: cold ingest of the whole corpus, a second unchanged run,
// index load, search latency and resident memory, then the quality table per mode.
import { performance } from "node:perf_hooks";
import { type Embedder, percentile } from "../../core/index.js";
import { HashingEmbedder, type IngestSummary, openKnowledgeBase } from "../../knowledge/index.js";
import { RETRIEVAL_CASES } from "./cases.js";
import { CORPUS_DIR, corpusInputs } from "./corpus.js";
import { formatRetrievalReport, type RetrievalEvalResult, runRetrievalEval } from "./run-retrieval-eval.js";

export interface RetrievalBenchmarkOptions {
  /** An empty folder for the index. */
  dataDir: string;
  corpusDir?: string;
  embedder?: Embedder;
  /** Times each eval question is searched per mode for the latency figures. */
  repetitions?: number;
}

export interface RetrievalBenchmark {
  cold: IngestSummary;
  second: IngestSummary;
  coldIngestMs: number;
  secondRunMs: number;
  loadMs: number;
  documents: number;
  chunks: number;
  searchMs: Record<"hybrid" | "bm25" | "vector", { p50: number; p95: number }>;
  rssMb: number;
  quality: RetrievalEvalResult;
}

export async function runRetrievalBenchmark(options: RetrievalBenchmarkOptions): Promise<RetrievalBenchmark> {
  const embedder = options.embedder ?? new HashingEmbedder();
  const inputs = corpusInputs(options.corpusDir ?? CORPUS_DIR);
  const kb = await openKnowledgeBase({ dataDir: options.dataDir, embedder });
  let t = performance.now();
  const cold = await kb.ingest(inputs);
  const coldIngestMs = performance.now() - t;
  await kb.close();

  t = performance.now();
  const loaded = await openKnowledgeBase({ dataDir: options.dataDir, embedder });
  const loadMs = performance.now() - t;
  t = performance.now();
  const second = await loaded.ingest(inputs);
  const secondRunMs = performance.now() - t;

  // One untimed pass warms the JIT the way a running server is warm.
  for (const c of RETRIEVAL_CASES) await loaded.search(c.question, { k: 5, prefectMajor: c.prefectMajor });
  const searchMs = {} as RetrievalBenchmark["searchMs"];
  for (const mode of ["hybrid", "bm25", "vector"] as const) {
    const times: number[] = [];
    for (let r = 0; r < (options.repetitions ?? 5); r++) {
      for (const c of RETRIEVAL_CASES) {
        const s = performance.now();
        await loaded.search(c.question, { k: 5, mode, prefectMajor: c.prefectMajor });
        times.push(performance.now() - s);
      }
    }
    times.sort((a, b) => a - b);
    searchMs[mode] = { p50: percentile(times, 50), p95: percentile(times, 95) };
  }
  const quality = await runRetrievalEval(loaded);
  const { documents, chunks } = loaded.stats();
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  await loaded.close();
  return { cold, second, coldIngestMs, secondRunMs, loadMs, documents, chunks, searchMs, rssMb, quality };
}

export function formatRetrievalBenchmark(b: RetrievalBenchmark): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `corpus: ${b.documents} documents, ${b.chunks} chunks`,
    `cold ingest ${s(b.coldIngestMs)} (target < 120 s); second run ${s(b.secondRunMs)} (target < 10 s): ` +
      `${b.second.unchanged} unchanged, ${b.second.added} added, ${b.second.updated} updated, ${b.second.removed} removed`,
    `index load ${b.loadMs.toFixed(0)} ms (target < 1000 ms); resident memory ${b.rssMb.toFixed(0)} MB`,
    ...Object.entries(b.searchMs).map(
      ([mode, t]) =>
        `search ${mode.padEnd(6)} p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (target p95 < 30 ms)`,
    ),
    formatRetrievalReport(b.quality),
  ];
  return lines.join("\n");
}
