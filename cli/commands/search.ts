import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function searchCommand(ctx: CliContext): Command {
  return new Command("search").description("search (not yet available)").action(notYet(ctx, "search"));
}
