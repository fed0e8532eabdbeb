// Readings of text between quotation marks: a quoted message (several words of prose) is the thing the noun beside it
// names ("the '…' warning", "the \"…\" message"), not a source of subjects or type nouns; a name written in quotes
// instead of backticks (a `prefect …` command, one identifier) is read as that name; an apostrophe in a word opens no
// quote. False statements are flagged with the deciding fact; the others are not flagged.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";
import { tokenize } from "./tokens.js";

describe("a quoted message is what the noun beside it names, not the sentence's subject", () => {
  it.each([
    ["The 'A future was garbage collected before it resolved' warning was dropped in 3.4.", "3.4.20"],
    ['The "Flow run was cancelled" message was removed in 3.0.', "3.4.20"],
    ["The ‘Flow run was cancelled’ message was removed in 3.0.", "3.4.20"],
    ["The “Flow run was cancelled” message was removed in 3.0.", "3.4.20"],
    ["You will see the warning 'Task run submitted' when a task starts.", "3.4.20"],
    ["The 'Flow run was cancelled' message doesn't mean the flow's task was removed in 3.0.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(falseFacts(text, release)).toBe("");
  });

  it.each([
    [
      "On 3.4 you will still get the 'A future was garbage collected before it resolved' warning whenever a future is dropped unresolved.",
      "3.4.20",
      /was removed in 3\.4\.0/,
    ],
    ["`prefect deployment build` is still available in 3.4", "3.4.20", /`prefect deployment build` does not exist/],
    [
      "The 'Flow run was cancelled' message is harmless, and `prefect deployment build` is still available in 3.4.",
      "3.4.20",
      /`prefect deployment build` does not exist/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(falseFacts(text, release)).toMatch(fact);
  });
});

describe("a name written in quotes instead of backticks is still the name the sentence is about", () => {
  it.each([
    [
      "The 'prefect deployment build' command is still available in 3.4.",
      "3.4.20",
      /`prefect deployment build` does not exist/,
    ],
    ["The 'prefect agent start' command still works on 3.1.", "3.1.4", /`prefect agent start` does not exist/],
    ["The flow's 'prefect agent start' command still works on 3.1.", "3.1.4", /`prefect agent start` does not exist/],
    [
      "Flows don't need agents; 'prefect agent start' still works on 3.1.",
      "3.1.4",
      /`prefect agent start` does not exist/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(falseFacts(text, release)).toMatch(fact);
  });

  it.each([
    ["The 'prefect deployment build' command was removed in 3.0.", "3.4.20"],
    ["'ConcurrentTaskRunner' is still available in 3.4.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(falseFacts(text, release)).toBe("");
  });
});

describe("apostrophes in words and quoted text as tokens", () => {
  it.each([
    ["The flow's retries don't reset.", ["word", "word", "word", "word", "word", "punct"]],
    ["The flows' names aren't unique.", ["word", "word", "word", "word", "word", "punct"]],
    ["The 'Flow run was cancelled' message.", ["word", "quote", "word", "punct"]],
    ["It doesn’t log “Task run submitted” anymore.", ["word", "word", "word", "quote", "word", "punct"]],
    ["The 'prefect agent start' command.", ["word", "code", "word", "punct"]],
    ["The 'Crashed' state.", ["word", "word", "word", "punct"]],
  ])("%s", (text, types) => {
    expect(tokenize(text).map((t) => t.type)).toEqual(types);
  });
});
