// Privacy of the shared past-conversation index and of the state store, end to end: the real Bolt app over real
// HTTP with signed requests, the fake Slack Web API on 127.0.0.1, a real knowledge base as the index.
import fs from "node:fs";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type FinishedConversation, SlackStateStore } from "../bot/slack/index.js";
import { main } from "../cli/main.js";
import { type Answer, pseudonym } from "../core/index.js";
import { HashingEmbedder, openKnowledgeBase } from "../knowledge/index.js";
import { TriageStore } from "../triage/index.js";
import { tempDataDir } from "./fake-slack/in-process.js";
import { assistantThreadStartedEvent, dmEvent, mentionEvent, reactionEvent, slackTs } from "./fake-slack/index.js";
import { answerOf, RecordingEngine } from "./fake-slack/test-engines.js";
import { useSlackTestBed } from "./support/slack-test-bed.js";

const bed = useSlackTestBed();

const PASSWORD = "hunter2-Zq9";
const SECRET_TEXT = `my db password=${PASSWORD} and key AKIAABCDEFGHIJKLMNOP, mail me at jo.doe@example.com, cc <@UCOLLEAGUE>`;

/** Asks in `channel`, lets Orca answer, then the asker marks the thread resolved with ✅. */
async function askAndResolve(
  channel: string,
  received: FinishedConversation[],
  options: { dm?: boolean; user?: string; text?: string } = {},
) {
  const user = options.user ?? "UASKER";
  const text = options.text ?? SECRET_TEXT;
  const event = options.dm
    ? dmEvent({ channel, user, text })
    : mentionEvent({ channel, user, text: `<@${bed.fake.botUserId}> ${text}` });
  bed.fake.addMessage(channel, { ts: event.event.ts as string, user, text: event.event.text as string });
  const before = bed.fake.posts().length;
  await bed.send(event);
  await bed.fake.waitFor(() => bed.fake.posts().length === before + 1, 10_000, "the reply");
  await bed.running?.app.idle();
  const reply = bed.fake.thread(channel, event.event.ts as string).at(-1);
  const seen = received.length;
  const logsBefore = bed.running?.logs.length ?? 0;
  await bed.send(reactionEvent({ user, reaction: "white_check_mark", channel, ts: reply?.ts as string }));
  // Either the sink gets it or Orca logs why not: wait for one of the two.
  await bed.fake.waitFor(
    () =>
      received.length > seen ||
      (bed.running?.logs.slice(logsBefore).some((l) => l.includes("thread not indexed")) ?? false),
    10_000,
    "the resolution to be handled",
  );
  return event;
}

function collectingSink() {
  const received: FinishedConversation[] = [];
  return { received, sink: { addConversation: (c: FinishedConversation) => void received.push(c) } };
}

describe("the assistant view (a DM thread)", () => {
  it("answers only in the asker's DM thread; the thread is never indexed nor tracked by triage", async () => {
    const { received, sink } = collectingSink();
    const dataDir = tempDataDir();
    // The configuration refuses a DM in ORCA_INDEX_CHANNELS; an operator who lists it for triage gets nothing either.
    const settings = path.join(dataDir, "triage.json");
    fs.writeFileSync(
      settings,
      JSON.stringify({
        channels: { DASKER: "answer", CSUPPORT: "answer" },
        triage_channel: "CTRIAGE",
        routing: { default: { owners: ["UOWNER"] } },
        post_spacing_ms: 0,
      }),
    );
    await bed.start(new RecordingEngine(), {
      dataDir,
      sink,
      env: { ORCA_INDEX_CHANNELS: "CSUPPORT", ORCA_TRIAGE_CONFIG: settings },
    });
    const threadTs = slackTs();
    await bed.send(assistantThreadStartedEvent({ threadTs }));
    const event = dmEvent({ text: SECRET_TEXT, threadTs });
    bed.fake.addMessage("DASKER", {
      ts: event.event.ts as string,
      user: "UASKER",
      text: SECRET_TEXT,
      thread_ts: threadTs,
    });
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1, 10_000, "the reply");
    await bed.orca.app.idle();
    const reply = bed.fake.thread("DASKER", threadTs).at(-1);
    const logsBefore = bed.orca.logs.length;
    await bed.send(
      reactionEvent({ user: "UASKER", reaction: "white_check_mark", channel: "DASKER", ts: reply?.ts as string }),
    );
    await bed.fake.waitFor(
      () => received.length > 0 || bed.orca.logs.slice(logsBefore).some((l) => l.includes("thread not indexed")),
      10_000,
      "the resolution to be handled",
    );
    await bed.orca.app.idle();

    expect(bed.fake.posts().map((p) => [p.channel, p.thread_ts])).toEqual([["DASKER", threadTs]]);
    // Nothing else was sent anywhere: no triage notice, no message to another user or channel.
    const elsewhere = bed.fake.calls.filter((c) => "channel" in c.params && c.params.channel !== "DASKER");
    expect(elsewhere.map((c) => c.method)).toEqual([]);
    expect(received).toEqual([]);
    await bed.stop();
    const triage = TriageStore.open(dataDir);
    expect(triage.list()).toEqual([]);
    triage.close();
  });
});

