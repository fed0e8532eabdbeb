// Repairs that replace (rather than delete) what a release lacks, and the runtime traps no API check sees:
// unawaited async-only calls, awaited 3.x futures, `.value` on a 3.x Variable. Each result is linted again.
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnosis } from "../../../core/index.js";
import { loadPrefectFacts, type PrefectFacts } from "../../../knowledge/index.js";
import { createLinter, type Linter } from "../../../lint/index.js";
import { repairCode } from "./code-repairs.js";
import { repairOnTree } from "./tree-repairs.js";

let facts: PrefectFacts;
let linter: Linter;

beforeAll(async () => {
  facts = loadPrefectFacts();
  linter = await createLinter(facts);
});

function repair(code: string, version: string, extra: Diagnosis[] = []) {
  const first = linter.lint(code, version);
  const release = first.version;
  const major = release.startsWith("2.") ? 2 : 3;
  const hasFuturesWait = facts.presence("prefect.futures.wait", release).status === "present";
  const diagnoses = [...first.diagnoses, ...extra];
  // As check-code does: the text-level repairs, then the repairs on the tree (on the code they produced, linted).
  const text = repairCode(first.fixedCode, { major, hasFuturesWait, facts, release, diagnoses });
  const onTree = repairOnTree(text.code, linter.lint(text.code, release).diagnoses, { facts, release, major });
  const out = { ...text, code: onTree.code, notes: [...text.notes, ...onTree.notes] };
  const after = linter.lint(out.code, release).diagnoses.filter((d) => d.severity === "error");
  return { ...out, after };
}

const lines = (...l: string[]) => l.join("\n");

describe("replacements on 2.x instead of deletions", () => {
  it("ThreadPoolTaskRunner(max_workers=…) becomes ConcurrentTaskRunner() and says how to cap concurrency", () => {
    const r = repair(
      lines(
        "from prefect import flow, task",
        "from prefect.task_runners import ThreadPoolTaskRunner",
        "",
        "@task",
        "def io_call(i):",
        "    return i",
        "",
        "@flow(task_runner=ThreadPoolTaskRunner(max_workers=8))",
        "def pipeline():",
        "    futs = [io_call.submit(i) for i in range(20)]",
        "    return [f.result() for f in futs]",
      ),
      "2.20",
    );
    expect(r.code).toContain("from prefect.task_runners import ConcurrentTaskRunner");
    expect(r.code).toContain("@flow(task_runner=ConcurrentTaskRunner())");
    expect(r.code).not.toMatch(/max_workers|Orca removed/);
    expect(r.notes.map((n) => n.text).join(" ")).toMatch(/concurrency-limit|concurrency limit/);
    expect(r.after).toEqual([]);
  });

  it("cache_policy=INPUTS becomes cache_key_fn=task_input_hash with its import", () => {
    const r = repair(
      lines(
        "from prefect import task, flow",
        "from prefect.cache_policies import INPUTS",
        "",
        "@task(cache_policy=INPUTS, retries=2)",
        "def expensive(x):",
        "    return x * 10",
      ),
      "2.19.4",
    );
    expect(r.code).toContain("from prefect.tasks import task_input_hash");
    expect(r.code).toContain("@task(cache_key_fn=task_input_hash, retries=2)");
    expect(r.code).not.toMatch(/cache_policies|cache_policy/);
    expect(r.notes.map((n) => n.text).join(" ")).toMatch(/cache_expiration/);
    expect(r.after).toEqual([]);
  });

  it("a cache_policy keyword without the import is translated too", () => {
    const r = repair(
      lines("from prefect import task", "", "@task(cache_policy=my_policy)", "def f(x):", "    return x"),
      "2.20",
    );
    expect(r.code).toContain("@task(cache_key_fn=task_input_hash)");
    expect(r.code).toContain("from prefect.tasks import task_input_hash");
  });

  it("a policy that disables caching is just dropped on 2.x", () => {
    const r = repair(
      lines(
        "from prefect import task",
        "from prefect.cache_policies import NONE",
        "",
        "@task(cache_policy=NONE)",
        "def f(x):",
        "    return x",
      ),
      "2.20",
    );
    expect(r.code).toMatch(/^@task$/m);
    expect(r.code).not.toMatch(/task_input_hash|cache_polic/);
  });

  it("apply_async((5,)) inside a flow becomes .submit(5)", () => {
    const r = repair(
      lines(
        "from prefect import flow, task",
        "@task",
        "def crunch(n):",
        "    return n*n",
        "@flow",
        "def main():",
        "    crunch.apply_async((5,))",
      ),
      "2.16.9",
    );
    expect(r.code).toContain("crunch.submit(5)");
    expect(r.notes.map((n) => n.text).join(" ")).toMatch(/Prefect 3/);
    expect(r.after).toEqual([]);
  });

  it("delay() outside any flow is submitted from a small flow, since 2.x cannot submit outside one", () => {
    const r = repair(
      lines(
        "from prefect import task",
        "",
        "@task",
        "def send_email(to):",
        "    ...",
        "",
        'send_email.delay("a@b.com")',
      ),
      "2.19.4",
    );
    expect(r.code).toMatch(/@flow\ndef run_send_email\(\):\n {4}send_email\.submit\("a@b\.com"\)/);
    expect(r.code).toMatch(/^run_send_email\(\)$/m);
    expect(r.code).toMatch(/^from prefect import .*\bflow\b/m);
    expect(r.notes.map((n) => n.text).join(" ")).toMatch(/inside a flow/);
    expect(r.after).toEqual([]);
  });
});

