// The contract of the claim checker: what a sentence asserts about Prefect (a Claim) and what the facts say about it
// for one release (a Verdict).

export type ClaimKind =
  | "exists"
  | "import"
  | "member"
  | "returns"
  | "version"
  | "param"
  | "default"
  | "setting"
  | "cli"
  | "behaviour";

export interface Claim {
  kind: ClaimKind;
  /** What the sentence asserts, in Orca's words: "`prefect.flows.Flow` has `.submit()`". */
  statement: string;
  /** The API, setting or command the claim is about (fully qualified when known). */
  subject: string;
  /** member / param name, module, stated value, version or behaviour id, by kind. */
  detail?: string;
  /** For version claims: what happened ("added" | "removed" | "available") in which stated version. */
  event?: "added" | "removed" | "available";
  version?: string;
  /**
   * How the stated version bounds the event: "removed after 2.12.1" (still there at 2.12.1), "removed before 3.0" /
   * "gone since 3.0" (gone by then), "available since 2.15" (there from then on), "available throughout 3.x" (in every
   * release of the line up to the asker's). Absent: it happened in that version.
   */
  bound?: "after" | "before" | "since" | "throughout";
  /** The claim is only that a written name exists (a mention), not a statement about it. */
  mention?: boolean;
  /**
   * Other APIs the written name can stand for (a bare name with several readings): the claim is judged by each, and
   * is undecidable when they disagree.
   */
  alternatives?: string[];
  /** The sentence denies the claim ("`X` no longer exists"): it is true exactly when the claim itself is false. */
  denied?: boolean;
  /**
   * A removal stated with no version ("`X` was dropped"): it may speak of a release after the asker's (an upgrade
   * guide), so it is false only when the thing is still there in the latest release too.
   */
  undated?: boolean;
  /** Only when the subject was inferred from an earlier sentence: a miss is then undecidable, not false. */
  inferred?: boolean;
}

export type VerdictStatus = "true" | "false" | "undecidable";

export interface Verdict {
  status: VerdictStatus;
  /** The fact that decides it, as a sentence about the release (empty when undecidable for lack of facts). */
  fact: string;
}

export interface CheckedClaim {
  claim: Claim;
  verdict: Verdict;
  /** The release it was checked against: the asker's, or the one its clause names ("in 2.x …"). */
  release: string;
  /** The sentence that makes the claim, and where it is in the checked text. */
  sentence: string;
  start: number;
  end: number;
}

/** Why a found claim was not judged: it is negated, or it is about another release than the asker's. */
export type SkipReason = "negated" | "other-version";

export interface ClaimCounts {
  sentences: number;
  claims: number;
  true: number;
  false: number;
  undecidable: number;
  negated: number;
  otherVersion: number;
}

export interface ClaimReport {
  release: string;
  /** Every judged claim, in text order. */
  checked: CheckedClaim[];
  /** The false ones, one per sentence (the first false claim of it; others are in `alsoFalse`). */
  falseSentences: FalseSentence[];
  counts: ClaimCounts;
}

export interface FalseSentence {
  sentence: string;
  start: number;
  end: number;
  claims: CheckedClaim[];
}
