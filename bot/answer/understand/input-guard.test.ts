import { describe, expect, it } from "vitest";
import { foreignLanguage, looksPrefectRelated, questionShape, stripMentions } from "./input-guard.js";

describe("input-guard", () => {
  it("tells empty and emoji-only questions from text", () => {
    expect(questionShape("<@U123ABC>   ")).toBe("empty");
    expect(questionShape("🎉 :tada: 👍🏽!")).toBe("emoji-only");
    expect(questionShape("why 🎉?")).toBe("text");
    expect(stripMentions("<@U1|orca> hi <@U2>")).toBe("hi");
  });

  it("names other programming languages but not Python, YAML or shell", () => {
    expect(foreignLanguage("const x = require('a');")).toBe("JavaScript");
    expect(foreignLanguage("package main\nfunc main() {}")).toBe("Go");
    expect(foreignLanguage("from prefect import flow\nconst = 1")).toBeNull();
    expect(foreignLanguage("work_pool:\n  name: x")).toBeNull();
    expect(foreignLanguage("prefect worker start --pool p")).toBeNull();
  });

  it("recognises Prefect-related questions, including API names", () => {
    expect(looksPrefectRelated("how do I use run_deployment")).toBe(true);
    expect(looksPrefectRelated("my workflows hang")).toBe(true);
    expect(looksPrefectRelated("best risotto recipe?")).toBe(false);
  });
});
