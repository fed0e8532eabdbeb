import { describe, expect, it } from "vitest";
import { repairCode } from "./code-repairs.js";

const v3 = { major: 3 as const, hasFuturesWait: true };

describe("repairCode", () => {
  it("wraps submitted subflows in tasks, keeping the subflow's parameters", () => {
    const code = [
      "from prefect import flow",
      "",
      "@flow",
      "def child(n: int, scale: int = 2):",
      "    return n * scale",
      "",
      "@flow",
      "def parent():",
      "    f = child.submit(1)",
      "    return f.result()",
    ].join("\n");
    const { code: out, findings } = repairCode(code, v3);
    expect(out).toMatch(/@task\ndef run_child\(n: int, scale: int = 2\):\n {4}return child\(n=n, scale=scale\)/);
    expect(out).toContain("f = run_child.submit(1)");
    expect(out).toMatch(/^from prefect import flow, task$/m);
    expect(findings).toEqual([{ topic: "flow-submit", lines: [9] }]);
  });

  it("treats an undefined *_flow name as a flow but leaves tasks alone", () => {
    const code =
      "@flow\ndef main():\n    a = a_flow.submit()\n    b = my_task.submit()\n    return [a.result(), b.result()]";
    const withTask = `@task\ndef my_task():\n    return 1\n\n${code}`;
    const out = repairCode(withTask, v3).code;
    expect(out).toContain("run_a_flow.submit()");
    expect(out).toContain("b = my_task.submit()");
  });

  it("on Prefect 2 calls the subflow directly instead of adding a wrapper task", () => {
    const out = repairCode("@flow\ndef p():\n    return child_flow.submit(3)", {
      major: 2,
      hasFuturesWait: false,
    }).code;
    expect(out).toContain("return child_flow(3)");
    expect(out).not.toContain("@task");
  });

  it("moves wait and as_completed from prefect to prefect.futures", () => {
    const out = repairCode("from prefect import flow, wait, as_completed\n", v3).code;
    expect(out.split("\n").slice(0, 2)).toEqual([
      "from prefect import flow",
      "from prefect.futures import wait, as_completed",
    ]);
  });

  it("on Prefect 2 turns wait(futures) into waiting on each future, since prefect.futures.wait does not exist", () => {
    const code =
      "from prefect import flow, task, wait\n\n\n@flow\ndef f():\n    fs = [t.submit(i) for i in range(3)]\n    wait(fs)";
    const out = repairCode(code, { major: 2, hasFuturesWait: false }).code;
    expect(out).not.toMatch(/(?<![.\w])wait\(/);
    expect(out).toContain("    for future in fs:\n        future.wait()");
    expect(out).toMatch(/^from prefect import flow, task$/m);
  });

  it("resolves futures a 3.x flow leaves behind, naming bare submits", () => {
    const code = [
      "from prefect import flow, task",
      "",
      "@flow",
      "def f():",
      "    a = t.submit()",
      "    b = t.submit(a)",
      "    t.submit(b)",
      "    return None",
    ].join("\n");
    const { code: out, findings } = repairCode(code, v3);
    expect(out).toContain("    t_future = t.submit(b)");
    expect(out).toMatch(/ {4}wait\(\[t_future\]\)[^\n]*\n {4}return None/);
    expect(out).toContain("from prefect.futures import wait");
    expect(findings.find((f) => f.topic === "unresolved-futures")?.lines).toEqual([7]);
  });

  it("extends an existing wait(list) with the futures it missed", () => {
    const code = "@flow\ndef f():\n    fs = []\n    z = t.submit()\n    fs.append(z)\n    d = t.submit()\n    wait(fs)";
    const out = repairCode(code, v3).code;
    expect(out).toContain("    wait([*fs, d])");
  });

  it("adds the decorator imports a pasted fragment lacks", () => {
    expect(repairCode("@flow\ndef f():\n    return 1", v3).code).toMatch(/^from prefect import flow\n/);
  });

  it("leaves resolved futures and Prefect 2 flows alone", () => {
    const resolved = "@flow\ndef f():\n    a = t.submit()\n    return a.result()";
    expect(repairCode(resolved, v3).findings).toEqual([]);
    const chained = "from prefect import flow\n\n\n@flow\ndef f():\n    t.submit().wait()";
    expect(repairCode(chained, v3).code).toBe(chained);
    const v2 = "from prefect import flow\n\n\n@flow\ndef f():\n    t.submit()";
    expect(repairCode(v2, { major: 2, hasFuturesWait: false }).code).toBe(v2);
  });

  it("submits subflow calls through a task when their results are treated as futures (3.x)", () => {
    const code = [
      "@flow",
      "def child(name: str) -> str:",
      "    return name",
      "",
      "@flow",
      "def parent():",
      '    fs = [child("a"), child("b")]',
      "    return [f.result() for f in as_completed(fs)]",
    ].join("\n");
    const { code: out, findings } = repairCode(code, v3);
    expect(out).toContain('fs = [run_child.submit("a"), run_child.submit("b")]');
    expect(out).toMatch(/@task\ndef run_child\(name: str\):\n {4}return child\(name=name\)/);
    expect(findings).toEqual([{ topic: "subflow-call-result", lines: [7] }]);
  });

  it("leaves subflow calls whose results are used as values alone", () => {
    const code = "@flow\ndef child():\n    return 1\n\n@flow\ndef parent():\n    x = child()\n    return x + 1";
    expect(repairCode(code, v3).findings).toEqual([]);
  });

  it("maps a subflow through a wrapper task, resolving what the flow returns", () => {
    const code = "@flow\ndef child(n):\n    return n\n\n@flow\ndef parent():\n    return child.map([1, 2])";
    const { code: out, notes } = repairCode(code, v3);
    expect(out).toContain("    return run_child.map([1, 2]).result()");
    expect(notes.map((n) => n.rule)).toEqual(["unknown-attribute"]);
    // .map on something that is not known to be a flow is left alone
    expect(repairCode("@flow\ndef p():\n    return pool_flow.map(f, xs)", v3).code).toContain("pool_flow.map(");
  });
});
