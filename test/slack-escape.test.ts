// Model output must never become a Slack control sequence: whatever an answer contains, what Orca posts has
// `<`, `>` and `&` escaped, and links only to http(s) targets. Real Bolt app, bed.fake Slack on 127.0.0.1.
import { describe, expect, it } from "vitest";
import { markdownToMrkdwn, renderAnswer } from "../bot/slack/index.js";
import { answerOf, RecordingEngine } from "./fake-slack/test-engines.js";
import { useSlackTestBed } from "./support/slack-test-bed.js";

/** Control sequences Slack acts on: broadcasts, user and channel mentions, user-group pings, dates. */
const CONTROL = /<[!@#]/;

const HOSTILE: Array<[string, string]> = [
  ["a broadcast as a link target", "[see the docs](!channel)"],
  ["a user mention as a link target", "[ping](@U0ADMIN)"],
  ["a subteam ping as a link target", "[team](!subteam^S123)"],
  ["a raw broadcast", "Heads up <!here> and <!channel|channel>"],
  ["a raw mention", "Ask <@U0ADMIN> or <#C0GENERAL>"],
  ["a javascript link", "[click](javascript:alert(1))"],
  ["a mailto link", "[mail](mailto:boss@example.com)"],
  ["an autolink to a non-web scheme", "<slack://open?team=T1>"],
  ["ampersands and angle brackets", "a && b > c < d &amp; <b>"],
  ["a control sequence in a source title", "plain"],
];

describe("escaping Slack control sequences (pure rendering)", () => {
  it.each(HOSTILE)("renders %s without any control sequence", (_what, markdown) => {
    const rendered = renderAnswer(
      answerOf(markdown, {
        sources: [
          { title: "<!channel> docs", url: "https://docs.prefect.io/v3/x", kind: "docs" },
          { title: "bad", url: "!everyone", kind: "docs" },
        ],
        notes: ["<@U0ADMIN> note"],
      }),
      "Ev1",
    );
    const all = JSON.stringify(rendered.blocks) + rendered.text;
    expect(all).not.toMatch(CONTROL);
    // Every remaining link is a web link.
    for (const block of rendered.blocks) {
      const text = (block as { text?: { text?: string } }).text?.text ?? "";
      for (const [, target] of text.matchAll(/<([^>|]*)[|>]/g)) expect(target).toMatch(/^https?:\/\//);
    }
  });

  it("keeps http(s) links and code, escaping only what Slack requires", () => {
    expect(markdownToMrkdwn("[Docs](https://docs.prefect.io/v3/) and `a < b`")).toBe(
      "<https://docs.prefect.io/v3/|Docs> and `a &lt; b`",
    );
    expect(markdownToMrkdwn("[see the docs](!channel)")).toBe("see the docs");
  });
});

describe("escaping in posted replies", () => {
  const bed = useSlackTestBed();

  it("posts model output with control sequences as plain text", async () => {
    const markdown = HOSTILE.map(([, m]) => `- ${m}`).join("\n");
    await bed.start(new RecordingEngine(() => answerOf(markdown, { mode: "llm" })));
    await bed.send(bed.mention("hello"));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    const post = bed.fake.posts()[0] as { text: string; blocks: unknown[] };
    expect(post.text + JSON.stringify(post.blocks)).not.toMatch(CONTROL);
    expect(JSON.stringify(post.blocks)).toContain("see the docs");
  });
});
