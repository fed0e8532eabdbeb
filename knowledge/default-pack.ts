// The knowledge that ships with Orca: topic notes (kind docs) and example conversations. They are indexed on first
// use, and re-synced (incrementally: only changed notes are re-embedded) whenever the pack's content changes, so an
// upgraded Orca answers from its upgraded notes.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../core/index.js";
import type { IngestInput, IngestOptions, IngestSummary, KnowledgeBase } from "./types.js";

export const DEFAULT_PACK_DIR = path.join(repoRoot, "knowledge", "pack");

export interface DefaultKnowledgeOptions {
  /** More docs folders to index alongside the pack (for example a checkout of the Prefect docs). */
  extraDocsDirs?: string[];
  packDir?: string;
  /**
   * File recording the hash of the pack last indexed (normally inside the data dir). With it, a changed pack is
   * re-synced into a non-empty index; without it the pack is only indexed into an empty one.
   */
  stampFile?: string;
  onProgress?: IngestOptions["onProgress"];
}

function packInputs(pack: string): IngestInput[] {
  const inputs: IngestInput[] = [];
  const notes = path.join(pack, "notes");
  const conversations = path.join(pack, "conversations");
  if (existsSync(notes)) inputs.push({ source: notes, kind: "docs", origin: "orca-pack/notes" });
  if (existsSync(conversations))
    inputs.push({ source: conversations, kind: "conversation", origin: "orca-pack/conversations" });
  return inputs;
}

/** The inputs that make up the default knowledge; absent folders are left out. */
export function defaultKnowledgeInputs(options: DefaultKnowledgeOptions = {}): IngestInput[] {
  const inputs = packInputs(options.packDir ?? DEFAULT_PACK_DIR);
  for (const dir of options.extraDocsDirs ?? []) inputs.push({ source: dir, kind: "docs" });
  return inputs;
}

/** A hash of every file in the pack's notes and conversations (names and bytes), in a stable order. */
export function packHash(packDir: string = DEFAULT_PACK_DIR): string {
  const hash = createHash("sha256");
  for (const sub of ["notes", "conversations"]) {
    const dir = path.join(packDir, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (!statSync(file).isFile()) continue;
      hash.update(`${sub}/${name}\0`);
      hash.update(readFileSync(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex").slice(0, 32);
}

function readStamp(file: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { packHash?: unknown };
    return typeof parsed.packHash === "string" ? parsed.packHash : null;
  } catch {
    return null;
  }
}

function writeStamp(file: string, hash: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ packHash: hash, syncedAt: new Date().toISOString() })}\n`);
  renameSync(tmp, file);
}

/**
 * Indexes the pack (and extra folders) when the index is empty, and re-syncs the pack when its content changed
 * since the stamp was written. Returns null when there was nothing to do.
 */
export async function ensureDefaultKnowledge(
  kb: KnowledgeBase,
  options: DefaultKnowledgeOptions = {},
): Promise<IngestSummary | null> {
  const pack = options.packDir ?? DEFAULT_PACK_DIR;
  const hash = options.stampFile ? packHash(pack) : null;
  let summary: IngestSummary | null = null;
  if (kb.stats().documents === 0) {
    const inputs = defaultKnowledgeInputs(options);
    if (inputs.length === 0) return null;
    summary = await kb.ingest(inputs, { onProgress: options.onProgress });
  } else if (options.stampFile && hash !== readStamp(options.stampFile)) {
    const inputs = packInputs(pack);
    if (inputs.length === 0) return null;
    summary = await kb.ingest(inputs, { onProgress: options.onProgress });
  }
  if (options.stampFile && hash && (summary || readStamp(options.stampFile) === null))
    writeStamp(options.stampFile, hash);
  return summary;
}
