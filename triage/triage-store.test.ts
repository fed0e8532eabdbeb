import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SlackStateStore } from "../bot/slack/index.js";
import type { Classification } from "./classify-thread.js";
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
    ] as const;
    for (const [sql, params] of plans) {
      const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
      const details = plan.map((p) => p.detail).join(" | ");
      expect(details, sql).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY|USING INTEGER PRIMARY KEY/);
      expect(details, sql).not.toMatch(/^SCAN triage_threads$|SCAN issue_links\b(?! USING)/);
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

  it("removes a deleted thread with its history, and forgets an unwatched channel", () => {
    const store = TriageStore.open(tempDir());
    store.addThread(thread, classification(), 1000);
    store.addThread({ ...thread, threadTs: "1700000000.000200" }, classification(), 1000);
    expect(store.removeThread(thread.channel, thread.threadTs)).toBe(true);
    expect(store.classifications(thread.channel, thread.threadTs)).toEqual([]);
    expect(store.forgetChannel(thread.channel)).toBe(1);
    expect(store.list()).toEqual([]);
    store.close();
  });
});
