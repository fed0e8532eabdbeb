import { describe, expect, it } from "vitest";
import { MAX_BLOCKS, renderAnswer } from "./render-answer.js";

describe("renderAnswer", () => {
  it("adds deduplicated sources and the feedback buttons", () => {
    const message = renderAnswer(
      {
        markdown: "Hello",
        sources: [
          { title: "Tasks", url: "https://docs.prefect.io/a", kind: "docs" },
          { title: "Tasks again", url: "https://docs.prefect.io/a", kind: "docs" },
          { title: "Flows | more", url: "https://docs.prefect.io/b", kind: "docs" },
        ],
        notes: ["answered offline"],
      },
      "Ev1",
    );
    expect(message.blocks.map((b) => b.type)).toEqual(["section", "section", "context", "actions"]);
    const sources = JSON.stringify(message.blocks[1]);
    expect(sources).toContain("<https://docs.prefect.io/a|Tasks>");
    expect(sources).toContain("<https://docs.prefect.io/b|Flows   more>");
    expect(sources).not.toContain("Tasks again");
    expect(JSON.stringify(message.blocks[3])).toContain('"value":"Ev1"');
  });

  it("does not list a source the answer already links", () => {
    const message = renderAnswer(
      {
        markdown: "See [Tasks](https://docs.prefect.io/a).",
        sources: [{ title: "Tasks", url: "https://docs.prefect.io/a", kind: "docs" }],
        notes: [],
      },
      "Ev3",
    );
    expect(message.blocks.map((b) => b.type)).toEqual(["section", "actions"]);
  });

  it("stays within 50 blocks and says it truncated", () => {
    const markdown = Array.from({ length: 80 }, (_, i) => `${i} ${"x".repeat(2800)}`).join("\n\n");
    const message = renderAnswer({ markdown, sources: [], notes: [] }, "Ev2");
    expect(message.blocks).toHaveLength(MAX_BLOCKS);
    expect(JSON.stringify(message.blocks.at(-2))).toContain("stops here");
    expect(message.text.length).toBeLessThan(3000);
  });
});
