// Where the real error is, said only to someone whose run fails: not to a question that names a failure in passing.
import { describe, expect, it } from "vitest";
import type { VersionGuess } from "../../../core/index.js";
import { DEFAULT_LIMITS, type ThreadReader } from "../ports.js";
import type { Question } from "../understand/index.js";
import { readThread } from "../understand/read-thread.js";
import { logsHint } from "./compose-offline.js";

const V3: VersionGuess = { version: "3.4.22", resolved: "3.4.22", major: 3, how: "stated", evidence: [] };
const reader: ThreadReader = { unmangle: (t) => t, extractSnippets: () => [], detectVersion: () => V3 };
const read = (question: string) => readThread({ messages: [], question, prefectVersion: null }, reader, DEFAULT_LIMITS);
type Asked = Pick<Question, "kind" | "asking" | "asksExistence">;

describe("logsHint", () => {
  it.each<[string, Asked, boolean]>([
    [
      "dependent tasks fail instantly on our worker. Is this a pickling thing?",
      { kind: "yes-no", asking: "Is this a pickling thing?", asksExistence: false },
      true,
    ],
    [
      "my nightly flow crashed. what should i check?",
      { kind: "other", asking: "what should i check?", asksExistence: false },
      true,
    ],
    // A feature named after failures, or a library one is stuck on, around a question of another kind.
    [
      "we have automations that send slack on failure. Is there a `prefect automation` CLI command?",
      { kind: "yes-no", asking: "Is there a `prefect automation` CLI command?", asksExistence: true },
      false,
    ],
    [
      "we're stuck on pydantic v1. which setting picks the serializer?",
      { kind: "which-setting", asking: "which setting picks the serializer?", asksExistence: false },
      false,
    ],
    // Asked in the asking sentence itself, the failure is what they ask about.
    [
      "which setting stops my flows from failing on timeouts?",
      { kind: "which-setting", asking: "which setting stops my flows from failing on timeouts?", asksExistence: false },
      true,
    ],
  ])("%s → hint: %s", (text, question, hint) => {
    expect(logsHint(read(text), question) !== null).toBe(hint);
  });

  it("says nothing when the traceback is already in the thread", () => {
    const text = "my flow fails:\nTraceback (most recent call last):\nValueError: bad";
    expect(logsHint(read(text), { kind: "why-error", asking: "my flow fails", asksExistence: false })).toBeNull();
  });
});
