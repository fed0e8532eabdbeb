import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "./create-linter.js";
import { CLEAN_SNIPPETS } from "./test-fixtures/clean-snippets.js";

const linter = await createLinter(loadPrefectFacts());

describe("correct snippets lint clean for their version", () => {
  it("has at least 40 snippets, covering both major lines", () => {
    expect(CLEAN_SNIPPETS.length).toBeGreaterThanOrEqual(40);
    expect(CLEAN_SNIPPETS.filter((s) => s.version.startsWith("2")).length).toBeGreaterThanOrEqual(15);
    expect(CLEAN_SNIPPETS.filter((s) => s.version.startsWith("3")).length).toBeGreaterThanOrEqual(15);
  });

  it.each(CLEAN_SNIPPETS)("$name ($version)", ({ code, version }) => {
    const result = linter.lint(code, version);
    expect(result.diagnoses.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([]);
    expect(result.fixedCode).toBe(code);
  });
});
