// The knowledge base: incremental ingest into an atomically switched on-disk generation, and hybrid search
// (BM25 + HNSW vectors, fused) with kind filters and Prefect-version boosts.
import path from "node:path";
import { LRUCache } from "lru-cache";
import {
  type DocKind,
  type Embedder,
  type Logger,
  type SearchHit,
  type SearchOptions,
  silentLogger,
} from "../core/index.js";
import { chunkDocument, conversationDocument, FileCrawlCache, readSource, type SourceBatch } from "../ingest/index.js";
import { EmbedderMismatchError } from "./errors.js";
import { GenerationStore, type StoredChunk, type StoredDoc } from "./generation-store.js";
import { type IngestPlan, planIngest, storedDoc } from "./plan-ingest.js";
import { type Candidate, FUSION_WEIGHTS, fuse, rank, snippet } from "./search-ranking.js";
import { buildLayout, type DocEntry, type Layout, patchLayout } from "./slot-layout.js";
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

interface State extends Layout {
  generation: string;
  embedder: { id: string; dimensions: number };
}

const LIVE_CONVERSATIONS = "orca:conversations";
const EMBED_BATCH = 128;
/** Share of deleted slots above which a commit rebuilds the graph instead of patching it. */
const COMPACT_RATIO = 0.25;
/** A kind filter that leaves at most this many chunks is scored exactly instead of through the graph. */
const SCAN_LIMIT = 3000;
/** Slot codes for search filters (see slotCodes). */
const DEAD = 0;
const LIVE = 1;
const KIND_CODES: Record<DocKind, number> = { docs: 2, conversation: 3 };

