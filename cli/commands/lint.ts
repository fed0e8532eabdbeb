import { readFile } from "node:fs/promises";
import { Command } from "commander";
import type { Diagnosis, LintResult, Snippet, VersionGuess } from "../../core/index.js";
import { InputError, parseVersion } from "../../core/index.js";
import { loadPrefectFacts } from "../../knowledge/index.js";
import { createLinter, detectVersion, extractSnippets, parsesCleanly, repairIndentation } from "../../lint/index.js";
import { type CliContext, readAll } from "../context.js";

interface LintFlags {
  prefectVersion?: string;
  json?: boolean;
  fix?: boolean;
}

interface CheckedSnippet {
  index: number;
  result: LintResult;
  /** The snippet's first non-blank line, to tell snippets apart in the output. */
  firstLine: string;
}

export function lintCommand(ctx: CliContext): Command {
  return new Command("lint")
    .description("check Python (or a pasted Slack message) against the API of an exact Prefect version")
    .argument("<file>", "a .py file, a text file with a Slack message, or - for stdin")
    .option("--prefect-version <version>", "the Prefect version to check against (default: detected, else newest 3.x)")
    .option("--json", "print {version, diagnoses, fixed_code} as JSON")
    .option("--fix", "print the code with every safe fix applied")
    .action(async (file: string, flags: LintFlags) => {
      if (flags.prefectVersion !== undefined && !parseVersion(flags.prefectVersion)) {
        throw new InputError(
          `--prefect-version: "${flags.prefectVersion}" is not a Prefect version (expected e.g. 3.4.20, 3.4 or 2)`,
        );
      }
      const text = await readInput(ctx, file);
      const facts = loadPrefectFacts();
      const linter = await createLinter(facts);
      const version = detectVersion([text], facts, flags.prefectVersion ?? null);
      const checked = pythonSnippets(text, file).map((snippet, index) => ({
        index,
        result: linter.lintSnippet(snippet, version.resolved, { snippet: index }),
        firstLine: (snippet.code.split("\n").find((l) => l.trim() !== "") ?? "").trim().slice(0, 80),
      }));
      const diagnoses = checked.flatMap((c) => c.result.diagnoses);
      if (flags.json) writeJson(ctx, version, checked);
      else writeHuman(ctx, version, checked, flags.fix === true);
      ctx.exitCode = diagnoses.some((d) => d.severity === "error") ? 1 : 0;
    });
}

async function readInput(ctx: CliContext, file: string): Promise<string> {
  if (file === "-") return readAll(ctx.stdin);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`,
      "not_found",
    );
  }
}

/** A .py file (or text that is Python as a whole) is one snippet; anything else is searched for snippets. */
function pythonSnippets(text: string, file: string): Snippet[] {
  const whole = repairIndentation(text);
  if (file.endsWith(".py") || parsesCleanly(whole)) {
    return [{ code: text, raw: text, language: "python", fenced: false, mangled: false }];
  }
  return extractSnippets(text).filter((s) => s.language === "python");
}

function versionLine(version: VersionGuess): string {
  const how = version.how === "stated" ? "stated" : version.how === "inferred" ? "inferred" : "assumed";
  return `Prefect ${version.resolved} (${how}: ${version.evidence.join("; ")})`;
}

function writeHuman(ctx: CliContext, version: VersionGuess, checked: CheckedSnippet[], fix: boolean): void {
  ctx.stdout.write(`checked against ${versionLine(version)}\n`);
  if (checked.length === 0) {
    ctx.stdout.write("no Python code found\n");
    return;
  }
  const many = checked.length > 1;
  for (const { index, result, firstLine } of checked) {
    if (many) ctx.stdout.write(`\n[snippet ${index + 1}] ${firstLine}\n`);
    if (result.diagnoses.length === 0) ctx.stdout.write("no problems found\n");
    for (const d of result.diagnoses) ctx.stdout.write(`${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}\n`);
    if (fix)
      ctx.stdout.write(`\n--- corrected code ---\n${result.fixedCode}${result.fixedCode.endsWith("\n") ? "" : "\n"}`);
  }
}

function writeJson(ctx: CliContext, version: VersionGuess, checked: CheckedSnippet[]): void {
  const toJson = (d: Diagnosis) => ({
    rule: d.rule,
    severity: d.severity,
    line: d.line,
    column: d.column,
    message: d.message,
    fix: d.fix ?? null,
    ...(checked.length > 1 ? { snippet: d.snippet } : {}),
  });
  const out = {
    version: version.resolved,
    version_guess: version,
    diagnoses: checked.flatMap((c) => c.result.diagnoses.map(toJson)),
    fixed_code: checked.length === 0 ? null : checked.map((c) => c.result.fixedCode).join("\n\n"),
    snippets: checked.length,
  };
  ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
