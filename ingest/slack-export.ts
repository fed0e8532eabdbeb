// Reads a Slack workspace export (the folder or the .zip Slack produces: one folder per channel, one JSON file per
// day) into threads. User ids become stable pseudonyms before anything leaves this module; names are never kept.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pseudonym, Redactor, scrubPersonalData, type ThreadMessage } from "../core/index.js";
import { formatBytes } from "./read-text-file.js";
import type { SkippedInput } from "./types.js";
import { MAX_INPUT_BYTES } from "./types.js";
import { readZip } from "./zip-files.js";

export interface SlackThread {
  /** "<channel>/<thread ts>". */
  id: string;
  channel: string;
  title: string;
  messages: ThreadMessage[];
}

export interface SlackExport {
  threads: SlackThread[];
  skipped: SkippedInput[];
  /** One line per message or file field that was missing or malformed (the message is skipped, not the file). */
  warnings: string[];
}

interface RawMessage {
  type?: unknown;
  subtype?: unknown;
  user?: unknown;
  bot_id?: unknown;
  username?: unknown;
  bot_profile?: { name?: unknown };
  text?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
}

const DAY_FILE = /^(?:.*\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;
/** Message subtypes that are not conversation (joins, topic changes...). */
const IGNORED_SUBTYPES = new Set(["channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name"]);

export { pseudonym };

export async function readSlackExport(pathOrZip: string): Promise<SlackExport> {
  const files = pathOrZip.toLowerCase().endsWith(".zip") ? await zipFiles(pathOrZip) : await folderFiles(pathOrZip);
  const result: SlackExport = { threads: [], skipped: files.skipped, warnings: [] };
  const botUsers = new Set<string>();
  const usersFile = [...files.entries.keys()].find((p) => /(?:^|\/)users\.json$/.test(p));
  if (usersFile) {
    const users = parseJson(files.entries.get(usersFile));
    if (Array.isArray(users)) {
      for (const u of users as Array<{ id?: unknown; is_bot?: unknown }>) {
        if (typeof u.id === "string" && u.is_bot === true) botUsers.add(u.id);
      }
    }
  }
  const isPublic = publicChannelRule(files.entries);
  const refused = new Set<string>();
  const threads = new Map<string, { channel: string; ts: string; messages: Array<ThreadMessage & { ts: string }> }>();
  for (const [file, bytes] of [...files.entries].sort(([a], [b]) => a.localeCompare(b))) {
    const m = DAY_FILE.exec(file);
    if (!m) continue;
    const channel = m[1] ?? "channel";
    if (!isPublic(channel)) {
      // DMs, group DMs and private channels never enter the shared index, whatever the export contains.
      if (!refused.has(channel))
        result.skipped.push({ path: `${pathOrZip}:${channel}/`, reason: "not a public channel; never indexed" });
      refused.add(channel);
      continue;
    }
    const day = parseJson(bytes);
    if (!Array.isArray(day)) {
      result.skipped.push({ path: `${pathOrZip}:${file}`, reason: "not a JSON array of messages" });
      continue;
    }
    day.forEach((raw: RawMessage, i) => {
      const where = `${file}#${i}`;
      const message = toMessage(raw, botUsers, (w) => result.warnings.push(`${where}: ${w}`));
      if (!message) return;
      const root = typeof raw.thread_ts === "string" ? raw.thread_ts : message.ts;
      const key = `${channel}/${root}`;
      let thread = threads.get(key);
      if (!thread) {
        thread = { channel, ts: root, messages: [] };
        threads.set(key, thread);
      }
      thread.messages.push(message);
    });
  }
  for (const [id, t] of threads) {
    t.messages.sort((a, b) => Number(a.ts) - Number(b.ts));
    const first = t.messages[0]?.text.split("\n")[0] ?? "";
    result.threads.push({
      id,
      channel: t.channel,
      title: first.length > 80 ? `${first.slice(0, 77)}…` : first || `#${t.channel} thread`,
      messages: t.messages,
    });
  }
  return result;
}

/**
 * Which export folders are public channels. A full export lists them in channels.json (private channels in
 * groups.json, DMs in dms.json, group DMs in mpims.json); without a channel list, folders named like a DM (D…) or a
 * group DM (mpdm-…) and any listed as private are refused, the rest taken as channels.
 */
function publicChannelRule(entries: Map<string, Buffer>): (folder: string) => boolean {
  const listed = (name: string): Array<{ id?: unknown; name?: unknown }> | null => {
    const key = [...entries.keys()].find((p) => new RegExp(`(?:^|/)${name}\\.json$`).test(p));
    const value = key ? parseJson(entries.get(key)) : undefined;
    return Array.isArray(value) ? value : key ? [] : null;
  };
  const names = (items: Array<{ id?: unknown; name?: unknown }> | null) =>
    (items ?? []).flatMap((c) => [c.id, c.name].filter((v): v is string => typeof v === "string"));
  const channels = listed("channels");
  // An empty channels.json says nothing about the folders (hand-made exports): then only the other rules apply.
  const publicNames = channels && channels.length > 0 ? new Set(names(channels)) : null;
  const privateNames = new Set([...names(listed("groups")), ...names(listed("dms")), ...names(listed("mpims"))]);
  return (folder) => {
    if (privateNames.has(folder) || /^D[A-Z0-9]{6,}$/.test(folder) || folder.startsWith("mpdm-")) return false;
    return publicNames ? publicNames.has(folder) : true;
  };
}

function toMessage(
  raw: RawMessage,
  botUsers: Set<string>,
  warn: (w: string) => void,
): (ThreadMessage & { ts: string }) | null {
  if (!raw || typeof raw !== "object") {
    warn("not a message object, skipped");
    return null;
  }
  if (typeof raw.subtype === "string" && IGNORED_SUBTYPES.has(raw.subtype)) return null;
  if (typeof raw.ts !== "string" || !/^\d+(\.\d+)?$/.test(raw.ts)) {
    warn("missing ts, message skipped");
    return null;
  }
  if (typeof raw.text !== "string") {
    warn("missing text, message skipped");
    return null;
  }
  const isBot =
    typeof raw.bot_id === "string" ||
    raw.subtype === "bot_message" ||
    (typeof raw.user === "string" && botUsers.has(raw.user));
  let author: string;
  if (isBot) {
    const name = raw.bot_profile?.name ?? raw.username;
    author = typeof name === "string" && name.trim() ? name.trim() : "bot";
  } else if (typeof raw.user === "string" && raw.user) {
    author = pseudonym(raw.user);
  } else {
    warn("missing user, message skipped");
    return null;
  }
  return { author, isBot, ts: raw.ts, text: scrubMentions(raw.text) };
}

/** Token and key shapes only: an export carries no configured secrets of this deployment. */
const PATTERN_REDACTOR = new Redactor([]);

/**
 * `<@U123>` and `<@U123|name>` become the pseudonym, so neither ids nor names survive in stored text; secrets,
 * e-mail addresses and phone numbers are removed the same way as for live threads.
 */
function scrubMentions(text: string): string {
  return scrubPersonalData(
    text.replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => `@${pseudonym(id)}`),
    PATTERN_REDACTOR,
  );
}

