import { describe, expect, it } from "vitest";
import { formatNumber } from "./format-number.js";
import { renderPerformanceDoc } from "./performance-doc.js";
import { parseSectionList } from "./section-list.js";
import { sampleStats } from "./stats.js";
import { formatMarkdownTable, formatTable } from "./table.js";
import type { BenchReport } from "./types.js";

function report(): BenchReport {
  return {
    startedAt: "2026-01-01T00:00:00.000Z",
    durationMs: 61_000,
    command: "orca bench --only lint,e2e",
    quick: false,
    machine: { os: "Linux x64", cpus: 2, cpuModel: "cpu", memoryMB: 4096, node: "v20.0.0" },
    corpus: { versions: ["3", "2"], files: 1273, bytes: 7 * 2 ** 20, slice: false },
    sections: [
      {
        section: "lint",
        status: "ok",
        durationMs: 1,
        figures: [
          {
            name: "lint per snippet",
            unit: "ms",
            stats: sampleStats([1, 2, 3, 40]),
            target: { stat: "p95", below: 20 },
          },
          { name: "throughput", unit: "snippets/s", value: 123.456, target: { stat: "value", atLeast: 100 } },
        ],
        notes: ["cold part skipped: a | b"],
        tables: [{ title: "snippets", header: ["snippet", "lines"], rows: [["clean", "42"]] }],
        details: {},
      },
      {
        section: "e2e",
        status: "skipped",
        reason: "serve not found",
        durationMs: 0,
        figures: [],
        notes: [],
        tables: [],
        details: {},
      },
    ],
  };
}

describe("formatTable", () => {
  it("prints one row per figure with percentiles, skipped sections with their reason, and side tables", () => {
    const text = formatTable(report());
    expect(text).toContain("corpus: 1273 files, 7.0 MB (v3 + v2)");
    const lines = text.split("\n");
    const row = lines.find((l) => l.startsWith("lint") && l.includes("lint per snippet"))!;
    expect(row.split(/\s{2,}/)).toEqual([
      "lint",
      "lint per snippet",
      "4",
      "2 ms",
      "40 ms",
      "40 ms",
      "40 ms",
      "p95 < 20 ms",
      "no",
    ]);
    expect(lines.find((l) => l.includes("throughput"))).toMatch(/123 snippets\/s\s+>= 100 snippets\/s\s+yes$/);
    expect(lines.some((l) => /^e2e\s+skipped: serve not found$/.test(l))).toBe(true);
    expect(text).toContain("lint: snippets");
  });

  it("escapes pipes in Markdown cells", () => {
    const md = formatMarkdownTable(report());
    expect(md).toContain("cold part skipped: a \\| b");
    expect(md.split("\n")[1]).toBe("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  });
});

describe("formatNumber", () => {
  it("keeps two significant decimals for small values and none for large ones", () => {
    expect(formatNumber(1234.5)).toBe("1235");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(0.1234)).toBe("0.12");
    expect(formatNumber(0.00012)).toBe("1.2e-4");
    expect(formatNumber(Number.NaN)).toBe("");
  });
});

describe("renderPerformanceDoc", () => {
  it("names the command that produced the figures and says which sections were not measured", () => {
    const doc = renderPerformanceDoc(report(), "npx tsx scripts/write-performance-doc.ts --only lint,e2e");
    expect(doc).toContain("npx tsx scripts/write-performance-doc.ts --only lint,e2e");
    expect(doc).toContain("`orca bench --only lint,e2e`");
    expect(doc).toContain("Sections not measured in this run: e2e");
    expect(doc).toContain("1 of 2 targets met in this run");
    expect(doc).toContain("- **not met**: lint, lint per snippet (p95 < 20 ms)");
    expect(doc).toContain("| lint | lint per snippet | 4 | 2 ms | 40 ms | 40 ms | 40 ms |  | p95 < 20 ms | no |");
  });
});

describe("parseSectionList", () => {
  it("accepts known sections and rejects unknown ones by name", () => {
    expect(parseSectionList("e2e, lint")).toEqual(["e2e", "lint"]);
    expect(() => parseSectionList("lint,warp")).toThrow(/got "warp"/);
    expect(() => parseSectionList(",")).toThrow(/comma-separated/);
  });
});
