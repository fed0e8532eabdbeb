// `orca triage ...` through the real CLI entry point, against a temporary data dir.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOrca } from "./support/run-orca.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orca-triage-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("orca triage classify", () => {
  it("prints kind, topic, version, has_code, confidence and similar as JSON, reading stdin", async () => {
    const text =
      "We're on prefect==3.4.2 and get this:\n```\nTraceback (most recent call last):\n  File \"flow.py\", line 9, in <module>\nTypeError: ThreadPoolTaskRunner.__init__() got an unexpected keyword argument 'workers'\n```";
    const run = await runOrca(["triage", "classify", "--json", "-"], { stdin: text, env: { ORCA_DATA_DIR: dir } });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ kind: "bug", topic: "task-runners-and-futures", version: "3.4.2", has_code: true });
    expect(typeof out.confidence).toBe("number");
    expect(out.similar).toEqual([]);
    expect(String(out.classifier)).toMatch(/^offline-\d+\+[0-9a-f]{8}$/);
  });

  it("explains its decision on the terminal", async () => {
    const run = await runOrca(["triage", "classify", "how do I pause a schedule from the CLI?"], {
      env: { ORCA_DATA_DIR: dir },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kind: +question/m);
    expect(run.stdout).toMatch(/^topic: +scheduling/m);
  });

  it("refuses an empty message with one clear line", async () => {
    const run = await runOrca(["triage", "classify", "-"], { stdin: "  \n", env: { ORCA_DATA_DIR: dir } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("orca: nothing to classify: the message is empty\n");
  });
});

describe("orca triage eval", () => {
  const fixtures = path.join(import.meta.dirname, "..", "triage", "test-fixtures");

  it("reports accuracy, confusion matrices and duplicate precision/recall", async () => {
    const run = await runOrca([
      "triage",
      "eval",
      "--json",
      "--threads",
      path.join(fixtures, "threads.jsonl"),
      "--pairs",
      path.join(fixtures, "duplicates.jsonl"),
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.threads.total).toBe(4);
    expect(report.threads.kindAccuracy).toBe(1);
    expect(report.threads.kindConfusion.matrix.incident.incident).toBe(1);
    expect(report.pairs).toMatchObject({ pairs: 2, precision: 1, recall: 1 });
  });

  it("names the file and line of a malformed case", async () => {
    const file = path.join(dir, "bad.jsonl");
    await import("node:fs/promises").then((f) =>
      f.writeFile(file, '{"id":"x","text":"hi","kind":"question","topic":"cli"}\n{"id":2,\n'),
    );
    const run = await runOrca(["triage", "eval", "--threads", file, "--pairs", path.join(dir, "none.jsonl")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`orca: ${file}:2: not valid JSON\n`);
  });
});
