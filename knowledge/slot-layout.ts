// Where chunks live: one slot per chunk, shared by the chunk list, the flat vector array, the HNSW labels and the
// BM25 document numbers. A commit either patches the live layout (deleted slots become null, new chunks are
// appended) or lays everything out again compactly.
import { type Bm25Field, Bm25Index } from "./bm25.js";
import type { StoredChunk, StoredDoc } from "./generation-store.js";
import { VectorIndex } from "./vector-index.js";

export interface Layout {
  docs: Map<string, StoredDoc>;
  /** Slot-indexed; null marks a deleted slot. */
  chunks: Array<StoredChunk | null>;
  vectors: Float32Array;
  graph: VectorIndex;
  bm25: Bm25Index;
}

/** A document with its chunks and their vectors, not yet given slots. */
export interface DocEntry {
  doc: StoredDoc;
  chunks: StoredChunk[];
  vectors: Float32Array[];
}

/** Lays every entry out from slot 0 in a new graph. */
export function buildLayout(entries: DocEntry[], dimensions: number): Layout {
  const total = entries.reduce((n, e) => n + e.chunks.length, 0);
  const draft = {
    docs: new Map<string, StoredDoc>(),
    chunks: [] as Array<StoredChunk | null>,
    vectors: new Float32Array(total * dimensions),
    graph: VectorIndex.create(dimensions, total),
  };
  for (const entry of entries) place(draft, entry, dimensions);
  return { ...draft, bm25: Bm25Index.build(draft.chunks.map((c) => bm25Fields(c, draft.docs))) };
}

/**
 * Frees the slots of the dropped documents and appends the new entries. The live graph is modified in place,
 * so on a failed commit the caller must reload the last good generation.
 */
export function patchLayout(live: Layout, drop: Set<string>, entries: DocEntry[], dimensions: number): Layout {
  const docs = new Map([...live.docs].filter(([id]) => !drop.has(id)));
  const chunks = [...live.chunks];
  const freed = new Set([...drop].flatMap((id) => live.docs.get(id)?.slots ?? []));
  for (const slot of freed) {
    chunks[slot] = null;
    live.graph.remove(slot);
  }
  const added = entries.reduce((n, e) => n + e.chunks.length, 0);
  const vectors = new Float32Array((live.chunks.length + added) * dimensions);
  vectors.set(live.vectors);
  const draft = { docs, chunks, vectors, graph: live.graph };
  for (const entry of entries) place(draft, entry, dimensions);
  const appended = [];
  for (let slot = live.chunks.length; slot < chunks.length; slot++) {
    appended.push({ index: slot, fields: bm25Fields(chunks[slot] ?? null, docs) });
  }
  return { ...draft, bm25: live.bm25.update(freed, appended, chunks.length) };
}

/** Title and section count as fields of their own, the title double. */
function bm25Fields(chunk: StoredChunk | null, docs: Map<string, StoredDoc>): Bm25Field[] {
  if (!chunk) return [];
  const doc = docs.get(chunk.docId) as StoredDoc;
  return [
    { text: doc.title, weight: 2 },
    { text: chunk.section.join(" "), weight: 1 },
    { text: chunk.text, weight: 1 },
  ];
}

function place(layout: Omit<Layout, "bm25">, entry: DocEntry, dimensions: number): void {
  const slots = entry.chunks.map((chunk, i) => {
    const slot = layout.chunks.length;
    const vector = entry.vectors[i] as Float32Array;
    layout.chunks.push(chunk);
    layout.vectors.set(vector, slot * dimensions);
    layout.graph.add(slot, vector);
    return slot;
  });
  layout.docs.set(entry.doc.docId, { ...entry.doc, slots });
}
