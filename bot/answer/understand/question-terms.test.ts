import { describe, expect, it } from "vitest";
import {
  callsAsCallees,
  identifiersIn,
  inlineCodeNames,
  questionTerms,
  withoutAvoided,
  withoutVersions,
} from "./question-terms.js";

describe("questionTerms", () => {
  it("keeps identifiers written in the question, in backticks or not, but not file names", () => {
    expect(
      identifiersIn("does `Variable.get` differ from run_deployment in ThreadPoolTaskRunner? see prefect.yaml"),
    ).toEqual(expect.arrayContaining(["Variable.get", "run_deployment", "ThreadPoolTaskRunner"]));
    expect(identifiersIn("what goes in prefect.yaml?")).toEqual([]);
  });

  it.each([
    ["a call", '`Variable.get("x")`', ["Variable.get"]],
    ["a decorator", "`@flow(retries=2)`", ["flow"]],
    ["a hyphenated deployment name", "our `build-docs` deployment", []],
    ["a flow/deployment pair", "`etl/nightly` with `run_date`", ["run_date"]],
    [
      "a module's attribute as import errors write it",
      "`prefect.filesystems:S3` has been removed",
      ["prefect.filesystems.S3"],
    ],
    ["a file's entry point", "`etl.py:main` and `flows/etl.py:main`", ["etl.py"]],
    ["an import of one name", "a `from prefect.futures import wait` helper", ["prefect.futures.wait"]],
    [
      "an import of several names",
      "`from prefect.futures import wait as w, as_completed`",
      ["prefect.futures.wait", "prefect.futures.as_completed"],
    ],
    // A keyword argument is not a name, nor any prefix of it.
    ["a keyword argument", "has `task_runner=ConcurrentTaskRunner()`", []],
  ])("reads the API name an inline code span starts with: %s", (_, text, names) => {
    expect(inlineCodeNames(text)).toEqual(names);
  });

  it("joins adjacent words the way Prefect spells its APIs", () => {
    expect(questionTerms("how do I run a deployment from python?").pairs).toContain("run_deployment");
  });

  it("adds Prefect's words given by the matching answer units, and drops words that only shape the question", () => {
    const t = questionTerms("what's the best way to keep a database password?", [], ["Secret Secret block"]);
    expect(t.expanded).toMatch(/\bSecret\b/);
    expect(t.expanded).not.toMatch(/\bbest\b|\bway\b|\bkeep\b/);
    expect(questionTerms("what's the best way to keep a database password?").expanded).not.toMatch(/secret/i);
  });

  it("takes API names found elsewhere (the facts lookup) as identifiers", () => {
    expect(questionTerms("how do I use it?", ["prefect.deployments.run_deployment"]).identifiers).toContain(
      "run_deployment",
    );
  });
});

describe("questionTerms: weights", () => {
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

describe("withoutAvoided", () => {
  it.each([
    [
      "how do i make every flow use it without adding result_storage= to each decorator?",
      "how do i make every flow use it without?",
    ],
    ["is there a way without standing up my own api service? thanks", "is there a way without? thanks"],
    // The phrase ends at the clause's end, or after a few words.
    ["run it without `serve`, then check the ui", "run it without, then check the ui"],
    [
      "deploy without a worker or a pool or any other moving part at all",
      "deploy without any other moving part at all",
    ],
    [
      "rather not add persist_result to each task, is there a global setting?",
      "rather not, is there a global setting?",
    ],
    ["i don't want to pass retries= everywhere", "i don't want to"],
    ["no avoidance here", "no avoidance here"],
    // What the asker already does without: a method name's dot does not end the phrase.
    [
      "we .submit() 30 tasks and never call .result() on them, the flow just ends",
      "we .submit() 30 tasks and never call, the flow just ends",
    ],
    ["i don't call future.wait() anywhere. is that the problem?", "i don't call. is that the problem?"],
    [
      "a global setting for tasks that don't specify retries= themselves?",
      "a global setting for tasks that don't specify?",
    ],
    [
      "global setting to capture prints instead of adding log_prints=True to each flow?",
      "global setting to capture prints instead of?",
    ],
    // "Instead of" a name (not a doing) asks about that name's replacement.
    ["what do i use instead of Deployment.build_from_flow?", "what do i use instead of Deployment.build_from_flow?"],
  ])("%s → %s", (text, expected) => {
    expect(withoutAvoided(text)).toBe(expected);
  });
});

describe("callsAsCallees", () => {
  it.each([
    ['does `run_deployment("ingest/prod", parameters=...)` wait?', "does `run_deployment` wait?"],
    ["can i pass `task_runner=ThreadPoolTaskRunner(...)` here?", "can i pass `task_runner=ThreadPoolTaskRunner` here?"],
    ["is `retries=` allowed on flows?", "is `retries=` allowed on flows?"],
    // Written in the prose without backticks, a call that reads as code is cut the same way; prose in parentheses stays.
    ["flow.deploy(name='etl', work_pool_name='docker-pool') fails to push", "flow.deploy fails to push"],
    ["the worker(s) on k8s (3 of them) stop", "the worker(s) on k8s (3 of them) stop"],
    ["run_deployment(name=f(x), timeout=0) and", "run_deployment and"],
  ])("%s", (text, expected) => {
    expect(callsAsCallees(text)).toBe(expected);
  });
});
