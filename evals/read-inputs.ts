// Sorts what `orca eval` is given into case files and transcripts (archived thread text, Slack exports).
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError, type ThreadMessage } from "../core/index.js";
import { parseArchivedThread, readSlackExport } from "../ingest/index.js";
import { parseCaseFile } from "./load-cases.js";
import { transcriptCases } from "./transcript-cases.js";
import type { EvalCase, TranscriptCase } from "./types.js";

export interface Transcript {
  /** File name, plus the thread id for Slack exports ("export.zip#general/1699999999.000100"). */
  name: string;
  messages: ThreadMessage[];
}

export interface EvalInputs {
  cases: EvalCase[];
  transcripts: Transcript[];
  /** Inputs or parts of them that were not read, with the reason. */
  skipped: string[];
}

const TRANSCRIPT_EXTENSIONS = new Set([".txt"]);
const CASE_EXTENSIONS = new Set([".json", ".jsonl"]);

export async function readEvalInputs(paths: string[]): Promise<EvalInputs> {
  const out: EvalInputs = { cases: [], transcripts: [], skipped: [] };
  for (const p of paths) await readInput(p, out);
  const seen = new Map<string, string>();
  for (const c of out.cases) {
    const where = c.origin ? `${c.origin.file}:${c.origin.line}` : c.id;
    const first = seen.get(c.id);
    if (first) throw new InputError(`${where}: duplicate case id "${c.id}" (first at ${first})`);
    seen.set(c.id, where);
  }
  return out;
}

async function readInput(p: string, out: EvalInputs): Promise<void> {
  const info = await stat(p).catch(() => {
    throw new InputError(`${p}: no such file or folder`, "not_found");
  });
  if (isSlackExport(p, info.isDirectory())) return readExport(p, out);
  if (info.isDirectory()) {
    const entries = await readdir(p, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(p, entry.name);
      const ext = path.extname(entry.name).toLowerCase();
      if (entry.isDirectory() || CASE_EXTENSIONS.has(ext) || TRANSCRIPT_EXTENSIONS.has(ext)) await readInput(full, out);
    }
    return;
  }
  const ext = path.extname(p).toLowerCase();
  const name = displayPath(p);
  if (TRANSCRIPT_EXTENSIONS.has(ext)) {
    out.transcripts.push({ name, messages: parseArchivedThread(await readFile(p, "utf8")) });
    return;
  }
  if (CASE_EXTENSIONS.has(ext)) {
    out.cases.push(...parseCaseFile(await readFile(p, "utf8"), name));
    return;
  }
  throw new InputError(
    `${name}: not a case file (.json, .jsonl), a transcript (.txt) or a Slack export (.zip, folder)`,
  );
}

/** A Slack export is a .zip, or a folder with Slack's users.json / channels.json at its root. */
function isSlackExport(p: string, isDirectory: boolean): boolean {
  if (!isDirectory) return p.toLowerCase().endsWith(".zip");
  return existsSync(path.join(p, "channels.json")) || existsSync(path.join(p, "users.json"));
}

async function readExport(p: string, out: EvalInputs): Promise<void> {
  const exported = await readSlackExport(p);
  const name = displayPath(p);
  for (const thread of exported.threads)
    out.transcripts.push({ name: `${name}#${thread.id}`, messages: thread.messages });
  for (const s of exported.skipped) out.skipped.push(`${s.path}: ${s.reason}`);
}

/** Every case in the given files and folders: case files, plus the answered questions of transcripts. */
export async function loadCases(paths: string[]): Promise<EvalCase[]> {
  const inputs = await readEvalInputs(paths);
  return [...inputs.cases, ...casesFromTranscripts(inputs.transcripts)];
}

/** Every transcript's answered questions as replayable cases. */
export function casesFromTranscripts(transcripts: Transcript[]): TranscriptCase[] {
  return transcripts.flatMap((t) => transcriptCases(t.messages, { idPrefix: t.name, file: t.name }));
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
