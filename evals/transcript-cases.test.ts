import { describe, expect, it } from "vitest";
import type { ThreadMessage } from "../core/index.js";
import { transcriptCases } from "./transcript-cases.js";

const user = (text: string, author = "ana"): ThreadMessage => ({ author, text, isBot: false });
const bot = (text: string): ThreadMessage => ({ author: "Marvin", text, isBot: true });

describe("transcriptCases", () => {
  it("makes a case of each answered user message, with earlier messages as the thread", () => {
    const messages = [
      user("first question"),
      bot("first answer"),
      bot("more"),
      user("aside", "ben"),
      user("second?"),
      bot("second answer"),
    ];
    const cases = transcriptCases(messages, { idPrefix: "t1", file: "t1.txt" });
    expect(cases.map((c) => [c.id, c.question, c.thread.length])).toEqual([
      ["t1#0", "first question", 0],
      ["t1#4", "second?", 4],
    ]);
    expect(cases[0]!.recorded.map((r) => [r.index, r.text])).toEqual([
      [1, "first answer"],
      [2, "more"],
    ]);
    expect(cases[1]!.thread.at(-1)).toEqual(user("aside", "ben"));
    expect(cases[1]!.expect).toEqual({ codeLintsClean: true });
    expect(cases[1]!.origin).toEqual({ file: "t1.txt", line: 5 });
  });

  it("skips questions whose text the archive lost and unanswered messages", () => {
    expect(transcriptCases([user(""), bot("answer"), user("never answered")], { idPrefix: "x" })).toEqual([]);
  });
});
