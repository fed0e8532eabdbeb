// The model-backed classifier against a fake OpenAI-compatible server on 127.0.0.1, through the real chat adapter.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIChatModel } from "../bot/answer/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { type FakeOpenAI, startFakeOpenAI } from "../test/fake-openai/index.js";
import { createClassifier } from "./classify-thread.js";
import { createLlmClassifier } from "./llm-classifier.js";

const offline = createClassifier({ facts: loadPrefectFacts() });
let server: FakeOpenAI;

beforeEach(async () => {
  server = await startFakeOpenAI();
});
afterEach(async () => {
  await server.close();
});

const model = () =>
  createOpenAIChatModel({
    baseUrl: server.baseUrl,
    model: "triage-test",
    timeoutMs: 5_000,
    maxAttempts: 1,
    backoffMs: 1,
  });
const TEXT = "We're on prefect==3.4.1 and every run dies at midnight, the database connection drops";

describe("LLM classifier", () => {
  it("takes kind, topic and confidence from the model, keeps version and code detection offline", async () => {
    server.script({
      kind: "reply",
      content: '{"kind": "incident", "topic": "server-and-database", "confidence": 0.9}',
    });
    const result = await createLlmClassifier(model(), offline).classify(TEXT);
    expect(result).toMatchObject({ kind: "incident", topic: "server-and-database", confidence: 0.9, version: "3.4.1" });
    expect(result.classifier).toBe(`llm:openai:triage-test/${offline.version}`);
    expect(server.requests[0]?.body?.messages?.[1]?.content).toBe(TEXT);
  });

  it.each([
    [
      "an id outside the taxonomy",
      { kind: "reply", content: '{"kind": "rant", "topic": "server-and-database", "confidence": 1}' },
    ],
    ["prose instead of JSON", { kind: "reply", content: "I think it is a bug." }],
    ["a server error", { kind: "status", status: 500, body: { error: { message: "boom" } } }],
  ] as const)("falls back to the offline classification on %s", async (_what, step) => {
    server.script(step);
    const result = await createLlmClassifier(model(), offline).classify(TEXT);
    const expected = offline.classify(TEXT);
    expect(result).toMatchObject({ kind: expected.kind, topic: expected.topic, classifier: offline.version });
    expect(result.evidence.features.at(-1)).toMatch(/^model not used: /);
  });
});
