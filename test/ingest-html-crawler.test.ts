// The HTML crawler against a real HTTP server on 127.0.0.1 serving pages written for this test.
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CrawlCacheEntry, crawlSite } from "../ingest/index.js";
import { HashingEmbedder, openKnowledgeBase } from "../knowledge/index.js";

const page = (title: string, main: string) => `<!doctype html><html><head><title>${title}</title>
<script>window.tracking = "SCRIPT-TEXT";</script><style>.x{color:red}</style></head>
<body><nav><a href="/docs/a">Nav link A</a> NAV-TEXT</nav><header>HEADER-TEXT</header>
<main>${main}</main><footer>FOOTER-TEXT <a href="/docs/footer-only">f</a></footer></body></html>`;

const PAGES: Record<string, string> = {
  "/docs/": page(
    "Welcome",
    `<h1>Welcome</h1><p>Start with <code>prefect server start</code>.</p>
     <pre><code class="language-python">from prefect import flow

print(1)</code></pre>
     <h2>Next</h2><ul><li><a href="/docs/a">Page A</a></li><li><a href="/docs/private/secret">Secret</a></li>
     <li><a href="/other/outside">Outside</a></li><li><a href="https://elsewhere.example/x">Elsewhere</a></li>
     <li><a href="/docs/broken">Broken</a></li><li><a href="/docs/empty">Empty</a></li><li><a href="/docs/big">Big</a></li>
     <li><a href="/docs/stream">Stream</a></li></ul>`,
  ),
  "/docs/a": page("Page A", "<h1>Page A</h1><p>Work pools and workers.</p>"),
  "/docs/private/secret": page("Secret", "<h1>Secret</h1><p>never fetched</p>"),
  "/docs/broken": "<html><body><main><h2>Half open<p>unclosed <b>bold text <div><pre><code>x = 1",
  "/docs/empty": "<html><body><nav>only navigation</nav></body></html>",
  "/docs/big": page("Big", `<p>${"x".repeat(5000)}</p>`),
  "/docs/footer-only": page("Footer only", "<p>linked from the footer only</p>"),
  "/other/outside": page("Outside", "<p>outside the prefix</p>"),
};

let server: Server;
let base: string;
const requests: Array<{ path: string; ifNoneMatch?: string; status: number }> = [];

