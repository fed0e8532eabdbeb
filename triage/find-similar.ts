// Earlier threads and known GitHub issues that look like the same problem. One index over both, so word rarity
// reflects this workspace; built once from the store and kept up to date as threads arrive, change and go.
import { conceptsIn } from "../bot/answer/index.js";
import type { Classification } from "./classify-thread.js";
import { DUPLICATE_THRESHOLD, SimilarityIndex } from "./similarity.js";
import type { ThreadTopic } from "./taxonomy.js";
import type { KnownIssue, TriageStore, TriageThread, Visibility } from "./triage-store.js";

export interface SimilarThread {
  type: "thread";
  channel: string;
  threadTs: string;
  state: string;
  topic: string;
  text: string;
  visibility: Visibility;
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
  /** The new thread's Prefect version and answer units (its classification), when known. */
  version?: string | null;
  concepts?: Classification["concepts"];
  /** The thread being classified, left out of its own results. */
  self?: { channel: string; threadTs: string };
  k?: number;
  min?: number;
  /**
   * The channel the results will be shown in: only threads of that channel or of public channels are returned,
   * so a private channel's thread never surfaces anywhere else.
   */
  shownIn?: string;
}

/** What stands in for a private channel's thread text wherever it would be shown outside that channel. */
export const PRIVATE_THREAD = "a thread in a private channel";

/** The privacy rule for showing a thread's text: in its own channel, or anywhere when its channel is public. */
export function visibleIn(thread: { channel: string; visibility?: Visibility }, channel: string): boolean {
  return thread.channel === channel || thread.visibility === "public";
}

type IndexedThread = Pick<TriageThread, "channel" | "threadTs" | "state" | "topic" | "text"> & {
  visibility?: Visibility;
  version?: string | null;
  concepts?: Classification["concepts"] | null;
};

const threadId = (t: { channel: string; threadTs: string }) => `t:${t.channel}:${t.threadTs}`;
const issueId = (i: { repo: string; kind: string; number: number }) => `i:${i.repo}:${i.kind}:${i.number}`;

export class SimilarFinder {
  private readonly index = new SimilarityIndex();
  private readonly threads = new Map<string, IndexedThread & { visibility: Visibility }>();
  private readonly issues = new Map<string, KnownIssue>();

  static fromStore(store: TriageStore): SimilarFinder {
    const finder = new SimilarFinder();
    const threads = store.list({ limit: 100_000 });
    // Threads stored before their answer units were kept get them once, here, so later starts need not match them.
    const missing = threads.filter((t) => t.concepts === null);
    if (missing.length > 0) {
      store.setConcepts(
        missing.map((t) => {
          t.concepts = conceptsIn(t.text).map((c) => ({ id: c.id, confidence: c.confidence }));
          return t;
        }),
      );
    }
    for (const t of threads) finder.addThread(t);
    for (const i of store.issues()) finder.addIssue(i);
    return finder;
  }

  /** A thread whose visibility is not given counts as private. */
  addThread(t: IndexedThread): void {
    const { version, concepts, ...shown } = t;
    this.threads.set(threadId(t), { ...shown, visibility: t.visibility === "public" ? "public" : "private" });
    this.index.add({
      id: threadId(t),
      text: t.text,
      topic: t.topic,
      ...(version !== undefined ? { version } : {}),
      ...(concepts ? { concepts } : {}),
    });
  }

  /** Keeps the state shown with a thread current (resolved threads are listed first). */
  setThreadState(t: { channel: string; threadTs: string }, state: string): void {
    const known = this.threads.get(threadId(t));
    if (known) known.state = state as TriageThread["state"];
  }

  /** A thread whose channel became private is never shown outside it again. */
  makePrivate(t: { channel: string; threadTs: string }): void {
    const known = this.threads.get(threadId(t));
    if (known) known.visibility = "private";
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
      ...(options.version !== undefined ? { version: options.version } : {}),
      ...(options.concepts ? { concepts: options.concepts } : {}),
      ...(options.self ? { exclude: threadId(options.self) } : {}),
    });
    const k = options.k ?? 5;
    const threads: SimilarThread[] = [];
    const issues: SimilarIssue[] = [];
    for (const hit of hits) {
      const t = this.threads.get(hit.id);
      if (t) {
        if (options.shownIn !== undefined && !visibleIn(t, options.shownIn)) continue;
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
