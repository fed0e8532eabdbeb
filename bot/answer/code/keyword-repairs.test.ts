import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../../../core/index.js";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { repairKeywords } from "./keyword-repairs.js";

const facts = loadPrefectFacts();
const unknown = (callable: string, keyword: string, line: number): Diagnosis => ({
  rule: "unknown-parameter",
  severity: "error",
  line,
  column: 1,
  subject: { name: callable, keyword },
  message: `In Prefect 3.4.20, \`${callable}\` does not accept \`${keyword}=\`.`,
});

describe("repairKeywords", () => {
  it("renames a keyword when the callable takes exactly one parameter with its stem", () => {
    const { lines, fixes } = repairKeywords(
      ["@flow(task_runner=ThreadPoolTaskRunner(max_threads=4))"],
      [unknown("ThreadPoolTaskRunner", "max_threads", 1)],
      facts,
      "3.4.20",
    );
    expect(lines).toEqual(["@flow(task_runner=ThreadPoolTaskRunner(max_workers=4))"]);
    expect(fixes[0]?.replacement).toBe("max_workers=4");
  });

  it("translates run_deployment(wait=False) to timeout=0", () => {
    const { lines } = repairKeywords(
      ['    run = run_deployment("a/b", wait=False)'],
      [unknown("run_deployment", "wait", 1)],
      facts,
      "3.4.20",
    );
    expect(lines).toEqual(['    run = run_deployment("a/b", timeout=0)']);
  });

  it("drops a keyword it cannot map, and ignores other diagnoses", () => {
    const d = unknown("ThreadPoolTaskRunner", "colour", 1);
    expect(repairKeywords(["r = ThreadPoolTaskRunner(colour=1, max_workers=2)"], [d], facts, "3.4.20").lines).toEqual([
      "r = ThreadPoolTaskRunner(max_workers=2)",
    ]);
    const code = ["r = ThreadPoolTaskRunner(max_workers=2)"];
    expect(repairKeywords(code, [{ ...d, rule: "deprecated" }], facts, "3.4.20").lines).toEqual(code);
  });

  it("prefers the longer spelling of a keyword over a shared stem", () => {
    const { lines } = repairKeywords(
      ["@task(retries=3, retry_delay=10)"],
      [unknown("task", "retry_delay", 1)],
      facts,
      "3.4.20",
    );
    expect(lines).toEqual(["@task(retries=3, retry_delay_seconds=10)"]);
  });
});
