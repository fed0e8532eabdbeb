// Lint: snippets per second and per-snippet latency after warm-up (target p95 < 20 ms), and facts load time.
import type { LintResult } from "../../core/index.js";
import { areaFunction, firstFunction, importArea } from "../areas.js";
import { BENCH_SNIPPETS } from "../fixtures/lint-snippets.js";
import type { Section } from "../section.js";
import { summarize, timed } from "../stats.js";

/** The part of the lint and facts contract the bench relies on. */
interface Linter {
  lint(code: string, version: string): LintResult | Promise<LintResult>;
}
type LoadFacts = () => unknown;
type CreateLinter = (facts: unknown) => Linter | Promise<Linter>;

const WARMUP_ROUNDS = 3;

export const lintSection: Section = {
  name: "lint",
  async run(ctx) {
    const factsLoad = await timed(async () => {
      const knowledge = await importArea("knowledge/index.ts");
      const loadFacts = firstFunction<LoadFacts>(knowledge, ["loadPrefectFacts", "loadFacts"]);
      if (!loadFacts) return undefined;
      return await loadFacts();
    });
    const lintArea = await importArea("lint/index.ts");
    const loadFacts = firstFunction<LoadFacts>(lintArea, ["loadPrefectFacts", "loadFacts"]);
    const facts = factsLoad.value ?? (loadFacts ? await loadFacts() : undefined);
    if (facts === undefined) throw new Error("no loadPrefectFacts() in knowledge/index.ts or lint/index.ts");
    const createLinter = areaFunction<CreateLinter>(lintArea, "createLinter", "lint/index.ts");
    const linter = await createLinter(facts);

    for (let i = 0; i < WARMUP_ROUNDS; i++) for (const s of BENCH_SNIPPETS) await linter.lint(s.code, s.version);

    const samples: number[] = [];
    const diagnosesPerSnippet: Record<string, number> = {};
    const runStart = performance.now();
    for (let round = 0; round < ctx.config.lint.rounds; round++) {
      for (const s of BENCH_SNIPPETS) {
        const { ms, value } = await timed(() => linter.lint(s.code, s.version));
        samples.push(ms);
        diagnosesPerSnippet[s.name] = value.diagnoses.length;
      }
    }
    const elapsedS = (performance.now() - runStart) / 1000;
    const lines = BENCH_SNIPPETS.map((s) => s.code.split("\n").length);
    return {
      figures: [
        { name: "facts load (import + first load)", unit: "ms", value: factsLoad.ms, target: "< 200 ms" },
        { name: "lint per snippet (warm)", unit: "ms", stats: summarize(samples), target: "p95 < 20 ms" },
        { name: "lint throughput", unit: "snippets/s", value: samples.length / elapsedS },
      ],
      details: { snippets: BENCH_SNIPPETS.length, linesPerSnippet: lines, diagnosesPerSnippet },
    };
  },
};
