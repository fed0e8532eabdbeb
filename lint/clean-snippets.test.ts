import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "./create-linter.js";
import { extractSnippets } from "./extract-snippets.js";
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

/** Ways a Slack message wraps pasted code: mentions, questions, fences, and indentation lost in the archive. */
const WRAPPERS: [string, (code: string) => string][] = [
  ["after a bare mention", (c) => `@Orca\n${c}`],
  ["between a question and thanks", (c) => `@Orca is this right?\n${c}\nthanks!`],
  ["after a Slack user mention", (c) => `<@U0123ABC>\n${c}\nIt fails on the worker. Any idea why?`],
  ["fenced after a mention", (c) => `<@U0123ABC> why does this hang?\n\`\`\`\n${c}\n\`\`\``],
  [
    "flattened between sentences",
    (c) =>
      `hey all, quick one.\n${c
        .split("\n")
        .map((l) => l.trimStart())
        .join("\n")}\nwhat am I missing?`,
  ],
];

describe("correct snippets pasted into Slack messages are extracted whole and stay clean", () => {
  const cases = CLEAN_SNIPPETS.flatMap((s) => WRAPPERS.map(([how, wrap]) => ({ ...s, how, message: wrap(s.code) })));
  it.each(cases)("$name, $how", ({ message, version }) => {
    const python = extractSnippets(message).filter((s) => s.language === "python");
    expect(python).toHaveLength(1);
    const diagnoses = linter.lintSnippet(python[0]!, version).diagnoses;
    expect(diagnoses.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([]);
  });
});
