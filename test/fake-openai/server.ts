// A fake OpenAI-compatible chat-completions server: real HTTP on 127.0.0.1, answering from a script of steps
// (replies, tool calls, HTTP errors, hangs, garbage) and recording every request it receives.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ScriptedToolCall {
  name: string;
  /** An object is JSON-encoded; a string is sent as is (to script malformed arguments). */
  arguments: unknown;
  id?: string;
}

export type FakeStep =
  | { kind: "reply"; content: string; delayMs?: number }
  | { kind: "tool_calls"; calls: ScriptedToolCall[]; content?: string; delayMs?: number }
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "hang" }
  | { kind: "garbage"; body?: string; contentType?: string }
  | ((request: RecordedRequest) => FakeStep);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined when the body was not JSON). */
  body: ChatRequestBody | undefined;
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content?: string | null; tool_call_id?: string; tool_calls?: unknown[] }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  [key: string]: unknown;
}

export interface FakeOpenAI {
  /** Base URL to give the SDK (`…/v1/`). */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Appends steps; each chat-completions request consumes one. */
  script(...steps: FakeStep[]): void;
  /** What to answer once the script is used up (default: HTTP 500). */
  setFallback(step: FakeStep): void;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  steps?: FakeStep[];
  fallback?: FakeStep;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

let counter = 0;

function completion(message: Record<string, unknown>, finish: string, model: string): string {
  counter++;
  return JSON.stringify({
    id: `chatcmpl-fake-${counter}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finish }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

function send(res: ServerResponse, status: number, body: string, contentType = "application/json"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: FakeStep[] = [...(options.steps ?? [])];
  let fallback: FakeStep = options.fallback ?? {
    kind: "status",
    status: 500,
    body: { error: { message: "no scripted response" } },
  };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    let body: ChatRequestBody | undefined;
    try {
      body = JSON.parse(text) as ChatRequestBody;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? "/").split("?")[0]!;
    const recorded: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, body };
    if (!(req.method === "POST" && /\/chat\/completions$/.test(path))) {
      send(res, 404, JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
      return;
    }
    requests.push(recorded);
    let step = queue.shift() ?? fallback;
    while (typeof step === "function") step = step(recorded);
    const model = body?.model ?? "fake-model";
    const delayMs = step.kind === "reply" || step.kind === "tool_calls" ? step.delayMs : undefined;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (res.destroyed) return;
    switch (step.kind) {
      case "reply":
        return send(res, 200, completion({ content: step.content }, "stop", model));
      case "tool_calls":
        return send(
          res,
          200,
          completion(
            {
              content: step.content ?? null,
              tool_calls: step.calls.map((c, i) => ({
                id: c.id ?? `call_${counter}_${i}`,
                type: "function",
                function: {
                  name: c.name,
                  arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments),
                },
              })),
            },
            "tool_calls",
            model,
          ),
        );
      case "status":
        res.writeHead(step.status, { "content-type": "application/json", ...(step.headers ?? {}) });
        res.end(JSON.stringify(step.body ?? { error: { message: `scripted ${step.status}`, type: "server_error" } }));
        return;
      case "garbage":
        return send(res, 200, step.body ?? "{not json at all", step.contentType ?? "application/json");
      case "hang":
        // Never answer; the socket is destroyed on close().
        return;
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1/`,
    requests,
    script: (...steps) => queue.push(...steps),
    setFallback: (step) => {
      fallback = step;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
