import { describe, expect, it } from "vitest";
import { sentences } from "../../knowledge/claims/index.js";
import { asyncOnlyLookup, loadPrefectFacts } from "../../knowledge/index.js";
import { checkApiNames, returnedClass } from "./api-check.js";
import { checkClaims } from "./claim-check.js";
import { attributeUses, callAssignments, callSites, decoratedFunctions, prefectImports } from "./python-names.js";

const facts = loadPrefectFacts();
const check = (text: string, code: string[] = [], version = "3.8.3") =>
  checkApiNames(text, code, { facts, version, isAsyncOnly: asyncOnlyLookup(facts) });

describe("python-names", () => {
  const code = [
    "from prefect import flow, task as t",
    "from prefect.futures import (wait,",
    "    as_completed)",
    "import prefect.runner as pr",
    "@flow(name='x')",
    "def parent():",
    "    fut = run_deployment('a/b')",
    "    fut.wait()",
    "    pr.submit_to_runner(parent)",
    "@t",
    "async def child(): ...",
  ].join("\n");

  it("reads prefect imports with aliases and parenthesised lists", () => {
    expect(prefectImports(code).map((i) => [i.fq, i.local])).toEqual([
      ["prefect.flow", "flow"],
      ["prefect.task", "t"],
      ["prefect.futures.wait", "wait"],
      ["prefect.futures.as_completed", "as_completed"],
      ["prefect.runner", "pr"],
    ]);
  });

  it("finds assignments from calls, attribute uses after them, decorated functions and call sites", () => {
    expect(callAssignments(code)).toEqual([{ variable: "fut", callee: "run_deployment", awaited: false, line: 7 }]);
    expect(attributeUses(code, "fut", 7).map((u) => u.attribute)).toEqual(["wait"]);
    expect(decoratedFunctions(code, "flow")).toEqual(["parent"]);
    expect(decoratedFunctions(code, "t")).toEqual(["child"]);
    expect(callSites(code, "pr.submit_to_runner").map((c) => c.line)).toEqual([9]);
  });

  it.each([
    {
      name: "a value read off the call's result is not the call's result",
      code: 'from prefect.blocks.system import JSON\ncfg = JSON.load("c").value',
      assignments: [],
    },
    {
      name: "a keyword argument is not an assignment",
      code: "@task(\n    retry_delay_seconds=backoff(2),\n)",
      assignments: [],
    },
    {
      name: "an awaited call",
      code: "run = await run_deployment('a/b')",
      assignments: [["run", "run_deployment", true]],
    },
  ])("reads assignments from the tree: $name", ({ code, assignments }) => {
    expect(callAssignments(code).map((a) => [a.variable, a.callee, a.awaited])).toEqual(assignments);
  });

  it("ignores names in comments and strings, and reads decorators spread over lines", () => {
    const snippet = [
      "fr = run_deployment('a/b')",
      "# fr.state is final here",
      "print('fr.wait() is gone')",
      "@flow(",
      "    retries=2,",
      ")",
      "def nightly(): ...",
    ].join("\n");
    expect(attributeUses(snippet, "fr", 1)).toEqual([]);
    expect(decoratedFunctions(snippet, "flow")).toEqual(["nightly"]);
  });

  it("reads the imports of a whole message, prose and fences around the code", () => {
    const text = "Try this:\n```python\nfrom prefect.futures import (\n    wait,\n)\n```\nand it's done (really).";
    expect(prefectImports(text).map((i) => i.fq)).toEqual(["prefect.futures.wait"]);
  });

  it("still reads the statements around a syntax error", () => {
    const broken =
      "from prefect import flow\n@task\ndef add(a, b) -> int\n    return a + b\n@flow\ndef adder():\n    return 1";
    expect(decoratedFunctions(broken, "flow")).toEqual(["adder"]);
  });
});

