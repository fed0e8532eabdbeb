import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isOrcaError } from "../../core/index.js";
import { loadPrefectFacts, loadPrefectFactsFrom, measureFactsLoad } from "./load-facts.js";

describe("loadPrefectFacts", () => {
  it("shares one store per process", () => {
    expect(loadPrefectFacts()).toBe(loadPrefectFacts());
    expect(loadPrefectFacts().releases).toHaveLength(287);
  });

  it("reports the load time (a figure for the benchmark, not asserted)", () => {
    const timing = measureFactsLoad(5);
    console.info(
      `facts load: first ${timing.firstMs.toFixed(1)} ms, median ${timing.medianMs.toFixed(1)} ms, ` +
        `${(timing.bytes / 1e6).toFixed(2)} MB`,
    );
    expect(timing.bytes).toBeGreaterThan(0);
  });

  it("fails with facts_unavailable on a missing or corrupt file, and rejects another format", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "orca-facts-"));
    const corrupt = path.join(dir, "bad.json");
    writeFileSync(corrupt, "{not json");
    for (const file of [path.join(dir, "missing.json"), corrupt]) {
      try {
        loadPrefectFactsFrom(file);
        expect.unreachable();
      } catch (error) {
        expect(isOrcaError(error) && error.code).toBe("facts_unavailable");
      }
    }
    const other = path.join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ format: 99 }));
    expect(() => loadPrefectFactsFrom(other)).toThrow(/format 99/);
  });
});
