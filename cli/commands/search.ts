import { Command, Option } from "commander";
import {
  type DocKind,
  InputError,
  loadConfig,
  type PrefectMajor,
  parseVersion,
  type RetrievalMode,
} from "../../core/index.js";
import { createEmbedder, ensureDefaultKnowledge, openKnowledgeBase } from "../../knowledge/index.js";
import type { CliContext } from "../context.js";
import { cliLogger } from "./ingest.js";

interface SearchFlags {
  k: string;
  prefectVersion?: string;
  kind?: "docs" | "conversation" | "conversations";
  mode: RetrievalMode;
  json?: boolean;
}

export function searchCommand(ctx: CliContext): Command {
  return new Command("search")
    .description("search the knowledge index (docs and past conversations)")
    .argument("<query>", "what to look for")
    .option("--k <n>", "number of results", "5")
    .option("--prefect-version <version>", "prefer pages about this Prefect version (e.g. 3, 2.20, 3.4.1)")
    .addOption(
      new Option("--kind <kind>", "only this kind of source").choices(["docs", "conversation", "conversations"]),
    )
    .addOption(new Option("--mode <mode>", "retrieval mode").choices(["hybrid", "bm25", "vector"]).default("hybrid"))
    .option("--json", "print the hits as JSON")
    .action(async (query: string, flags: SearchFlags) => {
      const k = Number(flags.k);
      if (!Number.isInteger(k) || k <= 0 || k > 100) throw new InputError("--k must be a whole number from 1 to 100");
      const prefectMajor = majorOf(flags.prefectVersion);
      const config = loadConfig(ctx.env);
      const kb = await openKnowledgeBase({
        dataDir: config.dataDir,
        embedder: createEmbedder({ llm: config.llm }),
        logger: cliLogger(ctx, config.logLevel, config.secrets),
      });
      try {
        const seeded = await ensureDefaultKnowledge(kb, { extraDocsDirs: config.docsDir ? [config.docsDir] : [] });
        if (seeded) ctx.stderr.write(`indexed the default knowledge pack (${seeded.added} documents)\n`);
        const kind: DocKind | undefined = flags.kind === "conversations" ? "conversation" : flags.kind;
        const hits = await kb.search(query, { k, prefectMajor, kind, mode: flags.mode });
        if (flags.json) {
          ctx.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
          return;
        }
        if (hits.length === 0) {
          ctx.stdout.write("no results\n");
          return;
        }
        hits.forEach((h, i) => {
          const section = h.section.length > 0 ? ` › ${h.section.join(" › ")}` : "";
          const tags = [h.kind, h.versionTag ? `v${h.versionTag}` : null, `score ${h.score.toFixed(4)}`].filter(
            Boolean,
          );
          ctx.stdout.write(`${i + 1}. ${h.title}${section}  (${tags.join(", ")})\n   ${h.url}\n   ${h.snippet}\n`);
        });
      } finally {
        await kb.close();
      }
    });
}

function majorOf(version: string | undefined): PrefectMajor | undefined {
  if (version === undefined) return undefined;
  const parsed = parseVersion(version);
  if (!parsed || (parsed[0] !== 2 && parsed[0] !== 3)) {
    throw new InputError(`--prefect-version must be a 2.x or 3.x version such as 3 or 2.20, got "${version}"`);
  }
  return parsed[0] as PrefectMajor;
}
