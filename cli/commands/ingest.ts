import { Command } from "commander";
import type { CliContext } from "../context.js";
import { notYet } from "../not-yet.js";

export function ingestCommand(ctx: CliContext): Command {
  return new Command("ingest").description("ingest (not yet available)").action(notYet(ctx, "ingest"));
}
