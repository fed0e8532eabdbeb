import { describe, expect, it } from "vitest";
import { unmangleSlack } from "./unmangle-slack.js";

describe("unmangleSlack", () => {
  it("turns Slack's auto-links back into the text that was typed", () => {
    const r = unmangleSlack('<http://logger.info|logger.info>("hi")');
    expect(r.text).toBe('logger.info("hi")');
    expect(r.changed).toBe(true);
    expect(r.changes[0]).toContain("logger.info");
  });

  it("keeps bare URLs and mail addresses readable", () => {
    expect(unmangleSlack("see <https://docs.prefect.io/v3>").text).toBe("see https://docs.prefect.io/v3");
    expect(unmangleSlack("mail <mailto:a@b.io|a@b.io>").text).toBe("mail a@b.io");
    expect(unmangleSlack("mail <mailto:a@b.io>").text).toBe("mail a@b.io");
  });

  it("renders mentions, channels and special commands sensibly", () => {
    expect(unmangleSlack("hi <@U123ABC>").text).toBe("hi @U123ABC");
    expect(unmangleSlack("in <#C42|general>").text).toBe("in general");
    expect(unmangleSlack("<!here> look").text).toBe("@here look");
    expect(unmangleSlack("<!subteam^S1|@data-eng> ping").text).toBe("@data-eng ping");
  });

  it("decodes entities after links, so escaped ampersands inside URLs survive", () => {
    expect(unmangleSlack("if a &lt; b &amp;&amp; c &gt; d").text).toBe("if a < b && c > d");
    expect(unmangleSlack("<https://x.io/?a=1&amp;b=2>").text).toBe("https://x.io/?a=1&b=2");
  });

  it("straightens smart quotes and removes invisible characters", () => {
    const r = unmangleSlack("print(\u201Chello\u201D, \u2018x\u2019)\u00A0\u200B");
    expect(r.text).toBe("print(\"hello\", 'x') ");
    expect(r.changes.join(" ")).toMatch(/smart double quotes/);
    expect(r.changes.join(" ")).toMatch(/non-breaking/);
    expect(r.changes.join(" ")).toMatch(/zero-width/);
  });

  it("leaves ordinary text and placeholders alone", () => {
    const text = "run prefect task-run logs <TASK_RUN_ID> and journalctl -u <your-worker-service>";
    const r = unmangleSlack(text);
    expect(r.text).toBe(text);
    expect(r.changed).toBe(false);
    expect(r.changes).toEqual([]);
  });
});
