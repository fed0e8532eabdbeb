// Reads a Slack thread with conversations.replies and maps it to the pipeline's Thread.
// Threads can be huge: paging keeps only a bounded window (root + newest messages), then a character budget applies.
import type { WebClient } from "@slack/web-api";
import type { Thread, ThreadMessage } from "../../core/index.js";

export const ANSWER_EVENT_TYPE = "orca_answer";
const PAGE_SIZE = 200;
const MAX_PAGES = 100;

export interface ThreadBounds {
  maxMessages: number;
  maxChars: number;
}

export interface ReadThreadRequest {
  channel: string;
  threadTs: string;
  /** The message that asks Orca; later messages are ignored. */
  questionTs: string;
  questionText: string;
  asker: string;
  /** The job id stamped into Orca's reply metadata, to notice a reply posted before a crash. */
  jobId: string;
}

export interface ReadThreadResult {
  thread: Thread;
  /** ts of an Orca reply to this job found in the thread, when one was already posted. */
  existingReplyTs: string | null;
  messagesSeen: number;
  /** Why the thread could not be read, when the question had to be answered on its own. */
  readError?: string;
}

interface RawMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  blocks?: Array<{ type?: string; text?: { text?: string } }>;
}

function sectionText(blocks: RawMessage["blocks"]): string {
  return (blocks ?? [])
    .filter((b) => b.type === "section" && typeof b.text?.text === "string")
    .map((b) => b.text?.text)
    .join("\n\n");
}

/** Orders Slack timestamps exactly ("seconds.micros" has more digits than a double keeps). */
export function compareTs(a: string, b: string): number {
  const [as = "0", af = ""] = a.split(".");
  const [bs = "0", bf = ""] = b.split(".");
  const seconds = BigInt(as) - BigInt(bs);
  if (seconds !== 0n) return seconds > 0n ? 1 : -1;
  const fa = af.padEnd(6, "0");
  const fb = bf.padEnd(6, "0");
  return fa === fb ? 0 : fa > fb ? 1 : -1;
}

