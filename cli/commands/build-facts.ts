import path from "node:path";
import { Command } from "commander";
import { sharedDataDir } from "../../core/index.js";
import { buildFactsFile, FACTS_FILE } from "../../knowledge/index.js";
import type { CliContext } from "../context.js";

/** `orca build-facts`: recompiles knowledge/facts/prefect-facts.json from the shared Prefect API data. */
export function buildFactsCommand(ctx: CliContext): Command {
  return new Command("build-facts")
    .description("compile the Prefect API data (../shared/prefect-api) into knowledge/facts/prefect-facts.json")
    .option("--source <dir>", "directory holding history.json and the prefect-<version>.json surfaces")
    .option("--out <file>", "where to write the compiled facts")
    .action((options: { source?: string; out?: string }) => {
      const source = path.resolve(options.source ?? path.join(sharedDataDir, "prefect-api"));
      const out = path.resolve(options.out ?? FACTS_FILE);
      const started = performance.now();
      const stats = buildFactsFile(source, out);
      const ms = Math.round(performance.now() - started);
      ctx.stdout.write(
        `wrote ${path.basename(out)}: ${stats.symbols} symbols, ${stats.params} parameters, ` +
          `${stats.releases} releases (${stats.surfaces.length} full surfaces), ${(stats.bytes / 1e6).toFixed(2)} MB in ${ms} ms\n`,
      );
    });
}
