// The README's console path: `npm start` (node bin/orca.mjs start) with no Slack tokens and a piped question,
// plus the interactive loop with an injected engine.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../bot/index.js";
import { tempDataDir } from "./fake-slack/in-process.js";
import { childEnv, collect, runOrca } from "./fake-slack/serve-process.js";
import { RecordingEngine } from "./fake-slack/test-engines.js";

describe("orca start without Slack tokens", () => {
  it("answers a piped question with the real pipeline and exits 0", async () => {
    const child = runOrca(["start"], childEnv({ ORCA_DATA_DIR: tempDataDir("orca-console-") }));
    const { output, exited } = collect(child);
    child.stdin?.end("How do I add retries to a task in Prefect 3?\n");
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    const code = await exited;
    clearTimeout(timer);
    const { stdout, stderr } = output();
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/retr/i);
    expect(stdout).toMatch(/https:\/\/docs\.prefect\.io\//);
  });

  it("says so when the pipe is empty", async () => {
    const child = runOrca(["start"], childEnv({ ORCA_DATA_DIR: tempDataDir("orca-console-") }));
    const { output, exited } = collect(child);
    child.stdin?.end("");
    expect(await exited).toBe(1);
    expect(output().stderr).toContain("no question on standard input");
  });
});

describe("runConsole interactive", () => {
  it("keeps the conversation as one thread and reads a fenced block as part of the question", async () => {
    const engine = new RecordingEngine();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (d: Buffer) => {
      printed += d.toString();
    });
    const done = runConsole({ engine, input, output, interactive: true });
    input.write("first question\n");
    input.write("why does this fail?\\\n```python\nx = 1\n```\n");
    input.end("exit\n");
    const result = await done;
    expect(result).toEqual({ questions: 2, failures: 0 });
    expect(engine.threads.map((t) => t.question)).toEqual([
      "first question",
      "why does this fail?\n```python\nx = 1\n```",
    ]);
    expect(engine.threads[1]?.messages.map((m) => m.author)).toEqual(["you", "Orca"]);
    expect(printed).toContain("**Answer** to: first question");
  });
});
