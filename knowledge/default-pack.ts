// The knowledge that ships with Orca: topic notes (kind docs) and example conversations, indexed on first use.
import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../core/index.js";
import type { IngestInput, IngestOptions, IngestSummary, KnowledgeBase } from "./types.js";

export const DEFAULT_PACK_DIR = path.join(repoRoot, "knowledge", "pack");

export interface DefaultKnowledgeOptions {
  /** More docs folders to index alongside the pack (for example a checkout of the Prefect docs). */
  extraDocsDirs?: string[];
  packDir?: string;
  onProgress?: IngestOptions["onProgress"];
}

/** The inputs that make up the default knowledge; absent folders are left out. */
export function defaultKnowledgeInputs(options: DefaultKnowledgeOptions = {}): IngestInput[] {
  const pack = options.packDir ?? DEFAULT_PACK_DIR;
  const inputs: IngestInput[] = [];
  const notes = path.join(pack, "notes");
  const conversations = path.join(pack, "conversations");
  if (existsSync(notes)) inputs.push({ source: notes, kind: "docs" });
  if (existsSync(conversations)) inputs.push({ source: conversations, kind: "conversation" });
  for (const dir of options.extraDocsDirs ?? []) inputs.push({ source: dir, kind: "docs" });
  return inputs;
}

/** Indexes the pack (and extra folders) when the index is empty; returns null when there was nothing to do. */
export async function ensureDefaultKnowledge(
  kb: KnowledgeBase,
  options: DefaultKnowledgeOptions = {},
): Promise<IngestSummary | null> {
  if (kb.stats().documents > 0) return null;
  const inputs = defaultKnowledgeInputs(options);
  if (inputs.length === 0) return null;
  return kb.ingest(inputs, { onProgress: options.onProgress });
}
