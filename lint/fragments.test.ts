// How the linter treats partial code: snippets with a syntax error, one-line fragments, names used without imports.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "./create-linter.js";

const linter = await createLinter(loadPrefectFacts());
const rules = (code: string, version: string) => linter.lint(code, version).diagnoses.map((d) => `${d.line} ${d.rule}`);

describe("a syntax error does not hide the rest", () => {
  it("checks the parts that parse when one statement is broken", () => {
    const code = [
      "from prefect import flow, task",
      "from prefect.task_runners import ThreadPoolTaskRunner",
      "",
      "def broken(:",
      "    pass",
      "",
      "@task",
      "def t(x):",
      "    return x",
      "",
      "@flow(task_runner=ThreadPoolTaskRunner(max_workers=2))",
      "def f():",
      "    t.submit(1)",
      '    print("done")',
    ].join("\n");
    expect(rules(code, "3.4.20")).toEqual(["4 syntax-error", "13 unresolved-futures"]);
    expect(rules(code, "2.19.4")).toContain("2 not-yet-available");
  });

  it.each([
    [
      "an exception line under the code that raised it",
      "threshold = Variable.get(\"min_rows\")\nif count < threshold:\nTypeError: '<' not supported between instances\n",
      "2.20.3",
      ["2 record-used-as-value"],
    ],
    [
      "a traceback pasted after the code",
      'from prefect import flow\n\n@flow\ndef f():\n    return 1\nf.submit()\nTraceback (most recent call last):\n  File "x.py", line 6\n',
      "3.4.20",
      ["6 unknown-attribute"],
    ],
    [
      "a block header the paste cut short",
      'threshold = Variable.get("min_rows")\nif count < threshold:\n',
      "2.20.3",
      ["2 record-used-as-value"],
    ],
  ])("checks the code above pasted output whole: %s", (_, code, version, expected) => {
    expect(rules(code, version)).toEqual(expected);
  });

  it("reports only the syntax error when nothing else is wrong", () => {
    expect(rules("from prefect import flow\n\ndef f(:\n    pass\n", "3.4.20")).toEqual(["3 syntax-error"]);
  });
});

describe("one-line fragments", () => {
  it("checks a lone decorator as if a function followed it", () => {
    expect(rules("@flow(task_runner=ConcurrentTaskRunner(max_workers=4))", "2.18.3")).toEqual(["1 unknown-parameter"]);
    expect(rules("@flow(task_runner=ConcurrentTaskRunner(max_workers=4))", "3.4.20")).toEqual([]);
  });

  it("resolves well-known Prefect names used without an import", () => {
    expect(rules('run = run_deployment("etl/prod")\nout = run.result()', "3.6.2")).toEqual(["2 unknown-attribute"]);
    expect(rules('v = Variable.get("x").value', "3.4.20")).toEqual(["1 unknown-attribute"]);
  });

  it("leaves names alone when the snippet defines them, star-imports, or they are generic", () => {
    expect(rules('def run_deployment(name):\n    return name\nrun_deployment("a").result()', "3.6.2")).toEqual([]);
    expect(rules('from helpers import *\nrun_deployment("a").result()', "3.6.2")).toEqual([]);
    expect(rules("wait(futures, nonsense=1)\nserve(x, bogus=2)", "3.4.20")).toEqual([]);
  });

  // A name the fragment never defines, called with a method only flows have, is a flow; anything else stays unknown.
  it.each([
    ['etl.deploy(name="crm", work_pool_name="k8s", schedule=s)', "3.1.0", ["1 unknown-parameter"]],
    ['etl.deploy(name="crm", work_pool_name="k8s", schedule=s)', "3.2.0", []],
    ['etl.to_deployment(name="crm", work_queue="q")', "3.4.20", ["1 unknown-parameter"]],
    // A method both have is read by the keywords only one of them takes.
    ['etl.serve(name="crm", bogus=1)', "3.4.20", ["1 unknown-parameter"]],
    ["app.serve(port=8000, bogus=1)", "3.4.20", []],
    ["etl.submit(bogus=1)", "3.4.20", []],
    ['def etl():\n    pass\netl.deploy(name="crm", schedule=s)', "3.1.0", []],
    ['from helpers import *\netl.deploy(name="crm", schedule=s)', "3.1.0", []],
    // A method only tasks have, called on an undefined name inside a flow, is a task's: its futures are checked.
    ["@flow\ndef push(paths):\n    for p in paths:\n        upload.submit(p)", "3.4.20", ["4 unresolved-futures"]],
    ["def push(paths):\n    for p in paths:\n        pool.submit(p)", "3.4.20", []],
  ])("%s on %s", (code, version, expected) => {
    expect(rules(code, version)).toEqual(expected);
  });

  it("reads flow.from_source as Flow.from_source", () => {
    const code =
      'from prefect import flow\nflow.from_source(source="https://x/y.git", entrypoint="a.py:f").deploy(name="p")';
    expect(rules(code, "2.12.1")).toEqual(["2 not-yet-available"]);
    expect(rules(code, "2.19.4")).toEqual([]);
  });
});
