// Feedback from Slack: 👍/👎 buttons under answers and a ✅ reaction by the asker. Both are stored; helpful and
// resolved threads from allowed public channels are handed, stripped of secrets and personal data, to a sink that
// feeds the shared past-conversation index. Nothing from a DM, group DM or private channel is ever handed over.
import type { WebClient } from "@slack/web-api";
import { type Logger, pseudonym, type Redactor, scrubPersonalData, type ThreadMessage } from "../../core/index.js";
import type { ChannelPolicy } from "./channel-policy.js";
import { FEEDBACK_BLOCK_ID, FEEDBACK_UP } from "./render-answer.js";
import type { SlackThreadReader } from "./slack-thread-reader.js";
import type { FeedbackValue, Job, SlackStateStore } from "./state-store.js";

export const RESOLVED_REACTIONS = new Set(["white_check_mark", "heavy_check_mark"]);

/** A finished conversation worth remembering, already scrubbed: authors are pseudonyms, secrets are gone. */
export interface FinishedConversation {
  channel: string;
  threadTs: string;
  /** The asker's pseudonym. */
  asker: string;
  /** The thread's Slack permalink (an allowed public channel), when Slack gave one. */
  url?: string;
  question: string;
  answer: string;
  /** The thread as it stands (bounded), Orca's answer included; just the question and answer if it cannot be read. */
  messages: ThreadMessage[];
  /** Why it is worth remembering: a 👍 on the answer, or the asker marked the thread resolved. */
  outcome: "helpful" | "resolved";
}

/** Where helpful or resolved threads go (the past-conversation index). */
export interface ConversationSink {
  addConversation(conversation: FinishedConversation): Promise<void> | void;
  /** Index ids of the Slack threads in the index (see `conversationId`), for the start-up sweep. */
  conversationIds?(): Promise<string[]>;
  /** Removes threads from the index by id; resolves with how many were there. */
  removeConversations?(ids: string[]): Promise<number>;
}

/** The index id of a Slack thread. */
export function conversationId(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

/** The channel of a Slack thread's index id, or undefined for any other id. */
export function conversationChannel(id: string): string | undefined {
  return /^slack:([A-Z0-9]+):\d+\.\d+$/.exec(id)?.[1];
}

export interface FeedbackClick {
  jobId: string;
  actionId: string;
  user: string;
  channel: string;
  messageTs: string;
  threadTs: string | undefined;
  /** The blocks of the clicked message, to replace the buttons with a thank-you. */
  blocks: unknown[] | undefined;
}

export interface ReactionAdded {
  user: string;
  reaction: string;
  channel: string;
  ts: string;
}

/** What decides and cleans what may enter the shared index. */
export interface IndexPrivacy {
  policy: ChannelPolicy;
  redactor: Redactor;
  botUserId: string;
}

export class FeedbackRecorder {
  constructor(
    private readonly store: SlackStateStore,
    private readonly client: WebClient,
    private readonly reader: SlackThreadReader,
    private readonly logger: Logger,
    private readonly privacy: IndexPrivacy,
    private readonly sink?: ConversationSink,
  ) {}

  async click(click: FeedbackClick): Promise<void> {
    const value: FeedbackValue = click.actionId === FEEDBACK_UP ? "up" : "down";
    const job = this.store.getJob(click.jobId) ?? this.store.jobByReply(click.channel, click.messageTs);
    this.store.addFeedback({
      jobId: job?.eventId ?? null,
      channel: click.channel,
      threadTs: job?.threadTs ?? click.threadTs ?? click.messageTs,
      messageTs: click.messageTs,
      user: click.user,
      value,
      question: job?.text ?? null,
      answer: job?.answer ?? null,
    });
    this.logger.info({ jobId: job?.eventId, user: click.user, value }, "feedback stored");
    await this.thank(click, value);
    if (value === "up" && job) await this.handOver(job, "helpful");
  }

  async reaction(event: ReactionAdded): Promise<void> {
    if (!RESOLVED_REACTIONS.has(event.reaction)) return;
    const job = this.store.jobForMessage(event.channel, event.ts);
    // Only the asker can declare their own thread resolved.
    if (!job || job.user !== event.user) return;
    if (!this.store.markResolved(job.channel, job.threadTs, event.user, job.eventId)) return;
    this.logger.info({ jobId: job.eventId, channel: job.channel, threadTs: job.threadTs }, "thread resolved");
    const answered = this.store.answeredJobInThread(job.channel, job.threadTs, job.user) ?? job;
    await this.handOver(answered, "resolved");
  }

  private async thank(click: FeedbackClick, value: FeedbackValue): Promise<void> {
    if (!click.blocks) return;
    const note = value === "up" ? "👍 Thanks, glad it helped." : "👎 Thanks, noted: this answer missed the mark.";
    const blocks = click.blocks.map((block) =>
      (block as { block_id?: string }).block_id === FEEDBACK_BLOCK_ID
        ? { type: "context", block_id: FEEDBACK_BLOCK_ID, elements: [{ type: "mrkdwn", text: note }] }
        : block,
    );
    try {
      await this.client.chat.update({
        channel: click.channel,
        ts: click.messageTs,
        blocks: blocks as never,
        text: note,
      });
    } catch (error) {
      this.logger.debug({ err: String(error) }, "could not update the answer after feedback");
    }
  }

  private async handOver(job: Job, outcome: FinishedConversation["outcome"]): Promise<void> {
    if (!this.sink || !job.answer) return;
    const where = { jobId: job.eventId, channel: job.channel, threadTs: job.threadTs };
    try {
      if (job.kind === "dm" || !(await this.privacy.policy.indexable(job.channel))) {
        this.logger.info(where, "thread not indexed: its channel is not an allowed public channel");
        return;
      }
      const raw = await this.reader.conversation(job.channel, job.threadTs).catch(() => []);
      const thread: ThreadMessage[] =
        raw.length > 0
          ? raw
          : [
              { author: job.user, text: job.text, isBot: false },
              { author: "Orca", text: job.answer, isBot: true },
            ];
      const messages = thread.map((m) => this.scrubMessage(m));
      const participants = [...new Set(thread.filter((m) => !m.isBot).map((m) => pseudonym(m.author)))];
      const url = await this.permalink(job);
      await this.sink.addConversation({
        messages,
        channel: job.channel,
        threadTs: job.threadTs,
        asker: pseudonym(job.user),
        ...(url ? { url } : {}),
        question: this.scrub(job.text),
        answer: this.scrub(job.answer),
        outcome,
      });
      this.store.markIndexed(job.channel, job.threadTs, [pseudonym(job.user), ...participants]);
    } catch (error) {
      this.logger.warn({ ...where, err: String(error) }, "could not add the conversation to the index");
    }
  }

  private scrub(text: string): string {
    return scrubPersonalData(text, this.privacy.redactor, { dropMentionsOf: [this.privacy.botUserId] });
  }

  private scrubMessage(message: ThreadMessage): ThreadMessage {
    const { ts: _ts, ...rest } = message;
    return {
      ...rest,
      author: message.isBot ? message.author : pseudonym(message.author),
      text: this.scrub(message.text),
    };
  }

  /** The thread root's permalink; none when Slack will not say (the thread is then indexed but never linked). */
  private async permalink(job: Job): Promise<string | undefined> {
    try {
      const result = await this.client.chat.getPermalink({ channel: job.channel, message_ts: job.threadTs });
      const url = result.permalink;
      return url && /^https:\/\//.test(url) ? url : undefined;
    } catch (error) {
      this.logger.debug({ err: String(error) }, "no permalink for the thread");
      return undefined;
    }
  }
}
