// `orca api`, the answer engine, the verifier and the audit ask the facts the same question through one query
// (describeApi): for every name and release here they must give the same verdict and the same replacement.

import { describe, expect, it } from "vitest";
import { lookupApi } from "../bot/answer/retrieve/index.js";
import { verifyDraft } from "../bot/answer/verify/index.js";
import { checkApiNames } from "../evals/index.js";
import { type ApiReport, loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "../lint/index.js";
import { runOrca } from "./support/run-orca.js";

const facts = loadPrefectFacts();
const linter = await createLinter(facts);

type Status = "present" | "removed" | "not-yet" | "unknown";

/** The audit reports a problem code per name; no finding (or only a deprecation) means the name is there. */
const AUDIT_STATUS: Record<string, Status> = {
  "removed-api": "removed",
  "not-yet-api": "not-yet",
  "unknown-api": "unknown",
  "deprecated-api": "present",
};

async function orcaApi(name: string, release: string): Promise<ApiReport> {
  const { stdout } = await runOrca(["api", name, "--prefect-version", release, "--json"]);
  return JSON.parse(stdout) as ApiReport;
}

async function verifierStatus(name: string, release: string): Promise<Status> {
  const result = await verifyDraft(`\`${name}\` exists.`, { linter, facts }, release);
  return result.names[0]?.status ?? "present";
}

function auditStatus(name: string, release: string): Status | undefined {
  // The audit reads fully qualified names from answers; a bare name is not one of its inputs.
  if (!name.startsWith("prefect.")) return undefined;
  const findings = checkApiNames(`Use ${name} here.`, [], { facts, version: release });
  return findings.length === 0 ? "present" : AUDIT_STATUS[findings[0]!.code];
}

describe("one verdict per name and release, whoever asks", () => {
  it.each<[string, string, string, Status]>([
    // exists
    ["exists", "prefect.futures.wait", "3.4.20", "present"],
    ["exists", "prefect.flows.Flow.serve", "2.20.25", "present"],
    ["exists (bare name)", "run_deployment", "2.20.25", "present"],
    ["exists (deprecated)", "prefect.deployments.Deployment", "2.20.25", "present"],
    // renamed or moved: gone, with the new name as the replacement
    ["renamed", "prefect.orion", "2.20.25", "removed"],
    ["moved", "prefect.engine.pause_flow_run", "3.4.20", "removed"],
    // removed
    ["removed", "prefect.runner.submit_to_runner", "3.8.3", "removed"],
    ["removed", "prefect.infrastructure.KubernetesJob", "3.0.0", "removed"],
    ["removed (bare name)", "KubernetesJob", "3.4.20", "removed"],
    // a member of a bare class name, when another module's class of that name lacks the member
    ["removed (bare member)", "JSON.load", "3.6.1", "removed"],
    ["exists (bare member)", "JSON.load", "3.4.0", "present"],
    // not there yet
    ["not yet", "prefect.futures.wait", "2.20.25", "not-yet"],
    ["not yet", "prefect.task_runners.ProcessPoolTaskRunner", "3.4.10", "not-yet"],
    ["not yet (bare name)", "ProcessPoolTaskRunner", "3.0.0", "not-yet"],
    // never existed
    ["never existed", "prefect.futures.wiat", "3.4.20", "unknown"],
    ["never existed", "prefect.flows.Flow.submit", "2.20.25", "unknown"],
    // module path wrong
    ["wrong module", "prefect.wait", "3.4.20", "unknown"],
    ["wrong module", "prefect.flows.wait", "3.8.3", "unknown"],
  ])("%s: %s in %s is %s", async (_case, name, release, status) => {
    const report = await orcaApi(name, release);
    const engine = lookupApi(name, facts, release);
    expect(report.status).toBe(status);
    expect(engine.status).toBe(status);
    expect(engine.fq).toBe(status === "unknown" ? null : report.name);
    expect(engine.replacement).toBe(report.replacement);
    expect(await verifierStatus(name, release)).toBe(status);
    const audit = auditStatus(name, release);
    if (audit !== undefined) expect(audit).toBe(status);
    // A wrong module is pointed at the right one by all of them.
    if (_case === "wrong module") {
      expect(report.livesIn.length).toBeGreaterThan(0);
      expect(engine.suggestions).toEqual(report.livesIn.slice(0, 3));
    }
  });
});
