// Runs `orca bench --quick` end to end in process and checks the report's structure. Never asserts speed.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BenchReport, benchConfig, SECTION_NAMES } from "../bench/index.js";
import { runOrca } from "./support/run-orca.js";

function orca(argv: string[]) {
  return runOrca(argv);
}

describe("orca bench --quick", () => {
  let dir: string;
  let report: BenchReport;
  let stdout: string;
  let code: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "orca-bench-test-"));
    const result = await orca(["bench", "--quick", "--json", path.join(dir, "bench.json")]);
    code = result.code;
    stdout = result.stdout;
    report = JSON.parse(await readFile(path.join(dir, "bench.json"), "utf8")) as BenchReport;
  }, 300_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("exits 0 and prints the table with every section", () => {
    expect(code).toBe(0);
    expect(stdout).toMatch(/^section\s+figure\s+n\s+p50\s+p95\s+p99\s+max\s+value\s+target\s+met$/m);
    for (const name of SECTION_NAMES) expect(stdout).toMatch(new RegExp(`^${name}\\s`, "m"));
  });

  it("writes a report with machine, node and corpus information", () => {
    expect(report.quick).toBe(true);
    expect(report.command).toBe("orca bench --quick");
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.memoryMB).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(report.sections.map((s) => s.section)).toEqual([...SECTION_NAMES]);
  });

  it("reports every section as measured or skipped with a reason, none failed", () => {
    for (const s of report.sections) {
      expect(["ok", "skipped"], `${s.section}: ${s.reason}`).toContain(s.status);
      if (s.status === "skipped") expect(s.reason).toMatch(/\S/);
      else expect(s.figures.length).toBeGreaterThan(0);
    }
  });

  it("gives ordered percentiles for every distribution and finite values", () => {
    const figures = report.sections.flatMap((s) => s.figures);
    for (const f of figures) {
      if (f.stats) {
        expect(f.stats.n, f.name).toBeGreaterThan(0);
        expect(f.stats.p50, f.name).toBeLessThanOrEqual(f.stats.p95);
        expect(f.stats.p95, f.name).toBeLessThanOrEqual(f.stats.p99);
        expect(f.stats.p99, f.name).toBeLessThanOrEqual(f.stats.max);
      } else {
        expect(Number.isFinite(f.value), f.name).toBe(true);
      }
    }
  });

  it("accounts for every posted event when the end-to-end section ran", (ctx) => {
    const e2e = report.sections.find((s) => s.section === "e2e")!;
    if (e2e.status !== "ok") return ctx.skip();
    const d = e2e.details as { events: number; once: number; missing: number; duplicated: number };
    expect(d.events).toBe(benchConfig(true).e2e.events);
    expect(d.once + d.missing + d.duplicated).toBe(d.events);
    const ack = e2e.figures.find((f) => f.name === "acknowledgement");
    expect(ack?.stats?.n).toBe(d.events);
  });

  it("measures the hnswlib vs brute-force comparison without any other area", () => {
    const retrieval = report.sections.find((s) => s.section === "retrieval")!;
    expect(retrieval.status).toBe("ok");
    const names = retrieval.figures.map((f) => f.name);
    expect(names.some((n) => n.startsWith("hnswlib knn"))).toBe(true);
    expect(names.some((n) => n.startsWith("brute-force cosine"))).toBe(true);
  });
});

describe("orca bench --only", () => {
  it("rejects an unknown section with a clear line", async () => {
    const result = await orca(["bench", "--only", "lint,warp", "--json", path.join(os.tmpdir(), "never.json")]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('got "warp"');
  });
});
