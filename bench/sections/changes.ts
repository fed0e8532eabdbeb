// Change facts: compiling the release notes (target: adds under 2 s to `orca build-facts`), loading them, and one
// `changeLead` per question of the change eval set (target p95 under 10 ms, what a lookup adds to an answer).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, sharedDataDir } from "../../core/index.js";
import {
  CHANGES_FILE,
  ChangeFactsStore,
  changeLead,
  compileChanges,
  loadPrefectFacts,
  readChangeSources,
} from "../../knowledge/index.js";
import type { Section } from "../section.js";
import { summarize } from "../stats.js";
import type { Figure } from "../types.js";

const QUESTIONS = path.join(repoRoot, "evals", "changes", "changes.jsonl");

export const changesSection: Section = {
  name: "changes",
  async run() {
    const figures: Figure[] = [];
    const notes: string[] = [];
    if (existsSync(path.join(sharedDataDir, "prefect-api", "settings-history.json"))) {
      const sources = readChangeSources(sharedDataDir);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const { stats } = compileChanges(sources);
      const used = process.cpuUsage(cpu);
      figures.push(
        {
          name: "compile change facts",
          unit: "ms",
          value: performance.now() - started,
          target: { stat: "value", below: 2000 },
        },
        // On a shared machine the wall time is mostly waiting for a core; the CPU time is the work itself.
        { name: "compile change facts (CPU)", unit: "ms", value: (used.user + used.system) / 1000 },
        { name: "release-notes entries", unit: "entries", value: stats.changes },
      );
    } else notes.push("compile skipped: the shared release notes are not beside the checkout");

    const text = readFileSync(CHANGES_FILE, "utf8");
    const loadStart = performance.now();
    const changes = ChangeFactsStore.fromText(text);
    const loaded = performance.now();
    void changes.index;
    figures.push(
      { name: "change facts load", unit: "ms", value: loaded - loadStart },
      { name: "change index build", unit: "ms", value: performance.now() - loaded },
    );

    const questions = readFileSync(QUESTIONS, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as { question: string; prefect_version?: string | null });
    const deps = { changes, facts: loadPrefectFacts() };
    for (const q of questions) changeLead(deps, { text: q.question, version: q.prefect_version ?? undefined });
    const samples: number[] = [];
    for (const q of questions) {
      const started = performance.now();
      changeLead(deps, { text: q.question, version: q.prefect_version ?? undefined });
      samples.push(performance.now() - started);
    }
    figures.push({
      name: `change lookup per question (${questions.length})`,
      unit: "ms",
      stats: summarize(samples),
      target: { stat: "p95", below: 10 },
    });
    return { figures, notes };
  },
};
