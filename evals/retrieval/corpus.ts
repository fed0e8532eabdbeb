// The shared Prefect docs corpus as ingest inputs, with the public URL mapping given by its SOURCE.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { sharedDataDir } from "../../core/index.js";
import { docUrl } from "../../ingest/index.js";
import type { IngestInput } from "../../knowledge/index.js";

export const CORPUS_DIR = path.join(sharedDataDir, "corpus", "prefect-docs");
export const V3_BASE_URL = "https://docs.prefect.io/v3/";
export const V2_BASE_URL = "https://docs-2.prefect.io/latest/{path}/";

export function corpusAvailable(dir = CORPUS_DIR): boolean {
  return existsSync(path.join(dir, "v3")) && existsSync(path.join(dir, "v2"));
}

export function corpusInputs(dir = CORPUS_DIR): IngestInput[] {
  return [
    { source: path.join(dir, "v3"), kind: "docs", versionTag: "3", baseUrl: V3_BASE_URL },
    { source: path.join(dir, "v2"), kind: "docs", versionTag: "2", baseUrl: V2_BASE_URL },
  ];
}

/** Public URL of a corpus page given as "v3/concepts/flows.mdx" or "v2/concepts/flows.md". */
export function corpusPageUrl(page: string, dir = CORPUS_DIR): string {
  const [major, ...rest] = page.split("/");
  const relative = rest.join(path.sep);
  return docUrl(relative, major === "v2" ? V2_BASE_URL : V3_BASE_URL, path.join(dir, page));
}
