// The project's own eval cases, replayed offline over the default knowledge (the pack, plus the shared docs corpus
// when present), must pass at or above the floor recorded in evals/min-pass.json. Raise the floor as Orca improves;
// never lower it to let a change through.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, repoRoot, silentLogger } from "../core/index.js";
import {
  createEvalRuntime,
  type EvalReport,
  type EvalRuntime,
  evaluate,
  readMinPassFile,
  renderText,
} from "../evals/index.js";

describe("project eval cases (offline)", () => {
  let runtime: EvalRuntime;
  let report: EvalReport;
  let floor: number;

  beforeAll(async () => {
    floor = await readMinPassFile(path.join(repoRoot, "evals", "min-pass.json"));
    // An empty environment: no model, so the replay is offline and deterministic.
    runtime = await createEvalRuntime({ config: loadConfig({}), logger: silentLogger(), offline: true });
    report = await evaluate([path.join(repoRoot, "evals", "cases")], runtime);
  }, 600_000);

  afterAll(async () => {
    await runtime?.close();
  });

  it("has at least 60 valid cases covering every check", () => {
    expect(report.summary.total).toBeGreaterThanOrEqual(60);
    for (const metric of ["diagnoses_recall", "mentions", "must_not", "sources", "code_lints_clean"] as const) {
      expect(report.summary.metrics[metric].n, metric).toBeGreaterThan(0);
    }
  });

  it("passes at or above the recorded floor", () => {
    if (report.summary.passRate < floor) console.log(renderText(report));
    expect(report.summary.passRate).toBeGreaterThanOrEqual(floor);
  });

  it("answers every case without an error", () => {
    const errors = report.cases.filter((c) => c.error).map((c) => `${c.id}: ${c.error}`);
    expect(errors).toEqual([]);
  });
});
