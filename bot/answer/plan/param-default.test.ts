// Parameter defaults come from the API facts for the asker's release; these rows pin the mechanism (which callable,
// which parameter, which setting), not wordings.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import { readFocus } from "../understand/focus.js";
import { plainQuestion, questionKind } from "../understand/index.js";
import { paramDefaultLead } from "./param-default.js";

const facts = loadPrefectFacts();
const settings = loadSettingsFacts();

function lead(text: string, release: string) {
  const focus = readFocus(text, text, facts, settings, release);
  const question = plainQuestion(text, {
    kind: questionKind({ text, hasCode: false, quotesError: false, namesSetting: false }),
    focus,
  });
  return paramDefaultLead(question, release, facts, settings)?.text ?? null;
}

describe("paramDefaultLead", () => {
  it.each([
    [
      "what does `poll_interval` default to in `run_deployment`?",
      "3.4.20",
      /`poll_interval` of `run_deployment` defaults to `5`/,
    ],
    [
      "what is the default number of retries for a task?",
      "3.4.20",
      /`retries` of `@task` defaults to `None`.*PREFECT_TASKS_DEFAULT_RETRIES` \(default `0`\)/,
    ],
    [
      "ProcessPoolTaskRunner: what does max_workers default to?",
      "3.4.20",
      /`max_workers` of `ProcessPoolTaskRunner` defaults to `None`.*PREFECT_TASKS_RUNNER_PROCESS_POOL_MAX_WORKERS/,
    ],
    ["is `timeout_seconds` set by default on flows?", "3.4.20", /`timeout_seconds` of `@flow` defaults to `None`/],
  ])("%s (%s)", (text, release, expected) => {
    expect(lead(text, release)).toMatch(expected);
  });

  it.each([
    ["how do I set the retries for a task?", "no word asks for a default"],
    ["what's the default name of a flow?", "a short everyday word is not taken for the `name` parameter"],
    ["what does the `frobnicate` parameter default to?", "no callable the facts know takes it"],
  ])("%s → nothing (%s)", (text) => {
    expect(lead(text, "3.4.20")).toBeNull();
  });

  it("answers for the asker's release, where the callable may not exist yet", () => {
    expect(lead("ProcessPoolTaskRunner: what does max_workers default to?", "3.4.13")).toBeNull();
  });
});
