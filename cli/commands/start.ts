import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function startCommand(ctx: CliContext): Command {
  return new Command("start").description("start (not yet available)").action(notYet(ctx, "start"));
}
