import type { Embedder, LlmConfig } from "../core/index.js";
import { HashingEmbedder } from "./hashing-embedder.js";
import { OpenAiEmbedder } from "./openai-embedder.js";

export interface CreateEmbedderOptions {
  llm?: LlmConfig;
}

/**
 * The OpenAI-compatible adapter when an embedding model and an endpoint (base URL or key) are configured,
 * otherwise the embedded offline hasher.
 */
export function createEmbedder(options: CreateEmbedderOptions = {}): Embedder {
  const llm = options.llm;
  if (llm?.embeddingModel && (llm.baseUrl || llm.apiKey)) {
    return new OpenAiEmbedder({ model: llm.embeddingModel, apiKey: llm.apiKey, baseUrl: llm.baseUrl });
  }
  return new HashingEmbedder();
}
