// The real Bolt app, in process, against the fake Slack Web API over real HTTP with correctly signed requests.
import { describe, expect, it } from "vitest";
import { type FinishedConversation, MAX_BODY_BYTES, SlackStateStore } from "../bot/slack/index.js";
import { pseudonym } from "../core/index.js";
import { SIGNING_SECRET, tempDataDir } from "./fake-slack/in-process.js";
import {
  assistantThreadStartedEvent,
  deliver,
  deliverRaw,
  dmEvent,
  mentionEvent,
  reactionEvent,
  slackTs,
} from "./fake-slack/index.js";
import { answerOf, FailingEngine, RecordingEngine, StallingEngine } from "./fake-slack/test-engines.js";
import { useSlackTestBed } from "./support/slack-test-bed.js";

const bed = useSlackTestBed();

describe("HTTP endpoint", () => {
  it("answers url_verification with the challenge and serves /healthz", async () => {
    await bed.start(new RecordingEngine());
    const res = await bed.send({ type: "url_verification", challenge: "abc123", token: "x" });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: "abc123" });
    const health = await fetch(`${bed.orca.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, mode: "http" });
  });

  it.each([
    ["GET", "/healthz", 200],
    ["HEAD", "/healthz", 200],
    ["POST", "/healthz", 404],
    ["GET", "/nowhere", 404],
    ["GET", "/slack/events", 405],
  ])(
    "answers %s %s with %i (health through Bolt's custom route, the rest through the front door)",
    async (method, path, status) => {
      await bed.start(new RecordingEngine());
      const res = await fetch(`${bed.orca.base}${path}`, { method });
      expect(res.status).toBe(status);
      if (method === "GET" && status === 200) expect(await res.json()).toMatchObject({ ok: true, mode: "http" });
    },
  );

  it("refuses an event body over the cap with 413 before Bolt reads it, and keeps serving", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine);
    const huge = bed.mention("x".repeat(MAX_BODY_BYTES));
    const res = await deliverRaw(bed.orca.url, SIGNING_SECRET, JSON.stringify(huge));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: "payload_too_large" });
    expect((await fetch(`${bed.orca.base}/healthz`)).status).toBe(200);
    await bed.orca.app.idle();
    expect(engine.threads).toHaveLength(0);
  });

  it("rejects a bad signature and a stale timestamp with 401 and never replies", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine);
    const event = bed.mention("forged?");
    const forged = await deliver(bed.orca.url, "not-the-secret", event);
    const stale = await bed.send(mentionEvent({ text: "old" }), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(bed.fake.posts()).toHaveLength(0);
    expect(engine.threads).toHaveLength(0);
  });
});

describe("answering", () => {
  it("replies once to a top-level mention, in a thread rooted at the mention, with markers and buttons", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine);
    const event = bed.mention("how do retries work?");
    const res = await bed.send(event);
    expect(res.status).toBe(200);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the reply");
    await bed.orca.app.idle();

    const post = bed.fake.posts()[0] as Record<string, unknown>;
    expect(post.thread_ts).toBe(event.event.ts);
    expect(post.channel).toBe("CSUPPORT");
    expect(String(post.text)).toContain("*Answer* to: how do retries work?");
    const blocks = post.blocks as Array<{ type: string; block_id?: string; text?: { text: string } }>;
    expect(blocks.some((b) => b.type === "actions" && b.block_id === "orca_feedback")).toBe(true);
    expect(blocks.some((b) => b.text?.text.includes("<https://docs.prefect.io/v3/develop/write-tasks|Retries>"))).toBe(
      true,
    );
    expect(engine.threads[0]?.question).toBe("how do retries work?");
    expect(bed.fake.callsTo("auth.test")).toHaveLength(1);
    expect(bed.fake.callsTo("reactions.add")[0]?.params).toMatchObject({ name: "eyes", timestamp: event.event.ts });
    expect(bed.fake.callsTo("reactions.remove")).toHaveLength(1);
  });

  it("answers a mention inside a thread in that thread, with the earlier messages and authors", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine, { env: { SLACK_BOT_USER_ID: bed.fake.botUserId } });
    const [root] = bed.fake.seedThread("CSUPPORT", [
      { user: "UALICE", text: "My flow hangs with prefect 2.19" },
      { user: "UBOB", text: "same here" },
      { user: "UHELPER", bot_id: "BOTHER", text: "I am another bot" },
    ]);
    const event = bed.mention("any idea?", { threadTs: root, user: "UALICE" });
    bed.fake
      .thread("CSUPPORT", root as string)
      .push({ ts: event.event.ts as string, user: "UALICE", text: event.event.text as string, thread_ts: root });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    expect(bed.fake.posts()[0]?.thread_ts).toBe(root);
    const thread = engine.threads[0];
    expect(thread?.question).toBe("any idea?");
    expect(thread?.asker).toBe("UALICE");
    expect(thread?.messages.map((m) => [m.author, m.text])).toEqual([
      ["UALICE", "My flow hangs with prefect 2.19"],
      ["UBOB", "same here"],
    ]);
    expect(bed.fake.callsTo("auth.test")).toHaveLength(0);
  });

  it("answers a direct message and shows the assistant status", async () => {
    await bed.start(new RecordingEngine());
    const event = dmEvent({ text: "what is a work pool?" });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    expect(bed.fake.posts()[0]).toMatchObject({ channel: "DASKER", thread_ts: event.event.ts });
    expect(bed.fake.callsTo("assistant.threads.setStatus")).toHaveLength(1);
  });

  it("in the assistant view: suggested prompts, then one answer per question with status and title", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine);
    const threadTs = slackTs();
    expect((await bed.send(assistantThreadStartedEvent({ threadTs }))).status).toBe(200);
    await bed.fake.waitFor(() => bed.fake.callsTo("assistant.threads.setSuggestedPrompts").length === 1);
    // callsTo lists only calls Slack accepted (the fake checks the thread and 1 to 4 prompts).
    expect(bed.fake.callsTo("assistant.threads.setSuggestedPrompts")[0]?.params).toMatchObject({
      channel_id: "DASKER",
      thread_ts: threadTs,
    });

    const first = dmEvent({ text: "How do I retry a task?\nsecond line", threadTs });
    await bed.send(first);
    await bed.send(first, { retryNum: 1 }); // a redelivery is not a second answer
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the answer");
    await bed.orca.app.idle();
    const second = dmEvent({ text: "and with a delay?", threadTs });
    await bed.send(second);
    await bed.fake.waitFor(() => bed.fake.posts().length === 2, 10_000, "the second answer");
    await bed.orca.app.idle();

    expect(bed.fake.posts().map((p) => [p.channel, p.thread_ts])).toEqual([
      ["DASKER", threadTs],
      ["DASKER", threadTs],
    ]);
    expect(engine.threads.map((t) => t.question)).toEqual(["How do I retry a task?\nsecond line", "and with a delay?"]);
    // The first question names the thread; the status is set while each answer is worked on.
    const titles = bed.fake.callsTo("assistant.threads.setTitle");
    expect(titles.map((c) => [c.params.channel_id, c.params.thread_ts, c.params.title])).toEqual([
      ["DASKER", threadTs, "How do I retry a task?"],
    ]);
    const statuses = bed.fake.callsTo("assistant.threads.setStatus");
    expect(statuses.map((c) => [c.params.channel_id, c.params.thread_ts])).toEqual([
      ["DASKER", threadTs],
      ["DASKER", threadTs],
    ]);
  });

  it("ignores its own messages and other bots' messages", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine);
    const own = dmEvent({ text: "I said this", user: bed.fake.botUserId });
    const otherBot = dmEvent({ text: "beep", user: "UOTHER", botId: "BOTHER" });
    const botMessage = dmEvent({ text: "beep", user: "UOTHER", subtype: "bot_message" });
    for (const e of [own, otherBot, botMessage]) expect((await bed.send(e)).status).toBe(200);
    // A real question afterwards proves the app was listening the whole time.
    await bed.send(dmEvent({ text: "real question" }));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await bed.orca.app.idle();
    expect(bed.fake.posts()).toHaveLength(1);
    expect(engine.threads.map((t) => t.question)).toEqual(["real question"]);
  });

  it("reads its own earlier answer back as posted, a table included, when asked again in the thread", async () => {
    const table =
      "| Prefect 2 | Prefect 3 |\n|---|---|\n| agent | [worker](https://docs.prefect.io/v3/concepts/workers) |";
    const engine = new RecordingEngine((thread) =>
      answerOf(thread.messages.length === 0 ? `Compare:\n\n${table}` : "follow-up answer"),
    );
    await bed.start(engine);
    const first = bed.mention("what replaced agents?");
    bed.fake.addMessage("CSUPPORT", { ts: first.event.ts as string, user: "UASKER", text: first.event.text as string });
    await bed.send(first);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the first answer");
    await bed.orca.app.idle();
    const again = bed.mention("and in 3.x?", { threadTs: first.event.ts as string });
    bed.fake.addMessage("CSUPPORT", {
      ts: again.event.ts as string,
      thread_ts: first.event.ts as string,
      user: "UASKER",
      text: again.event.text as string,
    });
    await bed.send(again);
    await bed.fake.waitFor(() => bed.fake.posts().length === 2, 10_000, "the second answer");

    const earlier = engine.threads[1]?.messages.find((m) => m.author === "Orca");
    expect(earlier?.text).toContain("```\nPrefect 2 | Prefect 3\n----------+----------\nagent     | worker\n```");
    expect(earlier?.text).toContain("<https://docs.prefect.io/v3/concepts/workers|worker>");
  });

  it("reads a 500-message thread by paging, within the message and character bounds", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine, {
      env: { ORCA_THREAD_MAX_MESSAGES: "50", ORCA_THREAD_MAX_CHARS: "4000" },
    });
    const seeded = Array.from({ length: 500 }, (_, i) => ({
      user: `U${i % 7}`,
      text: `message number ${i} ${"x".repeat(40)}`,
    }));
    const tss = bed.fake.seedThread("CBIG", seeded);
    const event = bed.mention("summarise?", { channel: "CBIG", threadTs: tss[0] });
    bed.fake
      .thread("CBIG", tss[0] as string)
      .push({ ts: event.event.ts as string, user: "UASKER", text: event.event.text as string });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);

    const thread = engine.threads[0];
    expect(thread).toBeDefined();
    const messages = thread?.messages ?? [];
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.length).toBeLessThanOrEqual(50);
    const chars = messages.reduce((n, m) => n + m.text.length, 0) + (thread?.question.length ?? 0);
    expect(chars).toBeLessThanOrEqual(4000);
    expect(messages[0]?.text).toContain("message number 0 ");
    expect(messages.at(-1)?.text).toContain("message number 499 ");
    expect(bed.fake.callsTo("conversations.replies").length).toBeGreaterThanOrEqual(3);
  });

  it("splits a 20,000-character answer with code into valid blocks", async () => {
    const code = Array.from({ length: 300 }, (_, i) => `    result_${i} = my_task.submit(${i})  # keep futures`).join(
      "\n",
    );
    const prose = Array.from(
      { length: 30 },
      (_, i) => `Paragraph ${i}: ${"**bold** words and [a link](https://example.com/x) ".repeat(5)}`,
    );
    const markdown = `${prose.slice(0, 15).join("\n\n")}\n\n\`\`\`python\n${code}\n\`\`\`\n\n${prose.slice(15).join("\n\n")}`;
    expect(markdown.length).toBeGreaterThan(20_000);
    await bed.start(new RecordingEngine(() => answerOf(markdown)));
    await bed.send(bed.mention("long one"));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);

    const blocks = bed.fake.posts()[0]?.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks.length).toBeLessThanOrEqual(50);
    const sections = blocks.filter((b) => b.type === "section").map((b) => b.text?.text ?? "");
    expect(sections.length).toBeGreaterThan(7);
    for (const text of sections) {
      expect(text.length).toBeLessThan(3000);
      expect((text.match(/```/g) ?? []).length % 2).toBe(0);
    }
    const joined = sections.join("\n");
    expect(joined).toContain("result_299 = my_task.submit(299)");
    expect(joined).not.toContain("```python");
  });
});

