import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SlackStateStore } from "../bot/slack/index.js";
import type { Classification } from "./classify-thread.js";
import { SimilarFinder } from "./find-similar.js";
import type { LifecycleEvent } from "./lifecycle.js";
import { TRIAGE_SCHEMA_VERSION, TriageStore } from "./triage-store.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orca-triage-store-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const classification = (over: Partial<Classification> = {}): Classification => ({
  kind: "question",
  topic: "scheduling",
  version: null,
  has_code: false,
  confidence: 0.8,
  classifier: "offline-1+test",
  evidence: { kind: [], topic: [], features: [], scores: { kind: {}, topic: {} } },
  ...over,
});

/** Undoes migration 3 (fix links, upgrade suggestions): the shape a version-2 store had. */
/** Undoes the version-4 migration (retention indexes, kept answer units). */
const TO_VERSION_3 = `DROP INDEX triage_threads_activity; DROP INDEX triage_events_at;
  ALTER TABLE triage_threads DROP COLUMN concepts;`;
const TO_VERSION_2 = `${TO_VERSION_3} DROP TABLE fix_links; DROP INDEX triage_threads_resolved;
  ALTER TABLE triage_threads DROP COLUMN upgrade_release; ALTER TABLE triage_threads DROP COLUMN upgrade_suggested_at;
  ALTER TABLE triage_threads DROP COLUMN upgrade_suggested_by;`;

const fix = (over: Partial<{ release: string; pr: number | null }> = {}) => ({
  release: "3.4.25",
  pr: 19258,
  url: `https://github.com/PrefectHQ/prefect/pull/${over.pr ?? 19258}`,
  score: 0.81,
  text: "Fix work pool env vars replaced by variable defaults",
  ...over,
});

const thread = { channel: "CSUP", threadTs: "1700000000.000100", user: "UASK", text: "cron?", mode: "answer" as const };

