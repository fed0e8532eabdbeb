// Lint: per-snippet latency after warm-up (target p95 < 20 ms), snippets per second, the cold first call, and the
// facts load time (target < 200 ms).
import { loadPrefectFacts, measureFactsLoad } from "../../knowledge/index.js";
import { createLinter } from "../../lint/index.js";
import { BENCH_SNIPPETS } from "../fixtures/lint-snippets.js";
import type { Section } from "../section.js";
import { summarize, timed } from "../stats.js";
import type { Figure } from "../types.js";

const WARMUP_ROUNDS = 3;
const FACTS_LOAD_RUNS = 5;

export const lintSection: Section = {
  name: "lint",
  async run(ctx) {
    // Uncached loads, so the first one is the cold load `orca serve` pays at start.
    const load = measureFactsLoad(FACTS_LOAD_RUNS);
    const figures: Figure[] = [
      { name: "facts load, first", unit: "ms", value: load.firstMs, target: { stat: "value", below: 200 } },
      { name: `facts load, median of ${FACTS_LOAD_RUNS - 1} more`, unit: "ms", value: load.medianMs },
      { name: "facts file size", unit: "MB", value: load.bytes / 2 ** 20 },
    ];

    const linter = await createLinter(loadPrefectFacts());
    const first = BENCH_SNIPPETS[0]!;
    const cold = await timed(() => linter.lint(first.code, first.version));
    for (let i = 0; i < WARMUP_ROUNDS; i++) for (const s of BENCH_SNIPPETS) linter.lint(s.code, s.version);

    const samples: number[] = [];
    const diagnoses: Record<string, string[]> = {};
    const runStart = performance.now();
    for (let round = 0; round < ctx.config.lint.rounds; round++) {
      for (const s of BENCH_SNIPPETS) {
        const { ms, value } = await timed(() => linter.lint(s.code, s.version));
        samples.push(ms);
        diagnoses[s.name] = [...new Set(value.diagnoses.map((d) => d.rule))];
      }
    }
    const elapsedS = (performance.now() - runStart) / 1000;
    figures.push(
      { name: "first lint call (cold)", unit: "ms", value: cold.ms },
      { name: "lint per snippet (warm)", unit: "ms", stats: summarize(samples), target: { stat: "p95", below: 20 } },
      { name: "lint throughput", unit: "snippets/s", value: samples.length / elapsedS },
    );
    return {
      figures,
      tables: [
        {
          title: "bench snippets",
          header: ["snippet", "version", "lines", "rules reported"],
          rows: BENCH_SNIPPETS.map((s) => [
            s.name,
            s.version,
            String(s.code.split("\n").length),
            diagnoses[s.name]?.join(", ") || "none",
          ]),
        },
      ],
    };
  },
};
