// Transcripts as eval inputs: archived seed threads and Slack exports become cases (with the recorded answers kept
// for the audit), and the audit reads Slack exports too.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDataDir } from "../core/index.js";
import { auditFiles, readEvalInputs, type TranscriptCase } from "../evals/index.js";
import { casesFromTranscripts } from "../evals/read-inputs.js";

const seeds = path.join(sharedDataDir, "seeds");

describe.skipIf(!existsSync(seeds))("seed threads as cases", () => {
  it("makes a case of every answered question whose text survived, keeping the recorded answer", async () => {
    const inputs = await readEvalInputs([seeds]);
    expect(inputs.transcripts).toHaveLength(2);
    const cases = casesFromTranscripts(inputs.transcripts);
    expect(cases.length).toBeGreaterThanOrEqual(3);
    const debug = cases.find((c) => /Debug this flow/.test(c.question)) as TranscriptCase;
    expect(debug).toBeDefined();
    const transcript = inputs.transcripts.find((t) => t.messages.some((m) => m.text === debug.question))!;
    const at = transcript.messages.findIndex((m) => m.text === debug.question);
    expect(at).toBeGreaterThan(5);
    expect(debug.thread).toEqual(transcript.messages.slice(0, at));
    expect(debug.recorded[0]!.isBot).toBe(true);
    expect(debug.recorded[0]!.text).toMatch(/subflows concurrently is supported/);
    expect(debug.expect).toEqual({ codeLintsClean: true });
    for (const c of cases) expect(c.question.trim()).not.toBe("");
  });
});

describe("Slack export transcripts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "orca-eval-slack-"));
    await writeFile(
      path.join(dir, "users.json"),
      JSON.stringify([{ id: "U01ASKER" }, { id: "U02HELPER", is_bot: true }]),
    );
    await writeFile(path.join(dir, "channels.json"), JSON.stringify([{ id: "C1", name: "help" }]));
    await mkdir(path.join(dir, "help"));
    const root = "1757000000.000100";
    await writeFile(
      path.join(dir, "help", "2025-09-04.json"),
      JSON.stringify([
        {
          type: "message",
          user: "U01ASKER",
          ts: root,
          text: "On prefect 3.4.20, how do I block until my submitted tasks finish? <@U02HELPER>",
        },
        {
          type: "message",
          user: "U02HELPER",
          ts: "1757000001.000200",
          thread_ts: root,
          text: "Use this:\n```\nfrom prefect import flow, wait\n\n@flow\ndef f(futures):\n    wait(futures)\n```",
        },
        { type: "message", user: "U01ASKER", ts: "1757000002.000300", thread_ts: root, text: "thanks!" },
      ]),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads each thread as a transcript and its answered question as a case", async () => {
    const inputs = await readEvalInputs([dir]);
    expect(inputs.cases).toEqual([]);
    expect(inputs.transcripts).toHaveLength(1);
    const cases = casesFromTranscripts(inputs.transcripts);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.question).toMatch(/block until my submitted tasks finish/);
    expect(cases[0]!.question).not.toMatch(/U01ASKER|U02HELPER/);
    expect(cases[0]!.recorded.map((r) => r.index)).toEqual([1]);
  });

  it("audits the bot's recorded answer for the thread's version", async () => {
    const report = await auditFiles([dir]);
    const [t] = report.transcripts;
    expect(t!.version.resolved).toBe("3.4.20");
    const wrongImport = t!.defects.filter((d) => /prefect\.wait|wait/.test(d.message) && d.messageIndex === 1);
    expect(wrongImport.length).toBeGreaterThan(0);
    expect(wrongImport[0]!.message).toMatch(/prefect\.futures/);
    expect(t!.defects.every((d) => d.messageIndex === 1)).toBe(true);
  });
});
