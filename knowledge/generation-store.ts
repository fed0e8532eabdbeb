// On-disk layout: <dataDir>/index/<generation>/... plus a CURRENT file naming the live generation. A commit
// writes a complete new generation folder, then replaces CURRENT by rename: a crash at any point leaves the
// previous generation live and intact. Folders that CURRENT does not name are leftovers and are removed.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DataDirError, type DocKind } from "../core/index.js";
import { Bm25Index } from "./bm25.js";
import { IndexCorruptError } from "./errors.js";

export const FORMAT_VERSION = 1;

export interface Manifest {
  format: number;
  embedder: { id: string; dimensions: number };
  slots: number;
  documents: number;
  chunks: number;
  createdAt: string;
}

export interface StoredDoc {
  docId: string;
  origin: string;
  sourceId: string;
  kind: DocKind;
  versionTag: string | null;
  url: string;
  title: string;
  contentHash: string;
  /** Slots of this document's chunks. */
  slots: number[];
}

export interface StoredChunk {
  id: string;
  docId: string;
  section: string[];
  text: string;
}

export interface Generation {
  name: string;
  manifest: Manifest;
  docs: StoredDoc[];
  /** Slot-indexed; null marks a deleted slot (its vector label is marked deleted in the HNSW graph). */
  chunks: Array<StoredChunk | null>;
  vectors: Float32Array;
  bm25: Bm25Index;
  hnswFile: string;
}

export class GenerationStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, "index");
  }

  currentName(): string | null {
    try {
      const name = readFileSync(path.join(this.root, "CURRENT"), "utf8").trim();
      return name && existsSync(path.join(this.root, name, "manifest.json")) ? name : null;
    } catch {
      return null;
    }
  }

  read(): Generation | null {
    const name = this.currentName();
    if (!name) return null;
    const dir = path.join(this.root, name);
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
      if (manifest.format !== FORMAT_VERSION) throw new Error(`format ${manifest.format}, expected ${FORMAT_VERSION}`);
      const docs = JSON.parse(readFileSync(path.join(dir, "docs.json"), "utf8")) as StoredDoc[];
      const chunks = JSON.parse(readFileSync(path.join(dir, "chunks.json"), "utf8")) as Array<StoredChunk | null>;
      const vectors = floats(readFileSync(path.join(dir, "vectors.f32")));
      const terms = JSON.parse(readFileSync(path.join(dir, "bm25-terms.json"), "utf8")) as string[];
      const bin = readFileSync(path.join(dir, "bm25.bin"));
      const header = new Uint32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + 12));
      const [nTerms = 0, nPostings = 0, nDocs = 0] = header;
      let offset = bin.byteOffset + 12;
      const take = (bytes: number) => {
        const out = bin.buffer.slice(offset, offset + bytes);
        offset += bytes;
        return out;
      };
      const bm25 = new Bm25Index({
        terms,
        offsets: new Uint32Array(take((nTerms + 1) * 4)),
        docs: new Uint32Array(take(nPostings * 4)),
        tfs: new Float32Array(take(nPostings * 4)),
        lengths: new Float32Array(take(nDocs * 4)),
      });
      if (chunks.length !== manifest.slots || vectors.length !== manifest.slots * manifest.embedder.dimensions) {
        throw new Error("chunk and vector counts disagree with the manifest");
      }
      return { name, manifest, docs, chunks, vectors, bm25, hnswFile: path.join(dir, "hnsw.bin") };
    } catch (error) {
      throw new IndexCorruptError(
        `the index at ${dir} cannot be read (${(error as Error).message}); delete ${this.root} and ingest again`,
        { cause: error },
      );
    }
  }

  /** Writes a new generation; `writeHnsw` saves the vector graph to the given file. Returns the new name. */
  write(
    data: Omit<Generation, "name" | "hnswFile" | "manifest"> & { embedder: Manifest["embedder"] },
    writeHnsw: (file: string) => void,
  ): string {
    // Unique even for two commits in one millisecond: a live generation is never written into.
    const name = `gen-${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString("hex")}`;
    const dir = path.join(this.root, name);
    try {
      mkdirSync(this.root, { recursive: true });
      mkdirSync(dir);
      const live = data.chunks.filter((c) => c !== null).length;
      const manifest: Manifest = {
        format: FORMAT_VERSION,
        embedder: data.embedder,
        slots: data.chunks.length,
        documents: data.docs.length,
        chunks: live,
        createdAt: new Date().toISOString(),
      };
      writeFileSync(path.join(dir, "docs.json"), JSON.stringify(data.docs));
      writeFileSync(path.join(dir, "chunks.json"), JSON.stringify(data.chunks));
      writeFileSync(path.join(dir, "vectors.f32"), bytes(data.vectors));
      const b = data.bm25.data;
      writeFileSync(path.join(dir, "bm25-terms.json"), JSON.stringify(b.terms));
      const header = new Uint32Array([b.terms.length, b.docs.length, b.lengths.length]);
      writeFileSync(
        path.join(dir, "bm25.bin"),
        Buffer.concat([bytes(header), bytes(b.offsets), bytes(b.docs), bytes(b.tfs), bytes(b.lengths)]),
      );
      writeHnsw(path.join(dir, "hnsw.bin"));
      // The manifest goes last: a folder without one is never treated as a generation.
      writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
      const tmp = path.join(this.root, `CURRENT.${process.pid}.tmp`);
      writeFileSync(tmp, name);
      renameSync(tmp, path.join(this.root, "CURRENT"));
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw new DataDirError(`cannot write the index under ${this.root}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.removeStale();
    return name;
  }

  /**
   * Takes the writer lock (one writing process per data folder); a lock left by a dead process is taken over.
   * Returns the release function.
   */
  lock(): () => void {
    mkdirSync(this.root, { recursive: true });
    const file = path.join(this.root, "LOCK");
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(file, String(process.pid), { flag: "wx" });
        return () => rmSync(file, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          throw new DataDirError(`cannot lock the index under ${this.root}: ${(error as Error).message}`, {
            cause: error,
          });
        }
        const owner = Number(readFileSync(file, "utf8"));
        if (owner !== process.pid && isAlive(owner)) {
          throw new DataDirError(`another orca process (pid ${owner}) is writing the index under ${this.root}`);
        }
        rmSync(file, { force: true });
      }
    }
    throw new DataDirError(`cannot lock the index under ${this.root}`);
  }

  /** Removes generation folders other than the live one (leftovers of crashed or superseded writes). */
  removeStale(): void {
    const current = this.currentName();
    let entries: string[];
    try {
      entries = readdirSync(this.root);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry === current || entry === "CURRENT" || entry === "LOCK") continue;
      if (entry.startsWith("gen-") || entry.startsWith("CURRENT.")) {
        rmSync(path.join(this.root, entry), { recursive: true, force: true });
      }
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function floats(buf: Buffer): Float32Array {
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function bytes(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
