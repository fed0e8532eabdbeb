import { describe, expect, it } from "vitest";
import type { Diagnosis, RuleId } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { applyFixes } from "./apply-fixes.js";
import { createLinter } from "./create-linter.js";
import { extractSnippets } from "./extract-snippets.js";
import { parsesCleanly } from "./python-parser.js";

const facts = loadPrefectFacts();
const linter = await createLinter(facts);

function find(code: string, version: string, rule: RuleId): Diagnosis | undefined {
  return linter.lint(code, version).diagnoses.find((d) => d.rule === rule);
}

interface Case {
  name: string;
  version: string;
  code: string;
}

function ruleSuite(rule: RuleId, positives: Case[], negatives: Case[]): void {
  describe(rule, () => {
    it.each(positives)("finds: $name", ({ code, version }) => {
      const d = find(code, version, rule);
      expect(d, `expected ${rule}`).toBeDefined();
      expect(d!.line).toBeGreaterThanOrEqual(1);
      expect(d!.column).toBeGreaterThanOrEqual(1);
      expect(d!.message.length).toBeGreaterThan(20);
    });
    it.each(negatives)("stays quiet: $name", ({ code, version }) => {
      expect(find(code, version, rule)).toBeUndefined();
    });
  });
}

const FLOW_HEAD = "from prefect import flow, task\n\n@task\ndef t(x=1):\n    return x\n\n";

ruleSuite(
  "syntax-error",
  [
    { name: "unbalanced parameters", version: "3.4.20", code: "def f(:\n    pass\n" },
    { name: "unclosed bracket", version: "3.4.20", code: "x = (1,\n" },
    { name: "a block that lost its indentation", version: "3.4.20", code: "@flow\ndef f():\nreturn 1\n" },
  ],
  [
    { name: "valid flow", version: "3.4.20", code: `${FLOW_HEAD}@flow\ndef f():\n    return t(1)\n` },
    {
      name: "valid module with class",
      version: "2.20.25",
      code: "class A:\n    x: int = 1\n\n    def m(self):\n        return self.x\n",
    },
    { name: "empty file", version: "3.4.20", code: "" },
  ],
);

ruleSuite(
  "unknown-symbol",
  [
    { name: "misspelled top-level import", version: "3.4.20", code: "from prefect import flowz\n" },
    { name: "module that never existed", version: "3.4.20", code: "import prefect.nonexistent_module\n" },
    { name: "misspelled name in a real module", version: "3.8.3", code: "from prefect.futures import wiat\n" },
  ],
  [
    { name: "real imports", version: "3.4.20", code: "from prefect import flow, task, get_run_logger\n" },
    {
      name: "third-party and integration modules",
      version: "3.4.20",
      code: "from prefect_aws import S3Bucket\nimport pandas\nfrom my_company.flows import etl\n",
    },
    {
      name: "runtime attributes",
      version: "3.4.20",
      code: "from prefect.runtime import flow_run\nprint(flow_run.id, flow_run.parameters)\n",
    },
  ],
);

ruleSuite(
  "wrong-module",
  [
    { name: "wait from the top-level package", version: "3.4.20", code: "from prefect import wait\n" },
    {
      name: "as_completed from the top-level package",
      version: "3.0.0",
      code: "from prefect import flow, as_completed\n",
    },
    {
      name: "a task runner from the top-level package",
      version: "3.8.3",
      code: "from prefect import ThreadPoolTaskRunner\n",
    },
  ],
  [
    { name: "wait from prefect.futures", version: "3.4.20", code: "from prefect.futures import wait\n" },
    { name: "flow and task from prefect", version: "2.20.25", code: "from prefect import flow, task\n" },
    {
      name: "runner from prefect.task_runners",
      version: "3.4.20",
      code: "from prefect.task_runners import ThreadPoolTaskRunner\n",
    },
  ],
);

