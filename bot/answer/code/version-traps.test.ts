import { beforeAll, describe, expect, it } from "vitest";
import { loadPrefectFacts, type PrefectFacts } from "../../../knowledge/index.js";
import { createLinter, type Linter } from "../../../lint/index.js";
import { repairPipeline } from "../../../test/support/repair-pipeline.js";
import { repairVersionTraps } from "./version-traps.js";

let facts: PrefectFacts;
let linter: Linter;
let repair: ReturnType<typeof repairPipeline>;

beforeAll(async () => {
  facts = loadPrefectFacts();
  linter = await createLinter(facts);
  repair = repairPipeline(facts, linter);
});

const lines = (...l: string[]) => l.join("\n");

describe("version traps", () => {
  it("turns NO_CACHE into NONE before 3.1.12 instead of deleting it (which would re-enable caching)", () => {
    const code = lines(
      "from prefect import flow, task",
      "from prefect.cache_policies import NO_CACHE",
      "",
      "@task(cache_policy=NO_CACHE)",
      "def t(i):",
      "    return i",
      "",
      "@flow",
      "def f():",
      "    return t(1)",
    );
    const old = repair(code, "3.1.5");
    expect(old.code).toContain("from prefect.cache_policies import NONE");
    expect(old.code).toContain("@task(cache_policy=NONE)");
    expect(old.notes.map((n) => n.text).join(" ")).toMatch(/NONE/);
    expect(old.after).toEqual([]);
    expect(repair(code, "3.4.0").code).toContain("cache_policy=NO_CACHE");
  });

  it("replaces prefect.futures.wait with per-future waits on 2.x", () => {
    const code = lines(
      "from prefect import flow, task",
      "from prefect.futures import wait",
      "",
      "@task",
      "def t(i):",
      "    return i",
      "",
      "@flow",
      "def f():",
      "    fs = [t.submit(i) for i in range(3)]",
      "    wait(fs)",
      "    return [x.result() for x in fs]",
    );
    const r = repair(code, "2.20");
    expect(r.code).not.toMatch(/prefect\.futures/);
    expect(r.code).toContain("future.wait()");
    expect(r.after).toEqual([]);
  });

  it("uses ThreadPoolTaskRunner before ProcessPoolTaskRunner exists and says when it arrives", () => {
    const code = lines(
      "from prefect import flow, task",
      "from prefect.task_runners import ProcessPoolTaskRunner",
      "",
      "@task",
      "def t(i):",
      "    return i",
      "",
      "@flow(task_runner=ProcessPoolTaskRunner(max_workers=4))",
      "def f():",
      "    return t.map(range(3)).result()",
    );
    const r = repair(code, "3.4.10");
    expect(r.code).toContain("ThreadPoolTaskRunner(max_workers=4)");
    expect(r.code).not.toContain("ProcessPoolTaskRunner");
    expect(r.notes.map((n) => n.text).join(" ")).toMatch(/3\.4\.14/);
    expect(r.after).toEqual([]);
    // On a release that has it, nothing changes.
    expect(repair(code, "3.4.20").code).toContain("ProcessPoolTaskRunner(max_workers=4)");
  });

  it("turns submit_to_runner into run_deployment on 3.6 and on 3.4 (deprecated)", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.runner import submit_to_runner, wait_for_submitted_runs",
      "",
      "@flow",
      "def score_it(n: int) -> int:",
      "    return n",
      "",
      'if __name__ == "__main__":',
      '    runs = submit_to_runner(score_it, parameters=[{"n": i} for i in range(3)])',
      "    wait_for_submitted_runs()",
    );
    for (const version of ["3.6.0", "3.4.20"]) {
      const r = repair(code, version);
      expect(r.code).not.toMatch(/submit_to_runner|wait_for_submitted_runs/);
      expect(r.code).toContain('run_deployment("score-it/score-it", parameters=p) for p in [{"n": i}');
      expect(r.after).toEqual([]);
    }
    expect(repair(code, "3.2.0").code).toContain("submit_to_runner(");
  });

  it("turns Deployment.build_from_flow(...).apply() into flow.serve on 3.x, dropping keywords serve lacks", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.deployments import Deployment",
      "",
      "@flow",
      "def etl():",
      "    pass",
      "",
      'if __name__ == "__main__":',
      '    d = Deployment.build_from_flow(flow=etl, name="nightly", work_queue_name="q", tags=["a"])',
      "    d.apply()",
    );
    const r = repair(code, "3");
    expect(r.code).toContain('etl.serve(name="nightly", tags=["a"])');
    expect(r.code).not.toMatch(/Deployment|apply\(|work_queue_name/);
    expect(r.after).toEqual([]);
  });

  it("replaces SequentialTaskRunner on 3.x and leaves it alone on 2.x", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.task_runners import SequentialTaskRunner",
      "",
      "@flow(task_runner=SequentialTaskRunner())",
      "def f():",
      "    return 1",
    );
    const r = repair(code, "3.4.20");
    expect(r.code).toContain("@flow(task_runner=ThreadPoolTaskRunner(max_workers=1))");
    expect(r.after).toEqual([]);
    expect(repair(code, "2.20").code).toBe(code);
  });

  it("reads JSON blocks as Variables from 3.5 on and notes the removal release when only deprecated", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.blocks.system import JSON",
      "",
      "@flow",
      "def f():",
      '    return JSON.load("cfg").value["n"]',
    );
    for (const version of ["3.6.0", "3.4.20"]) {
      const r = repair(code, version);
      expect(r.code).toContain('return Variable.get("cfg")["n"]');
      expect(r.after).toEqual([]);
    }
    expect(
      repair(code, "3.4.20")
        .notes.map((n) => n.text)
        .join(" "),
    ).toMatch(/3\.5\.0/);
  });

  it("uses the older schedule classes before prefect.schedules exists", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.schedules import Cron",
      "",
      "@flow",
      "def f():",
      "    pass",
      "",
      'f.serve(name="n", schedules=[Cron("0 3 * * *")])',
    );
    const r = repair(code, "3.1.0");
    expect(r.code).toContain('CronSchedule(cron="0 3 * * *")');
    expect(r.after).toEqual([]);
    expect(repair(code, "3.4.20").code).toContain('Cron("0 3 * * *")');
  });

  it("renames an unknown name to the existing stem in the same module", () => {
    const code = lines(
      "from prefect import flow, task",
      "from prefect.futures import wait_all",
      "",
      "@flow",
      "def f():",
      "    fs = t.map(range(3))",
      "    wait_all(fs)",
      "    return fs.result()",
    );
    const r = repair(code, "3.4.20");
    expect(r.code).toMatch(/^from prefect\.futures import wait$/m);
    expect(r.code).toContain("    wait(fs)");
    expect(r.after).toEqual([]);
  });

  it("removes names with no safe rewrite, and what depends on them, with a comment", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.orchestration import trigger_flow",
      "",
      "@flow",
      "def f():",
      '    run = trigger_flow("a/b")',
      "    print(run.id)",
    );
    const r = repair(code, "3.4.20");
    expect(r.code).not.toMatch(/trigger_flow\(|run\.id/);
    expect(r.code).toMatch(/# Orca removed this: prefect\.orchestration\.trigger_flow/);
    expect(r.code).toMatch(/\n {4}pass$/);
    expect(r.notes.map((n) => n.text).join(" ")).toMatch(/run_deployment/);
    expect(r.after).toEqual([]);
  });

  it("leaves code that only uses names present in the release untouched", () => {
    const code = lines(
      "from prefect import flow, task",
      "from prefect.futures import wait",
      "from prefect.task_runners import ThreadPoolTaskRunner",
      "",
      "@flow(task_runner=ThreadPoolTaskRunner(max_workers=2))",
      "def f():",
      "    return 1",
    );
    expect(repairVersionTraps(code, { facts, release: "3.4.20", major: 3 })).toEqual({
      code,
      findings: [],
    });
  });

  it("keeps a positional deployment name and drops keywords of a replacement whose parameters are unknown", () => {
    const deploy = lines(
      "from prefect import flow",
      "from prefect.deployments import Deployment",
      "",
      "@flow",
      "def etl():",
      "    pass",
      "",
      'Deployment.build_from_flow(etl, "nightly").apply()',
    );
    expect(repair(deploy, "3.4.20").code).toContain('etl.serve(name="nightly")');
    const pool = lines(
      "from prefect import flow",
      "from prefect.task_runners import ProcessPoolTaskRunner",
      "",
      "@flow(task_runner=ProcessPoolTaskRunner(max_workers=2))",
      "def f():",
      "    return 1",
    );
    const r = repair(pool, "2.20");
    expect(r.code).toContain("@flow(task_runner=ConcurrentTaskRunner())");
    expect(r.after).toEqual([]);
  });

  it("does not touch names the linter does not report (settings are created at run time)", () => {
    const code = lines("from prefect.settings import PREFECT_API_URL", "", "print(PREFECT_API_URL.value())");
    expect(repair(code, "3.8.3").code).toBe(code);
  });

  it("moves names the curated notes place elsewhere (integration packages, renamed modules)", () => {
    const dask = lines(
      "from prefect import flow",
      "from prefect.task_runners import DaskTaskRunner",
      "",
      "@flow(task_runner=DaskTaskRunner())",
      "def f():",
      "    pass",
    );
    const r = repair(dask, "3.4.20");
    expect(r.code).toMatch(/^from prefect_dask import DaskTaskRunner$/m);
    expect(r.code).toContain("@flow(task_runner=DaskTaskRunner())");
    const worker = lines("from prefect.task_server import serve", "", "serve(t)");
    expect(repair(worker, "3.4.20").code).toMatch(/^from prefect\.task_worker import serve$/m);
  });

  it("turns the removed variables.get into Variable.get on 3.x", () => {
    const code = lines("from prefect.variables import get", "", 'value = get("x")');
    const r = repair(code, "3.4.20");
    expect(r.code).toContain('value = Variable.get("x")');
    expect(r.after).toEqual([]);
    expect(repair(code, "2.20").code).toBe(code);
  });

  it("uses .submit() for .delay() on 2.x, where background tasks do not exist", () => {
    const code = lines(
      "from prefect import flow, task",
      "",
      "@task",
      "def t(x):",
      "    return x",
      "",
      "@flow",
      "def f():",
      "    t.delay(1)",
    );
    const r = repair(code, "2.20");
    expect(r.code).toContain("    t.submit(1)");
    expect(r.after).toEqual([]);
    expect(repair(code, "3.4.20").code).toContain("t.delay(1)");
  });

  it("keeps a decorator when only one of its arguments has to go", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.task_runners import MadeUpRunner",
      "",
      "@flow(retries=2, task_runner=MadeUpRunner())",
      "def f():",
      "    pass",
    );
    const r = repair(code, "3.4.20");
    expect(r.code).toMatch(/# Orca removed this[^\n]*\n@flow\(retries=2\)\ndef f\(\):/);
    expect(r.after).toEqual([]);
  });
});
