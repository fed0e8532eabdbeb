// The knowledge base: incremental ingest into an atomically switched on-disk generation, and hybrid search
// (BM25 + HNSW vectors, fused) with kind filters and Prefect-version boosts.
import path from "node:path";
import {
  type DocKind,
  type Embedder,
  type Logger,
  type SearchHit,
  type SearchOptions,
  silentLogger,
} from "../core/index.js";
import {
  type Chunk,
  chunkDocument,
  conversationDocument,
  FileCrawlCache,
  readSource,
  type SourceBatch,
  type SourceDocument,
} from "../ingest/index.js";
import { type Bm25Field, Bm25Index } from "./bm25.js";
import { EmbedderMismatchError } from "./errors.js";
import { GenerationStore, type StoredChunk, type StoredDoc } from "./generation-store.js";
import { type Candidate, FUSION_WEIGHTS, fuse, rank, snippet } from "./search-ranking.js";
import { shortHash } from "./short-hash.js";
import type {
  ConversationRecord,
  IngestInput,
  IngestOptions,
  IngestSummary,
  KnowledgeBase,
  KnowledgeStats,
  OpenKnowledgeBaseOptions,
} from "./types.js";
import { VectorIndex } from "./vector-index.js";

interface State {
  generation: string;
  embedder: { id: string; dimensions: number };
  docs: Map<string, StoredDoc>;
  chunks: Array<StoredChunk | null>;
  vectors: Float32Array;
  bm25: Bm25Index;
  graph: VectorIndex;
}

interface Change {
  doc: SourceDocument;
  docId: string;
  previous?: StoredDoc;
}

const LIVE_CONVERSATIONS = "orca:conversations";
const EMBED_BATCH = 128;
/** Share of deleted slots above which a commit rebuilds the graph instead of patching it. */
const COMPACT_RATIO = 0.25;

export async function openKnowledgeBase(options: OpenKnowledgeBaseOptions): Promise<KnowledgeBase> {
  const kb = new IndexedKnowledgeBase(options);
  kb.load();
  return kb;
}

export function documentId(origin: string, sourceId: string): string {
  return `${shortHash(origin, 8)}:${sourceId}`;
}

