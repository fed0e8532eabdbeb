// Support triage through the real Bolt app over real HTTP with signed requests, against the fake Slack Web API:
// watched channels and their modes, lifecycle events, routing, the SLA clock (injectable, across a restart), the
// digest and the App Home queue.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createClassifier, TriageStore } from "../triage/index.js";
import { startFakeOpenAI } from "./fake-openai/index.js";
import { tempDataDir } from "./fake-slack/in-process.js";
import { type Envelope, eventId, mentionEvent, reactionEvent, slackTs } from "./fake-slack/index.js";
import { answerOf, GatedEngine, RecordingEngine } from "./fake-slack/test-engines.js";
import { runOrca } from "./support/run-orca.js";
import { useSlackTestBed } from "./support/slack-test-bed.js";

const ANSWER = "CANSWER";
const SUGGEST = "CSUGGEST";
const SILENT = "CSILENT";
const TRIAGE = "CTRIAGE";
const HOUR = 3_600_000;
let dataDir: string;

const bed = useSlackTestBed();

beforeEach(() => {
  dataDir = tempDataDir("orca-triage-");
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function settingsFile(extra: Record<string, unknown> = {}): string {
  const file = path.join(dataDir, "triage.json");
  const settings = {
    channels: { [ANSWER]: "answer", [SUGGEST]: "suggest", [SILENT]: "silent" },
    triage_channel: TRIAGE,
    routing: {
      default: { owners: ["UDEFAULT"], cap: 50 },
      topics: {
        scheduling: { owners: ["USCHED1", "USCHED2"], cap: 1 },
        "retries-and-timeouts": { owners: ["URETRY"] },
      },
    },
    sla: { nudge_after_hours: 4, escalate_after_hours: 24, stale_after_days: 7 },
    digest_hour_utc: 9,
    post_spacing_ms: 0,
    ...extra,
  };
  fs.writeFileSync(file, JSON.stringify(settings));
  return file;
}

function wrap(event: Record<string, unknown>, id = eventId()): Envelope {
  return { type: "event_callback", event_id: id, event_time: 0, team_id: "TFAKE", api_app_id: "AORCA", event };
}

function channelMessage(spec: {
  channel: string;
  text: string;
  user?: string;
  ts?: string;
  threadTs?: string;
  subtype?: string;
  /** Slack's channel_type: "channel" (public, the default), "group" (private); null leaves it out. */
  channelType?: string | null;
}) {
  const ts = spec.ts ?? slackTs();
  return wrap({
    type: "message",
    ...(spec.channelType === null ? {} : { channel_type: spec.channelType ?? "channel" }),
    channel: spec.channel,
    user: spec.user ?? "UASKER",
    text: spec.text,
    ts,
    event_ts: ts,
    ...(spec.threadTs ? { thread_ts: spec.threadTs } : {}),
    ...(spec.subtype ? { subtype: spec.subtype } : {}),
  });
}

async function post(envelope: Envelope, retryNum?: number) {
  const res = await bed.send(envelope, retryNum === undefined ? {} : { retryNum });
  expect(res.status).toBe(200);
  return envelope.event.ts as string;
}

/** Reads triage state the way `orca triage show` does: a separate connection to the same database. */
function stored(channel: string, ts: string) {
  const store = TriageStore.open(dataDir);
  try {
    return store.get(channel, ts);
  } finally {
    store.close();
  }
}

async function start(
  engine: AnswerEngine = new RecordingEngine(),
  options: { clock?: () => number; extra?: Record<string, unknown>; env?: Record<string, string> } = {},
) {
  return bed.start(engine, {
    dataDir,
    env: { ORCA_TRIAGE_CONFIG: settingsFile(options.extra), SLACK_BOT_USER_ID: bed.fake.botUserId, ...options.env },
    ...(options.clock ? { triageClock: options.clock } : {}),
  });
}

const settle = async () => {
  await new Promise((r) => setTimeout(r, 30));
  await bed.running?.app.idle();
};

describe("watched channels", () => {
  it("answer mode: classifies a new thread, answers it once (redelivery and mention included), tracks the answer", async () => {
    const engine = new RecordingEngine();
    await start(engine);
    const text = `<@${bed.fake.botUserId}> How do I set retries with exponential backoff on a task?`;
    const message = channelMessage({ channel: ANSWER, text });
    const ts = await post(message);
    await post(message, 1);
    await post(mentionEvent({ channel: ANSWER, text, ts }));
    await bed.fake.waitFor(() => bed.fake.posts().length >= 1, 10_000, "the answer");
    await settle();
    expect(bed.fake.posts()).toHaveLength(1);
    expect(bed.fake.posts()[0]).toMatchObject({ channel: ANSWER, thread_ts: ts });
    const thread = stored(ANSWER, ts);
    expect(thread).toMatchObject({ kind: "question", topic: "retries-and-timeouts", state: "answered-by-orca" });
    expect(thread?.firstResponseBy).toBe("orca");
  });

  it("answer mode without a mention: Orca answers a confident question by itself", async () => {
    const engine = new RecordingEngine();
    await start(engine);
    const ts = await post(
      channelMessage({ channel: ANSWER, text: "How do I set retries with exponential backoff on a task?" }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await settle();
    expect(engine.threads[0]?.question).toContain("exponential backoff");
    expect(stored(ANSWER, ts)?.state).toBe("answered-by-orca");
  });

  it("never answers a thread a human answered first, and leaves a low-confidence thread to its owner, mentioned once", async () => {
    const gated = new GatedEngine();
    await start(gated);
    // The first question holds the only answer slot... (default concurrency is 4, so queue enough to wait)
    const blockers: string[] = [];
    for (let i = 0; i < 4; i++) {
      blockers.push(
        await post(channelMessage({ channel: ANSWER, text: `How do I configure retries on task number ${i}?` })),
      );
    }
    await bed.fake.waitFor(() => gated.started === 4);
    const late = await post(channelMessage({ channel: ANSWER, text: "How do I set a cron schedule in a timezone?" }));
    await post(
      channelMessage({ channel: ANSWER, threadTs: late, user: "UHELPER", text: "use the timezone field in cron" }),
    );
    gated.release();
    await bed.fake.waitFor(() => bed.fake.posts().filter((p) => blockers.includes(p.thread_ts as string)).length === 4);
    await settle();
    expect(bed.fake.posts().filter((p) => p.thread_ts === late)).toHaveLength(0);
    expect(stored(ANSWER, late)?.state).toBe("waiting-for-asker");

    // Orca answers questions and bugs; a feature request goes to a person.
    const vague = await post(
      channelMessage({ channel: ANSWER, text: "Would be great if schedules could skip public holidays, any plans?" }),
    );
    await settle();
    expect(stored(ANSWER, vague)?.state).toBe("needs-human");
    await post(channelMessage({ channel: ANSWER, threadTs: vague, user: "UHELPER", text: "which version?" }));
    await post(channelMessage({ channel: ANSWER, threadTs: vague, text: "3.4, still failing after the restart" }));
    await settle();
    const mentions = bed.fake.posts().filter((p) => p.thread_ts === vague);
    expect(mentions).toHaveLength(1);
    // USCHED1 already holds the open "late" thread (cap 1), so the next scheduling thread goes to USCHED2.
    expect(String(mentions[0]?.text)).toBe("<@USCHED2> this feature about scheduling needs a human.");
    expect(stored(ANSWER, vague)?.state).toBe("needs-human");
  });

  it("suggest mode: posts only related links and a one-line summary, resolved threads first", async () => {
    const engine = new RecordingEngine();
    await start(engine);
    const first = await post(
      channelMessage({
        channel: SUGGEST,
        text: "Flow runs from my deployment stay Pending forever; the process work pool worker never picks them up",
      }),
    );
    await post(reactionEvent({ user: "UASKER", reaction: "white_check_mark", channel: SUGGEST, ts: first }));
    await settle();
    expect(stored(SUGGEST, first)?.state).toBe("resolved");
    const second = await post(
      channelMessage({
        channel: SUGGEST,
        user: "UOTHER",
        text: "my deployment runs stay Pending, the worker on my process work pool does not pick them up",
      }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await settle();
    const suggestion = bed.fake.posts()[0] as Record<string, unknown>;
    expect(suggestion.thread_ts).toBe(second);
    expect(String(suggestion.text)).toMatch(
      /^Looks like a \w+ about workers-and-pools\. Possibly related:\n• earlier thread <#CSUGGEST> \(resolved\)/,
    );
    expect(engine.threads).toHaveLength(0);
  });

  it("links a thread to a known GitHub issue with a score, and suggests it", async () => {
    const seed = TriageStore.open(dataDir);
    seed.upsertIssue({
      repo: "acme/flows",
      number: 42,
      kind: "issue",
      title: "Cron schedule ignores the timezone after upgrading to 3.2",
      body: "Deployments with a cron schedule and a timezone run at UTC instead.",
      state: "open",
      url: "https://github.com/acme/flows/issues/42",
      updatedAt: "2026-01-01T00:00:00Z",
    });
    seed.close();
    await start();
    const ts = await post(
      channelMessage({
        channel: SUGGEST,
        text: "after upgrading to 3.2 my cron schedule ignores the timezone and runs at UTC",
      }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await settle();
    expect(String(bed.fake.posts()[0]?.text)).toContain("<https://github.com/acme/flows/issues/42|acme/flows#42>");
    const store = TriageStore.open(dataDir);
    const linked = store.issuesByLinks();
    const row = store.db
      .prepare("SELECT score FROM issue_links WHERE channel = ? AND thread_ts = ?")
      .get(SUGGEST, ts) as {
      score: number;
    };
    store.close();
    expect(linked.map((i) => [i.number, i.threads])).toEqual([[42, 1]]);
    expect(row.score).toBeGreaterThan(0.3);
  });

  it("silent mode: classifies and tracks only; edits reclassify, deletes remove", async () => {
    await start();
    const ts = await post(
      channelMessage({ channel: SILENT, subtype: "file_share", text: "How do I pass a Secret block to a task?" }),
    );
    await settle();
    expect(stored(SILENT, ts)).toMatchObject({ topic: "blocks-variables-secrets", state: "new" });
    // Channel joins, bot posts and the like are not support threads.
    const join = await post(channelMessage({ channel: SILENT, subtype: "channel_join", text: "<@UNEW> has joined" }));
    expect(stored(SILENT, join)).toBeUndefined();
    await post(
      wrap({
        type: "message",
        subtype: "message_changed",
        channel: SILENT,
        channel_type: "channel",
        ts: slackTs(),
        message: { ts, user: "UASKER", text: "How do I set a concurrency limit for a tag?" },
      }),
    );
    expect(stored(SILENT, ts)?.topic).toBe("concurrency");
    await post(
      wrap({
        type: "message",
        subtype: "message_deleted",
        channel: SILENT,
        channel_type: "channel",
        deleted_ts: ts,
        ts: slackTs(),
      }),
    );
    expect(stored(SILENT, ts)).toBeUndefined();
    expect(bed.fake.posts()).toHaveLength(0);
  });

  it("with a model configured, re-classifies each new thread after intake and keeps both in the history", async () => {
    const llm = await startFakeOpenAI();
    try {
      llm.script({ kind: "reply", content: '{"kind": "bug", "topic": "blocks-variables-secrets", "confidence": 0.8}' });
      await bed.start(new RecordingEngine(), {
        dataDir,
        env: {
          ORCA_TRIAGE_CONFIG: settingsFile(),
          SLACK_BOT_USER_ID: bed.fake.botUserId,
          OPENAI_BASE_URL: llm.baseUrl,
        },
      });
      const ts = await post(channelMessage({ channel: SILENT, text: "How do I pass a Secret block to a task?" }));
      await settle();
      const store = TriageStore.open(dataDir);
      const history = store.classifications(SILENT, ts);
      store.close();
      expect(history.map((h) => [h.classifier.split("/")[0]?.split("+")[0], h.kind])).toEqual([
        ["offline-3", "question"],
        ["llm:openai:gpt-4o-mini", "bug"],
      ]);
      expect(stored(SILENT, ts)?.kind).toBe("bug");
    } finally {
      await bed.stop();
      await llm.close();
    }
  });

  it("stops following a channel that is no longer watched", async () => {
    await start();
    const ts = await post(channelMessage({ channel: SILENT, text: "How do I read logs of a flow run from the CLI?" }));
    await settle();
    await bed.stop();
    await start(new RecordingEngine(), { extra: { channels: { [ANSWER]: "answer" } } });
    expect(stored(SILENT, ts)).toBeUndefined();
    await post(channelMessage({ channel: SILENT, text: "How do I read logs of a flow run?" }));
    await settle();
    const store = TriageStore.open(dataDir);
    expect(store.list()).toHaveLength(0);
    store.close();
  });

  it("a burst in an answer channel while Slack rate-limits replies: every thread answered exactly once", async () => {
    await start();
    bed.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 }, 3);
    const topics = ["retries on a task", "a cron schedule", "a work pool", "a Secret block", "the task runner"];
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(
          channelMessage({
            channel: ANSWER,
            user: `UB${i}`,
            text: `How do I configure ${topics[i % 5]} for job ${i}?`,
          }),
        ),
      ),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length >= 30, 30_000, "30 answers");
    await settle();
    const answered = bed.fake.posts().map((p) => p.thread_ts as string);
    expect(answered.sort()).toEqual([...sent].sort());
    expect(bed.fake.calls.filter((c) => c.method === "chat.postMessage" && c.status === 429)).toHaveLength(3);
  }, 60_000);

  it("a flood of 1,000 messages in a minute is classified without dropping any", async () => {
    await start();
    const topics = ["retries on a task", "a cron schedule", "my work pool worker", "a Secret block", "the task runner"];
    const envelopes = Array.from({ length: 1000 }, (_, i) =>
      channelMessage({
        channel: SILENT,
        user: `U${i % 37}`,
        text: `Question ${i}: how do I configure ${topics[i % 5]}?`,
      }),
    );
    for (let i = 0; i < envelopes.length; i += 50) await Promise.all(envelopes.slice(i, i + 50).map((e) => post(e)));
    await settle();
    const store = TriageStore.open(dataDir);
    expect(store.list({ limit: 5000 })).toHaveLength(1000);
    store.close();
    expect(bed.fake.posts()).toHaveLength(0);
  }, 60_000);
});

describe("lifecycle from Slack events", () => {
  it("the Need a human button routes an answered thread to its owner", async () => {
    await start();
    const ts = await post(
      channelMessage({ channel: ANSWER, text: "How do I set retries with exponential backoff on a task?" }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await settle();
    const reply = bed.fake.callsTo("chat.postMessage")[0];
    const replyTs = bed.fake.thread(ANSWER, ts).find((m) => m.user === bed.fake.botUserId)?.ts as string;
    expect(reply).toBeDefined();
    const res = await bed.interact({
      type: "block_actions",
      user: { id: "UASKER" },
      channel: { id: ANSWER },
      container: { type: "message", channel_id: ANSWER, message_ts: replyTs },
      message: { ts: replyTs, thread_ts: ts, blocks: [] },
      actions: [{ type: "button", action_id: "orca_need_human", block_id: "orca_feedback", value: "x" }],
    });
    expect(res.status).toBe(200);
    await settle();
    expect(stored(ANSWER, ts)?.state).toBe("needs-human");
    expect(bed.fake.posts().map((p) => p.text)).toContain(
      "<@URETRY> this question about retries-and-timeouts needs a human.",
    );
  });

  it("the asker saying it worked resolves the thread, credited to Orca", async () => {
    await start();
    const ts = await post(
      channelMessage({ channel: ANSWER, text: "How do I set retries with exponential backoff on a task?" }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await settle();
    await post(channelMessage({ channel: ANSWER, threadTs: ts, text: "thanks, that worked!" }));
    expect(stored(ANSWER, ts)).toMatchObject({ state: "resolved", resolvedBy: "orca" });
  });
});

describe("SLA clock, routing and digest", () => {
  it("nudges the owner, escalates to the triage channel, honours ack, survives a restart, two threads in one second", async () => {
    const t0 = Date.UTC(2026, 0, 5, 10, 0, 0); // a Monday, 10:00 UTC (the digest hour is 09:00)
    let now = t0;
    const clock = () => now;
    await start(new RecordingEngine(), { clock });
    const a = await post(
      channelMessage({
        channel: SILENT,
        ts: "1767574800.000100",
        text: "How do I set a cron schedule in my timezone?",
      }),
    );
    const b = await post(
      channelMessage({
        channel: SILENT,
        ts: "1767574800.000200",
        user: "UASK2",
        text: "Why does my cron schedule skip a run at daylight saving time?",
      }),
    );
    await settle();
    // Routing with a cap of one per owner: the two scheduling threads go to different owners.
    expect([stored(SILENT, a)?.owner, stored(SILENT, b)?.owner]).toEqual(["USCHED1", "USCHED2"]);

    const digests = () =>
      bed.fake.posts().filter((p) => p.channel === TRIAGE && String(p.text).startsWith("*Support digest*"));
    now = t0 + 3 * HOUR;
    bed.running?.app.triage?.tick();
    await settle();
    // Nothing due in the thread yet; the day's digest goes to the triage channel.
    expect(bed.fake.posts().filter((p) => p.channel === SILENT)).toHaveLength(0);
    expect(digests()).toHaveLength(1);
    expect(String(digests()[0]?.text)).toContain("By topic: scheduling 2");

    await bed.stop(); // restart in the middle of the clock
    await start(new RecordingEngine(), { clock });
    now = t0 + 5 * HOUR;
    bed.running?.app.triage?.tick();
    bed.running?.app.triage?.tick();
    await settle();
    expect(digests()).toHaveLength(1); // the day's digest is on disk: a restart does not send it again
    const nudges = bed.fake.posts().filter((p) => p.channel === SILENT);
    expect(nudges.map((p) => p.thread_ts).sort()).toEqual([a, b]);
    expect(String(nudges.find((p) => p.thread_ts === a)?.text)).toMatch(
      /^<@USCHED1> no one has answered this question about scheduling for 5 h/,
    );

    await post(mentionEvent({ channel: SILENT, threadTs: b, user: "USCHED2", text: `<@${bed.fake.botUserId}> ack` }));
    await settle();
    expect(
      bed.fake
        .posts()
        .filter((p) => p.thread_ts === b)
        .map((p) => p.text),
    ).toContain("Got it, <@USCHED2> has this one: I paused the follow-up clock for this thread.");

    now = t0 + 25 * HOUR;
    bed.running?.app.triage?.tick();
    await settle();
    const escalations = bed.fake.posts().filter((p) => p.channel === TRIAGE && String(p.text).startsWith("Unanswered"));
    expect(escalations).toHaveLength(1);
    expect(String(escalations[0]?.text)).toContain(`thread ${a}`);

    // The next day's digest, once.
    expect(digests()).toHaveLength(2);
    bed.running?.app.triage?.tick();
    await settle();
    expect(digests()).toHaveLength(2);
  });

  it("App Home lists the queue, needing a human first, and Take assigns the clicker", async () => {
    await start();
    const plain = await post(channelMessage({ channel: SILENT, text: "How do I set a cron schedule in my timezone?" }));
    const urgent = await post(
      channelMessage({ channel: ANSWER, text: "Feature request: would love a dark mode for the UI, any plans?" }),
    );
    await settle();
    await post(wrap({ type: "app_home_opened", user: "UMAINT", channel: "DHOME", tab: "home" }));
    await settle();
    const publish = bed.fake.callsTo("views.publish").at(-1)?.params as {
      user_id: string;
      view: { blocks: Array<Record<string, unknown>> };
    };
    expect(publish.user_id).toBe("UMAINT");
    const rows = publish.view.blocks.filter((b) => b.type === "section").map((b) => (b.text as { text: string }).text);
    expect(rows[0]).toMatch(/^\*needs-human\*/);
    expect(rows[1]).toMatch(/^\*new\*/);
    const res = await bed.interact({
      type: "block_actions",
      user: { id: "UMAINT" },
      container: { type: "view", view_id: "VHOME" },
      actions: [
        {
          type: "button",
          action_id: "orca_triage_take",
          block_id: `orca_triage_${SILENT}_${plain}`,
          value: `${SILENT}/${plain}`,
        },
      ],
    });
    expect(res.status).toBe(200);
    await settle();
    expect(stored(SILENT, plain)?.owner).toBe("UMAINT");
    expect(stored(ANSWER, urgent)?.state).toBe("needs-human");
    await bed.interact({
      type: "block_actions",
      user: { id: "UMAINT" },
      container: { type: "view", view_id: "VHOME" },
      actions: [
        {
          type: "users_select",
          action_id: "orca_triage_assign",
          block_id: `orca_triage_${ANSWER}_${urgent}`,
          selected_user: "UBOB",
        },
      ],
    });
    await bed.interact({
      type: "block_actions",
      user: { id: "UMAINT" },
      container: { type: "view", view_id: "VHOME" },
      actions: [
        {
          type: "button",
          action_id: "orca_triage_resolve",
          block_id: `orca_triage_${SILENT}_${plain}`,
          value: `${SILENT}/${plain}`,
        },
      ],
    });
    await settle();
    expect(stored(ANSWER, urgent)?.owner).toBe("UBOB");
    expect(stored(SILENT, plain)).toMatchObject({ state: "resolved", resolvedBy: "human" });
    const last = bed.fake.callsTo("views.publish").at(-1)?.params as {
      view: { blocks: Array<Record<string, unknown>> };
    };
    const sections = last.view.blocks.filter((b) => b.type === "section").map((b) => (b.text as { text: string }).text);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toContain("<@UBOB>");
  });
});

describe("privacy", () => {
  const PRIVATE = "GPRIVATE";
  const PRIVATE_SILENT = "GPRIVSILENT";
  const TOKEN = "xoxb-2222222222-3333333333-AbCdEfGhIjKlMn";
  const PASSWORD = "Hunter2abc9x";
  const EMAIL = "asker@example.com";
  const privacySettings = { channels: { [SUGGEST]: "suggest", [PRIVATE]: "suggest", [PRIVATE_SILENT]: "silent" } };

  /** Every row of the triage tables, as text. */
  function triageRows(): string {
    const store = TriageStore.open(dataDir);
    try {
      return ["triage_threads", "triage_classifications", "triage_events"]
        .map((t) => JSON.stringify(store.db.prepare(`SELECT * FROM ${t}`).all()))
        .join("\n");
    } finally {
      store.close();
    }
  }

  it("a pasted token or password never reaches the triage store, the model, a suggestion, an escalation, the digest or App Home", async () => {
    const llm = await startFakeOpenAI();
    try {
      for (let i = 0; i < 3; i++)
        llm.script({ kind: "reply", content: '{"kind": "bug", "topic": "workers-and-pools", "confidence": 0.8}' });
      const t0 = Date.UTC(2026, 0, 5, 10, 0, 0);
      let now = t0;
      await bed.start(new RecordingEngine(), {
        dataDir,
        env: {
          ORCA_TRIAGE_CONFIG: settingsFile(privacySettings),
          SLACK_BOT_USER_ID: bed.fake.botUserId,
          OPENAI_BASE_URL: llm.baseUrl,
        },
        triageClock: () => now,
      });
      const leaky = `Runs stay Pending, token ${TOKEN} password: ${PASSWORD} mail ${EMAIL}; the process work pool worker never picks up my deployment flow runs`;
      const first = await post(channelMessage({ channel: SUGGEST, text: leaky }));
      await settle();
      // An edit that pastes the secrets again is scrubbed too.
      await post(
        wrap({
          type: "message",
          subtype: "message_changed",
          channel: SUGGEST,
          channel_type: "channel",
          ts: slackTs(),
          message: { ts: first, user: "UASKER", text: `${leaky} (edited)` },
        }),
      );
      await post(
        channelMessage({
          channel: SUGGEST,
          user: "UOTHER",
          text: "my deployment flow runs stay Pending, the worker on my process work pool never picks them up",
        }),
      );
      await bed.fake.waitFor(() => bed.fake.posts().length === 1);
      now = t0 + 25 * HOUR;
      bed.orca.app.triage?.tick();
      await post(wrap({ type: "app_home_opened", user: "UMAINT", channel: "DHOME", tab: "home" }));
      await settle();
      const suggestion = String(bed.fake.posts().find((p) => p.channel === SUGGEST)?.text);
      expect(suggestion).toContain("[redacted]");
      expect(
        bed.fake.posts().filter((p) => p.channel === TRIAGE && String(p.text).startsWith("Unanswered")),
      ).toHaveLength(2);
      expect(bed.fake.callsTo("views.publish")).toHaveLength(1);
      expect(llm.requests.length).toBeGreaterThanOrEqual(2);
      const seen = {
        store: triageRows(),
        slack: JSON.stringify([bed.fake.posts(), bed.fake.callsTo("views.publish").map((c) => c.params)]),
        model: JSON.stringify(llm.requests.map((r) => r.body)),
      };
      expect(seen.store).toContain("[redacted]");
      for (const [where, text] of Object.entries(seen)) {
        for (const secret of [TOKEN, PASSWORD, EMAIL]) expect(text, `${secret} in ${where}`).not.toContain(secret);
      }
    } finally {
      await bed.stop();
      await llm.close();
    }
  });

  it("suggests a private channel's thread only in that channel; a public one anywhere; unknown means private", async () => {
    await start(new RecordingEngine(), { extra: privacySettings });
    const secretWords = "the process work pool worker never picks up my deployment flow runs, they stay Pending";
    const inPrivate = await post(channelMessage({ channel: PRIVATE, channelType: "group", text: secretWords }));
    await settle();
    const inPublic = await post(
      channelMessage({
        channel: SUGGEST,
        text: "my deployment flow runs stay Pending, the worker on my process work pool never picks them up",
      }),
    );
    await settle();
    // The only similar earlier thread is private and elsewhere: nothing to suggest in the public channel.
    expect(bed.fake.posts().filter((p) => p.channel === SUGGEST)).toHaveLength(0);
    const again = await post(
      channelMessage({
        channel: PRIVATE,
        channelType: "group",
        user: "UOTHER",
        text: "flow runs of my deployment stay Pending; my process work pool worker never picks them up",
      }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await settle();
    const suggestion = bed.fake.posts()[0] as Record<string, unknown>;
    expect(suggestion).toMatchObject({ channel: PRIVATE, thread_ts: again });
    expect(String(suggestion.text)).toContain(`<#${PRIVATE}>`);
    expect(String(suggestion.text)).toContain(`<#${SUGGEST}>`);
    const unknown = await post(
      channelMessage({ channel: PRIVATE_SILENT, channelType: null, text: "How do I pause a deployment schedule?" }),
    );
    expect(
      [stored(PRIVATE, inPrivate), stored(SUGGEST, inPublic), stored(PRIVATE_SILENT, unknown)].map(
        (t) => t?.visibility,
      ),
    ).toEqual(["private", "public", "private"]);
  });

  it("escalations, the digest and App Home show no words of a private channel's thread", async () => {
    const t0 = Date.UTC(2026, 0, 5, 10, 0, 0);
    let now = t0;
    await start(new RecordingEngine(), { clock: () => now, extra: privacySettings });
    const hidden = await post(
      channelMessage({
        channel: PRIVATE_SILENT,
        channelType: "group",
        text: "How do I set a zeppelin cron schedule for our acquisition-codename flow?",
      }),
    );
    const shown = await post(channelMessage({ channel: SUGGEST, text: "How do I read the logs of a flow run?" }));
    await settle();
    now = t0 + 25 * HOUR;
    bed.running?.app.triage?.tick();
    await post(wrap({ type: "app_home_opened", user: "UMAINT", channel: "DHOME", tab: "home" }));
    await settle();
    const escalations = bed.fake.posts().filter((p) => p.channel === TRIAGE && String(p.text).startsWith("Unanswered"));
    const privateEscalation = String(escalations.find((p) => String(p.text).includes(`thread ${hidden}`))?.text);
    expect(privateEscalation).toContain(`<#${PRIVATE_SILENT}>`);
    expect(privateEscalation).toMatch(/: a thread in a private channel$/);
    expect(String(escalations.find((p) => String(p.text).includes(`thread ${shown}`))?.text)).toContain(
      "read the logs",
    );
    const digest = bed.fake.posts().find((p) => p.channel === TRIAGE && String(p.text).startsWith("*Support digest*"));
    expect(digest).toBeDefined();
    const publish = bed.fake.callsTo("views.publish").at(-1)?.params as { view: { blocks: unknown[] } };
    const rows = publish.view.blocks
      .filter((b) => (b as { type: string }).type === "section")
      .map((b) => (b as { text: { text: string } }).text.text);
    expect(rows.find((r) => r.includes(`<#${PRIVATE_SILENT}>`))).toMatch(/a thread in a private channel$/);
    expect(rows.find((r) => r.includes(`<#${SUGGEST}>`))).toContain("read the logs");
    const outside = JSON.stringify([bed.fake.posts(), publish]);
    for (const word of ["zeppelin", "acquisition-codename"]) expect(outside).not.toContain(word);
  });

  it.each([["--user"], ["--thread"]])(
    "orca forget %s removes the thread from triage, with its classifications and events",
    async (flag) => {
      await start(new RecordingEngine(), { extra: privacySettings });
      const mine = await post(
        channelMessage({ channel: PRIVATE_SILENT, user: "UFORGETME", text: "How do I set a cron schedule?" }),
      );
      const theirs = await post(
        channelMessage({ channel: PRIVATE_SILENT, user: "UOTHER", text: "Why do my task retries not back off?" }),
      );
      await post(
        channelMessage({
          channel: PRIVATE_SILENT,
          threadTs: theirs,
          user: "UFORGETME",
          text: "same here, which version?",
        }),
      );
      await post(
        channelMessage({ channel: PRIVATE_SILENT, threadTs: mine, user: "UHELPER", text: "use the timezone field" }),
      );
      await settle();
      await bed.stop();
      expect(triageRows()).toContain("UFORGETME");
      const target = flag === "--user" ? "UFORGETME" : `${PRIVATE_SILENT}:${mine}`;
      const result = await runOrca(["forget", flag, target], {
        env: { ORCA_DATA_DIR: dataDir, SLACK_BOT_TOKEN: bed.fake.token },
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("1 triage thread(s)");
      expect(stored(PRIVATE_SILENT, mine)).toBeUndefined();
      expect(stored(PRIVATE_SILENT, theirs)).toBeDefined();
      const store = TriageStore.open(dataDir);
      const left = (table: string) =>
        (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE thread_ts = ?`).get(mine) as { n: number }).n;
      expect([left("triage_classifications"), left("triage_events")]).toEqual([0, 0]);
      store.close();
      if (flag === "--user") expect(triageRows()).not.toContain("UFORGETME");
    },
  );

  it("a direct message is never tracked, and a group DM's thread is never suggested in a channel", async () => {
    const DM = "DDIRECT";
    const GROUP_DM = "GGROUPDM";
    await start(new RecordingEngine(), {
      extra: { channels: { [SUGGEST]: "suggest", [DM]: "suggest", [GROUP_DM]: "suggest" } },
    });
    const words = "the process work pool worker never picks up my deployment flow runs, they stay Pending";
    const direct = await post(channelMessage({ channel: DM, channelType: "im", text: words }));
    const grouped = await post(channelMessage({ channel: GROUP_DM, channelType: "mpim", user: "UOTHER", text: words }));
    await settle();
    expect(stored(DM, direct)).toBeUndefined();
    expect(stored(GROUP_DM, grouped)?.visibility).toBe("private");
    await post(
      channelMessage({
        channel: SUGGEST,
        user: "UTHIRD",
        text: "my deployment flow runs stay Pending, the worker on my process work pool never picks them up",
      }),
    );
    await settle();
    expect(bed.fake.posts().filter((p) => p.channel === SUGGEST)).toHaveLength(0);
    // Orca still answers the DM itself, as it always does; nothing of it appears anywhere else.
    expect(JSON.stringify(bed.fake.posts().filter((p) => p.channel !== DM))).not.toContain("stay Pending");
  });

  it("a channel made private takes its threads with it: they are no longer suggested elsewhere", async () => {
    const OTHER = "CSUGGEST2";
    await start(new RecordingEngine(), { extra: { channels: { [SUGGEST]: "suggest", [OTHER]: "suggest" } } });
    const words = "the process work pool worker never picks up my deployment flow runs, they stay Pending";
    const converted = await post(channelMessage({ channel: SUGGEST, text: words }));
    await settle();
    // While the channel is public its thread is offered in another channel.
    const before = await post(
      channelMessage({
        channel: OTHER,
        user: "UOTHER",
        text: "my deployment flow runs stay Pending, the worker on my process work pool never picks them up",
      }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().some((p) => p.thread_ts === before));
    expect(String(bed.fake.posts().find((p) => p.thread_ts === before)?.text)).toContain(`[ts ${converted}]`);
    // Slack's notice in the channel when it is made private (and every message after it) says channel_type "group".
    await post(
      wrap({
        type: "message",
        subtype: "channel_convert_to_private",
        channel: SUGGEST,
        channel_type: "group",
        user: "UADMIN",
        text: "made this channel *private*.",
        ts: slackTs(),
      }),
    );
    expect(stored(SUGGEST, converted)?.visibility).toBe("private");
    const after = await post(
      channelMessage({
        channel: OTHER,
        user: "UTHIRD",
        text: "flow runs of my deployment stay Pending; my process work pool worker never picks them up",
      }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().some((p) => p.thread_ts === after));
    await settle();
    const suggestion = String(bed.fake.posts().find((p) => p.thread_ts === after)?.text);
    expect(suggestion).toContain(`[ts ${before}]`);
    expect(suggestion).not.toContain(converted);
  });

  describe("never suggested again", () => {
    const PENDING =
      "Flow runs from my deployment stay Pending forever; the process work pool worker never picks them up";
    const LIKE_IT = "my deployment runs stay Pending, the worker on my process work pool does not pick them up";
    const suggestionFor = async (ts: string) => {
      await bed.fake.waitFor(() => bed.fake.posts().some((p) => p.thread_ts === ts));
      return String(bed.fake.posts().find((p) => p.thread_ts === ts)?.text);
    };

    it("the retention period prunes a closed thread with its history at start; open threads stay", async () => {
      const t0 = Date.UTC(2026, 0, 5, 10, 0, 0);
      let now = t0;
      await start(new RecordingEngine(), { clock: () => now, env: { ORCA_RETENTION_DAYS: "30" } });
      const closed = await post(channelMessage({ channel: SUGGEST, text: PENDING }));
      await post(reactionEvent({ user: "UASKER", reaction: "white_check_mark", channel: SUGGEST, ts: closed }));
      await settle();
      expect(stored(SUGGEST, closed)?.state).toBe("resolved");
      // While it is kept, a new thread like it is pointed to it.
      const open = await post(channelMessage({ channel: SUGGEST, user: "UOTHER", text: LIKE_IT }));
      expect(await suggestionFor(open)).toContain(`[ts ${closed}]`);
      await bed.stop();
      now = t0 + 31 * 24 * HOUR;
      await start(new RecordingEngine(), { clock: () => now, env: { ORCA_RETENTION_DAYS: "30" } });
      expect(stored(SUGGEST, closed)).toBeUndefined();
      expect(stored(SUGGEST, open)?.state).toBe("new");
      const store = TriageStore.open(dataDir);
      const left = (table: string) =>
        (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE thread_ts = ?`).get(closed) as { n: number }).n;
      expect(["triage_classifications", "triage_events", "issue_links"].map(left)).toEqual([0, 0, 0]);
      store.close();
      const later = await post(channelMessage({ channel: SUGGEST, user: "ULATER", text: PENDING }));
      const suggestion = await suggestionFor(later);
      expect(suggestion).toContain(`[ts ${open}]`);
      expect(suggestion).not.toContain(closed);
    });

    it("a thread forgotten while Orca serves is not suggested afterwards", async () => {
      await start(new RecordingEngine());
      const forgotten = await post(channelMessage({ channel: SUGGEST, user: "UFORGETME", text: PENDING }));
      await settle();
      const result = await runOrca(["forget", "--thread", `${SUGGEST}:${forgotten}`], {
        env: { ORCA_DATA_DIR: dataDir, SLACK_BOT_TOKEN: bed.fake.token },
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("1 triage thread(s)");
      await post(channelMessage({ channel: SUGGEST, user: "UOTHER", text: LIKE_IT }));
      await settle();
      await post(channelMessage({ channel: SUGGEST, user: "UTHIRD", text: PENDING }));
      await bed.fake.waitFor(() => bed.fake.posts().length === 1);
      await settle();
      // Only the third thread gets a suggestion (the second), never the forgotten one.
      expect(bed.fake.posts()).toHaveLength(1);
      expect(JSON.stringify(bed.fake.posts())).not.toContain(forgotten);
    });
  });
});

describe("fix links and threads resolved by upgrade", () => {
  /** A bug the release notes answer: "Fix worker/runner crashes when flow runs are deleted" (3.4.24, #19189). */
  const CRASH =
    "On prefect 3.4.12 our workers crash every time someone deletes a flow run from the UI while it is still running.";
  const FIX_URL = "https://github.com/PrefectHQ/prefect/pull/19189";

  function storedFix(channel: string, ts: string) {
    const store = TriageStore.open(dataDir);
    try {
      return store.fixLink(channel, ts);
    } finally {
      store.close();
    }
  }

  it("answer mode: links the fix, notes Orca's upgrade advice, and the digest counts the thread resolved by upgrade", async () => {
    const t0 = Date.UTC(2026, 0, 5, 8, 0, 0); // before the 09:00 digest
    let now = t0;
    // Orca's answer carries the release-notes statement an answer makes for this thread.
    const engine = new RecordingEngine((thread) =>
      answerOf(
        thread.question.includes("crash")
          ? "Fixed in 3.4.24 (#19189): “Fix worker/runner crashes”. You are on 3.4.12: upgrade to 3.4.24 or later."
          : "Use `retry_delay_seconds=exponential_backoff(backoff_factor=10)`.",
      ),
    );
    await start(engine, { clock: () => now });
    const ts = await post(channelMessage({ channel: ANSWER, text: CRASH }));
    const plain = await post(
      channelMessage({
        channel: ANSWER,
        user: "UOTHER",
        text: "How do I set retries with exponential backoff on a task?",
      }),
    );
    await bed.fake.waitFor(() => bed.fake.posts().length === 2, 10_000, "two answers");
    await settle();
    expect(storedFix(ANSWER, ts)).toMatchObject({ release: "3.4.24", pr: 19189, url: FIX_URL });
    expect(storedFix(ANSWER, plain)).toBeUndefined();
    expect(stored(ANSWER, ts)?.upgrade).toEqual({ release: "3.4.24", by: "orca", at: t0 });
    expect(stored(ANSWER, plain)?.upgrade).toBeNull();

    now = t0 + HOUR;
    await post(reactionEvent({ user: "UASKER", reaction: "white_check_mark", channel: ANSWER, ts }));
    await post(reactionEvent({ user: "UOTHER", reaction: "white_check_mark", channel: ANSWER, ts: plain }));
    await settle();
    expect(stored(ANSWER, ts)?.state).toBe("resolved");

    await post(wrap({ type: "app_home_opened", user: "UMAINT", channel: "DHOME", tab: "home" }));
    now = t0 + 2 * HOUR;
    bed.running?.app.triage?.tick();
    await settle();
    const digest = bed.fake.posts().find((p) => p.channel === TRIAGE && String(p.text).startsWith("*Support digest*"));
    expect(String(digest?.text)).toContain(
      "• New threads whose problem is fixed in a later release: 1 (fixed in 3.4.24)",
    );
    expect(String(digest?.text)).toContain("• Resolved by upgrade: 1 of 2 threads resolved");
  });

  it("suggest mode: the suggestion names the fix; a person's upgrade advice and the asker's thanks resolve it by upgrade", async () => {
    const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);
    let now = t0;
    await start(new RecordingEngine(), { clock: () => now });
    const ts = await post(channelMessage({ channel: SUGGEST, text: CRASH }));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the suggestion");
    await settle();
    // The topic is the offline classifier's call (workers or states: the report names both); the suggestion names it.
    const topic = createClassifier({ facts: loadPrefectFacts() }).classify(CRASH).topic;
    expect(["workers-and-pools", "states-and-cancellation"]).toContain(topic);
    expect(String(bed.fake.posts()[0]?.text)).toBe(
      `Looks like a bug about ${topic} (Prefect 3.4.12). Fixed in 3.4.24 (<${FIX_URL}|#19189>); you are on 3.4.12: upgrade to 3.4.24 or later.`,
    );

    // The queue shows the fix with its pull request.
    await post(wrap({ type: "app_home_opened", user: "UMAINT", channel: "DHOME", tab: "home" }));
    await settle();
    const home = bed.fake.callsTo("views.publish").at(-1)?.params as {
      view: { blocks: Array<Record<string, unknown>> };
    };
    const rows = home.view.blocks.filter((b) => b.type === "section").map((b) => (b.text as { text: string }).text);
    expect(rows.find((r) => r.includes(`bug · ${topic}`))).toContain(`fixed in 3.4.24 (<${FIX_URL}|#19189>)`);

    now = t0 + HOUR;
    await post(channelMessage({ channel: SUGGEST, threadTs: ts, user: "UHELPER", text: "try upgrading to 3.4.24" }));
    now = t0 + 2 * HOUR;
    await post(channelMessage({ channel: SUGGEST, threadTs: ts, text: "upgraded to 3.4.25, that fixed it, thanks!" }));
    await settle();
    expect(stored(SUGGEST, ts)).toMatchObject({
      state: "resolved",
      upgrade: { release: "3.4.25", by: "asker", at: t0 + 2 * HOUR },
    });
    now = t0 + 3 * HOUR;
    bed.running?.app.triage?.tick();
    await settle();
    const digest = bed.fake.posts().find((p) => p.channel === TRIAGE && String(p.text).startsWith("*Support digest*"));
    expect(String(digest?.text)).toContain("• Resolved by upgrade: 1 of 1 threads resolved");
  });

  it("an edit that no longer matches the fix drops the link; a thread without a version gets none", async () => {
    await start();
    const ts = await post(channelMessage({ channel: SILENT, text: CRASH }));
    const unversioned = await post(
      channelMessage({ channel: SILENT, user: "UOTHER", text: CRASH.replace("On prefect 3.4.12 our", "Our") }),
    );
    await settle();
    expect(storedFix(SILENT, ts)?.release).toBe("3.4.24");
    expect(storedFix(SILENT, unversioned)).toBeUndefined();
    await post(
      wrap({
        type: "message",
        subtype: "message_changed",
        channel: SILENT,
        channel_type: "channel",
        message: { ts, text: "On prefect 3.4.12, how do I set a cron schedule in my timezone?", user: "UASKER" },
      }),
    );
    await settle();
    expect(storedFix(SILENT, ts)).toBeUndefined();
  });
});
