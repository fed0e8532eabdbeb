// Public surface of knowledge/claims: finds the checkable claims of a text and checks them for a release.
export {
  type ClaimChecker,
  createClaimChecker,
  describeFalseClaims,
  falseClaimEdits,
  removeFalseClaims,
  type TextEdit,
} from "./claim-checker.js";
export { blankFences, sentences } from "./segment.js";
export type * from "./types.js";
