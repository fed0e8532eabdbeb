// A diagnosis' topic is read from its rule and subject (what the linter says it is about), never from its message:
// each case lints real code and checks the topic of what the linter reported.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { createLinter } from "../../../lint/index.js";
import { explainDiagnoses } from "../plan/index.js";
import { type TopicId, topicOfDiagnosis } from "./index.js";

const linter = await createLinter(loadPrefectFacts());

const CASES: { code: string; release: string; rule: string; topic: TopicId }[] = [
  {
    code: "from prefect import flow\n\n@flow\ndef c():\n    pass\n\n@flow\ndef p():\n    c.submit()\n",
    release: "3.4.20",
    rule: "unknown-attribute",
    topic: "flow-submit",
  },
  {
    code: "from prefect import flow\n\n@flow\ndef c():\n    pass\n\n@flow\ndef p():\n    c.map([1])\n",
    release: "3.4.20",
    rule: "unknown-attribute",
    topic: "generic",
  },
  {
    code: "from prefect.deployments import run_deployment\n\nr = run_deployment('a/b')\nr.wait()\n",
    release: "3.4.20",
    rule: "unknown-attribute",
    topic: "flowrun-wait",
  },
  { code: "from prefect import flow, wait\n", release: "3.4.20", rule: "wrong-module", topic: "prefect-wait-import" },
  // A name that only starts like `wait` is not the futures helper.
  { code: "from prefect.futures import wait_all\n", release: "3.4.20", rule: "unknown-symbol", topic: "generic" },
  {
    code: "from prefect.flow_runs import wait_for_flow_run\n\nwait_for_flow_run(1)\n",
    release: "3.4.20",
    rule: "missing-await",
    topic: "wait-for-flow-run-async",
  },
  {
    code: "from prefect import task, pause_flow_run\n\n@task\ndef t():\n    pause_flow_run()\n",
    release: "3.0.0",
    rule: "not-yet-available",
    topic: "pause-in-task",
  },
  {
    code: "from prefect.variables import Variable\n\nx = Variable.get('a').value\n",
    release: "3.4.20",
    rule: "unknown-attribute",
    topic: "variable-value",
  },
  {
    code: "from prefect.variables import Variable\n\nif Variable.get('env') == 'prod':\n    pass\n",
    release: "2.20.3",
    rule: "record-used-as-value",
    topic: "variable-record",
  },
  // The same rule on a block is not about Variables: its own message explains it.
  {
    code: "from prefect.blocks.system import String\n\nprint(String.load('x') + '!')\n",
    release: "3.4.20",
    rule: "record-used-as-value",
    topic: "generic",
  },
  {
    code: "from prefect import flow, task\n\n@task\ndef t(x):\n    return x\n\n@flow\ndef f(xs):\n    for fut in t.map(xs):\n        print(fut.wait().is_failed())\n",
    release: "3.4.20",
    rule: "unknown-attribute",
    topic: "future-wait-none",
  },
  {
    code: "from prefect import flow\n\ndef alert(state):\n    pass\n\n@flow(on_failure=[alert])\ndef f():\n    pass\n",
    release: "2.20.3",
    rule: "hook-signature",
    topic: "hook-signature",
  },
  {
    code: "from prefect import get_client\n\nc = get_client()\nc.read_flow_runs()\n",
    release: "3.4.20",
    rule: "missing-await",
    topic: "missing-await",
  },
  {
    code: "from prefect.blocks.system import Secret\n\nprint('k=' + Secret.load('k').value)\n",
    release: "3.4.20",
    rule: "record-used-as-value",
    topic: "secret-value",
  },
  {
    code: "from prefect import flow, task\n\n@task\ndef t():\n    return 1\n\n@flow\ndef f():\n    return t().result()\n",
    release: "2.20.3",
    rule: "unknown-attribute",
    topic: "direct-call-result",
  },
  {
    code: "from prefect import flow, task\n\n@task\ndef t(x):\n    return x\n\n@flow\ndef f(xs):\n    return sum(t.map(xs))\n",
    release: "3.4.20",
    rule: "record-used-as-value",
    topic: "future-value",
  },
  {
    code: "from prefect import flow, task\n\n@task\ndef t(x):\n    return x\n\n@flow\ndef f(x):\n    fut = t.submit(x)\n    return fut + 1\n",
    release: "2.20.25",
    rule: "record-used-as-value",
    topic: "future-value",
  },
  {
    code: "from prefect import get_run_logger\n\nlogger = get_run_logger()\n",
    release: "3.4.20",
    rule: "missing-run-context",
    topic: "run-logger-context",
  },
  {
    code: "from prefect import flow\n\n@flow\ndef etl():\n    pass\n\netl.deploy(name='a', work_pool_name='k8s')\n",
    release: "3.4.20",
    rule: "deploy-without-source",
    topic: "deploy-without-source",
  },
];

describe("topicOfDiagnosis", () => {
  it.each(CASES)("$rule → $topic ($code)", ({ code, release, rule, topic }) => {
    const d = linter.lint(code, release).diagnoses.find((x) => x.rule === rule);
    expect(d, `expected ${rule}`).toBeDefined();
    expect(topicOfDiagnosis(d!)).toBe(topic);
    // The same diagnosis with its message reworded keeps its topic.
    expect(topicOfDiagnosis({ ...d!, message: "reworded" })).toBe(topic);
  });

  it("adds the client advice to an unawaited client method only (read from the subject, not the message)", () => {
    const explain = (code: string) =>
      explainDiagnoses(
        linter.lint(code, "3.4.20").diagnoses.map((d) => ({ ...d, message: "reworded" })),
        { major: 3, release: "3.4.20" },
      )[0]!.text;
    expect(explain("from prefect import get_client\n\nc = get_client()\nc.read_flow_runs()\n")).toContain(
      "get_client(sync_client=True)",
    );
    expect(
      explain("from prefect.deployments import arun_deployment\n\ndef f():\n    arun_deployment('a/b')\n"),
    ).not.toContain("get_client(sync_client=True)");
  });
});
