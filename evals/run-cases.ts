// Replays cases through an answer engine, one at a time so latencies are not skewed by each other.
import { type AnswerEngine, type Thread, toOrcaError } from "../core/index.js";
import type { Judge } from "./judge.js";
import { type AnswerCodeLinter, digestAnswer, scoreAnswer, scoreFailure } from "./score-case.js";
import type { CaseResult, EvalCase } from "./types.js";

export interface RunCasesOptions {
  engine: AnswerEngine;
  linter: AnswerCodeLinter;
  /** Optional LLM judge; its scores are reported as metrics and never decide pass or fail. */
  judge?: Judge;
  /** Per-case deadline passed to the engine as an abort signal. */
  timeoutMs?: number;
  onResult?: (result: CaseResult, index: number, total: number) => void;
  clock?: () => number;
}

export async function runCases(cases: EvalCase[], options: RunCasesOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [i, c] of cases.entries()) {
    const result = await runCase(c, options);
    results.push(result);
    options.onResult?.(result, i, cases.length);
  }
  return results;
}

export function caseThread(c: EvalCase): Thread {
  return { messages: c.thread, question: c.question, prefectVersion: c.prefectVersion };
}

async function runCase(c: EvalCase, options: RunCasesOptions): Promise<CaseResult> {
  const clock = options.clock ?? performance.now.bind(performance);
  const base = {
    id: c.id,
    question: c.question,
    tags: c.tags,
    prefectVersion: c.prefectVersion,
    ...(c.origin ? { origin: c.origin } : {}),
  };
  const started = clock();
  try {
    const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
    const answer = await options.engine.answer(caseThread(c), signal ? { signal } : undefined);
    const latencyMs = clock() - started;
    const score = await scoreAnswer(c, answer, options.linter);
    const result: CaseResult = { ...base, ...score, latencyMs, answer: digestAnswer(answer) };
    if (options.judge) {
      const verdict = await options.judge.judge(c, answer);
      result.judge = verdict;
      if (verdict.faithfulness !== undefined) result.metrics.judge_faithfulness = verdict.faithfulness;
      if (verdict.correctness !== undefined) result.metrics.judge_correctness = verdict.correctness;
    }
    return result;
  } catch (error) {
    const latencyMs = clock() - started;
    const e = toOrcaError(error);
    return { ...base, ...scoreFailure(`${e.code}: ${e.message}`), latencyMs, error: e.message };
  }
}
