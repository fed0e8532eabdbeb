// Lint: per-snippet latency after warm-up (target p95 < 20 ms), snippets per second, the cold first call, the
// facts load time (target < 200 ms), and the prose claim check per 3,000-character draft (target p95 < 20 ms).
import { createClaimChecker } from "../../knowledge/claims/index.js";
import { loadPrefectFacts, measureFactsLoad } from "../../knowledge/index.js";
import { createLinter } from "../../lint/index.js";
import { claimDrafts } from "../fixtures/claim-drafts.js";
import { BENCH_SNIPPETS } from "../fixtures/lint-snippets.js";
import type { Section } from "../section.js";
import { sampleStats, timed } from "../stats.js";
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

    // The prose claim check every draft goes through (offline and LLM), per 3,000-character draft.
    const claims = createClaimChecker(loadPrefectFacts());
    const drafts = claimDrafts();
    const releases = ["3.4.20", "3.8.3", "2.20.25"];
    for (const d of drafts) claims.check(d, releases[0]!);
    const claimSamples: number[] = [];
    for (let round = 0; round < ctx.config.lint.rounds; round++)
      for (const [i, d] of drafts.entries())
        claimSamples.push((await timed(() => claims.check(d, releases[i % releases.length]!))).ms);
    figures.push({
      name: "claim check per 3,000-char draft",
      unit: "ms",
      stats: sampleStats(claimSamples),
      target: { stat: "p95", below: 20 },
    });
    figures.push(
      { name: "first lint call (cold)", unit: "ms", value: cold.ms },
      { name: "lint per snippet (warm)", unit: "ms", stats: sampleStats(samples), target: { stat: "p95", below: 20 } },
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
