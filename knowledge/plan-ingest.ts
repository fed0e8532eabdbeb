// Compares what the sources hold now with what the index holds: added, updated, unchanged by content hash, and
// removed per origin (only for inputs that were read completely).

import { shortHash } from "../core/index.js";
import type { SourceBatch, SourceDocument } from "../ingest/index.js";
import type { StoredDoc } from "./generation-store.js";

export interface Change {
  doc: SourceDocument;
  docId: string;
  /** The stored version this one replaces. */
  previous?: StoredDoc;
}

export interface IngestPlan {
  changes: Change[];
  removed: StoredDoc[];
  added: number;
  updated: number;
  unchanged: number;
}

export function documentId(origin: string, sourceId: string): string {
  return `${shortHash(origin, 8)}:${sourceId}`;
}

export function planIngest(stored: ReadonlyMap<string, StoredDoc>, batches: SourceBatch[]): IngestPlan {
  const plan: IngestPlan = { changes: [], removed: [], added: 0, updated: 0, unchanged: 0 };
  const seen = new Set<string>();
  for (const batch of batches) {
    for (const doc of batch.documents) {
      const docId = documentId(doc.origin, doc.sourceId);
      if (seen.has(docId)) continue;
      seen.add(docId);
      const previous = stored.get(docId);
      if (previous?.contentHash === doc.contentHash) plan.unchanged++;
      else {
        plan.changes.push({ doc, docId, previous });
        if (previous) plan.updated++;
        else plan.added++;
      }
    }
  }
  const complete = new Set(batches.filter((b) => b.complete).map((b) => b.origin));
  for (const doc of stored.values()) {
    if (complete.has(doc.origin) && !seen.has(doc.docId)) plan.removed.push(doc);
  }
  return plan;
}

export function storedDoc(change: Change): StoredDoc {
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
