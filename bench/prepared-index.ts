// The indexes the later sections read, built once per run (untimed unless the ingest section built them).
import { cp } from "node:fs/promises";
import path from "node:path";
import { defaultKnowledgeInputs } from "../knowledge/index.js";
import { corpusInputs } from "./corpus-inputs.js";
import { openIndex } from "./open-index.js";
import { type BenchCorpus, SkipSection } from "./section.js";

export interface PreparedIndexes {
  /** The corpus alone (v3 + v2 with version tags and public URLs): what retrieval quality is measured on. */
  corpus(): Promise<string>;
  /** The corpus plus Orca's default pack: what `orca serve` answers from. */
  served(): Promise<string>;
  /** Hands over an index of the corpus alone that a section already built, so it is not built twice. */
  publishCorpus(dir: string): void;
}

export function preparedIndexes(
  corpus: BenchCorpus | null,
  workDir: string,
  log: (line: string) => void,
): PreparedIndexes {
  let corpusDir: Promise<string> | undefined;
  let servedDir: Promise<string> | undefined;
  const corpusIndex = () => {
    if (!corpus) return Promise.reject(new SkipSection("shared docs corpus not found"));
    corpusDir ??= (async () => {
      const dir = path.join(workDir, "corpus-index");
      log("bench: indexing the corpus (untimed)...");
      const kb = await openIndex(dir);
      try {
        await kb.ingest(corpusInputs(corpus));
      } finally {
        await kb.close();
      }
      return dir;
    })();
    return corpusDir;
  };
  return {
    corpus: corpusIndex,
    served() {
      servedDir ??= (async () => {
        const dir = path.join(workDir, "served-index");
        await cp(await corpusIndex(), dir, { recursive: true });
        const kb = await openIndex(dir);
        try {
          await kb.ingest(defaultKnowledgeInputs());
        } finally {
          await kb.close();
        }
        return dir;
      })();
      return servedDir;
    },
    publishCorpus(dir) {
      corpusDir ??= Promise.resolve(dir);
    },
  };
}
