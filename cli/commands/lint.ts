import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function lintCommand(ctx: CliContext): Command {
  return new Command("lint").description("lint (not yet available)").action(notYet(ctx, "lint"));
}
