// Durable Slack-side state in SQLite: answer jobs (the dedupe and crash-recovery record), feedback and resolved threads.
// better-sqlite3 is synchronous, which is what lets a job be on disk before the HTTP acknowledgement leaves.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DataDirError } from "../../core/index.js";
import type { SlackMessage } from "./render-answer.js";

export type JobKind = "mention" | "dm";
export type JobStatus = "pending" | "done" | "failed" | "rate_limited";

export interface NewJob {
  eventId: string;
  kind: JobKind;
  channel: string;
  messageTs: string;
  threadTs: string;
  user: string;
  text: string;
}

export interface Job extends NewJob {
  status: JobStatus;
  attempts: number;
  replyTs: string | null;
  answer: string | null;
  errorRef: string | null;
  receivedAt: number;
  /** The reply, rendered and waiting to be delivered (kept so a restart delivers it instead of answering again). */
  outgoing: OutgoingReply | null;
}

/** A reply ready to post, and how the job is recorded once it is in Slack. */
export interface OutgoingReply {
  message: SlackMessage;
  status: Exclude<JobStatus, "pending">;
  answer?: string;
  errorRef?: string;
}

export type FeedbackValue = "up" | "down";

export interface FeedbackRecord {
  jobId: string | null;
  channel: string;
  threadTs: string;
  messageTs: string;
  user: string;
  value: FeedbackValue;
  question: string | null;
  answer: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  event_id    TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  channel     TEXT NOT NULL,
  message_ts  TEXT NOT NULL,
  thread_ts   TEXT NOT NULL,
  user        TEXT NOT NULL,
  text        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending',
  attempts    INTEGER NOT NULL DEFAULT 0,
  reply_ts    TEXT,
  answer      TEXT,
  error_ref   TEXT,
  received_at INTEGER NOT NULL,
  finished_at INTEGER,
  UNIQUE (channel, message_ts)
);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
CREATE INDEX IF NOT EXISTS jobs_thread ON jobs (channel, thread_ts);
CREATE TABLE IF NOT EXISTS feedback (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id     TEXT,
  channel    TEXT NOT NULL,
  thread_ts  TEXT NOT NULL,
  message_ts TEXT NOT NULL,
  user       TEXT NOT NULL,
  value      TEXT NOT NULL,
  question   TEXT,
  answer     TEXT,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS indexed_threads (
  channel      TEXT NOT NULL,
  thread_ts    TEXT NOT NULL,
  participants TEXT NOT NULL,
  indexed_at   INTEGER NOT NULL,
  PRIMARY KEY (channel, thread_ts)
);
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS resolved_threads (
  channel     TEXT NOT NULL,
  thread_ts   TEXT NOT NULL,
  user        TEXT NOT NULL,
  job_id      TEXT,
  resolved_at INTEGER NOT NULL,
  PRIMARY KEY (channel, thread_ts)
);
`;

interface JobRow {
  event_id: string;
  kind: JobKind;
  channel: string;
  message_ts: string;
  thread_ts: string;
  user: string;
  text: string;
  status: JobStatus;
  attempts: number;
  reply_ts: string | null;
  answer: string | null;
  error_ref: string | null;
  received_at: number;
  outgoing: string | null;
}

function toJob(row: JobRow): Job {
  return {
    eventId: row.event_id,
    kind: row.kind,
    channel: row.channel,
    messageTs: row.message_ts,
    threadTs: row.thread_ts,
    user: row.user,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    replyTs: row.reply_ts,
    answer: row.answer,
    errorRef: row.error_ref,
    receivedAt: row.received_at,
    outgoing: row.outgoing ? (JSON.parse(row.outgoing) as OutgoingReply) : null,
  };
}

/** Columns added after the first release: added in place so an existing state file keeps working. */
const ADDED_COLUMNS: Array<{ table: string; column: string; type: string }> = [
  { table: "jobs", column: "outgoing", type: "TEXT" },
];

/** A thread as the index knows it, for `orca forget`. */
export interface IndexedThread {
  channel: string;
  threadTs: string;
}

/** What a forget or a prune removed from the state store. */
export interface Removed {
  jobs: number;
  feedback: number;
  resolved: number;
  /** Threads that were in the shared index and must be removed from it too. */
  indexed: IndexedThread[];
}

/** The state database's file in a data dir (the Slack jobs and, beside them, the triage tables). */
export const STATE_DATABASE = "slack-state.sqlite";

/**
 * Opens (creating the data dir if needed) the state database with the settings every store of it relies on.
 * WAL + NORMAL: a commit is in the OS's hands before the ack, so it survives a crash or SIGKILL of Orca. FULL would
 * also survive a power cut, at ~6 ms of fsync per event, which puts a burst of 200 events past a second of
 * acknowledgement latency.
 */
export function openStateDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, STATE_DATABASE));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  return db;
}

export class SlackStateStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Prepared once per SQL text: preparing is most of the cost of a small query. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Opens (creating if needed) `<dataDir>/slack-state.sqlite`. */
  static open(dataDir: string): SlackStateStore {
    try {
      const db = openStateDatabase(dataDir);
      db.exec(SCHEMA);
      for (const { table, column, type } of ADDED_COLUMNS) {
        const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
        if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
      }
      return new SlackStateStore(db);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new DataDirError(`cannot open Slack state in ${dataDir}: ${message}`, { cause: error });
    }
  }

  /**
   * Records a job unless its event id or its (channel, message ts) is already known.
   * Returns true when the job is new, false for a duplicate (a redelivery, or the same message seen twice).
   */
  addJob(job: NewJob, now = Date.now()): boolean {
    const result = this.sql(
      `INSERT OR IGNORE INTO jobs (event_id, kind, channel, message_ts, thread_ts, user, text, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(job.eventId, job.kind, job.channel, job.messageTs, job.threadTs, job.user, job.text, now);
    return result.changes === 1;
  }

  getJob(eventId: string): Job | undefined {
    const row = this.sql("SELECT * FROM jobs WHERE event_id = ?").get(eventId) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  pendingJobs(): Job[] {
    const rows = this.sql("SELECT * FROM jobs WHERE status = 'pending' ORDER BY received_at").all() as JobRow[];
    return rows.map(toJob);
  }

  /** Counts an attempt before work starts, so a job that keeps crashing the process can be given up on. */
  startAttempt(eventId: string): number {
    this.sql("UPDATE jobs SET attempts = attempts + 1 WHERE event_id = ?").run(eventId);
    return this.getJob(eventId)?.attempts ?? 0;
  }

  /** Keeps the rendered reply with the job before it is posted. */
  setOutgoing(eventId: string, outgoing: OutgoingReply): void {
    this.sql("UPDATE jobs SET outgoing = ? WHERE event_id = ?").run(JSON.stringify(outgoing), eventId);
  }

  /** Pending jobs and how long the oldest has waited (for /healthz and the queue cap). */
  queueStats(now = Date.now()): { pending: number; oldestAgeMs: number | null } {
    const row = this.sql(
      "SELECT COUNT(*) AS n, MIN(received_at) AS oldest FROM jobs WHERE status = 'pending'",
    ).get() as {
      n: number;
      oldest: number | null;
    };
    return { pending: row.n, oldestAgeMs: row.oldest === null ? null : Math.max(0, now - row.oldest) };
  }

  /** A tiny write, to learn whether the disk takes writes again. */
  probeWrite(now = Date.now()): void {
    this.sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', ?)").run(String(now));
  }

  finishJob(
    eventId: string,
    outcome: { status: Exclude<JobStatus, "pending">; replyTs?: string; answer?: string; errorRef?: string },
    now = Date.now(),
  ): void {
    this.sql(
      "UPDATE jobs SET status = ?, reply_ts = ?, answer = ?, error_ref = ?, finished_at = ?, outgoing = NULL WHERE event_id = ?",
    ).run(outcome.status, outcome.replyTs ?? null, outcome.answer ?? null, outcome.errorRef ?? null, now, eventId);
  }

  /** The answered job whose reply is the given message. */
  jobByReply(channel: string, replyTs: string): Job | undefined {
    const row = this.sql("SELECT * FROM jobs WHERE channel = ? AND reply_ts = ?").get(channel, replyTs) as
      | JobRow
      | undefined;
    return row ? toJob(row) : undefined;
  }

  /** The newest answered job in a thread asked by `user`. */
  answeredJobInThread(channel: string, threadTs: string, user: string): Job | undefined {
    const row = this.sql(
      `SELECT * FROM jobs WHERE channel = ? AND thread_ts = ? AND user = ? AND status = 'done' AND reply_ts IS NOT NULL
         ORDER BY received_at DESC LIMIT 1`,
    ).get(channel, threadTs, user) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  /** The first question asked in a thread. */
  firstJobInThread(channel: string, threadTs: string): Job | undefined {
    const row = this.sql(
      "SELECT * FROM jobs WHERE channel = ? AND thread_ts = ? ORDER BY received_at ASC, message_ts ASC LIMIT 1",
    ).get(channel, threadTs) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  /** The job that owns a message: the question itself, the reply, or the thread root. */
  jobForMessage(channel: string, ts: string): Job | undefined {
    const row = this.sql(
      `SELECT * FROM jobs WHERE channel = ? AND (message_ts = ? OR reply_ts = ? OR thread_ts = ?)
         ORDER BY received_at DESC LIMIT 1`,
    ).get(channel, ts, ts, ts) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  addFeedback(record: FeedbackRecord, now = Date.now()): void {
    this.sql(
      `INSERT INTO feedback (job_id, channel, thread_ts, message_ts, user, value, question, answer, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.jobId,
      record.channel,
      record.threadTs,
      record.messageTs,
      record.user,
      record.value,
      record.question,
      record.answer,
      now,
    );
  }

  feedback(): FeedbackRecord[] {
    const rows = this.sql(
      `SELECT job_id AS jobId, channel, thread_ts AS threadTs, message_ts AS messageTs, user, value, question, answer
         FROM feedback ORDER BY id`,
    ).all();
    return rows as FeedbackRecord[];
  }

  /** Marks a thread resolved; returns false when it already was. */
  markResolved(channel: string, threadTs: string, user: string, jobId: string | null, now = Date.now()): boolean {
    const result = this.sql(
      "INSERT OR IGNORE INTO resolved_threads (channel, thread_ts, user, job_id, resolved_at) VALUES (?, ?, ?, ?, ?)",
    ).run(channel, threadTs, user, jobId, now);
    return result.changes === 1;
  }

  isResolved(channel: string, threadTs: string): boolean {
    return !!this.sql("SELECT 1 FROM resolved_threads WHERE channel = ? AND thread_ts = ?").get(channel, threadTs);
  }

  /** Records that a thread went into the shared index, with the pseudonyms of the people in it. */
  markIndexed(channel: string, threadTs: string, participants: string[], now = Date.now()): void {
    this.sql(
      "INSERT OR REPLACE INTO indexed_threads (channel, thread_ts, participants, indexed_at) VALUES (?, ?, ?, ?)",
    ).run(channel, threadTs, ` ${[...new Set(participants)].join(" ")} `, now);
  }

  indexedThreads(): Array<IndexedThread & { participants: string[] }> {
    const rows = this.sql(
      "SELECT channel, thread_ts, participants FROM indexed_threads ORDER BY indexed_at",
    ).all() as Array<{
      channel: string;
      thread_ts: string;
      participants: string;
    }>;
    return rows.map((r) => ({
      channel: r.channel,
      threadTs: r.thread_ts,
      participants: r.participants.trim().split(/\s+/).filter(Boolean),
    }));
  }

  /** Removes everything a person said or did: their jobs, feedback, resolutions, and the indexed threads they are in. */
  forgetUser(userId: string, personPseudonym: string): Removed {
    return this.db.transaction(() => {
      const indexed = this.sql("SELECT channel, thread_ts FROM indexed_threads WHERE participants LIKE ?").all(
        `% ${personPseudonym} %`,
      ) as Array<{ channel: string; thread_ts: string }>;
      const removed: Removed = {
        feedback: this.sql(
          "DELETE FROM feedback WHERE user = ? OR job_id IN (SELECT event_id FROM jobs WHERE user = ?)",
        ).run(userId, userId).changes,
        resolved: this.sql("DELETE FROM resolved_threads WHERE user = ?").run(userId).changes,
        jobs: this.sql("DELETE FROM jobs WHERE user = ?").run(userId).changes,
        indexed: indexed.map((r) => ({ channel: r.channel, threadTs: r.thread_ts })),
      };
      for (const t of removed.indexed) this.forgetThreadRows(t.channel, t.threadTs);
      return removed;
    })();
  }

  /** Removes a thread: its jobs, feedback, resolution and index record. */
  forgetThread(channel: string, threadTs: string): Removed {
    return this.db.transaction(() => {
      const wasIndexed = !!this.sql("SELECT 1 FROM indexed_threads WHERE channel = ? AND thread_ts = ?").get(
        channel,
        threadTs,
      );
      const counts = this.forgetThreadRows(channel, threadTs);
      return { ...counts, indexed: wasIndexed ? [{ channel, threadTs }] : [] };
    })();
  }

  private forgetThreadRows(channel: string, threadTs: string): Omit<Removed, "indexed"> {
    const feedback = this.sql("DELETE FROM feedback WHERE channel = ? AND thread_ts = ?").run(
      channel,
      threadTs,
    ).changes;
    const resolved = this.sql("DELETE FROM resolved_threads WHERE channel = ? AND thread_ts = ?").run(
      channel,
      threadTs,
    ).changes;
    const jobs = this.sql("DELETE FROM jobs WHERE channel = ? AND thread_ts = ?").run(channel, threadTs).changes;
    this.sql("DELETE FROM indexed_threads WHERE channel = ? AND thread_ts = ?").run(channel, threadTs);
    return { feedback, resolved, jobs };
  }

  /** Deletes finished jobs, feedback and resolutions older than the retention period. Pending jobs stay. */
  prune(retentionMs: number, now = Date.now()): Omit<Removed, "indexed"> {
    const cutoff = now - retentionMs;
    return this.db.transaction(() => ({
      jobs: this.sql("DELETE FROM jobs WHERE status != 'pending' AND COALESCE(finished_at, received_at) < ?").run(
        cutoff,
      ).changes,
      feedback: this.sql("DELETE FROM feedback WHERE created_at < ?").run(cutoff).changes,
      resolved: this.sql("DELETE FROM resolved_threads WHERE resolved_at < ?").run(cutoff).changes,
    }))();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
