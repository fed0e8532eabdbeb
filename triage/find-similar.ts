// Earlier threads and known GitHub issues that look like the same problem, from what the triage store holds.
import { DUPLICATE_THRESHOLD, SimilarityIndex } from "./similarity.js";
import type { ThreadTopic } from "./taxonomy.js";
import type { TriageStore } from "./triage-store.js";

export interface SimilarThread {
  type: "thread";
  channel: string;
  threadTs: string;
  state: string;
  topic: string;
  text: string;
  score: number;
}

export interface SimilarIssue {
  type: "issue" | "discussion";
  repo: string;
  number: number;
  title: string;
  url: string;
  state: string;
  score: number;
}

export type SimilarItem = SimilarThread | SimilarIssue;

export interface FindSimilarOptions {
  topic?: ThreadTopic;
  /** The thread being classified, left out of its own results. */
  self?: { channel: string; threadTs: string };
  k?: number;
  min?: number;
}

/**
 * Builds one index over stored threads and issues (so word rarity reflects this workspace) and returns the best
 * matches: threads that were resolved first (their answer is known), then by score; issues by score.
 */
export function findSimilar(store: TriageStore, text: string, options: FindSimilarOptions = {}): SimilarItem[] {
  const threads = store.list({ limit: 5000 });
  const issues = store.issues();
  const index = new SimilarityIndex([
    ...threads.map((t) => ({ id: `t:${t.channel}:${t.threadTs}`, text: t.text, topic: t.topic })),
    ...issues.map((i) => ({ id: `i:${i.repo}:${i.kind}:${i.number}`, text: `${i.title}\n${i.body}` })),
  ]);
  const exclude = options.self ? `t:${options.self.channel}:${options.self.threadTs}` : undefined;
  const hits = index.search(text, {
    k: 50,
    min: options.min ?? DUPLICATE_THRESHOLD,
    ...(options.topic ? { topic: options.topic } : {}),
    ...(exclude ? { exclude } : {}),
  });
  const byThread = new Map(threads.map((t) => [`t:${t.channel}:${t.threadTs}`, t]));
  const byIssue = new Map(issues.map((i) => [`i:${i.repo}:${i.kind}:${i.number}`, i]));
  const items: SimilarItem[] = [];
  for (const hit of hits) {
    const t = byThread.get(hit.id);
    if (t) {
      items.push({
        type: "thread",
        channel: t.channel,
        threadTs: t.threadTs,
        state: t.state,
        topic: t.topic,
        text: t.text.slice(0, 200),
        score: hit.score,
      });
      continue;
    }
    const i = byIssue.get(hit.id);
    if (i)
      items.push({
        type: i.kind,
        repo: i.repo,
        number: i.number,
        title: i.title,
        url: i.url,
        state: i.state,
        score: hit.score,
      });
  }
  const k = options.k ?? 5;
  const threadItems = items
    .filter((x): x is SimilarThread => x.type === "thread")
    .sort((a, b) => Number(b.state === "resolved") - Number(a.state === "resolved") || b.score - a.score)
    .slice(0, k);
  const issueItems = items.filter((x): x is SimilarIssue => x.type !== "thread").slice(0, k);
  return [...threadItems, ...issueItems];
}
