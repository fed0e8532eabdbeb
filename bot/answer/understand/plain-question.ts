// A Question read from a bare text: no thread, no code, no facts. For the callers outside the pipeline that match a
// text against the answer units (triage's concepts, the model's find_answers tool, tests); `over` sets what they know.
import type { Question } from "./question.js";
import { askingInContext, questionKind } from "./question-kind.js";

export function plainQuestion(text: string, over: Partial<Question> = {}): Question {
  return {
    asking: askingInContext(text),
    text,
    kind: questionKind({ text, hasCode: false, quotesError: false, namesSetting: false }),
    focus: { apis: [], settings: [], cli: [], errors: [] },
    values: { names: [], seconds: null, said: null, times: null, poolType: null },
    version: null,
    thin: false,
    fromEarlierMessage: false,
    language: null,
    ...over,
  };
}
