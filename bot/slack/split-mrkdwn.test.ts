import { describe, expect, it } from "vitest";
import { splitMrkdwn } from "./split-mrkdwn.js";

const fences = (s: string) => (s.match(/```/g) ?? []).length;

describe("splitMrkdwn", () => {
  it("keeps a short text whole", () => {
    expect(splitMrkdwn("one\n\ntwo")).toEqual(["one\n\ntwo"]);
  });

  it("breaks at paragraph boundaries", () => {
    const para = (c: string) => c.repeat(60);
    const chunks = splitMrkdwn([para("a"), para("b"), para("c")].join("\n\n"), 130);
    expect(chunks).toEqual([`${para("a")}\n\n${para("b")}`, para("c")]);
  });

  it("closes and reopens a code block that must be split, never leaving a fence open", () => {
    const code = Array.from({ length: 40 }, (_, i) => `line_${i} = ${i}`).join("\n");
    const chunks = splitMrkdwn(`intro\n\n\`\`\`\n${code}\n\`\`\`\n\noutro`, 200);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(fences(chunk) % 2).toBe(0);
    }
    const lines = chunks
      .join("\n")
      .split("\n")
      .filter((l) => l.startsWith("line_"));
    expect(lines).toHaveLength(40);
  });

  it("cuts a single enormous line", () => {
    const chunks = splitMrkdwn("word ".repeat(2000), 500);
    expect(chunks.every((c) => c.length <= 500)).toBe(true);
    expect(chunks.join(" ").split(/\s+/).filter(Boolean)).toHaveLength(2000);
  });
});
