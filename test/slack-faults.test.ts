// Slack faults against the real Bolt app over real HTTP: the fake Slack Web API on 127.0.0.1 loses responses
// after doing the work, answers 429 per method, and has windows of 5xx. Also a full disk under the state store.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SlackStateStore } from "../bot/slack/index.js";
import { SIGNING_SECRET, tempDataDir } from "./fake-slack/in-process.js";
import { deliver, deliverInteraction, slackTs } from "./fake-slack/index.js";
import { answerOf, GatedEngine, RecordingEngine } from "./fake-slack/test-engines.js";
import { useSlackTestBed } from "./support/slack-test-bed.js";

const bed = useSlackTestBed();

/** Messages Orca has in a thread (what the asker sees), whatever the API responses said. */
const repliesIn = (channel: string, ts: string) =>
  bed.fake.thread(channel, ts).filter((m) => m.user === bed.fake.botUserId);

const FAST_RETRY = { ORCA_DELIVERY_BACKOFF_MS: "20" };

async function health(base: string) {
  const res = await fetch(`${base}/healthz`);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { queue: { pending: number; oldestJobAgeMs: number | null } },
  };
}

describe("payloads Bolt cannot route (item 5)", () => {
  it.each([
    [
      "a reaction_added without item",
      () => ({
        type: "event_callback",
        event_id: "EvNOITEM",
        team_id: "TFAKE",
        event: { type: "reaction_added", user: "U1", reaction: "white_check_mark", event_ts: slackTs() },
      }),
      deliver,
    ],
    [
      "a block_actions without actions",
      () => ({ type: "block_actions", user: { id: "U1" }, team: { id: "TFAKE" }, api_app_id: "AORCA" }),
      deliverInteraction,
    ],
  ])("answers %s with 200 and one log line", async (what, body, send) => {
    await bed.start(new RecordingEngine());
    const res = await send(bed.orca.url, SIGNING_SECRET, body());
    expect(res.status).toBe(200);
    const kind = what.split(" ")[1] as string;
    expect(
      bed.orca.logs.filter((l) => l.includes("ignored Slack payload") && l.includes(`malformed ${kind}`)),
    ).toHaveLength(1);
    expect(bed.orca.logs.join("")).not.toMatch(/Slack listener failed|not acknowledged/);
  });
});

describe("a lost response is not a second reply (item 6)", () => {
  it.each([1, 3])("posts once when %i responses to chat.postMessage are lost after Slack posted", async (lost) => {
    await bed.start(new RecordingEngine(), { env: FAST_RETRY });
    // The first post lands and its response is lost; later attempts find it instead of posting again.
    bed.fake.failNext("chat.postMessage", { lost: true }, lost);
    const event = bed.mention("lost response?");
    bed.fake.addMessage("CSUPPORT", { ts: event.event.ts as string, user: "UASKER", text: "lost response?" });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posted().length >= 1, 10_000, "a post");
    await bed.orca.app.idle();
    expect(repliesIn("CSUPPORT", event.event.ts as string)).toHaveLength(1);
    expect(bed.fake.posted()).toHaveLength(1);
    const store = SlackStateStore.open(bed.orca.dataDir);
    expect(store.getJob(event.event_id)).toMatchObject({ status: "done", replyTs: expect.any(String) });
    store.close();
  });

  it("keeps a retry whose backoff ends while the failed attempt is still clearing its marker (a slow Slack)", async () => {
    // Under CPU load the attempt whose post response was lost is still waiting for reactions.remove when its
    // 20 ms backoff ends: the retry must still happen, and idle() must wait for it.
    await bed.start(new RecordingEngine(), { env: FAST_RETRY });
    bed.fake.failNext("chat.postMessage", { lost: true });
    bed.fake.failNext("reactions.remove", { delayMs: 300 });
    const event = bed.mention("slow marker?");
    bed.fake.addMessage("CSUPPORT", { ts: event.event.ts as string, user: "UASKER", text: "slow marker?" });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posted().length >= 1, 10_000, "a post");
    await bed.orca.app.idle();
    expect(bed.fake.posted()).toHaveLength(1);
    const store = SlackStateStore.open(bed.orca.dataDir);
    expect(store.getJob(event.event_id)).toMatchObject({ status: "done", replyTs: expect.any(String) });
    store.close();
  });
});

