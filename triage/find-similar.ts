// Earlier threads and known GitHub issues that look like the same problem. One index over both, so word rarity
// reflects this workspace; built once from the store and kept up to date as threads arrive, change and go.
import { DUPLICATE_THRESHOLD, SimilarityIndex } from "./similarity.js";
import type { ThreadTopic } from "./taxonomy.js";
import type { KnownIssue, TriageStore, TriageThread } from "./triage-store.js";

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

const threadId = (t: { channel: string; threadTs: string }) => `t:${t.channel}:${t.threadTs}`;
const issueId = (i: { repo: string; kind: string; number: number }) => `i:${i.repo}:${i.kind}:${i.number}`;

export class SimilarFinder {
  private readonly index = new SimilarityIndex();
  private readonly threads = new Map<string, Pick<TriageThread, "channel" | "threadTs" | "state" | "topic" | "text">>();
  private readonly issues = new Map<string, KnownIssue>();

  static fromStore(store: TriageStore): SimilarFinder {
    const finder = new SimilarFinder();
    for (const t of store.list({ limit: 100_000 })) finder.addThread(t);
    for (const i of store.issues()) finder.addIssue(i);
    return finder;
  }

  addThread(t: Pick<TriageThread, "channel" | "threadTs" | "state" | "topic" | "text">): void {
    this.threads.set(threadId(t), { ...t });
    this.index.add({ id: threadId(t), text: t.text, topic: t.topic });
  }

  /** Keeps the state shown with a thread current (resolved threads are listed first). */
  setThreadState(t: { channel: string; threadTs: string }, state: string): void {
    const known = this.threads.get(threadId(t));
    if (known) known.state = state as TriageThread["state"];
  }

  removeThread(t: { channel: string; threadTs: string }): void {
    this.threads.delete(threadId(t));
    this.index.remove(threadId(t));
  }

  addIssue(issue: KnownIssue): void {
    this.issues.set(issueId(issue), issue);
    this.index.add({ id: issueId(issue), text: `${issue.title}\n${issue.body}` });
  }

  /** Threads that were resolved first (their answer is known), then by score; then issues by score. */
  find(text: string, options: FindSimilarOptions = {}): SimilarItem[] {
    const hits = this.index.search(text, {
      k: 50,
      min: options.min ?? DUPLICATE_THRESHOLD,
      ...(options.topic ? { topic: options.topic } : {}),
      ...(options.self ? { exclude: threadId(options.self) } : {}),
    });
    const k = options.k ?? 5;
    const threads: SimilarThread[] = [];
    const issues: SimilarIssue[] = [];
    for (const hit of hits) {
      const t = this.threads.get(hit.id);
      if (t) {
        threads.push({ type: "thread", ...t, text: t.text.slice(0, 200), score: hit.score });
        continue;
      }
      const i = this.issues.get(hit.id);
      if (i) {
        issues.push({
          type: i.kind,
          repo: i.repo,
          number: i.number,
          title: i.title,
          url: i.url,
          state: i.state,
          score: hit.score,
        });
      }
    }
    threads.sort((a, b) => Number(b.state === "resolved") - Number(a.state === "resolved") || b.score - a.score);
    return [...threads.slice(0, k), ...issues.slice(0, k)];
  }
}

/** One-off lookup straight from the store (the CLI). */
export function findSimilar(store: TriageStore, text: string, options: FindSimilarOptions = {}): SimilarItem[] {
  return SimilarFinder.fromStore(store).find(text, options);
}
