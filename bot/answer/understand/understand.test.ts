import { describe, expect, it } from "vitest";
import type { ThreadMessage, VersionGuess } from "../../../core/index.js";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import { DEFAULT_LIMITS, type ThreadReader } from "../ports.js";
import { readThread } from "./read-thread.js";
import { understand } from "./understand.js";

const V3: VersionGuess = { version: "3.4.20", resolved: "3.4.20", major: 3, how: "stated", evidence: [] };
const reader: ThreadReader = { unmangle: (t) => t, extractSnippets: () => [], detectVersion: () => V3 };
const deps = { facts: loadPrefectFacts(), settings: loadSettingsFacts() };
const user = (text: string): ThreadMessage => ({ author: "ana", text, isBot: false });
const bot = (text: string): ThreadMessage => ({ author: "orca", text, isBot: true });

function question(messages: ThreadMessage[], text: string) {
  return understand(readThread({ messages, question: text, asker: "ana" }, reader, DEFAULT_LIMITS), deps).question;
}

describe("understand: a follow-up in a thread", () => {
  const loggers = user("our flows use a vendor sdk that logs through python's logging module");

  it.each([
    // Points back and names nothing: the message before it says what about (a bot's reply in between is skipped).
    ["how do i get those into the run logs in the ui?", [loggers], true],
    ["3.4. and can i make them show up there?", [loggers, bot("Which Prefect version are you on?")], true],
    // Says its own topic, or names an API: it stands alone.
    ["how do i set retries on a task?", [loggers], false],
    ["does `get_run_logger` pick them up?", [loggers], false],
    // Nothing before it to point at.
    ["how do i get those into the run logs in the ui? (first message)", [], false],
  ])("%s", (text, messages, reads) => {
    expect(question(messages, text).text.includes("vendor sdk")).toBe(reads);
  });
});
