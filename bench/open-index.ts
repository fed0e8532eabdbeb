import { createEmbedder, type KnowledgeBase, openKnowledgeBase } from "../knowledge/index.js";

/** Opens the index in a data folder with the offline embedder, as the offline `orca serve` the bench drives does. */
export function openIndex(dataDir: string): Promise<KnowledgeBase> {
  return openKnowledgeBase({ dataDir, embedder: createEmbedder() });
}
