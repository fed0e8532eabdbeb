import { existsSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { sharedDataDir } from "../../core/index.js";
import {
  buildChangesFile,
  buildFactsFile,
  buildSettingsFile,
  CHANGES_FILE,
  FACTS_FILE,
  SETTINGS_FILE,
} from "../../knowledge/index.js";
import type { CliContext } from "../context.js";

interface BuildFactsFlags {
  source?: string;
  out?: string;
  settingsOut?: string;
  shared?: string;
  changesOut?: string;
}

/**
 * `orca build-facts`: recompiles knowledge/facts/prefect-facts.json and prefect-settings.json from the shared Prefect
 * API data, and knowledge/facts/change-facts.json from the release notes and the CLI history.
 */
export function buildFactsCommand(ctx: CliContext): Command {
  return new Command("build-facts")
    .description(
      "compile the Prefect API data (../shared/prefect-api) into knowledge/facts/prefect-facts.json and prefect-settings.json, and the release notes into change-facts.json",
    )
    .option("--source <dir>", "directory holding history.json and the prefect-<version>.json surfaces")
    .option("--out <file>", "where to write the compiled facts")
    .option("--settings-out <file>", "where to write the settings table (default: beside --out)")
    .option("--shared <dir>", "the shared data directory (prefect-api/ and corpus/) for the change facts")
    .option("--changes-out <file>", "where to write the compiled change facts")
    .action((options: BuildFactsFlags) => {
      const source = path.resolve(options.source ?? path.join(sharedDataDir, "prefect-api"));
      const out = path.resolve(options.out ?? FACTS_FILE);
      const started = performance.now();
      const stats = buildFactsFile(source, out);
      const ms = Math.round(performance.now() - started);
      ctx.stdout.write(
        `wrote ${path.basename(out)}: ${stats.symbols} symbols, ${stats.params} parameters, ` +
          `${stats.releases} releases (${stats.surfaces.length} full surfaces), ${(stats.bytes / 1e6).toFixed(2)} MB in ${ms} ms\n`,
      );
      // Older or hand-made data directories have no settings history: the settings table is then left as it is.
      if (existsSync(path.join(source, "settings-history.json"))) {
        const settingsOut = path.resolve(
          options.settingsOut ??
            (options.out ? path.join(path.dirname(out), path.basename(SETTINGS_FILE)) : SETTINGS_FILE),
        );
        const settings = buildSettingsFile(source, settingsOut);
        ctx.stdout.write(
          `wrote ${path.basename(settingsOut)}: ${settings.settings} settings, ${(settings.bytes / 1e6).toFixed(2)} MB\n`,
        );
      }
      // A custom API source alone (tests, a partial checkout) builds only the API facts.
      if (options.source !== undefined && options.shared === undefined) return;
      const shared = path.resolve(options.shared ?? sharedDataDir);
      const changesOut = path.resolve(options.changesOut ?? CHANGES_FILE);
      const changesStarted = performance.now();
      const changes = buildChangesFile(shared, changesOut);
      const changesMs = Math.round(performance.now() - changesStarted);
      const kinds = Object.entries(changes.byKind)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, n]) => `${n} ${k}`)
        .join(", ");
      ctx.stdout.write(
        `wrote ${path.basename(changesOut)}: ${changes.changes} release-notes entries (${kinds}; ${changes.withPr} with a pull request), ` +
          `${(changes.bytes / 1e6).toFixed(2)} MB in ${changesMs} ms\n`,
      );
      for (const warning of changes.warnings) ctx.stderr.write(`note: ${warning}\n`);
    });
}
