// Runs answer jobs: mark the question as being worked on, read the thread, ask the engine (with a deadline),
// deliver exactly one reply, clear the marker. The rendered reply is kept with the job before it is posted, so a
// restart delivers it instead of answering again; before any repeated post Orca looks for its earlier reply by
// metadata (a post whose response was lost is in Slack already). Delivery is retried with backoff for a bounded
// time; a job that cannot be answered, or delivered in time, ends in an apology with a reference id.
import { randomBytes } from "node:crypto";
import type { WebClient } from "@slack/web-api";
import type { AnswerEngine, Logger, Redactor } from "../../core/index.js";
import { OrcaError, scrubPersonalData, toOrcaError } from "../../core/index.js";
import { ChannelPolicy } from "./channel-policy.js";
import type { DiskHealth } from "./disk-health.js";
import { SlackRateLimitedError } from "./method-limited-client.js";
import type { RateLimiter } from "./rate-limiter.js";
import { renderAnswer, renderNotice, type SlackMessage } from "./render-answer.js";
import { ANSWER_EVENT_TYPE, type SlackThreadReader } from "./slack-thread-reader.js";
import type { Job, OutgoingReply, SlackStateStore } from "./state-store.js";

const WORKING_REACTION = "eyes";
/** A job whose answer was started this many times without finishing is poison (it may crash the process). */
const MAX_ATTEMPTS = 3;
/** The longest wait between two delivery attempts. */
const MAX_BACKOFF_MS = 60_000;
/** The 👀 marker is a courtesy: it never waits longer than this, and the answer never waits for it. */
const MARKER_TIMEOUT_MS = 2_000;
/**
 * When answering is CPU work on the same event loop that acknowledges Slack's requests (an engine running in
 * this thread), new answers wait, while events are arriving, for a lull of LULL_MS (but never longer than
 * MAX_DEFER_MS), so a burst is acknowledged first. An engine on a worker thread needs no such wait.
 */
const LULL_MS = 15;
const MAX_DEFER_MS = 250;

/** Slack answers that mean "try again later" rather than "this will never work". */
const TRANSIENT_SLACK_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "rate_limited",
]);

export interface AnswerWorkerOptions {
  /** Client for chat.postMessage: no automatic retries (a blind retry can post twice); this worker retries. */
  postClient: WebClient;
  /** Client for the 👀 marker: short timeout, no retries, never waits out a rate limit. */
  markerClient: WebClient;
  store: SlackStateStore;
  engine: AnswerEngine;
  reader: SlackThreadReader;
  limiter: RateLimiter;
  redactor: Redactor;
  policy: ChannelPolicy;
  disk: DiskHealth;
  botUserId: string;
  logger: Logger;
  answerTimeoutMs: number;
  /** How long after a question arrived its reply may still be retried; then the asker gets an apology. */
  deliveryRetryMs: number;
  /** First wait between delivery attempts (doubling, up to a minute). */
  deliveryBackoffMs: number;
  concurrency: number;
  /** Hold answers back during bursts (true for an engine that computes on this thread). */
  deferWhileBusy: boolean;
  /** Support triage: may veto an answer (a human got there first) and hears how each job ended. */
  hooks?: AnswerHooks;
}

export interface AnswerHooks {
  beforeAnswer(job: Job): boolean;
  /** `answer`: the reply's Markdown as recorded (scrubbed), when there was one. */
  afterAnswer(job: Job, replyTs: string | undefined, ok: boolean, answer?: string): void;
}

