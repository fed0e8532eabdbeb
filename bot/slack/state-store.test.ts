import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SlackStateStore } from "./state-store.js";

const job = (eventId: string, messageTs: string) => ({
  eventId,
  kind: "mention" as const,
  channel: "C1",
  messageTs,
  threadTs: messageTs,
  user: "U1",
  text: "hi",
});

describe("SlackStateStore", () => {
  it("dedupes on event id and on (channel, message ts), durably across reopen", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orca-store-"));
    const store = SlackStateStore.open(dir);
    expect(store.addJob(job("Ev1", "1.000001"))).toBe(true);
    expect(store.addJob(job("Ev1", "1.000002"))).toBe(false);
    expect(store.addJob(job("Ev2", "1.000001"))).toBe(false);
    expect(store.addJob(job("Ev3", "1.000003"))).toBe(true);
    store.finishJob("Ev3", { status: "done", replyTs: "1.000004", answer: "a" });
    store.close();

    const reopened = SlackStateStore.open(dir);
    expect(reopened.pendingJobs().map((j) => j.eventId)).toEqual(["Ev1"]);
    expect(reopened.jobByReply("C1", "1.000004")?.eventId).toBe("Ev3");
    expect(reopened.startAttempt("Ev1")).toBe(1);
    expect(reopened.addJob(job("Ev1", "1.000001"))).toBe(false);
    reopened.close();
  });

  it("records a thread as resolved once", () => {
    const store = SlackStateStore.open(fs.mkdtempSync(path.join(os.tmpdir(), "orca-store-")));
    expect(store.markResolved("C1", "1.1", "U1", null)).toBe(true);
    expect(store.markResolved("C1", "1.1", "U1", null)).toBe(false);
    expect(store.isResolved("C1", "1.1")).toBe(true);
    store.close();
  });
});
