// The OpenAI-compatible adapter against a fake embeddings endpoint: real HTTP on 127.0.0.1.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../core/index.js";
import { createEmbedder, HashingEmbedder, OpenAiEmbedder } from "./index.js";

type Reply = { status: number; body: unknown };
let server: Server;
let baseUrl: string;
let script: Array<Reply | "vectors" | "base64"> = [];
const bodies: Array<{ model: string; input: string[]; encoding_format?: string }> = [];

function vectorFor(text: string): number[] {
  return [text.length, 1, 0.5];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => {
      raw += d;
    });
    req.on("end", () => {
      const body = JSON.parse(raw) as (typeof bodies)[number];
      bodies.push(body);
      const step = script.shift() ?? "vectors";
      let reply: Reply;
      if (step === "vectors" || step === "base64") {
        const data = body.input.map((text, index) => {
          const v = vectorFor(text);
          const embedding = step === "vectors" ? v : Buffer.from(new Float32Array(v).buffer).toString("base64");
          return { object: "embedding", index, embedding };
        });
        // Out of order on purpose: the adapter must sort by index.
        reply = { status: 200, body: { object: "list", model: body.model, data: data.reverse(), usage: {} } };
      } else reply = step;
      // A tiny Retry-After keeps the SDK's backoff short in tests; it is honoured like any server's.
      res.writeHead(reply.status, { "content-type": "application/json", "retry-after-ms": "1" });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  script = [];
  bodies.length = 0;
});

const error = (status: number): Reply => ({ status, body: { error: { message: `status ${status}`, type: "x" } } });

describe("OpenAiEmbedder", () => {
  it("batches, asks for floats, keeps input order and learns the dimensions", async () => {
    const embedder = new OpenAiEmbedder({ model: "emb-1", baseUrl, batchSize: 2 });
    expect(embedder.id).toBe("openai:emb-1");
    const vectors = await embedder.embed(["a", "bb", "ccc", "dddd", "eeeee"]);
    expect(bodies.map((b) => b.input)).toEqual([["a", "bb"], ["ccc", "dddd"], ["eeeee"]]);
    expect(bodies.every((b) => b.encoding_format === "float" && b.model === "emb-1")).toBe(true);
    expect(vectors.map((v) => v[0])).toEqual([1, 2, 3, 4, 5]);
    expect(embedder.dimensions).toBe(3);
  });

  it("decodes base64 vectors from servers that ignore encoding_format", async () => {
    script = ["base64"];
    const [v] = await new OpenAiEmbedder({ model: "m", baseUrl }).embed(["abcd"]);
    expect(Array.from(v ?? [])).toEqual([4, 1, 0.5]);
  });

  it("retries 429 and 5xx with backoff, then succeeds", async () => {
    script = [error(429), error(503), "vectors"];
    const vectors = await new OpenAiEmbedder({ model: "m", baseUrl }).embed(["x"]);
    expect(vectors).toHaveLength(1);
    expect(bodies).toHaveLength(3);
  });

  it("gives up with a ProviderError after the retries, and never retries a 400", async () => {
    script = [error(500), error(500), error(500)];
    const failed = await new OpenAiEmbedder({ model: "m", baseUrl, maxRetries: 2 })
      .embed(["x"])
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ProviderError);
    expect(failed).toMatchObject({ status: 500, code: "provider_error" });
    expect(bodies).toHaveLength(3);

    bodies.length = 0;
    script = [error(400)];
    await expect(new OpenAiEmbedder({ model: "m", baseUrl }).embed(["x"])).rejects.toMatchObject({
      status: 400,
    });
    expect(bodies).toHaveLength(1);
  });
});

describe("createEmbedder", () => {
  it("uses the offline hasher unless an embedding model and an endpoint are configured", () => {
    expect(createEmbedder()).toBeInstanceOf(HashingEmbedder);
    expect(createEmbedder({ llm: { model: "gpt", apiKey: "k" } })).toBeInstanceOf(HashingEmbedder);
    const remote = createEmbedder({ llm: { model: "gpt", baseUrl, embeddingModel: "emb" } });
    expect(remote).toBeInstanceOf(OpenAiEmbedder);
    expect(remote.id).toBe("openai:emb");
  });
});

describe("HashingEmbedder", () => {
  it("is deterministic, normalised, and closer for related texts", async () => {
    const e = new HashingEmbedder();
    const [a, b, c, a2] = await e.embed([
      "configure a ThreadPoolTaskRunner for concurrent tasks",
      "run tasks concurrently with the thread pool task runner",
      "self-host the server with a PostgreSQL database",
      "configure a ThreadPoolTaskRunner for concurrent tasks",
    ]);
    const dot = (x?: Float32Array, y?: Float32Array) =>
      Array.from(x ?? []).reduce((s, v, i) => s + v * (y?.[i] ?? 0), 0);
    expect(Array.from(a ?? [])).toEqual(Array.from(a2 ?? []));
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.1);
    expect(a?.length).toBe(e.dimensions);
  });
});
