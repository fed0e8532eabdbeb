// LLM mode end to end against a fake OpenAI-compatible server over real HTTP: tool calls, repair rounds, timeouts,
// retries and garbage, with the real facts, linter and knowledge base behind the engine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOrca, type Orca } from "../bot/index.js";
import { loadConfig, silentLogger } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "../lint/index.js";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai/index.js";

const SECRET = "sk-test-orca-secret-123";
const GOOD = [
  "Yes. Submit the tasks and wait for the futures before the flow returns [1].",
  "",
  "```python",
  "from prefect import flow, task",
  "from prefect.futures import wait",
  "",
  "",
  "@task",
  "def double(x: int) -> int:",
  "    return 2 * x",
  "",
  "",
  "@flow",
  "def pipeline():",
  "    futures = [double.submit(i) for i in range(3)]",
  "    wait(futures)",
  "    return [f.result() for f in futures]",
  "```",
  "",
  "Prefect 3.8.3 (assumed).",
].join("\n");
const BAD_WAIT_IMPORT = GOOD.replace(
  "from prefect import flow, task\nfrom prefect.futures import wait",
  "from prefect import flow, task, wait",
);
const BAD_FLOW_SUBMIT = [
  "Submit the subflow:",
  "",
  "```python",
  "from prefect import flow",
  "",
  "",
  "@flow",
  "def child(n: int) -> int:",
  "    return n",
  "",
  "",
  "@flow",
  "def parent():",
  "    return child.submit(1).result()",
  "```",
].join("\n");

let fake: FakeOpenAI;
let orca: Orca;
let dataDir: string;

const question = { messages: [], question: "How do I wait for several submitted tasks in Prefect 3?" };

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dataDir = mkdtempSync(path.join(tmpdir(), "orca-llm-"));
  const config = loadConfig({
    ORCA_DATA_DIR: dataDir,
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: SECRET,
    OPENAI_MODEL: "fake-model",
  });
  orca = await createOrca({
    config,
    logger: silentLogger(),
    limits: { callTimeoutMs: 1_500, answerTimeoutMs: 4_000, backoffMs: 5, maxAttempts: 3 },
  });
});

afterAll(async () => {
  await orca?.close();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  fake.requests.length = 0;
  fake.setFallback({ kind: "status", status: 500 });
});

