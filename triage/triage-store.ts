// Triage state in the Slack state database (slack-state.sqlite): threads with their lifecycle and SLA clock,
// every classification with its classifier version, lifecycle events, known GitHub issues and thread↔issue links.
// Its tables are versioned on their own (triage_schema) so the Slack store's schema can move independently.
import type Database from "better-sqlite3";
import { openStateDatabase } from "../bot/slack/state-store.js";
import { DataDirError } from "../core/index.js";
import { comparePep440 } from "../knowledge/index.js";
import type { Classification } from "./classify-thread.js";
import { type LifecycleEvent, nextState, type ThreadState } from "./lifecycle.js";
import type { ThreadKind, ThreadTopic } from "./taxonomy.js";

export type ChannelMode = "answer" | "suggest" | "silent";
export type Responder = "orca" | "human";
/** Who may see a thread's channel: "public" only for a public channel; anything unknown counts as private. */
export type Visibility = "public" | "private";

export interface TriageThread {
  channel: string;
  threadTs: string;
  user: string;
  text: string;
  mode: ChannelMode;
  visibility: Visibility;
  kind: ThreadKind;
  topic: ThreadTopic;
  version: string | null;
  hasCode: boolean;
  confidence: number;
  classifier: string;
  state: ThreadState;
  owner: string | null;
  createdAt: number;
  updatedAt: number;
  stateChangedAt: number;
  firstResponseAt: number | null;
  firstResponseBy: Responder | null;
  resolvedAt: number | null;
  resolvedBy: Responder | null;
  ownerMentionedAt: number | null;
  nudgedAt: number | null;
  escalatedAt: number | null;
  pausedAt: number | null;
  orcaRepliedAt: number | null;
  humanRepliedAt: number | null;
  /** The answer job Orca queued for this thread in an answer channel. */
  answerJob: string | null;
  /** The answer units its text matched, best first (null when stored before they were kept). */
  concepts: Array<{ id: string; confidence: number }> | null;
  upgrade: UpgradeSuggestion | null;
}

export interface KnownIssue {
  repo: string;
  number: number;
  kind: "issue" | "discussion";
  title: string;
  body: string;
  state: string;
  url: string;
  updatedAt: string;
}

/** The release-notes fix a thread's problem matches, released after the thread's Prefect version. */
export interface FixLinkRecord {
  release: string;
  pr: number | null;
  url: string | null;
  score: number;
  /** The release-notes entry's text (public). */
  entry: string;
  linkedAt: number;
}

/** The newest release a reply suggested upgrading to while the thread was open. */
export interface UpgradeSuggestion {
  release: string;
  at: number;
  by: Responder | "asker";
}

export interface IssueLink {
  repo: string;
  number: number;
  score: number;
}

