import { describe, expect, it } from "vitest";
import type { VersionGuess } from "../../../core/index.js";
import { DEFAULT_LIMITS, type ThreadReader } from "../ports.js";
import { readThread } from "./read-thread.js";

const V3: VersionGuess = { version: "3", resolved: "3.8.3", major: 3, how: "assumed", evidence: [] };
const reader: ThreadReader = {
  unmangle: (t) => t,
  extractSnippets: () => [],
  detectVersion: (_texts, forced) => (forced ? { ...V3, version: forced, how: "stated" } : V3),
};
const read = (question: string, prefectVersion: string | null = null) =>
  readThread({ messages: [], question, prefectVersion }, reader, DEFAULT_LIMITS);

describe("readThread: is the question about Prefect?", () => {
  it("takes an unrelated question as off-topic", () => {
    expect(read("what's the best way to cook risotto?").offTopic).toBe(true);
  });

  it("keeps a question about moving between Prefect's major lines, even without the word Prefect", () => {
    expect(read("we're moving a big 2.x codebase to 3. What are the breaking changes?").offTopic).toBe(false);
    expect(read("anything to watch out for when upgrading from v2?").offTopic).toBe(false);
  });

  it("keeps a question asked with a Prefect version, but not with something that is not a version", () => {
    expect(read("how do I store config values that change between environments?", "2.20").offTopic).toBe(false);
    const banana = read("how do I store config values that change between environments?", "banana");
    expect(banana.offTopic).toBe(true);
    expect(banana.notes.join(" ")).toMatch(/not a Prefect version/);
  });
});

describe("readThread: whose code is checked in a long thread", () => {
  const code = (name: string) => ({
    code: `def ${name}():\n    pass`,
    raw: `def ${name}():\n    pass`,
    language: "python" as const,
    fenced: true,
    mangled: false,
  });
  // Every message with `code:NAME` in it holds one snippet defining NAME.
  const withCode: ThreadReader = {
    ...reader,
    extractSnippets: (text) => [...text.matchAll(/code:(\w+)/g)].map((m) => code(m[1]!)),
  };
  const msg = (author: string, text: string, isBot = false) => ({ author, text, isBot });

  it("checks the asker's latest code first, then code posted after it (a bot's fix), not older code", () => {
    const thread = {
      asker: "ana",
      question: "why does my code still fail?",
      messages: [
        msg("ana", "first try code:old_attempt"),
        msg("bob", "try code:bobs_idea"),
        msg("ana", "now code:latest_attempt"),
        msg("bot", "use code:bot_fix", true),
        msg("carl", "unrelated chatter"),
      ],
    };
    const reading = readThread(thread, withCode, DEFAULT_LIMITS);
    expect(reading.code.map((c) => c.snippet.code.split("(")[0])).toEqual(["def latest_attempt", "def bot_fix"]);
    expect(reading.code[0]!.author).toBe("ana");
    expect(reading.code[1]!.fromBot).toBe(true);
  });

  it("keeps the asker's snippets when a thread has more than the limit", () => {
    const many = Array.from({ length: 5 }, (_, i) => `code:mine_${i}`).join(" ");
    const thread = {
      asker: "ana",
      question: "is this right?",
      messages: [msg("ana", many), msg("bot", "code:bot_a code:bot_b", true)],
    };
    const reading = readThread(thread, withCode, { ...DEFAULT_LIMITS, maxSnippets: 4 });
    expect(reading.code).toHaveLength(4);
    expect(reading.code.every((c) => c.author === "ana")).toBe(true);
    expect(reading.notes.join(" ")).toMatch(/asker's own first/);
  });

  it("falls back to the newest code when the asker posted none", () => {
    const thread = {
      asker: "ana",
      question: "is the code above right?",
      messages: [msg("bob", "code:bobs_idea"), msg("bot", "code:bot_fix", true)],
    };
    expect(readThread(thread, withCode, DEFAULT_LIMITS).code.map((c) => c.author)).toEqual(["bot"]);
  });
});

describe("readThread: commands in the question", () => {
  it("keeps shell snippets apart from the prose, for choosing a topic", () => {
    const shell: ThreadReader = {
      ...reader,
      extractSnippets: (text) =>
        text.includes("prefect deployment build")
          ? [
              {
                code: "prefect deployment build a.py:f",
                raw: "prefect deployment build a.py:f",
                language: "shell",
                fenced: false,
                mangled: false,
              },
            ]
          : [],
    };
    const reading = readThread(
      { messages: [], question: "CI ran\nprefect deployment build a.py:f\nwhat now?" },
      shell,
      DEFAULT_LIMITS,
    );
    expect(reading.commands).toBe("prefect deployment build a.py:f");
    expect(reading.prose).not.toContain("deployment build");
  });
});

describe("readThread: code written inline in a sentence", () => {
  const snippets = (inline: boolean): ThreadReader => ({
    ...reader,
    extractSnippets: (text) => {
      const m = /`([^`]+)`/.exec(text);
      const raw = m?.[0] ?? "";
      return m
        ? [{ code: m[1]!, raw, language: "python", fenced: false, mangled: false, ...(inline ? { inline } : {}) }]
        : [];
    },
  });
  const question = "porting a flow that has `task_runner=ConcurrentTaskRunner()`. does that import still exist?";

  it("keeps an inline call in the prose, where it names what the sentence is about, and still checks it", () => {
    const reading = readThread({ messages: [], question }, snippets(true), DEFAULT_LIMITS);
    expect(reading.prose).toContain("ConcurrentTaskRunner");
    expect(reading.code).toHaveLength(1);
  });

  it("takes a block of code out of the prose", () => {
    const reading = readThread({ messages: [], question }, snippets(false), DEFAULT_LIMITS);
    expect(reading.prose).not.toContain("ConcurrentTaskRunner");
  });
});
