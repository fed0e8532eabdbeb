// The OpenAI adapter on its own, over real HTTP: request shape, validation of what comes back, per-call and
// whole-answer deadlines, and which failures are retried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIChatModel } from "../bot/index.js";
import { isOrcaError } from "../core/index.js";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai/index.js";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

const model = (overrides: Partial<Parameters<typeof createOpenAIChatModel>[0]> = {}) =>
  createOpenAIChatModel({
    baseUrl: fake.baseUrl,
    model: "m",
    timeoutMs: 2_000,
    maxAttempts: 3,
    backoffMs: 5,
    ...overrides,
  });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("createOpenAIChatModel", () => {
  it("sends messages, tool results and tool specs in the OpenAI format and parses tool calls", async () => {
    fake.requests.length = 0;
    fake.script({ kind: "tool_calls", calls: [{ name: "check_api", arguments: { name: "prefect.flow" }, id: "c1" }] });
    const turn = await model().complete({
      messages: [
        { role: "system", content: "s" },
        { role: "assistant", content: null, toolCalls: [{ id: "c0", name: "search_docs", arguments: "{}" }] },
        { role: "tool", toolCallId: "c0", content: "result" },
      ],
      tools: [{ type: "function", function: { name: "check_api", parameters: { type: "object" } } }],
    });
    expect(turn).toEqual({
      content: null,
      toolCalls: [{ id: "c1", name: "check_api", arguments: '{"name":"prefect.flow"}' }],
    });
    const body = fake.requests[0]!.body!;
    expect(body.messages?.[1]).toMatchObject({ role: "assistant", tool_calls: [{ id: "c0", type: "function" }] });
    expect(body.messages?.[2]).toMatchObject({ role: "tool", tool_call_id: "c0", content: "result" });
    expect(body.tools?.[0]?.function.name).toBe("check_api");
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer not-needed"); // keyless local servers work
  });

  it("gives up on a hung call at the per-call deadline, without retrying it", async () => {
    fake.requests.length = 0;
    fake.script({ kind: "hang" });
    const error = await failure(model({ timeoutMs: 300 }).complete({ messages: [{ role: "user", content: "q" }] }));
    expect(isOrcaError(error) && error.code).toBe("provider_timeout");
    expect(fake.requests).toHaveLength(1);
  });

  it("stops at the caller's deadline even when each call is within its own", async () => {
    fake.script({ kind: "reply", content: "late", delayMs: 1_500 });
    const error = await failure(
      model({ timeoutMs: 5_000 }).complete({
        messages: [{ role: "user", content: "q" }],
        signal: AbortSignal.timeout(300),
      }),
    );
    expect(isOrcaError(error) && error.code).toBe("provider_timeout");
  });

  it("rejects a response without choices and a non-JSON body as provider errors", async () => {
    fake.script(
      { kind: "garbage", body: '{"object":"chat.completion"}' },
      { kind: "garbage", body: "<html>oops</html>" },
    );
    const shape = await failure(model().complete({ messages: [{ role: "user", content: "q" }] }));
    expect(isOrcaError(shape) && shape.code).toBe("provider_error");
    const html = await failure(model({ maxAttempts: 1 }).complete({ messages: [{ role: "user", content: "q" }] }));
    expect(isOrcaError(html) && html.code).toBe("provider_error");
  });
});
