// Turns ingest inputs (folders, files, URLs, sitemaps, Slack exports) into SourceDocuments, grouped by origin.
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { DocKind, ThreadMessage } from "../core/index.js";
import { contentHash } from "../core/index.js";
import { parseArchivedThread } from "./archived-thread.js";
import { type CrawlCache, crawlSite } from "./crawler.js";
import { detectVersionTag } from "./doc-url.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import {
  listFiles,
  MARKDOWN_EXTENSIONS,
  markdownDocument,
  readMarkdownFile,
  readMarkdownFolder,
} from "./markdown-reader.js";
import { readTextFile } from "./read-text-file.js";
import { isSlackExportFolder, readSlackExport } from "./slack-export.js";
import type { ReadResult, SourceDocument } from "./types.js";

export interface ReadSourcesOptions {
  /** "docs" or "conversation"; the CLI's "conversations" is accepted too. Default: guessed per input. */
  kind?: DocKind | "conversations";
  versionTag?: string;
  baseUrl?: string;
  botNames?: string[];
  crawl?: {
    cache?: CrawlCache;
    maxPages?: number;
    concurrency?: number;
    fetch?: typeof fetch;
    /** Hosts on private addresses the crawler may fetch (see CrawlOptions). */
    allowPrivateHosts?: string[];
  };
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}

export interface SourceBatch extends ReadResult {
  /** The input as given, normalised (absolute path or URL); documents vanish per origin. */
  origin: string;
  /** False when the input itself could not be read; its existing documents are then kept, not removed. */
  complete: boolean;
}

export async function readSource(input: string, options: ReadSourcesOptions = {}): Promise<SourceBatch> {
  const kind: DocKind | undefined =
    options.kind === "conversations" ? "conversation" : (options.kind as DocKind | undefined);
  if (/^https?:\/\//i.test(input)) return readUrl(input, kind, options);
  const origin = path.resolve(input);
  const batch: SourceBatch = { origin, complete: true, documents: [], skipped: [], warnings: [] };
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(origin);
  } catch (error) {
    batch.complete = false;
    batch.skipped.push({ path: input, reason: `not found or unreadable (${(error as NodeJS.ErrnoException).code})` });
    return batch;
  }
  if (info.isDirectory()) {
    const conversationsFolder = kind === undefined && existsSync(path.join(origin, "manifest.json"));
    if (kind === "conversation" || conversationsFolder || (kind === undefined && (await isSlackExportFolder(origin)))) {
      if (await isSlackExportFolder(origin)) return merge(batch, await slackDocuments(origin, options));
      return merge(batch, await conversationFolder(origin, options));
    }
    return merge(batch, await readMarkdownFolder(origin, { ...options, kind: kind ?? "docs" }));
  }
  const ext = path.extname(origin).toLowerCase();
  if (ext === ".zip") return merge(batch, await slackDocuments(origin, options));
  if (MARKDOWN_EXTENSIONS.includes(ext)) {
    const doc = await readMarkdownFile(origin, path.dirname(origin), { ...options, kind: kind ?? "docs" }, batch);
    if (doc) batch.documents.push(doc);
    return batch;
  }
  if (ext === ".txt") {
    const doc = await archivedThreadFile(origin, path.dirname(origin), {}, options, batch);
    if (doc) batch.documents.push(doc);
    return batch;
  }
  if (ext === ".html" || ext === ".htm") return merge(batch, await htmlFile(origin, kind, options));
  batch.complete = false;
  batch.skipped.push({ path: input, reason: `unsupported input type "${ext || "no extension"}"` });
  return batch;
}

function merge(batch: SourceBatch, read: ReadResult): SourceBatch {
  batch.documents.push(...read.documents);
  batch.skipped.push(...read.skipped);
  batch.warnings.push(...read.warnings);
  return batch;
}

async function readUrl(input: string, kind: DocKind | undefined, options: ReadSourcesOptions): Promise<SourceBatch> {
  const origin = new URL(input).href;
  const crawl = await crawlSite(origin, {
    ...options.crawl,
    signal: options.signal,
    onPage: (url, done) => options.onProgress?.(`fetched ${done}: ${url}`),
  });
  const documents = crawl.pages.map((page): SourceDocument => {
    const k = kind ?? "docs";
    const versionTag = options.versionTag ?? detectVersionTag(new URL(page.url).pathname);
    return {
      sourceId: page.url,
      origin,
      kind: k,
      versionTag,
      url: page.url,
      title: page.title,
      markdown: page.markdown,
      contentHash: contentHash(k, versionTag, page.url, page.title, page.markdown),
    };
  });
  // A crawl that reached nothing keeps what the index already has from this site.
  return { origin, complete: crawl.pages.length > 0, documents, skipped: crawl.skipped, warnings: [] };
}

