// `orca changes-eval` end to end on a small case file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runOrca } from "../../test/support/run-orca.js";

describe("orca changes-eval", () => {
  it("scores the statements and writes the JSON report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "orca-changes-eval-"));
    const cases = path.join(dir, "cases.jsonl");
    writeFileSync(
      cases,
      [
        '{"id":"fix","prefect_version":"3.4.12","question":"Our workers crash every time someone deletes a flow run from the UI while it is still running.","expect":{"release":"3.4.24","pr":19189,"kind":"fix"}}',
        '{"id":"none","prefect_version":"3.1.0","question":"What is the difference between a flow and a task?","expect":{"release":null,"pr":null,"kind":null}}',
        "{broken",
      ].join("\n"),
    );
    const json = path.join(dir, "report.json");
    const { code, stdout } = await runOrca(["changes-eval", cases, "--verbose", "--json", json]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/statements made\s+1\n\s+correct\s+1\n\s+precision\s+1\.000/);
    expect(stdout).toMatch(/skipped line 3: not JSON/);
    expect(stdout).toMatch(/ok {3}fix: want 3\.4\.24 #19189, said 3\.4\.24 #19189/);
    expect(JSON.parse(readFileSync(json, "utf8"))).toMatchObject({ cases: 2, positives: 1, recall: 1 });
  });

  it("fails clearly on a missing file", async () => {
    const { code, stderr } = await runOrca(["changes-eval", "no-such-cases.jsonl"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot read no-such-cases\.jsonl/);
  });
});
