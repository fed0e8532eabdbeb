import { randomBytes } from "node:crypto";
import { Command } from "commander";
import {
  type ConversationSink,
  checkDataDir,
  conversationId,
  startSlackApp,
  WorkerAnswerEngine,
} from "../../bot/index.js";
import { ConfigError, createLogger, type Logger, loadConfig, type OrcaConfig, slackMode } from "../../core/index.js";
import type { CliContext } from "../context.js";

/**
 * Helpful or resolved Slack threads become past conversations in the knowledge index. The write goes to the
 * answer worker's knowledge base, the only one open in this process: one writer, and answers see it at once.
 */
function conversationSink(engine: WorkerAnswerEngine): ConversationSink {
  return {
    async addConversation(c) {
      await engine.addConversation({
        id: conversationId(c.channel, c.threadTs),
        title: c.question.split("\n")[0]?.slice(0, 120) || "Slack thread",
        ...(c.url ? { url: c.url } : {}),
        messages: c.messages,
      });
    },
    conversationIds: () => engine.conversationIds(),
    removeConversations: (ids) => engine.removeConversations(ids),
  };
}

/**
 * Last-resort handlers: a promise rejected outside any handler is logged with a reference id and Orca keeps
 * serving (every job and request path has its own handling; this catches library code that does not). An
 * uncaught exception leaves the process in an unknown state, so it is logged with a reference id and Orca stops
 * cleanly with exit code 70 for its supervisor to restart it; acknowledged jobs are on disk and resume.
 */
export function installCrashHandlers(logger: Logger, onFatal: () => void): () => void {
  const reference = () => `ORCA-${randomBytes(4).toString("hex").toUpperCase()}`;
  const onRejection = (reason: unknown) => {
    logger.error(
      { ref: reference(), err: reason instanceof Error ? reason.message : String(reason) },
      "unhandled rejection; still serving",
    );
  };
  const onException = (error: Error) => {
    logger.fatal({ ref: reference(), err: error.message }, "uncaught exception; stopping for a restart");
    onFatal();
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve(signal);
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}

/**
 * Resolves when writing to stdout or stderr fails: whoever read Orca's output (the parent that started it, a log
 * pipe) is gone, so no one will see its logs or stop it. It stops as on SIGTERM (pending jobs stay on disk) instead
 * of serving on unobserved.
 */
function outputClosed(streams: NodeJS.WritableStream[]): Promise<"output-closed"> {
  return new Promise((resolve) => {
    for (const s of streams) s.once("error", () => resolve("output-closed"));
  });
}

/** Serves Slack until SIGINT/SIGTERM. Bad configuration or an unwritable data dir stop it with one clear line. */
export async function runServe(ctx: CliContext, config: OrcaConfig = loadConfig(ctx.env)): Promise<void> {
  if (slackMode(config) === "none") {
    const variable = config.slack.botToken ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN";
    throw new ConfigError(
      variable,
      `${variable} is not set: serving Slack needs SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP events) ` +
        "or SLACK_APP_TOKEN (Socket Mode)",
    );
  }
  checkDataDir(config.dataDir);
  const logger: Logger = createLogger({ level: config.logLevel, secrets: config.secrets, destination: ctx.stderr });
  // Answers are computed on a worker thread so that this thread stays free to acknowledge Slack within its limits.
  const engine = new WorkerAnswerEngine({ config, logger });
  let app: Awaited<ReturnType<typeof startSlackApp>>;
  try {
    await engine.start();
    app = await startSlackApp({
      config,
      engine,
      engineOffThread: true,
      logger,
      feedbackSink: conversationSink(engine),
    });
  } catch (error) {
    await engine.close();
    throw error;
  }
  const where = app.mode === "http" ? `HTTP on port ${app.port}` : "Socket Mode";
  ctx.stdout.write(`orca: serving Slack (${where})${app.resumed ? `, resuming ${app.resumed} pending` : ""}\n`);
  let fatal: (() => void) | undefined;
  const crashed = new Promise<"crash">((resolve) => {
    fatal = () => resolve("crash");
  });
  const removeHandlers = installCrashHandlers(logger, () => fatal?.());
  const signal = await Promise.race([untilSignal(), crashed, outputClosed([ctx.stdout, ctx.stderr])]);
  logger.info({ signal }, "shutting down");
  await app.stop();
  await engine.close();
  removeHandlers();
  if (signal === "crash") ctx.exitCode = 70;
}

export function serveCommand(ctx: CliContext): Command {
  return new Command("serve")
    .description(
      "answer @mentions and DMs in Slack: HTTP events when SLACK_SIGNING_SECRET is set, Socket Mode when SLACK_APP_TOKEN is set",
    )
    .action(() => runServe(ctx));
}
