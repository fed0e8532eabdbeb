// Claims in an answer's prose that contradict how Prefect behaves. Each rule pairs a sentence shape with the fact it
// breaks; a sentence that negates the claim ("flows do not have .submit()") is not a claim.
import type { PrefectFacts } from "../../knowledge/index.js";
import type { ApiFinding } from "./api-check.js";

interface ClaimRule {
  code: string;
  /** Every pattern must match the sentence. */
  all: RegExp[];
  /**
   * Where a negation or an exception cancels the claim: the whole sentence, or only the part before "returns" (so
   * "Calling subflows returns futures; no .submit needed" is still a claim).
   */
  scope: "sentence" | "subject";
  /** A match in the scope means the sentence states something else. */
  unless?: RegExp;
  /** True when the claim is wrong for the release. */
  wrongIn: (facts: PrefectFacts, version: string) => boolean;
  message: (version: string) => string;
}

const NEGATION = /\b(?:not|no|never|cannot|only tasks?|without)\b|n['’]t\b/i;

const flowsLackSubmit = (facts: PrefectFacts, version: string) =>
  !(facts.members("prefect.flows.Flow", version)?.names.includes("submit") ?? false);

const RULES: ClaimRule[] = [
  {
    code: "flow-submit-claim",
    all: [
      /\bsubmit/i,
      /\b(?:sub)?flows?\b/i,
      /\b(?:supported|can be submitted|supports? \.?submit|ha(?:ve|s) (?:a )?\.?submit)/i,
    ],
    scope: "sentence",
    // Flows bound to infrastructure (@kubernetes, @ecs, ...) really do have .submit() from 3.3.6.
    unless: /infrastructure|@(?:kubernetes|ecs|docker|cloud_run)\b|work_pool/i,
    wrongIn: flowsLackSubmit,
    message: (v) => `Claims flows support .submit(); in Prefect ${v} only tasks have .submit().`,
  },
  {
    // Only flows yield PrefectFlowRunFuture, so "each call returns a PrefectFlowRunFuture" is about calling flows.
    // The true forms go through .submit() or submit_to_work_pool() on infrastructure-bound flows.
    code: "subflow-call-future-claim",
    all: [/\bcall(?:ing|s|ed)?\b/i, /\breturns?\b[^.]*\bPrefectFlowRunFutures?\b/i],
    scope: "subject",
    unless: /submit|work_pool/i,
    wrongIn: () => true,
    message: () =>
      "Claims calling a subflow returns a PrefectFlowRunFuture; a subflow call runs it and returns its result.",
  },
  {
    code: "task-call-future-claim",
    all: [/\bcall(?:ing|s)? (?:a |the )?tasks?\b/i, /\breturns?\b[^.]*\bPrefectFutures?\b/i],
    scope: "subject",
    unless: /submit|\.map\b/i,
    wrongIn: () => true,
    message: () =>
      "Claims calling a task directly returns a PrefectFuture; a direct call returns the result, only .submit() and .map() give futures.",
  },
];

/** Splits prose into sentences; archived text breaks lines around inline code, so lines are joined first. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s*\n\s*/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z(#-])|\s+-\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function checkClaims(text: string, facts: PrefectFacts, version: string): ApiFinding[] {
  const out: ApiFinding[] = [];
  for (const sentence of sentences(text)) {
    for (const rule of RULES) {
      if (!rule.all.every((p) => p.test(sentence))) continue;
      const scope = rule.scope === "sentence" ? sentence : (sentence.split(/\breturns?\b/i)[0] ?? sentence);
      if (NEGATION.test(scope) || rule.unless?.test(scope) || !rule.wrongIn(facts, version)) continue;
      out.push({
        code: rule.code,
        severity: "error",
        message: rule.message(version),
        excerpt: shortenSentence(sentence),
      });
    }
  }
  return out;
}

function shortenSentence(s: string): string {
  return s.length <= 200 ? s : `${s.slice(0, 199)}…`;
}