describe("checkApiNames", () => {
  it("accepts real names and flags removed, not-yet and invented ones for the release", () => {
    expect(check("Import it with `from prefect.futures import wait` and call prefect.futures.wait(fs).")).toEqual([]);
    const removed = check("Use prefect.runner.submit_to_runner(flow).");
    expect(removed.map((f) => [f.code, f.symbol])).toEqual([["removed-api", "prefect.runner.submit_to_runner"]]);
    expect(removed[0]!.message).toMatch(/after Prefect 3\.4\.25/);
    expect(check("Use prefect.runner.submit_to_runner(flow).", [], "3.2.0")).toEqual([]);
    expect(check("from prefect.task_runners import ProcessPoolTaskRunner", [], "3.4.10")[0]!.code).toBe("not-yet-api");
    const invented = check("from prefect import wait");
    expect(invented[0]!.code).toBe("unknown-api");
    expect(invented[0]!.message).toMatch(/prefect\.futures\.wait/);
  });

  it("ignores file names, hosts and dunders that look dotted", () => {
    expect(check("Edit prefect.yaml, see docs.prefect.io, print prefect.__version__.")).toEqual([]);
  });

  it("flags .submit() on flows, but not on tasks", () => {
    const code =
      "@flow\ndef child(): ...\n@task\ndef step(): ...\n@flow\ndef parent():\n    child.submit()\n    step.submit()\n    other_flow.submit()";
    expect(check("", [code]).map((f) => f.excerpt)).toEqual(["child.submit()", "other_flow.submit()"]);
  });

  it("flags attributes the returned class lacks", () => {
    const code =
      "from prefect.deployments import run_deployment\nfut = run_deployment('a/b')\nprint(fut.id)\nfut.wait()";
    const found = check("", [code]);
    expect(found.map((f) => [f.code, f.excerpt])).toEqual([["unknown-attribute", "fut.wait()"]]);
    expect(found[0]!.message).toMatch(/returns a FlowRun/);
    expect(returnedClass(facts, "prefect.deployments.flow_runs.run_deployment", "3.8.3")).toBe(
      "prefect.client.schemas.objects.FlowRun",
    );
  });

  it("flags async-only functions called without await", () => {
    const sync = "from prefect.flow_runs import wait_for_flow_run\ndef f(run):\n    wait_for_flow_run(run.id)";
    expect(check("", [sync]).map((f) => f.code)).toEqual(["async-not-awaited"]);
    const awaited =
      "from prefect.flow_runs import wait_for_flow_run\nasync def f(run):\n    await wait_for_flow_run(run.id)";
    expect(check("", [awaited])).toEqual([]);
    // run_deployment is an async def made to work synchronously: calling it without await is fine.
    expect(check("", ["from prefect.deployments import run_deployment\nrun_deployment('a/b')"], "3.2.0")).toEqual([]);
  });
});

describe("checkClaims", () => {
  it("splits archived prose into sentences, joining lines broken around inline code", () => {
    expect(sentences("Use\n.submit()\nto run tasks. Then wait.").map((s) => s.text)).toEqual([
      "Use .submit() to run tasks.",
      "Then wait.",
    ]);
  });

  it("flags claims that flows support .submit() unless negated", () => {
    const claims = checkClaims(
      "Using .submit() to run subflows concurrently is supported in Prefect 3.x. Flows do not have a .submit() method. Only tasks have .submit(). Infrastructure-bound flows (@kubernetes) support .submit() from 3.3.6.",
      facts,
      "3.8.3",
    );
    expect(claims.map((c) => c.code)).toEqual(["member-claim"]);
    expect(claims[0]!.message).toMatch(/`Flow` objects have no `\.submit\(\)`; only tasks do/);
  });

  it("flags claims that direct calls return futures, but not the submit forms", () => {
    const text =
      "Calling tasks returns PrefectFutures; no .submit needed. Each call returns a PrefectFlowRunFuture. Calling .submit() on a task returns a PrefectFuture. Calling submit_to_work_pool returns a PrefectFlowRunFuture.";
    expect(checkClaims(text, facts, "3.8.3").map((c) => c.code)).toEqual([
      "task-call-future-claim",
      "subflow-call-future-claim",
    ]);
  });
});