describe("rate limits are per method (item 7)", () => {
  it("a long 429 on reactions.add delays no answer", async () => {
    await bed.start(new RecordingEngine());
    bed.fake.failNext("reactions.add", { status: 429, retryAfterSeconds: 20 });
    const first = bed.mention("first", { user: "UONE" });
    await bed.send(first);
    await bed.send(bed.mention("second", { user: "UTWO" }));
    await bed.fake.waitFor(() => bed.fake.posts().length === 2, 10_000, "both answers");
    await bed.orca.app.idle();
    // The rate-limited marker was not waited for (nor retried): it is a courtesy, the answers are not.
    const firstMarker = bed.fake.calls.filter(
      (c) => c.method === "reactions.add" && c.params.timestamp === first.event.ts,
    );
    expect(firstMarker.map((c) => c.status)).toEqual([429]);
  });

  it("a Retry-After above the cap reschedules the job instead of holding it", async () => {
    await bed.start(new RecordingEngine(), { env: { ORCA_MAX_RETRY_AFTER_MS: "100" } });
    bed.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const event = bed.mention("limited?");
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the answer");
    await bed.orca.app.idle();
    // The retry waits out what is left of Slack's 1 s window: a millisecond or a few may have passed since the 429.
    expect(bed.orca.logs.join("")).toMatch(/"retryInMs":(?:9[5-9]\d|1000),.*will try again/);
    expect(bed.fake.calls.filter((c) => c.method === "chat.postMessage").map((c) => c.status)).toEqual([429, 200]);
  });
});

describe("bounded retries that survive restarts (item 8)", () => {
  it("delivers after a window of 5xx longer than the client's own retries", async () => {
    await bed.start(new RecordingEngine(), { env: FAST_RETRY });
    // Seven failures in a row: one more than the six attempts the Slack client used to make before giving up.
    bed.fake.failNext("chat.postMessage", { status: 503 }, 7);
    const event = bed.mention("through the outage?");
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 30_000, "the answer");
    await bed.orca.app.idle();
    expect(bed.fake.posted()).toHaveLength(1);
    expect(String(bed.fake.posts()[0]?.text)).toContain("through the outage?");
  });

  it("apologises with a reference id when Slack does not take the answer within the retry window", async () => {
    await bed.start(new RecordingEngine(), {
      env: { ORCA_DELIVERY_RETRY_MS: "1000", ORCA_DELIVERY_BACKOFF_MS: "100" },
    });
    // Slack refuses the answer (5xx) however often it is tried; the apology it takes. A time window of 5xx would
    // race the machine: under load Orca's start-up or a late retry moves the answer out of (or into) the window.
    bed.fake.failWhile("chat.postMessage", { status: 503 }, (params) => !/sorry/i.test(String(params.text)));
    await bed.send(bed.mention("never?"));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 15_000, "the apology");
    await bed.orca.app.idle();
    const text = String(bed.fake.posts()[0]?.text);
    expect(text).toMatch(/sorry/i);
    const ref = /ORCA-[0-9A-F]{8}/.exec(text)?.[0];
    expect(ref).toBeDefined();
    expect(bed.orca.logs.some((l) => l.includes(ref as string))).toBe(true);
    expect(bed.fake.posted()).toHaveLength(1);
  });

  function seed(dataDir: string, eventId: string, options: { attempts: number; outgoing?: boolean; ageMs?: number }) {
    const store = SlackStateStore.open(dataDir);
    const ts = slackTs();
    store.addJob(
      {
        eventId,
        kind: "mention",
        channel: "CRESTART",
        messageTs: ts,
        threadTs: ts,
        user: "UASKER",
        text: "restarted?",
      },
      Date.now() - (options.ageMs ?? 0),
    );
    for (let i = 0; i < options.attempts; i++) store.startAttempt(eventId);
    if (options.outgoing)
      store.setOutgoing(eventId, {
        message: { text: "the stored answer", blocks: [] },
        status: "done",
        answer: "the stored answer",
      });
    store.close();
    return ts;
  }

  it("delivers a reply rendered before three restarts instead of dropping the job", async () => {
    const dataDir = tempDataDir();
    const ts = seed(dataDir, "EvTHREE", { attempts: 3, outgoing: true });
    const engine = new RecordingEngine();
    await bed.start(engine, { dataDir });
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the stored reply");
    await bed.orca.app.idle();
    expect(bed.fake.posts()[0]).toMatchObject({ thread_ts: ts, text: "the stored answer" });
    expect(engine.threads).toHaveLength(0);
  });

  it("apologises with a reference id for a job that never finished answering", async () => {
    const dataDir = tempDataDir();
    seed(dataDir, "EvPOISON", { attempts: 3 });
    await bed.start(new RecordingEngine(), { dataDir });
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the apology");
    expect(String(bed.fake.posts()[0]?.text)).toMatch(/sorry.*ORCA-[0-9A-F]{8}/is);
  });

  it("apologises after a restart once the retry window has passed", async () => {
    const dataDir = tempDataDir();
    seed(dataDir, "EvSTALE", { attempts: 1, outgoing: true, ageMs: 11 * 60 * 1000 });
    await bed.start(new RecordingEngine(), { dataDir });
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the apology");
    await bed.orca.app.idle();
    expect(String(bed.fake.posts()[0]?.text)).toMatch(/sorry.*ORCA-[0-9A-F]{8}/is);
    const store = SlackStateStore.open(dataDir);
    expect(store.getJob("EvSTALE")).toMatchObject({ status: "failed", errorRef: expect.stringMatching(/^ORCA-/) });
    store.close();
  });
});