function handle(req: IncomingMessage): { status: number; headers: Record<string, string>; body: string } {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname === "/robots.txt") {
    return {
      status: 200,
      headers: { "content-type": "text/plain" },
      body: "User-agent: *\nDisallow: /docs/private/\n",
    };
  }
  if (url.pathname === "/docs/sitemap.xml") {
    const locs = ["/docs/a", "/docs/", "/docs/private/secret"].map((p) => `<url><loc>${base}${p}</loc></url>`);
    locs.push("<url><loc>https://elsewhere.example/page</loc></url>");
    return {
      status: 200,
      headers: { "content-type": "application/xml" },
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.join("")}</urlset>`,
    };
  }
  if (url.pathname === "/docs/stream") return { status: 200, headers: { "content-type": "text/html" }, body: "STREAM" };
  const body = PAGES[url.pathname];
  if (body === undefined) return { status: 404, headers: {}, body: "not found" };
  const etag = `"${url.pathname.length}-v1"`;
  if (req.headers["if-none-match"] === etag) return { status: 304, headers: { etag }, body: "" };
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8", etag }, body };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const r = handle(req);
    if (r.body === "STREAM") {
      // No content-length: the crawler has to stop reading by itself.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = `<p>${"y".repeat(1000)}</p>`;
      let sent = 0;
      const timer = setInterval(() => {
        if (sent++ > 200 || res.destroyed) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(chunk);
      }, 1);
      requests.push({ path: req.url ?? "", status: 200 });
      return;
    }
    requests.push({
      path: req.url ?? "",
      ifNoneMatch: req.headers["if-none-match"] as string | undefined,
      status: r.status,
    });
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function memoryCache() {
  const entries = new Map<string, CrawlCacheEntry>();
  return {
    entries,
    get: (u: string) => entries.get(u),
    set: (u: string, e: CrawlCacheEntry) => void entries.set(u, e),
  };
}

describe("crawlSite", () => {
  it("stays on the site and under the path prefix, honours robots.txt, keeps main content only", async () => {
    const result = await crawlSite(`${base}/docs/`, { maxBytes: 4000, concurrency: 3 });
    const urls = result.pages.map((p) => p.url.slice(base.length)).sort();
    expect(urls).toEqual(["/docs/", "/docs/a", "/docs/broken", "/docs/footer-only"]);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.path.slice(base.length), s.reason]));
    expect(reasons["/docs/private/secret"]).toBe("disallowed by robots.txt");
    expect(reasons["/docs/empty"]).toBe("no main content found");
    expect(reasons["/docs/big"]).toMatch(/^too large/);
    expect(reasons["/docs/stream"]).toBe("too large (over the 3.9 KB limit)");
    expect(requests.some((r) => r.path.startsWith("/other") || r.path.startsWith("/docs/private"))).toBe(false);

    const welcome = result.pages.find((p) => p.url === `${base}/docs/`);
    expect(welcome?.title).toBe("Welcome");
    expect(welcome?.markdown).toContain("# Welcome");
    expect(welcome?.markdown).toContain("## Next");
    expect(welcome?.markdown).toContain("```python\nfrom prefect import flow\n\nprint(1)\n```");
    expect(welcome?.markdown).toContain("`prefect server start`");
    expect(welcome?.markdown).not.toMatch(/NAV-TEXT|HEADER-TEXT|FOOTER-TEXT|SCRIPT-TEXT|color:red/);
    expect(result.pages.find((p) => p.url.endsWith("/broken"))?.markdown).toContain("bold text");
  });

  it("re-fetches conditionally with the cached ETag and reuses the cached page on 304", async () => {
    const cache = memoryCache();
    const first = await crawlSite(`${base}/docs/a`, { cache, maxPages: 1 });
    expect(first.pages[0]?.notModified).toBe(false);
    const before = requests.length;
    const second = await crawlSite(`${base}/docs/a`, { cache, maxPages: 1 });
    expect(second.pages[0]).toMatchObject({ notModified: true, title: "Page A" });
    expect(second.pages[0]?.markdown).toContain("Work pools and workers.");
    const refetch = requests.slice(before).find((r) => r.path === "/docs/a");
    expect(refetch).toMatchObject({ ifNoneMatch: '"7-v1"', status: 304 });
  });

  it("reads a sitemap and refuses its off-site entries", async () => {
    const result = await crawlSite(`${base}/docs/sitemap.xml`);
    expect(result.pages.map((p) => p.url.slice(base.length)).sort()).toEqual(["/docs/", "/docs/a"]);
    expect(result.skipped).toContainEqual({ path: "https://elsewhere.example/page", reason: "off-site link refused" });
    expect(result.skipped).toContainEqual({ path: `${base}/docs/private/secret`, reason: "disallowed by robots.txt" });
  });

  it("stops at the page limit and says so", async () => {
    const result = await crawlSite(`${base}/docs/`, { maxPages: 2, concurrency: 1 });
    expect(result.pages).toHaveLength(2);
    expect(result.skipped.some((s) => s.reason.startsWith("page limit 2 reached"))).toBe(true);
  });

  it("ingests a site into the index and finds nothing changed on the second run", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "orca-crawl-kb-"));
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    const first = await kb.ingest([`${base}/docs/sitemap.xml`], { kind: "docs", versionTag: "3" });
    expect(first).toMatchObject({ added: 2, updated: 0, removed: 0, unchanged: 0 });
    const before = requests.length;
    const second = await kb.ingest([`${base}/docs/sitemap.xml`], { kind: "docs", versionTag: "3" });
    expect(second).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
    expect(requests.slice(before).filter((r) => r.status === 304)).toHaveLength(2);
    const hits = await kb.search("work pools and workers");
    expect(hits[0]?.url).toBe(`${base}/docs/a`);
    await kb.close();
  });
});
