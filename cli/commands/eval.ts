import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function evalCommand(ctx: CliContext): Command {
  return new Command("eval").description("eval (not yet available)").action(notYet(ctx, "eval"));
}