/** Each entry migrates the triage tables from version i to i+1; never edit a shipped entry, append a new one. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE triage_threads (
    channel            TEXT NOT NULL,
    thread_ts          TEXT NOT NULL,
    user               TEXT NOT NULL,
    text               TEXT NOT NULL,
    mode               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    topic              TEXT NOT NULL,
    version            TEXT,
    has_code           INTEGER NOT NULL,
    confidence         REAL NOT NULL,
    classifier         TEXT NOT NULL,
    state              TEXT NOT NULL DEFAULT 'new',
    owner              TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    state_changed_at   INTEGER NOT NULL,
    first_response_at  INTEGER,
    first_response_by  TEXT,
    resolved_at        INTEGER,
    resolved_by        TEXT,
    owner_mentioned_at INTEGER,
    nudged_at          INTEGER,
    escalated_at       INTEGER,
    paused_at          INTEGER,
    orca_replied_at    INTEGER,
    human_replied_at   INTEGER,
    answer_job         TEXT,
    PRIMARY KEY (channel, thread_ts)
  );
  CREATE INDEX triage_threads_job ON triage_threads (answer_job);
  CREATE TABLE triage_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE INDEX triage_threads_state ON triage_threads (state, created_at);
  CREATE INDEX triage_threads_created ON triage_threads (created_at);
  CREATE INDEX triage_threads_owner ON triage_threads (owner, state);
  CREATE INDEX triage_threads_topic ON triage_threads (topic, state);
  CREATE TABLE triage_classifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    classifier TEXT NOT NULL,
    kind       TEXT NOT NULL,
    topic      TEXT NOT NULL,
    version    TEXT,
    has_code   INTEGER NOT NULL,
    confidence REAL NOT NULL,
    evidence   TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX triage_classifications_thread ON triage_classifications (channel, thread_ts);
  CREATE TABLE triage_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    event      TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    actor      TEXT,
    at         INTEGER NOT NULL
  );
  CREATE INDEX triage_events_thread ON triage_events (channel, thread_ts);
  CREATE TABLE known_issues (
    repo       TEXT NOT NULL,
    number     INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    state      TEXT NOT NULL,
    url        TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (repo, kind, number)
  );
  CREATE TABLE issue_links (
    channel   TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    repo      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    number    INTEGER NOT NULL,
    score     REAL NOT NULL,
    PRIMARY KEY (channel, thread_ts, repo, kind, number)
  );
  CREATE INDEX issue_links_issue ON issue_links (repo, kind, number);
  CREATE TABLE github_sync (
    resource TEXT PRIMARY KEY,
    etag     TEXT,
    synced_at INTEGER NOT NULL
  );
  `,
  // Where a thread may be shown: threads stored before this was recorded count as private (unknown means private).
  `
  ALTER TABLE triage_threads ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private';
  `,
  // The release that fixed a thread's problem (one per thread: the fix an answer would state), and the newest
  // release a reply (Orca's or a person's) suggested upgrading to, for "resolved by upgrade" in the digest.
  `
  CREATE TABLE fix_links (
    channel   TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    release   TEXT NOT NULL,
    pr        INTEGER,
    url       TEXT,
    score     REAL NOT NULL,
    entry     TEXT NOT NULL,
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (channel, thread_ts)
  );
  CREATE INDEX fix_links_release ON fix_links (release);
  ALTER TABLE triage_threads ADD COLUMN upgrade_release TEXT;
  ALTER TABLE triage_threads ADD COLUMN upgrade_suggested_at INTEGER;
  ALTER TABLE triage_threads ADD COLUMN upgrade_suggested_by TEXT;
  CREATE INDEX triage_threads_resolved ON triage_threads (resolved_at);
  `,
  // Retention and staleness look threads up by state and last activity; the answer units a thread matched are kept
  // for similar-thread detection (NULL for threads from before: matched again when loaded).
  `
  CREATE INDEX triage_threads_activity ON triage_threads (state, updated_at);
  CREATE INDEX triage_events_at ON triage_events (at);
  ALTER TABLE triage_threads ADD COLUMN concepts TEXT;
  `,
];

export const TRIAGE_SCHEMA_VERSION = MIGRATIONS.length;

interface ThreadRow {
  channel: string;
  thread_ts: string;
  user: string;
  text: string;
  mode: ChannelMode;
  visibility: Visibility;
  kind: ThreadKind;
  topic: ThreadTopic;
  version: string | null;
  has_code: number;
  confidence: number;
  classifier: string;
  state: ThreadState;
  owner: string | null;
  created_at: number;
  updated_at: number;
  state_changed_at: number;
  first_response_at: number | null;
  first_response_by: Responder | null;
  resolved_at: number | null;
  resolved_by: Responder | null;
  owner_mentioned_at: number | null;
  nudged_at: number | null;
  escalated_at: number | null;
  paused_at: number | null;
  orca_replied_at: number | null;
  human_replied_at: number | null;
  answer_job: string | null;
  upgrade_release: string | null;
  upgrade_suggested_at: number | null;
  upgrade_suggested_by: UpgradeSuggestion["by"] | null;
  concepts: string | null;
}

function parseConcepts(raw: string | null): TriageThread["concepts"] {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? (value as Array<{ id: string; confidence: number }>) : null;
  } catch {
    return null;
  }
}

function toThread(r: ThreadRow): TriageThread {
  return {
    channel: r.channel,
    threadTs: r.thread_ts,
    user: r.user,
    text: r.text,
    mode: r.mode,
    visibility: r.visibility === "public" ? "public" : "private",
    kind: r.kind,
    topic: r.topic,
    version: r.version,
    hasCode: r.has_code === 1,
    confidence: r.confidence,
    classifier: r.classifier,
    state: r.state,
    owner: r.owner,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    stateChangedAt: r.state_changed_at,
    firstResponseAt: r.first_response_at,
    firstResponseBy: r.first_response_by,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    ownerMentionedAt: r.owner_mentioned_at,
    nudgedAt: r.nudged_at,
    escalatedAt: r.escalated_at,
    pausedAt: r.paused_at,
    orcaRepliedAt: r.orca_replied_at,
    humanRepliedAt: r.human_replied_at,
    answerJob: r.answer_job,
    upgrade:
      r.upgrade_release !== null && r.upgrade_suggested_at !== null
        ? { release: r.upgrade_release, at: r.upgrade_suggested_at, by: r.upgrade_suggested_by ?? "human" }
        : null,
    concepts: parseConcepts(r.concepts),
  };
}

export interface NewThread {
  channel: string;
  threadTs: string;
  user: string;
  /** Already scrubbed of secrets and personal data: the store keeps what it is given. */
  text: string;
  mode: ChannelMode;
  /** Default private: a thread whose channel is not known to be public is never shown outside it. */
  visibility?: Visibility;
}

