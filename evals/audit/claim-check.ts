// Claims in an answer's prose, judged by the shared claim checker (knowledge/claims) for the thread's release: one
// finding per false sentence, naming the claim and the fact that decides it.

import { type CheckedClaim, createClaimChecker } from "../../knowledge/claims/index.js";
import type { PrefectApiFacts, PrefectFacts } from "../../knowledge/index.js";
import type { AuditFinding } from "./api-check.js";

/** The finding code of a claim: its behaviour ("task-call-future-claim") or its kind ("member-claim"). */
export function claimCode(c: CheckedClaim): string {
  return `${c.claim.kind === "behaviour" ? c.claim.subject : c.claim.kind}-claim`;
}

/** What the claim is about, fully qualified, for de-duplication against the API check of the same message. */
function claimSymbol(c: CheckedClaim): string {
  const { kind, subject, detail } = c.claim;
  if (kind === "import") return `${subject}.${detail}`;
  // A member written as a decorator (`@my_task.on_failure`) is the same member.
  if (kind === "member") return `${subject}.${(detail ?? "").replace(/^@/, "")}`;
  return subject;
}

export function checkClaims(text: string, facts: PrefectFacts, version: string): AuditFinding[] {
  if (!("commandHistory" in facts)) return [];
  const report = createClaimChecker(facts as PrefectApiFacts).check(text, version);
  return report.falseSentences.map((f) => {
    const first = f.claims[0]!;
    const claimed = [...new Set(f.claims.map((c) => c.claim.statement))].join(" and ");
    const fact = [...new Set(f.claims.map((c) => c.verdict.fact))].join("; ");
    return {
      code: claimCode(first),
      severity: "error",
      message: `Claims ${claimed}; false for Prefect ${first.release}: ${fact}.`,
      excerpt: f.sentence.length <= 200 ? f.sentence : `${f.sentence.slice(0, 199)}…`,
      symbol: claimSymbol(first),
    };
  });
}
