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

describe("explanations of the record, future-element and hook traps use the asker's names", () => {
  const C2 = { major: 2 as const, release: "2.20.3" };
  it.each([
    {
      name: "a 2.x Variable compared, read through the asker's name",
      diagnosis: d("record-used-as-value", "…", { name: "prefect.variables.Variable.get", receiver: "env" }),
      context: C2,
      topic: "variable-record",
      says: /`env\.value`.*always a string/,
    },
    {
      name: "wait() on a loop's future",
      diagnosis: d("unknown-attribute", "…", { name: "prefect.futures.PrefectFuture.wait", receiver: "fut" }),
      context: C3,
      topic: "future-wait-none",
      says: /Call `fut\.wait\(\)`, then read `fut\.state`/,
    },
    {
      name: "a task hook",
      diagnosis: d("hook-signature", "…", { name: "prefect.tasks.Task.on_failure", receiver: "retry_note" }),
      context: C3,
      topic: "hook-signature",
      says: /`def retry_note\(task, task_run, state\):`/,
    },
    {
      name: "a flow hook given as a lambda (no name of its own)",
      diagnosis: d("hook-signature", "…", { name: "prefect.flows.Flow.on_completion" }),
      context: C2,
      topic: "hook-signature",
      says: /`def my_hook\(flow, flow_run, state\):`/,
    },
  ])("$name", ({ diagnosis, context, topic, says }) => {
    const [e] = explainDiagnoses([diagnosis], context);
    expect(e?.topic).toBe(topic);
    expect(e?.text).toMatch(says);
  });

  it("keeps a record of another class (a block) on its own message", () => {
    const message = "In Prefect 3.4.20, `Secret.load()` returns a `Secret` object … Read the value with `pw.get()`.";
    const [e] = explainDiagnoses(
      [d("record-used-as-value", message, { name: "prefect.blocks.core.Block.load", receiver: "pw" })],
      C3,
    );
    expect(e?.topic).toBe("generic");
    expect(e?.text).toContain("`pw.get()`");
  });
});
