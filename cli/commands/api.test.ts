// `orca api` end to end through the CLI entry point, in process.

import { describe, expect, it } from "vitest";
import { runOrca } from "../../test/support/run-orca.js";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runOrca(["api", ...args]);
  return { code, out: stdout, err: stderr };
}

describe("orca api", () => {
  it("shows a present function with its signature and return type", async () => {
    const { code, out } = await run("prefect.futures.wait", "--prefect-version", "3.4.20");
    expect(code).toBe(0);
    expect(out).toMatch(/prefect\.futures\.wait \(function\): exists in 3\.4\.20/);
    expect(out).toMatch(/signature: +wait\(futures, timeout=…\)/);
    expect(out).toMatch(/returns:/);
  });

  it("points a wrong import at the right module and exits 1", async () => {
    const { code, out } = await run("prefect.wait");
    expect(code).toBe(1);
    expect(out).toMatch(/not a Prefect name in 3\.8\.3/);
    expect(out).toMatch(/lives in: prefect\.futures\.wait/);
  });

  it("says when a name arrives and when it was removed, with the replacement", async () => {
    const early = await run("prefect.task_runners.ProcessPoolTaskRunner", "--prefect-version", "3.4.10");
    expect(early.code).toBe(0);
    expect(early.out).toMatch(/first appears in 3\.4\.14/);
    const gone = await run("prefect.runner.submit_to_runner", "--prefect-version", "3.6");
    expect(gone.out).toMatch(/last in 3\.4\.25/);
    expect(gone.out).toMatch(/instead: .*run_deployment/);
  });

  it("suggests close matches for unknown names", async () => {
    const { code, out } = await run("prefect.task_runners.ProcesPoolTaskRunner");
    expect(code).toBe(1);
    expect(out).toMatch(/did you mean: prefect\.task_runners\.ProcessPoolTaskRunner/);
  });

  it("reads a bare name as its public path", async () => {
    const { code, out } = await run("run_deployment", "--prefect-version", "3.8.3");
    expect(code).toBe(0);
    expect(out).toMatch(/^prefect\.deployments\.run_deployment \(function\)/);
    expect(out).toMatch(/defined in: prefect\.deployments\.flow_runs\.run_deployment/);
  });

  it("gives stable JSON", async () => {
    const { code, out } = await run("prefect.flows.Flow.submit", "--prefect-version", "3.0.0", "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ query: "prefect.flows.Flow.submit", version: "3.0.0", status: "unknown" });
    expect(report.replacement).toMatch(/subflow/);
    const again = await run("prefect.flows.Flow.submit", "--prefect-version", "3.0.0", "--json");
    expect(again.out).toBe(out);
  });

  it("JSON for a class lists members and constructor parameters", async () => {
    const { out } = await run("prefect.task_runners.ThreadPoolTaskRunner", "--prefect-version", "3.4.0", "--json");
    const report = JSON.parse(out);
    expect(report.status).toBe("present");
    expect(report.params).toEqual([
      { name: "max_workers", kind: "positional", hasDefault: true, defaultValue: "None" },
    ]);
    expect(report.members.names).toContain("submit");
  });

  it("knows integration packages", async () => {
    const { code, out } = await run("prefect_dask.DaskTaskRunner");
    expect(code).toBe(0);
    expect(out).toMatch(/prefect-dask/);
  });

  it("lists a module's names", async () => {
    const { code, out } = await run("prefect.futures", "--prefect-version", "3.0.0");
    expect(code).toBe(0);
    expect(out).toMatch(/names: .*as_completed/);
  });

  it("rejects an empty name", async () => {
    const { code, err } = await run("  ");
    expect(code).toBe(1);
    expect(err).toMatch(/give a dotted Prefect name/);
  });

  it("rejects a bad version clearly", async () => {
    const { code, err } = await run("prefect.flow", "--prefect-version", "banana");
    expect(code).toBe(1);
    expect(err).toMatch(/not a Prefect version/);
  });
});
