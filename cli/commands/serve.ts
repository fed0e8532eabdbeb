import { Command } from "commander";
import { type ConversationSink, checkDataDir, startSlackApp, WorkerAnswerEngine } from "../../bot/index.js";
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
        id: `slack:${c.channel}:${c.threadTs}`,
        title: c.question.split("\n")[0]?.slice(0, 120) || "Slack thread",
        messages: c.messages,
      });
    },
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
  const signal = await untilSignal();
  logger.info({ signal }, "shutting down");
  await app.stop();
  await engine.close();
}

export function serveCommand(ctx: CliContext): Command {
  return new Command("serve")
    .description(
      "answer @mentions and DMs in Slack: HTTP events when SLACK_SIGNING_SECRET is set, Socket Mode when SLACK_APP_TOKEN is set",
    )
    .action(() => runServe(ctx));
}