/** Removes `<@BOT>` mentions (with or without a label) and tidies the spacing they leave. */
export function stripMention(text: string, botUserId: string): string {
  return text
    .replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export class SlackThreadReader {
  constructor(
    private readonly client: WebClient,
    private readonly botUserId: string,
    private readonly bounds: ThreadBounds,
  ) {}

  /** Reads the thread; when Slack will not give it (no access, deleted, outage) the question stands alone. */
  async read(request: ReadThreadRequest): Promise<ReadThreadResult> {
    let fetched: Awaited<ReturnType<SlackThreadReader["fetch"]>>;
    let readError: string | undefined;
    try {
      fetched = await this.fetch(request.channel, request.threadTs, request.questionTs, request.jobId);
    } catch (error) {
      readError = error instanceof Error ? error.message : String(error);
      fetched = { root: undefined, recent: [], seen: 0, existingReplyTs: null };
    }
    const { root, recent, seen, existingReplyTs } = fetched;
    const messages: ThreadMessage[] = [];
    for (const raw of root ? [root, ...recent] : recent) {
      if (raw.ts === request.questionTs) continue;
      const mapped = this.toMessage(raw);
      if (mapped) messages.push(mapped);
    }
    const question = stripMention(request.questionText, this.botUserId).slice(0, this.bounds.maxChars);
    return {
      thread: {
        messages: this.withinBudget(messages, this.bounds.maxChars - question.length),
        question,
        asker: request.asker,
      },
      existingReplyTs,
      messagesSeen: seen,
      ...(readError ? { readError } : {}),
    };
  }

  /** A whole thread (bounded), answer included: what a helpful or resolved conversation looked like. */
  async conversation(channel: string, threadTs: string): Promise<ThreadMessage[]> {
    const { root, recent } = await this.fetch(channel, threadTs);
    const messages = (root ? [root, ...recent] : recent)
      .map((raw) => this.toMessage(raw))
      .filter((m): m is ThreadMessage => m !== null);
    return this.withinBudget(messages, this.bounds.maxChars);
  }

  /** The ts of Orca's reply to `jobId` in the thread, found by its metadata; null when there is none. Throws when
   * the thread cannot be read (the caller must then not assume the reply is absent). */
  async findReply(channel: string, threadTs: string, jobId: string): Promise<string | null> {
    try {
      return (await this.fetch(channel, threadTs, undefined, jobId)).existingReplyTs;
    } catch (error) {
      // Slack says the thread is not there at all: then no reply can be in it either.
      if ((error as { data?: { error?: string } }).data?.error === "thread_not_found") return null;
      throw error;
    }
  }

  private async fetch(channel: string, threadTs: string, until?: string, jobId?: string) {
    let root: RawMessage | undefined;
    let recent: RawMessage[] = [];
    let existingReplyTs: string | null = null;
    let seen = 0;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.client.conversations.replies({
        channel,
        ts: threadTs,
        include_all_metadata: true,
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      for (const raw of (response.messages ?? []) as RawMessage[]) {
        seen++;
        if (jobId !== undefined && this.isOurReplyTo(raw, jobId)) existingReplyTs = raw.ts ?? null;
        // What was said after the question is not part of it (and `latest` would hide a reply posted before a crash).
        if (until !== undefined && raw.ts !== undefined && compareTs(raw.ts, until) > 0) continue;
        if (root === undefined && raw.ts === threadTs) root = raw;
        else recent.push(raw);
      }
      // Keep memory bounded on very long threads: only the newest window matters.
      if (recent.length > this.bounds.maxMessages) recent = recent.slice(-this.bounds.maxMessages);
      cursor = response.response_metadata?.next_cursor || undefined;
      if (!response.has_more || !cursor) break;
    }
    if (root) recent = recent.slice(-(this.bounds.maxMessages - 1));
    return { root, recent, seen, existingReplyTs };
  }

  private isOurReplyTo(raw: RawMessage, jobId: string): boolean {
    return raw.metadata?.event_type === ANSWER_EVENT_TYPE && raw.metadata.event_payload?.job === jobId;
  }

  private toMessage(raw: RawMessage): ThreadMessage | null {
    const own = raw.user === this.botUserId;
    // Orca's `text` is only the notification fallback; the full answer is in its section blocks.
    const text = (own && sectionText(raw.blocks)) || raw.text || "";
    const bot = own || raw.bot_id !== undefined || raw.subtype === "bot_message";
    // Other bots' chatter is noise for the pipeline; Orca's own earlier replies are context.
    if (bot && !own) return null;
    if (raw.subtype !== undefined && raw.subtype !== "thread_broadcast" && raw.subtype !== "bot_message") return null;
    if (text.trim() === "") return null;
    return {
      author: own ? "Orca" : (raw.user ?? "unknown"),
      text: own ? text : stripMention(text, this.botUserId),
      isBot: bot,
      ...(raw.ts ? { ts: raw.ts } : {}),
    };
  }

  /** Keeps the oldest message (usually the thread root, at most half the budget) and the newest that still fit. */
  private withinBudget(messages: ThreadMessage[], budget: number): ThreadMessage[] {
    if (messages.length === 0 || budget <= 0) return [];
    const [first, ...rest] = messages as [ThreadMessage, ...ThreadMessage[]];
    const half = Math.floor(budget / 2);
    const root = first.text.length > half ? { ...first, text: first.text.slice(0, half) } : first;
    let left = budget - root.text.length;
    const kept: ThreadMessage[] = [];
    for (let i = rest.length - 1; i >= 0; i--) {
      const message = rest[i] as ThreadMessage;
      if (message.text.length > left) break;
      left -= message.text.length;
      kept.unshift(message);
    }
    return [root, ...kept];
  }
}
