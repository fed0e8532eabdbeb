// Public surface of the verify stage: every draft's code and claims checked before it is sent.
export {
  describeProblems,
  type Enforced,
  enforce,
  enforceDetailed,
  pythonBlocks,
  type VerifyResult,
  verifyDraft,
} from "./verify.js";
