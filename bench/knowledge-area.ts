// The part of the knowledge area's contract the bench uses: open an index in a data folder, ingest, search.
import type { Embedder, Retriever } from "../core/index.js";
import { type AreaModule, areaFunction, importArea } from "./areas.js";
import type { BenchCorpus } from "./section.js";

export interface BenchIngestSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: unknown[];
  embeddedChunks: number;
}

export interface BenchKnowledgeBase extends Retriever {
  ingest(inputs: unknown[]): Promise<BenchIngestSummary>;
  stats(): { documents: number; chunks: number; embedder: { id: string; dimensions: number } | null };
  close(): Promise<void>;
}

export interface KnowledgeArea {
  open(dataDir: string): Promise<BenchKnowledgeBase>;
  /** The default pack's inputs (Orca's own notes and conversations), indexed beside the corpus like `orca serve` does. */
  packInputs(): unknown[];
}

export async function knowledgeArea(): Promise<KnowledgeArea> {
  const mod: AreaModule = await importArea("knowledge/index.ts");
  const openKnowledgeBase = areaFunction<(o: { dataDir: string; embedder: Embedder }) => Promise<BenchKnowledgeBase>>(
    mod,
    "openKnowledgeBase",
    "knowledge/index.ts",
  );
  const createEmbedder = areaFunction<() => Embedder>(mod, "createEmbedder", "knowledge/index.ts");
  const defaultKnowledgeInputs = areaFunction<() => unknown[]>(mod, "defaultKnowledgeInputs", "knowledge/index.ts");
  return {
    // No LLM settings: the embedded offline embedder, as in the offline serve the bench drives.
    open: (dataDir) => openKnowledgeBase({ dataDir, embedder: createEmbedder() }),
    packInputs: () => defaultKnowledgeInputs(),
  };
}

export function corpusInputs(corpus: BenchCorpus): unknown[] {
  return corpus.sources.map((s) => ({ source: s.dir, kind: "docs", versionTag: s.versionTag, baseUrl: s.baseUrl }));
}
