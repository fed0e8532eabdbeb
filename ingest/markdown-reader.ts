// Reads Markdown and MDX files (one file or a whole folder) into SourceDocuments.
import { readdir } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";
import type { DocKind } from "../core/index.js";
import { contentHash, splitFrontMatter } from "../core/index.js";
import { detectVersionTag, docUrl, versionTagFromList } from "./doc-url.js";
import { mdxToMarkdown } from "./mdx.js";
import { readTextFile } from "./read-text-file.js";
import type { ReadResult, SourceDocument } from "./types.js";

export const MARKDOWN_EXTENSIONS = [".md", ".mdx", ".markdown"];

export interface MarkdownReadOptions {
  /** Public site the folder is published at; see docUrl for the two accepted forms. */
  baseUrl?: string;
  /** Forces the version tag; otherwise front matter `versions`, then the path (v2/, v3/). */
  versionTag?: string;
  kind?: DocKind;
  maxBytes?: number;
}

export async function readMarkdownFolder(root: string, options: MarkdownReadOptions = {}): Promise<ReadResult> {
  const result: ReadResult = { documents: [], skipped: [], warnings: [] };
  const files = await listFiles(root, (name) => MARKDOWN_EXTENSIONS.includes(path.extname(name).toLowerCase()), result);
  const docs = await pMap(files, (file) => readMarkdownFile(file, root, options, result), { concurrency: 16 });
  for (const doc of docs) if (doc) result.documents.push(doc);
  return result;
}

/** Reads one file; a file that cannot be used is recorded in `into.skipped` and yields null. */
export async function readMarkdownFile(
  file: string,
  root: string,
  options: MarkdownReadOptions,
  into: ReadResult,
): Promise<SourceDocument | null> {
  const read = await readTextFile(file, options.maxBytes);
  if (!read.ok) {
    into.skipped.push({ path: file, reason: read.reason });
    return null;
  }
  const relativePath = path.relative(root, file) || path.basename(file);
  const { doc, warning } = markdownDocument(read.text, { relativePath, absolutePath: file, origin: root, ...options });
  if (warning) into.warnings.push(`${file}: ${warning}`);
  return doc;
}

export interface MarkdownDocumentInput extends MarkdownReadOptions {
  relativePath: string;
  absolutePath: string;
  origin: string;
}

export function markdownDocument(
  text: string,
  input: MarkdownDocumentInput,
): { doc: SourceDocument; warning?: string } {
  const fm = splitFrontMatter(text);
  const markdown = mdxToMarkdown(fm.body);
  const kind = input.kind ?? "docs";
  const title =
    stringField(fm.data.title) ?? /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? titleFromPath(input.relativePath);
  const url = httpUrl(fm.data.url) ?? docUrl(input.relativePath, input.baseUrl, input.absolutePath);
  const fmVersion = versionTagFromList(fm.data.versions ?? fm.data.version);
  const versionTag = input.versionTag ?? (fmVersion !== undefined ? fmVersion : detectVersionTag(input.absolutePath));
  const doc: SourceDocument = {
    sourceId: input.relativePath.split(path.sep).join("/"),
    origin: input.origin,
    kind,
    versionTag,
    url,
    title,
    markdown,
    contentHash: contentHash(kind, versionTag, url, title, markdown),
  };
  return { doc, warning: fm.error ? `front matter ignored (${fm.error})` : undefined };
}

/** Every file under root accepted by the filter, sorted; hidden folders and node_modules are not entered. */
export async function listFiles(root: string, accept: (name: string) => boolean, into: ReadResult): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      into.skipped.push({ path: dir, reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? error})` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (accept(entry.name)) found.push(full);
    }
  };
  await walk(root);
  return found.sort();
}

function stringField(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function httpUrl(value: unknown): string | undefined {
  const s = stringField(value);
  return s && /^https?:\/\//.test(s) ? s : undefined;
}

function titleFromPath(relativePath: string): string {
  const base = path.basename(relativePath).replace(/\.[^.]+$/, "");
  const name = base === "index" ? path.basename(path.dirname(relativePath)) || base : base;
  return name.replace(/[-_]+/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}
