import { describe, expect, it } from "vitest";
import type { Diagnosis, RuleId } from "../../core/index.js";
import { loadPrefectFacts } from "../../knowledge/index.js";
import { createLinter } from "../create-linter.js";

const linter = await createLinter(loadPrefectFacts());

interface Case {
  name: string;
  version: string;
  code: string;
}

function find(code: string, version: string, rule: RuleId, text?: RegExp): Diagnosis | undefined {
  return linter.lint(code, version).diagnoses.find((d) => d.rule === rule && (!text || text.test(d.message)));
}

/** Every positive must be found with a message naming the release; every negative must stay quiet. */
function suite(title: string, rule: RuleId, text: RegExp | undefined, positives: Case[], negatives: Case[]): void {
  describe(title, () => {
    it.each(positives)("finds: $name", ({ code, version }) => {
      const d = find(code, version, rule, text);
      expect(d, `expected ${rule}`).toBeDefined();
      expect(d!.message).toContain(`In Prefect ${linter.lint("", version).version}`);
    });
    it.each(negatives)("stays quiet: $name", ({ code, version }) => {
      expect(find(code, version, rule, text)).toBeUndefined();
    });
  });
}

const WAIT = "from prefect import flow\nfrom prefect.flow_runs import wait_for_flow_run\n\n";

suite(
  "missing-await",
  "missing-await",
  undefined,
  [
    {
      name: "wait_for_flow_run in a sync flow",
      version: "3.4.20",
      code: `${WAIT}@flow\ndef parent(run_id):\n    finished = wait_for_flow_run(run_id)\n    print(finished.state)\n`,
    },
    {
      name: "wait_for_flow_run in an async flow without await",
      version: "2.19.4",
      code: `${WAIT}@flow\nasync def parent(run_id):\n    finished = wait_for_flow_run(run_id)\n    return finished.state\n`,
    },
    {
      name: "an explicit async twin (Variable.aget) in sync code",
      version: "3.8.3",
      code: 'from prefect.variables import Variable\n\ndef read():\n    value = Variable.aget("x")\n    print(value)\n',
    },
    {
      name: "an async PrefectClient method",
      version: "3.4.20",
      code: "from prefect import get_client\n\nasync def state(run_id):\n    async with get_client() as client:\n        run = client.read_flow_run(run_id)\n        return run.state\n",
    },
    {
      name: "arun_deployment passed to print",
      version: "3.8.3",
      code: 'from prefect.deployments import arun_deployment\n\nprint(arun_deployment("etl/prod"))\n',
    },
  ],
  [
    {
      name: "awaited in an async flow",
      version: "3.4.20",
      code: `${WAIT}@flow\nasync def parent(run_id):\n    finished = await wait_for_flow_run(run_id)\n    return finished.state\n`,
    },
    {
      name: "run by asyncio.run from sync code",
      version: "3.4.20",
      code: `import asyncio\n${WAIT}@flow\ndef parent(run_id):\n    return asyncio.run(wait_for_flow_run(run_id)).state\n`,
    },
    {
      name: "gathered from a comprehension",
      version: "3.4.20",
      code: `import asyncio\n${WAIT}@flow\nasync def parent(ids):\n    return await asyncio.gather(*[wait_for_flow_run(i) for i in ids])\n`,
    },
    {
      name: "stored, then awaited",
      version: "3.4.20",
      code: `${WAIT}async def parent(run_id):\n    pending = wait_for_flow_run(run_id)\n    return await pending\n`,
    },
    {
      name: "run_deployment up to 3.6.10 is sync-compatible",
      version: "3.4.20",
      code: 'from prefect import flow\nfrom prefect.deployments import run_deployment\n\n@flow\ndef parent():\n    run = run_deployment("etl/prod")\n    return run.state\n',
    },
    {
      name: "the sync client",
      version: "3.4.20",
      code: "from prefect import get_client\n\ndef state(run_id):\n    with get_client(sync_client=True) as client:\n        return client.read_flow_run(run_id).state\n",
    },
    {
      name: "an awaited client call",
      version: "2.19.4",
      code: "from prefect import get_client\n\nasync def state(run_id):\n    async with get_client() as client:\n        return (await client.read_flow_run(run_id)).state\n",
    },
    {
      name: "Variable.get is sync-compatible",
      version: "3.2.7",
      code: 'from prefect.variables import Variable\n\ndef read():\n    return Variable.get("x", default=1)\n',
    },
  ],
);

const ASYNC_TASK = "from prefect import flow, task\n\n@task\nasync def fetch(u):\n    return u\n\n";

