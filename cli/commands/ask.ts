import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function askCommand(ctx: CliContext): Command {
  return new Command("ask").description("ask (not yet available)").action(notYet(ctx, "ask"));
}
