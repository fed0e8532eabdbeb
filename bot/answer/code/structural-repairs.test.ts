import { describe, expect, it } from "vitest";
import type { RuleId } from "../../../core/index.js";
import { fallBackToThreads, repairStructure } from "./structural-repairs.js";

const run = (code: string, ...rules: RuleId[]) => repairStructure(code.split("\n"), new Set(rules));
const lines = (...l: string[]) => l.join("\n");

const serialLoop = lines(
  "@flow",
  "def crawl(urls):",
  "    sizes = []",
  "    for url in urls:",
  "        sizes.append(fetch.submit(url).result())",
  "    return sizes",
);

describe("repairStructure", () => {
  it("submits every task of a serial loop first, then resolves the futures", () => {
    const { lines: out, findings } = run(serialLoop, "serial-submit");
    expect(out.join("\n")).toContain(
      lines(
        "    fetch_futures = [fetch.submit(url) for url in urls]  # submit all first",
        "    for future in fetch_futures:",
        "        sizes.append(future.result())",
      ),
    );
    expect(findings.map((f) => f.rule)).toEqual(["serial-submit"]);
  });

  it("keeps the loop variable when the body still uses it", () => {
    const code = lines("    for u in urls:", "        print(u, fetch.submit(u).result())");
    expect(run(code, "serial-submit").lines[1]).toBe("    for u, future in zip(urls, fetch_futures):");
  });

  it("does not submit ahead when the arguments depend on the loop body", () => {
    const code = lines("    for u in urls:", "        x = u * 2", "        out.append(fetch.submit(x).result())");
    expect(run(code, "serial-submit").lines.join("\n")).toBe(code);
  });

  it("rewrites a serial comprehension into submit-then-resolve", () => {
    const out = run("    return [double.submit(x).result() for x in xs]", "serial-submit").lines[0];
    expect(out).toBe("    return [future.result() for future in [double.submit(x) for x in xs]]");
  });

  it("makes a sync flow that calls async tasks async, awaits them and runs it with asyncio.run", () => {
    const code = lines(
      "from prefect import flow, task",
      "",
      "@task",
      "async def fetch(i):",
      "    return i",
      "",
      "@flow",
      "def collect():",
      "    return [fetch(i) for i in range(3)]",
      "",
      'if __name__ == "__main__":',
      "    collect()",
    );
    const out = run(code, "async-task-in-sync-flow").lines.join("\n");
    expect(out).toContain("async def collect():\n    return [await fetch(i) for i in range(3)]");
    expect(out).toContain("    asyncio.run(collect())");
    expect(out.startsWith("import asyncio\n")).toBe(true);
  });

  it("moves a nested task of a flow to module level", () => {
    const code = lines(
      "@flow(task_runner=ProcessPoolTaskRunner())",
      "def crunch(values):",
      "    @task",
      "    def square(x):",
      "        return x * x",
      "",
      "    return square.map(values).result()",
    );
    const out = run(code, "process-pool-pickling").lines.join("\n");
    expect(out).toMatch(/^@task\ndef square\(x\):\n {4}return x \* x\n\n\n@flow/);
    expect(out).toContain("def crunch(values):\n    return square.map(values).result()");
  });

  it("leaves a nested task that reads the flow's variables in place", () => {
    const code = lines(
      "@flow",
      "def crunch(k):",
      "    @task",
      "    def scale(x):",
      "        return x * k",
      "    return scale.map([1]).result()",
    );
    expect(run(code, "process-pool-pickling").lines.join("\n")).toBe(code);
  });

  it("replaces a self-contained lambda with a named module-level function", () => {
    const code = lines("@flow", "def t(values):", "    return apply.map(values, unmapped(lambda v: v * 2)).result()");
    const out = run(code, "process-pool-pickling").lines.join("\n");
    expect(out).toMatch(/^def transform_value\(v\):\n {4}return v \* 2\n/);
    expect(out).toContain("unmapped(transform_value)");
  });

  it("falls back to threads for what cannot be moved", () => {
    const out = fallBackToThreads([
      "from prefect.task_runners import ProcessPoolTaskRunner",
      "@flow(task_runner=ProcessPoolTaskRunner())",
    ])?.lines;
    expect(out).toEqual([
      "from prefect.task_runners import ThreadPoolTaskRunner",
      "@flow(task_runner=ThreadPoolTaskRunner())",
    ]);
  });

  it("changes nothing for rules the linter did not report", () => {
    expect(run(serialLoop).lines.join("\n")).toBe(serialLoop);
  });

  it("leaves a flow that other functions call sync (they would get a coroutine)", () => {
    const code = lines(
      "@task",
      "async def a(x):",
      "    return x",
      "",
      "@flow",
      "def f():",
      "    return a(1)",
      "",
      "@flow",
      "def g():",
      "    return f()",
    );
    expect(run(code, "async-task-in-sync-flow").lines.join("\n")).toBe(code);
  });

  it("hoists a submit assigned in the loop and resolved later in the same iteration", () => {
    const code = lines(
      "    for x in xs:",
      "        f = double.submit(x)",
      "        print(x)",
      "        out.append(f.result())",
    );
    expect(run(code, "serial-submit").lines).toEqual([
      "    double_futures = [double.submit(x) for x in xs]  # submit all first",
      "    for x, f in zip(xs, double_futures):",
      "        print(x)",
      "        out.append(f.result())",
    ]);
  });
});
