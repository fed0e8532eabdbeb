import { describe, expect, it } from "vitest";
import type { Answer, Diagnosis, RuleId } from "../core/index.js";
import { type AnswerCodeLinter, scoreAnswer } from "./score-case.js";
import type { CaseExpectations, EvalCase } from "./types.js";

function diag(rule: RuleId, severity: Diagnosis["severity"] = "error"): Diagnosis {
  return { rule, severity, line: 1, column: 1, message: `${rule} here` };
}

function answer(over: Partial<Answer> = {}): Answer {
  return {
    markdown: "Wait for the futures with `prefect.futures.wait` before the flow returns.",
    sources: [{ title: "Task runners", url: "https://docs.prefect.io/v3/concepts/task-runners", kind: "docs" }],
    diagnoses: [],
    correctedCode: null,
    version: { version: "3", resolved: "3.8.3", major: 3, how: "stated", evidence: [] },
    mode: "offline",
    timings: {},
    notes: [],
    ...over,
  };
}

function kase(expectations: CaseExpectations, version: string | null = "3.4.20"): EvalCase {
  return { id: "c", prefectVersion: version, thread: [], question: "q", expect: expectations, tags: [] };
}

/** Flags any block containing "BAD"; records the version it was asked for. */
function fakeLinter(seen: string[] = []): AnswerCodeLinter {
  return {
    async lintAnswer(markdown, version) {
      seen.push(version);
      const blocks = [...markdown.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]!);
      return blocks.map((code, block) => ({
        block,
        diagnoses: code.includes("BAD") ? [diag("unknown-attribute")] : [],
      }));
    },
  };
}

const score = (e: CaseExpectations, a: Answer, version?: string | null) =>
  scoreAnswer(kase(e, version), a, fakeLinter());

describe("scoreAnswer", () => {
  it("passes a case without expectations when an answer came back", async () => {
    const s = await score({}, answer());
    expect(s.pass).toBe(true);
    expect(s.metrics).toEqual({ no_error: 1 });
  });

  it("measures diagnoses recall and precision and requires the exact set", async () => {
    const a = answer({ diagnoses: [diag("main-guard"), diag("deprecated", "warning")] });
    const partial = await score({ diagnoses: ["main-guard", "unresolved-futures"] }, a);
    expect(partial.pass).toBe(false);
    expect(partial.metrics.diagnoses_recall).toBe(0.5);
    expect(partial.metrics.diagnoses_precision).toBe(0.5);
    expect(partial.checks.find((c) => c.name === "diagnoses")!.detail).toMatch(
      /missed unresolved-futures; false alarm deprecated/,
    );
    expect((await score({ diagnoses: ["main-guard", "deprecated"] }, a)).pass).toBe(true);
  });

  it("treats an empty diagnoses list as 'nothing may be reported', ignoring info notes", async () => {
    expect((await score({ diagnoses: [] }, answer({ diagnoses: [diag("serial-submit", "warning")] }))).pass).toBe(
      false,
    );
    const info = await score({ diagnoses: [] }, answer({ diagnoses: [diag("deprecated", "info")] }));
    expect(info.pass).toBe(true);
    expect(info.metrics.diagnoses_precision).toBe(1);
  });

  it("matches mentions and must_not case-insensitively, scoring the fraction", async () => {
    const s = await score(
      { mentions: ["PREFECT\\.FUTURES", "as_completed"], mustNot: ["flow\\.submit", "wait\\b"] },
      answer(),
    );
    expect(s.metrics.mentions).toBe(0.5);
    expect(s.metrics.must_not).toBe(0.5);
    expect(s.pass).toBe(false);
    expect(s.checks.find((c) => c.name === "must_not")!.detail).toMatch(/\/wait\\b\/ matched "Wait"/);
  });

  it("credits mentions only in Orca's own text, never in the quoted sources", async () => {
    const markdown = [
      "Use a work pool.",
      "",
      "> PREFECT_LOGGING_LEVEL controls the level.",
      "",
      "**Sources:**",
      "1. [Logging](https://docs.prefect.io/v3/logging): set PREFECT_LOGGING_LEVEL=DEBUG",
      "",
      "_Prefect 3.4.20 (stated)._",
    ].join("\n");
    const s = await score({ mentions: ["PREFECT_LOGGING_LEVEL", "work pool", "3\\.4\\.20"] }, answer({ markdown }));
    expect(s.pass).toBe(false);
    expect(s.checks.find((c) => c.name === "mentions")!.detail).toBe("no match for /PREFECT_LOGGING_LEVEL/");
  });

  it.each([
    ["Yes — set `PREFECT_LOGGING_LEVEL=DEBUG`.\n\nDetails follow.", true],
    ["Logging is configured with settings.\n\nYes — set `PREFECT_LOGGING_LEVEL=DEBUG`.", false],
    ["> Yes — set PREFECT_LOGGING_LEVEL (a quote)\n\nI could not find this.", false],
  ])("requires a lead pattern in the first paragraph of own text: %j", async (markdown, pass) => {
    const s = await score({ lead: ["^yes", "PREFECT_LOGGING_LEVEL"] }, answer({ markdown }));
    expect(s.pass).toBe(pass);
    expect(s.metrics.lead).toBe(pass ? 1 : s.metrics.lead);
  });

  it("hits sources by substring of url or title", async () => {
    expect((await score({ sources: ["task-runners"] }, answer())).pass).toBe(true);
    expect((await score({ sources: ["TASK RUNNERS"] }, answer())).pass).toBe(true);
    const miss = await score({ sources: ["deployments/run"] }, answer());
    expect(miss.pass).toBe(false);
    expect(miss.metrics.sources).toBe(0);
    expect(miss.checks.at(-1)!.detail).toMatch(/cited: https:\/\/docs\.prefect\.io/);
    expect((await score({ sources: ["x"] }, answer({ sources: [] }))).checks.at(-1)!.detail).toMatch(/cited: none/);
  });

  it("lints every python block for the case's version, else the answer's", async () => {
    const md = "```python\nok()\n```\ntext\n```python\nBAD()\n```";
    const seen: string[] = [];
    const s = await scoreAnswer(kase({ codeLintsClean: true }), answer({ markdown: md }), fakeLinter(seen));
    expect(s.pass).toBe(false);
    expect(s.metrics.code_lints_clean).toBe(0.5);
    expect(s.checks.at(-1)!.detail).toMatch(/block 2 line 1: unknown-attribute/);
    await scoreAnswer(kase({ codeLintsClean: true }, null), answer({ markdown: md }), fakeLinter(seen));
    expect(seen).toEqual(["3.4.20", "3.8.3"]);
    expect((await score({ codeLintsClean: true }, answer())).metrics.code_lints_clean).toBe(1);
  });
});
