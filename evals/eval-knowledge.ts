// A fresh index of exactly what a run ingests. Building the docs corpus takes a while, so the built index is cached
// under a folder named by the content hash of the inputs and the embedder; each run works on its own copy, so
// nothing a run does can leak into the next one or into the user's data dir.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Embedder, InputError, type Logger, repoRoot, sharedDataDir } from "../core/index.js";
import { defaultKnowledgeInputs, type IngestInput, openKnowledgeBase } from "../knowledge/index.js";

/** The shared Prefect docs snapshot and where its pages live publicly (see its SOURCE.md). */
export const SHARED_DOCS = [
  {
    dir: path.join(sharedDataDir, "corpus", "prefect-docs", "v3"),
    versionTag: "3",
    baseUrl: "https://docs.prefect.io/v3/",
  },
  {
    dir: path.join(sharedDataDir, "corpus", "prefect-docs", "v2"),
    versionTag: "2",
    baseUrl: "https://docs-2.prefect.io/latest/{path}/",
  },
] as const;

/** The default knowledge pack plus the shared docs corpus, when it is present. */
export function defaultEvalInputs(): IngestInput[] {
  return [...defaultKnowledgeInputs(), ...SHARED_DOCS.filter((d) => existsSync(d.dir)).map(sharedDocsInput)];
}

function sharedDocsInput(d: (typeof SHARED_DOCS)[number]): IngestInput {
  return { source: d.dir, kind: "docs", versionTag: d.versionTag, baseUrl: d.baseUrl };
}

/** Paths from `--ingest`; the shared docs folders keep their public URLs and version tags. */
export function ingestInputsFor(paths: string[]): IngestInput[] {
  return paths.map((p) => {
    const resolved = path.resolve(p);
    const shared = SHARED_DOCS.find((d) => d.dir === resolved);
    return shared ? sharedDocsInput(shared) : resolved;
  });
}

export interface EvalIndexOptions {
  inputs: IngestInput[];
  embedder: Embedder;
  logger: Logger;
  /** Where built indexes are cached; default a folder under the OS temp dir. */
  cacheDir?: string;
}

export interface EvalIndex {
  /** A private data dir holding a copy of the index, removed by `dispose`. */
  dataDir: string;
  /** True when the index came from the cache. */
  cached: boolean;
  key: string;
  dispose(): Promise<void>;
}

export const DEFAULT_EVAL_CACHE = path.join(tmpdir(), "orca-eval-index");
const READY = "READY";
/** Built indexes kept in the cache (each is tens of MB); the least recently built go first. */
const KEEP_CACHED = 3;
/** A build folder older than this was left by a crashed run. */
const STALE_BUILD_MS = 60 * 60 * 1000;

export async function prepareEvalIndex(options: EvalIndexOptions): Promise<EvalIndex> {
  const cacheRoot = options.cacheDir ?? DEFAULT_EVAL_CACHE;
  const key = await inputsKey(options.inputs, options.embedder);
  if (key === null) return privateIndex(await buildIndex(options, cacheRoot), false, "uncached", true);
  const cached = path.join(cacheRoot, key);
  // Runs started side by side share the cache: another one's prune may remove this slot between the check and the
  // copy. The slot is then built again, once; a second loss is an error worth seeing.
  for (let attempt = 0; ; attempt++) {
    let hit = existsSync(path.join(cached, READY));
    if (hit) await markUsed(cached);
    else {
      hit = await publish(await buildIndex(options, cacheRoot), cached);
      await prune(cacheRoot, KEEP_CACHED);
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), "orca-eval-run-"));
    try {
      await cp(path.join(cached, "index"), path.join(dataDir, "index"), { recursive: true });
      return privateIndex(dataDir, hit, key, true);
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      if (attempt > 0 || (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      await rm(cached, { recursive: true, force: true });
    }
  }
}

