import { describe, expect, it } from "vitest";
import { identifiersIn, questionTerms } from "./question-terms.js";

describe("questionTerms", () => {
  it("keeps identifiers written in the question, in backticks or not, but not file names", () => {
    expect(
      identifiersIn("does `Variable.get` differ from run_deployment in ThreadPoolTaskRunner? see prefect.yaml"),
    ).toEqual(expect.arrayContaining(["Variable.get", "run_deployment", "ThreadPoolTaskRunner"]));
    expect(identifiersIn("what goes in prefect.yaml?")).toEqual([]);
  });

  it("joins adjacent words the way Prefect spells its APIs", () => {
    expect(questionTerms("how do I run a deployment from python?").pairs).toContain("run_deployment");
  });

  it("adds Prefect's words for everyday phrasing, and drops words that only shape the question", () => {
    const t = questionTerms("what's the best way to keep a database password?");
    expect(t.expanded).toMatch(/\bsecret\b/i);
    expect(t.expanded).not.toMatch(/\bbest\b|\bway\b|\bkeep\b/);
    expect(questionTerms("how do I fail a task that runs longer than 10 minutes").expanded).toContain(
      "timeout_seconds",
    );
    expect(questionTerms("how do I undo what the first task wrote").expanded).toContain("on_rollback");
  });

  it("takes API names found elsewhere (the facts lookup) as identifiers", () => {
    expect(questionTerms("how do I use it?", ["prefect.deployments.run_deployment"]).identifiers).toContain(
      "run_deployment",
    );
  });
});
