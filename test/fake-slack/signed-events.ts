// Builds Events API envelopes and delivers them the way Slack does: v0 HMAC-SHA256 signature over
// "v0:<timestamp>:<body>", X-Slack-Request-Timestamp, and X-Slack-Retry-Num on redeliveries.
import { createHmac } from "node:crypto";
import { eventId, slackTs } from "./fake-slack-server.js";

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface DeliverOptions {
  retryNum?: number;
  /** Seconds since the epoch to sign with (default now); an old value makes a stale request. */
  timestamp?: number;
  /** Overrides the computed signature (forgeries). */
  signature?: string;
  contentType?: string;
}

export interface Delivery {
  status: number;
  body: string;
  ms: number;
}

/** POSTs a raw body, signed with `secret`, to an Orca events URL. */
export async function deliverRaw(
  url: string,
  secret: string,
  body: string,
  options: DeliverOptions = {},
): Promise<Delivery> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/json",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": options.signature ?? signature(secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}

export function deliver(url: string, secret: string, envelope: unknown, options: DeliverOptions = {}) {
  return deliverRaw(url, secret, JSON.stringify(envelope), options);
}

/** Block actions arrive form-encoded with a JSON `payload` field. */
export function deliverInteraction(url: string, secret: string, payload: unknown, options: DeliverOptions = {}) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return deliverRaw(url, secret, body, { ...options, contentType: "application/x-www-form-urlencoded" });
}

export interface MentionSpec {
  channel?: string;
  user?: string;
  text: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
  botUserId?: string;
}

export interface Envelope {
  type: "event_callback";
  event_id: string;
  event_time: number;
  team_id: string;
  api_app_id: string;
  event: Record<string, unknown>;
}

function wrap(event: Record<string, unknown>, id?: string): Envelope {
  return {
    type: "event_callback",
    event_id: id ?? eventId(),
    event_time: Math.floor(Date.now() / 1000),
    team_id: "TFAKE",
    api_app_id: "AORCA",
    event,
  };
}

export function mentionEvent(spec: MentionSpec): Envelope {
  const ts = spec.ts ?? slackTs();
  return wrap(
    {
      type: "app_mention",
      user: spec.user ?? "UASKER",
      text: spec.text,
      ts,
      channel: spec.channel ?? "CSUPPORT",
      event_ts: ts,
      ...(spec.threadTs ? { thread_ts: spec.threadTs } : {}),
    },
    spec.eventId,
  );
}

export function dmEvent(spec: MentionSpec & { botId?: string; subtype?: string }): Envelope {
  const ts = spec.ts ?? slackTs();
  return wrap(
    {
      type: "message",
      channel_type: "im",
      user: spec.user ?? "UASKER",
      text: spec.text,
      ts,
      channel: spec.channel ?? "DASKER",
      event_ts: ts,
      ...(spec.threadTs ? { thread_ts: spec.threadTs } : {}),
      ...(spec.botId ? { bot_id: spec.botId } : {}),
      ...(spec.subtype ? { subtype: spec.subtype } : {}),
    },
    spec.eventId,
  );
}

/** The user opened a new thread in the assistant view (Slack sends it before any message). */
export function assistantThreadStartedEvent(
  spec: { user?: string; channel?: string; threadTs?: string } = {},
): Envelope {
  return wrap({
    type: "assistant_thread_started",
    assistant_thread: {
      user_id: spec.user ?? "UASKER",
      channel_id: spec.channel ?? "DASKER",
      thread_ts: spec.threadTs ?? slackTs(),
      context: {},
    },
    event_ts: slackTs(),
  });
}

export function reactionEvent(spec: { user: string; reaction: string; channel: string; ts: string }): Envelope {
  return wrap({
    type: "reaction_added",
    user: spec.user,
    reaction: spec.reaction,
    item: { type: "message", channel: spec.channel, ts: spec.ts },
    event_ts: slackTs(),
  });
}
