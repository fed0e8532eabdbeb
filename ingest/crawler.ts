// Crawls an HTML docs site from a start URL or a sitemap.xml: same origin and path prefix only, robots.txt
// honoured, bounded concurrency, a page limit, and conditional re-fetch (ETag / Last-Modified) against a cache.
import * as cheerio from "cheerio";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { formatBytes } from "./read-text-file.js";
import { parseRobots, type RobotsRules } from "./robots.js";
import { MAX_INPUT_BYTES, type SkippedInput } from "./types.js";

export interface CrawlCacheEntry {
  etag?: string;
  lastModified?: string;
  title: string;
  markdown: string;
  links: string[];
}

export interface CrawlCache {
  get(url: string): CrawlCacheEntry | undefined;
  set(url: string, entry: CrawlCacheEntry): void;
}

export interface CrawlOptions {
  maxPages?: number;
  concurrency?: number;
  userAgent?: string;
  cache?: CrawlCache;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  onPage?: (url: string, done: number) => void;
}

export interface CrawledPage {
  url: string;
  title: string;
  markdown: string;
  /** True when the server answered 304 and the cached copy was used. */
  notModified: boolean;
}

export interface CrawlResult {
  pages: CrawledPage[];
  skipped: SkippedInput[];
}

const DEFAULT_USER_AGENT = "OrcaDocsIngest/0.1";

export function isSitemapUrl(url: string): boolean {
  return /\.xml(?:$|\?)/i.test(new URL(url).pathname);
}

export async function crawlSite(start: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const o = {
    maxPages: options.maxPages ?? 500,
    concurrency: Math.max(1, options.concurrency ?? 4),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? MAX_INPUT_BYTES,
  };
  const startUrl = new URL(start);
  const result: CrawlResult = { pages: [], skipped: [] };
  const prefix = startUrl.pathname.replace(/[^/]*$/, "");
  const robots = await loadRobots(startUrl, o);
  const inScope = (u: URL) => u.origin === startUrl.origin && u.pathname.startsWith(prefix);

  const queue: string[] = [];
  const seen = new Set<string>();
  const enqueue = (href: string, fromSitemap: boolean) => {
    let u: URL;
    try {
      u = new URL(href);
    } catch {
      if (fromSitemap) result.skipped.push({ path: href, reason: "not a URL" });
      return;
    }
    u.hash = "";
    u.search = "";
    const key = u.href;
    if (seen.has(key)) return;
    if (!/^https?:$/.test(u.protocol)) return;
    if (u.origin !== startUrl.origin) {
      // Links found on pages are simply not followed; a sitemap listing another site is worth a line.
      if (fromSitemap) result.skipped.push({ path: key, reason: "off-site link refused" });
      return;
    }
    if (!inScope(u)) {
      if (fromSitemap) result.skipped.push({ path: key, reason: `outside the path prefix ${prefix}` });
      return;
    }
    seen.add(key);
    if (!robots.allows(u.pathname)) {
      result.skipped.push({ path: key, reason: "disallowed by robots.txt" });
      return;
    }
    queue.push(key);
  };

  const sitemap = isSitemapUrl(start);
  if (sitemap) for (const loc of await sitemapLocations(startUrl, o, result)) enqueue(loc, true);
  else enqueue(startUrl.href, false);

  let fetched = 0;
  const worker = async () => {
    while (queue.length > 0 && fetched < o.maxPages) {
      if (options.signal?.aborted) return;
      const url = queue.shift() as string;
      fetched++;
      const page = await fetchPage(url, o, options.cache, result);
      if (!page) continue;
      result.pages.push(page.page);
      options.onPage?.(url, result.pages.length);
      if (!sitemap) for (const link of page.links) enqueue(link, false);
    }
  };
  // Workers start as the queue fills, so a single start URL still fans out.
  while (queue.length > 0 && fetched < o.maxPages && !options.signal?.aborted) {
    await Promise.all(Array.from({ length: Math.min(o.concurrency, queue.length) }, worker));
  }
  if (queue.length > 0)
    result.skipped.push({ path: start, reason: `page limit ${o.maxPages} reached, ${queue.length} pages left` });
  return result;
}

