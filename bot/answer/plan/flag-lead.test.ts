// Whether the command the asker writes takes a flag for what they ask comes from the command-line history; these rows
// pin the mechanism (present, arriving later, words after "flag", a flag written already) over real facts.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import { askingSentence, plainQuestion, questionKind, readFocus, readValues } from "../understand/index.js";
import { flagLead } from "./flag-lead.js";

const facts = loadPrefectFacts();
const settings = loadSettingsFacts();

function lead(text: string, release: string) {
  const input = { text, hasCode: false, quotesError: false, namesSetting: false };
  const question = plainQuestion(text, {
    kind: questionKind(input),
    focus: readFocus(text, text, facts, settings, release),
    values: readValues([], "", text),
  });
  return flagLead({ ...question, asking: askingSentence(text) }, release, facts)?.text ?? null;
}

describe("flagLead", () => {
  it.each([
    [
      "`prefect deploy --cron '0 6 * * *'` runs at 6am UTC but we need 6am Europe/Berlin. is there a flag for that?",
      "2.14.4",
      "Yes — `prefect deploy` takes `--timezone` in Prefect 2.14.4 (since 2.10.0): add `--timezone Europe/Berlin`",
    ],
    [
      "is there a flag to make prefect server start run in the background?",
      "2.19.0",
      "No — `prefect server start` does not take `--background` in Prefect 2.19.0: it arrived in 2.20.3.",
    ],
    // Words of the context ("in CI") are not what the flag is for; a flag gone before the release answers nothing.
    ["prefect deploy keeps asking me questions in CI, is there a flag to turn off the prompts?", "3.4.20", null],
    // No flag asked for, or no command written.
    ["how do i run prefect deploy in the background?", "3.4.20", null],
    ["is there a flag to run it in the background?", "3.4.20", null],
  ])("%s (%s)", (text, release, expected) => {
    const got = lead(text, release);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toContain(expected);
  });
});
