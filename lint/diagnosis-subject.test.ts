// Diagnoses carry what they are about as data (the node's range, the Prefect name, the keyword, the receiver), so
// callers never parse the message back.
import { describe, expect, it } from "vitest";
import type { DiagnosisSubject, RuleId } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "./create-linter.js";

const linter = await createLinter(loadPrefectFacts());

interface Case {
  rule: RuleId;
  version: string;
  code: string;
  /** The text the diagnosis' range covers. */
  covers: string;
  subject: DiagnosisSubject;
}

const CASES: Case[] = [
  {
    rule: "unknown-parameter",
    version: "3.4.20",
    code: 'from prefect.deployments import run_deployment\n\nrun = run_deployment("a/b", wait=False)\n',
    covers: "wait=False",
    subject: { name: "prefect.deployments.flow_runs.run_deployment", keyword: "wait" },
  },
  {
    rule: "unknown-attribute",
    version: "3.4.20",
    code: "from prefect import flow\n\n@flow\ndef child():\n    pass\n\n@flow\ndef parent():\n    child.submit()\n",
    covers: "submit",
    subject: { name: "prefect.flows.Flow.submit", receiver: "child" },
  },
  {
    rule: "removed-in-version",
    version: "3.4.20",
    code: "from prefect.deployments import Deployment\n",
    covers: "Deployment",
    subject: { name: "prefect.deployments.Deployment" },
  },
  {
    rule: "missing-await",
    version: "3.4.20",
    code: "from prefect.flow_runs import wait_for_flow_run\n\nasync def f(i):\n    wait_for_flow_run(i)\n",
    covers: "wait_for_flow_run(i)",
    subject: { name: "prefect.flow_runs.wait_for_flow_run" },
  },
  {
    rule: "not-yet-available",
    version: "3.0.0",
    code: "from prefect import task, pause_flow_run\n\n@task\ndef t():\n    pause_flow_run()\n",
    covers: "pause_flow_run()",
    subject: { name: "prefect.flow_runs.pause_flow_run", within: "task" },
  },
];

describe("diagnosis subject and range", () => {
  it.each(CASES)("$rule: $covers", ({ rule, version, code, covers, subject }) => {
    const d = linter.lint(code, version).diagnoses.find((x) => x.rule === rule);
    expect(d, `expected ${rule}`).toBeDefined();
    expect(code.slice(d!.range!.start, d!.range!.end)).toBe(covers);
    expect(d!.subject).toEqual(subject);
  });

  it("maps the range back through Slack un-mangling", () => {
    const code = "x = 1 &amp; 2\nfrom prefect.deployments import Deployment\n";
    const d = linter.lint(code, "3.4.20").diagnoses.find((x) => x.rule === "removed-in-version");
    expect(linter.lint(code, "3.4.20").diagnoses.some((x) => x.rule === "slack-mangled")).toBe(true);
    expect(code.slice(d!.range!.start, d!.range!.end)).toBe("Deployment");
  });
});