describe("/healthz and the queue cap (item 9)", () => {
  it("reports queue depth, oldest job age and disk state, and stops acknowledging past the cap", async () => {
    const engine = new GatedEngine();
    await bed.start(engine, { env: { ORCA_QUEUE_CAP: "2" }, concurrency: 1 });
    const first = await health(bed.orca.base);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      ok: true,
      status: "ok",
      queue: { pending: 0, oldestJobAgeMs: null, cap: 2 },
      disk: { state: "ok", freeBytes: expect.any(Number) },
    });
    const events = [bed.mention("one"), bed.mention("two"), bed.mention("three")];
    const statuses = [];
    for (const e of events) statuses.push((await bed.send(e)).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses[2]).not.toBe(200);
    const full = await health(bed.orca.base);
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({ ok: false, status: "queue_full", queue: { pending: 2 } });
    expect(full.body.queue.oldestJobAgeMs).toBeGreaterThanOrEqual(0);

    engine.release();
    await bed.fake.waitFor(() => bed.fake.posts().length === 2, 10_000, "the first two answers");
    await bed.orca.app.idle();
    // Slack's redelivery of the refused event is taken now.
    expect((await bed.send(events[2], { retryNum: 1 })).status).toBe(200);
    await bed.fake.waitFor(() => bed.fake.posts().length === 3, 10_000, "the third answer");
    expect((await health(bed.orca.base)).status).toBe(200);
  });
});

const isRoot = process.getuid?.() === 0;

describe("a full disk (item 4)", () => {
  it.skipIf(!isRoot)(
    "keeps serving, refuses new work, and records the delivered reply once space returns",
    async () => {
      const mountPoint = tempDataDir("orca-diskfull-");
      try {
        execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint], { stdio: "ignore" });
      } catch {
        console.warn("skipping the disk-full case: cannot mount a tmpfs here");
        return;
      }
      const filler = path.join(mountPoint, "filler");
      try {
        const engine = new GatedEngine(new RecordingEngine(() => answerOf("answered while the disk was full")));
        await bed.start(engine, { dataDir: mountPoint, env: FAST_RETRY });
        const event = bed.mention("disk?");
        expect((await bed.send(event)).status).toBe(200);
        await bed.fake.waitFor(() => engine.started === 1, 10_000, "the answer to start");
        try {
          fs.writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
        } catch {
          // ENOSPC: the disk is now full.
        }
        engine.release();
        await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the reply");
        await bed.fake.waitFor(() => bed.running?.logs.some((l) => l.includes("not recorded (disk full)")) ?? false);
        expect(bed.orca.logs.join("")).not.toMatch(/could not deliver a reply/);

        const down = await health(bed.orca.base);
        expect(down.status).toBe(503);
        expect(down.body).toMatchObject({ ok: false, status: "disk_full", disk: { state: "full" } });
        const refused = bed.mention("while full?");
        expect((await bed.send(refused)).status).not.toBe(200);

        fs.rmSync(filler);
        await bed.fake.waitFor(
          () => bed.running?.logs.some((l) => l.includes("accepting new work")) ?? false,
          10_000,
          "recovery",
        );
        expect((await health(bed.orca.base)).status).toBe(200);
        expect((await bed.send(refused, { retryNum: 1 })).status).toBe(200);
        await bed.fake.waitFor(() => bed.fake.posts().length === 2, 10_000, "the redelivered question's answer");
        await bed.orca.app.idle();
        await bed.stop();
        const store = SlackStateStore.open(mountPoint);
        expect(store.getJob(event.event_id)).toMatchObject({ status: "done" });
        expect(store.pendingJobs()).toEqual([]);
        store.close();
        expect(bed.fake.posts()).toHaveLength(2);
      } finally {
        await bed.stop();
        execFileSync("umount", [mountPoint], { stdio: "ignore" });
      }
    },
  );
});
