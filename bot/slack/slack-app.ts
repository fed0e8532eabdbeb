// Assembles Orca's Slack app: a Bolt App (HTTP or Socket Mode), durable intake, the answer worker and feedback.
import { App, type AppOptions, type ReceiverEvent } from "@slack/bolt";
import type { WebClient, WebClientOptions } from "@slack/web-api";
import type { AnswerEngine, Logger, OrcaConfig } from "../../core/index.js";
import { ConfigError, OrcaError, Redactor, scrubPersonalData, slackMode } from "../../core/index.js";
import { type RunningTriage, startTriage, type TriageDesk } from "../../triage/index.js";
import { AnswerWorker } from "./answer-worker.js";
import { boltLogger } from "./bolt-logger.js";
import { ChannelPolicy } from "./channel-policy.js";
import { DiskHealth } from "./disk-health.js";
import { type ConversationSink, FeedbackRecorder } from "./feedback.js";
import { type HealthServer, OrcaHttpReceiver, startHealthServer } from "./http-receiver.js";
import { sweepIndex } from "./index-sweep.js";
import { type BotIdentity, decideIntake } from "./intake.js";
import { registerListeners } from "./listeners.js";
import { MethodLimitedClient, MethodLimits } from "./method-limited-client.js";
import { RateLimiter } from "./rate-limiter.js";
import { SlackThreadReader } from "./slack-thread-reader.js";
import { SlackStateStore } from "./state-store.js";

export interface SlackAppOptions {
  config: OrcaConfig;
  engine: AnswerEngine;
  logger: Logger;
  /** Receives 👍 and ✅ threads for the past-conversation index. */
  feedbackSink?: ConversationSink;
  /** Answers worked on at once (default 4). */
  concurrency?: number;
  /**
   * True when the engine computes on another thread (WorkerAnswerEngine): answers then start at once instead of
   * waiting for a lull in incoming events. Default false.
   */
  engineOffThread?: boolean;
  /** Interface to listen on in HTTP mode (default all). */
  host?: string;
  /** Clock for triage SLA timers (tests drive it); default Date.now. */
  triageClock?: () => number;
  /** Triage SLA tick interval in ms (default 60 s; 0 = only on `triage.tick()`). */
  triageTickMs?: number;
}

export interface RunningSlackApp {
  mode: "http" | "socket";
  /** Bound port: events and /healthz in HTTP mode, /healthz only in Socket Mode. */
  port?: number;
  bot: BotIdentity;
  /** Jobs re-scheduled at start (acknowledged before a crash, not yet answered). */
  resumed: number;
  /** Support triage, when ORCA_TRIAGE_CONFIG is set. */
  triage?: TriageDesk;
  /** Resolves when no answer is queued or running (for tests and graceful shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Bolt acknowledges Events API requests before any middleware runs, so the job is persisted here, first; a throw here
 * (full disk, queue past its cap) leaves the request unacknowledged (500) and Slack delivers it again. That Bolt
 * behaviour is pinned by test/slack-bolt-contract.test.ts.
 */
class DurableApp extends App {
  constructor(
    options: AppOptions,
    private readonly intake: (event: ReceiverEvent) => boolean,
  ) {
    super(options);
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    if (!this.intake(event)) {
      await event.ack();
      return;
    }
    await super.processEvent(event);
  }
}

interface IntakeDeps {
  store: SlackStateStore;
  bot: BotIdentity;
  logger: Logger;
  redactor: Redactor;
  disk: DiskHealth;
  queueCap: number;
  triage?: TriageDesk;
}

/** Refused before acknowledging, so Slack delivers the event again later. */
class NotAcceptingWork extends OrcaError {
  constructor(message: string) {
    super("not_available", message);
  }
}

/**
 * Decides what an incoming payload is and, for a question, records the job (its text stripped of secrets and
 * personal data) before Bolt acknowledges it. Returns false for payloads to acknowledge and drop; throws (no
 * acknowledgement) when the job cannot be kept: a full disk, or a queue past its cap.
 */
function persistIntake(
  event: ReceiverEvent,
  { store, bot, logger, redactor, disk, queueCap, triage }: IntakeDeps,
): boolean {
  const triaged = triage?.intake(event.body);
  if (triaged !== undefined) return triaged;
  const decision = decideIntake(event.body, bot);
  if (decision.action === "ignore") {
    logger.info({ reason: decision.reason, retry: event.retryNum }, "ignored Slack payload");
    return false;
  }
  if (decision.action === "pass") return true;
  const { job } = decision;
  if (decision.truncated) logger.warn({ eventId: job.eventId }, "question longer than Slack allows; truncated");
  try {
    if (store.getJob(job.eventId)) {
      logger.info({ eventId: job.eventId, retry: event.retryNum }, "duplicate delivery; on record");
      return true;
    }
    if (disk.state !== "ok") throw new NotAcceptingWork(`the state store cannot write (disk ${disk.state})`);
    const { pending } = store.queueStats();
    if (pending >= queueCap) throw new NotAcceptingWork(`${pending} questions are waiting (cap ${queueCap})`);
    const text = scrubPersonalData(job.text, redactor, { dropMentionsOf: [bot.userId] });
    if (!store.addJob({ ...job, text }))
      logger.info({ eventId: job.eventId, retry: event.retryNum }, "duplicate delivery; on record");
  } catch (error) {
    disk.failed(error);
    // Not acknowledging makes Slack deliver it again later: better than acknowledging work we cannot keep.
    logger.error(
      { eventId: job.eventId, err: error instanceof Error ? error.message : String(error) },
      "could not take the job; not acknowledging",
    );
    throw error;
  }
  return true;
}

function webClientOptions(config: OrcaConfig, logger: Logger): WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    logger: boltLogger(logger),
    timeout: 15_000,
    // 5xx and network errors back off. Bounded so a dead Slack cannot pin a call forever. Rate limits are not
    // retried here (MethodLimitedClient waits per method instead of pausing every call).
    retryConfig: { retries: 5, factor: 2, minTimeout: 250, maxTimeout: 5_000, randomize: true },
  };
}

