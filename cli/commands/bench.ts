import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function benchCommand(ctx: CliContext): Command {
  return new Command("bench").description("bench (not yet available)").action(notYet(ctx, "bench"));
}
