import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function apiCommand(ctx: CliContext): Command {
  return new Command("api").description("api (not yet available)").action(notYet(ctx, "api"));
}