/** A slot read now counts as recent: the prune keeps the slots runs use, not only the ones built last. */
async function markUsed(slot: string): Promise<void> {
  const now = new Date();
  await utimes(slot, now, now).catch(() => undefined);
}

function privateIndex(dataDir: string, cached: boolean, key: string, owned: boolean): EvalIndex {
  return {
    dataDir,
    cached,
    key,
    dispose: async () => {
      if (owned) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function buildIndex(options: EvalIndexOptions, cacheRoot: string): Promise<string> {
  await mkdir(cacheRoot, { recursive: true });
  const dir = path.join(cacheRoot, `build-${process.pid}-${randomUUID().slice(0, 8)}`);
  try {
    const kb = await openKnowledgeBase({ dataDir: dir, embedder: options.embedder, logger: options.logger });
    try {
      const started = Date.now();
      const summary = await kb.ingest(options.inputs);
      options.logger.info(
        { added: summary.added, skipped: summary.skipped.length, ms: Date.now() - started },
        "eval index built",
      );
      if (summary.added === 0) {
        throw new InputError(`nothing was indexed from ${options.inputs.map(inputLabel).join(", ")}`);
      }
    } finally {
      await kb.close();
    }
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Moves a finished build into its cache slot; when another process got there first, its copy wins. */
async function publish(built: string, slot: string): Promise<boolean> {
  await writeFile(path.join(built, READY), new Date().toISOString());
  try {
    await rename(built, slot);
    return false;
  } catch {
    await rm(built, { recursive: true, force: true });
    if (!existsSync(path.join(slot, READY))) throw new InputError(`cannot store the eval index under ${slot}`);
    return true;
  }
}

async function prune(cacheRoot: string, keep: number): Promise<void> {
  const entries = await readdir(cacheRoot, { withFileTypes: true });
  const dirs = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => {
        const full = path.join(cacheRoot, e.name);
        return { full, build: e.name.startsWith("build-"), mtime: (await stat(full)).mtimeMs };
      }),
  );
  const now = Date.now();
  const stale = dirs.filter((d) => d.build && now - d.mtime > STALE_BUILD_MS);
  const old = dirs
    .filter((d) => !d.build)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(keep);
  for (const d of [...stale, ...old]) await rm(d.full, { recursive: true, force: true });
}

function inputLabel(input: IngestInput): string {
  return typeof input === "string" ? input : input.source;
}

/** Source folders whose code decides what an index holds (readers, chunker, index format). */
const INDEXER_CODE = [path.join(repoRoot, "ingest"), path.join(repoRoot, "knowledge")];
const NOT_INDEXER_CODE = /\.test\.ts$|[\\/](?:facts|pack)[\\/]/;

/**
 * Hash of every input file's path and bytes, the input options, the embedder and the indexing code (a changed
 * chunker must not be hidden by a stale cache); null when an input is a URL.
 */
export async function inputsKey(inputs: IngestInput[], embedder: Embedder): Promise<string | null> {
  const hash = createHash("sha256");
  hash.update(`embedder ${embedder.id} ${embedder.dimensions}\n`);
  for (const dir of INDEXER_CODE) {
    for (const file of await filesUnder(dir)) {
      if (!file.endsWith(".ts") || NOT_INDEXER_CODE.test(file)) continue;
      hash.update(`code ${path.relative(repoRoot, file)}\n`);
      hash.update(await readFile(file));
    }
  }
  for (const input of inputs) {
    const source = inputLabel(input);
    if (/^https?:\/\//i.test(source)) return null;
    hash.update(`input ${JSON.stringify(input)}\n`);
    for (const file of await filesUnder(source)) {
      hash.update(`${path.relative(source, file)}\n`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex").slice(0, 24);
}

async function filesUnder(p: string): Promise<string[]> {
  const info = await stat(p).catch(() => {
    throw new InputError(`${p}: no such file or folder to ingest`, "not_found");
  });
  if (info.isFile()) return [p];
  const out: string[] = [];
  for (const entry of (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(p, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