/** What a retention prune removed. */
export interface Pruned {
  threads: Array<{ channel: string; threadTs: string }>;
  classifications: number;
  events: number;
  /** Issue links and fix links. */
  links: number;
}

/** States in which nobody is expected to act on a thread any more: only these are pruned by the retention. */
const CLOSED_STATES = "('resolved', 'stale')";

export interface ListFilter {
  state?: ThreadState;
  owner?: string;
  limit?: number;
}

/** A classification as the thread row stores it: kind, topic, version, has_code, confidence, classifier, concepts. */
function classificationColumns(c: Classification): (string | number | null)[] {
  return [
    c.kind,
    c.topic,
    c.version,
    c.has_code ? 1 : 0,
    c.confidence,
    c.classifier,
    c.concepts ? JSON.stringify(c.concepts) : null,
  ];
}

export class TriageStore {
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(readonly db: Database.Database) {}

  /** Opens the Slack state database in `dataDir` and brings the triage tables to the current schema. */
  static open(dataDir: string): TriageStore {
    try {
      const db = openStateDatabase(dataDir);
      migrate(db);
      return new TriageStore(db);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new DataDirError(`cannot open triage state in ${dataDir}: ${message}`, { cause: error });
    }
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  schemaVersion(): number {
    return (this.sql("SELECT version FROM triage_schema").get() as { version: number }).version;
  }

  /** Records a new thread and its first classification; false when the thread is already tracked. */
  addThread(thread: NewThread, c: Classification, now: number): boolean {
    return this.db.transaction(() => {
      const result = this.sql(
        `INSERT OR IGNORE INTO triage_threads (channel, thread_ts, user, text, mode, visibility, kind, topic, version,
           has_code, confidence, classifier, concepts, created_at, updated_at, state_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        thread.channel,
        thread.threadTs,
        thread.user,
        thread.text,
        thread.mode,
        thread.visibility === "public" ? "public" : "private",
        ...classificationColumns(c),
        now,
        now,
        now,
      );
      if (result.changes === 0) return false;
      this.recordClassification(thread.channel, thread.threadTs, c, now);
      return true;
    })();
  }

  /** A new classification of an edited message: kept in history and made current. */
  reclassify(channel: string, threadTs: string, text: string, c: Classification, now: number): boolean {
    return this.db.transaction(() => {
      const result = this.sql(
        `UPDATE triage_threads SET text = ?, kind = ?, topic = ?, version = ?, has_code = ?, confidence = ?,
           classifier = ?, concepts = COALESCE(?, concepts), updated_at = ? WHERE channel = ? AND thread_ts = ?`,
      ).run(text, ...classificationColumns(c), now, channel, threadTs);
      if (result.changes === 0) return false;
      this.recordClassification(channel, threadTs, c, now);
      return true;
    })();
  }

  private recordClassification(channel: string, threadTs: string, c: Classification, now: number): void {
    this.sql(
      `INSERT INTO triage_classifications (channel, thread_ts, classifier, kind, topic, version, has_code, confidence,
         evidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      channel,
      threadTs,
      c.classifier,
      c.kind,
      c.topic,
      c.version,
      c.has_code ? 1 : 0,
      c.confidence,
      JSON.stringify(c.evidence),
      now,
    );
  }

  classifications(channel: string, threadTs: string): Array<{ classifier: string; kind: string; topic: string }> {
    return this.sql(
      "SELECT classifier, kind, topic FROM triage_classifications WHERE channel = ? AND thread_ts = ? ORDER BY id",
    ).all(channel, threadTs) as Array<{ classifier: string; kind: string; topic: string }>;
  }

  /** Removes a deleted thread and everything hanging off it. */
  removeThread(channel: string, threadTs: string): boolean {
    return this.db.transaction(() => this.removeThreadRows(channel, threadTs).thread)();
  }

  private removeThreadRows(
    channel: string,
    threadTs: string,
  ): { thread: boolean; classifications: number; events: number; links: number } {
    const del = (table: string) =>
      this.sql(`DELETE FROM ${table} WHERE channel = ? AND thread_ts = ?`).run(channel, threadTs).changes;
    return {
      thread: del("triage_threads") > 0,
      classifications: del("triage_classifications"),
      events: del("triage_events"),
      links: del("issue_links") + del("fix_links"),
    };
  }

  /**
   * `orca forget --user`: removes every thread the person started (with its classifications, events and links) and
   * their id from the events and owners of other threads. Returns the threads removed.
   */
  forgetUser(user: string): Array<{ channel: string; threadTs: string }> {
    return this.db.transaction(() => {
      const started = (
        this.sql("SELECT channel, thread_ts FROM triage_threads WHERE user = ?").all(user) as Array<{
          channel: string;
          thread_ts: string;
        }>
      ).map((r) => ({ channel: r.channel, threadTs: r.thread_ts }));
      for (const t of started) this.removeThread(t.channel, t.threadTs);
      this.sql("UPDATE triage_events SET actor = NULL WHERE actor = ?").run(user);
      this.sql("UPDATE triage_threads SET owner = NULL WHERE owner = ?").run(user);
      return started;
    })();
  }

  /**
   * The retention period (ORCA_RETENTION_DAYS) applied to triage. A thread is past retention when it is closed
   * (resolved or stale) and its last activity — `updated_at`, which every lifecycle event, edit, routing step and
   * SLA marker moves — is older than the period; it goes with its classifications, events, issue links and fix links (the
   * similar-thread index is rebuilt from these rows, so it loses the thread too). Open threads stay while someone
   * still has to act on them, as pending answer jobs do; they become prunable once resolved or stale. History rows
   * whose thread is gone (none should exist) are removed when older than the period. Known issues are public
   * GitHub data and are kept.
   */
  prune(retentionMs: number, now: number): Pruned {
    const cutoff = now - retentionMs;
    return this.db.transaction(() => {
      const threads = (
        this.sql(
          `SELECT channel, thread_ts FROM triage_threads WHERE state IN ${CLOSED_STATES} AND updated_at < ?`,
        ).all(cutoff) as Array<{ channel: string; thread_ts: string }>
      ).map((r) => ({ channel: r.channel, threadTs: r.thread_ts }));
      const pruned: Pruned = { threads, classifications: 0, events: 0, links: 0 };
      for (const t of threads) {
        const removed = this.removeThreadRows(t.channel, t.threadTs);
        pruned.classifications += removed.classifications;
        pruned.events += removed.events;
        pruned.links += removed.links;
      }
      const orphan = (table: string, at: string) =>
        this.sql(
          `DELETE FROM ${table} WHERE ${at} < ? AND NOT EXISTS (SELECT 1 FROM triage_threads t
             WHERE t.channel = ${table}.channel AND t.thread_ts = ${table}.thread_ts)`,
        ).run(cutoff).changes;
      pruned.classifications += orphan("triage_classifications", "created_at");
      pruned.events += orphan("triage_events", "at");
      for (const table of ["issue_links", "fix_links"]) {
        pruned.links += this.sql(
          `DELETE FROM ${table} WHERE NOT EXISTS (SELECT 1 FROM triage_threads t
             WHERE t.channel = ${table}.channel AND t.thread_ts = ${table}.thread_ts)`,
        ).run().changes;
      }
      // Once-a-day markers (the digest) of days past the period are no longer needed to prevent a repeat.
      this.sql("DELETE FROM triage_meta WHERE key LIKE 'digest:%' AND CAST(value AS INTEGER) < ?").run(cutoff);
      return pruned;
    })();
  }

  get(channel: string, threadTs: string): TriageThread | undefined {
    const row = this.sql("SELECT * FROM triage_threads WHERE channel = ? AND thread_ts = ?").get(channel, threadTs) as
      | ThreadRow
      | undefined;
    return row ? toThread(row) : undefined;
  }

  /** Applies a lifecycle event; records it when it moves the thread. Returns the thread after the event. */
  apply(
    channel: string,
    threadTs: string,
    event: LifecycleEvent,
    now: number,
    actor: string | null = null,
  ): TriageThread | undefined {
    return this.db.transaction(() => {
      const thread = this.get(channel, threadTs);
      if (!thread) return undefined;
      const to = nextState(thread.state, event);
      const responder: Responder | null =
        event === "orca-answered" ? "orca" : event === "human-replied" ? "human" : null;
      const sets: string[] = ["updated_at = @now"];
      if (responder && thread.firstResponseAt === null)
        sets.push("first_response_at = @now", "first_response_by = @responder");
      if (event === "orca-answered") sets.push("orca_replied_at = COALESCE(orca_replied_at, @now)");
      if (event === "human-replied") sets.push("human_replied_at = COALESCE(human_replied_at, @now)");
      if (to !== thread.state) sets.push("state = @to", "state_changed_at = @now");
      if (to === "resolved" && thread.state !== "resolved") {
        sets.push("resolved_at = @now", "resolved_by = @resolvedBy");
      }
      const resolvedBy: Responder =
        thread.humanRepliedAt !== null || event === "resolved-by-maintainer" || thread.state === "needs-human"
          ? "human"
          : "orca";
      this.sql(`UPDATE triage_threads SET ${sets.join(", ")} WHERE channel = @channel AND thread_ts = @threadTs`).run({
        now,
        responder,
        to,
        resolvedBy,
        channel,
        threadTs,
      });
      if (to !== thread.state) {
        this.sql(
          "INSERT INTO triage_events (channel, thread_ts, event, from_state, to_state, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(channel, threadTs, event, thread.state, to, actor, now);
      }
      return this.get(channel, threadTs);
    })();
  }

  events(channel: string, threadTs: string): Array<{ event: string; from: string; to: string; at: number }> {
    return this.sql(
      `SELECT event, from_state AS "from", to_state AS "to", at FROM triage_events
         WHERE channel = ? AND thread_ts = ? ORDER BY id`,
    ).all(channel, threadTs) as Array<{ event: string; from: string; to: string; at: number }>;
  }

  /** Sets one of the SLA/routing timestamps only when it is still empty: the "exactly once" record. */
  markOnce(
    channel: string,
    threadTs: string,
    field: "owner_mentioned_at" | "nudged_at" | "escalated_at",
    now: number,
  ): boolean {
    const result = this.sql(
      `UPDATE triage_threads SET ${field} = ?, updated_at = ? WHERE channel = ? AND thread_ts = ? AND ${field} IS NULL`,
    ).run(now, now, channel, threadTs);
    return result.changes === 1;
  }

  setAnswerJob(channel: string, threadTs: string, jobId: string): void {
    this.sql("UPDATE triage_threads SET answer_job = ? WHERE channel = ? AND thread_ts = ?").run(
      jobId,
      channel,
      threadTs,
    );
  }

  byAnswerJob(jobId: string): TriageThread | undefined {
    const row = this.sql("SELECT * FROM triage_threads WHERE answer_job = ?").get(jobId) as ThreadRow | undefined;
    return row ? toThread(row) : undefined;
  }

  /** Channels that have tracked threads. */
  channels(): string[] {
    return (this.sql("SELECT DISTINCT channel FROM triage_threads").all() as Array<{ channel: string }>).map(
      (r) => r.channel,
    );
  }

  meta(key: string): string | undefined {
    return (this.sql("SELECT value FROM triage_meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql(
      "INSERT INTO triage_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }

  /** Claims a once-only marker (a digest for a day): true for the first caller only. */
  claimMeta(key: string, value: string): boolean {
    return this.sql("INSERT OR IGNORE INTO triage_meta (key, value) VALUES (?, ?)").run(key, value).changes === 1;
  }

  setOwner(channel: string, threadTs: string, owner: string | null, now: number): void {
    this.sql("UPDATE triage_threads SET owner = ?, updated_at = ? WHERE channel = ? AND thread_ts = ?").run(
      owner,
      now,
      channel,
      threadTs,
    );
  }

  pause(channel: string, threadTs: string, now: number): boolean {
    const result = this.sql(
      "UPDATE triage_threads SET paused_at = ?, updated_at = ? WHERE channel = ? AND thread_ts = ? AND paused_at IS NULL",
    ).run(now, now, channel, threadTs);
    return result.changes === 1;
  }

  /** Open threads an owner holds (for the per-owner cap). */
  openCountByOwner(owner: string): number {
    return (
      this.sql(
        `SELECT COUNT(*) AS n FROM triage_threads WHERE owner = ?
           AND state IN ('new', 'answered-by-orca', 'waiting-for-asker', 'needs-human')`,
      ).get(owner) as { n: number }
    ).n;
  }

  /** Threads still waiting for any response and not paused: the SLA clock's candidates, oldest first. */
  awaitingResponse(): TriageThread[] {
    const rows = this.sql(
      `SELECT * FROM triage_threads WHERE state IN ('new', 'needs-human') AND paused_at IS NULL
         AND (escalated_at IS NULL OR nudged_at IS NULL) AND kind != 'off-topic' ORDER BY created_at`,
    ).all() as ThreadRow[];
    return rows.map(toThread);
  }

  /** Open threads with no activity since `before` (stale candidates). */
  idleSince(before: number): TriageThread[] {
    const rows = this.sql(
      `SELECT * FROM triage_threads WHERE state IN ('answered-by-orca', 'waiting-for-asker') AND updated_at < ?
         ORDER BY created_at`,
    ).all(before) as ThreadRow[];
    return rows.map(toThread);
  }

  list(filter: ListFilter = {}): TriageThread[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) {
      where.push("state = ?");
      params.push(filter.state);
    }
    if (filter.owner) {
      where.push("owner = ?");
      params.push(filter.owner);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const rows = this.sql(`SELECT * FROM triage_threads ${clause} ORDER BY created_at DESC LIMIT ?`).all(
      ...params,
      filter.limit ?? 1000,
    ) as ThreadRow[];
    return rows.map(toThread);
  }

  /** Threads created in [from, to), oldest first (reports and digests). */
  createdBetween(from: number, to: number): TriageThread[] {
    const rows = this.sql(
      "SELECT * FROM triage_threads WHERE created_at >= ? AND created_at < ? ORDER BY created_at",
    ).all(from, to) as ThreadRow[];
    return rows.map(toThread);
  }

  /** Records the answer units of threads stored before they were kept. */
  setConcepts(threads: ReadonlyArray<Pick<TriageThread, "channel" | "threadTs" | "concepts">>): void {
    this.db.transaction(() => {
      for (const t of threads)
        this.sql("UPDATE triage_threads SET concepts = ? WHERE channel = ? AND thread_ts = ?").run(
          t.concepts ? JSON.stringify(t.concepts) : null,
          t.channel,
          t.threadTs,
        );
    })();
  }

  /** A channel turned out to be private (it was converted): its threads are private from now on. Returns them. */
  makeChannelPrivate(channel: string): Array<{ channel: string; threadTs: string }> {
    return this.db.transaction(() => {
      const rows = this.sql(
        "SELECT channel, thread_ts FROM triage_threads WHERE channel = ? AND visibility = 'public'",
      ).all(channel) as Array<{ channel: string; thread_ts: string }>;
      this.sql("UPDATE triage_threads SET visibility = 'private' WHERE channel = ? AND visibility = 'public'").run(
        channel,
      );
      return rows.map((r) => ({ channel: r.channel, threadTs: r.thread_ts }));
    })();
  }

  /** Stops following every thread of a channel that is no longer watched. */
  forgetChannel(channel: string): number {
    return this.db.transaction(() => {
      // The history goes with the threads: nothing of an unwatched channel is kept.
      for (const table of ["triage_classifications", "triage_events", "issue_links", "fix_links"])
        this.sql(`DELETE FROM ${table} WHERE channel = ?`).run(channel);
      return this.sql("DELETE FROM triage_threads WHERE channel = ?").run(channel).changes;
    })();
  }

  upsertIssue(issue: KnownIssue): void {
    this.sql(
      `INSERT INTO known_issues (repo, number, kind, title, body, state, url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (repo, kind, number) DO UPDATE SET title = excluded.title, body = excluded.body,
           state = excluded.state, url = excluded.url, updated_at = excluded.updated_at`,
    ).run(issue.repo, issue.number, issue.kind, issue.title, issue.body, issue.state, issue.url, issue.updatedAt);
  }

  upsertIssues(issues: readonly KnownIssue[]): void {
    this.db.transaction(() => {
      for (const issue of issues) this.upsertIssue(issue);
    })();
  }

  issues(): KnownIssue[] {
    return this.sql(
      `SELECT repo, number, kind, title, body, state, url, updated_at AS updatedAt FROM known_issues
         ORDER BY repo, kind, number`,
    ).all() as KnownIssue[];
  }

  linkIssue(
    channel: string,
    threadTs: string,
    issue: { repo: string; kind: string; number: number },
    score: number,
  ): void {
    this.sql(
      `INSERT INTO issue_links (channel, thread_ts, repo, kind, number, score) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel, thread_ts, repo, kind, number) DO UPDATE SET score = excluded.score`,
    ).run(channel, threadTs, issue.repo, issue.kind, issue.number, score);
  }

  /** Links the thread to the fix its problem matches (replacing an earlier one: an edit may change the match). */
  linkFix(
    channel: string,
    threadTs: string,
    fix: { release: string; pr: number | null; url: string | null; score: number; text: string },
    now: number,
  ): void {
    this.sql(
      `INSERT INTO fix_links (channel, thread_ts, release, pr, url, score, entry, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel, thread_ts) DO UPDATE SET release = excluded.release, pr = excluded.pr, url = excluded.url,
           score = excluded.score, entry = excluded.entry, linked_at = excluded.linked_at`,
    ).run(channel, threadTs, fix.release, fix.pr, fix.url, fix.score, fix.text, now);
  }

  /** An edit that no longer matches a fix drops the link. */
  unlinkFix(channel: string, threadTs: string): void {
    this.sql("DELETE FROM fix_links WHERE channel = ? AND thread_ts = ?").run(channel, threadTs);
  }

  fixLink(channel: string, threadTs: string): FixLinkRecord | undefined {
    return this.sql(
      `SELECT release, pr, url, score, entry, linked_at AS linkedAt FROM fix_links WHERE channel = ? AND thread_ts = ?`,
    ).get(channel, threadTs) as FixLinkRecord | undefined;
  }

  /** Threads linked to a fix in a release, newest first (which threads one release resolves). */
  threadsFixedIn(release: string): Array<{ channel: string; threadTs: string }> {
    return (
      this.sql(
        "SELECT channel, thread_ts FROM fix_links WHERE release = ? ORDER BY linked_at DESC, thread_ts DESC",
      ).all(release) as Array<{ channel: string; thread_ts: string }>
    ).map((r) => ({ channel: r.channel, threadTs: r.thread_ts }));
  }

  /**
   * A reply suggested upgrading to `release`. Kept only while the thread is open (a suggestion after the resolution
   * did not resolve it), and only when it names a newer release than one suggested before.
   */
  noteUpgrade(channel: string, threadTs: string, release: string, by: UpgradeSuggestion["by"], now: number): boolean {
    const thread = this.get(channel, threadTs);
    if (!thread || thread.resolvedAt !== null) return false;
    if (thread.upgrade && comparePep440(release, thread.upgrade.release) <= 0) return false;
    this.sql(
      `UPDATE triage_threads SET upgrade_release = ?, upgrade_suggested_at = ?, upgrade_suggested_by = ?
         WHERE channel = ? AND thread_ts = ?`,
    ).run(release, now, by, channel, threadTs);
    return true;
  }

  /** Threads resolved in [from, to), with their fix link (the digest's "resolved by upgrade"). */
  resolvedBetween(from: number, to: number): Array<TriageThread & { fix: FixLinkRecord | null }> {
    const rows = this.sql(
      "SELECT * FROM triage_threads WHERE resolved_at >= ? AND resolved_at < ? ORDER BY resolved_at",
    ).all(from, to) as ThreadRow[];
    return rows.map((r) => ({ ...toThread(r), fix: this.fixLink(r.channel, r.thread_ts) ?? null }));
  }

  /** Issues ranked by how many threads link to them. */
  issuesByLinks(limit = 10): Array<KnownIssue & { threads: number }> {
    return this.sql(
      `SELECT i.repo, i.number, i.kind, i.title, i.body, i.state, i.url, i.updated_at AS updatedAt,
              COUNT(*) AS threads
         FROM issue_links l JOIN known_issues i ON i.repo = l.repo AND i.kind = l.kind AND i.number = l.number
         GROUP BY i.repo, i.kind, i.number ORDER BY threads DESC, i.number LIMIT ?`,
    ).all(limit) as Array<KnownIssue & { threads: number }>;
  }

  syncState(resource: string): { etag: string | null } | undefined {
    return this.sql("SELECT etag FROM github_sync WHERE resource = ?").get(resource) as
      | { etag: string | null }
      | undefined;
  }

  setSyncState(resource: string, etag: string | null, now: number): void {
    this.sql(
      `INSERT INTO github_sync (resource, etag, synced_at) VALUES (?, ?, ?)
         ON CONFLICT (resource) DO UPDATE SET etag = excluded.etag, synced_at = excluded.synced_at`,
    ).run(resource, etag, now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function migrate(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS triage_schema (version INTEGER NOT NULL)");
  // IMMEDIATE: two processes opening the same data dir at once cannot both run a step.
  db.transaction(() => {
    const row = db.prepare("SELECT version FROM triage_schema").get() as { version: number } | undefined;
    let version = row?.version ?? 0;
    if (!row) db.prepare("INSERT INTO triage_schema (version) VALUES (0)").run();
    if (version > MIGRATIONS.length) {
      throw new Error(`triage schema version ${version} is newer than this Orca understands (${MIGRATIONS.length})`);
    }
    for (; version < MIGRATIONS.length; version++) db.exec(MIGRATIONS[version] as string);
    db.prepare("UPDATE triage_schema SET version = ?").run(version);
  }).immediate();
}
