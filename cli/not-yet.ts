import type { Command } from "commander";
import type { CliContext } from "./context.js";

/** Placeholder action for commands whose area has not landed yet. */
export function notYet(ctx: CliContext, name: string): (...args: unknown[]) => void {
  return () => {
    ctx.stderr.write(`orca ${name}: not yet available\n`);
    ctx.exitCode = 2;
  };
}

export type CommandFactory = (ctx: CliContext) => Command;
