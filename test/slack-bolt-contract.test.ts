// Bolt behaviour Orca's Slack app relies on, pinned against the real Bolt App and Orca's HTTP receiver over real HTTP
// (signed requests, the fake Slack Web API on 127.0.0.1), so a Bolt upgrade that changes it fails here first:
// - durable intake: every request reaches App.processEvent before it is acknowledged, Bolt acknowledges an Events API
//   event before its listeners run, and a processEvent that throws before that is answered with an error (Slack
//   then delivers the event again). So the job must be on disk before super.processEvent, as DurableApp does it.
// - the Assistant class: it takes DM-thread messages away from app.message, hands userMessage the envelope (its
//   event_id is the job id) and the retry number, and its helpers call the Web API for the event's own thread;
//   its default context handler rewrites the metadata of the bot's first message in the thread.
import { App, Assistant, type AssistantConfig, LogLevel, type ReceiverEvent } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { EVENTS_PATH, OrcaHttpReceiver } from "../bot/slack/index.js";
import { SIGNING_SECRET } from "./fake-slack/in-process.js";
import {
  assistantThreadStartedEvent,
  type DeliverOptions,
  deliver,
  dmEvent,
  eventId,
  slackTs,
} from "./fake-slack/index.js";
import { useSlackTestBed } from "./support/slack-test-bed.js";

const bed = useSlackTestBed();

const quiet = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** A Bolt App whose processEvent records the order of intake, acknowledgement and listeners. */
class ProbeApp extends App {
  readonly order: string[] = [];
  refuse = false;

  override async processEvent(event: ReceiverEvent): Promise<void> {
    this.order.push("intake");
    if (this.refuse) throw new Error("the disk is full");
    const ack = event.ack;
    await super.processEvent({
      ...event,
      ack: async (response) => {
        this.order.push("ack");
        await ack(response);
      },
    });
  }
}

let app: ProbeApp | undefined;
let url = "";

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function startProbe(setup: (app: ProbeApp) => void): Promise<ProbeApp> {
  const receiver = new OrcaHttpReceiver({ signingSecret: SIGNING_SECRET, port: 0, host: "127.0.0.1", logger: quiet });
  const probe = new ProbeApp({
    receiver,
    logger: quiet,
    authorize: async () => ({ botToken: bed.fake.token, botUserId: bed.fake.botUserId, botId: "BORCA" }),
    clientOptions: { slackApiUrl: bed.fake.url, retryConfig: { retries: 0 } },
  });
  setup(probe);
  await probe.start();
  app = probe;
  url = `http://127.0.0.1:${receiver.port}${EVENTS_PATH}`;
  return probe;
}

const send = (envelope: unknown, options?: DeliverOptions) => deliver(url, SIGNING_SECRET, envelope, options);

/** An assistant whose handlers record what Bolt gave them. */
function recordingAssistant(extra: Partial<AssistantConfig> = {}) {
  const seen: Array<{ handler: string; eventId?: string; retryNum?: number }> = [];
  const assistant = new Assistant({
    threadStarted: async ({ body, setSuggestedPrompts }) => {
      seen.push({ handler: "threadStarted", eventId: (body as { event_id: string }).event_id });
      await setSuggestedPrompts({ prompts: [{ title: "Try", message: "How do retries work?" }] });
    },
    userMessage: async ({ body, context, setTitle, setStatus }) => {
      seen.push({
        handler: "userMessage",
        eventId: (body as { event_id: string }).event_id,
        ...(context.retryNum !== undefined ? { retryNum: context.retryNum } : {}),
      });
      await setTitle("a title");
      await setStatus("is looking into it…");
    },
    ...extra,
  });
  return { assistant, seen };
}

