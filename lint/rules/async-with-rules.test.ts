// The worked example of missing-async-with across releases: from 2.11.5 (when `prefect.concurrency.asyncio` arrived)
// the rule speaks with the same advice and fix; before it, only the import check reports the missing module.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../knowledge/index.js";
import { createLinter } from "../create-linter.js";

const linter = await createLinter(loadPrefectFacts());
const EXAMPLE = readFileSync(
  new URL("../test-fixtures/traps/async-with/flag-01-sync-task-3x.py", import.meta.url),
  "utf8",
);
const SYNC_IMPORT = "from prefect.concurrency.sync import concurrency";

describe("missing-async-with across releases", () => {
  it.each(["2.11.5", "2.19.4", "2.20.25", "3.0.0", "3.4.20", "3.8.3"])("%s: flagged, sync twin offered", (version) => {
    const result = linter.lint(EXAMPLE, version);
    expect(result.diagnoses.map((d) => d.rule)).toEqual(["missing-async-with"]);
    const d = result.diagnoses[0]!;
    expect(d.severity).toBe("error");
    expect(d.message).toContain(`In Prefect ${version}`);
    expect(d.message).toContain(SYNC_IMPORT);
    expect(result.fixedCode).toContain(SYNC_IMPORT);
  });

  it.each(["2.0.0", "2.10.21", "2.11.4"])("%s: only the missing module is reported", (version) => {
    const rules = linter.lint(EXAMPLE, version).diagnoses.map((d) => d.rule);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r === "not-yet-available" || r === "unknown-symbol")).toBe(true);
  });
});
