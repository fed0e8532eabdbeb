// What rules produce: a diagnosis located by character offset. The linter turns offsets into lines and columns once
// every rule has run (and maps them back through the text-level fixes applied before parsing).
import type { DiagnosisSubject, Fix, RuleId, Severity } from "../../core/index.js";

export interface Draft {
  rule: RuleId;
  severity: Severity;
  /** Character offset in the text the rule looked at. */
  offset: number;
  /** Where the node the rule looked at ends (its start is `offset`); unset for a point. */
  end?: number;
  subject?: DiagnosisSubject;
  message: string;
  fix?: Fix;
}
