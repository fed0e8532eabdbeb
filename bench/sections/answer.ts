// Offline answer latency over the full index (target p95 < 300 ms), with the engine's own per-step timings.
import { createOrca } from "../../bot/index.js";
import { type Answer, loadConfig, silentLogger } from "../../core/index.js";
import { BENCH_QUESTIONS } from "../fixtures/questions.js";
import type { Section } from "../section.js";
import { sampleStats, timed } from "../stats.js";
import type { Figure } from "../types.js";

const WARMUP_ANSWERS = 3;
/** Steps in pipeline order; any other step the engine reports is listed after them. */
const STEP_ORDER = ["read", "lint", "retrieve", "compose", "verify", "total"];

export const answerSection: Section = {
  name: "answer",
  async run(ctx) {
    const dataDir = await ctx.indexes.served();
    // No OpenAI settings: the offline composer.
    const config = loadConfig({ ORCA_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const orca = await createOrca({ config, logger: silentLogger() });
    try {
      const ask = (i: number) =>
        orca.engine.answer({ messages: [], question: BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]!, asker: "bench" });
      for (let i = 0; i < WARMUP_ANSWERS; i++) await ask(i);

      const wall: number[] = [];
      const answers: Answer[] = [];
      for (let i = 0; i < ctx.config.answer.questions; i++) {
        const { ms, value } = await timed(() => ask(i));
        wall.push(ms);
        answers.push(value);
      }
      const steps = [...new Set(answers.flatMap((a) => Object.keys(a.timings)))].sort(
        (a, b) => rank(a) - rank(b) || a.localeCompare(b),
      );
      const figures: Figure[] = [
        { name: "offline answer (wall)", unit: "ms", stats: sampleStats(wall), target: { stat: "p95", below: 300 } },
        ...steps.map((step) => ({
          name: `step: ${step}`,
          unit: "ms",
          stats: sampleStats(answers.map((a) => a.timings[step] ?? 0)),
        })),
      ];
      const modes = countBy(answers.map((a) => a.mode));
      return {
        figures,
        notes: modes.llm ? [`${modes.llm} answers were not offline`] : [],
        details: { questions: answers.length, modes, withSources: answers.filter((a) => a.sources.length > 0).length },
      };
    } finally {
      await orca.close();
    }
  },
};

function rank(step: string): number {
  const i = STEP_ORDER.indexOf(step);
  return i === -1 ? STEP_ORDER.length - 1 : i;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