describe("runtime traps", () => {
  it("wait_for_flow_run assigned in a sync flow runs through asyncio.run", () => {
    const r = repair(
      lines(
        "from prefect import flow",
        "from prefect.deployments import run_deployment",
        "from prefect.flow_runs import wait_for_flow_run",
        "",
        "@flow",
        "def parent():",
        '    run = run_deployment("child/prod", timeout=0)',
        "    finished = wait_for_flow_run(run.id)",
        "    print(finished.state)",
      ),
      "3.4.20",
    );
    expect(r.code).toContain("finished = asyncio.run(wait_for_flow_run(run.id))");
    expect(r.code).toMatch(/^import asyncio$/m);
    expect(r.after).toEqual([]);
  });

  it("an async-only call the linter reports gets `await` inside async code", () => {
    const code = lines(
      "from prefect import flow",
      "from prefect.flow_runs import wait_for_flow_run",
      "",
      "@flow",
      "async def parent(run_id):",
      "    finished = wait_for_flow_run(run_id)",
      "    return finished.state",
    );
    const r = repair(code, "3.4.20");
    expect(r.code).toContain("finished = await wait_for_flow_run(run_id)");
    expect(r.code).not.toContain("asyncio.run");
  });

  it("await on a submitted async task becomes an awaited call; on a sync task, .result()", () => {
    const r = repair(
      lines(
        "from prefect import flow, task",
        "",
        "@task",
        "async def fetch(u):",
        "    return u",
        "",
        "@task",
        "def parse(u):",
        "    return u",
        "",
        "@flow",
        "async def crawl(urls):",
        "    out = []",
        "    for u in urls:",
        "        out.append(await fetch.submit(u))",
        "        out.append(await parse.submit(u))",
        "    return out",
      ),
      "3.4.20",
    );
    expect(r.code).toContain("out.append(await fetch(u))");
    expect(r.code).toContain("out.append(parse.submit(u).result())");
    // The linter's not-awaitable diagnosis explains it; the repair on its node leaves nothing to report.
    expect(r.after.filter((d) => d.rule === "not-awaitable")).toEqual([]);
  });

  it("drops `.value` after Variable.get on 3.x and keeps it on 2.x", () => {
    const code = lines("from prefect.variables import Variable", 'base = Variable.get("api_base").value');
    const three = repair(code, "3.2.7");
    expect(three.code).toContain('base = Variable.get("api_base")');
    expect(three.code).not.toContain(".value");
    expect(repair(code, "2.19.8").code).toContain(".value");
  });
});

describe("pause_flow_run inside a task", () => {
  const code = lines(
    "from prefect import flow, task, pause_flow_run",
    "",
    "@task",
    "def approve():",
    "    pause_flow_run(timeout=600)",
    "",
    "@flow",
    "def release():",
    "    approve()",
  );

  it("moves the pause into the flow, before the task call, before 3.6.3", () => {
    const r = repair(code, "3.4.20");
    expect(r.code).toMatch(/def release\(\):\n {4}pause_flow_run\(timeout=600\)\n {4}approve\(\)/);
    expect(r.code).toMatch(/def approve\(\):\n {4}pass/);
    expect(r.after).toEqual([]);
  });

  it("leaves it where it is from 3.6.3, where a task may pause its flow run", () => {
    expect(repair(code, "3.6.3").code).toMatch(/def approve\(\):\n {4}pause_flow_run/);
  });
});
