import { readFile, writeFile } from "node:fs/promises";
import { Command } from "commander";
import { InputError } from "../../core/index.js";
import { parseChangeCases, renderChangeReport, scoreChangeCases } from "../../evals/changes/score-changes.js";
import { changeLead, loadChangeFacts, loadPrefectFacts } from "../../knowledge/index.js";
import { extractSnippets } from "../../lint/index.js";
import type { CliContext } from "../context.js";

interface ChangesEvalFlags {
  json?: string;
  verbose?: boolean;
}

/** `orca changes-eval FILE`: precision and recall of "fixed in / added in" statements over a JSONL question set. */
export function changesEvalCommand(ctx: CliContext): Command {
  return new Command("changes-eval")
    .description('score "fixed in / added in" statements on JSONL cases {id, prefect_version, question, expect}')
    .argument("<file>", "a .jsonl file of cases")
    .option("--json <file>", "write the full report as JSON")
    .option("--verbose", "list every case with what was expected and what was said")
    .action(async (file: string, flags: ChangesEvalFlags) => {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch {
        throw new InputError(`cannot read ${file}`, "not_found");
      }
      const { cases, skipped } = parseChangeCases(text);
      const deps = { changes: loadChangeFacts(), facts: loadPrefectFacts() };
      const report = scoreChangeCases(
        cases,
        (c) => {
          // The same split the answer engine makes: the question's words, and its code apart.
          const code = extractSnippets(c.question)
            .filter((s) => s.fenced && s.language === "python")
            .map((s) => s.code)
            .join("\n\n");
          return changeLead(deps, { text: c.question, code, version: c.prefect_version ?? undefined });
        },
        skipped,
      );
      ctx.stdout.write(renderChangeReport(report, flags.verbose === true));
      if (flags.json) await writeFile(flags.json, `${JSON.stringify(report, null, 2)}\n`);
    });
}
