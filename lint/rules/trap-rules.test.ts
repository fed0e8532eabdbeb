// The runtime traps read from Python fixtures (lint/test-fixtures/traps): each flagged snippet must be reported by
// its rule on exactly the listed lines, with a message naming the release; each look-alike must stay quiet; and
// where a `.fixed.py` is given, the safe fixes must turn the code into it.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../knowledge/index.js";
import { createLinter } from "../create-linter.js";
import { type TrapSnippet, trapSnippets } from "../test-fixtures/trap-snippets.js";

const linter = await createLinter(loadPrefectFacts());

function reported(s: TrapSnippet) {
  const result = linter.lint(s.text, s.version, s.spoken ? { spoken: s.spoken } : {});
  return { result, found: result.diagnoses.filter((d) => d.rule === s.rule) };
}

describe.each([
  "future-elements",
  "record-value",
  "hook-signature",
  "secret-value",
  "direct-call-result",
  "run-logger-context",
  "deploy-without-source",
  "future-value",
  "flow-run-elements",
  "from-source-deploy",
  "async-with",
  "moved-import",
  "map-unmapped-list",
  "uncalled-factory",
  "unmapped-mutated",
  "hook-not-a-list",
  "unguarded-flow-call",
  "variable-exists",
  "retry-delay-without-retries",
  "serve-blocks",
])("%s", (group) => {
  const snippets = trapSnippets(group);
  const flagged = snippets.filter((s) => s.lines.length > 0);
  const quiet = snippets.filter((s) => s.lines.length === 0);

  it("has both true positives and look-alikes", () => {
    expect(flagged.length).toBeGreaterThan(0);
    expect(quiet.length).toBeGreaterThan(0);
  });

  it.each(flagged)("finds: $name ($file)", (s) => {
    const { result, found } = reported(s);
    expect(found.map((d) => d.line).sort((a, b) => a - b)).toEqual(s.lines);
    for (const d of found) {
      expect(d.message).toContain(`In Prefect ${result.version}`);
      expect(d.range).toBeDefined();
      expect(d.subject?.name ?? d.subject?.receiver ?? "").not.toBe("");
    }
  });

  it.each(quiet)("stays quiet: $name ($file)", (s) => {
    expect(reported(s).found).toEqual([]);
  });

  it.each(snippets.filter((s) => s.fixed !== undefined))("fixes: $name ($file)", (s) => {
    const { result } = reported(s);
    expect(result.fixedCode?.slice(s.headerLength)).toBe(s.fixed);
  });
});