describe("only allowed public channels enter the shared index", () => {
  it.each([
    ["a DM", "DASKER", { dm: true }],
    ["a private channel", "GPRIVATE", {}],
    ["a public channel that is not on the allowlist", "CRANDOM", {}],
  ])("never indexes %s, whatever reactions it gets", async (_what, channel, extra) => {
    const { received, sink } = collectingSink();
    // Even when an operator lists the conversation, a DM or private channel is refused by the lookup.
    bed.fake.setChannel("CPRIV2", { name: "secret-room", is_private: true });
    await bed.start(new RecordingEngine(), {
      sink,
      env: { ORCA_INDEX_CHANNELS: "CSUPPORT,secret-room" },
    });
    await askAndResolve(channel, received, extra);
    expect(received).toEqual([]);
  });

  it("does not index a private channel even when its name is on the allowlist", async () => {
    const { received, sink } = collectingSink();
    bed.fake.setChannel("CPRIV", { name: "secret-room", is_private: true });
    await bed.start(new RecordingEngine(), { sink, env: { ORCA_INDEX_CHANNELS: "secret-room" } });
    await askAndResolve("CPRIV", received);
    expect(received).toEqual([]);
  });

  it("indexes an allowed channel's thread with secrets, e-mails and user ids removed, and its permalink", async () => {
    const { received, sink } = collectingSink();
    bed.fake.setChannel("CHELP", { name: "prefect-help" });
    await bed.start(new RecordingEngine(), { sink, env: { ORCA_INDEX_CHANNELS: "#prefect-help" } });
    const event = await askAndResolve("CHELP", received);
    expect(received).toHaveLength(1);
    const c = received[0] as FinishedConversation;
    const everything = JSON.stringify(c);
    for (const leaked of [PASSWORD, "AKIAABCDEFGHIJKLMNOP", "jo.doe@example.com", "UCOLLEAGUE", "UASKER"])
      expect(everything).not.toContain(leaked);
    expect(c.asker).toBe(pseudonym("UASKER"));
    expect(c.messages[0]?.text).toContain(`@${pseudonym("UCOLLEAGUE")}`);
    expect(c.url).toMatch(new RegExp(`^https://.*/archives/CHELP/p${(event.event.ts as string).replace(".", "")}`));
  });
});

describe("threads indexed before the policy", () => {
  it("are removed at start when their channel may not be indexed", async () => {
    const ids = ["slack:DOLDDM:1.000100", "slack:CHELP:2.000200", "slack:CRANDOM:3.000300", "slack:GPRIV:4.000400"];
    const removed: string[] = [];
    const sink = {
      addConversation: () => undefined,
      conversationIds: async () => ids.filter((id) => !removed.includes(id)),
      removeConversations: async (gone: string[]) => {
        removed.push(...gone);
        return gone.length;
      },
    };
    await bed.start(new RecordingEngine(), { sink, env: { ORCA_INDEX_CHANNELS: "CHELP" } });
    await bed.orca.app.idle();
    expect(removed.sort()).toEqual(["slack:CRANDOM:3.000300", "slack:DOLDDM:1.000100", "slack:GPRIV:4.000400"]);
    expect(bed.orca.logs.join("")).toMatch(/"removed":3.*removed past threads/);
  });
});

describe("citing past threads", () => {
  const cite = (url: string): Answer =>
    answerOf(`A past thread covered this: [the earlier thread](${url}).`, {
      sources: [{ title: "Earlier thread", url, kind: "conversation" }],
    });

  it.each([
    ["an allowed channel", "CHELP", true],
    ["a DM", "DSOMEONE", false],
    ["a channel that is not allowed", "COTHER", false],
  ])("links a permalink from %s only when it may be cited", async (_what, channel, linked) => {
    const url = `https://fake-workspace.slack.com/archives/${channel}/p1712345678000100`;
    await bed.start(new RecordingEngine(() => cite(url)), {
      env: { ORCA_INDEX_CHANNELS: "CHELP" },
    });
    await bed.send(bed.mention("how?"));
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    const posted = JSON.stringify(bed.fake.posts()[0]);
    expect(posted.includes(url)).toBe(linked);
    // The label stays readable either way.
    expect(posted).toContain("the earlier thread");
  });
});

