// Triage: what classifying a new thread adds to intake (classification, plus the classification and thread rows
// written before the acknowledgement; target p95 < 20 ms), and the similar-thread and fix lookups that run after it.
import { loadChangeFacts, loadPrefectFacts } from "../../knowledge/index.js";
import { createClassifier, createFixFinder, SimilarFinder, TriageStore } from "../../triage/index.js";
import { BENCH_SNIPPETS } from "../fixtures/lint-snippets.js";
import type { Section } from "../section.js";
import { summarize } from "../stats.js";

/** Support messages of the shapes a channel sees: short questions, reports with code, long pastes. */
function messages(): string[] {
  const prose = [
    "How do I set retries with exponential backoff on a task?",
    "Is Prefect Cloud down? all our flows fail with 503 since this morning",
    "Would be great if work pools supported GPU quotas, any plans?",
    "We're on prefect==2.19.3 and the agent never picks up runs from the default work queue",
    "How do you all structure deployments in a monorepo? thoughts on one prefect.yaml per project?",
    "My cron schedule skips a run at daylight saving time, is this a bug?",
  ];
  const withCode = BENCH_SNIPPETS.map(
    (s) => `Prefect ${s.version}: this fails, any idea?\n\`\`\`python\n${s.code}\n\`\`\``,
  );
  return [...prose, ...withCode];
}

export const triageSection: Section = {
  name: "triage",
  async run(ctx) {
    const facts = loadPrefectFacts();
    const classifier = createClassifier({ facts });
    const texts = messages();
    for (const t of texts) classifier.classify(t); // warm-up
    const store = TriageStore.open(ctx.workDir);
    const classify: number[] = [];
    const intake: number[] = [];
    const rounds = ctx.config.lint.rounds * 10;
    let n = 0;
    try {
      for (let round = 0; round < rounds; round++) {
        for (const text of texts) {
          const started = performance.now();
          const c = classifier.classify(text);
          const classified = performance.now();
          store.addThread(
            {
              channel: "CBENCH",
              threadTs: `1700000000.${String(n++).padStart(6, "0")}`,
              user: "U1",
              text,
              mode: "silent",
            },
            c,
            Date.now(),
          );
          classify.push(classified - started);
          intake.push(performance.now() - started);
        }
      }
      const finder = SimilarFinder.fromStore(store);
      const similar: number[] = [];
      for (const text of texts) {
        const started = performance.now();
        finder.find(text, { k: 3 });
        similar.push(performance.now() - started);
      }
      // The fix link: the change lookup an answer makes, for each thread that states a version.
      const fixes = createFixFinder({ changes: loadChangeFacts(), facts });
      const versioned = texts
        .map((t) => ({ text: t, version: classifier.classify(t).version }))
        .filter((v) => v.version !== null);
      for (const v of versioned) fixes.find(v.text, v.version); // warm-up (builds the change index)
      const fixLookups: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const v of versioned) {
          const started = performance.now();
          fixes.find(v.text, v.version);
          fixLookups.push(performance.now() - started);
        }
      }
      return {
        figures: [
          { name: "classify one message", unit: "ms", stats: summarize(classify), target: { stat: "p95", below: 20 } },
          {
            name: "intake: classify + record",
            unit: "ms",
            stats: summarize(intake),
            target: { stat: "p95", below: 20 },
          },
          { name: `similar threads over ${n} stored (after ack)`, unit: "ms", stats: summarize(similar) },
          {
            name: `fix link lookup per thread stating a version (${versioned.length}; after ack)`,
            unit: "ms",
            stats: summarize(fixLookups),
          },
        ],
        details: { messages: texts.length, rounds, classifier: classifier.version },
      };
    } finally {
      store.close();
    }
  },
};
