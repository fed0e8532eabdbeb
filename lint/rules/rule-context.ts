// What every tree rule receives: the model of the snippet, the facts for the release, and a place to report.
import type { PrefectFacts } from "../../knowledge/index.js";
import type { PythonModel } from "../analysis/python-model.js";
import type { Draft } from "./draft.js";

export interface RuleContext {
  facts: PrefectFacts;
  /** The concrete release checked against, e.g. "3.4.10". */
  release: string;
  major: 2 | 3;
  model: PythonModel;
  code: string;
  /** Names the asker's message writes outside the code, lower-cased (`LintOptions.spoken`). */
  spoken: ReadonlySet<string>;
  report(draft: Draft): void;
}

/** The "In Prefect 3.4.10" that starts most messages. */
export function inPrefect(ctx: RuleContext): string {
  return `In Prefect ${ctx.release}`;
}
