// Public types of the knowledge base.
import type { DocKind, Embedder, Logger, Retriever, ThreadMessage } from "../core/index.js";
import type { SkippedInput } from "../ingest/index.js";

/** A source to ingest: a folder, a file, a URL or a sitemap, with options that apply to it alone. */
export type IngestInput =
  | string
  | {
      source: string;
      kind?: DocKind | "conversations";
      versionTag?: string;
      baseUrl?: string;
      /**
       * A stable name for where these documents come from, in place of the absolute path; documents keep their ids
       * when the folder moves (the shipped pack is indexed as "orca-pack/notes" wherever the checkout lives).
       */
      origin?: string;
    };

export interface IngestProgress {
  phase: "read" | "embed" | "write";
  done: number;
  total: number;
  message?: string;
}

export interface IngestOptions {
  kind?: DocKind | "conversations";
  versionTag?: string;
  baseUrl?: string;
  botNames?: string[];
  /** Page limit and concurrency for URL inputs. */
  maxPages?: number;
  concurrency?: number;
  /** HTTP client for URL inputs (tests pass one bound to a local server). */
  fetch?: typeof fetch;
  /** Hosts on private, loopback or link-local addresses that URL inputs may be crawled from (an intranet site). */
  allowPrivateHosts?: string[];
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: SkippedInput[];
  /** Non-fatal notes while reading (missing Slack fields, ignored front matter...). */
  warnings: string[];
  /** Chunks embedded in this run (new, changed, or all of them after an embedder change). */
  embeddedChunks: number;
  /** True when the index was rebuilt for a different embedder. */
  reembedded: boolean;
  durationMs: number;
}

export interface KnowledgeStats {
  documents: number;
  chunks: number;
  byKind: Record<DocKind, number>;
  /** Documents per version tag ("2", "3", "none"). */
  byVersion: Record<string, number>;
  /** The embedder the stored index was built with, null when empty. */
  embedder: { id: string; dimensions: number } | null;
  generation: string | null;
}

export interface ConversationRecord {
  id: string;
  title: string;
  url?: string;
  messages: ThreadMessage[];
  versionTag?: string | null;
}

export interface KnowledgeBase extends Retriever {
  ingest(inputs: IngestInput[], options?: IngestOptions): Promise<IngestSummary>;
  /** Adds or replaces one conversation (a thread that got a 👍 or ✅), committed at once. */
  addConversation(conversation: ConversationRecord): Promise<IngestSummary>;
  /** Ids of the live conversations (added with addConversation) in the index. */
  conversationIds(): Promise<string[]>;
  /** Removes live conversations by id (`orca forget`), committed at once; unknown ids are ignored. */
  removeConversations(ids: string[]): Promise<IngestSummary>;
  stats(): KnowledgeStats;
  close(): Promise<void>;
}

export interface OpenKnowledgeBaseOptions {
  dataDir: string;
  embedder: Embedder;
  logger?: Logger;
}