interface Fetcher {
  fetch: typeof fetch;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
}

async function loadRobots(start: URL, o: Fetcher): Promise<RobotsRules> {
  try {
    const res = await o.fetch(new URL("/robots.txt", start.origin), {
      headers: { "user-agent": o.userAgent },
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    if (!res.ok) return parseRobots("", o.userAgent);
    return parseRobots(await res.text(), o.userAgent);
  } catch {
    return parseRobots("", o.userAgent);
  }
}

async function sitemapLocations(url: URL, o: Fetcher, result: CrawlResult, depth = 0): Promise<string[]> {
  let xml: string;
  try {
    const res = await o.fetch(url, {
      headers: { "user-agent": o.userAgent },
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    if (!res.ok) {
      result.skipped.push({ path: url.href, reason: `sitemap HTTP ${res.status}` });
      return [];
    }
    xml = await res.text();
  } catch (error) {
    result.skipped.push({ path: url.href, reason: `sitemap unreachable (${(error as Error).message})` });
    return [];
  }
  const $ = cheerio.load(xml, { xml: true });
  const locs = $("url > loc")
    .toArray()
    .map((el) => $(el).text().trim());
  const nested = $("sitemap > loc")
    .toArray()
    .map((el) => $(el).text().trim());
  for (const n of nested) {
    if (depth > 1) break;
    try {
      const u = new URL(n);
      if (u.origin !== url.origin) result.skipped.push({ path: n, reason: "off-site link refused" });
      else locs.push(...(await sitemapLocations(u, o, result, depth + 1)));
    } catch {
      result.skipped.push({ path: n, reason: "not a URL" });
    }
  }
  return locs;
}

async function fetchPage(
  url: string,
  o: Fetcher,
  cache: CrawlCache | undefined,
  result: CrawlResult,
): Promise<{ page: CrawledPage; links: string[] } | null> {
  const cached = cache?.get(url);
  const headers: Record<string, string> = { "user-agent": o.userAgent, accept: "text/html,application/xhtml+xml" };
  if (cached?.etag) headers["if-none-match"] = cached.etag;
  if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
  try {
    const res = await o.fetch(url, { headers, signal: AbortSignal.timeout(o.timeoutMs), redirect: "follow" });
    if (res.status === 304 && cached) {
      return { page: { url, title: cached.title, markdown: cached.markdown, notModified: true }, links: cached.links };
    }
    if (!res.ok) {
      result.skipped.push({ path: url, reason: `HTTP ${res.status}` });
      return null;
    }
    const type = res.headers.get("content-type") ?? "";
    if (!/html/i.test(type)) {
      result.skipped.push({ path: url, reason: `not HTML (${type || "no content type"})` });
      return null;
    }
    const length = Number(res.headers.get("content-length") ?? 0);
    if (length > o.maxBytes) {
      result.skipped.push({
        path: url,
        reason: `too large (${formatBytes(length)}, limit ${formatBytes(o.maxBytes)})`,
      });
      return null;
    }
    const html = await readCapped(res, o.maxBytes);
    if (html === null) {
      result.skipped.push({ path: url, reason: `too large (over the ${formatBytes(o.maxBytes)} limit)` });
      return null;
    }
    const page = htmlToMarkdown(html, url);
    if (page.markdown.trim().length === 0) {
      result.skipped.push({ path: url, reason: "no main content found" });
      return null;
    }
    const entry: CrawlCacheEntry = {
      etag: res.headers.get("etag") ?? undefined,
      lastModified: res.headers.get("last-modified") ?? undefined,
      title: page.title,
      markdown: page.markdown,
      links: page.links,
    };
    if (entry.etag || entry.lastModified) cache?.set(url, entry);
    return { page: { url, title: page.title, markdown: page.markdown, notModified: false }, links: page.links };
  } catch (error) {
    result.skipped.push({ path: url, reason: `fetch failed (${(error as Error).message})` });
    return null;
  }
}

/** The body as text, or null as soon as it grows past `maxBytes` (a server may omit or misstate its length). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString("utf8");
}
