// Crawls an HTML docs site from a start URL or a sitemap.xml: same origin and path prefix only, robots.txt
// honoured, bounded concurrency, a page limit, and conditional re-fetch (ETag / Last-Modified) against a cache.
// Redirects are followed by hand (same origin and path prefix, at most 5 hops), and hosts on private, loopback or
// link-local addresses are refused unless the start URL names one itself or the caller allows the host.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
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
  /**
   * Host names or addresses that may be on a private, loopback or link-local network (an intranet docs site).
   * The start URL's host is allowed without being listed when it is such an address literally (or "localhost").
   */
  allowPrivateHosts?: string[];
}

export const MAX_REDIRECTS = 5;

/** Addresses that are not on the public internet: loopback, private, link-local, carrier-grade NAT, unspecified. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, "ipv4");
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1] as string, "ipv4");
  return PRIVATE.check(address, "ipv6");
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();

/** Decides, once per host, whether the crawler may connect to it. */
class HostGuard {
  private readonly verdicts = new Map<string, Promise<string | null>>();
  private readonly allowed: Set<string>;

  constructor(start: URL, allowPrivateHosts: string[]) {
    this.allowed = new Set(allowPrivateHosts.map((h) => h.toLowerCase()));
    const host = bareHost(start);
    // Pointing the crawler at a private address by its literal name is an explicit choice.
    if (host === "localhost" || isPrivateAddress(host)) this.allowed.add(host);
  }

  /** Null when the host may be fetched, else why not. */
  refusal(url: URL): Promise<string | null> {
    const host = bareHost(url);
    let verdict = this.verdicts.get(host);
    if (!verdict) {
      verdict = this.decide(host);
      this.verdicts.set(host, verdict);
    }
    return verdict;
  }

  private async decide(host: string): Promise<string | null> {
    if (this.allowed.has(host)) return null;
    if (host === "localhost" || host.endsWith(".localhost")) return "refused: a loopback host";
    if (isIP(host)) return isPrivateAddress(host) ? "refused: a private, loopback or link-local address" : null;
    let addresses: Array<{ address: string }>;
    try {
      addresses = await lookup(host, { all: true });
    } catch {
      return null; // the fetch will report that the host cannot be reached
    }
    return addresses.some((a) => isPrivateAddress(a.address))
      ? "refused: the host resolves to a private, loopback or link-local address"
      : null;
  }
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
  const inScope = (u: URL) => u.origin === startUrl.origin && u.pathname.startsWith(prefix);
  const guard = new HostGuard(startUrl, options.allowPrivateHosts ?? []);
  const fetcher: Fetcher = {
    ...o,
    guard,
    // robots.txt sits at the site root; pages and sitemaps stay under the start URL's folder.
    scope: (u, what) =>
      u.origin !== startUrl.origin
        ? "redirect to another site refused"
        : what !== "robots" && !u.pathname.startsWith(prefix)
          ? `redirect outside the path prefix ${prefix} refused`
          : null,
  };
  const robots = await loadRobots(startUrl, fetcher);

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
  if (sitemap) for (const loc of await sitemapLocations(startUrl, fetcher, result)) enqueue(loc, true);
  else enqueue(startUrl.href, false);

  let fetched = 0;
  const worker = async () => {
    while (queue.length > 0 && fetched < o.maxPages) {
      if (options.signal?.aborted) return;
      const url = queue.shift() as string;
      fetched++;
      const page = await fetchPage(url, fetcher, options.cache, result);
      if (!page) continue;
      // A redirect (within scope) lands on another page: it is that page, kept once.
      if (page.page.url !== url) {
        if (seen.has(page.page.url)) continue;
        seen.add(page.page.url);
      }
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
  guard: HostGuard;
  /** Why a redirect target is out of bounds for this kind of request, or null when it may be followed. */
  scope: (url: URL, what: "robots" | "sitemap" | "page") => string | null;
}

class RefusedFetch extends Error {}

/**
 * Fetches with redirects followed by hand: every hop is checked against the host guard and the crawl's scope,
 * and there are at most MAX_REDIRECTS of them. Returns the final response and where it came from.
 */
async function guardedFetch(
  start: URL,
  init: RequestInit,
  o: Fetcher,
  what: "robots" | "sitemap" | "page",
): Promise<{ res: Response; url: URL }> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const refused = await o.guard.refusal(url);
    if (refused) throw new RefusedFetch(`${url.href} ${refused}`);
    const res = await o.fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(o.timeoutMs) });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
    if (location === null) return { res, url };
    await res.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new RefusedFetch(`more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new RefusedFetch(`redirect to an invalid URL`);
    }
    if (!/^https?:$/.test(next.protocol)) throw new RefusedFetch(`redirect to ${next.protocol} refused`);
    const outOfScope = o.scope(next, what);
    if (outOfScope) throw new RefusedFetch(`${outOfScope} (${next.origin}${next.pathname})`);
    url = next;
  }
}

async function loadRobots(start: URL, o: Fetcher): Promise<RobotsRules> {
  try {
    const { res } = await guardedFetch(
      new URL("/robots.txt", start.origin),
      { headers: { "user-agent": o.userAgent } },
      o,
      "robots",
    );
    if (!res.ok) return parseRobots("", o.userAgent, start.origin);
    return parseRobots(await res.text(), o.userAgent, start.origin);
  } catch {
    return parseRobots("", o.userAgent, start.origin);
  }
}

async function sitemapLocations(url: URL, o: Fetcher, result: CrawlResult, depth = 0): Promise<string[]> {
  let xml: string;
  try {
    const { res } = await guardedFetch(url, { headers: { "user-agent": o.userAgent } }, o, "sitemap");
    if (!res.ok) {
      result.skipped.push({ path: url.href, reason: `sitemap HTTP ${res.status}` });
      return [];
    }
    xml = await res.text();
  } catch (error) {
    const why = error instanceof RefusedFetch ? error.message : `sitemap unreachable (${(error as Error).message})`;
    result.skipped.push({ path: url.href, reason: why });
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
  const cachedFor = url;
  const headers: Record<string, string> = { "user-agent": o.userAgent, accept: "text/html,application/xhtml+xml" };
  if (cached?.etag) headers["if-none-match"] = cached.etag;
  if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
  try {
    const fetched = await guardedFetch(new URL(url), { headers }, o, "page");
    const res = fetched.res;
    // Content is filed under the URL it came from, never under the URL that redirected to it.
    url = fetched.url.href;
    if (res.status === 304 && cached && fetched.url.href === cachedFor) {
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
    const why = error instanceof RefusedFetch ? error.message : `fetch failed (${(error as Error).message})`;
    result.skipped.push({ path: url, reason: why });
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