async function htmlFile(file: string, kind: DocKind | undefined, options: ReadSourcesOptions): Promise<ReadResult> {
  const result: ReadResult = { documents: [], skipped: [], warnings: [] };
  const read = await readTextFile(file);
  if (!read.ok) {
    result.skipped.push({ path: file, reason: read.reason });
    return result;
  }
  const page = htmlToMarkdown(read.text, `file://${file}`);
  if (!page.markdown) {
    result.skipped.push({ path: file, reason: "no main content found" });
    return result;
  }
  const { doc } = markdownDocument(`# ${page.title}\n\n${page.markdown}`, {
    relativePath: path.basename(file),
    absolutePath: file,
    origin: file,
    kind,
    versionTag: options.versionTag,
    baseUrl: options.baseUrl,
  });
  result.documents.push({ ...doc, title: page.title });
  return result;
}

interface ManifestEntry {
  file: string;
  title?: string;
  versionTag?: string | number | null;
  url?: string;
}

async function conversationFolder(root: string, options: ReadSourcesOptions): Promise<ReadResult> {
  const result: ReadResult = { documents: [], skipped: [], warnings: [] };
  const manifest = new Map<string, ManifestEntry>();
  try {
    const parsed = JSON.parse(await readFile(path.join(root, "manifest.json"), "utf8")) as unknown;
    if (Array.isArray(parsed)) {
      for (const e of parsed as ManifestEntry[]) if (typeof e?.file === "string") manifest.set(e.file, e);
    } else {
      result.warnings.push(`${root}/manifest.json: not a list, ignored`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      result.warnings.push(`${root}/manifest.json: unreadable, ignored`);
  }
  const files = await listFiles(root, (n) => n.endsWith(".txt"), result);
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    const doc = await archivedThreadFile(file, root, manifest.get(rel) ?? {}, options, result);
    if (doc) result.documents.push(doc);
  }
  return result;
}

async function archivedThreadFile(
  file: string,
  root: string,
  meta: Partial<ManifestEntry>,
  options: ReadSourcesOptions,
  into: ReadResult,
): Promise<SourceDocument | null> {
  const read = await readTextFile(file);
  if (!read.ok) {
    into.skipped.push({ path: file, reason: read.reason });
    return null;
  }
  const messages = parseArchivedThread(read.text, { botNames: options.botNames });
  if (messages.every((m) => m.text.trim() === "")) {
    into.skipped.push({ path: file, reason: "no messages found (not an archived thread?)" });
    return null;
  }
  const rel = path.relative(root, file).split(path.sep).join("/") || path.basename(file);
  const versionTag =
    options.versionTag ??
    (meta.versionTag !== undefined && meta.versionTag !== null ? String(meta.versionTag) : detectVersionTag(file));
  return conversationDocument({
    sourceId: rel,
    origin: root,
    title: meta.title ?? firstQuestion(messages) ?? rel,
    url: meta.url ?? `conversation:${rel}`,
    messages,
    versionTag,
  });
}

async function slackDocuments(source: string, options: ReadSourcesOptions): Promise<ReadResult> {
  const exported = await readSlackExport(source);
  const documents = exported.threads.map((t) =>
    conversationDocument({
      sourceId: t.id,
      origin: source,
      title: t.title,
      url: `slack-export:#${t.id}`,
      messages: t.messages,
      versionTag: options.versionTag ?? null,
    }),
  );
  return { documents, skipped: exported.skipped, warnings: exported.warnings };
}

export interface ConversationInput {
  sourceId: string;
  origin: string;
  title: string;
  url: string;
  messages: ThreadMessage[];
  versionTag: string | null;
}

export function conversationDocument(input: ConversationInput): SourceDocument {
  const body = input.messages.map((m) => `${m.author}|${m.isBot ? 1 : 0}|${m.text}`).join("\n\u0002\n");
  return {
    ...input,
    kind: "conversation",
    contentHash: contentHash("conversation", input.versionTag, input.url, input.title, body),
  };
}

function firstQuestion(messages: ThreadMessage[]): string | undefined {
  const line = messages.find((m) => !m.isBot && m.text.trim())?.text.split("\n")[0];
  return line ? (line.length > 80 ? `${line.slice(0, 77)}…` : line) : undefined;
}
