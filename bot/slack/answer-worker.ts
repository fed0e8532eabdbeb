// Runs answer jobs: mark the question as being worked on, read the thread, ask the engine (with a deadline),
// post exactly one reply, clear the marker. A failure always ends in an apology with a reference id.
import { randomBytes } from "node:crypto";
import type { WebClient } from "@slack/web-api";
import type { AnswerEngine, Logger, Redactor } from "../../core/index.js";
import { OrcaError, toOrcaError } from "../../core/index.js";
import type { RateLimiter } from "./rate-limiter.js";
import { renderAnswer, renderNotice, type SlackMessage } from "./render-answer.js";
import type { Job, SlackStateStore } from "./state-store.js";
import { ANSWER_EVENT_TYPE, type ThreadReader } from "./thread-reader.js";

const WORKING_REACTION = "eyes";
/** A job that was started this many times without finishing is poison (it may crash the process): give up. */
const MAX_ATTEMPTS = 3;
/**
 * When answering is CPU work on the same event loop that acknowledges Slack's requests (an engine running in
 * this thread), new answers wait, while events are arriving, for a lull of LULL_MS (but never longer than
 * MAX_DEFER_MS), so a burst is acknowledged first. An engine on a worker thread needs no such wait.
 */
const LULL_MS = 15;
const MAX_DEFER_MS = 250;

export interface AnswerWorkerOptions {
  client: WebClient;
  store: SlackStateStore;
  engine: AnswerEngine;
  reader: ThreadReader;
  limiter: RateLimiter;
  redactor: Redactor;
  logger: Logger;
  answerTimeoutMs: number;
  concurrency: number;
  /** Hold answers back during bursts (true for an engine that computes on this thread). */
  deferWhileBusy: boolean;
  /** Support triage: may veto an answer (a human got there first) and hears how each job ended. */
  hooks?: AnswerHooks;
}

export interface AnswerHooks {
  beforeAnswer(job: Job): boolean;
  afterAnswer(job: Job, replyTs: string | undefined, ok: boolean): void;
}

export function newReferenceId(): string {
  return `ORCA-${randomBytes(4).toString("hex").toUpperCase()}`;
}

export class AnswerWorker {
  private readonly queue: Array<{ jobId: string; at: number }> = [];
  private lastArrival = 0;
  private pumpTimer: NodeJS.Timeout | undefined;
  private readonly queued = new Set<string>();
  private active = 0;
  private readonly idleWaiters: Array<() => void> = [];
  private stopped = false;
  private readonly noticeSentAt = new Map<string, number>();

  constructor(private readonly o: AnswerWorkerOptions) {}

  /** Schedules a stored job; a job already queued, running or finished is left alone. */
  enqueue(jobId: string): void {
    if (this.stopped || this.queued.has(jobId)) return;
    const job = this.o.store.getJob(jobId);
    if (job?.status !== "pending") return;
    const now = Date.now();
    this.queued.add(jobId);
    this.queue.push({ jobId, at: now });
    this.lastArrival = now;
    this.pump();
  }

