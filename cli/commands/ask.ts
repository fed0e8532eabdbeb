import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { z } from "zod";
import { createOrca } from "../../bot/index.js";
import { type Answer, createLogger, InputError, loadConfig, type ThreadMessage } from "../../core/index.js";
import { parseArchivedThread } from "../../ingest/index.js";
import { type CliContext, readAll } from "../context.js";

interface AskOptions {
  thread?: string;
  prefectVersion?: string;
  json?: boolean;
}

const jsonThread = z.array(
  z.object({
    author: z.string().default("someone"),
    text: z.string(),
    isBot: z.boolean().optional(),
    is_bot: z.boolean().optional(),
    ts: z.string().optional(),
  }),
);

/** A thread file: a JSON array of {author, text} or an archived thread in the seeds' text format. */
export async function readThreadFile(file: string): Promise<ThreadMessage[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new InputError(`cannot read the thread file ${file}`, "not_found");
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new InputError(`the thread file ${file} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = jsonThread.safeParse(data);
    if (!parsed.success)
      throw new InputError(
        `the thread file ${file} must be a JSON array of {author, text}: ${parsed.error.issues[0]?.message}`,
      );
    return parsed.data.map((m) => ({ author: m.author, text: m.text, isBot: m.isBot ?? m.is_bot ?? false, ts: m.ts }));
  }
  return parseArchivedThread(text);
}

function formatText(answer: Answer): string {
  const out = [answer.markdown.trim()];
  const unlisted = answer.sources.filter((s) => !answer.markdown.includes(s.url));
  if (unlisted.length > 0)
    out.push(["Sources:", ...unlisted.map((s, i) => `${i + 1}. ${s.title}: ${s.url}`)].join("\n"));
  return `${out.join("\n\n")}\n`;
}

function toJson(answer: Answer): string {
  return `${JSON.stringify(
    {
      answer: answer.markdown,
      sources: answer.sources,
      diagnoses: answer.diagnoses,
      corrected_code: answer.correctedCode,
      version: answer.version,
      mode: answer.mode,
      basis: answer.basis ?? null,
      unit: answer.unit ?? null,
      timings: answer.timings,
      notes: answer.notes,
    },
    null,
    2,
  )}\n`;
}

/** `orca ask`: one answer on the terminal, through the same engine as the Slack app. */
export function askCommand(ctx: CliContext): Command {
  return new Command("ask")
    .description("answer a Prefect question (optionally about a thread) with version-checked code")
    .argument("[question]", 'the question; "-" reads it from stdin')
    .option("--thread <file>", "earlier messages: a JSON array of {author, text} or an archived thread text file")
    .option("--prefect-version <version>", "the asker's Prefect version (wins over detection)")
    .option(
      "--json",
      "machine-readable output: {answer, sources, diagnoses, corrected_code, version, mode, basis, unit, timings}",
    )
    .action(async (question: string | undefined, options: AskOptions) => {
      const config = loadConfig(ctx.env);
      const logger = createLogger({
        level: config.logLevel === "info" ? "warn" : config.logLevel,
        secrets: config.secrets,
        destination: ctx.stderr,
      });
      const text = question === "-" ? await readAll(ctx.stdin) : (question ?? "");
      const messages = options.thread ? await readThreadFile(options.thread) : [];
      if (text.trim() === "" && messages.length === 0 && question === undefined)
        throw new InputError('ask needs a question: orca ask "how do I wait for submitted tasks?"');
      const orca = await createOrca({ config, logger });
      try {
        const answer = await orca.engine.answer({
          messages,
          question: text,
          prefectVersion: options.prefectVersion ?? null,
        });
        ctx.stdout.write(options.json ? toJson(answer) : formatText(answer));
      } finally {
        await orca.close();
      }
    });
}