/** Orca's Slack clients: one for reads and updates, one for posts (no blind retries), one for the 👀 marker. */
function slackClients(config: OrcaConfig, logger: Logger, botToken: string) {
  const limits = new MethodLimits(config.maxRetryAfterMs);
  const base = webClientOptions(config, logger);
  return {
    client: new MethodLimitedClient(botToken, base, limits),
    postClient: new MethodLimitedClient(botToken, { ...base, retryConfig: { retries: 0 } }, limits),
    markerClient: new MethodLimitedClient(
      botToken,
      { ...base, timeout: 2_000, retryConfig: { retries: 0 } },
      limits,
      false,
    ),
  };
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

async function identify(client: WebClient, config: OrcaConfig): Promise<BotIdentity> {
  if (config.slack.botUserId) return { userId: config.slack.botUserId };
  try {
    const auth = await client.auth.test();
    if (!auth.user_id) throw new Error("auth.test returned no user_id");
    return { userId: auth.user_id, ...(auth.bot_id ? { botId: auth.bot_id } : {}) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OrcaError(
      "slack_api_error",
      `Slack auth.test failed (check SLACK_BOT_TOKEN and SLACK_API_URL): ${reason}`,
    );
  }
}

export async function startSlackApp(options: SlackAppOptions): Promise<RunningSlackApp> {
  const { config, logger } = options;
  const mode = slackMode(config);
  const botToken = config.slack.botToken;
  if (mode === "none" || !botToken) {
    throw new ConfigError(
      config.slack.botToken ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN",
      config.slack.botToken
        ? "SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required to serve Slack"
        : "SLACK_BOT_TOKEN is required to serve Slack",
    );
  }

  const { client, postClient, markerClient } = slackClients(config, logger, botToken);
  const bot = await identify(client, config);
  const store = SlackStateStore.open(config.dataDir);
  const log = logger.child({ component: "slack" });
  const redactor = new Redactor(config.secrets);
  const policy = new ChannelPolicy(client, config.indexChannels, log);
  let worker: AnswerWorker | undefined;
  const disk = new DiskHealth({
    dataDir: config.dataDir,
    probe: () => store.probeWrite(),
    onRecovered: () => worker?.recordUnrecorded(),
    logger: log,
  });
  let triage: RunningTriage | undefined;
  try {
    triage = startTriage({
      config,
      client,
      jobs: store,
      botUserId: bot.userId,
      logger: log,
      // The same scrub as the answer intake's, so triage keeps no more than the job store does.
      scrub: (text) => scrubPersonalData(text, redactor, { dropMentionsOf: [bot.userId] }),
      ...(options.triageClock ? { clock: options.triageClock } : {}),
      ...(options.triageTickMs !== undefined ? { tickMs: options.triageTickMs } : {}),
    });
  } catch (error) {
    disk.stop();
    store.close();
    throw error;
  }
  const reader = new SlackThreadReader(client, bot.userId, {
    maxMessages: config.threadMaxMessages,
    maxChars: config.threadMaxChars,
  });
  worker = new AnswerWorker({
    postClient,
    markerClient,
    store,
    engine: options.engine,
    reader,
    limiter: new RateLimiter(config.rateLimitPerMinute),
    redactor,
    policy,
    disk,
    botUserId: bot.userId,
    logger: log,
    answerTimeoutMs: config.answerTimeoutMs,
    deliveryRetryMs: config.deliveryRetryMs,
    deliveryBackoffMs: config.deliveryBackoffMs,
    concurrency: options.concurrency ?? 4,
    deferWhileBusy: !options.engineOffThread,
    ...(triage ? { hooks: triage.desk } : {}),
  });
  const answers = worker;
  const feedback = new FeedbackRecorder(
    store,
    client,
    reader,
    log,
    { policy, redactor, botUserId: bot.userId },
    options.feedbackSink,
  );

  const prune = () => {
    try {
      const removed = store.prune(config.retentionDays * DAY_MS);
      if (removed.jobs + removed.feedback + removed.resolved > 0)
        log.info({ ...removed, retentionDays: config.retentionDays }, "pruned old records from the state store");
      // Triage keeps its threads in the same database under the same retention period.
      triage?.desk.prune(config.retentionDays * DAY_MS);
    } catch (error) {
      if (!disk.failed(error)) log.warn({ err: String(error) }, "could not prune the state store");
    }
  };
  prune();
  const pruneTimer = setInterval(prune, HOUR_MS);
  pruneTimer.unref();

  const boltLog = boltLogger(logger);
  const health = (): Record<string, unknown> => {
    let queue: Record<string, unknown>;
    try {
      const stats = store.queueStats();
      queue = {
        pending: stats.pending,
        oldestJobAgeMs: stats.oldestAgeMs,
        cap: config.queueCap,
        retrying: answers.waitingRetries,
      };
    } catch (error) {
      queue = { error: String(error) };
    }
    const diskReport = disk.report();
    const accepting = diskReport.state === "ok" && typeof queue.pending === "number" && queue.pending < config.queueCap;
    return {
      ok: accepting,
      status: accepting ? "ok" : diskReport.state !== "ok" ? `disk_${diskReport.state}` : "queue_full",
      mode,
      bot: bot.userId,
      queue,
      disk: diskReport,
    };
  };
  const authorize = async () => ({ botToken, botUserId: bot.userId, ...(bot.botId ? { botId: bot.botId } : {}) });
  const receiver =
    mode === "http"
      ? new OrcaHttpReceiver({
          signingSecret: config.slack.signingSecret as string,
          port: config.slack.port,
          ...(options.host ? { host: options.host } : {}),
          logger: boltLog,
          health,
        })
      : undefined;
  const app = new DurableApp(
    {
      authorize,
      logger: boltLog,
      clientOptions: webClientOptions(config, logger),
      ...(receiver ? { receiver } : { socketMode: true, appToken: config.slack.appToken }),
    },
    (event) =>
      persistIntake(event, {
        store,
        bot,
        logger: log,
        redactor,
        disk,
        queueCap: config.queueCap,
        ...(triage ? { triage: triage.desk } : {}),
      }),
  );

  registerListeners(app, { worker: answers, feedback, jobs: store, logger: log });

  try {
    await app.start();
  } catch (error) {
    clearInterval(pruneTimer);
    disk.stop();
    triage?.close();
    store.close();
    throw error;
  }
  const healthServer: HealthServer | undefined = receiver
    ? undefined
    : await startHealthServer({ port: config.slack.port, ...(options.host ? { host: options.host } : {}), health });
  const resumed = answers.resumePending();
  const sweep = options.feedbackSink ? sweepIndex(options.feedbackSink, policy, log) : Promise.resolve(0);
  const port = receiver?.port ?? healthServer?.port;
  log.info({ mode, port, bot: bot.userId, resumed }, "Orca is serving Slack");

  return {
    mode,
    ...(port !== undefined ? { port } : {}),
    bot,
    resumed,
    ...(triage ? { triage: triage.desk } : {}),
    idle: async () => {
      await sweep;
      await answers.idle();
      await triage?.desk.idle();
    },
    stop: async () => {
      await app.stop();
      await healthServer?.close();
      await answers.stop();
      await triage?.desk.idle();
      triage?.close();
      clearInterval(pruneTimer);
      disk.stop();
      store.close();
    },
  };
}
