import { Command, CommanderError } from "commander";
import { isOrcaError } from "../core/index.js";
import { apiCommand } from "./commands/api.js";
import { askCommand } from "./commands/ask.js";
import { benchCommand } from "./commands/bench.js";
import { buildFactsCommand } from "./commands/build-facts.js";
import { changesEvalCommand } from "./commands/changes-eval.js";
import { evalCommand } from "./commands/eval.js";
import { forgetCommand } from "./commands/forget.js";
import { ingestCommand } from "./commands/ingest.js";
import { lintCommand } from "./commands/lint.js";
import { searchCommand } from "./commands/search.js";
import { serveCommand } from "./commands/serve.js";
import { startCommand } from "./commands/start.js";
import { triageCommand } from "./commands/triage.js";
import { upgradeCommand } from "./commands/upgrade.js";
import { type CliContext, type CliIO, processIO } from "./context.js";

export function buildProgram(ctx: CliContext): Command {
  const program = new Command("orca")
    .description("Orca: answers Prefect questions in Slack with code checked against your exact Prefect version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  for (const make of [
    startCommand,
    serveCommand,
    askCommand,
    ingestCommand,
    searchCommand,
    lintCommand,
    apiCommand,
    evalCommand,
    benchCommand,
    buildFactsCommand,
    forgetCommand,
    triageCommand,
    changesEvalCommand,
    upgradeCommand,
  ]) {
    program.addCommand(make(ctx).exitOverride());
  }
  return program;
}

/** Runs the CLI and returns the exit code. Errors are reported as one clear line, never a stack trace. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CliContext = { ...io, exitCode: 0 };
  try {
    await buildProgram(ctx).parseAsync(argv);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isOrcaError(error)) {
      ctx.stderr.write(`orca: ${error.message}\n`);
      return error.code === "config_invalid" ? 78 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`orca: unexpected error: ${message}\n`);
    return 1;
  }
}
