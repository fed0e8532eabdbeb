import { Command } from "commander";
import { describeApi, formatApiReport, loadPrefectFacts } from "../../knowledge/index.js";
import type { CliContext } from "../context.js";

interface ApiOptions {
  prefectVersion?: string;
  json?: boolean;
}

/** `orca api <dotted.name>`: what the Prefect API facts say about a name in one release. Exit 1 when unknown. */
export function apiCommand(ctx: CliContext): Command {
  return new Command("api")
    .description(
      "does a Prefect API name exist in a release: since/until when, parameters, where it lives, what replaced it",
    )
    .argument("<name>", "dotted name, e.g. prefect.futures.wait, prefect.flows.Flow.serve, run_deployment")
    .option("--prefect-version <version>", "Prefect release (e.g. 3.4.20, 3.4, 2); default: newest 3.x")
    .option("--json", "machine-readable output")
    .action((name: string, options: ApiOptions) => {
      const facts = loadPrefectFacts();
      const version = options.prefectVersion ?? facts.latestOfMajor(3);
      const report = describeApi(facts, name, version);
      ctx.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatApiReport(report));
      const found =
        report.status === "integration" ? report.integration?.knownExport === true : report.status !== "unknown";
      ctx.exitCode = found ? 0 : 1;
    });
}
