import { describe, expect, it } from "vitest";
import { splitSentences } from "./split-sentences.js";

describe("splitSentences", () => {
  it("splits ordinary sentences", () => {
    expect(splitSentences("Tasks retry. Flows retry too! Why? Because.")).toEqual([
      "Tasks retry.",
      "Flows retry too!",
      "Why?",
      "Because.",
    ]);
  });

  it("keeps a quoted error message inside its sentence", () => {
    const text = 'Runs end **Crashed** with _"Crash detected! Execution was cancelled."_ It hits slow tasks.';
    expect(splitSentences(text)).toEqual([
      'Runs end **Crashed** with _"Crash detected! Execution was cancelled."_',
      "It hits slow tasks.",
    ]);
  });

  it("does not split inside backticks or curly quotes", () => {
    expect(splitSentences("Call `f(). Then g()` once. Done.")).toEqual(["Call `f(). Then g()` once.", "Done."]);
    expect(splitSentences("It says “Stop. Now” and exits. Next.")).toEqual(["It says “Stop. Now” and exits.", "Next."]);
  });

  it("needs a capital, backtick or emphasis after the stop", () => {
    expect(splitSentences("Version 3.4. and more. e.g. this")).toEqual(["Version 3.4. and more. e.g. this"]);
  });

  it.each([
    ["how do i pass env vars (e.g. DBT_TARGET=prod) to one deployment? Thanks.", 2],
    ["Set it once, i.e. Before the flow starts. Then run it.", 2],
    ["Compare Docker vs. Kubernetes pools. Which one?", 2],
    ["We use the old way, etc. Then it broke.", 2],
  ])("does not end a sentence after an abbreviation: %s", (text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it("survives an unbalanced quote", () => {
    expect(splitSentences('He wrote "oops. Then left. Bye.')).toEqual(['He wrote "oops.', "Then left.", "Bye."]);
  });
});
