// Embeddings from any OpenAI-compatible endpoint, batched. Retries are the SDK's own: exponential backoff with jitter
// on 408/409/429/5xx and connection errors, honouring the server's Retry-After.
import OpenAI from "openai";
import { type Embedder, ProviderError } from "../core/index.js";

export interface OpenAiEmbedderOptions {
  model: string;
  apiKey?: string;
  baseUrl?: string;
  batchSize?: number;
  maxRetries?: number;
  timeoutMs?: number;
}

export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  private dims = 0;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.id = `openai:${options.model}`;
    this.client = new OpenAI({
      apiKey: options.apiKey ?? "not-needed",
      baseURL: options.baseUrl,
      maxRetries: options.maxRetries ?? 4,
      timeout: options.timeoutMs ?? 60_000,
    });
  }

  /** Known after the first call; 0 before. */
  get dimensions(): number {
    return this.dims;
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    const batchSize = this.options.batchSize ?? 64;
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += batchSize) {
      out.push(...(await this.embedBatch(texts.slice(i, i + batchSize), options.signal)));
    }
    return out;
  }

  private async embedBatch(input: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    try {
      const res = await this.client.embeddings.create(
        { model: this.options.model, input, encoding_format: "float" },
        { signal },
      );
      const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => toVector(d.embedding));
      if (vectors.length !== input.length) {
        throw new ProviderError(`embedding endpoint returned ${vectors.length} vectors for ${input.length} texts`);
      }
      this.dims = vectors[0]?.length ?? this.dims;
      return vectors;
    } catch (error) {
      throw wrap(error, (error as { status?: number }).status);
    }
  }
}

function toVector(embedding: number[] | string): Float32Array {
  if (typeof embedding !== "string") return Float32Array.from(embedding);
  // Some servers ignore encoding_format and send base64 little-endian float32.
  const bytes = Buffer.from(embedding, "base64");
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function wrap(error: unknown, status: number | undefined): ProviderError {
  if (error instanceof ProviderError) return error;
  const timeout = error instanceof OpenAI.APIConnectionTimeoutError;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(`embedding request failed${status ? ` (HTTP ${status})` : ""}: ${message}`, status, {
    cause: error,
    code: timeout ? "provider_timeout" : "provider_error",
  });
}
