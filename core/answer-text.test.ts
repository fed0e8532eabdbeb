import { describe, expect, it } from "vitest";
import { leadParagraph, ownText, SOURCES_HEADING } from "./answer-text.js";

describe("ownText", () => {
  it.each([
    [
      "drops the sources list up to the first blank line",
      `A.\n\n${SOURCES_HEADING}\n1. [T](u): quoted\n\n_footer_`,
      "A.\n\n_footer_",
    ],
    ["drops blockquotes outside code", "A.\n> quoted\nB.", "A.\nB."],
    ["keeps a `>` line inside a code fence", "```python\n> x\n```", "```python\n> x\n```"],
    [
      "keeps a heading-like line inside a fence",
      `\`\`\`\n${SOURCES_HEADING}\nx\n\`\`\``,
      `\`\`\`\n${SOURCES_HEADING}\nx\n\`\`\``,
    ],
  ])("%s", (_name, markdown, expected) => {
    expect(ownText(markdown)).toBe(expected);
  });
});

describe("leadParagraph", () => {
  it.each([
    ["Yes — it does.\n\nWhy: because.", "Yes — it does."],
    ["> quote first\n\nNo — it does not.\nMore.", "No — it does not.\nMore."],
    ["", ""],
  ])("%j", (markdown, expected) => {
    expect(leadParagraph(markdown)).toBe(expected);
  });
});
