import { describe, expect, it } from "vitest";
import { loadConfig, type OrcaError, type Thread } from "../../core/index.js";
import { WorkerAnswerEngine } from "./worker-answer-engine.js";

const entry = new URL("./fixtures/stand-in-answer-worker.ts", import.meta.url);
const config = loadConfig({ ORCA_DATA_DIR: "/tmp/orca-worker-engine-test" });
const ask = (question: string): Thread => ({ messages: [], question });

function engine(hardTimeoutMs = 10_000): WorkerAnswerEngine {
  return new WorkerAnswerEngine({ config, entry, hardTimeoutMs, startTimeoutMs: 20_000 });
}

describe("WorkerAnswerEngine", () => {
  it("answers on the worker thread with the host's config, several at once", async () => {
    const e = engine();
    try {
      const answers = await Promise.all(["a", "b", "c"].map((q) => e.answer(ask(q))));
      expect(answers.map((a) => a.markdown)).toEqual(
        ["a", "b", "c"].map((q) => `echo: ${q} (/tmp/orca-worker-engine-test; 0 conversations)`),
      );
      expect(answers[0]?.version.resolved).toBe("3.8.3");
    } finally {
      await e.close();
    }
  });

  it("forwards past conversations to the worker, which answers with them", async () => {
    const e = engine();
    try {
      await e.addConversation({ id: "slack:C1:1.0", title: "q", messages: [] });
      expect((await e.answer(ask("x"))).markdown).toContain("1 conversations");
    } finally {
      await e.close();
    }
  });

  it("passes the engine's typed errors through", async () => {
    const e = engine();
    try {
      await expect(e.answer(ask("fail"))).rejects.toMatchObject({ code: "input_invalid", message: "bad question" });
    } finally {
      await e.close();
    }
  });

  it("rejects at once on abort and keeps serving", async () => {
    const e = engine();
    try {
      const controller = new AbortController();
      const pending = e.answer(ask("hang"), { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ code: "timeout" });
      expect((await e.answer(ask("after"))).markdown).toContain("echo: after");
    } finally {
      await e.close();
    }
  });

  it("fails every in-flight question when the worker dies, then restarts it", async () => {
    const e = engine();
    try {
      await e.start();
      const hanging = e.answer(ask("hang"));
      const crash = e.answer(ask("crash"));
      const errors = await Promise.allSettled([hanging, crash]);
      expect(errors.map((r) => r.status)).toEqual(["rejected", "rejected"]);
      expect(errors.map((r) => (r.status === "rejected" ? (r.reason as OrcaError).code : ""))).toEqual([
        "internal",
        "internal",
      ]);
      expect((await e.answer(ask("again"))).markdown).toContain("echo: again");
    } finally {
      await e.close();
    }
  });

  it("replaces a worker stuck in a synchronous loop after the hard timeout", async () => {
    const e = engine(300);
    try {
      await expect(e.answer(ask("spin"))).rejects.toMatchObject({ code: "internal" });
      expect((await e.answer(ask("next"))).markdown).toContain("echo: next");
    } finally {
      await e.close();
    }
  });

  it("reports a worker that cannot start", async () => {
    const e = new WorkerAnswerEngine({ config, entry: new URL("./fixtures/missing.ts", import.meta.url) });
    await expect(e.start()).rejects.toMatchObject({ code: "internal" });
    await e.close();
  });
});
