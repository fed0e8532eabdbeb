import { describe, expect, it } from "vitest";
import { markdownToMrkdwn } from "./mrkdwn.js";

describe("markdownToMrkdwn", () => {
  it("converts emphasis, links, headings and lists", () => {
    const md = [
      "## Retries",
      "Use **retries** and *backoff* with ~~old~~ [the docs](https://docs.prefect.io/v3/x).",
      "- first",
      "  - nested",
      "1. one",
    ].join("\n");
    expect(markdownToMrkdwn(md)).toBe(
      [
        "*Retries*",
        "Use *retries* and _backoff_ with ~old~ <https://docs.prefect.io/v3/x|the docs>.",
        "• first",
        "    • nested",
        "1. one",
      ].join("\n"),
    );
  });

  it("keeps code verbatim apart from Slack's three escapes, and drops the fence language", () => {
    const md = "Try `a**b**c` then:\n```python\nif x < 3 and y > 2:\n    print(**kw)\n```";
    expect(markdownToMrkdwn(md)).toBe("Try `a**b**c` then:\n```\nif x &lt; 3 and y &gt; 2:\n    print(**kw)\n```");
  });

  it("escapes control characters in prose but not inside generated links", () => {
    expect(markdownToMrkdwn("a < b & <https://x.io/a?b=1&c=2>")).toBe("a &lt; b &amp; <https://x.io/a?b=1&c=2>");
  });

  it("keeps blank lines inside code but collapses runs of blank prose lines", () => {
    expect(markdownToMrkdwn("a\n\n\n\nb\n```\nx\n\n\ny\n```")).toBe("a\n\nb\n```\nx\n\n\ny\n```");
  });

  it("closes a fence the Markdown left open", () => {
    expect(markdownToMrkdwn("```\ncode")).toBe("```\ncode\n```");
  });

  it("does not read snake_case or multiplication as emphasis", () => {
    expect(markdownToMrkdwn("call my_task_name with 2 * 3 * 4")).toBe("call my_task_name with 2 * 3 * 4");
  });
});

describe("markdownToMrkdwn tables (mrkdwn has none)", () => {
  it("draws a GFM table as an aligned monospace grid and lists the links its cells held", () => {
    const md = [
      "Compare:",
      "",
      "| Prefect 2 | Prefect 3 | since |",
      "|---|:---:|--:|",
      "| agent + `work queue` | worker + [work pool](https://docs.prefect.io/v3/concepts/work-pools) | 2.10 |",
      "| **infrastructure** blocks | `a \\| b` & <c> | 3 |",
      "",
      "Done.",
    ].join("\n");
    expect(markdownToMrkdwn(md)).toBe(
      [
        "Compare:",
        "",
        "```",
        "Prefect 2             |     Prefect 3      | since",
        "----------------------+--------------------+------",
        "agent + work queue    | worker + work pool |  2.10",
        "infrastructure blocks |    a | b &amp; &lt;c&gt;     |     3",
        "```",
        "• <https://docs.prefect.io/v3/concepts/work-pools|work pool>",
        "",
        "Done.",
      ].join("\n"),
    );
  });

  it.each([
    ["a pipe in prose", "use a | b to pipe", "use a | b to pipe"],
    ["a header row without a delimiter row", "| a | b |\n| c | d |", "| a | b |\n| c | d |"],
    ["a delimiter row with another column count", "| a | b |\n|---|", "| a | b |\n|---|"],
  ])("leaves %s as prose", (_what, md, expected) => {
    expect(markdownToMrkdwn(md)).toBe(expected);
  });

  it("keeps a link the policy forbids as a plain label in the grid, not in the list", () => {
    const md = "| where |\n|---|\n| [thread](https://x.slack.com/archives/D1/p1) and [ping](!channel) |";
    expect(markdownToMrkdwn(md, { linkAllowed: () => false })).toBe(
      "```\nwhere\n---------------\nthread and ping\n```",
    );
  });
});
