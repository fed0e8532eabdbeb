import { describe, expect, it } from "vitest";
import { identifiersIn, questionTerms, withoutVersions } from "./question-terms.js";

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

describe("questionTerms: vocabulary for topic choice", () => {
  it("growing retry delays point at exponential_backoff; plain waiting words do not drag in run waiting", () => {
    const t = questionTerms("I want 5 retries with the wait growing each time plus some jitter");
    expect(t.expanded).toContain("exponential_backoff");
    expect(t.expanded).toContain("retry_jitter_factor");
    expect(t.expanded).not.toContain("final state");
    expect(questionTerms("how do I wait for the child run to finish?").expanded).toContain("final state");
  });

  it("'make it faster' is about running tasks concurrently", () => {
    expect(questionTerms("how do I make this run faster?").expanded).toContain("submit map");
  });

  it("an agent question brings in workers and the commands of both", () => {
    expect(questionTerms("difference between an agent and a worker?").expanded).toMatch(/prefect worker start/);
  });

  it("names used in code weigh double in the search, but not generic ones", () => {
    const t = questionTerms("who is right?", ["Variable", "flow"]);
    expect(t.query.match(/Variable/g)?.length).toBe(2);
    expect(t.query.match(/\bflow\b/g)?.length).toBe(1);
  });

  it("withoutVersions strips release numbers, not words", () => {
    expect(withoutVersions("prefect==2.19.8 on 3.4 and v3.1.2 please").replace(/\s+/g, " ").trim()).toBe(
      "on and please",
    );
  });
});
