// Locates the shared Prefect docs corpus (v3 MDX + v2 Markdown) and, for quick runs, copies a small slice of it.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { sharedDataDir } from "../core/index.js";
import type { BenchCorpus, CorpusSource } from "./section.js";

const DOC_FILE = /\.mdx?$/i;

/** Public base URLs per version, as the corpus' SOURCE.md maps them. */
const VERSIONS: Array<Omit<CorpusSource, "dir"> & { folder: string }> = [
  { folder: "v3", versionTag: "3", baseUrl: "https://docs.prefect.io/v3/" },
  { folder: "v2", versionTag: "2", baseUrl: "https://docs-2.prefect.io/latest/{path}/" },
];

export function corpusRoot(dataDir: string = sharedDataDir): string {
  return path.join(dataDir, "corpus", "prefect-docs");
}

/** Relative paths of the docs pages under `dir`, sorted so slices are reproducible. */
export async function listDocFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && DOC_FILE.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * The corpus to bench with, or null when the shared data is absent. With `filesPerVersion`, the first files of each
 * version are copied under `workDir` so the quick run indexes a small but real slice.
 */
export async function loadCorpus(
  workDir: string,
  filesPerVersion?: number,
  root: string = corpusRoot(),
): Promise<BenchCorpus | null> {
  const sources: CorpusSource[] = [];
  let files = 0;
  let bytes = 0;
  for (const v of VERSIONS) {
    const original = path.join(root, v.folder);
    if (!existsSync(original)) continue;
    let pages = await listDocFiles(original);
    let dir = original;
    if (filesPerVersion !== undefined) {
      pages = pages.slice(0, filesPerVersion);
      dir = path.join(workDir, "corpus", v.folder);
      for (const page of pages) {
        await mkdir(path.dirname(path.join(dir, page)), { recursive: true });
        await copyFile(path.join(original, page), path.join(dir, page));
      }
    }
    for (const page of pages) bytes += (await stat(path.join(dir, page))).size;
    files += pages.length;
    sources.push({ dir, versionTag: v.versionTag, baseUrl: v.baseUrl });
  }
  if (sources.length === 0) return null;
  return {
    sources,
    info: { versions: sources.map((s) => s.versionTag), files, bytes, slice: filesPerVersion !== undefined },
  };
}
