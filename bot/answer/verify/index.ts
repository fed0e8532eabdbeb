// Public surface of the verify stage: every draft's code and claims checked before it is sent.

export { withReleaseSettingNames } from "./settings-in-code.js";
export {
  describeProblems,
  type Enforced,
  enforce,
  enforceDetailed,
  pythonBlocks,
  type VerifyResult,
  verifyDraft,
} from "./verify.js";
