// The numbers behind the digest, `orca triage report` and the HTML page, computed from the store for a window.
import { percentile } from "../core/index.js";
import { PRIVATE_THREAD } from "./find-similar.js";
import { DUPLICATE_THRESHOLD, SimilarityIndex } from "./similarity.js";
import { KINDS } from "./taxonomy.js";
import type { KnownIssue, TriageStore, TriageThread } from "./triage-store.js";

export interface TriageReport {
  from: number;
  to: number;
  total: number;
  byKind: Record<string, number>;
  byTopic: Record<string, number>;
  byState: Record<string, number>;
  /** Per UTC day (YYYY-MM-DD), counts per kind. */
  perDay: Array<{ day: string; counts: Record<string, number> }>;
  firstResponse: { count: number; medianMinutes: number | null; p90Minutes: number | null };
  answeredBy: { orca: number; human: number; none: number };
  resolvedBy: { orca: number; human: number };
  /** Open threads with no response past the nudge time. */
  pastSla: number;
  topUnansweredTopics: Array<{ topic: string; count: number }>;
  /** Groups of similar threads Orca did not answer: likely documentation gaps. */
  gaps: Array<{ topic: string; size: number; example: string }>;
  issues: Array<KnownIssue & { threads: number }>;
}

function count<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/** The nearest-rank percentile, or null when nobody has been answered yet. */
const percentileOrNull = (sorted: number[], p: number): number | null =>
  sorted.length === 0 ? null : percentile(sorted, p);

const DAY = 86_400_000;

export function buildReport(
  store: TriageStore,
  options: { from: number; to: number; nudgeAfterHours: number },
): TriageReport {
  const threads = store.createdBetween(options.from, options.to);
  const days: Array<{ day: string; counts: Record<string, number> }> = [];
  for (let t = Math.floor(options.from / DAY) * DAY; t < options.to; t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
    for (const th of threads) {
      if (new Date(th.createdAt).toISOString().slice(0, 10) === day) counts[th.kind] = (counts[th.kind] ?? 0) + 1;
    }
    days.push({ day, counts });
  }
  const waits = threads
    .filter((t) => t.firstResponseAt !== null)
    .map((t) => ((t.firstResponseAt as number) - t.createdAt) / 60_000)
    .sort((a, b) => a - b);
  const unanswered = threads.filter((t) => t.firstResponseBy !== "orca" && t.kind !== "off-topic");
  const open = (t: TriageThread) => t.state === "new" || t.state === "needs-human";
  return {
    from: options.from,
    to: options.to,
    total: threads.length,
    byKind: count(threads, (t) => t.kind),
    byTopic: count(threads, (t) => t.topic),
    byState: count(threads, (t) => t.state),
    perDay: days,
    firstResponse: {
      count: waits.length,
      medianMinutes: percentileOrNull(waits, 50),
      p90Minutes: percentileOrNull(waits, 90),
    },
    answeredBy: {
      orca: threads.filter((t) => t.firstResponseBy === "orca").length,
      human: threads.filter((t) => t.firstResponseBy === "human").length,
      none: threads.filter((t) => t.firstResponseBy === null).length,
    },
    resolvedBy: {
      orca: threads.filter((t) => t.resolvedBy === "orca").length,
      human: threads.filter((t) => t.resolvedBy === "human").length,
    },
    pastSla: threads.filter(
      (t) => open(t) && t.firstResponseAt === null && options.to - t.createdAt >= options.nudgeAfterHours * 3_600_000,
    ).length,
    topUnansweredTopics: Object.entries(count(unanswered, (t) => t.topic))
      .map(([topic, n]) => ({ topic, count: n }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, 5),
    gaps: clusters(unanswered).slice(0, 5),
    issues: store.issuesByLinks(10),
  };
}

/** Greedy single-pass clustering of similar threads, largest groups first. */
function clusters(threads: readonly TriageThread[]): TriageReport["gaps"] {
  const index = new SimilarityIndex(
    threads.map((t, i) => ({ id: String(i), text: t.text, topic: t.topic, version: t.version, concepts: t.concepts })),
  );
  const groups: Array<{ lead: TriageThread; leadId: string; members: number }> = [];
  threads.forEach((t, i) => {
    const home = groups.find(
      (g) => g.lead.topic === t.topic && (index.scoreIndexed(g.leadId, String(i)) ?? 0) >= DUPLICATE_THRESHOLD,
    );
    if (home) home.members++;
    else groups.push({ lead: t, leadId: String(i), members: 1 });
  });
  return groups
    .sort((a, b) => b.members - a.members)
    .map((g) => ({ topic: g.lead.topic, size: g.members, example: example(g.lead) }));
}

/** Reports and the digest are read outside the thread's channel: a private channel's words stay in it. */
function example(t: TriageThread): string {
  return t.visibility === "public" ? t.text.replace(/\s+/g, " ").slice(0, 140) : PRIVATE_THREAD;
}