describe("TriageStore", () => {
  it("migrates the Slack state database in place, once, next to the Slack tables", () => {
    const dir = tempDir();
    SlackStateStore.open(dir).close();
    const store = TriageStore.open(dir);
    expect(store.schemaVersion()).toBe(TRIAGE_SCHEMA_VERSION);
    store.close();
    const again = TriageStore.open(dir);
    expect(again.schemaVersion()).toBe(TRIAGE_SCHEMA_VERSION);
    again.close();
    const db = new Database(path.join(dir, "slack-state.sqlite"), { readonly: true });
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
    ).map((r) => r.name);
    db.close();
    expect(tables).toEqual(
      expect.arrayContaining(["jobs", "triage_threads", "triage_classifications", "known_issues"]),
    );
  });

  it("every query the views run uses an index", () => {
    const store = TriageStore.open(tempDir());
    const plans = [
      ["SELECT * FROM triage_threads WHERE state = ? ORDER BY created_at DESC", ["needs-human"]],
      ["SELECT * FROM triage_threads WHERE created_at >= ? AND created_at < ?", [0, 1]],
      ["SELECT COUNT(*) FROM triage_threads WHERE owner = ? AND state IN ('new','needs-human')", ["U1"]],
      ["SELECT * FROM triage_classifications WHERE channel = ? AND thread_ts = ?", ["C", "1"]],
      ["SELECT COUNT(*) FROM issue_links WHERE repo = ? AND kind = ? AND number = ?", ["r", "issue", 1]],
      ["SELECT * FROM triage_events WHERE channel = ? AND thread_ts = ?", ["C", "1"]],
      ["SELECT channel FROM triage_threads WHERE state IN ('resolved', 'stale') AND updated_at < ?", [1]],
      ["SELECT * FROM fix_links WHERE channel = ? AND thread_ts = ?", ["C", "1"]],
      ["SELECT channel, thread_ts FROM fix_links WHERE release = ? ORDER BY linked_at DESC", ["3.4.25"]],
      ["SELECT * FROM triage_threads WHERE resolved_at >= ? AND resolved_at < ?", [0, 1]],
    ] as const;
    for (const [sql, params] of plans) {
      const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
      const details = plan.map((p) => p.detail).join(" | ");
      expect(details, sql).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY|USING INTEGER PRIMARY KEY/);
      expect(details, sql).not.toMatch(/^SCAN triage_threads$|SCAN (?:issue|fix)_links\b(?! USING)/);
    }
    store.close();
  });

  it("keeps each classification with its classifier version, and moves the lifecycle with timestamps", () => {
    const store = TriageStore.open(tempDir());
    expect(store.addThread(thread, classification(), 1000)).toBe(true);
    expect(store.addThread(thread, classification(), 1001)).toBe(false);
    store.reclassify(
      thread.channel,
      thread.threadTs,
      "cron in UTC?",
      classification({ classifier: "offline-2+x" }),
      1500,
    );
    expect(store.classifications(thread.channel, thread.threadTs).map((c) => c.classifier)).toEqual([
      "offline-1+test",
      "offline-2+x",
    ]);
    const answered = store.apply(thread.channel, thread.threadTs, "orca-answered", 2000);
    expect(answered).toMatchObject({ state: "answered-by-orca", firstResponseAt: 2000, firstResponseBy: "orca" });
    const resolved = store.apply(thread.channel, thread.threadTs, "feedback-up", 3000, "UASK");
    expect(resolved).toMatchObject({ state: "resolved", resolvedAt: 3000, resolvedBy: "orca", firstResponseAt: 2000 });
    expect(store.events(thread.channel, thread.threadTs).map((e) => `${e.from}>${e.to}`)).toEqual([
      "new>answered-by-orca",
      "answered-by-orca>resolved",
    ]);
    store.close();
  });

  it("marks owner mentions, nudges and escalations once only", () => {
    const store = TriageStore.open(tempDir());
    store.addThread(thread, classification(), 1000);
    expect(store.markOnce(thread.channel, thread.threadTs, "nudged_at", 5000)).toBe(true);
    expect(store.markOnce(thread.channel, thread.threadTs, "nudged_at", 6000)).toBe(false);
    expect(store.get(thread.channel, thread.threadTs)?.nudgedAt).toBe(5000);
    store.close();
  });

  it("migrates a version-1 store: threads from before visibility was recorded count as private", () => {
    const dir = tempDir();
    const old = TriageStore.open(dir);
    old.addThread({ ...thread, visibility: "public" }, classification(), 1000);
    // Back to the shape a version-1 store had.
    old.db.exec(
      `${TO_VERSION_2} ALTER TABLE triage_threads DROP COLUMN visibility; UPDATE triage_schema SET version = 1`,
    );
    old.close();
    const store = TriageStore.open(dir);
    expect(store.schemaVersion()).toBe(TRIAGE_SCHEMA_VERSION);
    expect(store.get(thread.channel, thread.threadTs)?.visibility).toBe("private");
    store.addThread({ ...thread, threadTs: "1700000000.000300", visibility: "public" }, classification(), 1000);
    store.addThread({ ...thread, threadTs: "1700000000.000400" }, classification(), 1000);
    expect(store.get(thread.channel, "1700000000.000300")?.visibility).toBe("public");
    expect(store.get(thread.channel, "1700000000.000400")?.visibility).toBe("private");
    // Answer units were not kept before: the similar-thread index matches them once and stores them.
    expect(store.get(thread.channel, thread.threadTs)?.concepts).toBeNull();
    SimilarFinder.fromStore(store);
    expect(store.get(thread.channel, thread.threadTs)?.concepts).toEqual(expect.any(Array));
    store.close();
  });

  it("forgets a user: the threads they started with their history, and their id on other threads", () => {
    const store = TriageStore.open(tempDir());
    store.addThread({ ...thread, user: "UGONE" }, classification(), 1000);
    store.apply(thread.channel, thread.threadTs, "human-replied", 1100, "UHELP");
    const other = { ...thread, threadTs: "1700000000.000200", user: "USTAY" };
    store.addThread(other, classification(), 1000);
    store.apply(other.channel, other.threadTs, "human-replied", 1200, "UGONE");
    store.setOwner(other.channel, other.threadTs, "UGONE", 1200);
    expect(store.forgetUser("UGONE")).toEqual([{ channel: thread.channel, threadTs: thread.threadTs }]);
    expect(store.get(thread.channel, thread.threadTs)).toBeUndefined();
    expect(store.classifications(thread.channel, thread.threadTs)).toEqual([]);
    expect(store.events(thread.channel, thread.threadTs)).toEqual([]);
    expect(store.get(other.channel, other.threadTs)).toMatchObject({ user: "USTAY", owner: null });
    const rows = JSON.stringify(store.db.prepare("SELECT * FROM triage_events").all());
    expect(rows).not.toContain("UGONE");
    expect(store.events(other.channel, other.threadTs)).toHaveLength(1);
    store.close();
  });

  it("removes a deleted thread with its history, and forgets an unwatched channel", () => {
    const store = TriageStore.open(tempDir());
    store.addThread(thread, classification(), 1000);
    store.addThread({ ...thread, threadTs: "1700000000.000200" }, classification(), 1000);
    expect(store.removeThread(thread.channel, thread.threadTs)).toBe(true);
    expect(store.classifications(thread.channel, thread.threadTs)).toEqual([]);
    expect(store.forgetChannel(thread.channel)).toBe(1);
    expect(store.list()).toEqual([]);
    expect(store.classifications(thread.channel, "1700000000.000200")).toEqual([]);
    store.close();
  });

  describe("retention prune", () => {
    const DAY = 86_400_000;
    const RETENTION = 30 * DAY;
    const NOW = 100 * DAY;
    const issue = {
      repo: "acme/flows",
      number: 7,
      kind: "issue" as const,
      title: "t",
      body: "b",
      state: "open",
      url: "https://github.com/acme/flows/issues/7",
      updatedAt: "2026-01-01T00:00:00Z",
    };

    /** A thread moved by `events`, the last of them `lastActivityDaysAgo` before NOW. */
    function seed(store: TriageStore, ts: string, events: LifecycleEvent[], lastActivityDaysAgo: number) {
      const at = NOW - lastActivityDaysAgo * DAY;
      store.addThread({ ...thread, threadTs: ts }, classification(), at - DAY);
      for (const e of events) store.apply(thread.channel, ts, e, at, "UHELP");
      store.upsertIssue(issue);
      store.linkIssue(thread.channel, ts, issue, 0.5);
      store.linkFix(thread.channel, ts, fix(), at - DAY);
    }

    it.each<[string, LifecycleEvent[], number, boolean]>([
      ["resolved, last activity past the period", ["asker-confirmed"], 31, true],
      ["stale, last activity past the period", ["orca-answered", "went-stale"], 31, true],
      ["resolved, last activity within the period", ["asker-confirmed"], 29, false],
      ["open (needs a human), however old", ["orca-declined"], 90, false],
      ["open (new), however old", [], 90, false],
    ])("%s: pruned %s", (_case, events, daysAgo, pruned) => {
      const store = TriageStore.open(tempDir());
      const ts = "1700000000.000100";
      seed(store, ts, events, daysAgo);
      const result = store.prune(RETENTION, NOW);
      expect(result.threads).toEqual(pruned ? [{ channel: thread.channel, threadTs: ts }] : []);
      const rows = (table: string) =>
        (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE thread_ts = ?`).get(ts) as { n: number }).n;
      const left = ["triage_threads", "triage_classifications", "triage_events", "issue_links", "fix_links"].map(rows);
      if (pruned) {
        expect(left).toEqual([0, 0, 0, 0, 0]);
        expect(result).toMatchObject({ classifications: 1, events: events.length, links: 2 });
      } else {
        expect(left).toEqual([1, 1, events.length, 1, 1]);
      }
      // The issue itself is public GitHub data and stays.
      expect(store.issues()).toHaveLength(1);
      store.close();
    });

    it("removes history rows left without a thread, and old digest markers", () => {
      const store = TriageStore.open(tempDir());
      seed(store, "1700000000.000100", [], 1);
      const gone = "1700000000.000900";
      store.db
        .prepare(
          `INSERT INTO triage_classifications (channel, thread_ts, classifier, kind, topic, has_code, confidence,
             evidence, created_at) VALUES (?, ?, 'x', 'question', 'cli', 0, 0.5, '{}', ?)`,
        )
        .run(thread.channel, gone, NOW - 40 * DAY);
      store.db
        .prepare(
          "INSERT INTO triage_events (channel, thread_ts, event, from_state, to_state, at) VALUES (?, ?, 'e', 'new', 'resolved', ?)",
        )
        .run(thread.channel, gone, NOW - 40 * DAY);
      store.linkIssue(thread.channel, gone, issue, 0.4);
      store.linkFix(thread.channel, gone, fix(), NOW - 40 * DAY);
      store.claimMeta("digest:1970-01-10", String(NOW - 90 * DAY));
      store.claimMeta("digest:1970-04-10", String(NOW - DAY));
      expect(store.prune(RETENTION, NOW)).toEqual({ threads: [], classifications: 1, events: 1, links: 2 });
      expect(store.meta("digest:1970-01-10")).toBeUndefined();
      expect(store.meta("digest:1970-04-10")).toBeDefined();
      expect(store.list()).toHaveLength(1);
      store.close();
    });
  });

  it("migrates a version-2 store: its threads keep everything and start without fix links or upgrades", () => {
    const dir = tempDir();
    const old = TriageStore.open(dir);
    old.addThread({ ...thread, visibility: "public" }, classification({ version: "3.4.20" }), 1000);
    old.db.exec(`${TO_VERSION_2} UPDATE triage_schema SET version = 2`);
    old.close();
    const store = TriageStore.open(dir);
    expect(store.schemaVersion()).toBe(TRIAGE_SCHEMA_VERSION);
    expect(store.get(thread.channel, thread.threadTs)).toMatchObject({ visibility: "public", upgrade: null });
    expect(store.fixLink(thread.channel, thread.threadTs)).toBeUndefined();
    store.linkFix(thread.channel, thread.threadTs, fix(), 2000);
    expect(store.fixLink(thread.channel, thread.threadTs)).toMatchObject({ release: "3.4.25", pr: 19258 });
    store.close();
  });

  it("links one fix per thread: a later link replaces it, an edit without a match drops it, deletes take it", () => {
    const store = TriageStore.open(tempDir());
    store.addThread(thread, classification({ version: "3.4.20" }), 1000);
    const other = { ...thread, threadTs: "1700000000.000200" };
    store.addThread(other, classification({ version: "3.4.20" }), 1000);
    store.linkFix(thread.channel, thread.threadTs, fix({ release: "3.4.24", pr: 19189 }), 1100);
    store.linkFix(thread.channel, thread.threadTs, fix(), 1200);
    store.linkFix(other.channel, other.threadTs, fix(), 1300);
    expect(store.fixLink(thread.channel, thread.threadTs)).toEqual({
      release: "3.4.25",
      pr: 19258,
      url: "https://github.com/PrefectHQ/prefect/pull/19258",
      score: 0.81,
      entry: "Fix work pool env vars replaced by variable defaults",
      linkedAt: 1200,
    });
    expect(store.threadsFixedIn("3.4.25")).toEqual([
      { channel: other.channel, threadTs: other.threadTs },
      { channel: thread.channel, threadTs: thread.threadTs },
    ]);
    expect(store.threadsFixedIn("3.4.24")).toEqual([]);
    store.unlinkFix(other.channel, other.threadTs);
    expect(store.fixLink(other.channel, other.threadTs)).toBeUndefined();
    store.removeThread(thread.channel, thread.threadTs);
    expect(store.threadsFixedIn("3.4.25")).toEqual([]);
    store.close();
  });

  it.each([
    // [what, suggestions (release, by, at), resolved at, kept]
    ["one suggestion", [["3.4.25", "human", 2000]], null, { release: "3.4.25", by: "human", at: 2000 }],
    [
      "a newer release replaces an older one",
      [
        ["3.4.25", "orca", 2000],
        ["3.4.26", "human", 2500],
      ],
      null,
      { release: "3.4.26", by: "human", at: 2500 },
    ],
    [
      "an older release does not",
      [
        ["3.4.26", "asker", 2000],
        ["3.4.25", "human", 2500],
      ],
      null,
      { release: "3.4.26", by: "asker", at: 2000 },
    ],
    ["after the resolution, nothing is noted", [["3.4.25", "human", 4000]], 3000, null],
  ] as const)("notes upgrade suggestions while a thread is open: %s", (_what, suggestions, resolvedAt, kept) => {
    const store = TriageStore.open(tempDir());
    store.addThread(thread, classification(), 1000);
    if (resolvedAt !== null) store.apply(thread.channel, thread.threadTs, "resolved-by-maintainer", resolvedAt, "UM");
    for (const [release, by, at] of suggestions) store.noteUpgrade(thread.channel, thread.threadTs, release, by, at);
    expect(store.get(thread.channel, thread.threadTs)?.upgrade).toEqual(kept);
    store.close();
  });

  it("lists threads resolved in a window with their fix links", () => {
    const store = TriageStore.open(tempDir());
    const other = { ...thread, threadTs: "1700000000.000200" };
    store.addThread(thread, classification({ version: "3.4.20" }), 1000);
    store.addThread(other, classification(), 1000);
    store.linkFix(thread.channel, thread.threadTs, fix(), 1100);
    store.apply(thread.channel, thread.threadTs, "resolved-by-maintainer", 5000, "UM");
    store.apply(other.channel, other.threadTs, "resolved-by-maintainer", 9000, "UM");
    const resolved = store.resolvedBetween(4000, 8000);
    expect(resolved.map((t) => [t.threadTs, t.fix?.release ?? null])).toEqual([[thread.threadTs, "3.4.25"]]);
    store.close();
  });
});
