import { describe, expect, it } from "vitest";
import { chunkConversation, chunkDocument, chunkMarkdown } from "./chunker.js";
import type { SourceDocument } from "./types.js";

function fence(lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `value_${i} = compute(${i})  # a line of code`).join("\n");
  return "```python\n" + body + "\n```";
}

describe("chunkMarkdown", () => {
  it("follows headings and records the section path", () => {
    const md = `Lead paragraph that is long enough to stand on its own as the opening of the page, more than the minimum.

## Install

Run pip install.

### On Windows

Use the py launcher.

## Configure

Set PREFECT_API_URL.`;
    const chunks = chunkMarkdown(md, { minChars: 60 });
    expect(chunks.map((c) => c.section)).toEqual([[], ["Install", "On Windows"], ["Configure"]]);
    // The two-word lead-in of "Install" is carried into its sub-section rather than left as a tiny chunk.
    expect(chunks[1]?.text).toBe("Run pip install.\n\nUse the py launcher.");
    expect(chunks[2]?.text).toBe("Set PREFECT_API_URL.");
  });

  it("never splits a code block, even one far larger than a chunk", () => {
    const big = fence(200);
    const md = `## Example\n\n${"Some prose. ".repeat(150)}\n\n${big}\n\nAfter the code.\n\n${fence(10)}`;
    const chunks = chunkMarkdown(md, { targetChars: 800, maxChars: 1200 });
    expect(chunks.length).toBeGreaterThan(2);
    const joined = chunks.map((c) => c.text);
    expect(joined.some((t) => t.includes(big))).toBe(true);
    for (const text of joined) {
      const fences = text.match(/^```/gm) ?? [];
      expect(fences.length % 2).toBe(0);
    }
  });

  it("does not treat a # inside code as a heading", () => {
    const md = "## Real\n\n```bash\n# a comment\necho hi\n```";
    const chunks = chunkMarkdown(md);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.section).toEqual(["Real"]);
  });

  it("drops the page title from the section path when the H1 repeats it", () => {
    const doc: SourceDocument = {
      sourceId: "a.md",
      origin: "/x",
      kind: "docs",
      versionTag: "3",
      url: "u",
      title: "Agents",
      markdown: "# Agents\n\n## Start one\n\nRun it.",
      contentHash: "h",
    };
    expect(chunkDocument(doc).map((c) => c.section)).toEqual([["Start one"]]);
  });
});

describe("chunkConversation", () => {
  it("makes question/answer units and folds a closing thank-you into the last one", () => {
    const chunks = chunkConversation([
      { author: "ann", isBot: false, text: "How do I retry a task?" },
      { author: "Orca", isBot: true, text: "Use @task(retries=3)." },
      { author: "ann", isBot: false, text: "And a delay?" },
      { author: "Orca", isBot: true, text: "retry_delay_seconds=10" },
      { author: "ann", isBot: false, text: "thanks!" },
    ]);
    expect(chunks).toHaveLength(2);
    expect(chunks[0]?.text).toBe("Question: How do I retry a task?\n\nAnswer: Orca (bot): Use @task(retries=3).");
    expect(chunks[1]?.section).toEqual(["And a delay?"]);
    expect(chunks[1]?.text).toContain("Follow-up from the asker: thanks!");
  });

  it("splits a long answer at block boundaries, keeping the question in each piece", () => {
    const answer = `${"Explanation sentence. ".repeat(80)}\n\n${fence(40)}\n\n${"More text. ".repeat(80)}`;
    const chunks = chunkConversation(
      [
        { author: "bo", isBot: false, text: "Why does my flow crash?" },
        { author: "Orca", isBot: true, text: answer },
      ],
      { targetChars: 900 },
    );
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.text.startsWith("Question: Why does my flow crash?")).toBe(true);
      expect((c.text.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
  });
});
