// The explanations for runtime traps: recognised from the linter's new rules and from the errors people paste.
import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../../../core/index.js";
import { explainDiagnoses } from "./explain.js";

const C3 = { major: 3 as const, release: "3.4.20" };
// Explanations read the diagnosis' rule and subject (as the linter reports them); the message is only shown.
const d = (rule: Diagnosis["rule"], message: string, subject: Diagnosis["subject"] = {}, line = 3): Diagnosis => ({
  rule,
  severity: "error",
  line,
  column: 1,
  message,
  subject,
});

describe("explainDiagnoses for the new rules", () => {
  it("gives no explanation without diagnoses", () => {
    expect(explainDiagnoses([], C3)).toEqual([]);
  });

  it("missing-await: await in async code, asyncio.run in sync code", () => {
    const [e] = explainDiagnoses(
      [
        d("missing-await", "`prefect.client.orchestration.get_client().read_flow_run` is async", {
          receiver: "c.read_flow_run",
        }),
      ],
      C3,
    );
    expect(e?.topic).toBe("missing-await");
    expect(e?.text).toMatch(/await/);
    expect(e?.text).toMatch(/asyncio\.run/);
  });

  it("missing-await on the API client: names the sync client", () => {
    const [e] = explainDiagnoses(
      [
        d("missing-await", "`PrefectClient.read_flow_run` is async and is not awaited", {
          receiver: "client.read_flow_run",
        }),
      ],
      C3,
    );
    expect(e?.text).toMatch(/get_client\(sync_client=True\)/);
  });

  it("wait_for_flow_run: says run_deployment already blocks", () => {
    const [e] = explainDiagnoses(
      [
        d("missing-await", "`wait_for_flow_run` is async-only and must be awaited", {
          name: "prefect.flow_runs.wait_for_flow_run",
        }),
      ],
      C3,
    );
    expect(e?.topic).toBe("wait-for-flow-run-async");
    expect(e?.text).toMatch(/run_deployment/);
    expect(e?.text).toMatch(/asyncio\.run/);
  });

  it("not-awaitable: .result()/.wait() or await the async task call directly", () => {
    const [e] = explainDiagnoses([d("not-awaitable", "`await` on a PrefectFuture from `.submit()`")], C3);
    expect(e?.topic).toBe("not-awaitable");
    expect(e?.text).toMatch(/\.result\(\)/);
    expect(e?.text).toMatch(/await fetch\(u\)/);
  });

  it("pause_flow_run in a task before 3.6.3: pause from the flow or upgrade", () => {
    const [e] = explainDiagnoses(
      [
        d("not-yet-available", "`pause_flow_run` inside a task needs Prefect 3.6.3 (it raises before that)", {
          name: "prefect.flow_runs.pause_flow_run",
          within: "task",
        }),
      ],
      C3,
    );
    expect(e?.topic).toBe("pause-in-task");
    expect(e?.text).toMatch(/3\.6\.3/);
    expect(e?.text).toMatch(/flow function/);
  });

  it("Variable.get(...).value on 3.x: drop `.value`", () => {
    const [e] = explainDiagnoses(
      [
        d("unknown-attribute", "`Variable.get(...)` returns the value; it has no `value`", {
          name: "prefect.variables.Variable.get.value",
        }),
      ],
      C3,
    );
    expect(e?.topic).toBe("variable-value");
    expect(e?.text).toMatch(/Drop `\.value`/);
  });
});
