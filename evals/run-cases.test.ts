import { describe, expect, it } from "vitest";
import { type Answer, type AnswerEngine, OrcaError, type Thread } from "../core/index.js";
import { summarize } from "./aggregate.js";
import { escapeHtml, renderHtml } from "./report-html.js";
import { renderText } from "./report-text.js";
import { runCases } from "./run-cases.js";
import type { AnswerCodeLinter } from "./score-case.js";
import type { EvalCase } from "./types.js";

const fixedAnswer = (markdown: string): Answer => ({
  markdown,
  sources: [],
  diagnoses: [],
  correctedCode: null,
  version: { version: "3", resolved: "3.8.3", major: 3, how: "assumed", evidence: [] },
  mode: "offline",
  timings: {},
  notes: [],
});

/** Answers by echoing the question; throws for questions containing "boom". */
class EchoEngine implements AnswerEngine {
  readonly threads: Thread[] = [];
  async answer(thread: Thread): Promise<Answer> {
    this.threads.push(thread);
    if (thread.question.includes("boom")) throw new OrcaError("provider_timeout", "model took too long");
    return fixedAnswer(`You asked: ${thread.question}`);
  }
}

const noLint: AnswerCodeLinter = { lintAnswer: async () => [] };

const kase = (id: string, question: string, tags: string[], version: string | null = "3"): EvalCase => ({
  id,
  prefectVersion: version,
  thread: [{ author: "user", text: "earlier", isBot: false }],
  question,
  expect: { mentions: ["futures"] },
  tags,
});

function ticking(): () => number {
  let t = 0;
  return () => (t += 10);
}

describe("runCases", () => {
  it("replays each case with its thread and version, and scores failures and errors", async () => {
    const engine = new EchoEngine();
    const cases = [
      kase("ok", "what about futures?", ["futures"]),
      kase("miss", "what about <b>flows</b>?", ["flows"], "2.20.0"),
      kase("err", "boom", ["futures"], null),
    ];
    const seen: string[] = [];
    const results = await runCases(cases, {
      engine,
      linter: noLint,
      clock: ticking(),
      onResult: (r) => seen.push(r.id),
    });
    expect(seen).toEqual(["ok", "miss", "err"]);
    expect(engine.threads[1]).toEqual({
      messages: cases[1]!.thread,
      question: "what about <b>flows</b>?",
      prefectVersion: "2.20.0",
    });
    expect(results.map((r) => r.pass)).toEqual([true, false, false]);
    expect(results[2]!.checks).toEqual([
      { name: "no_error", pass: false, detail: "provider_timeout: model took too long" },
    ]);
    expect(results[0]!.latencyMs).toBe(10);

    const summary = summarize(results);
    expect(summary.passRate).toBeCloseTo(1 / 3);
    expect(summary.metrics.no_error).toEqual({ mean: 2 / 3, n: 3 });
    expect(summary.metrics.mentions).toEqual({ mean: 0.5, n: 2 });
    expect(summary.metrics.sources).toEqual({ mean: null, n: 0 });
    expect(summary.byTag).toEqual({
      flows: { total: 1, passed: 0, passRate: 0 },
      futures: { total: 2, passed: 1, passRate: 0.5 },
    });
    expect(Object.keys(summary.byVersion)).toEqual(["2.x", "3.x", "unstated"]);
    // What the replies stood on: the fake engine's answers carry no basis, so their mode stands in; an error, none.
    expect(summary.byBasis).toEqual({
      error: { total: 1, passed: 0, passRate: 0 },
      offline: { total: 2, passed: 1, passRate: 0.5 },
    });

    const report = { generatedAt: "2026-01-01T00:00:00Z", mode: "offline", summary, cases: results };
    const text = renderText(report);
    expect(text).toMatch(/1\/3 passed \(33\.3%\)/);
    expect(text).toMatch(/✗ miss\n\s+mentions: no match for \/futures\//);
    expect(text).not.toMatch(/✗ ok/);

    const html = renderHtml(report);
    expect(html).toContain("what about &#60;b&#62;flows&#60;/b&#62;?");
    expect(html).not.toContain("<b>flows</b>");
    expect(html).toMatch(/<svg[^>]*>.*pass rate/s);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});

describe("escapeHtml", () => {
  it("escapes every HTML-significant character", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
  });
});
