// Keyword repairs on the tree: the linter's unknown-parameter diagnosis points at the argument, the repair edits only
// that argument, and applyFixes applies it.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { createLinter } from "../../../lint/index.js";
import { repairOnTree } from "./tree-repairs.js";

const facts = loadPrefectFacts();
const linter = await createLinter(facts);

function repair(code: string, release = "3.4.20") {
  const { diagnoses } = linter.lint(code, release);
  return repairOnTree(code, diagnoses, { facts, release, major: release.startsWith("2") ? 2 : 3 });
}

const RUNNER = "from prefect.task_runners import ThreadPoolTaskRunner\n";
const DEPLOY = "from prefect.deployments import run_deployment\n";
const TASK = "from prefect import task\n";
const FLOW = "from prefect import flow\n";

describe("repairKeyword", () => {
  it.each([
    {
      name: "renames a keyword when the callable takes exactly one parameter with its stem",
      code: `${RUNNER}r = ThreadPoolTaskRunner(max_threads=4)`,
      expected: `${RUNNER}r = ThreadPoolTaskRunner(max_workers=4)`,
      note: "Orca passes `max_workers=4` instead of `max_threads=`.",
    },
    {
      name: "translates run_deployment(wait=False) to timeout=0",
      code: `${DEPLOY}run = run_deployment("a/b", wait=False)`,
      expected: `${DEPLOY}run = run_deployment("a/b", timeout=0)`,
      note: "Orca passes `timeout=0` instead of `wait=`.",
    },
    {
      name: "drops a keyword it cannot map, with its comma",
      code: `${RUNNER}r = ThreadPoolTaskRunner(colour=1, max_workers=2)`,
      expected: `${RUNNER}r = ThreadPoolTaskRunner(max_workers=2)`,
      note: "Orca dropped `colour=`.",
    },
    {
      name: "prefers the longer spelling of a keyword over a shared stem",
      code: `${TASK}\n@task(retries=3, retry_delay=10)\ndef f():\n    pass`,
      expected: `${TASK}\n@task(retries=3, retry_delay_seconds=10)\ndef f():\n    pass`,
      note: "Orca passes `retry_delay_seconds=10` instead of `retry_delay=`.",
    },
    {
      name: "keeps the layout of a call spread over lines",
      code: `${RUNNER}r = ThreadPoolTaskRunner(\n    max_threads=4,  # four\n)`,
      expected: `${RUNNER}r = ThreadPoolTaskRunner(\n    max_workers=4,  # four\n)`,
      note: "Orca passes `max_workers=4` instead of `max_threads=`.",
    },
    {
      name: "passes a singular keyword's value as a list to the plural the method takes (Flow.deploy on 3.1)",
      code: `${FLOW}\n@flow\ndef etl():\n    pass\n\netl.deploy(name="n", work_pool_name="p", schedule=sched)`,
      expected: `${FLOW}\n@flow\ndef etl():\n    pass\n\netl.deploy(name="n", work_pool_name="p", schedules=[sched])`,
      note: "Orca passes `schedules=[sched]` instead of `schedule=`.",
      release: "3.1.0",
    },
    {
      name: "turns a 2.x inactive schedule into paused=True on a 3.x serve",
      code: `etl.serve(name="dash", cron="*/30 * * * *", is_schedule_active=False)`,
      expected: `etl.serve(name="dash", cron="*/30 * * * *", paused=True)`,
      note: "Orca passes `paused=True` instead of `is_schedule_active=`.",
      release: "3.4.20",
    },
    {
      name: "reads the method's own parameters, not a module function's of the same short name",
      code: `etl.to_deployment(name="n", work_queue="q", tags=["a"])`,
      expected: `etl.to_deployment(name="n", work_queue_name="q", tags=["a"])`,
      note: 'Orca passes `work_queue_name="q"` instead of `work_queue=`.',
      release: "3.4.20",
    },
  ])("$name", ({ code, expected, note, release = "3.4.20" }) => {
    const out = repair(code, release);
    expect(out.code).toBe(expected);
    expect(out.notes.map((n) => n.text)).toEqual([note]);
    expect(linter.lint(out.code, release).diagnoses.filter((d) => d.rule === "unknown-parameter")).toEqual([]);
  });

  it("adds the import a translation introduces (2.x has no cache policies)", () => {
    const code = `${TASK}\n@task(cache_policy=my_policy)\ndef f(x):\n    return x`;
    const out = repair(code, "2.20.0");
    expect(out.code).toBe(
      "from prefect import task\nfrom prefect.tasks import task_input_hash\n\n@task(cache_key_fn=task_input_hash)\ndef f(x):\n    return x",
    );
  });

  it("leaves code without unknown keywords as the linter's fixes make it", () => {
    const code = `${RUNNER}r = ThreadPoolTaskRunner(max_workers=2)`;
    expect(repair(code)).toEqual({ code, notes: [], repaired: [] });
  });
});
