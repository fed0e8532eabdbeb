// `orca ask` in process through main(argv, io): text and --json output, --thread files (JSON and archived text),
// --prefect-version, and clear errors for bad input.

import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDataDir } from "../core/index.js";
import { runOrca } from "./support/run-orca.js";

let dir = "";
let env: NodeJS.ProcessEnv = {};

function orca(args: string[], stdin = "") {
  return runOrca(args, { stdin, env });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orca-ask-cli-"));
  env = { ORCA_DATA_DIR: path.join(dir, "data") };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FLOW_SUBMIT =
  "```python\nfrom prefect import flow\n\n@flow\ndef child():\n    return 1\n\n@flow\ndef parent():\n    return child.submit().result()\n```";

describe("orca ask", () => {
  it("prints a Markdown answer with the verdict first", async () => {
    const run = await orca(["ask", `is this right?\n${FLOW_SUBMIT}`]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^\*\*No, this needs fixing for Prefect 3\.8\.3:\*\* flows have no `\.submit\(\)`/,
    );
    expect(run.stdout).toMatch(/```python\n[\s\S]*def run_child[\s\S]*```/);
  });

  it("--json gives answer, sources, diagnoses, corrected_code, version, mode, basis and timings", async () => {
    const run = await orca(["ask", `is this right?\n${FLOW_SUBMIT}`, "--json", "--prefect-version", "3.4.20"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining([
        "answer",
        "sources",
        "diagnoses",
        "corrected_code",
        "version",
        "mode",
        "basis",
        "timings",
      ]),
    );
    expect(out.mode).toBe("offline");
    // Broken code asked about: the reply stands on the check of that code.
    expect(out.basis).toBe("checked-code");
    expect(out.version).toMatchObject({ resolved: "3.4.20", how: "stated" });
    expect(out.corrected_code).toMatch(/run_child\.submit\(\)/);
    expect(out.diagnoses.map((d: { rule: string }) => d.rule)).toContain("unknown-attribute");
    expect(out.timings.total).toBeGreaterThan(0);
  });

  it("--thread reads a JSON array of {author, text}", async () => {
    const file = path.join(dir, "thread.json");
    await writeFile(
      file,
      JSON.stringify([
        { author: "sam", text: `my flow:\n${FLOW_SUBMIT}` },
        { author: "Marvin", text: "Looks fine!", isBot: true },
      ]),
    );
    const run = await orca(["ask", "@Orca is my code right?", "--thread", file, "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.answer).toMatch(/the code from sam above/);
    expect(out.corrected_code).toMatch(/run_child/);
  });

  it.skipIf(!existsSync(path.join(sharedDataDir, "seeds")))(
    "--thread reads an archived thread in the seeds' format",
    async () => {
      const file = path.join(sharedDataDir, "seeds", "000_8338dfd06d96388d.txt");
      const run = await orca(["ask", "is the code in this thread correct?", "--thread", file]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /`run_deployment` waits for the run by default and returns a `FlowRun`, which has no `\.wait\(\)`/,
      );
    },
  );

  it("reads the question from stdin with -", async () => {
    const run = await orca(["ask", "-"], "does prefect.futures.as_completed exist in Prefect 2.20?");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^No — Prefect 2\.20\.\d+ has no `prefect\.futures\.as_completed`: it arrived in 3\.0\.0/,
    );
  });

  it("reports a missing thread file and a malformed one in one line", async () => {
    const missing = await orca(["ask", "hi", "--thread", path.join(dir, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^orca: cannot read the thread file/);
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, '[{"author": 3}]');
    const malformed = await orca(["ask", "hi", "--thread", bad]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/must be a JSON array of \{author, text\}/);
  });

  it("without a question says how to ask", async () => {
    const run = await orca(["ask"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ask needs a question/);
  });
});
