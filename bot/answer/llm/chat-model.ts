// The model behind a small interface. The OpenAI adapter is the only code that knows the SDK; anything the
// provider returns is validated here, so the tool loop only ever sees well-formed turns or a ProviderError.
import OpenAI from "openai";
import { z } from "zod";
import { ProviderError } from "../../../core/index.js";

export interface ToolCall {
  id: string;
  name: string;
  /** Raw JSON text from the model; validated by the tool's schema before use. */
  arguments: string;
}

export type ChatMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string | null; toolCalls?: ToolCall[] }
  | { role: "tool"; toolCallId: string; content: string };

export interface ToolSpec {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatTurn {
  content: string | null;
  toolCalls: ToolCall[];
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  signal?: AbortSignal;
}

export interface ChatModel {
  readonly id: string;
  complete(request: ChatRequest): Promise<ChatTurn>;
}

const responseSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          tool_calls: z
            .array(
              z.object({
                id: z.string(),
                type: z.string().optional(),
                function: z.object({ name: z.string(), arguments: z.string() }),
              }),
            )
            .nullable()
            .optional(),
        }),
      }),
    )
    .min(1),
});

function toOpenAIMessage(m: ChatMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  if (m.role === "tool") return { role: "tool", tool_call_id: m.toolCallId, content: m.content };
  if (m.role === "assistant")
    return {
      role: "assistant",
      content: m.content,
      ...(m.toolCalls && m.toolCalls.length > 0
        ? {
            tool_calls: m.toolCalls.map((c) => ({
              id: c.id,
              type: "function" as const,
              function: { name: c.name, arguments: c.arguments },
            })),
          }
        : {}),
    };
  return { role: m.role, content: m.content };
}

export interface OpenAIChatOptions {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  /** Milliseconds for one HTTP call. */
  timeoutMs: number;
  /** Attempts on 429 and 5xx (and network errors). */
  maxAttempts: number;
  backoffMs: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** 429, 5xx and dropped connections are worth another attempt; timeouts and aborts are not. */
function retryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) return false;
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    return status === undefined || status === 429 || status >= 500;
  }
  return false;
}

function asProviderError(error: unknown, signal?: AbortSignal): ProviderError {
  if (error instanceof ProviderError) return error;
  const timedOut =
    error instanceof OpenAI.APIConnectionTimeoutError ||
    (error instanceof Error && (error.name === "TimeoutError" || /timed? ?out/i.test(error.message))) ||
    (signal?.aborted && signal.reason instanceof Error && signal.reason.name === "TimeoutError");
  if (timedOut)
    return new ProviderError("the model did not answer in time", undefined, { cause: error, code: "provider_timeout" });
  const status = error instanceof OpenAI.APIError ? error.status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(
    `the model call failed${status ? ` (HTTP ${status})` : ""}: ${message.slice(0, 200)}`,
    status,
    { cause: error },
  );
}

/** Adapter for any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, LM Studio...). */
export function createOpenAIChatModel(options: OpenAIChatOptions): ChatModel {
  const client = new OpenAI({
    apiKey: options.apiKey ?? "not-needed",
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    maxRetries: 0, // retries are ours: counted, with backoff, and bounded by the answer's deadline
    timeout: options.timeoutMs,
  });
  return {
    id: `openai:${options.model}`,
    async complete(request) {
      for (let attempt = 1; ; attempt++) {
        const callSignal = AbortSignal.any([
          ...(request.signal ? [request.signal] : []),
          AbortSignal.timeout(options.timeoutMs),
        ]);
        try {
          const raw: unknown = await client.chat.completions.create(
            {
              model: options.model,
              messages: request.messages.map(toOpenAIMessage),
              ...(request.tools && request.tools.length > 0
                ? { tools: request.tools as OpenAI.Chat.Completions.ChatCompletionTool[] }
                : {}),
              temperature: 0.1,
            },
            { signal: callSignal },
          );
          const parsed = responseSchema.safeParse(raw);
          if (!parsed.success) throw new ProviderError("the model returned a malformed response");
          const message = parsed.data.choices[0]!.message;
          return {
            content: message.content ?? null,
            toolCalls: (message.tool_calls ?? []).map((c) => ({
              id: c.id,
              name: c.function.name,
              arguments: c.function.arguments,
            })),
          };
        } catch (error) {
          if (request.signal?.aborted) throw asProviderError(request.signal.reason ?? error, request.signal);
          if (attempt >= options.maxAttempts || callSignal.aborted || !retryable(error))
            throw asProviderError(error, callSignal);
          await sleep(options.backoffMs * 2 ** (attempt - 1), request.signal).catch((reason) => {
            throw asProviderError(reason, request.signal);
          });
        }
      }
    },
  };
}
