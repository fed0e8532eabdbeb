// The structural repairs on the tree, from a Python fixture to the exact repaired code: serial submits, async tasks
// in sync flows, work a process pool cannot pickle. A fixture without an `.expected.py` must come out unchanged.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RuleId } from "../../../core/index.js";
import { fallBackToThreads, repairStructure } from "./structural-repairs.js";

const path = (name: string) => new URL(`./fixtures/structure/${name}.py`, import.meta.url);
const read = (name: string) => readFileSync(path(name), "utf8");
const expected = (name: string) => (existsSync(path(`${name}.expected`)) ? read(`${name}.expected`) : read(name));

describe("repairStructure", () => {
  it.each([
    // fixture, rule reported, whether the repair applies
    ["serial-loop", "serial-submit", true],
    ["serial-loop-keeps-variable", "serial-submit", true],
    // The submitted argument is computed in the loop body: it cannot be submitted ahead.
    ["serial-loop-depends-on-body", "serial-submit", false],
    ["serial-loop-assigned", "serial-submit", true],
    ["serial-comprehension", "serial-submit", true],
    // Only calls are awaited (not text in a string), and the entry point runs the flow with asyncio.run.
    ["async-flow", "async-task-in-sync-flow", true],
    // Another flow calls it: made async, it would hand that flow a coroutine.
    ["async-flow-called-by-flow", "async-task-in-sync-flow", false],
    ["nested-task", "process-pool-pickling", true],
    // The task reads the flow's variable `k`: moved out, it would lose it.
    ["nested-task-closure", "process-pool-pickling", false],
    // A keyword argument's name inside the lambda is not a free variable.
    ["lambda", "process-pool-pickling", true],
  ] as const)("%s (%s)", (name, rule, applies) => {
    const { code, findings } = repairStructure(read(name), new Set<RuleId>([rule]));
    expect(code).toBe(expected(name));
    expect(findings.map((f) => f.rule)).toEqual(applies ? [rule] : []);
  });

  it("changes nothing for rules the linter did not report", () => {
    expect(repairStructure(read("serial-loop"), new Set()).code).toBe(read("serial-loop"));
  });
});

describe("fallBackToThreads", () => {
  it.each(["threads", "threads-both-imported"])("%s", (name) => {
    expect(fallBackToThreads(read(name))?.code).toBe(expected(name));
  });

  it("leaves code without a process pool alone", () => {
    expect(fallBackToThreads(read("serial-loop"))).toBeNull();
  });
});
