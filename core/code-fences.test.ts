import { describe, expect, it } from "vitest";
import { codeFences, replaceCodeFences } from "./code-fences.js";

describe("codeFences", () => {
  it.each([
    [
      "a closed block with a language",
      "see\n```python\nx = 1\n```\nend",
      { lang: "python", body: "x = 1\n", closed: true },
    ],
    ["an info string after the language", "```py title=a.py\nx = 1\n```", { lang: "py", info: "py title=a.py" }],
    ["no language", "```\nx = 1\n```", { lang: "", body: "x = 1\n", closed: true }],
    ["a block the text cuts off", "```python\nx = 1", { body: "x = 1", closed: false }],
    [
      "Slack's code on the opening line",
      "```from prefect import flow\nflow()```",
      { info: "from prefect import flow", lang: "from" },
    ],
    [
      "Slack's one-line block",
      "copied:\n```from prefect.schedules import Cron```\n-> `ImportError`",
      { info: "", lang: "", body: "from prefect.schedules import Cron", closed: true },
    ],
  ])("reads %s", (_case, text, expected) => {
    expect(codeFences(text)[0]).toMatchObject(expected);
  });

  it("gives offsets into the text as written, block by block", () => {
    const text = "a\n```\nx\n```\nb\n```sh\ny\n```";
    const fences = codeFences(text);
    expect(fences.map((f) => text.slice(f.start, f.end))).toEqual(["```\nx\n```", "```sh\ny\n```"]);
    expect(replaceCodeFences(text, (f) => `[${f.lang || "code"}]`)).toBe("a\n[code]\nb\n[sh]");
  });
});