export async function openKnowledgeBase(options: OpenKnowledgeBaseOptions): Promise<KnowledgeBase> {
  const kb = new IndexedKnowledgeBase(options);
  kb.load();
  return kb;
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

  conversationIds(): Promise<string[]> {
    return this.serialized(async () =>
      [...(this.state?.docs.values() ?? [])].filter((d) => d.origin === LIVE_CONVERSATIONS).map((d) => d.sourceId),
    );
  }

  removeConversations(ids: string[]): Promise<IngestSummary> {
    return this.serialized(async () => {
      const started = Date.now();
      const s = this.state;
      if (s) this.assertEmbedderMatches();
      const wanted = new Set(ids);
      const removed = s
        ? [...s.docs.values()].filter((d) => d.origin === LIVE_CONVERSATIONS && wanted.has(d.sourceId))
        : [];
      const plan: IngestPlan = { changes: [], removed, added: 0, updated: 0, unchanged: 0 };
      const embeddedChunks = removed.length > 0 ? await this.commit(plan, false, {}) : 0;
      this.logger.info({ removed: removed.length }, "conversations removed from the index");
      return {
        added: 0,
        updated: 0,
        removed: removed.length,
        unchanged: 0,
        skipped: [],
        warnings: [],
        embeddedChunks,
        reembedded: false,
        durationMs: Date.now() - started,
      };
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const s = this.state;
    if (!s || query.trim() === "") return [];
    this.assertEmbedderMatches();
    const k = Math.max(1, options.k ?? 5);
    const mode = options.mode ?? "hybrid";
    const pool = Math.max(60, k * 12);
    // Called for every scored BM25 document and every graph node visited: a typed-array read, not a chunk and a
    // document lookup.
    const codes = this.slotCodes(s);
    const wanted = options.kind ? KIND_CODES[options.kind] : undefined;
    const accept =
      wanted === undefined
        ? (slot: number): boolean => (codes[slot] ?? DEAD) !== DEAD
        : (slot: number): boolean => codes[slot] === wanted;
    const lists: Array<{ hits: Array<{ slot: number; score: number }>; weight: number }> = [];
    if (mode !== "vector") {
      const hits = s.bm25.search(query, pool, accept).map((h) => ({ slot: h.index, score: h.score }));
      lists.push({ hits, weight: FUSION_WEIGHTS.bm25 });
    }
    if (mode !== "bm25") {
      const vector = await this.embedQuery(query, mode === "hybrid");
      // A kind with few chunks (past conversations beside a large docs corpus) is scored directly: a filtered
      // graph search would walk most of the graph to find them, then fall back to scanning every slot.
      const few = options.kind ? this.slotsOfKind(s, options.kind) : null;
      const hits = !vector
        ? null
        : few && few.length <= Math.max(SCAN_LIMIT, pool)
          ? scoreSlots(s, vector, few, pool)
          : this.vectorSearch(s, vector, pool, accept);
      if (hits) lists.push({ hits, weight: FUSION_WEIGHTS.vector });
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

  /**
   * Query vectors, remembered briefly: one question searches its docs and its past conversations with the same query
   * (at the same time, so the pending embedding is what is shared). Only the last few are kept, as that sharing is
   * the point, not repeated questions. A failed embedding is not kept.
   */
  private readonly queryVectors = new LRUCache<string, Promise<Float32Array | undefined>>({ max: 4 });

  /** In hybrid mode a failing embedding endpoint degrades search to BM25 instead of failing it. */
  private async embedQuery(query: string, optional: boolean): Promise<Float32Array | undefined> {
    try {
      let pending = this.queryVectors.get(query);
      if (!pending) {
        pending = this.embedder.embed([query]).then(([vector]) => vector);
        this.queryVectors.set(query, pending);
        pending.catch(() => this.queryVectors.delete(query));
      }
      return await pending;
    } catch (error) {
      if (!optional) throw error;
      this.logger.warn({ err: (error as Error).message }, "query embedding failed; searching with BM25 only");
      return undefined;
    }
  }

  private readonly kindSlots = new WeakMap<State, Map<DocKind, number[]>>();
  private readonly codes = new WeakMap<State, Uint8Array>();

  /** Per slot: DEAD (deleted), LIVE (a chunk whose document is unknown) or its document's kind; once per generation. */
  private slotCodes(s: State): Uint8Array {
    let codes = this.codes.get(s);
    if (!codes) {
      codes = new Uint8Array(s.chunks.length);
      for (const [slot, chunk] of s.chunks.entries()) {
        if (!chunk) continue;
        const kind = s.docs.get(chunk.docId)?.kind;
        codes[slot] = kind ? KIND_CODES[kind] : LIVE;
      }
      this.codes.set(s, codes);
    }
    return codes;
  }

  /** Live slots of one kind, computed once per loaded generation. */
  private slotsOfKind(s: State, kind: DocKind): number[] {
    let byKind = this.kindSlots.get(s);
    if (!byKind) {
      byKind = new Map();
      for (const doc of s.docs.values()) {
        const list = byKind.get(doc.kind) ?? [];
        for (const slot of doc.slots) if (s.chunks[slot]) list.push(slot);
        byKind.set(doc.kind, list);
      }
      this.kindSlots.set(s, byKind);
    }
    return byKind.get(kind) ?? [];
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
      const slots: number[] = [];
      for (let slot = 0; slot < s.chunks.length; slot++) if (accept(slot)) slots.push(slot);
      return scoreSlots(s, vector, slots, k);
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
      const batch = await readSource(spec.source, {
        kind: spec.kind ?? options.kind,
        versionTag: spec.versionTag ?? options.versionTag,
        baseUrl: spec.baseUrl ?? options.baseUrl,
        botNames: options.botNames,
        signal: options.signal,
        crawl: {
          cache,
          maxPages: options.maxPages,
          concurrency: options.concurrency,
          fetch: options.fetch,
          allowPrivateHosts: options.allowPrivateHosts,
        },
        onProgress: (message) => options.onProgress?.({ phase: "read", done: i, total: inputs.length, message }),
      });
      batches.push(typeof input !== "string" && input.origin ? withOrigin(batch, input.origin) : batch);
    }
    options.signal?.throwIfAborted();
    const summary = await this.apply(batches, options, started);
    cache.save();
    return summary;
  }

  private async apply(batches: SourceBatch[], options: IngestOptions, started: number): Promise<IngestSummary> {
    const s = this.state;
    const plan = planIngest(s?.docs ?? new Map(), batches);
    const mismatch = s !== null && s.embedder.id !== this.embedder.id;
    let embeddedChunks = 0;
    if (plan.changes.length > 0 || plan.removed.length > 0 || mismatch) {
      embeddedChunks = await this.commit(plan, mismatch, options);
    }
    const summary: IngestSummary = {
      added: plan.added,
      updated: plan.updated,
      removed: plan.removed.length,
      unchanged: plan.unchanged,
      skipped: batches.flatMap((b) => b.skipped),
      warnings: batches.flatMap((b) => b.warnings),
      embeddedChunks,
      reembedded: mismatch && embeddedChunks > 0,
      durationMs: Date.now() - started,
    };
    this.logger.info(
      { added: summary.added, updated: summary.updated, removed: summary.removed, unchanged: summary.unchanged },
      "ingest finished",
    );
    return summary;
  }

  /** Embeds what changed, lays out the new slots, writes a generation and switches to it. Returns chunks embedded. */
  private async commit(plan: IngestPlan, reembedAll: boolean, options: IngestOptions): Promise<number> {
    const s = this.state;
    const drop = new Set([
      ...plan.removed.map((d) => d.docId),
      ...plan.changes.filter((c) => c.previous).map((c) => c.docId),
    ]);
    const kept = s ? [...s.docs.values()].filter((d) => !drop.has(d.docId)) : [];

    // The slow, failure-prone step first, before any state is touched.
    const fresh = plan.changes.map((change) => {
      const doc = storedDoc(change);
      return { doc, chunks: chunkDocument(change.doc).map((c) => ({ ...c, docId: doc.docId })) };
    });
    const stale =
      reembedAll && s
        ? kept.map((d) => ({ doc: d, chunks: d.slots.map((slot) => s.chunks[slot] as StoredChunk) }))
        : [];
    const toEmbed = [...fresh, ...stale].flatMap((e) => e.chunks.map((c) => embeddingText(e.doc.title, c)));
    const vectors = await this.embedAll(toEmbed, options);
    const dimensions = vectors[0]?.length ?? s?.embedder.dimensions ?? this.embedder.dimensions;
    let next = 0;
    const withVectors = (e: { doc: StoredDoc; chunks: StoredChunk[] }): DocEntry => ({
      ...e,
      vectors: e.chunks.map(() => vectors[next++] as Float32Array),
    });
    const entries = fresh.map(withVectors);

    const deadSlots = s ? s.chunks.filter((c) => c === null).length : 0;
    const dropSlots = s ? [...drop].reduce((n, id) => n + (s.docs.get(id)?.slots.length ?? 0), 0) : 0;
    const rebuild = !s || reembedAll || (deadSlots + dropSlots) / Math.max(1, s.chunks.length) > COMPACT_RATIO;
    options.onProgress?.({
      phase: "write",
      done: 0,
      total: 1,
      message: rebuild ? "building the index" : "updating the index",
    });
    try {
      let layout: Layout;
      if (!s) layout = buildLayout(entries, dimensions);
      else if (rebuild) {
        const dims = s.embedder.dimensions;
        const live = reembedAll
          ? stale.map(withVectors)
          : kept.map((d) => ({
              doc: d,
              chunks: d.slots.map((slot) => s.chunks[slot] as StoredChunk),
              vectors: d.slots.map((slot) => s.vectors.slice(slot * dims, (slot + 1) * dims)),
            }));
        layout = buildLayout([...live, ...entries], dimensions);
      } else layout = patchLayout(s, drop, entries, dimensions);
      const embedder = { id: this.embedder.id, dimensions };
      const name = this.store.write({ ...layout, docs: [...layout.docs.values()], embedder }, (file) =>
        layout.graph.write(file),
      );
      this.state = { ...layout, generation: name, embedder };
    } catch (error) {
      // A patch changed the live graph in place; go back to what is on disk.
      if (s && !rebuild) this.load();
      throw error;
    }
    return toEmbed.length;
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

/** Exact inner-product scores of the given slots, best k. */
function scoreSlots(
  s: State,
  vector: Float32Array,
  slots: number[],
  k: number,
): Array<{ slot: number; score: number }> {
  const dims = s.embedder.dimensions;
  const scored = slots.map((slot) => {
    let dot = 0;
    const base = slot * dims;
    for (let i = 0; i < dims; i++) dot += (vector[i] as number) * (s.vectors[base + i] as number);
    return { slot, score: dot };
  });
  return scored.sort((a, b) => b.score - a.score).slice(0, k);
}

/** What the embedder sees: title and section give a chunk its context. */
function embeddingText(title: string, chunk: StoredChunk): string {
  return `${title}\n${chunk.section.join(" > ")}\n${chunk.text}`;
}

/** Files the batch's documents under a logical origin, so their ids do not depend on where the folder lives. */
function withOrigin(batch: SourceBatch, origin: string): SourceBatch {
  return { ...batch, origin, documents: batch.documents.map((doc) => ({ ...doc, origin })) };
}
