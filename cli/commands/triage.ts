import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { InputError, loadConfig } from "../../core/index.js";
import { loadPrefectFacts } from "../../knowledge/index.js";
import {
  createClassifier,
  evaluateClassifier,
  evaluateDuplicates,
  findSimilar,
  formatTriageEval,
  importGithubExport,
  parsePairCases,
  parseThreadCases,
  type SimilarItem,
  syncGithubIssues,
  TriageStore,
} from "../../triage/index.js";
import { type CliContext, readAll } from "../context.js";

interface ClassifyFlags {
  json?: boolean;
}

export function triageCommand(ctx: CliContext): Command {
  const triage = new Command("triage").description("support triage: classify messages, list and report threads");
  triage
    .command("classify")
    .description("classify one support message as the Slack app would (kind, topic, version, code, similar)")
    .argument("<text>", "the message text, or - to read it from stdin")
    .option("--json", "print the classification as JSON")
    .action(async (arg: string, flags: ClassifyFlags) => {
      const text = arg === "-" ? await readAll(ctx.stdin) : arg;
      if (text.trim() === "") throw new InputError("nothing to classify: the message is empty");
      const classifier = createClassifier({ facts: loadPrefectFacts() });
      const result = classifier.classify(text);
      const similar = withStore(ctx, (store) => findSimilar(store, text, { topic: result.topic })) ?? [];
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify({ ...result, similar }, null, 2)}\n`);
        return;
      }
      const cues = (hits: Array<{ cue: string }>) => hits.map((h) => h.cue).join(", ") || "none";
      ctx.stdout.write(
        [
          `kind:       ${result.kind}  (cues: ${cues(result.evidence.kind)})`,
          `topic:      ${result.topic}  (cues: ${cues(result.evidence.topic)})`,
          `version:    ${result.version ?? "not stated"}`,
          `has code:   ${result.has_code ? "yes" : "no"}`,
          `confidence: ${result.confidence.toFixed(2)}`,
          `features:   ${result.evidence.features.join("; ") || "none"}`,
          `classifier: ${result.classifier}`,
          `similar:    ${similar.length === 0 ? "none" : ""}`,
          ...similar.map((s) => `  ${describeSimilar(s)}`),
          "",
        ].join("\n"),
      );
    });
  triage
    .command("eval")
    .description("measure the classifier on labelled JSONL threads and duplicate pairs")
    .option("--threads <file>", "JSONL of {id, text, kind, topic, version, has_code}", "evals/triage/threads.jsonl")
    .option("--pairs <file>", "JSONL of {id, a, b, same}", "evals/triage/duplicates.jsonl")
    .option("--json", "print the full report as JSON")
    .action(async (flags: { threads: string; pairs: string; json?: boolean }) => {
      const classifier = createClassifier({ facts: loadPrefectFacts() });
      const threads = fs.existsSync(flags.threads)
        ? evaluateClassifier(classifier, parseThreadCases(fs.readFileSync(flags.threads, "utf8"), flags.threads))
        : undefined;
      const pairs = fs.existsSync(flags.pairs)
        ? evaluateDuplicates(classifier, parsePairCases(fs.readFileSync(flags.pairs, "utf8"), flags.pairs))
        : undefined;
      if (!threads && !pairs) throw new InputError(`neither ${flags.threads} nor ${flags.pairs} exists`, "not_found");
      if (flags.json)
        ctx.stdout.write(`${JSON.stringify({ classifier: classifier.version, threads, pairs }, null, 2)}\n`);
      else ctx.stdout.write(`classifier: ${classifier.version}\n${formatTriageEval(threads, pairs)}`);
    });
  return triage;
}

/** Runs `use` on the triage store when the data dir already has one; classification alone needs no state. */
export function withStore<T>(ctx: CliContext, use: (store: TriageStore) => T): T | undefined {
  const config = loadConfig(ctx.env);
  if (!fs.existsSync(path.join(config.dataDir, "slack-state.sqlite"))) return undefined;
  const store = TriageStore.open(config.dataDir);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

export function describeSimilar(s: SimilarItem): string {
  if (s.type === "thread")
    return `${s.score.toFixed(2)}  thread ${s.channel}/${s.threadTs} [${s.state}] ${s.text.slice(0, 80)}`;
  return `${s.score.toFixed(2)}  ${s.type} ${s.repo}#${s.number} [${s.state}] ${s.title}  ${s.url}`;
}

/** `orca ingest github:OWNER/REPO [--from-file export.json]`: known issues for triage, one clear line per repo. */
export async function ingestGithub(ctx: CliContext, inputs: string[], flags: { fromFile?: string; json?: boolean }) {
  const repos = inputs.map((input) => {
    if (!input.startsWith("github:")) {
      throw new InputError(`"${input}": GitHub sources cannot be mixed with docs inputs in one ingest`);
    }
    return input.slice("github:".length);
  });
  if (flags.fromFile && repos.length !== 1) throw new InputError("--from-file takes exactly one github:OWNER/REPO");
  const config = loadConfig(ctx.env);
  const store = TriageStore.open(config.dataDir);
  const results: unknown[] = [];
  try {
    for (const repo of repos) {
      if (flags.fromFile) {
        const r = importGithubExport(flags.fromFile, repo, store);
        results.push({ repo, ...r });
        if (!flags.json)
          ctx.stdout.write(
            `${repo}: imported ${r.issues} issues and ${r.discussions} discussions from ${flags.fromFile}\n`,
          );
        continue;
      }
      const r = await syncGithubIssues({
        repo,
        store,
        apiUrl: config.github.apiUrl,
        ...(config.github.token ? { token: config.github.token } : {}),
      });
      results.push(r);
      if (!flags.json) {
        ctx.stdout.write(
          r.notModified
            ? `${r.repo}: not modified since the last sync\n`
            : `${r.repo}: stored ${r.stored} issues from ${r.pages} pages (${r.skippedPullRequests} pull requests skipped)\n`,
        );
      }
    }
  } finally {
    store.close();
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