ruleSuite(
  "unknown-attribute",
  [
    {
      name: "Flow.submit",
      version: "3.8.3",
      code: `${FLOW_HEAD}@flow\ndef child():\n    return 1\n\n@flow\ndef parent():\n    f = child.submit()\n    return f.result()\n`,
    },
    {
      name: "FlowRun.wait",
      version: "3.4.20",
      code: "from prefect import flow\nfrom prefect.deployments import run_deployment\n\n@flow\ndef parent():\n    run = run_deployment('a/b')\n    run.wait()\n",
    },
    {
      name: "an invented future method",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f():\n    fut = t.submit()\n    return fut.get()\n`,
    },
  ],
  [
    {
      name: "real Flow and Task methods",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f():\n    return t.submit().result()\n\nif __name__ == "__main__":\n    f.serve(name="x")\n`,
    },
    { name: "instance attributes such as Task.fn", version: "3.4.20", code: `${FLOW_HEAD}print(t.fn(2), t.name)\n` },
    {
      name: "FlowRun fields",
      version: "3.4.20",
      code: "from prefect.deployments import run_deployment\nrun = run_deployment('a/b', timeout=0)\nprint(run.id, run.state, run.name)\n",
    },
  ],
);

ruleSuite(
  "unknown-parameter",
  [
    {
      name: "cache_policy on 2.x",
      version: "2.20.25",
      code: "from prefect import task\n\n@task(cache_policy=None)\ndef t():\n    return 1\n",
    },
    {
      name: "misspelled flow option",
      version: "3.4.20",
      code: "from prefect import flow\n\n@flow(retry=3)\ndef f():\n    return 1\n",
    },
    {
      name: "infra_overrides after its removal",
      version: "3.4.20",
      code: "from prefect.deployments import run_deployment\nrun_deployment('a/b', infra_overrides={})\n",
    },
  ],
  [
    {
      name: "real task options",
      version: "3.4.20",
      code: "from prefect import task\n\n@task(retries=2, retry_delay_seconds=1, log_prints=True)\ndef t():\n    return 1\n",
    },
    {
      name: "job_variables on 3.x",
      version: "3.4.20",
      code: "from prefect.deployments import run_deployment\nrun_deployment('a/b', job_variables={'x': 1}, timeout=0)\n",
    },
    {
      name: "anything passed through **kwargs",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f():\n    return t.submit(x=2, anything=3).result()\n`,
    },
  ],
);

ruleSuite(
  "removed-in-version",
  [
    { name: "Deployment on 3.x", version: "3.0.0", code: "from prefect.deployments import Deployment\n" },
    { name: "submit_to_runner on 3.6", version: "3.6", code: "from prefect.runner import submit_to_runner\n" },
    {
      name: "SequentialTaskRunner on 3.x",
      version: "3.4.20",
      code: "from prefect.task_runners import SequentialTaskRunner\n",
    },
  ],
  [
    { name: "Deployment on 2.14", version: "2.14.0", code: "from prefect.deployments import Deployment\n" },
    { name: "submit_to_runner on 3.2", version: "3.2", code: "from prefect.runner import submit_to_runner\n" },
    {
      name: "SequentialTaskRunner on 2.x",
      version: "2.20.25",
      code: "from prefect.task_runners import SequentialTaskRunner\n",
    },
  ],
);

ruleSuite(
  "not-yet-available",
  [
    {
      name: "ProcessPoolTaskRunner on 3.4.10",
      version: "3.4.10",
      code: "from prefect.task_runners import ProcessPoolTaskRunner\n",
    },
    { name: "prefect.futures.wait on 2.20", version: "2.20", code: "from prefect.futures import wait\n" },
    { name: "cache policies on 2.x", version: "2.20.25", code: "import prefect.cache_policies\n" },
  ],
  [
    {
      name: "ProcessPoolTaskRunner on 3.4.20",
      version: "3.4.20",
      code: "from prefect.task_runners import ProcessPoolTaskRunner\n",
    },
    { name: "prefect.futures.wait on 3.0", version: "3.0", code: "from prefect.futures import wait\n" },
    { name: "cache policies on 3.x", version: "3.1.0", code: "import prefect.cache_policies\n" },
  ],
);

ruleSuite(
  "deprecated",
  [
    { name: "submit_to_runner on 3.4.20", version: "3.4.20", code: "from prefect.runner import submit_to_runner\n" },
    { name: "the JSON block on 3.0", version: "3.0.0", code: "from prefect.blocks.system import JSON\n" },
    { name: "Deployment on 2.20", version: "2.20.25", code: "from prefect.deployments import Deployment\n" },
    // Deprecated from 2.16.4 on; a fragment pasted without its import is still Prefect's.
    { name: "Deployment on 2.19", version: "2.19.3", code: "from prefect.deployments import Deployment\n" },
    {
      name: "build_from_flow pasted without its import on 2.19",
      version: "2.19.3",
      code: 'dep = Deployment.build_from_flow(flow=etl, name="prod")\ndep.apply()\n',
    },
  ],
  [
    { name: "submit_to_runner on 3.2", version: "3.2", code: "from prefect.runner import submit_to_runner\n" },
    { name: "the Secret block", version: "3.0.0", code: "from prefect.blocks.system import Secret\n" },
    { name: "Deployment on 2.14", version: "2.14.0", code: "from prefect.deployments import Deployment\n" },
    { name: "Deployment on 2.16.3", version: "2.16.3", code: "from prefect.deployments import Deployment\n" },
  ],
);

const SEED_PATTERN = `${FLOW_HEAD}@task\ndef no_op(*deps):\n    return None\n\n@flow\ndef f():\n    a = t.submit()\n    b = t.submit()\n    no_op.submit(a, b)\n`;

ruleSuite(
  "unresolved-futures",
  [
    { name: "the seed thread's pattern", version: "3.4.20", code: SEED_PATTERN },
    {
      name: "a future assigned and forgotten",
      version: "3.8.3",
      code: `${FLOW_HEAD}@flow\ndef f():\n    fut = t.submit()\n    return 1\n`,
    },
    {
      name: "mapped futures never waited",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    futures = t.map(xs)\n    print("done")\n`,
    },
    {
      name: "a list of futures never waited",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    futures = []\n    for x in xs:\n        futures.append(t.submit(x))\n`,
    },
  ],
  [
    { name: "the same code on 2.x (the engine waits)", version: "2.20.25", code: SEED_PATTERN },
    {
      name: "downstream future resolved",
      version: "3.4.20",
      code: SEED_PATTERN.replace("    no_op.submit(a, b)\n", "    no_op.submit(a, b).result()\n"),
    },
    {
      name: "list waited with wait()",
      version: "3.4.20",
      code: `from prefect.futures import wait\n${FLOW_HEAD}@flow\ndef f(xs):\n    futures = []\n    for x in xs:\n        futures.append(t.submit(x))\n    wait(futures)\n`,
    },
    {
      name: "futures returned",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f():\n    a = t.submit()\n    return {"a": a}\n`,
    },
    {
      name: "futures resolved in a loop",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    futures = t.map(xs)\n    for fut in futures:\n        print(fut.result())\n`,
    },
  ],
);

ruleSuite(
  "serial-submit",
  [
    {
      name: ".submit().result() in a for loop",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    out = []\n    for x in xs:\n        out.append(t.submit(x).result())\n    return out\n`,
    },
    {
      name: "submit then result in the same iteration",
      version: "2.20.25",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    for x in xs:\n        fut = t.submit(x)\n        print(fut.result())\n`,
    },
    {
      name: "in a comprehension",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    return [t.submit(x).wait() for x in xs]\n`,
    },
  ],
  [
    {
      name: "submit all, then resolve",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    futures = [t.submit(x) for x in xs]\n    return [f.result() for f in futures]\n`,
    },
    {
      name: "a single submit().result() outside a loop",
      version: "3.4.20",
      code: `${FLOW_HEAD}@flow\ndef f():\n    return t.submit(1).result()\n`,
    },
    {
      name: "a loop that only collects",
      version: "2.20.25",
      code: `${FLOW_HEAD}@flow\ndef f(xs):\n    futures = []\n    for x in xs:\n        fut = t.submit(x)\n        futures.append(fut)\n    return [f.result() for f in futures]\n`,
    },
  ],
);

const PROCESS_HEAD =
  "from prefect import flow, task\nfrom prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner\n\n@task\ndef t(x):\n    return x\n\n";

ruleSuite(
  "process-pool-pickling",
  [
    {
      name: "a lambda argument",
      version: "3.4.20",
      code: `${PROCESS_HEAD}@flow(task_runner=ProcessPoolTaskRunner())\ndef f():\n    return t.submit(lambda v: v).result()\n`,
    },
    {
      name: "a task defined inside the flow",
      version: "3.8.3",
      code: `${PROCESS_HEAD}@flow(task_runner=ProcessPoolTaskRunner(max_workers=2))\ndef f():\n    @task\n    def inner(x):\n        return x\n    return inner.submit(1).result()\n`,
    },
    {
      name: "a lambda wrapped in unmapped()",
      version: "3.4.20",
      code: `from prefect import unmapped\n${PROCESS_HEAD}@flow(task_runner=ProcessPoolTaskRunner())\ndef f(xs):\n    return t.map(xs, unmapped(lambda v: v)).result()\n`,
    },
    {
      name: "a task made from a lambda",
      version: "3.4.20",
      code: `${PROCESS_HEAD}double = task(lambda v: v * 2)\n\n@flow(task_runner=ProcessPoolTaskRunner())\ndef f():\n    return double.submit(2).result()\n`,
    },
    {
      name: "an open file handle",
      version: "3.4.20",
      code: `${PROCESS_HEAD}runner = ProcessPoolTaskRunner()\n\n@flow(task_runner=runner)\ndef f(path):\n    fh = open(path)\n    return t.submit(fh).result()\n`,
    },
  ],
  [
    {
      name: "a lambda with threads",
      version: "3.4.20",
      code: `${PROCESS_HEAD}@flow(task_runner=ThreadPoolTaskRunner())\ndef f():\n    return t.submit(lambda v: v).result()\n`,
    },
    {
      name: "plain data with processes",
      version: "3.4.20",
      code: `${PROCESS_HEAD}@flow(task_runner=ProcessPoolTaskRunner())\ndef f(xs):\n    return [t.submit(x).result() for x in xs][0] if False else t.map(xs).result()\n`,
    },
    {
      name: "a path, opened inside the task",
      version: "3.4.20",
      code: `${PROCESS_HEAD}@flow(task_runner=ProcessPoolTaskRunner())\ndef f(path):\n    return t.submit(path).result()\n`,
    },
  ],
);

ruleSuite(
  "main-guard",
  [
    {
      name: "underscores eaten around name",
      version: "3.4.20",
      code: 'def main():\n    pass\n\nif name == "__main__":\n    main()\n',
    },
    {
      name: "underscores eaten around main",
      version: "3.4.20",
      code: "def main():\n    pass\n\nif __name__ == 'main':\n    main()\n",
    },
    {
      name: "missing colon",
      version: "3.4.20",
      code: "def main():\n    pass\n\nif __name__ == '__main__'\n    main()\n",
    },
  ],
  [
    {
      name: "the standard guard",
      version: "3.4.20",
      code: 'def main():\n    pass\n\nif __name__ == "__main__":\n    main()\n',
    },
    {
      name: "single quotes and an inline call",
      version: "2.20.25",
      code: "def main():\n    pass\n\nif __name__ == '__main__': main()\n",
    },
    {
      name: "a real variable called name",
      version: "3.4.20",
      code: 'def pick(names):\n    for name in names:\n        if name == "main":\n            return name\n',
    },
  ],
);

ruleSuite(
  "slack-mangled",
  [
    {
      name: "an auto-linked method call",
      version: "3.4.20",
      code: 'logger = get_logger()\n<http://logger.info|logger.info>("hi")\n',
    },
    { name: "an HTML entity in code", version: "3.4.20", code: "if a &lt; b:\n    pass\n" },
    { name: "smart quotes around a string", version: "3.4.20", code: "print(\u201Chello\u201D)\n" },
  ],
  [
    { name: "plain code", version: "3.4.20", code: 'logger.info("hi")\n' },
    { name: "HTML in a string", version: "3.4.20", code: 'html = "a &amp; b &lt;br&gt;"\n' },
    {
      name: "links in comments and deliberate Slack markup in strings",
      version: "3.4.20",
      code: '# see <https://docs.prefect.io>\nmsg = "<https://x.io/run|open the run>"\n',
    },
  ],
);

const ASYNC_HEAD = "from prefect import flow, task\n\n@task\nasync def fetch(x):\n    return x\n\n";

ruleSuite(
  "async-task-in-sync-flow",
  [
    {
      name: "direct call from a sync flow",
      version: "3.4.20",
      code: `${ASYNC_HEAD}@flow\ndef f():\n    return fetch(1)\n`,
    },
    {
      name: "direct call, result assigned",
      version: "3.8.3",
      code: `${ASYNC_HEAD}@flow(log_prints=True)\ndef f():\n    value = fetch(2)\n    print(value)\n`,
    },
    {
      name: "call in a comprehension",
      version: "3.0.0",
      code: `${ASYNC_HEAD}@flow\ndef f(xs):\n    return [fetch(x) for x in xs]\n`,
    },
    {
      name: "call collected into a list",
      version: "3.4.20",
      code: `${ASYNC_HEAD}@flow\ndef f(xs):\n    out = []\n    for x in xs:\n        out.append(fetch(x))\n    return out\n`,
    },
  ],
  [
    {
      name: "an async flow awaiting it",
      version: "3.4.20",
      code: `${ASYNC_HEAD}@flow\nasync def f():\n    return await fetch(1)\n`,
    },
    { name: "the same code on 2.x", version: "2.20.25", code: `${ASYNC_HEAD}@flow\ndef f():\n    return fetch(1)\n` },
    {
      name: "submitted rather than called",
      version: "3.4.20",
      code: `${ASYNC_HEAD}@flow\ndef f():\n    return fetch.submit(1).result()\n`,
    },
    {
      name: "handed to asyncio.run",
      version: "3.4.20",
      code: `import asyncio\n${ASYNC_HEAD}@flow\ndef f():\n    return asyncio.run(fetch(1))\n`,
    },
  ],
);

describe("version boundaries", () => {
  const ppt = "from prefect.task_runners import ProcessPoolTaskRunner\n";
  it("ProcessPoolTaskRunner: fine on 3.4.20, not yet on 3.4.10 (names the first release)", () => {
    expect(linter.lint(ppt, "3.4.20").diagnoses).toEqual([]);
    const d = find(ppt, "3.4.10", "not-yet-available");
    expect(d?.message).toContain("3.4.10");
    expect(d?.message).toContain("3.4.14");
  });

  it("submit_to_runner: fine on 3.2, removed on 3.6 with a replacement", () => {
    const code = "from prefect.runner import submit_to_runner\n";
    expect(linter.lint(code, "3.2").diagnoses).toEqual([]);
    const d = find(code, "3.6", "removed-in-version");
    expect(d?.message).toMatch(/3\.4\.25/);
    expect(d?.message).toMatch(/run_deployment|serve/);
  });

  it("prefect.futures.wait: not yet on 2.20, fine on 3.0", () => {
    const code = "from prefect.futures import wait\n";
    expect(find(code, "2.20", "not-yet-available")?.message).toContain("3.0.0");
    expect(linter.lint(code, "3.0").diagnoses).toEqual([]);
  });

  it("reports the concrete release the version resolved to", () => {
    expect(linter.lint("x = 1\n", "3.4").version).toBe(facts.resolveRelease("3.4"));
    expect(linter.lint("x = 1\n", "2").version).toBe(facts.latestOfMajor(2));
  });

  it("rejects something that is not a version", () => {
    expect(() => linter.lint("x = 1\n", "latest-ish")).toThrow(/not a Prefect version/);
  });
});

describe("precision on code the facts cannot fully see", () => {
  it("checks code pasted with a shared indentation as if it started at column 0", () => {
    const code = "    from prefect import flow, wait\n\n    @flow\n    def f():\n        return 1\n";
    const result = linter.lint(code, "3.4.20");
    expect(result.diagnoses.map((d) => [d.rule, d.line, d.column])).toEqual([["wrong-module", 1, 31]]);
    expect(result.fixedCode).toBe(
      "    from prefect import flow\n    from prefect.futures import wait\n\n    @flow\n    def f():\n        return 1\n",
    );
  });

  it("never judges private modules or underscored keywords", () => {
    const code =
      "from prefect._internal.compatibility.deprecated import deprecated_callable\nfrom prefect.blocks.system import Secret\nSecret.load('x', _sync=True)\n";
    expect(linter.lint(code, "3.4.20").diagnoses).toEqual([]);
  });

  it("treats a flow wrapped by another decorator as unknown (infrastructure-bound flows can be submitted)", () => {
    const code =
      "from prefect import flow\nfrom prefect_docker.experimental import docker\n\n@docker(work_pool='p')\n@flow\ndef f():\n    return 1\n\nf.submit()\n";
    expect(find(code, "3.8.3", "unknown-attribute")).toBeUndefined();
  });

  it("does not follow names rebound with different types", () => {
    const code = `${FLOW_HEAD}@flow\ndef child():\n    return 1\n\nchild = something_else(child)\nchild.submit()\n`;
    expect(find(code, "3.4.20", "unknown-attribute")).toBeUndefined();
  });
});

describe("lintSnippet", () => {
  it("keeps Slack mangling visible in an extracted, re-indented snippet and fixes it", () => {
    const message =
      'this works:\nfrom prefect import flow, get_run_logger\n@flow\ndef f():\nlogger = get_run_logger()\n<http://logger.info|logger.info>("hi")\nreturn 1';
    const [snippet] = extractSnippets(message);
    expect(snippet?.mangled).toBe(true);
    const result = linter.lintSnippet(snippet!, "3.4.20", { snippet: 0 });
    expect(result.diagnoses.map((d) => [d.rule, d.line, d.column])).toEqual([["slack-mangled", 5, 5]]);
    expect(result.fixedCode).toBe(snippet!.code);
    expect(parsesCleanly(result.fixedCode)).toBe(true);
  });
});

describe("fixes", () => {
  it("rewrites a wrong import, keeping the other names", () => {
    const code = "from prefect import flow, wait\n";
    const result = linter.lint(code, "3.4.20");
    expect(result.fixedCode).toBe("from prefect import flow\nfrom prefect.futures import wait\n");
  });

  it("rewrites a lone wrong import in place", () => {
    expect(linter.lint("from prefect import wait as w\n", "3.4.20").fixedCode).toBe(
      "from prefect.futures import wait as w\n",
    );
  });

  it("restores mangled text and the main guard together, and the result is clean", () => {
    const code =
      'from prefect import flow, get_run_logger\n\n@flow\ndef f():\n    logger = get_run_logger()\n    <http://logger.info|logger.info>("a &lt; b")\n\nif name == "__main__":\n    f()\n';
    const result = linter.lint(code, "3.4.20");
    expect(result.diagnoses.map((d) => d.rule).sort()).toEqual(["main-guard", "slack-mangled"]);
    expect(result.fixedCode).toContain('logger.info("a &lt; b")');
    expect(result.fixedCode).toContain('if __name__ == "__main__":');
    expect(parsesCleanly(result.fixedCode)).toBe(true);
    expect(linter.lint(result.fixedCode, "3.4.20").diagnoses).toEqual([]);
  });

  it("locates diagnoses in the code as given, even after text fixes", () => {
    const code = "<http://x.io|x.io>\nfrom prefect import wait\n";
    const d = find(code, "3.4.20", "wrong-module");
    expect(d).toMatchObject({ line: 2, column: 21 });
  });

  it("waits on a future discarded at the end of a flow", () => {
    const result = linter.lint(SEED_PATTERN, "3.4.20");
    expect(result.fixedCode).toContain("no_op.submit(a, b).wait()");
    expect(find(result.fixedCode, "3.4.20", "unresolved-futures")).toBeUndefined();
  });

  it("applyFixes skips a fix that overlaps one already applied", () => {
    const code = "abcdef";
    const diagnoses: Diagnosis[] = [
      {
        rule: "slack-mangled",
        severity: "error",
        line: 1,
        column: 1,
        message: "m",
        fix: { description: "x", edits: [{ start: 0, end: 3, text: "X" }] },
      },
      {
        rule: "slack-mangled",
        severity: "error",
        line: 1,
        column: 2,
        message: "m",
        fix: { description: "y", edits: [{ start: 2, end: 4, text: "Y" }] },
      },
      {
        rule: "slack-mangled",
        severity: "error",
        line: 1,
        column: 5,
        message: "m",
        fix: { description: "z", edits: [{ start: 5, end: 6, text: "Z" }] },
      },
    ];
    expect(applyFixes(code, diagnoses)).toBe("XdeZ");
  });

  it("copies the snippet index onto every diagnosis", () => {
    const result = linter.lint("from prefect import wait\n", "3.4.20", { snippet: 4 });
    expect(result.diagnoses.every((d) => d.snippet === 4)).toBe(true);
  });
});
