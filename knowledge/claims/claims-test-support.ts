// Shared by the claim checker's reading tables: one checker over the committed facts, and the deciding facts of the
// sentences it finds false, joined, for a table row to match.
import { loadPrefectFacts } from "../facts/index.js";
import { createClaimChecker } from "./index.js";

export const checker = createClaimChecker(loadPrefectFacts());

/** The facts that decide the text's false sentences at the release ("" when none is false). */
export function falseFacts(text: string, release: string): string {
  return checker
    .check(text, release)
    .falseSentences.flatMap((f) => f.claims.map((c) => c.verdict.fact))
    .join(" ");
}