function parseJson(bytes: Buffer | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}

async function zipFiles(file: string): Promise<{ entries: Map<string, Buffer>; skipped: SkippedInput[] }> {
  const zip = await readZip(file);
  return { entries: zip.files, skipped: zip.skipped };
}

async function folderFiles(root: string): Promise<{ entries: Map<string, Buffer>; skipped: SkippedInput[] }> {
  const entries = new Map<string, Buffer>();
  const skipped: SkippedInput[] = [];
  const top = await readdir(root, { withFileTypes: true });
  for (const entry of top) {
    const full = path.join(root, entry.name);
    if (entry.isFile() && entry.name.endsWith(".json")) await addFile(full, entry.name, entries, skipped);
    if (!entry.isDirectory()) continue;
    for (const name of await readdir(full)) {
      if (name.endsWith(".json")) await addFile(path.join(full, name), `${entry.name}/${name}`, entries, skipped);
    }
  }
  return { entries, skipped };
}

async function addFile(full: string, key: string, into: Map<string, Buffer>, skipped: SkippedInput[]): Promise<void> {
  try {
    const info = await stat(full);
    if (info.size > MAX_INPUT_BYTES) {
      skipped.push({
        path: full,
        reason: `too large (${formatBytes(info.size)}, limit ${formatBytes(MAX_INPUT_BYTES)})`,
      });
      return;
    }
    into.set(key, await readFile(full));
  } catch (error) {
    skipped.push({ path: full, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? error})` });
  }
}

/** True when the folder looks like a Slack export (users.json/channels.json, or channel folders of day files). */
export async function isSlackExportFolder(dir: string): Promise<boolean> {
  try {
    const names = await readdir(dir, { withFileTypes: true });
    if (names.some((n) => n.isFile() && (n.name === "channels.json" || n.name === "users.json"))) return true;
    for (const n of names) {
      if (!n.isDirectory()) continue;
      const inner = await readdir(path.join(dir, n.name));
      if (inner.some((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))) return true;
    }
  } catch {
    return false;
  }
  return false;
}