describe("feedback", () => {
  it("acknowledges and stores a 👍 click, thanks the user and hands the thread to the sink", async () => {
    const received: FinishedConversation[] = [];
    await bed.start(new RecordingEngine(), {
      sink: { addConversation: (c) => void received.push(c) },
      env: { ORCA_INDEX_CHANNELS: "CSUPPORT" },
    });
    const event = bed.mention("how do I pin a version?", { user: "UASKER" });
    bed.fake.addMessage("CSUPPORT", { ts: event.event.ts as string, user: "UASKER", text: event.event.text as string });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await bed.orca.app.idle();
    const reply = bed.fake.thread("CSUPPORT", event.event.ts as string).at(-1);
    expect(reply?.user).toBe(bed.fake.botUserId);

    const click = await bed.interact({
      type: "block_actions",
      user: { id: "UCLICKER", name: "clicker" },
      team: { id: "TFAKE" },
      api_app_id: "AORCA",
      container: { type: "message", message_ts: reply?.ts, channel_id: "CSUPPORT" },
      channel: { id: "CSUPPORT", name: "support" },
      message: { ts: reply?.ts, thread_ts: event.event.ts, text: reply?.text, blocks: reply?.blocks },
      actions: [
        {
          type: "button",
          action_id: "orca_feedback_up",
          block_id: "orca_feedback",
          value: event.event_id,
          action_ts: "1",
        },
      ],
      trigger_id: "1.2.3",
      response_url: "http://127.0.0.1:9/unused",
    });
    expect(click.status).toBe(200);
    await bed.fake.waitFor(() => bed.fake.callsTo("chat.update").length === 1 && received.length === 1);

    const store = SlackStateStore.open(bed.orca.dataDir);
    const stored = store.feedback();
    store.close();
    expect(stored).toEqual([
      expect.objectContaining({
        jobId: event.event_id,
        user: "UCLICKER",
        value: "up",
        question: expect.stringContaining("how do I pin a version?"),
        answer: expect.stringContaining("**Answer** to: how do I pin a version?"),
        threadTs: event.event.ts,
      }),
    ]);
    // Authors reach the index as pseudonyms, never as Slack user ids.
    expect(received).toEqual([expect.objectContaining({ outcome: "helpful", asker: pseudonym("UASKER") })]);
    expect(received[0]?.messages.map((m) => [m.author, m.isBot])).toEqual([
      [pseudonym("UASKER"), false],
      ["Orca", true],
    ]);
    expect(received[0]?.messages[1]?.text).toContain("*Answer* to: how do I pin a version?");
    const updatedBlocks = bed.fake.callsTo("chat.update")[0]?.params.blocks as Array<{ type: string }>;
    expect(updatedBlocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("marks a thread resolved when the asker reacts ✅, and only then", async () => {
    const received: unknown[] = [];
    await bed.start(new RecordingEngine(), {
      sink: { addConversation: (c) => void received.push(c) },
      env: { ORCA_INDEX_CHANNELS: "support-channel,CSUPPORT" },
    });
    const event = bed.mention("is this fixed?", { user: "UASKER" });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await bed.orca.app.idle();
    const reply = bed.fake.thread("CSUPPORT", event.event.ts as string).at(-1);
    const on = { channel: "CSUPPORT", ts: reply?.ts as string, reaction: "white_check_mark" };
    await bed.send(reactionEvent({ ...on, user: "USTRANGER" }));
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(0);
    await bed.send(reactionEvent({ ...on, user: "UASKER" }));
    await bed.fake.waitFor(() => received.length === 1);
    const store = SlackStateStore.open(bed.orca.dataDir);
    expect(store.isResolved("CSUPPORT", event.event.ts as string)).toBe(true);
    store.close();
    expect(received[0]).toMatchObject({ outcome: "resolved", question: expect.stringContaining("is this fixed?") });
  });
});

describe("failure is never silence", () => {
  it("posts an apology with a reference id when the pipeline throws, and logs the same id", async () => {
    await bed.start(new FailingEngine());
    await bed.send(bed.mention("boom?"));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    const text = String(bed.fake.posts()[0]?.text);
    const ref = /ORCA-[0-9A-F]{8}/.exec(text)?.[0];
    expect(ref).toBeDefined();
    expect(text).toMatch(/sorry/i);
    expect(bed.orca.logs.some((l) => l.includes(ref as string) && l.includes("index exploded"))).toBe(true);
  });

  it("apologises when the pipeline times out and aborts the engine", async () => {
    const engine = new StallingEngine();
    await bed.start(engine, { env: { ORCA_ANSWER_TIMEOUT_MS: "300" } });
    await bed.send(bed.mention("slow?"));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    expect(String(bed.fake.posts()[0]?.text)).toMatch(/too long.*ORCA-[0-9A-F]{8}/s);
    expect(engine.aborted).toBe(1);
  });

  it("retries chat.postMessage after a 429 with Retry-After, and after a 500", async () => {
    await bed.start(new RecordingEngine());
    bed.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    bed.fake.failNext("chat.postMessage", { status: 500 });
    await bed.send(bed.mention("rate limited?"));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 15_000);
    const attempts = bed.fake.calls.filter((c) => c.method === "chat.postMessage");
    expect(attempts.map((c) => c.status)).toEqual([429, 500, 200]);
    const [limited, , delivered] = attempts;
    expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it("limits answers per user per minute with a polite notice", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine, { env: { ORCA_RATE_LIMIT_PER_MINUTE: "2" } });
    for (let i = 0; i < 3; i++) {
      await bed.send(bed.mention(`q${i}`, { user: "UHASTY" }));
      await bed.fake.waitFor(() => bed.fake.posts().length === i + 1);
    }
    // A fourth over-limit mention gets no second notice.
    await bed.send(bed.mention("q3", { user: "UHASTY" }));
    await bed.send(bed.mention("other", { user: "UCALM" }));
    await bed.fake.waitFor(() => bed.fake.posts().length === 4);
    await bed.orca.app.idle();
    expect(bed.fake.posts()).toHaveLength(4);
    expect(engine.threads.map((t) => t.question)).toEqual(["q0", "q1", "other"]);
    expect(String(bed.fake.posts()[2]?.text)).toMatch(/ask again in about \d+ s/);
  });
});

describe("exactly one reply", () => {
  it("answers once when Slack redelivers the event three times, also across a restart", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine);
    const event = bed.mention("once please", { ts: slackTs() });
    await bed.send(event);
    for (let retry = 1; retry <= 3; retry++) {
      expect((await bed.send(event, { retryNum: retry })).status).toBe(200);
    }
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await bed.orca.app.idle();
    const dataDir = bed.orca.dataDir;
    await bed.stop();

    await bed.start(engine, { dataDir });
    for (let retry = 1; retry <= 3; retry++) {
      expect((await bed.send(event, { retryNum: retry })).status).toBe(200);
    }
    // Same message under a new event id (Slack can describe one message twice): still the same job.
    await bed.send({ ...event, event_id: "EvSAMEMESSAGE" });
    await new Promise((r) => setTimeout(r, 300));
    await bed.orca.app.idle();
    expect(bed.fake.posts()).toHaveLength(1);
    expect(engine.threads).toHaveLength(1);
  });
});

