// The optional LLM side of evals against a fake OpenAI-compatible server on 127.0.0.1: the judge's request and
// verdict parsing, and a replay in LLM mode with the judge on.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, loadConfig, repoRoot, silentLogger } from "../core/index.js";
import { createEvalRuntime, createLlmJudge, type EvalCase, evaluateCases, parseVerdict } from "../evals/index.js";
import { createEmbedder, openKnowledgeBase } from "../knowledge/index.js";
import { type FakeOpenAI, type RecordedRequest, startFakeOpenAI } from "./fake-openai/index.js";

const notes = path.join(repoRoot, "knowledge", "pack", "notes");

const isJudgeCall = (r: RecordedRequest) =>
  r.body?.messages?.some((m) => m.role === "system" && /You grade answers/.test(m.content ?? "")) ?? false;

const kase: EvalCase = {
  id: "judge-1",
  prefectVersion: "3",
  thread: [],
  question: "How do I wait for submitted tasks before my flow returns?",
  expect: { mentions: ["wait"] },
  tags: [],
  reference: "Call prefect.futures.wait on the futures, or .result() on each.",
};

describe("LLM judge", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it("sends the answer, the cited source text and the reference, and reads the verdict", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "orca-judge-"));
    const docs = path.join(dir, "docs");
    await mkdir(docs);
    await writeFile(
      path.join(docs, "waiting.md"),
      "# Waiting for futures\n\nA flow should resolve every submitted future before it returns: pass them to wait().\n",
    );
    await writeFile(path.join(docs, "retries.md"), "# Retries\n\nTasks accept retries and retry_delay_seconds.\n");
    const kb = await openKnowledgeBase({ dataDir: path.join(dir, "data"), embedder: createEmbedder() });
    try {
      await kb.ingest([{ source: docs, kind: "docs" }]);
      const [hit] = await kb.search("wait for submitted futures before the flow returns", { k: 1 });
      expect(hit).toBeDefined();
      fake.script({
        kind: "reply",
        content: 'Sure: {"faithfulness": 0.8, "correctness": 1.4, "notes": "mostly grounded"}',
      });
      const judge = createLlmJudge({ llm: { baseUrl: fake.baseUrl, model: "judge-model" }, retriever: kb });
      const answer: Answer = {
        markdown: "Use `prefect.futures.wait(futures)` before returning.",
        sources: [
          { title: hit!.title, url: hit!.url, kind: hit!.kind, section: hit!.section.filter(Boolean).join(" › ") },
        ],
        diagnoses: [],
        correctedCode: null,
        version: { version: "3", resolved: "3.8.3", major: 3, how: "stated", evidence: [] },
        mode: "offline",
        timings: {},
        notes: [],
      };
      const verdict = await judge.judge(kase, answer);
      expect(verdict).toEqual({ faithfulness: 0.8, correctness: 1, notes: ["mostly grounded"] });
      const sent = fake.requests.at(-1)!.body!;
      expect(sent.model).toBe("judge-model");
      const user = sent.messages!.find((m) => m.role === "user")!.content!;
      expect(user).toContain(kase.reference!);
      expect(user).toContain(hit!.url);
      // The text of the cited page, not just its title.
      expect(user).toContain("resolve every submitted future before it returns");
      expect(user).not.toContain("retry_delay_seconds");
    } finally {
      await kb.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("turns a failing or garbled judge into a note, never a score", async () => {
    fake.script({ kind: "status", status: 400, body: { error: { message: "bad request" } } });
    const judge = createLlmJudge({ llm: { baseUrl: fake.baseUrl, model: "m" }, timeoutMs: 5_000 });
    const verdict = await judge.judge(kase, {
      markdown: "x",
      sources: [],
      diagnoses: [],
      correctedCode: null,
      version: { version: "3", resolved: "3.8.3", major: 3, how: "stated", evidence: [] },
      mode: "offline",
      timings: {},
      notes: [],
    });
    expect(verdict.faithfulness).toBeUndefined();
    expect(verdict.notes[0]).toMatch(/judge unavailable/);
    expect(parseVerdict("no json here", true)).toEqual({ notes: ["judge reply was not JSON"] });
    expect(parseVerdict('{"faithfulness": "high", "correctness": 0.5}', false)).toEqual({ notes: [] });
  });

  it("replays in LLM mode through the configured model and adds the judge's scores", async () => {
    fake.setFallback((request) =>
      isJudgeCall(request)
        ? { kind: "reply", content: '{"faithfulness": 0.5, "correctness": 0.25, "notes": "ok"}' }
        : { kind: "reply", content: "Wait for the futures: call `prefect.futures.wait(futures)` before returning." },
    );
    const config = loadConfig({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_MODEL: "fake-model", LOG_LEVEL: "silent" });
    const runtime = await createEvalRuntime({ config, logger: silentLogger(), ingest: [notes], judge: true });
    try {
      expect(runtime.mode).toBe("llm (fake-model)");
      const before = fake.requests.length;
      const report = await evaluateCases([kase], runtime);
      const calls = fake.requests.slice(before);
      expect(calls.some((r) => !isJudgeCall(r))).toBe(true);
      expect(calls.filter(isJudgeCall)).toHaveLength(1);
      const result = report.cases[0]!;
      expect(result.answer?.mode).toBe("llm");
      expect(result.metrics.judge_faithfulness).toBe(0.5);
      expect(result.metrics.judge_correctness).toBe(0.25);
      expect(report.summary.metrics.judge_faithfulness).toEqual({ mean: 0.5, n: 1 });
    } finally {
      await runtime.close();
    }
  });
});
