// Repairs on the tree for futures: each starts from the linter's diagnosis of the asker's code.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { createLinter } from "../../../lint/index.js";
import { repairOnTree } from "./tree-repairs.js";

const facts = loadPrefectFacts();
const linter = await createLinter(facts);
const release = "3.4.20";

function repair(code: string) {
  return repairOnTree(code, linter.lint(code, release).diagnoses, { facts, release, major: 3 });
}

describe("repairFlowRunWait", () => {
  it("reads the FlowRun's state instead of waiting on it, and drops a bare wait", () => {
    const code = [
      "from prefect import flow",
      "from prefect.deployments import run_deployment",
      "",
      "@flow",
      "def parent():",
      "    run = run_deployment(",
      '        "child/prod",',
      "    )",
      "    outcome = run.wait()  # wait for it",
      "    run.wait()",
      "    return outcome",
    ].join("\n");
    const out = repair(code).code;
    expect(out).toContain("    outcome = run.state  # run_deployment already waited for the run\n    return outcome");
    expect(out).not.toContain("run.wait()");
    expect(linter.lint(out, release).diagnoses.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("keeps a block that only waited valid", () => {
    const code = [
      "from prefect.deployments import run_deployment",
      "",
      'run = run_deployment("child/prod")',
      "if run:",
      "    run.wait()",
    ].join("\n");
    expect(repair(code).code).toBe(code.replace("run.wait()", "pass"));
  });
});

describe("repairMissingAwait", () => {
  it("drops a sync wait_for_flow_run after a blocking run_deployment, and its unused import", () => {
    const code = [
      "from prefect import flow",
      "from prefect.deployments import run_deployment",
      "from prefect.flow_runs import wait_for_flow_run",
      "",
      "@flow",
      "def p():",
      "    r = run_deployment('a/b')",
      "    wait_for_flow_run(r.id)",
      "    return r",
    ].join("\n");
    expect(repair(code).code).toBe(
      code
        .replace("from prefect.flow_runs import wait_for_flow_run\n", "")
        .replace("    wait_for_flow_run(r.id)\n", ""),
    );
  });

  it("runs it through asyncio.run when run_deployment returned at once", () => {
    const code = [
      "from prefect.deployments import run_deployment",
      "from prefect.flow_runs import wait_for_flow_run",
      "",
      "r = run_deployment('a/b', timeout=0)",
      "wait_for_flow_run(r.id)",
    ].join("\n");
    const out = repair(code).code;
    expect(out).toBe(
      `import asyncio\n${code.replace("wait_for_flow_run(r.id)", "asyncio.run(wait_for_flow_run(r.id))")}`,
    );
    expect(linter.lint(out, release).diagnoses.filter((d) => d.rule === "missing-await")).toEqual([]);
  });

  it("leaves the async client's methods to the explanation (open the client as a context manager)", () => {
    const code = "from prefect import get_client\n\nclient = get_client()\nruns = client.read_flow_runs(limit=5)";
    expect(repair(code).code).toBe(code);
  });
});