describe("durable intake: what Bolt does with a request", () => {
  it("calls processEvent first, acknowledges an Events API event before its listeners run, then runs them", async () => {
    const listened: string[] = [];
    const probe = await startProbe((a) =>
      a.message(async ({ body }) => {
        a.order.push("listener");
        listened.push((body as { event_id: string }).event_id);
      }),
    );
    const event = dmEvent({ text: "hello" });
    expect((await send(event)).status).toBe(200);
    await bed.fake.waitFor(() => listened.length === 1, 10_000, "the listener");
    expect(probe.order).toEqual(["intake", "ack", "listener"]);
    expect(listened).toEqual([event.event_id]);
  });

  it("answers 500, never 200, when processEvent throws before Bolt acknowledged, and runs no listener", async () => {
    let listened = 0;
    const probe = await startProbe((a) =>
      a.message(async () => {
        listened++;
      }),
    );
    probe.refuse = true;
    const refused = await send(dmEvent({ text: "keep me" }));
    expect(refused.status).toBe(500);
    expect(probe.order).toEqual(["intake"]);
    // The redelivery, once Orca can keep it, goes through.
    probe.refuse = false;
    expect((await send(dmEvent({ text: "keep me" }), { retryNum: 1 })).status).toBe(200);
    await bed.fake.waitFor(() => listened === 1, 10_000, "the listener");
  });
});

describe("the Assistant class", () => {
  it("takes DM-thread messages (with event_id and retry number) from app.message, and leaves top-level DMs to it", async () => {
    const { assistant, seen } = recordingAssistant();
    const messages: string[] = [];
    await startProbe((a) => {
      a.assistant(assistant);
      a.message(async ({ body }) => {
        messages.push((body as { event_id: string }).event_id);
      });
    });
    const threadTs = slackTs();
    const started = assistantThreadStartedEvent({ threadTs });
    const inThread = dmEvent({ text: "in the assistant thread", threadTs });
    const topLevel = dmEvent({ text: "a plain DM" });
    for (const envelope of [started, inThread, topLevel]) expect((await send(envelope)).status).toBe(200);
    expect((await send(inThread, { retryNum: 1 })).status).toBe(200);
    await bed.fake.waitFor(() => seen.length === 3 && messages.length === 1, 10_000, "every handler");

    expect(seen).toEqual([
      { handler: "threadStarted", eventId: started.event_id },
      { handler: "userMessage", eventId: inThread.event_id },
      { handler: "userMessage", eventId: inThread.event_id, retryNum: 1 },
    ]);
    expect(messages).toEqual([topLevel.event_id]);
    await bed.fake.waitFor(() => bed.fake.callsTo("assistant.threads.setStatus").length === 2, 10_000, "the helpers");
    // The helpers address the event's own DM thread.
    for (const method of [
      "assistant.threads.setSuggestedPrompts",
      "assistant.threads.setTitle",
      "assistant.threads.setStatus",
    ])
      for (const call of bed.fake.callsTo(method))
        expect(call.params).toMatchObject({ channel_id: "DASKER", thread_ts: threadTs });
  });

  it("by default rewrites the metadata of the bot's first message when the context changes (so Orca overrides it)", async () => {
    const { assistant } = recordingAssistant();
    await startProbe((a) => a.assistant(assistant));
    const threadTs = slackTs();
    bed.fake.addMessage("DASKER", { ts: threadTs, user: "UASKER", text: "question" });
    const replyTs = slackTs();
    bed.fake.addMessage("DASKER", {
      ts: replyTs,
      thread_ts: threadTs,
      user: bed.fake.botUserId,
      text: "answer",
      metadata: { event_type: "orca_answer", event_payload: { job: "Ev1" } },
    });
    const changed = {
      type: "event_callback",
      event_id: eventId(),
      event_time: Math.floor(Date.now() / 1000),
      team_id: "TFAKE",
      api_app_id: "AORCA",
      event: {
        type: "assistant_thread_context_changed",
        assistant_thread: {
          user_id: "UASKER",
          channel_id: "DASKER",
          thread_ts: threadTs,
          context: { channel_id: "CELSEWHERE" },
        },
        event_ts: slackTs(),
      },
    };
    expect((await send(changed)).status).toBe(200);
    await bed.fake.waitFor(() => bed.fake.callsTo("chat.update").length === 1, 10_000, "the update");
    expect(bed.fake.callsTo("chat.update")[0]?.params).toMatchObject({
      channel: "DASKER",
      ts: replyTs,
      metadata: { event_type: "assistant_thread_context", event_payload: { channel_id: "CELSEWHERE" } },
    });
  });
});
