// The explanations for runtime traps: recognised from the linter's new rules and from the errors people paste.
import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../../core/index.js";
import { explainDiagnoses, topicsFromErrorText, topicText } from "./explain.js";

const C3 = { major: 3 as const, release: "3.4.20" };
const d = (rule: Diagnosis["rule"], message: string, line = 3): Diagnosis => ({
  rule,
  severity: "error",
  line,
  column: 1,
  message,
});

describe("topicsFromErrorText", () => {
  it("maps pasted runtime errors to their topics", () => {
    expect(topicsFromErrorText("AttributeError: 'coroutine' object has no attribute 'json'")).toEqual([
      "missing-await",
    ]);
    expect(
      topicsFromErrorText(
        "finished = wait_for_flow_run(run.id) → AttributeError: 'coroutine' object has no attribute 'state'",
      ),
    ).toEqual(["wait-for-flow-run-async"]);
    expect(
      topicsFromErrorText("TypeError: object PrefectConcurrentFuture can't be used in 'await' expression"),
    ).toEqual(["not-awaitable"]);
    expect(topicsFromErrorText("RuntimeError: Cannot pause task runs.")).toEqual(["pause-in-task"]);
  });

  it("takes `.value` on a str as a Variable problem only when the thread names Variable", () => {
    expect(
      topicsFromErrorText("x = Variable.get('a').value\nAttributeError: 'str' object has no attribute 'value'"),
    ).toEqual(["variable-value"]);
    expect(topicsFromErrorText("AttributeError: 'str' object has no attribute 'value'")).toEqual([]);
  });
});

describe("more runtime errors people paste", () => {
  it("recognises them", () => {
    expect(topicsFromErrorText("RuntimeError: Tasks cannot be run outside of a flow")).toEqual(["task-outside-flow"]);
    expect(topicsFromErrorText("prefect.exceptions.MissingResult: State data is missing")).toEqual(["missing-result"]);
    expect(topicsFromErrorText("sqlite3.OperationalError: database is locked")).toEqual(["sqlite-locked"]);
    expect(topicsFromErrorText("Error: No such command 'agent'.")).toEqual(["agent-removed"]);
  });

  it("words the task-outside-a-flow answer for the release", () => {
    const [old] = explainDiagnoses([], C3);
    expect(old).toBeUndefined();
    const text = (release: string) =>
      topicText("task-outside-flow", { major: release.startsWith("2.") ? 2 : 3, release });
    expect(text("2.16.9")).toMatch(/upgrade to 2\.17\.0/);
    expect(text("2.19.4")).toMatch(/older than 2\.17/);
    expect(topicText("sqlite-locked", { major: 3, release: "3.4.20" })).toContain(
      "PREFECT_SERVER_DATABASE_CONNECTION_URL",
    );
    expect(topicText("sqlite-locked", { major: 2, release: "2.20.25" })).not.toContain("PREFECT_SERVER_");
  });
});

describe("explainDiagnoses for the new rules", () => {
  it("missing-await: await in async code, asyncio.run in sync code", () => {
    const [e] = explainDiagnoses(
      [d("missing-await", "`prefect.client.orchestration.get_client().read_flow_run` is async")],
      C3,
    );
    expect(e?.topic).toBe("missing-await");
    expect(e?.text).toMatch(/await/);
    expect(e?.text).toMatch(/asyncio\.run/);
  });

  it("missing-await on the API client: names the sync client", () => {
    const [e] = explainDiagnoses([d("missing-await", "`PrefectClient.read_flow_run` is async and is not awaited")], C3);
    expect(e?.text).toMatch(/get_client\(sync_client=True\)/);
  });

  it("wait_for_flow_run: says run_deployment already blocks", () => {
    const [e] = explainDiagnoses([d("missing-await", "`wait_for_flow_run` is async-only and must be awaited")], C3);
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
      [d("not-yet-available", "`pause_flow_run` inside a task needs Prefect 3.6.3 (it raises before that)")],
      C3,
    );
    expect(e?.topic).toBe("pause-in-task");
    expect(e?.text).toMatch(/3\.6\.3/);
    expect(e?.text).toMatch(/flow function/);
  });

  it("Variable.get(...).value on 3.x: drop `.value`", () => {
    const [e] = explainDiagnoses(
      [d("unknown-attribute", "`Variable.get(...)` returns the value; it has no `value`")],
      C3,
    );
    expect(e?.topic).toBe("variable-value");
    expect(e?.text).toMatch(/Drop `\.value`/);
  });
});
