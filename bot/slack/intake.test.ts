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

  it("passes reactions and button clicks to their listeners", () => {
    const reaction = { type: "event_callback", event_id: "Ev3", event: { type: "reaction_added" } };
    expect(decideIntake(reaction, bot)).toEqual({ action: "pass" });
    expect(decideIntake({ type: "block_actions" }, bot)).toEqual({ action: "pass" });
  });

  it("cuts a question longer than Slack allows", () => {
    const decision = decideIntake(mention({ text: "x".repeat(50_000) }), bot);
    expect(decision).toMatchObject({ action: "job", truncated: true });
    if (decision.action === "job") expect(decision.job.text).toHaveLength(40_000);
  });
});
