import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { formatTable, parseSectionList, runBench, SECTION_NAMES } from "../../bench/index.js";
import type { CliContext } from "../context.js";

interface BenchFlags {
  quick?: boolean;
  json: string;
  only?: string;
}

export function benchCommand(ctx: CliContext): Command {
  return new Command("bench")
    .description("measure Orca end to end (Slack HTTP path), retrieval, ingest, lint and answers; figures only")
    .option("--quick", "a small configuration (seconds, not minutes)")
    .option("--json <file>", "where to write the machine-readable report", "bench.json")
    .option("--only <sections>", `comma-separated subset of ${SECTION_NAMES.join(",")}`)
    .action(async (flags: BenchFlags) => {
      const only = flags.only === undefined ? undefined : parseSectionList(flags.only);
      const command = ["orca bench", flags.quick ? "--quick" : "", flags.only ? `--only ${flags.only}` : ""]
        .filter(Boolean)
        .join(" ");
      const report = await runBench({
        quick: flags.quick === true,
        only,
        command,
        log: (line) => ctx.stderr.write(`${line}\n`),
      });
      ctx.stdout.write(formatTable(report));
      const file = path.resolve(flags.json);
      await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
      ctx.stdout.write(`\nbench: ${(report.durationMs / 1000).toFixed(1)} s; report written to ${flags.json}\n`);
    });
}
