import { Command } from "commander";
import { createOrca, runConsole } from "../../bot/index.js";
import { createLogger, loadConfig, Redactor, slackMode } from "../../core/index.js";
import type { CliContext } from "../context.js";
import { runServe } from "./serve.js";

/** `npm start`: Slack when tokens are configured, otherwise a local console conversation with the same pipeline. */
async function runStart(ctx: CliContext, options: { prefectVersion?: string }): Promise<void> {
  const config = loadConfig(ctx.env);
  if (slackMode(config) !== "none") {
    await runServe(ctx, config);
    return;
  }
  // A console user reads stderr too: only warnings unless LOG_LEVEL asks for more.
  const level = ctx.env.LOG_LEVEL ? config.logLevel : "warn";
  const logger = createLogger({ level, secrets: config.secrets, destination: ctx.stderr });
  const interactive = ctx.stdin.isTTY === true;
  if (interactive) ctx.stderr.write("orca: no Slack tokens set, starting a local conversation (loading knowledge…)\n");
  const orca = await createOrca({ config, logger });
  try {
    const redactor = new Redactor(config.secrets);
    const result = await runConsole({
      engine: orca.engine,
      input: ctx.stdin,
      output: ctx.stdout,
      errors: ctx.stderr,
      interactive,
      redact: (text) => redactor.redact(text),
      ...(options.prefectVersion ? { prefectVersion: options.prefectVersion } : {}),
    });
    if (result.failures > 0) ctx.exitCode = 1;
  } finally {
    await orca.close();
  }
}

export function startCommand(ctx: CliContext): Command {
  return new Command("start")
    .description("serve Slack when tokens are set; otherwise talk to Orca in the terminal (piped stdin = one question)")
    .option("--prefect-version <version>", "answer for this Prefect version instead of detecting it")
    .action((options: { prefectVersion?: string }) => runStart(ctx, options));
}
