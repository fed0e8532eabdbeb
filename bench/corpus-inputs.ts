import type { IngestInput } from "../knowledge/index.js";
import type { BenchCorpus } from "./section.js";

/** The corpus folders as ingest inputs, with the version tags and public URLs `orca ingest` would give them. */
export function corpusInputs(corpus: BenchCorpus): IngestInput[] {
  return corpus.sources.map((s) => ({ source: s.dir, kind: "docs", versionTag: s.versionTag, baseUrl: s.baseUrl }));
}
