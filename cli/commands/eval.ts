import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { createLogger, InputError, loadConfig, parseVersion, repoRoot } from "../../core/index.js";
import {
  auditFiles,
  createEvalRuntime,
  evaluate,
  evaluateClaimsFile,
  parseMinPass,
  readMinPassFile,
  renderAuditHtml,
  renderAuditText,
  renderClaimEval,
  renderHtml,
  renderText,
} from "../../evals/index.js";
import { loadPrefectFacts } from "../../knowledge/index.js";
import type { CliContext } from "../context.js";

interface EvalOptions {
  audit?: boolean;
  claims?: boolean;
  inContext?: boolean;
  json?: string;
  html?: string;
  minPass?: string;
  minPassFile?: string;
  ingest?: string[];
  offline?: boolean;
  judge?: boolean;
  prefectVersion?: string;
}

const DEFAULT_CASES = path.join(repoRoot, "evals", "cases");

export function evalCommand(ctx: CliContext): Command {
  return new Command("eval")
    .description("replay eval cases and transcripts through the answer engine and score every answer")
    .argument("[files...]", "case files (.json, .jsonl), transcripts (.txt) or Slack exports; default evals/cases/")
    .option("--audit", "grade the bot answers recorded in the given transcripts instead of replaying")
    .option("--claims", "score the prose claim checker on labelled sentences (.jsonl) instead of replaying")
    .option("--in-context", "with --claims: read each sentence after the sentences before it in its thread")
    .option("--json <file>", "write the full report as JSON")
    .option("--html <file>", "write a self-contained HTML report")
    .option("--min-pass <rate>", "exit non-zero when the pass rate is below this (0..1 or a percentage)")
    .option("--min-pass-file <file>", 'read the floor from a JSON file: { "minPass": 0.x }')
    .option("--ingest <paths...>", "what to index before replaying (default: the knowledge pack and the shared docs)")
    .option("--offline", "answer offline even when a model is configured")
    .option("--judge", "also score answers with the configured LLM (faithfulness, correctness)")
    .option("--prefect-version <version>", "the Prefect version of transcript threads, instead of detecting it")
    .action(async (files: string[], options: EvalOptions) => {
      const inputs = files.length ? files : [DEFAULT_CASES];
      if (options.audit) return runAudit(ctx, inputs, options);
      if (options.claims) return runClaims(ctx, files, options);
      return runReplay(ctx, inputs, options);
    });
}

async function runReplay(ctx: CliContext, inputs: string[], options: EvalOptions): Promise<void> {
  // Validate what can be wrong before spending minutes on a replay.
  const transcriptVersion = checkedVersion(options.prefectVersion);
  const floor = options.minPass
    ? parseMinPass(options.minPass)
    : options.minPassFile
      ? await readMinPassFile(options.minPassFile)
      : undefined;
  const config = loadConfig(ctx.env);
  if (options.judge && !config.llmEnabled) {
    throw new InputError("--judge needs a configured model (OPENAI_API_KEY or OPENAI_BASE_URL)");
  }
  // Index-build chatter would bury the summary; LOG_LEVEL, when set, still decides.
  const level = ctx.env.LOG_LEVEL ? config.logLevel : "warn";
  const logger = createLogger({ level, secrets: config.secrets, destination: ctx.stderr });
  const runtime = await createEvalRuntime({
    config,
    logger,
    ingest: options.ingest,
    offline: options.offline === true,
    judge: options.judge === true,
  });
  try {
    const progress = ctx.stderr.isTTY === true;
    const report = await evaluate(inputs, runtime, {
      transcriptVersion,
      onResult: progress
        ? (r, i, n) => ctx.stderr.write(`[${i + 1}/${n}] ${r.pass ? "pass" : "FAIL"} ${r.id}\n`)
        : undefined,
    });
    ctx.stdout.write(renderText(report));
    if (options.json) await writeOut(options.json, `${JSON.stringify(report, null, 2)}\n`, ctx);
    if (options.html) await writeOut(options.html, renderHtml(report), ctx);
    if (floor !== undefined && report.summary.passRate < floor) {
      ctx.stderr.write(
        `orca eval: pass rate ${(report.summary.passRate * 100).toFixed(1)}% is below the floor ${(floor * 100).toFixed(1)}%\n`,
      );
      ctx.exitCode = 1;
    }
  } finally {
    await runtime.close();
  }
}

async function runAudit(ctx: CliContext, inputs: string[], options: EvalOptions): Promise<void> {
  const report = await auditFiles(inputs, { version: checkedVersion(options.prefectVersion) });
  ctx.stdout.write(renderAuditText(report));
  if (options.json) await writeOut(options.json, `${JSON.stringify(report, null, 2)}\n`, ctx);
  if (options.html) await writeOut(options.html, renderAuditHtml(report), ctx);
}

async function runClaims(ctx: CliContext, files: string[], options: EvalOptions): Promise<void> {
  if (files.length === 0) throw new InputError("--claims needs one or more labelled .jsonl files");
  const facts = loadPrefectFacts();
  const reports = [];
  for (const file of files) {
    const report = await evaluateClaimsFile(file, facts, { inContext: options.inContext });
    reports.push(report);
    ctx.stdout.write(renderClaimEval(report));
  }
  if (options.json) await writeOut(options.json, `${JSON.stringify(reports, null, 2)}\n`, ctx);
}

function checkedVersion(version: string | undefined): string | undefined {
  if (version !== undefined && !parseVersion(version)) {
    throw new InputError(`--prefect-version must look like 3.4.20, 3.4 or 2, got "${version}"`);
  }
  return version;
}

async function writeOut(file: string, content: string, ctx: CliContext): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, content);
  ctx.stderr.write(`wrote ${file}\n`);
}
