// Assembles Orca's Slack app: a Bolt App (HTTP or Socket Mode), durable intake, the answer worker and feedback.
import { App, type AppOptions, type ReceiverEvent } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { AnswerEngine, Logger, OrcaConfig } from "../../core/index.js";
import { ConfigError, OrcaError, Redactor, slackMode } from "../../core/index.js";
import { type RunningTriage, startTriage, type TriageDesk } from "../../triage/index.js";
import { AnswerWorker } from "./answer-worker.js";
import { boltLogger } from "./bolt-logger.js";
import { type ConversationSink, FeedbackRecorder } from "./feedback.js";
import { type HealthServer, OrcaHttpReceiver, startHealthServer } from "./http-receiver.js";
import { type BotIdentity, decideIntake } from "./intake.js";
import { registerListeners } from "./listeners.js";
import { RateLimiter } from "./rate-limiter.js";
import { SlackStateStore } from "./state-store.js";
import { ThreadReader } from "./thread-reader.js";

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

/** Bolt acknowledges Events API requests before any middleware runs, so the job is persisted here, first. */
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

/**
 * Decides what an incoming payload is and, for a question, records the job before Bolt acknowledges it.
 * Returns false for payloads to acknowledge and drop.
 */
function persistIntake(
  event: ReceiverEvent,
  { store, bot, logger, triage }: { store: SlackStateStore; bot: BotIdentity; logger: Logger; triage?: TriageDesk },
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
    if (!store.addJob(job))
      logger.info({ eventId: job.eventId, retry: event.retryNum }, "duplicate delivery; on record");
  } catch (error) {
    // Not acknowledging makes Slack deliver it again later: better than acknowledging work we cannot keep.
    logger.error({ eventId: job.eventId, err: String(error) }, "could not persist the job; not acknowledging");
    throw error;
  }
  return true;
}

function webClientOptions(config: OrcaConfig, logger: Logger): WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    logger: boltLogger(logger),
    timeout: 15_000,
    // 429s wait for Retry-After; 5xx and network errors back off. Bounded so a dead Slack cannot pin a job forever.
    retryConfig: { retries: 5, factor: 2, minTimeout: 250, maxTimeout: 5_000, randomize: true },
  };
}

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

  const client = new WebClient(botToken, webClientOptions(config, logger));
  const bot = await identify(client, config);
  const store = SlackStateStore.open(config.dataDir);
  const log = logger.child({ component: "slack" });
  let triage: RunningTriage | undefined;
  try {
    triage = startTriage({
      config,
      client,
      jobs: store,
      botUserId: bot.userId,
      logger: log,
      ...(options.triageClock ? { clock: options.triageClock } : {}),
      ...(options.triageTickMs !== undefined ? { tickMs: options.triageTickMs } : {}),
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const reader = new ThreadReader(client, bot.userId, {
    maxMessages: config.threadMaxMessages,
    maxChars: config.threadMaxChars,
  });
  const worker = new AnswerWorker({
    client,
    store,
    engine: options.engine,
    reader,
    limiter: new RateLimiter(config.rateLimitPerMinute),
    redactor: new Redactor(config.secrets),
    logger: log,
    answerTimeoutMs: config.answerTimeoutMs,
    concurrency: options.concurrency ?? 4,
    deferWhileBusy: !options.engineOffThread,
    ...(triage ? { hooks: triage.desk } : {}),
  });
  const feedback = new FeedbackRecorder(store, client, reader, log, options.feedbackSink);

  const boltLog = boltLogger(logger);
  const health = () => ({ mode, bot: bot.userId });
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
    (event) => persistIntake(event, { store, bot, logger: log, ...(triage ? { triage: triage.desk } : {}) }),
  );

  registerListeners(app, { worker, feedback, logger: log });

  try {
    await app.start();
  } catch (error) {
    triage?.close();
    store.close();
    throw error;
  }
  const healthServer: HealthServer | undefined = receiver
    ? undefined
    : await startHealthServer({ port: config.slack.port, ...(options.host ? { host: options.host } : {}), health });
  const resumed = worker.resumePending();
  const port = receiver?.port ?? healthServer?.port;
  log.info({ mode, port, bot: bot.userId, resumed }, "Orca is serving Slack");

  return {
    mode,
    ...(port !== undefined ? { port } : {}),
    bot,
    resumed,
    ...(triage ? { triage: triage.desk } : {}),
    idle: async () => {
      await worker.idle();
      await triage?.desk.idle();
    },
    stop: async () => {
      await app.stop();
      await healthServer?.close();
      await worker.stop();
      await triage?.desk.idle();
      triage?.close();
      store.close();
    },
  };
}