describe("the state store", () => {
  it("keeps questions and answers without secrets or personal data", async () => {
    const engine = new RecordingEngine((t) => answerOf(`You wrote: ${t.question}`));
    await bed.start(engine);
    const event = bed.mention(SECRET_TEXT);
    await bed.send(event);
    await bed.fake.waitFor(() => bed.fake.posts().length === 1);
    await bed.orca.app.idle();
    const store = SlackStateStore.open(bed.orca.dataDir);
    const job = store.getJob(event.event_id);
    store.close();
    const stored = `${job?.text} ${job?.answer}`;
    for (const leaked of [PASSWORD, "AKIAABCDEFGHIJKLMNOP", "jo.doe@example.com", "UCOLLEAGUE"])
      expect(stored).not.toContain(leaked);
    expect(job?.text).toContain("[redacted]");
    // Nor did the secret reach the engine, or Slack.
    expect(engine.threads[0]?.question).not.toContain(PASSWORD);
    expect(JSON.stringify(bed.fake.posts())).not.toContain(PASSWORD);
  });

  it("prunes finished jobs, feedback and resolutions after the retention period, and keeps pending ones", async () => {
    const dataDir = tempDataDir();
    const store = SlackStateStore.open(dataDir);
    const day = 24 * 60 * 60 * 1000;
    const longAgo = Date.now() - 3 * day;
    const job = (eventId: string) => ({
      eventId,
      kind: "mention" as const,
      channel: "COLD",
      messageTs: slackTs(),
      threadTs: slackTs(),
      user: "UOLD",
      text: "old question",
    });
    store.addJob(job("EvOLDDONE"), longAgo);
    store.finishJob("EvOLDDONE", { status: "done", replyTs: "1.1", answer: "old answer" }, longAgo);
    store.addJob(job("EvOLDPENDING"), longAgo);
    store.addJob(job("EvRECENT"));
    store.finishJob("EvRECENT", { status: "done", replyTs: "1.2" });
    store.addFeedback(
      {
        jobId: "EvOLDDONE",
        channel: "COLD",
        threadTs: "1.0",
        messageTs: "1.1",
        user: "UOLD",
        value: "up",
        question: "q",
        answer: "a",
      },
      longAgo,
    );
    store.markResolved("COLD", "1.0", "UOLD", "EvOLDDONE", longAgo);
    store.close();

    // A two-day retention, applied when the app starts.
    await bed.start(new RecordingEngine(), { dataDir, env: { ORCA_RETENTION_DAYS: "2" } });
    await bed.orca.app.idle();
    await bed.stop();
    const after = SlackStateStore.open(dataDir);
    expect(after.getJob("EvOLDDONE")).toBeUndefined();
    expect(after.getJob("EvRECENT")).toBeDefined();
    // Pending work is never pruned (it was answered on start).
    expect(after.getJob("EvOLDPENDING")).toBeDefined();
    expect(after.feedback()).toEqual([]);
    expect(after.isResolved("COLD", "1.0")).toBe(false);
    after.close();
  });
});

async function runCli(args: string[], env: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(["node", "orca", ...args], {
    stdin: new PassThrough(),
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
    env,
  });
  return { code, stdout, stderr };
}

describe("orca forget", () => {
  /** A real knowledge base in the data dir as the index, fed the way `orca serve` feeds it. */
  async function withIndex(dataDir: string) {
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    const received: FinishedConversation[] = [];
    const sink = {
      async addConversation(c: FinishedConversation) {
        received.push(c);
        await kb.addConversation({
          id: `slack:${c.channel}:${c.threadTs}`,
          title: c.question,
          url: c.url,
          messages: c.messages,
        });
      },
    };
    return { kb, received, sink };
  }

  async function indexedConversations(dataDir: string): Promise<string[]> {
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    const hits = await kb.search("zeppelin deployment schedule", { kind: "conversation", k: 10, mode: "bm25" });
    await kb.close();
    return hits.map((h) => h.url);
  }

  it.each([["--thread"], ["--user"]])("%s removes the content from the index and the state store", async (flag) => {
    const dataDir = tempDataDir("orca-forget-");
    const { kb, received, sink } = await withIndex(dataDir);
    await bed.start(new RecordingEngine(), { dataDir, sink, env: { ORCA_INDEX_CHANNELS: "CHELP" } });
    const mine = await askAndResolve("CHELP", received, { user: "UFORGETME", text: "zeppelin deployment schedule?" });
    const theirs = await askAndResolve("CHELP", received, { user: "UOTHER", text: "zeppelin deployment schedule too" });
    await bed.stop();
    await kb.close();
    expect(received).toHaveLength(2);
    expect(await indexedConversations(dataDir)).toHaveLength(2);

    const target = flag === "--thread" ? `CHELP:${mine.event.ts}` : "UFORGETME";
    const result = await runCli(["forget", flag, target], {
      ORCA_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: bed.fake.token,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/forgot 1 indexed thread/);

    const left = await indexedConversations(dataDir);
    expect(left).toHaveLength(1);
    expect(left[0]).toContain(String(theirs.event.ts).replace(".", ""));
    const store = SlackStateStore.open(dataDir);
    expect(store.getJob(mine.event_id)).toBeUndefined();
    expect(store.isResolved("CHELP", mine.event.ts as string)).toBe(false);
    expect(store.getJob(theirs.event_id)).toBeDefined();
    store.close();
  });

  it("refuses to run without exactly one target", async () => {
    const result = await runCli(["forget"], { ORCA_DATA_DIR: tempDataDir() });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/exactly one of --user/);
  });
});
