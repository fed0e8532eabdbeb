import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function buildFactsCommand(ctx: CliContext): Command {
  return new Command("build-facts").description("build-facts (not yet available)").action(notYet(ctx, "build-facts"));
}
