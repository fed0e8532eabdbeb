import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOrca } from "./support/run-orca.js";

function orca(args: string[], stdin = "") {
  return runOrca(args, { stdin });
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orca-lint-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BROKEN = 'from prefect import flow, wait\n\n@flow\ndef f():\n    return 1\n\nif name == "__main__":\n    f()\n';

describe("orca lint", () => {
  it("prints line:col severity rule message and exits 1 on errors", async () => {
    const file = path.join(dir, "broken.py");
    await writeFile(file, BROKEN);
    const run = await orca(["lint", file, "--prefect-version", "3.4.20"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Prefect 3.4.20");
    expect(run.stdout).toMatch(/^1:\d+ error wrong-module .*prefect\.futures/m);
    expect(run.stdout).toMatch(/^7:1 error main-guard /m);
  });

  it("prints the corrected code with --fix", async () => {
    const file = path.join(dir, "fix.py");
    await writeFile(file, BROKEN);
    const run = await orca(["lint", file, "--prefect-version", "3.4.20", "--fix"]);
    expect(run.stdout).toContain("from prefect.futures import wait");
    expect(run.stdout).toContain('if __name__ == "__main__":');
  });

  it("gives {version, diagnoses, fixed_code} with --json, reading stdin", async () => {
    const run = await orca(["lint", "-", "--json", "--prefect-version", "2.20"], "from prefect.futures import wait\n");
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.version).toBe("2.20.25");
    expect(out.diagnoses[0]).toMatchObject({ rule: "not-yet-available", severity: "error", line: 1, column: 29 });
    expect(Object.keys(out.diagnoses[0])).toEqual(
      expect.arrayContaining(["rule", "severity", "line", "column", "message", "fix"]),
    );
    expect(out.fixed_code).toBe("from prefect.futures import wait\n");
  });

  it("exits 0 when there are only warnings or nothing at all", async () => {
    const clean = await orca(
      ["lint", "-", "--prefect-version", "3.4.20"],
      "from prefect import flow\n\n@flow\ndef f():\n    return 1\n",
    );
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("no problems found");
    const warning = await orca(
      ["lint", "-", "--prefect-version", "3.4.20"],
      "from prefect.runner import submit_to_runner\n",
    );
    expect(warning.code).toBe(0);
    expect(warning.stdout).toContain("warning deprecated");
  });

  it("extracts the code from a pasted Slack message and detects the version from it", async () => {
    const message =
      "We run prefect==3.4.10 in prod.\nHere is the flow:\n```\nfrom prefect import flow\nfrom prefect.task_runners import ProcessPoolTaskRunner\n```\nWhy does it fail?";
    const file = path.join(dir, "thread.txt");
    await writeFile(file, message);
    const run = await orca(["lint", file, "--json"]);
    const out = JSON.parse(run.stdout);
    expect(out.version).toBe("3.4.10");
    expect(out.diagnoses.map((d: { rule: string }) => d.rule)).toEqual(["not-yet-available"]);
  });

  it("reports a missing file and a bad version as one clear line", async () => {
    const missing = await orca(["lint", path.join(dir, "nope.py")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^orca: no such file/);
    const bad = await orca(["lint", "-", "--prefect-version", "banana"], "x = 1\n");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a Prefect version/);
  });
});