export function newReferenceId(): string {
  return `ORCA-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/** Why a delivery attempt failed, and whether trying again can help. */
class DeliveryFailure extends OrcaError {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super("slack_api_error", message);
  }
}

function classify(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  if (error instanceof SlackRateLimitedError) return new DeliveryFailure(error.message, true, error.retryAfterMs);
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  const message = e.message ?? String(error);
  // ok:false from Slack: only a few of these are worth another try (channel_not_found, invalid_blocks... are not).
  if (e.code === "slack_webapi_platform_error")
    return new DeliveryFailure(message, TRANSIENT_SLACK_ERRORS.has(e.data?.error ?? ""));
  // Network failures, timeouts, 5xx: the post may or may not have happened; try again (after looking for it).
  return new DeliveryFailure(message, true);
}

export class AnswerWorker {
  private readonly queue: Array<{ jobId: string; at: number }> = [];
  private lastArrival = 0;
  private pumpTimer: NodeJS.Timeout | undefined;
  /** Jobs queued or running. */
  private readonly queued = new Set<string>();
  /** Jobs running now, and those among them whose retry came due before the attempt had finished. */
  private readonly running = new Set<string>();
  private readonly retryAfterRun = new Set<string>();
  private active = 0;
  private readonly idleWaiters: Array<() => void> = [];
  private stopped = false;
  private readonly noticeSentAt = new Map<string, number>();
  /** Delivery failures per job in this process (the backoff), and the timers of scheduled retries. */
  private readonly failures = new Map<string, number>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  /** Outcomes posted to Slack but not yet written down (the disk was full): written when it takes writes again. */
  private readonly unrecorded = new Map<string, () => void>();
  /** Replies kept in memory when they could not be kept on disk before posting. */
  private readonly outgoingInMemory = new Map<string, OutgoingReply>();

  constructor(private readonly o: AnswerWorkerOptions) {}

  /** Schedules a stored job; a job already queued, running or finished is left alone. */
  enqueue(jobId: string): void {
    if (this.stopped || this.queued.has(jobId) || this.retryTimers.has(jobId)) return;
    const job = this.o.store.getJob(jobId);
    if (job?.status !== "pending" || this.unrecorded.has(jobId)) return;
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

  /** Jobs waiting for a retry (not counted as queued). */
  get waitingRetries(): number {
    return this.retryTimers.size;
  }

  /** Resolves when nothing is queued, running or waiting for a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes down outcomes that could not be recorded while the disk was full. */
  recordUnrecorded(): void {
    for (const [jobId, write] of [...this.unrecorded]) {
      try {
        write();
        this.unrecorded.delete(jobId);
        this.o.logger.info({ jobId }, "recorded a reply that was delivered while the disk was full");
      } catch (error) {
        if (!this.o.disk.failed(error)) this.o.logger.error({ jobId, err: String(error) }, "could not record a reply");
        return;
      }
    }
    this.wakeIfIdle();
  }

  /** Stops taking new work and waits (bounded) for running jobs. Unstarted jobs stay pending on disk. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    clearTimeout(this.pumpTimer);
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    // Jobs waiting for a retry stay pending on disk and resume at the next start.
    this.wakeIfIdle();
    if (this.active === 0) return;
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  private isIdle(): boolean {
    return this.active === 0 && this.queue.length === 0 && this.retryTimers.size === 0;
  }

  private wakeIfIdle(): void {
    if (this.isIdle()) for (const wake of this.idleWaiters.splice(0)) wake();
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
      this.running.add(jobId);
      void this.runSafely(jobId).finally(() => {
        this.active--;
        this.running.delete(jobId);
        this.queued.delete(jobId);
        if (this.retryAfterRun.delete(jobId)) this.enqueue(jobId);
        this.pump();
        this.wakeIfIdle();
      });
    }
  }

  /** Never rejects: whatever happens to one job must not take the process down. */
  private async runSafely(jobId: string): Promise<void> {
    try {
      await this.run(jobId);
    } catch (error) {
      const ref = newReferenceId();
      try {
        // A job cut short by shutdown (its store closed under it) has not failed: it is still pending on disk and
        // resumes at the next start, so an error line with a reference would send someone hunting for nothing.
        if (this.stopped) {
          this.o.logger.info({ jobId }, "stopped before the job finished; it stays pending for the next start");
          return;
        }
        this.o.logger.error({ ref, jobId, err: toOrcaError(error).message }, "job failed unexpectedly");
        this.scheduleRetry(jobId, this.backoff(jobId), "unexpected failure");
      } catch {
        // Logging itself failed (a closed stream at shutdown): nothing more to do.
      }
    }
  }

  private async run(jobId: string): Promise<void> {
    const job = this.o.store.getJob(jobId);
    if (job?.status !== "pending") return;
    const log = this.o.logger.child({ jobId, channel: job.channel, ts: job.messageTs });
    let outgoing = job.outgoing ?? this.outgoingInMemory.get(jobId) ?? null;
    // The retry window applies once there is a reply to deliver: a question that waited in a long queue is still
    // answered, however long it waited.
    const age = outgoing ? Date.now() - job.receivedAt : 0;
    if (outgoing && age > 2 * this.o.deliveryRetryMs) {
      this.giveUp(job, outgoing, log);
      return;
    }
    if (outgoing && age > this.o.deliveryRetryMs && outgoing.status !== "failed") {
      // The reply could not be delivered in time: the asker gets an apology instead, retried for as long again.
      const ref = newReferenceId();
      log.error({ ref, receivedAt: job.receivedAt }, "could not deliver a reply in time; apologising instead");
      outgoing = this.apologyReply(ref, new OrcaError("slack_api_error", "Slack did not take the reply in time"));
      this.keepOutgoing(jobId, outgoing);
      await this.deliver(job, outgoing, log, true);
      return;
    }
    if (outgoing) {
      // Rendered before (then a failed post or a restart): deliver it, after looking whether it is there already.
      await this.deliver(job, outgoing, log, true);
      return;
    }
    if (job.attempts === 0 && !this.o.limiter.take(job.user)) {
      // One notice per user per window: a flood of mentions must not become a flood of notices.
      const last = this.noticeSentAt.get(job.user) ?? 0;
      if (Date.now() - last > this.o.limiter.windowMs) {
        this.noticeSentAt.set(job.user, Date.now());
        await this.deliver(
          job,
          { message: renderNotice(this.rateLimitNotice(job.user)), status: "rate_limited" },
          log,
          false,
        );
      } else this.record(job.eventId, { status: "rate_limited" });
      log.info({ user: job.user }, "rate limited");
      return;
    }
    if (this.o.hooks && !this.o.hooks.beforeAnswer(job)) {
      this.record(jobId, { status: "done" });
      return;
    }
    const marker = this.markWorking(job);
    try {
      const prepared = await this.prepare(job, log);
      if (!prepared) return;
      this.keepOutgoing(job.eventId, prepared);
      await this.deliver(job, prepared, log, false);
    } finally {
      await this.clearWorking(job, marker);
      const done = this.o.store.getJob(jobId);
      this.o.hooks?.afterAnswer(job, done?.replyTs ?? undefined, done?.status === "done", done?.answer ?? undefined);
    }
  }

  /** Reads the thread and answers; returns the reply to deliver, or null when an earlier reply was found. */
  private async prepare(job: Job, log: Logger): Promise<OutgoingReply | null> {
    const started = Date.now();
    try {
      const read = await this.o.reader.read({
        channel: job.channel,
        threadTs: job.threadTs,
        questionTs: job.messageTs,
        questionText: job.text,
        asker: job.user,
        jobId: job.eventId,
      });
      if (read.readError) log.warn({ err: read.readError }, "could not read the thread; answering the question alone");
      if (read.existingReplyTs) {
        // Posted before a crash, but not recorded: the reply is there, so do not post it again.
        this.record(job.eventId, { status: "done", replyTs: read.existingReplyTs });
        log.info({ replyTs: read.existingReplyTs }, "reply already in thread; recorded it");
        return null;
      }
      const attempts = this.startAttempt(job);
      if (attempts > MAX_ATTEMPTS) {
        const ref = newReferenceId();
        log.error({ ref, attempts }, "answering never finished; apologising instead");
        return this.apologyReply(ref, new OrcaError("internal", "answering never finished"));
      }
      const answer = await this.withDeadline((signal) => this.o.engine.answer(read.thread, { signal }));
      const message = renderAnswer(answer, job.eventId, { linkAllowed: await this.linkPolicy(answer) });
      log.info({ ms: Date.now() - started, threadMessages: read.messagesSeen }, "answer ready");
      return { message, status: "done", answer: this.scrub(answer.markdown) };
    } catch (error) {
      // Shutdown closed what the answer needed: no apology for that; the job stays pending and is answered later.
      if (this.stopped) throw error;
      const ref = newReferenceId();
      const err = toOrcaError(error);
      log.error({ ref, code: err.code, err: err.message }, "answer failed; posting an apology");
      return this.apologyReply(ref, err);
    }
  }

  /**
   * Slack permalinks in an answer are links only when they point into an allowed public channel; every other
   * permalink (a DM, a private channel, an unlisted channel) is dropped, label kept, source not listed.
   */
  private async linkPolicy(answer: { markdown: string; sources: Array<{ url: string }> }) {
    const candidates = [
      ...answer.sources.map((s) => s.url),
      ...(answer.markdown.match(/https:\/\/[^\s)>|]+/g) ?? []),
    ].filter((url) => ChannelPolicy.permalinkChannel(url) !== undefined);
    const ok = await this.o.policy.citable(candidates);
    return (url: string) => ChannelPolicy.permalinkChannel(url) === undefined || ok.has(url);
  }

  private apologyReply(ref: string, error: OrcaError): OutgoingReply {
    return { message: renderNotice(this.apology(ref, error)), status: "failed", errorRef: ref };
  }

  /** Posts the reply (looking for an earlier one first when a previous attempt may have landed) and records it. */
  private async deliver(job: Job, outgoing: OutgoingReply, log: Logger, lookFirst: boolean): Promise<void> {
    try {
      const replyTs = await this.post(job, outgoing.message, lookFirst || this.failures.has(job.eventId));
      this.failures.delete(job.eventId);
      this.outgoingInMemory.delete(job.eventId);
      this.record(job.eventId, {
        status: outgoing.status,
        replyTs,
        ...(outgoing.answer !== undefined ? { answer: outgoing.answer } : {}),
        ...(outgoing.errorRef ? { errorRef: outgoing.errorRef } : {}),
      });
      log.info({ replyTs, status: outgoing.status }, "reply delivered");
    } catch (error) {
      const failure = classify(error);
      if (!failure.retryable) {
        const ref = outgoing.errorRef ?? newReferenceId();
        log.error({ ref, err: failure.message }, "Slack refused the reply; not retrying it");
        this.failures.delete(job.eventId);
        this.outgoingInMemory.delete(job.eventId);
        if (outgoing.status === "failed") {
          this.record(job.eventId, { status: "failed", errorRef: ref });
          return;
        }
        // The answer itself was refused (too long, blocks Slack will not take): the asker still hears back.
        const apology = this.apologyReply(ref, new OrcaError("internal", failure.message));
        this.keepOutgoing(job.eventId, apology);
        await this.deliver(job, apology, log, false);
        return;
      }
      const delay = failure.retryAfterMs ?? this.backoff(job.eventId);
      this.scheduleRetry(job.eventId, delay, failure.message);
    }
  }

  /** Not even the apology could be delivered: the job ends, failed, and the log says so with its reference. */
  private giveUp(job: Job, outgoing: OutgoingReply, log: Logger): void {
    const ref = outgoing.errorRef ?? newReferenceId();
    log.error({ ref, receivedAt: job.receivedAt }, "could not deliver a reply or an apology; giving up");
    this.record(job.eventId, { status: "failed", errorRef: ref });
    this.failures.delete(job.eventId);
    this.outgoingInMemory.delete(job.eventId);
  }

  private backoff(jobId: string): number {
    const n = (this.failures.get(jobId) ?? 0) + 1;
    this.failures.set(jobId, n);
    return Math.min(MAX_BACKOFF_MS, this.o.deliveryBackoffMs * 2 ** (n - 1));
  }

  private scheduleRetry(jobId: string, delayMs: number, why: string): void {
    if (this.stopped) return;
    if (!this.failures.has(jobId)) this.failures.set(jobId, 1);
    this.o.logger.warn({ jobId, retryInMs: delayMs, err: why }, "reply not delivered yet; will try again");
    const timer = setTimeout(() => {
      this.retryTimers.delete(jobId);
      // The attempt that scheduled this retry may still be finishing (clearing its 👀 marker on a slow Slack, or
      // on a loaded machine): enqueue() would then drop the retry as "already queued" and leave the job pending
      // with nothing scheduled. It runs as soon as that attempt ends instead (and idle() waits for it).
      if (this.running.has(jobId)) this.retryAfterRun.add(jobId);
      else this.enqueue(jobId);
      this.wakeIfIdle();
    }, delayMs);
    timer.unref();
    this.retryTimers.set(jobId, timer);
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

  /**
   * Posts in the thread; every outgoing text passes the Redactor. With `lookFirst`, the thread is searched for a
   * reply to this job (by metadata) and nothing is posted if one is there. Returns the reply's ts.
   */
  private async post(job: Job, message: SlackMessage, lookFirst: boolean): Promise<string> {
    if (lookFirst) {
      let existing: string | null;
      try {
        existing = await this.o.reader.findReply(job.channel, job.threadTs, job.eventId);
      } catch (error) {
        // Not knowing is not "absent": posting now could post twice.
        throw new DeliveryFailure(`could not check the thread for an earlier reply: ${classify(error).message}`, true);
      }
      if (existing) {
        this.o.logger.info(
          { jobId: job.eventId, replyTs: existing },
          "an earlier attempt reached Slack; not posting again",
        );
        return existing;
      }
    }
    const safe = JSON.parse(this.o.redactor.redact(JSON.stringify(message))) as SlackMessage;
    const result = await this.o.postClient.chat.postMessage({
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

  private scrub(text: string): string {
    return scrubPersonalData(text, this.o.redactor, { dropMentionsOf: [this.o.botUserId] });
  }

  /** A store write that must not take the process down: on a full disk the outcome waits in memory. */
  private record(
    jobId: string,
    outcome: { status: Exclude<Job["status"], "pending">; replyTs?: string; answer?: string; errorRef?: string },
  ): void {
    const write = () => this.o.store.finishJob(jobId, outcome);
    try {
      write();
    } catch (error) {
      if (!this.o.disk.failed(error)) throw error;
      this.unrecorded.set(jobId, write);
      this.o.logger.error(
        { jobId, replyTs: outcome.replyTs, status: outcome.status },
        "reply delivered to Slack but not recorded (disk full); will record when space returns",
      );
    }
  }

  private keepOutgoing(jobId: string, outgoing: OutgoingReply): void {
    try {
      this.o.store.setOutgoing(jobId, outgoing);
    } catch (error) {
      if (!this.o.disk.failed(error)) throw error;
      // Delivery goes on; after a restart the reply is found in the thread by its metadata.
      this.outgoingInMemory.set(jobId, outgoing);
    }
  }

  private startAttempt(job: Job): number {
    try {
      return this.o.store.startAttempt(job.eventId);
    } catch (error) {
      if (!this.o.disk.failed(error)) throw error;
      return job.attempts + 1;
    }
  }

  /** Fire and forget: the marker never delays the answer. Resolves when it is settled (or given up on). */
  private markWorking(job: Job): Promise<void> {
    const calls: Array<Promise<unknown>> = [
      this.o.markerClient.reactions.add({ channel: job.channel, timestamp: job.messageTs, name: WORKING_REACTION }),
    ];
    if (job.kind === "dm") {
      calls.push(
        this.o.markerClient.assistant.threads.setStatus({
          channel_id: job.channel,
          thread_ts: job.threadTs,
          status: "is looking into it…",
        }),
      );
    }
    return this.bounded(Promise.allSettled(calls)).then((results) => {
      for (const r of results ?? [])
        if (r.status === "rejected") this.o.logger.debug({ err: String(r.reason) }, "marker failed");
    });
  }

  private async clearWorking(job: Job, marker: Promise<void>): Promise<void> {
    await marker;
    try {
      await this.bounded(
        this.o.markerClient.reactions.remove({
          channel: job.channel,
          timestamp: job.messageTs,
          name: WORKING_REACTION,
        }),
      );
    } catch (error) {
      this.o.logger.debug({ err: String(error) }, "could not remove the working marker");
    }
  }

  private bounded<T>(promise: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), MARKER_TIMEOUT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  private apology(ref: string, error: OrcaError): string {
    const why =
      error.code === "timeout"
        ? "it took me too long to put an answer together"
        : error.code === "slack_api_error"
          ? "Slack would not take my reply for a while"
          : "something went wrong on my side";
    return `Sorry, I couldn't answer this one: ${why}. Please try again in a little while. (reference \`${ref}\`)`;
  }

  private rateLimitNotice(user: string): string {
    const seconds = Math.ceil(this.o.limiter.retryAfterMs(user) / 1000);
    return `You've asked me a lot in the last minute, so I'm pausing for a moment. Please ask again in about ${seconds} s.`;
  }
}
