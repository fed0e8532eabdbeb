// Shapes shared by every reader: what a source yields before chunking and indexing.
import type { DocKind, ThreadMessage } from "../core/index.js";

/** One document read from a source, before chunking. */
export interface SourceDocument {
  /** Stable key inside its origin: a relative path, a URL or a thread id. */
  sourceId: string;
  /** The input the document came from (a folder, a file, a start URL); vanished documents are removed per origin. */
  origin: string;
  kind: DocKind;
  /** Prefect major the document is about ("2", "3") or null when unknown. */
  versionTag: string | null;
  url: string;
  title: string;
  /** Markdown body (headings and fenced code kept) for docs. */
  markdown?: string;
  /** The messages of a conversation, oldest first. */
  messages?: ThreadMessage[];
  /** Hash of everything that ends up in the index, for incremental runs. */
  contentHash: string;
}

/** An input, or a part of one, that was not read, with the reason shown to the user. */
export interface SkippedInput {
  path: string;
  reason: string;
}

export interface ReadResult {
  documents: SourceDocument[];
  skipped: SkippedInput[];
  /** Non-fatal notes (for example a Slack message without a timestamp); counted in summaries. */
  warnings: string[];
}

export interface Chunk {
  /** Position-based id, unique inside the document. */
  id: string;
  section: string[];
  /** Text to index and show; for conversations a question/answer unit. */
  text: string;
}

/** Largest single file or HTTP body a reader accepts. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