class IndexedKnowledgeBase implements KnowledgeBase {
  private state: State | null = null;
  private readonly store: GenerationStore;
  private readonly embedder: Embedder;
  private readonly logger: Logger;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: OpenKnowledgeBaseOptions) {
    this.store = new GenerationStore(options.dataDir);
    this.embedder = options.embedder;
    this.logger = options.logger ?? silentLogger();
  }

  load(): void {
    const generation = this.store.read();
    if (!generation) {
      this.state = null;
      return;
    }
    const { manifest } = generation;
    this.state = {
      generation: generation.name,
      embedder: manifest.embedder,
      docs: new Map(generation.docs.map((d) => [d.docId, d])),
      chunks: generation.chunks,
      vectors: generation.vectors,
      bm25: generation.bm25,
      graph: VectorIndex.load(generation.hnswFile, manifest.embedder.dimensions),
    };
  }

  stats(): KnowledgeStats {
    const byKind: Record<DocKind, number> = { docs: 0, conversation: 0 };
    const byVersion: Record<string, number> = {};
    const s = this.state;
    for (const d of s?.docs.values() ?? []) {
      byKind[d.kind]++;
      const v = d.versionTag ?? "none";
      byVersion[v] = (byVersion[v] ?? 0) + 1;
    }
    return {
      documents: s?.docs.size ?? 0,
      chunks: s ? s.chunks.filter((c) => c !== null).length : 0,
      byKind,
      byVersion,
      embedder: s?.embedder ?? null,
      generation: s?.generation ?? null,
    };
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.state = null;
  }

  ingest(inputs: IngestInput[], options: IngestOptions = {}): Promise<IngestSummary> {
    return this.serialized(() => this.runIngest(inputs, options));
  }

  addConversation(conversation: ConversationRecord): Promise<IngestSummary> {
    return this.serialized(async () => {
      this.assertEmbedderMatches();
      const doc = conversationDocument({
        sourceId: conversation.id,
        origin: LIVE_CONVERSATIONS,
        title: conversation.title,
        url: conversation.url ?? `conversation:${conversation.id}`,
        messages: conversation.messages,
        versionTag: conversation.versionTag ?? null,
      });
      const batch: SourceBatch = {
        origin: LIVE_CONVERSATIONS,
        complete: false,
        documents: [doc],
        skipped: [],
        warnings: [],
      };
      return this.apply([batch], {}, Date.now());
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const s = this.state;
    if (!s || query.trim() === "") return [];
    this.assertEmbedderMatches();
    const k = Math.max(1, options.k ?? 5);
    const mode = options.mode ?? "hybrid";
    const pool = Math.max(60, k * 12);
    const accept = (slot: number): boolean => {
      const chunk = s.chunks[slot];
      if (!chunk) return false;
      return !options.kind || s.docs.get(chunk.docId)?.kind === options.kind;
    };
    const lists: Array<{ hits: Array<{ slot: number; score: number }>; weight: number }> = [];
    if (mode !== "vector") {
      const hits = s.bm25.search(query, pool, accept).map((h) => ({ slot: h.index, score: h.score }));
      lists.push({ hits, weight: FUSION_WEIGHTS.bm25 });
    }
    if (mode !== "bm25") {
      const [vector] = await this.embedder.embed([query]);
      if (vector) lists.push({ hits: this.vectorSearch(s, vector, pool, accept), weight: FUSION_WEIGHTS.vector });
    }
    const candidate = (slot: number): Candidate => {
      const chunk = s.chunks[slot] as StoredChunk;
      const doc = s.docs.get(chunk.docId) as StoredDoc;
      return {
        slot,
        docId: doc.docId,
        source: doc.sourceId,
        title: doc.title,
        section: chunk.section,
        text: chunk.text,
        versionTag: doc.versionTag,
      };
    };
    const fused = fuse(lists.map((l) => ({ slots: l.hits.map((h) => h.slot), weight: l.weight })));
    const ranked = rank(query, fused, candidate, { k, prefectMajor: options.prefectMajor });
    return ranked.map(({ candidate: c, score }) => {
      const doc = s.docs.get(c.docId) as StoredDoc;
      const chunk = s.chunks[c.slot] as StoredChunk;
      return {
        id: `${doc.docId}#${chunk.id}`,
        docId: doc.docId,
        title: doc.title,
        url: doc.url,
        section: chunk.section,
        kind: doc.kind,
        versionTag: doc.versionTag,
        score: Number(score.toFixed(6)),
        snippet: snippet(chunk.text, query),
        text: chunk.text,
      };
    });
  }

  private vectorSearch(
    s: State,
    vector: Float32Array,
    k: number,
    accept: (slot: number) => boolean,
  ): Array<{ slot: number; score: number }> {
    try {
      return s.graph.search(vector, k, accept);
    } catch {
      // hnswlib refuses when a filter leaves fewer than k reachable points; score the accepted ones directly.
      const dims = s.embedder.dimensions;
      const scored: Array<{ slot: number; score: number }> = [];
      for (let slot = 0; slot < s.chunks.length; slot++) {
        if (!accept(slot)) continue;
        let dot = 0;
        for (let i = 0; i < dims; i++) dot += (vector[i] as number) * (s.vectors[slot * dims + i] as number);
        scored.push({ slot, score: dot });
      }
      return scored.sort((a, b) => b.score - a.score).slice(0, k);
    }
  }

  private assertEmbedderMatches(): void {
    const stored = this.state?.embedder.id;
    if (stored && stored !== this.embedder.id) throw new EmbedderMismatchError(stored, this.embedder.id);
  }

  /**
   * Writes run one at a time, under the data folder's lock, on top of the newest generation on disk (another
   * process, such as `orca ingest` beside a running server, may have committed since this one loaded).
   */
  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const locked = async () => {
      const release = this.store.lock();
      try {
        if (this.store.currentName() !== (this.state?.generation ?? null)) this.load();
        return await fn();
      } finally {
        release();
      }
    };
    const run = this.queue.then(locked, locked);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runIngest(inputs: IngestInput[], options: IngestOptions): Promise<IngestSummary> {
    const started = Date.now();
    const cache = new FileCrawlCache(path.join(this.options.dataDir, "crawl-cache.json"));
    const batches: SourceBatch[] = [];
    for (const [i, input] of inputs.entries()) {
      const spec = typeof input === "string" ? { source: input } : input;
      options.onProgress?.({ phase: "read", done: i, total: inputs.length, message: spec.source });
      batches.push(
        await readSource(spec.source, {
          kind: spec.kind ?? options.kind,
          versionTag: spec.versionTag ?? options.versionTag,
          baseUrl: spec.baseUrl ?? options.baseUrl,
          botNames: options.botNames,
          signal: options.signal,
          crawl: { cache, maxPages: options.maxPages, concurrency: options.concurrency, fetch: options.fetch },
          onProgress: (message) => options.onProgress?.({ phase: "read", done: i, total: inputs.length, message }),
        }),
      );
    }
    options.signal?.throwIfAborted();
    const summary = await this.apply(batches, options, started);
    cache.save();
    return summary;
  }

  private async apply(batches: SourceBatch[], options: IngestOptions, started: number): Promise<IngestSummary> {
    const s = this.state;
    const summary: IngestSummary = {
      added: 0,
      updated: 0,
      removed: 0,
      unchanged: 0,
      skipped: batches.flatMap((b) => b.skipped),
      warnings: batches.flatMap((b) => b.warnings),
      embeddedChunks: 0,
      reembedded: false,
      durationMs: 0,
    };
    const changes: Change[] = [];
    const seen = new Set<string>();
    for (const batch of batches) {
      for (const doc of batch.documents) {
        const docId = documentId(doc.origin, doc.sourceId);
        if (seen.has(docId)) continue;
        seen.add(docId);
        const previous = s?.docs.get(docId);
        if (previous?.contentHash === doc.contentHash) summary.unchanged++;
        else {
          changes.push({ doc, docId, previous });
          if (previous) summary.updated++;
          else summary.added++;
        }
      }
    }
    const removed: StoredDoc[] = [];
    const completeOrigins = new Set(batches.filter((b) => b.complete).map((b) => b.origin));
    for (const doc of s?.docs.values() ?? []) {
      if (completeOrigins.has(doc.origin) && !seen.has(doc.docId)) removed.push(doc);
    }
    summary.removed = removed.length;
    const mismatch = s !== null && s.embedder.id !== this.embedder.id;
    if (changes.length > 0 || removed.length > 0 || mismatch) {
      const result = await this.commit(changes, removed, mismatch, options);
      summary.embeddedChunks = result.embedded;
      summary.reembedded = mismatch;
    }
    summary.durationMs = Date.now() - started;
    this.logger.info(
      { added: summary.added, updated: summary.updated, removed: summary.removed, unchanged: summary.unchanged },
      "ingest finished",
    );
    return summary;
  }

  private async commit(
    changes: Change[],
    removed: StoredDoc[],
    reembedAll: boolean,
    options: IngestOptions,
  ): Promise<{ embedded: number }> {
    const s = this.state;
    // 1. Chunk and embed everything new first: the slow, failure-prone step touches no state.
    const fresh = changes.map((c) => ({ change: c, chunks: chunkDocument(c.doc) }));
    const drop = new Set([...removed.map((d) => d.docId), ...changes.filter((c) => c.previous).map((c) => c.docId)]);
    const kept = s ? [...s.docs.values()].filter((d) => !drop.has(d.docId)) : [];
    const deadSlots = s ? s.chunks.length - s.chunks.filter((c) => c !== null).length : 0;
    const dropSlots = s ? [...drop].reduce((n, id) => n + (s.docs.get(id)?.slots.length ?? 0), 0) : 0;
    const rebuild = !s || reembedAll || (deadSlots + dropSlots) / Math.max(1, s.chunks.length) > COMPACT_RATIO;

    const toEmbed: Array<{ title: string; chunk: Chunk | StoredChunk }> = [];
    for (const f of fresh) for (const chunk of f.chunks) toEmbed.push({ title: f.change.doc.title, chunk });
    if (reembedAll && s) {
      for (const d of kept)
        for (const slot of d.slots) toEmbed.push({ title: d.title, chunk: s.chunks[slot] as StoredChunk });
    }
    const vectors = await this.embedAll(
      toEmbed.map((e) => embeddingText(e.title, e.chunk.section, e.chunk.text)),
      options,
    );
    const dimensions = vectors[0]?.length ?? s?.embedder.dimensions ?? this.embedder.dimensions;
    const embedder = { id: this.embedder.id, dimensions };
    let next = 0;
    const takeVector = () => vectors[next++] as Float32Array;

    // 2. Lay out slots: either patch the live graph or build a compact new one.
    const docs = new Map<string, StoredDoc>();
    let chunks: Array<StoredChunk | null>;
    let flat: Float32Array;
    let graph: VectorIndex;
    const pending: Array<{ doc: StoredDoc; chunks: StoredChunk[]; vectors: Float32Array[] }> = [];
    for (const f of fresh) {
      const doc = storedDoc(f.change);
      pending.push({
        doc,
        chunks: f.chunks.map((c) => ({ ...c, docId: doc.docId })),
        vectors: f.chunks.map(takeVector),
      });
    }
    if (rebuild) {
      const live: Array<{ doc: StoredDoc; chunks: StoredChunk[]; vectors: Float32Array[] }> = [];
      for (const d of kept) {
        const st = s as State;
        const dims = st.embedder.dimensions;
        live.push({
          doc: { ...d, slots: [] },
          chunks: d.slots.map((slot) => st.chunks[slot] as StoredChunk),
          vectors: d.slots.map((slot) =>
            reembedAll ? takeVector() : st.vectors.slice(slot * dims, (slot + 1) * dims),
          ),
        });
      }
      const all = [...live, ...pending];
      const total = all.reduce((n, e) => n + e.chunks.length, 0);
      chunks = [];
      flat = new Float32Array(total * dimensions);
      graph = VectorIndex.create(dimensions, total);
      options.onProgress?.({ phase: "write", done: 0, total, message: "building vector graph" });
      for (const entry of all) this.place(entry, chunks, flat, graph, docs, dimensions);
    } else {
      const st = s as State;
      for (const d of kept) docs.set(d.docId, d);
      chunks = [...st.chunks];
      for (const id of drop) {
        for (const slot of st.docs.get(id)?.slots ?? []) {
          chunks[slot] = null;
        }
      }
      const added = pending.reduce((n, e) => n + e.chunks.length, 0);
      flat = new Float32Array((st.chunks.length + added) * dimensions);
      flat.set(st.vectors);
      graph = st.graph;
      // From here the live graph is modified; a failed write reloads the last good generation.
      for (const id of drop) for (const slot of st.docs.get(id)?.slots ?? []) graph.remove(slot);
      for (const entry of pending) this.place(entry, chunks, flat, graph, docs, dimensions);
    }

    // 3. BM25 (rebuilt, or patched for just the changed slots), then an atomic switch to the new generation.
    try {
      const fields = (c: StoredChunk | null): Bm25Field[] => {
        if (!c) return [];
        const doc = docs.get(c.docId) as StoredDoc;
        return [
          { text: doc.title, weight: 2 },
          { text: c.section.join(" "), weight: 1 },
          { text: c.text, weight: 1 },
        ];
      };
      let bm25: Bm25Index;
      if (rebuild) bm25 = Bm25Index.build(chunks.map(fields));
      else {
        const st = s as State;
        const removedSlots = new Set([...drop].flatMap((id) => st.docs.get(id)?.slots ?? []));
        const addedSlots = [];
        for (let slot = st.chunks.length; slot < chunks.length; slot++) {
          addedSlots.push({ index: slot, fields: fields(chunks[slot] ?? null) });
        }
        bm25 = st.bm25.update(removedSlots, addedSlots, chunks.length);
      }
      const docList = [...docs.values()];
      options.onProgress?.({ phase: "write", done: 1, total: 1, message: "writing index" });
      const name = this.store.write({ docs: docList, chunks, vectors: flat, bm25, embedder }, (file) =>
        graph.write(file),
      );
      this.state = { generation: name, embedder, docs, chunks, vectors: flat, bm25, graph };
    } catch (error) {
      if (!rebuild) this.load();
      throw error;
    }
    return { embedded: toEmbed.length };
  }

  private place(
    entry: { doc: StoredDoc; chunks: StoredChunk[]; vectors: Float32Array[] },
    chunks: Array<StoredChunk | null>,
    flat: Float32Array,
    graph: VectorIndex,
    docs: Map<string, StoredDoc>,
    dimensions: number,
  ): void {
    const slots: number[] = [];
    entry.chunks.forEach((chunk, i) => {
      const slot = chunks.length;
      const vector = entry.vectors[i] as Float32Array;
      chunks.push(chunk);
      flat.set(vector, slot * dimensions);
      graph.add(slot, vector);
      slots.push(slot);
    });
    docs.set(entry.doc.docId, { ...entry.doc, slots });
  }

  private async embedAll(texts: string[], options: IngestOptions): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      options.signal?.throwIfAborted();
      out.push(...(await this.embedder.embed(texts.slice(i, i + EMBED_BATCH), { signal: options.signal })));
      options.onProgress?.({ phase: "embed", done: Math.min(i + EMBED_BATCH, texts.length), total: texts.length });
      // Let timers and signals run between batches of synchronous hashing.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return out;
  }
}

function storedDoc(change: Change): StoredDoc {
  const d = change.doc;
  return {
    docId: change.docId,
    origin: d.origin,
    sourceId: d.sourceId,
    kind: d.kind,
    versionTag: d.versionTag,
    url: d.url,
    title: d.title,
    contentHash: d.contentHash,
    slots: [],
  };
}

/** What the embedder sees: title and section give a chunk its context. */
function embeddingText(title: string, section: string[], text: string): string {
  return `${title}\n${section.join(" > ")}\n${text}`;
}
