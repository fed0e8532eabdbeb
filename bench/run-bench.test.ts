import { describe, expect, it } from "vitest";
import { benchConfig } from "./config.js";
import { runBench } from "./run-bench.js";
import { type Section, SkipSection } from "./section.js";

const measured: Section = {
  name: "lint",
  async run() {
    return { figures: [{ name: "work", unit: "ms", value: 3 }], notes: ["part skipped: because"] };
  },
};
const missing: Section = {
  name: "ingest",
  async run() {
    throw new SkipSection("no data");
  },
};
const broken: Section = {
  name: "answer",
  async run() {
    throw new Error("boom\nstack line");
  },
};

describe("runBench", () => {
  const config = { ...benchConfig(true), corpusFilesPerVersion: 0 };

  it("isolates sections: a skip and a failure are reported, the others still run", async () => {
    const report = await runBench({ config, sections: [missing, broken, measured] });
    expect(report.sections.map((s) => [s.section, s.status])).toEqual([
      ["ingest", "skipped"],
      ["answer", "failed"],
      ["lint", "ok"],
    ]);
    expect(report.sections[0]!.reason).toBe("no data");
    expect(report.sections[1]!.reason).toBe("boom");
    expect(report.sections[2]!.figures).toEqual([{ name: "work", unit: "ms", value: 3 }]);
    expect(report.sections[2]!.notes).toEqual(["part skipped: because"]);
  });

  it("runs only the selected sections", async () => {
    const report = await runBench({ config, sections: [missing, broken, measured], only: ["lint"] });
    expect(report.sections.map((s) => s.section)).toEqual(["lint"]);
  });

  it("skips index-reading sections when no corpus is found", async () => {
    const reader: Section = {
      name: "retrieval",
      async run(ctx) {
        await ctx.indexes.corpus();
        return { figures: [] };
      },
    };
    const report = await runBench({ config, sections: [reader], corpusRoot: "/nonexistent-corpus" });
    expect(report.corpus).toBeNull();
    expect(report.sections[0]).toMatchObject({ status: "skipped", reason: "shared docs corpus not found" });
  });
});