describe("crash recovery", () => {
  it("resumes a pending job on start, and does not repost a reply that made it to Slack before a crash", async () => {
    const dataDir = tempDataDir();
    const store = SlackStateStore.open(dataDir);
    const job = (eventId: string, ts: string) => ({
      eventId,
      kind: "mention" as const,
      channel: "CCRASH",
      messageTs: ts,
      threadTs: ts,
      user: "UASKER",
      text: `<@${bed.fake.botUserId}> question ${eventId}`,
    });
    const [unanswered, posted] = [slackTs(), slackTs()];
    store.addJob(job("EvUNANSWERED", unanswered as string));
    store.addJob(job("EvPOSTED", posted as string));
    store.close();
    // The crash came after chat.postMessage for EvPOSTED but before it was recorded.
    bed.fake.addMessage("CCRASH", { ts: posted as string, user: "UASKER", text: "question EvPOSTED" });
    bed.fake.addMessage("CCRASH", {
      ts: slackTs(),
      thread_ts: posted,
      user: bed.fake.botUserId,
      bot_id: bed.fake.botId,
      text: "the earlier answer",
      metadata: { event_type: "orca_answer", event_payload: { job: "EvPOSTED" } },
    });

    const engine = new RecordingEngine();
    await bed.start(engine, { dataDir });
    expect(bed.orca.app.resumed).toBe(2);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await bed.orca.app.idle();
    expect(bed.fake.posts()).toHaveLength(1);
    expect(bed.fake.posts()[0]?.thread_ts).toBe(unanswered);
    expect(engine.threads.map((t) => t.question)).toEqual(["question EvUNANSWERED"]);
    const reopened = SlackStateStore.open(dataDir);
    expect(reopened.pendingJobs()).toEqual([]);
    reopened.close();
  });
});

describe("Socket Mode", () => {
  it("connects with the app token, answers a mention once despite a redelivery, and serves /healthz", async () => {
    const engine = new RecordingEngine();
    await bed.start(engine, {
      env: { SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-fake-app-token-0000" },
    });
    expect(bed.orca.app.mode).toBe("socket");
    await bed.fake.waitFor(() => bed.fake.socketConnected(), 10_000, "the Socket Mode connection");
    const event = bed.mention("over the socket?");
    await bed.fake.socketDeliver(event);
    await bed.fake.socketDeliver(event, 1);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await bed.orca.app.idle();
    expect(bed.fake.posts()).toHaveLength(1);
    expect(bed.fake.posts()[0]?.thread_ts).toBe(event.event.ts);
    expect(engine.threads.map((t) => t.question)).toEqual(["over the socket?"]);
    const health = await fetch(`${bed.orca.base}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, mode: "socket" });
  });
});
