import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { InputError } from "../../core/index.js";
import {
  formatUpgradeGuide,
  loadChangeFacts,
  loadPrefectFacts,
  loadSettingsFacts,
  upgradeGuide,
} from "../../knowledge/index.js";
import { applyFixes, createLinter, prefectReferences } from "../../lint/index.js";
import { type CliContext, readAll } from "../context.js";

interface UpgradeFlags {
  from?: string;
  to?: string;
  json?: boolean;
}

/** `orca upgrade --from 2.20.10 --to 3.4.20 [FILE…|-]`: what changes between two releases, and in the given code. */
export function upgradeCommand(ctx: CliContext): Command {
  return new Command("upgrade")
    .description("list what changes between two Prefect releases, and which lines of your code it affects")
    .argument("[files...]", "Python files to check (- for stdin)")
    .option("--from <version>", "the release you are on (e.g. 2.20.10, 3.4)")
    .option("--to <version>", "the release you are moving to (default: the newest)")
    .option("--json", "print the guide as JSON")
    .action(async (files: string[], flags: UpgradeFlags) => {
      if (!flags.from) throw new InputError("--from is required (the release you are on, e.g. 2.20.10)");
      const inputs = await Promise.all(files.map((f) => readInput(ctx, f)));
      const facts = loadPrefectFacts();
      const linter = await createLinter(facts);
      const guide = upgradeGuide(
        {
          facts,
          changes: loadChangeFacts(),
          settings: loadSettingsFacts(),
          checker: { references: prefectReferences, lint: (code, release) => linter.lint(code, release), applyFixes },
        },
        { from: flags.from, to: flags.to ?? "latest", files: inputs },
      );
      ctx.stdout.write(flags.json ? `${JSON.stringify(guide, null, 2)}\n` : formatUpgradeGuide(guide));
    });
}

async function readInput(ctx: CliContext, file: string): Promise<{ label: string; code: string }> {
  if (file === "-") return { label: "stdin", code: await readAll(ctx.stdin) };
  try {
    return { label: file, code: await readFile(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`,
      "not_found",
    );
  }
}
