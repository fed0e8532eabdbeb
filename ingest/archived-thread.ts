// Parser for archived Slack threads as copied out of a web archive: every message is an author line followed by
// a "MM/DD/YYYY, H:MM AM" line whose time is glued to the message text, and each message's last line is glued to
// the next author's name. Consecutive entries by one author are one turn (continuations, edits, "thinking" stubs).
import type { ThreadMessage } from "../core/index.js";

export const DEFAULT_BOT_NAMES = ["Marvin", "Orca"];

export interface ArchivedThreadOptions {
  /** Authors whose messages are the bot's; compared case-insensitively. */
  botNames?: string[];
}

const DATE_LINE = /^(\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2}(?::\d{2})? ?[AP]M)(.*)$/;
/** Fallback when a glued author is not otherwise known: one to four capitalised words after sentence punctuation. */
const GLUED_NAME = /(?:^|[.!?:;)\]`'"”’>*_~\s])((?:[A-Z][\p{L}\d'’.-]*)(?: [A-Z][\p{L}\d'’.-]*){0,3})$/u;

interface RawEntry {
  author: string;
  ts: string;
  lines: string[];
}

export function parseArchivedThread(text: string, options: ArchivedThreadOptions = {}): ThreadMessage[] {
  const bots = new Set((options.botNames ?? DEFAULT_BOT_NAMES).map((n) => n.toLowerCase()));
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const known = knownAuthors(lines, bots);
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1];
    const header = next === undefined ? null : DATE_LINE.exec(next);
    if (header) {
      // This line ends with the author of the message whose date is on the next line.
      const split = splitAuthor(line, current === null, known);
      if (split) {
        if (current && split.before !== "") current.lines.push(split.before);
        current = { author: split.author, ts: header[1] ?? "", lines: [] };
        entries.push(current);
        const rest = header[2] ?? "";
        lines[i + 1] = rest;
        // The date line's remainder is message text, unless it is itself the next author (an empty message).
        continue;
      }
    }
    if (current) current.lines.push(line);
    else if (line.trim() !== "") {
      current = { author: "unknown", ts: "", lines: [line] };
      entries.push(current);
    }
  }
  return mergeTurns(entries, bots);
}

function knownAuthors(lines: string[], bots: Set<string>): string[] {
  const names = new Set<string>();
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!DATE_LINE.test(lines[i + 1] ?? "")) continue;
    const line = lines[i] ?? "";
    const afterDate = DATE_LINE.exec(line);
    // A date line followed by another date line holds an empty message and, after the time, just a name.
    const candidate = (afterDate ? (afterDate[2] ?? "") : i === 0 ? line : "").trim();
    if (looksLikeName(candidate)) names.add(candidate);
  }
  const all = [...names, ...[...bots].map((b) => b)];
  // Longest first so "Alex Robson" wins over a shorter name that is its suffix.
  return all.sort((a, b) => b.length - a.length);
}

function looksLikeName(text: string): boolean {
  if (text === "" || text.length > 40 || /[?!.:;,()[\]{}`"<>=@#/\\]/.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w));
}

function splitAuthor(line: string, isFirst: boolean, known: string[]): { before: string; author: string } | null {
  const trimmed = line.trimEnd();
  if (isFirst && trimmed.length > 0 && trimmed.length <= 60) return { before: "", author: trimmed.trim() };
  const lower = trimmed.toLowerCase();
  for (const name of known) {
    if (lower.endsWith(name.toLowerCase())) {
      return { before: trimmed.slice(0, trimmed.length - name.length), author: trimmed.slice(-name.length) };
    }
  }
  const m = GLUED_NAME.exec(trimmed);
  if (!m?.[1]) return null;
  return { before: trimmed.slice(0, trimmed.length - m[1].length), author: m[1] };
}

function mergeTurns(entries: RawEntry[], bots: Set<string>): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const entry of entries) {
    const text = entry.lines.join("\n").trim();
    const isBot = bots.has(entry.author.toLowerCase());
    const last = messages[messages.length - 1];
    if (last && last.author === entry.author) {
      last.text = [last.text, text].filter((t) => t !== "").join("\n");
      continue;
    }
    messages.push({ author: entry.author, text, isBot, ts: entry.ts });
  }
  return messages;
}
