import { describe, expect, it } from "vitest";
import type { VersionGuess } from "../../../core/index.js";
import { plainQuestion, type ThreadReading } from "../understand/index.js";
import { buildUserMessage, SYSTEM_PROMPT } from "./prompt.js";
import { SourceBook } from "./tools.js";

const version: VersionGuess = { version: "3.4.20", resolved: "3.4.20", major: 3, how: "stated", evidence: [] };
const reading = {
  question: "why do I get RuntimeError: Cannot pause task runs.?",
  prose: "why do I get RuntimeError: Cannot pause task runs.?",
  commands: "",
  shape: "text",
  messages: [],
  asker: "ana",
  code: [],
  foreignLanguage: null,
  offTopic: false,
  version,
  text: "",
  notes: [],
} satisfies ThreadReading;

describe("buildUserMessage", () => {
  it("passes what Orca knows about a quoted error to the model", () => {
    const message = buildUserMessage({
      reading,
      checked: [],
      apis: [],
      sources: new SourceBook(),
      errors: ["pause_flow_run inside a task raises before 3.6.3; pause from the flow"],
    });
    expect(message).toMatch(/What Orca knows about the error quoted in the thread:\n- pause_flow_run inside a task/);
  });

  it("leaves the section out when there is nothing to say", () => {
    expect(buildUserMessage({ reading, checked: [], apis: [], sources: new SourceBook() })).not.toMatch(
      /What Orca knows/,
    );
  });

  it.each([
    [[plainQuestion("where do results go by default?"), plainQuestion("how do i move them to s3?")], true],
    [null, false],
  ])("lists the questions a message asks, for the model to answer each (%#)", (parts, listed) => {
    const question = { ...plainQuestion("where do results go, and how do i move them to s3?"), parts };
    const message = buildUserMessage({ reading, checked: [], apis: [], sources: new SourceBook(), question });
    expect(message.includes("The message asks 2 things; answer each, in this order:\n1. where do results go")).toBe(
      listed,
    );
  });

  it("tells the model not to stop at 'looks right'", () => {
    expect(SYSTEM_PROMPT).toMatch(/no API or version problems/);
  });
});
