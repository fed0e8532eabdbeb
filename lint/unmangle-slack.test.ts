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

  it("restores the typed URL when Slack did not invent the scheme", () => {
    expect(unmangleSlack('get("<https://api.acme.io/v1/orders|api.acme.io/v1/orders>")').text).toBe(
      'get("https://api.acme.io/v1/orders")',
    );
    expect(unmangleSlack("docs at <https://docs.prefect.io|docs.prefect.io> today").text).toBe(
      "docs at https://docs.prefect.io today",
    );
    expect(unmangleSlack("url = '<http://localhost:4200/api|localhost:4200/api>'").text).toBe(
      "url = 'http://localhost:4200/api'",
    );
    expect(unmangleSlack("<ftp://files.acme.io/a.csv|files.acme.io/a.csv>").text).toBe("ftp://files.acme.io/a.csv");
  });

  it("keeps the label where Slack added http:// or the label is deliberate", () => {
    expect(unmangleSlack("<http://logger.info|logger.info>(x)").text).toBe("logger.info(x)");
    expect(unmangleSlack('name = "<http://flow.name|flow.name>"').text).toBe('name = "flow.name"');
    expect(unmangleSlack("see <https://docs.prefect.io/v3|the docs>").text).toBe("see the docs");
    expect(unmangleSlack("host <http://api.acme.io/v1|api.acme.io/v1> outside a string").text).toBe(
      "host api.acme.io/v1 outside a string",
    );
    expect(unmangleSlack("<mailto:ops@acme.io|ops@acme.io>").text).toBe("ops@acme.io");
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
