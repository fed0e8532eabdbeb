import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function serveCommand(ctx: CliContext): Command {
  return new Command("serve").description("serve (not yet available)").action(notYet(ctx, "serve"));
}