suite(
  "not-awaitable",
  "not-awaitable",
  undefined,
  [
    {
      name: "await on .submit() inline",
      version: "3.4.20",
      code: `${ASYNC_TASK}@flow\nasync def crawl(urls):\n    results = []\n    for u in urls:\n        results.append(await fetch.submit(u))\n    return results\n`,
    },
    {
      name: "await on a stored future",
      version: "3.0.0",
      code: `${ASYNC_TASK}@flow\nasync def crawl(u):\n    future = fetch.submit(u)\n    return await future\n`,
    },
    {
      name: "await on .map()",
      version: "3.8.3",
      code: `${ASYNC_TASK}@flow\nasync def crawl(urls):\n    return await fetch.map(urls)\n`,
    },
  ],
  [
    {
      name: "2.x futures were awaitable",
      version: "2.19.4",
      code: `${ASYNC_TASK}@flow\nasync def crawl(u):\n    return await fetch.submit(u)\n`,
    },
    {
      name: "awaiting the async task itself",
      version: "3.4.20",
      code: `${ASYNC_TASK}@flow\nasync def crawl(u):\n    return await fetch(u)\n`,
    },
    {
      name: "resolving the future with .result()",
      version: "3.4.20",
      code: `${ASYNC_TASK}@flow\ndef crawl(u):\n    return fetch.submit(u).result()\n`,
    },
  ],
);

const PAUSE = "from prefect import flow, task, pause_flow_run\n\n";

suite(
  "pause_flow_run inside a task",
  "not-yet-available",
  /Cannot pause task runs/,
  [
    {
      name: "3.4 task",
      version: "3.4.20",
      code: `${PAUSE}@task\ndef approve():\n    pause_flow_run(timeout=600)\n\n@flow\ndef release():\n    approve()\n`,
    },
    {
      name: "2.x task",
      version: "2.19.4",
      code: `${PAUSE}@task\ndef approve():\n    pause_flow_run(timeout=600)\n`,
    },
    {
      name: "the last release before the change",
      version: "3.6.2",
      code: `${PAUSE}@task\ndef approve():\n    return pause_flow_run(timeout=60)\n`,
    },
  ],
  [
    {
      name: "from 3.6.3 it pauses the parent flow run",
      version: "3.6.3",
      code: `${PAUSE}@task\ndef approve():\n    pause_flow_run(timeout=600)\n`,
    },
    {
      name: "in the flow body",
      version: "3.4.20",
      code: `${PAUSE}@flow\ndef release():\n    pause_flow_run(timeout=600)\n`,
    },
    {
      name: "a plain helper function",
      version: "2.19.4",
      code: `${PAUSE}def approve():\n    pause_flow_run(timeout=600)\n`,
    },
  ],
);

const VARIABLE = "from prefect.variables import Variable\n\n";

suite(
  "Variable.get(...).value",
  "unknown-attribute",
  /Variable\.get\(\)/,
  [
    { name: "chained", version: "3.2.7", code: `${VARIABLE}base = Variable.get("api_base").value\n` },
    { name: "through a name", version: "3.4.20", code: `${VARIABLE}v = Variable.get("api_base")\nprint(v.value)\n` },
    {
      name: "awaited aget",
      version: "3.8.3",
      code: `${VARIABLE}async def read():\n    return (await Variable.aget("x")).value\n`,
    },
  ],
  [
    { name: "2.x returned a Variable", version: "2.19.8", code: `${VARIABLE}base = Variable.get("api_base").value\n` },
    { name: "3.x value used directly", version: "3.4.20", code: `${VARIABLE}base = Variable.get("api_base")\n` },
    {
      name: "a dict value indexed by key",
      version: "3.4.20",
      code: `${VARIABLE}cfg = Variable.get("cfg", default={"value": 1})\nprint(cfg["value"])\n`,
    },
  ],
);

describe("runtime-rule fixes", () => {
  it("drops .value after Variable.get on 3.x", () => {
    const code = `${VARIABLE}base = Variable.get("api_base").value\n`;
    expect(linter.lint(code, "3.4.20").fixedCode).toBe(`${VARIABLE}base = Variable.get("api_base")\n`);
  });

  it("adds await to an async-only call inside async code", () => {
    const code = `${WAIT}async def parent(run_id):\n    finished = wait_for_flow_run(run_id)\n    print(finished.state)\n`;
    expect(linter.lint(code, "3.4.20").fixedCode).toContain("finished = await wait_for_flow_run(run_id)");
  });

  it("parenthesises the awaited call when its result is used right away", () => {
    const code = `${WAIT}async def parent(run_id):\n    print(wait_for_flow_run(run_id).state)\n`;
    expect(linter.lint(code, "3.4.20").fixedCode).toContain("print((await wait_for_flow_run(run_id)).state)");
  });
});

const TASKS = "from prefect import flow, task\n\n@task\ndef load(n):\n    return n\n\n";

suite(
  "a task called outside any flow before 2.17",
  "not-yet-available",
  /Tasks cannot be run outside of a flow/,
  [
    { name: "a module-level call on 2.16", version: "2.16.4", code: `${TASKS}load(3)\n` },
    {
      name: "a call under the main guard on 2.14",
      version: "2.14.3",
      code: `${TASKS}if __name__ == "__main__":\n    print(load(3))\n`,
    },
  ],
  [
    { name: "the same call from 2.17 on", version: "2.17.0", code: `${TASKS}load(3)\n` },
    { name: "on 3.x", version: "3.4.20", code: `${TASKS}load(3)\n` },
    { name: "a call inside a flow", version: "2.16.4", code: `${TASKS}@flow\ndef etl():\n    load(3)\n\netl()\n` },
    { name: "the plain function via .fn", version: "2.16.4", code: `${TASKS}load.fn(3)\n` },
    { name: "a call inside a plain function", version: "2.16.4", code: `${TASKS}def helper():\n    return load(3)\n` },
  ],
);
