// Decides, from a raw Events API envelope, whether it asks Orca something, and validates it on the way in.
// Anything malformed or not for Orca is turned into a reason to log, never an exception.
import { z } from "zod";
import type { NewJob } from "./state-store.js";

/** Slack caps message text at 40,000 characters; anything longer is not from Slack and is cut. */
export const MAX_QUESTION_CHARS = 40_000;

const slackId = z.string().min(1).max(64);
const ts = z.string().regex(/^\d{1,12}\.\d{1,8}$/, "must be a Slack timestamp");

const messageFields = {
  user: slackId,
  text: z.string(),
  ts,
  channel: slackId,
  thread_ts: ts.optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  app_id: z.string().optional(),
};

const mentionEvent = z.object({ type: z.literal("app_mention"), ...messageFields });
const dmEvent = z.object({ type: z.literal("message"), channel_type: z.literal("im"), ...messageFields });

const reactionEvent = z.object({
  type: z.literal("reaction_added"),
  user: slackId,
  reaction: z.string().min(1).max(200),
  item: z.object({ type: z.string(), channel: slackId, ts }).loose(),
});

/** The assistant view opened a thread, or the user moved to another channel with it open. */
const assistantThreadEvent = z.object({
  type: z.enum(["assistant_thread_started", "assistant_thread_context_changed"]),
  assistant_thread: z.object({ user_id: slackId, channel_id: slackId, thread_ts: ts }).loose(),
});

/** Feedback clicks: Bolt's action listeners need at least one action, a user and where it happened. */
const blockActions = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: slackId }).loose(),
  actions: z.array(z.object({ action_id: z.string(), block_id: z.string() }).loose()).min(1),
});

const envelope = z.object({
  type: z.literal("event_callback"),
  event_id: z.string().min(1).max(128),
  event: z.object({ type: z.string() }).loose(),
});

/** Interactivity payloads Bolt routes to listeners (Orca uses block_actions for its feedback buttons). */
const INTERACTIVE_TYPES = new Set(["block_actions", "interactive_message", "view_submission", "view_closed"]);

export type IntakeDecision =
  | { action: "job"; job: NewJob; truncated: boolean }
  | { action: "ignore"; reason: string }
  /** Handled by a Bolt listener without a job (feedback clicks, reactions). */
  | { action: "pass" };

export interface BotIdentity {
  userId: string;
  botId?: string;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "body"} ${issue.message}` : "invalid";
}

export function decideIntake(body: unknown, bot: BotIdentity): IntakeDecision {
  if (typeof body !== "object" || body === null) return { action: "ignore", reason: "body is not an object" };
  const type = (body as { type?: unknown }).type;
  if (typeof type !== "string") return { action: "ignore", reason: "payload has no type" };
  if (type === "block_actions") {
    const parsed = blockActions.safeParse(body);
    return parsed.success
      ? { action: "pass" }
      : { action: "ignore", reason: `malformed block_actions: ${describe(parsed.error)}` };
  }
  if (INTERACTIVE_TYPES.has(type)) return { action: "pass" };
  if (type !== "event_callback") return { action: "ignore", reason: `unsupported payload type ${type.slice(0, 40)}` };
  const parsedEnvelope = envelope.safeParse(body);
  if (!parsedEnvelope.success)
    return { action: "ignore", reason: `malformed envelope: ${describe(parsedEnvelope.error)}` };
  const { event_id: eventId, event } = parsedEnvelope.data;
  const isMention = event.type === "app_mention";
  const isDm = event.type === "message" && event.channel_type === "im";
  if (event.type === "reaction_added") {
    const parsed = reactionEvent.safeParse(event);
    return parsed.success
      ? { action: "pass" }
      : { action: "ignore", reason: `malformed reaction_added: ${describe(parsed.error)}` };
  }
  if (event.type === "assistant_thread_started" || event.type === "assistant_thread_context_changed") {
    // No job: Bolt's Assistant answers with suggested prompts. Validated because it reads these fields unguarded.
    const parsed = assistantThreadEvent.safeParse(event);
    return parsed.success
      ? { action: "pass" }
      : { action: "ignore", reason: `malformed ${event.type}: ${describe(parsed.error)}` };
  }
  if (!isMention && !isDm) return { action: "ignore", reason: `unhandled event type ${event.type.slice(0, 40)}` };

  const parsed = (isMention ? mentionEvent : dmEvent).safeParse(event);
  if (!parsed.success) return { action: "ignore", reason: `malformed ${event.type}: ${describe(parsed.error)}` };
  const e = parsed.data;
  if (e.bot_id !== undefined || e.subtype === "bot_message") return { action: "ignore", reason: "message from a bot" };
  if (e.user === bot.userId) return { action: "ignore", reason: "Orca's own message" };
  if (e.subtype !== undefined) return { action: "ignore", reason: `message subtype ${e.subtype}` };

  const truncated = e.text.length > MAX_QUESTION_CHARS;
  return {
    action: "job",
    truncated,
    job: {
      eventId,
      kind: isMention ? "mention" : "dm",
      channel: e.channel,
      messageTs: e.ts,
      threadTs: e.thread_ts ?? e.ts,
      user: e.user,
      text: truncated ? e.text.slice(0, MAX_QUESTION_CHARS) : e.text,
    },
  };
}