  /** Re-schedules every job that was acknowledged but not answered (after a crash or restart). */
  resumePending(): number {
    const pending = this.o.store.pendingJobs();
    for (const job of pending) this.enqueue(job.eventId);
    return pending.length;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking new work and waits (bounded) for running jobs. Unstarted jobs stay pending on disk. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    clearTimeout(this.pumpTimer);
    if (this.active === 0) return;
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  private pump(): void {
    while (!this.stopped && this.active < this.o.concurrency && this.queue.length > 0) {
      const now = Date.now();
      const head = this.queue[0] as { jobId: string; at: number };
      const wait = this.o.deferWhileBusy
        ? Math.min(LULL_MS - (now - this.lastArrival), MAX_DEFER_MS - (now - head.at))
        : 0;
      if (wait > 0) {
        this.pumpTimer ??= setTimeout(() => {
          this.pumpTimer = undefined;
          this.pump();
        }, wait);
        return;
      }
      const { jobId } = this.queue.shift() as { jobId: string; at: number };
      this.active++;
      void this.runSafely(jobId).finally(() => {
        this.active--;
        this.queued.delete(jobId);
        this.pump();
        if (this.active === 0 && this.queue.length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      });
    }
  }

  private async runSafely(jobId: string): Promise<void> {
    try {
      await this.run(jobId);
    } catch (error) {
      // Only Slack itself failing (after the client's retries) lands here; the job stays on record as failed.
      const ref = newReferenceId();
      this.o.logger.error({ ref, jobId, err: toOrcaError(error).message }, "could not deliver a reply to Slack");
      this.o.store.finishJob(jobId, { status: "failed", errorRef: ref });
    }
  }

  private async run(jobId: string): Promise<void> {
    const job = this.o.store.getJob(jobId);
    if (job?.status !== "pending") return;
    const attempts = this.o.store.startAttempt(jobId);
    const log = this.o.logger.child({ jobId, channel: job.channel, ts: job.messageTs });
    if (attempts > MAX_ATTEMPTS) {
      log.error({ attempts }, "giving up on a job that never finished");
      this.o.store.finishJob(jobId, { status: "failed", errorRef: "attempts" });
      return;
    }
    if (!this.o.limiter.take(job.user)) {
      // One notice per user per window: a flood of mentions must not become a flood of notices.
      const last = this.noticeSentAt.get(job.user) ?? 0;
      if (Date.now() - last > this.o.limiter.windowMs) {
        this.noticeSentAt.set(job.user, Date.now());
        await this.post(job, renderNotice(this.rateLimitNotice(job.user)));
      }
      this.o.store.finishJob(jobId, { status: "rate_limited" });
      log.info({ user: job.user }, "rate limited");
      return;
    }
    if (this.o.hooks && !this.o.hooks.beforeAnswer(job)) {
      this.o.store.finishJob(jobId, { status: "done" });
      return;
    }
    await this.markWorking(job);
    try {
      await this.answer(job, log);
    } finally {
      await this.clearWorking(job);
      const done = this.o.store.getJob(jobId);
      this.o.hooks?.afterAnswer(job, done?.replyTs ?? undefined, done?.status === "done");
    }
  }

  private async answer(job: Job, log: Logger): Promise<void> {
    const started = Date.now();
    let body: SlackMessage;
    let answerText: string | undefined;
    let seen = 0;
    try {
      const read = await this.o.reader.read({
        channel: job.channel,
        threadTs: job.threadTs,
        questionTs: job.messageTs,
        questionText: job.text,
        asker: job.user,
        jobId: job.eventId,
      });
      seen = read.messagesSeen;
      if (read.readError) log.warn({ err: read.readError }, "could not read the thread; answering the question alone");
      if (read.existingReplyTs) {
        // Posted before a crash, but not recorded: the reply is there, so do not post it again.
        this.o.store.finishJob(job.eventId, { status: "done", replyTs: read.existingReplyTs });
        log.info({ replyTs: read.existingReplyTs }, "reply already in thread; recorded it");
        return;
      }
      const answer = await this.withDeadline((signal) => this.o.engine.answer(read.thread, { signal }));
      body = renderAnswer(answer, job.eventId);
      answerText = answer.markdown;
    } catch (error) {
      const ref = newReferenceId();
      const err = toOrcaError(error);
      log.error({ ref, code: err.code, err: err.message }, "answer failed; posting an apology");
      const replyTs = await this.post(job, renderNotice(this.apology(ref, err)));
      this.o.store.finishJob(job.eventId, { status: "failed", errorRef: ref, replyTs });
      return;
    }
    const replyTs = await this.post(job, body);
    this.o.store.finishJob(job.eventId, {
      status: "done",
      replyTs,
      answer: answerText === undefined ? undefined : this.o.redactor.redact(answerText),
    });
    log.info({ replyTs, ms: Date.now() - started, threadMessages: seen }, "answered");
  }

  private async withDeadline<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Reject first so the race reports the timeout, not the engine's reaction to the abort.
        reject(new OrcaError("timeout", `no answer within ${this.o.answerTimeoutMs} ms`));
        controller.abort();
      }, this.o.answerTimeoutMs);
    });
    try {
      return await Promise.race([run(controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Posts in the thread; every outgoing text passes the Redactor. Returns the reply's ts. */
  private async post(job: Job, message: SlackMessage): Promise<string> {
    const safe = JSON.parse(this.o.redactor.redact(JSON.stringify(message))) as SlackMessage;
    const result = await this.o.client.chat.postMessage({
      channel: job.channel,
      thread_ts: job.threadTs,
      text: safe.text,
      blocks: safe.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: ANSWER_EVENT_TYPE, event_payload: { job: job.eventId } },
    });
    return result.ts ?? "";
  }

  private async markWorking(job: Job): Promise<void> {
    const calls: Array<Promise<unknown>> = [
      this.o.client.reactions.add({ channel: job.channel, timestamp: job.messageTs, name: WORKING_REACTION }),
    ];
    if (job.kind === "dm") {
      calls.push(
        this.o.client.assistant.threads.setStatus({
          channel_id: job.channel,
          thread_ts: job.threadTs,
          status: "is looking into it…",
        }),
      );
    }
    // The marker is a courtesy: missing scopes or an already-present reaction must not block the answer.
    const results = await Promise.allSettled(calls);
    for (const r of results)
      if (r.status === "rejected") this.o.logger.debug({ err: String(r.reason) }, "marker failed");
  }

  private async clearWorking(job: Job): Promise<void> {
    try {
      await this.o.client.reactions.remove({ channel: job.channel, timestamp: job.messageTs, name: WORKING_REACTION });
    } catch (error) {
      this.o.logger.debug({ err: String(error) }, "could not remove the working marker");
    }
  }

  private apology(ref: string, error: OrcaError): string {
    const why =
      error.code === "timeout" ? "it took me too long to put an answer together" : "something went wrong on my side";
    return `Sorry, I couldn't answer this one: ${why}. Please try again in a little while. (reference \`${ref}\`)`;
  }

  private rateLimitNotice(user: string): string {
    const seconds = Math.ceil(this.o.limiter.retryAfterMs(user) / 1000);
    return `You've asked me a lot in the last minute, so I'm pausing for a moment. Please ask again in about ${seconds} s.`;
  }
}
