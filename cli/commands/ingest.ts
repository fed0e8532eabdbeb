import { Command, Option } from "commander";
import { createLogger, type DocKind, InputError, type Logger, loadConfig, silentLogger } from "../../core/index.js";
import { createEmbedder, type IngestProgress, type IngestSummary, openKnowledgeBase } from "../../knowledge/index.js";
import type { CliContext } from "../context.js";
import { ingestGithub } from "./triage.js";

interface IngestFlags {
  kind?: "docs" | "conversations" | "conversation";
  versionTag?: string;
  baseUrl?: string;
  maxPages?: string;
  allowPrivateHost?: string[];
  json?: boolean;
  fromFile?: string;
}

const MAX_LISTED = 20;

export function ingestCommand(ctx: CliContext): Command {
  return new Command("ingest")
    .description("add docs folders, files, sites (URL or sitemap.xml) or conversation exports to the knowledge index")
    .argument("<inputs...>", "folders, files, http(s) URLs or sitemap.xml URLs")
    .addOption(new Option("--kind <kind>", "what the inputs are").choices(["docs", "conversations", "conversation"]))
    .option("--version-tag <major>", "Prefect major the inputs are about (default: detected from the path)")
    .option("--base-url <url>", "public site of a docs folder; may contain {path} (e.g. https://x/latest/{path}/)")
    .option("--max-pages <n>", "page limit for URL inputs", "500")
    .option(
      "--allow-private-host <host...>",
      "crawl these hosts even though they are on a private, loopback or link-local address (an intranet docs site)",
    )
    .option("--json", "print the summary as JSON")
    .option("--from-file <file>", "with github:OWNER/REPO: read issues and discussions from a JSON export")
    .action(async (inputs: string[], flags: IngestFlags) => {
      // GitHub issues and discussions feed support triage (known issues), not the docs index.
      if (inputs.some((i) => i.startsWith("github:"))) return ingestGithub(ctx, inputs, flags);
      const config = loadConfig(ctx.env);
      const versionTag = flags.versionTag?.trim();
      if (versionTag !== undefined && !/^\d+$/.test(versionTag)) {
        throw new InputError(`--version-tag must be a major version such as 2 or 3, got "${versionTag}"`);
      }
      const maxPages = Number(flags.maxPages);
      if (!Number.isInteger(maxPages) || maxPages <= 0)
        throw new InputError("--max-pages must be a positive whole number");
      const kb = await openKnowledgeBase({
        dataDir: config.dataDir,
        embedder: createEmbedder({ llm: config.llm }),
        logger: cliLogger(ctx, config.logLevel, config.secrets),
      });
      const progress = ctx.stderr.isTTY ? progressBar(ctx) : undefined;
      const abort = new AbortController();
      const onSigint = () => abort.abort(new InputError("interrupted"));
      process.once("SIGINT", onSigint);
      let summary: IngestSummary;
      try {
        summary = await kb.ingest(inputs, {
          kind: flags.kind === "conversations" ? "conversation" : (flags.kind as DocKind | undefined),
          versionTag,
          baseUrl: flags.baseUrl,
          maxPages,
          ...(flags.allowPrivateHost ? { allowPrivateHosts: flags.allowPrivateHost } : {}),
          signal: abort.signal,
          onProgress: progress?.update,
        });
      } catch (error) {
        progress?.clear();
        if (abort.signal.aborted) {
          ctx.stderr.write("orca ingest: interrupted; the previous index is unchanged\n");
          ctx.exitCode = 130;
          return;
        }
        throw error;
      } finally {
        process.removeListener("SIGINT", onSigint);
        await kb.close();
      }
      progress?.clear();
      report(ctx, summary, flags.json === true);
      const usable = summary.added + summary.updated + summary.unchanged;
      ctx.exitCode = usable === 0 && summary.skipped.length > 0 ? 1 : 0;
    });
}

function report(ctx: CliContext, s: IngestSummary, json: boolean): void {
  for (const skip of s.skipped.slice(0, MAX_LISTED)) ctx.stderr.write(`skipped ${skip.path}: ${skip.reason}\n`);
  if (s.skipped.length > MAX_LISTED) ctx.stderr.write(`… and ${s.skipped.length - MAX_LISTED} more skipped\n`);
  for (const w of s.warnings.slice(0, MAX_LISTED)) ctx.stderr.write(`warning ${w}\n`);
  if (s.warnings.length > MAX_LISTED) ctx.stderr.write(`… and ${s.warnings.length - MAX_LISTED} more warnings\n`);
  if (json) {
    ctx.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return;
  }
  const parts = [
    `${s.added} added`,
    `${s.updated} updated`,
    `${s.removed} removed`,
    `${s.unchanged} unchanged`,
    `${s.skipped.length} skipped`,
  ];
  if (s.warnings.length > 0) parts.push(`${s.warnings.length} warnings`);
  const extra = s.reembedded ? ", index re-embedded for the new embedder" : "";
  ctx.stdout.write(
    `ingest: ${parts.join(", ")} (${s.embeddedChunks} chunks embedded${extra}) in ${(s.durationMs / 1000).toFixed(1)} s\n`,
  );
}

function progressBar(ctx: CliContext): { update: (p: IngestProgress) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const width = 24;
      const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      const bar = "#".repeat(Math.round(ratio * width)).padEnd(width, "-");
      const label =
        p.phase === "read"
          ? `reading ${p.message ?? ""}`
          : p.phase === "embed"
            ? `embedding ${p.done}/${p.total}`
            : (p.message ?? "writing");
      ctx.stderr.write(`\r[${bar}] ${String(Math.round(ratio * 100)).padStart(3)}% ${label.slice(0, 60).padEnd(60)}`);
      shown = true;
    },
    clear() {
      if (shown) ctx.stderr.write(`\r${" ".repeat(100)}\r`);
      shown = false;
    },
  };
}

/** Library logs would clutter a command's output; they show only when LOG_LEVEL asks for debug. */
export function cliLogger(ctx: CliContext, level: string, secrets: string[]): Logger {
  if (level !== "debug" && level !== "trace") return silentLogger();
  return createLogger({ level: level as "debug" | "trace", secrets, destination: ctx.stderr });
}
