import { describe, expect, it } from "vitest";
import { decideIntake } from "./intake.js";

const bot = { userId: "UBOT" };
const mention = (event: Record<string, unknown>) => ({
  type: "event_callback",
  event_id: "Ev1",
  event: { type: "app_mention", user: "U1", text: "<@UBOT> hi", ts: "1700000000.000100", channel: "C1", ...event },
});

describe("decideIntake", () => {
  it("turns a mention into a job threaded on the mention (or its thread)", () => {
    expect(decideIntake(mention({}), bot)).toMatchObject({
      action: "job",
      job: { eventId: "Ev1", kind: "mention", channel: "C1", threadTs: "1700000000.000100", user: "U1" },
    });
    const inThread = decideIntake(mention({ thread_ts: "1690000000.000001" }), bot);
    expect(inThread).toMatchObject({ job: { threadTs: "1690000000.000001" } });
  });

  it("ignores bots, itself, edits and malformed events with a reason", () => {
    expect(decideIntake(mention({ bot_id: "B1" }), bot)).toMatchObject({ action: "ignore" });
    expect(decideIntake(mention({ user: "UBOT" }), bot)).toMatchObject({ action: "ignore" });
    expect(decideIntake(mention({ subtype: "message_changed" }), bot)).toMatchObject({ action: "ignore" });
    expect(decideIntake(mention({ channel: 42 }), bot)).toMatchObject({
      action: "ignore",
      reason: expect.stringContaining("channel"),
    });
    expect(decideIntake(mention({ ts: "yesterday" }), bot)).toMatchObject({ action: "ignore" });
    expect(decideIntake({ type: "event_callback", event_id: "Ev", event: "x" }, bot)).toMatchObject({
      action: "ignore",
    });
    expect(decideIntake("nope", bot)).toMatchObject({ action: "ignore" });
    expect(decideIntake({ type: "mystery" }, bot)).toMatchObject({ action: "ignore" });
  });

  it("passes well-formed reactions and button clicks to their listeners", () => {
    const item = { type: "message", channel: "C1", ts: "1.000100" };
    const reaction = {
      type: "event_callback",
      event_id: "Ev3",
      event: { type: "reaction_added", user: "U1", reaction: "white_check_mark", item },
    };
    expect(decideIntake(reaction, bot)).toEqual({ action: "pass" });
    const click = { type: "block_actions", user: { id: "U1" }, actions: [{ action_id: "a", block_id: "b" }] };
    expect(decideIntake(click, bot)).toEqual({ action: "pass" });
    const started = {
      type: "event_callback",
      event_id: "Ev7",
      event: {
        type: "assistant_thread_started",
        assistant_thread: { user_id: "U1", channel_id: "D1", thread_ts: "1.000100", context: {} },
      },
    };
    expect(decideIntake(started, bot)).toEqual({ action: "pass" });
  });

  it("makes a DM job of a message in an assistant thread, threaded on the assistant thread", () => {
    const body = {
      type: "event_callback",
      event_id: "Ev8",
      event: {
        type: "message",
        channel_type: "im",
        user: "U1",
        text: "how?",
        ts: "2.000200",
        thread_ts: "1.000100",
        channel: "D1",
      },
    };
    expect(decideIntake(body, bot)).toMatchObject({
      action: "job",
      job: { kind: "dm", channel: "D1", threadTs: "1.000100" },
    });
  });

  it.each([
    [
      "a reaction without item",
      { type: "event_callback", event_id: "Ev4", event: { type: "reaction_added", user: "U1", reaction: "x" } },
    ],
    ["a click without actions", { type: "block_actions", user: { id: "U1" } }],
    ["a click with no actions", { type: "block_actions", user: { id: "U1" }, actions: [] }],
    [
      "an assistant thread start without its thread",
      { type: "event_callback", event_id: "Ev5", event: { type: "assistant_thread_started" } },
    ],
    [
      "an assistant context change with a bad thread ts",
      {
        type: "event_callback",
        event_id: "Ev6",
        event: {
          type: "assistant_thread_context_changed",
          assistant_thread: { user_id: "U1", channel_id: "D1", thread_ts: "soon" },
        },
      },
    ],
  ])("ignores %s with a reason", (_what, body) => {
    expect(decideIntake(body, bot)).toMatchObject({ action: "ignore", reason: expect.stringMatching(/malformed/) });
  });

  it("cuts a question longer than Slack allows", () => {
    const decision = decideIntake(mention({ text: "x".repeat(50_000) }), bot);
    expect(decision).toMatchObject({ action: "job", truncated: true });
    if (decision.action === "job") expect(decision.job.text).toHaveLength(40_000);
  });
});