const lastUser = (i: number) => {
  const messages = fake.requests[i]?.body?.messages ?? [];
  return [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
};

describe("LLM mode against a fake OpenAI-compatible server", () => {
  it("answers the model's lookup_changes call from the release-notes facts, relative to the asker's version", async () => {
    fake.script(
      {
        kind: "tool_calls",
        calls: [
          {
            name: "lookup_changes",
            arguments: {
              text: "ProcessPoolTaskRunner fails when tasks are submitted with wait_for",
              version: "3.4.20",
            },
          },
        ],
      },
      { kind: "reply", content: GOOD },
    );
    await orca.engine.answer(question);
    const tool = (fake.requests[1]!.body?.messages ?? []).find((m) => m.role === "tool");
    const result = JSON.parse(tool?.content ?? "{}");
    expect(result.version).toBe("3.4.20");
    expect(result.matches[0]).toMatchObject({ strength: "strong", release: "3.4.24", pr: 19172, kind: "fix" });
    expect(result.matches[0].statement).toMatch(/^Fixed in 3\.4\.24 \(#19172\).*upgrade to 3\.4\.24 or later\.$/);
  });

  it("runs a scripted tool-call turn, then returns the model's verified answer with its cited sources", async () => {
    fake.script(
      {
        kind: "tool_calls",
        calls: [
          { name: "search_docs", arguments: { query: "wait for futures", k: 2 } },
          { name: "check_api", arguments: { name: "prefect.futures.wait" } },
        ],
      },
      { kind: "reply", content: GOOD },
    );
    const answer = await orca.engine.answer(question);
    expect(answer.mode).toBe("llm");
    expect(answer.markdown).toBe(GOOD);
    expect(fake.requests).toHaveLength(2);

    const first = fake.requests[0]!;
    expect(first.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(first.body?.model).toBe("fake-model");
    expect(first.body?.tools?.map((t) => t.function.name).sort()).toEqual([
      "check_api",
      "find_answers",
      "lint_snippet",
      "lookup_changes",
      "lookup_setting",
      "search_docs",
      "search_past_threads",
    ]);
    const toolMessages = (fake.requests[1]!.body?.messages ?? []).filter((m) => m.role === "tool");
    expect(toolMessages).toHaveLength(2);
    expect(toolMessages[0]!.content).toMatch(/^\[\d+\] /);
    expect(JSON.parse(toolMessages[1]!.content ?? "{}")).toMatchObject({
      name: "prefect.futures.wait",
      exists: true,
      first_release: "3.0.0",
    });
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.correctedCode).toBeNull(); // no code from the asker to correct
    expect(JSON.stringify(answer)).not.toContain(SECRET);
  });

  it("sends a draft that imports wait from prefect back to the model and keeps the repaired one", async () => {
    fake.script({ kind: "reply", content: BAD_WAIT_IMPORT }, { kind: "reply", content: GOOD });
    const answer = await orca.engine.answer(question);
    expect(fake.requests).toHaveLength(2);
    expect(lastUser(1)).toMatch(/rejected your draft/);
    expect(lastUser(1)).toMatch(/wait/);
    expect(answer.mode).toBe("llm");
    expect(answer.markdown).toContain("from prefect.futures import wait");
    expect(answer.markdown).not.toContain("from prefect import flow, task, wait");
    expect(answer.notes.join(" ")).toMatch(/1 repair round/);
  });

  it("rejects a draft that calls .submit() on a flow and removes it when two repair rounds do not fix it", async () => {
    fake.script(
      { kind: "reply", content: BAD_FLOW_SUBMIT },
      { kind: "reply", content: BAD_FLOW_SUBMIT },
      { kind: "reply", content: BAD_FLOW_SUBMIT },
    );
    const answer = await orca.engine.answer(question);
    expect(fake.requests).toHaveLength(3);
    expect(lastUser(1)).toMatch(/submit/);
    expect(answer.mode).toBe("llm");
    expect(answer.markdown).not.toContain("child.submit(");
    expect(answer.markdown).toMatch(/code block was removed/);
    expect(answer.notes.join(" ")).toMatch(/failed Orca's checks/);
  });

  it("validates tool arguments with zod and returns the error to the model", async () => {
    fake.script(
      {
        kind: "tool_calls",
        calls: [
          { name: "search_docs", arguments: { query: 42 } },
          { name: "lint_snippet", arguments: "{not json" },
        ],
      },
      { kind: "reply", content: GOOD },
    );
    const answer = await orca.engine.answer(question);
    const tools = (fake.requests[1]!.body?.messages ?? []).filter((m) => m.role === "tool").map((m) => m.content ?? "");
    expect(tools[0]).toMatch(/^Error: invalid arguments for search_docs/);
    expect(tools[1]).toMatch(/not valid JSON/);
    expect(answer.mode).toBe("llm");
  });

  it("runs at most 8 tool calls in a turn", async () => {
    const calls = Array.from({ length: 10 }, (_, i) => ({
      name: "check_api",
      arguments: { name: `prefect.flow${i}` },
    }));
    fake.script({ kind: "tool_calls", calls }, { kind: "reply", content: GOOD });
    await orca.engine.answer(question);
    const tools = (fake.requests[1]!.body?.messages ?? []).filter((m) => m.role === "tool").map((m) => m.content ?? "");
    expect(tools).toHaveLength(10);
    expect(tools.filter((t) => t.startsWith("{"))).toHaveLength(8);
    expect(tools.slice(8).every((t) => /Tool limit reached/.test(t))).toBe(true);
    expect(fake.requests[1]!.body?.tools).toBeUndefined(); // no more tools offered once the budget is spent
  });

  it("falls back to the offline answer with a note when the model hangs", async () => {
    fake.script({ kind: "hang" });
    fake.setFallback({ kind: "hang" });
    const answer = await orca.engine.answer(question);
    expect(answer.mode).toBe("offline");
    expect(answer.notes).toContain("The language model did not answer in time, so Orca answered offline.");
    expect(answer.markdown).toMatch(/did not answer in time/);
    expect(answer.markdown.length).toBeGreaterThan(100);
  });

  it("retries 5xx and 429 with backoff, then answers", async () => {
    fake.script({ kind: "status", status: 503 }, { kind: "status", status: 429 }, { kind: "reply", content: GOOD });
    const answer = await orca.engine.answer(question);
    expect(fake.requests).toHaveLength(3);
    expect(answer.mode).toBe("llm");
  });

  it("falls back offline after repeated 500s", async () => {
    fake.script({ kind: "status", status: 500 }, { kind: "status", status: 500 }, { kind: "status", status: 500 });
    const answer = await orca.engine.answer(question);
    expect(fake.requests).toHaveLength(3); // maxAttempts
    expect(answer.mode).toBe("offline");
    expect(answer.notes.join(" ")).toMatch(/was unavailable, so Orca answered offline/);
  });

  it("does not retry a 400", async () => {
    fake.script({ kind: "status", status: 400 });
    const answer = await orca.engine.answer(question);
    expect(fake.requests).toHaveLength(1);
    expect(answer.mode).toBe("offline");
  });

  it("falls back offline on garbage JSON and on a well-formed but wrong response", async () => {
    fake.script({ kind: "garbage" });
    const garbage = await orca.engine.answer(question);
    expect(garbage.mode).toBe("offline");
    expect(garbage.notes.join(" ")).toMatch(/answered offline/);

    fake.script({ kind: "garbage", body: JSON.stringify({ choices: [] }) });
    const empty = await orca.engine.answer(question);
    expect(empty.mode).toBe("offline");
  });

  it("answers scoped replies (empty, off-topic) without calling the model", async () => {
    const empty = await orca.engine.answer({ messages: [], question: "  " });
    const offTopic = await orca.engine.answer({ messages: [], question: "What is a good banana bread recipe?" });
    expect(fake.requests).toHaveLength(0);
    expect(empty.mode).toBe("offline");
    expect(offTopic.markdown).toMatch(/only answer questions about Prefect/);
  });

  it("gives the model the asker's diagnoses and Orca's checked correction", async () => {
    fake.script({ kind: "reply", content: GOOD });
    const code = ["```python", "from prefect import flow, wait", "", "@flow", "def f():", "    wait([])", "```"].join(
      "\n",
    );
    const answer = await orca.engine.answer({
      messages: [],
      question: `is this right?\n${code}`,
      prefectVersion: "3.4.20",
    });
    const user = fake.requests[0]!.body?.messages?.find((m) => m.role === "user")?.content ?? "";
    expect(user).toMatch(/Prefect version: 3\.4\.20/);
    expect(user).toMatch(/prefect\.futures/);
    expect(answer.diagnoses.length).toBeGreaterThan(0);
    const linter = await createLinter(loadPrefectFacts());
    const blocking = linter.lint(answer.correctedCode ?? "", "3.4.20").diagnoses.filter((d) => d.severity === "error");
    expect(blocking).toEqual([]);
  });
});
