import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { STATE_DATABASE } from "../../bot/index.js";
import { InputError, loadConfig } from "../../core/index.js";
import { loadPrefectFacts } from "../../knowledge/index.js";
import {
  buildReport,
  createClassifier,
  evaluateClassifier,
  evaluateDuplicates,
  findSimilar,
  formatTriageEval,
  importGithubExport,
  isOpen,
  loadTriageSettings,
  modelClassifier,
  parsePairCases,
  parseThreadCases,
  renderTriageHtml,
  type SimilarItem,
  syncGithubIssues,
  THREAD_STATES,
  type ThreadState,
  TriageStore,
  type TriageThread,
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
      // As the app records it: the model's classification when one is configured, the offline one otherwise.
      const model = modelClassifier(loadConfig(ctx.env), classifier);
      const result = model ? await model.classify(text) : classifier.classify(text);
      const similar =
        withStore(ctx, (store) =>
          findSimilar(store, text, {
            topic: result.topic,
            version: result.version,
            ...(result.concepts ? { concepts: result.concepts } : {}),
          }),
        ) ?? [];
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify({ ...result, similar }, null, 2)}\n`);
        return;
      }
      // The features that weighed most for each decision (feature name and its push in log-odds).
      const why = (hits: Array<{ cue: string; weight: number }>) =>
        hits.map((h) => `${h.cue} ${h.weight}`).join(", ") || "none";
      ctx.stdout.write(
        [
          `kind:       ${result.kind}  (why: ${why(result.evidence.kind)})`,
          `topic:      ${result.topic}  (why: ${why(result.evidence.topic)})`,
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
    .command("list")
    .description("tracked support threads, newest first")
    .option("--state <state>", `only this state (${THREAD_STATES.join(", ")})`)
    .option("--owner <id>", "only threads routed to this Slack user or group id")
    .option("--open", "only open threads (new, answered by Orca, waiting for the asker, needs a human)")
    .option("--limit <n>", "at most this many", "50")
    .option("--json", "print the threads as JSON")
    .action((flags: { state?: string; owner?: string; open?: boolean; limit: string; json?: boolean }) => {
      if (flags.state !== undefined && !(THREAD_STATES as readonly string[]).includes(flags.state)) {
        throw new InputError(`--state must be one of ${THREAD_STATES.join(", ")}`);
      }
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new InputError("--limit must be a positive whole number");
      const threads =
        withStore(ctx, (store) =>
          store
            .list({
              ...(flags.state ? { state: flags.state as ThreadState } : {}),
              ...(flags.owner ? { owner: flags.owner } : {}),
              limit: flags.open ? 100_000 : limit,
            })
            .filter((t) => !flags.open || isOpen(t.state))
            .slice(0, limit)
            .map((t) => ({ ...t, fix: store.fixLink(t.channel, t.threadTs) ?? null })),
        ) ?? [];
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify(threads, null, 2)}\n`);
        return;
      }
      if (threads.length === 0) {
        ctx.stdout.write("no threads\n");
        return;
      }
      for (const t of threads) ctx.stdout.write(`${listLine(t)}\n`);
    });
  triage
    .command("show")
    .description("one thread: classification history, lifecycle events, linked issues")
    .argument("<thread>", "CHANNEL/TS, as printed by `orca triage list`")
    .option("--json", "print as JSON")
    .action((ref: string, flags: { json?: boolean }) => {
      const [channel, ts] = ref.split("/");
      if (!channel || !ts) throw new InputError(`"${ref}" is not CHANNEL/TS`);
      const found = withStore(ctx, (store) => {
        const thread = store.get(channel, ts);
        if (!thread) return undefined;
        const links = store.db
          .prepare(
            "SELECT repo, kind, number, score FROM issue_links WHERE channel = ? AND thread_ts = ? ORDER BY score DESC",
          )
          .all(channel, ts);
        return {
          thread,
          classifications: store.classifications(channel, ts),
          events: store.events(channel, ts),
          links,
          fix: store.fixLink(channel, ts) ?? null,
        };
      });
      if (!found) throw new InputError(`no tracked thread ${ref}`, "not_found");
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        return;
      }
      const t = found.thread;
      const at = (ms: number | null) => (ms === null ? "-" : new Date(ms).toISOString());
      ctx.stdout.write(
        [
          `${t.channel}/${t.threadTs}  ${t.state}  (${t.mode} channel)`,
          `asked by ${t.user} at ${at(t.createdAt)}; owner ${t.owner ?? "none"}`,
          `kind ${t.kind}, topic ${t.topic}, version ${t.version ?? "not stated"}, code ${t.hasCode ? "yes" : "no"}, confidence ${t.confidence.toFixed(2)} (${t.classifier})`,
          `first response ${at(t.firstResponseAt)} by ${t.firstResponseBy ?? "-"}; resolved ${at(t.resolvedAt)} by ${t.resolvedBy ?? "-"}`,
          `SLA: nudged ${at(t.nudgedAt)}, escalated ${at(t.escalatedAt)}, paused ${at(t.pausedAt)}`,
          `fix: ${
            found.fix
              ? `fixed in ${found.fix.release}${found.fix.pr === null ? "" : ` (#${found.fix.pr})`} ${found.fix.url ?? ""} (score ${found.fix.score.toFixed(2)}): ${found.fix.entry}`
              : "none linked"
          }`,
          `upgrade suggested: ${t.upgrade ? `${t.upgrade.release} by ${t.upgrade.by} at ${at(t.upgrade.at)}` : "no"}`,
          "",
          t.text,
          "",
          "classifications:",
          ...found.classifications.map((c) => `  ${c.classifier}: ${c.kind} / ${c.topic}`),
          "events:",
          ...found.events.map((e) => `  ${new Date(e.at).toISOString()} ${e.event}: ${e.from} -> ${e.to}`),
          "linked issues:",
          ...(found.links as Array<{ repo: string; kind: string; number: number; score: number }>).map(
            (l) => `  ${l.repo} ${l.kind} #${l.number} (score ${l.score.toFixed(2)})`,
          ),
          "",
        ].join("\n"),
      );
    });
  triage
    .command("report")
    .description("threads by kind and topic, response times, who resolved them, documentation gaps")
    .option("--days <n>", "how many days back", "14")
    .option("--html <file>", "also write a page with charts")
    .option("--json", "print the report as JSON")
    .action(async (flags: { days: string; html?: string; json?: boolean }) => {
      const days = Number(flags.days);
      if (!Number.isInteger(days) || days <= 0 || days > 366) throw new InputError("--days must be 1 to 366");
      const config = loadConfig(ctx.env);
      const nudge = config.triageConfigFile ? loadTriageSettings(config.triageConfigFile).sla.nudge_after_hours : 4;
      const to = Date.now();
      const report =
        withStore(ctx, (store) => buildReport(store, { from: to - days * 86_400_000, to, nudgeAfterHours: nudge })) ??
        undefined;
      if (!report) throw new InputError(`no triage data in ${config.dataDir}`, "not_found");
      if (flags.html) {
        fs.writeFileSync(flags.html, renderTriageHtml(report));
        ctx.stderr.write(`report written to ${flags.html}\n`);
      }
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const list = (c: Record<string, number>) =>
        Object.entries(c)
          .filter(([, n]) => n > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(", ") || "none";
      ctx.stdout.write(
        [
          `last ${days} days: ${report.total} threads, ${report.pastSla} open past SLA`,
          `by kind:  ${list(report.byKind)}`,
          `by topic: ${list(report.byTopic)}`,
          `by state: ${list(report.byState)}`,
          `first response: Orca ${report.answeredBy.orca}, humans ${report.answeredBy.human}, none ${report.answeredBy.none}; median ${report.firstResponse.medianMinutes?.toFixed(0) ?? "-"} min`,
          `resolved: by Orca ${report.resolvedBy.orca}, by humans ${report.resolvedBy.human}`,
          `top unanswered topics: ${report.topUnansweredTopics.map((t) => `${t.topic} ${t.count}`).join(", ") || "none"}`,
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
  if (!fs.existsSync(path.join(config.dataDir, STATE_DATABASE))) return undefined;
  const store = TriageStore.open(config.dataDir);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

function listLine(t: TriageThread & { fix: { release: string } | null }): string {
  const when = new Date(t.createdAt).toISOString().slice(0, 16).replace("T", " ");
  const text = t.text.replace(/\s+/g, " ").slice(0, 60);
  const fix = t.fix ? `[fixed in ${t.fix.release}] ` : "";
  return `${when}  ${t.state.padEnd(17)} ${t.kind.padEnd(10)} ${t.topic.padEnd(24)} ${(t.owner ?? "-").padEnd(10)} ${t.channel}/${t.threadTs}  ${fix}${text}`;
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
