// Feedback from Slack: 👍/👎 buttons under answers and a ✅ reaction by the asker. Both are stored; helpful and
// resolved threads are handed to a sink that feeds the past-conversation index.
import type { WebClient } from "@slack/web-api";
import type { Logger, ThreadMessage } from "../../core/index.js";
import { FEEDBACK_BLOCK_ID, FEEDBACK_UP } from "./render-answer.js";
import type { FeedbackValue, Job, SlackStateStore } from "./state-store.js";
import type { ThreadReader } from "./thread-reader.js";

export const RESOLVED_REACTIONS = new Set(["white_check_mark", "heavy_check_mark"]);

/** A finished conversation worth remembering. */
export interface FinishedConversation {
  channel: string;
  threadTs: string;
  asker: string;
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

export class FeedbackRecorder {
  constructor(
    private readonly store: SlackStateStore,
    private readonly client: WebClient,
    private readonly reader: ThreadReader,
    private readonly logger: Logger,
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
    try {
      const messages = await this.reader.conversation(job.channel, job.threadTs).catch(() => []);
      await this.sink.addConversation({
        messages:
          messages.length > 0
            ? messages
            : [
                { author: job.user, text: job.text, isBot: false },
                { author: "Orca", text: job.answer, isBot: true },
              ],
        channel: job.channel,
        threadTs: job.threadTs,
        asker: job.user,
        question: job.text,
        answer: job.answer,
        outcome,
      });
    } catch (error) {
      this.logger.warn({ jobId: job.eventId, err: String(error) }, "could not add the conversation to the index");
    }
  }
}
