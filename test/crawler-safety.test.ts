// Crawler safety against real HTTP servers on 127.0.0.1: redirects are followed by hand within the site and its
// path prefix (at most 5 hops), content is filed under the URL it came from, private and loopback hosts are
// refused unless named by the start URL or allowed, and robots.txt user-agent groups match by product token.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawlSite, isPrivateAddress } from "../ingest/index.js";
import { HashingEmbedder, openKnowledgeBase } from "../knowledge/index.js";
import { tempDataDir } from "./fake-slack/in-process.js";
import { runOrca } from "./support/run-orca.js";

const html = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

interface Site {
  server: Server;
  base: string;
  requests: string[];
}

async function serve(
  routes: Record<string, (base: string) => { status: number; headers?: Record<string, string>; body?: string }>,
): Promise<Site> {
  const requests: string[] = [];
  let base = "";
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push(path);
    const route = routes[path];
    const r = route ? route(base) : { status: 404, body: "not found" };
    res.writeHead(r.status, { "content-type": "text/html", ...r.headers });
    res.end(r.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, requests };
}

const redirect =
  (to: (base: string) => string, status = 302) =>
  (base: string) => ({
    status,
    headers: { location: to(base) },
  });

// The fake host name is routed to the test server by the injected fetch, so only the guard decides.
const viaName = (url: string | URL | Request, init?: RequestInit) =>
  fetch(String(url).replace("docs.localhost", "127.0.0.1"), init);

let other: Site;
let site: Site;

beforeAll(async () => {
  other = await serve({ "/evil": () => ({ status: 200, body: html("Other site", "<p>OTHER-SITE-CONTENT</p>") }) });
  const links = ["offsite", "outside", "loop0", "moved", "metadata"]
    .map((p) => `<a href="/docs/${p}">${p}</a>`)
    .join(" ");
  const routes: Record<string, (base: string) => { status: number; headers?: Record<string, string>; body?: string }> =
    {
      "/robots.txt": () => ({
        status: 200,
        headers: { "content-type": "text/plain" },
        // A group for another crawler whose name is a prefix of ours must not apply to us.
        body: "User-agent: Orca\nDisallow: /\n\nUser-agent: *\nDisallow: /docs/private/\n",
      }),
      "/docs/": () => ({ status: 200, body: html("Start", `<p>start</p>${links}`) }),
      "/docs/offsite": redirect(() => `${other.base}/evil`),
      "/docs/outside": redirect(() => "/admin/panel", 301),
      "/docs/metadata": redirect(() => "http://169.254.169.254/latest/meta-data/"),
      "/docs/moved": redirect(() => "/docs/final", 301),
      "/docs/final": () => ({ status: 200, body: html("Final", "<p>FINAL-CONTENT</p>") }),
      "/admin/panel": () => ({ status: 200, body: html("Admin", "<p>ADMIN</p>") }),
    };
  for (let i = 0; i < 8; i++) routes[`/docs/loop${i}`] = redirect(() => `/docs/loop${i + 1}`);
  site = await serve(routes);
});

afterAll(async () => {
  for (const s of [site, other]) await new Promise<void>((resolve) => s.server.close(() => resolve()));
});

describe("redirects", () => {
  it("follows them only within the site and its path prefix, at most 5 hops, filing content where it came from", async () => {
    const result = await crawlSite(`${site.base}/docs/`, { concurrency: 1 });
    const urls = result.pages.map((p) => p.url.slice(site.base.length)).sort();
    expect(urls).toEqual(["/docs/", "/docs/final"]);
    const everything = JSON.stringify(result.pages);
    expect(everything).not.toContain("OTHER-SITE-CONTENT");
    expect(everything).not.toContain("ADMIN");
    expect(other.requests).toEqual([]);
    expect(site.requests).not.toContain("/admin/panel");
    const reason = (p: string) => result.skipped.find((s) => s.path === `${site.base}${p}`)?.reason ?? "";
    expect(reason("/docs/offsite")).toMatch(/redirect to another site refused/);
    expect(reason("/docs/metadata")).toMatch(/redirect to another site refused/);
    expect(reason("/docs/outside")).toMatch(/outside the path prefix/);
    expect(reason("/docs/loop0")).toMatch(/more than 5 redirects/);
    expect(site.requests.filter((p) => p.startsWith("/docs/loop"))).toHaveLength(6);
  });
});

describe("private addresses", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.20.30.40", true],
    ["172.16.5.4", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["::1", true],
    ["fe80::1", true],
    ["fd00::1", true],
    ["::ffff:127.0.0.1", true],
    ["8.8.8.8", false],
    ["172.32.0.1", false],
    ["2606:4700::1111", false],
  ])("%s is private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("refuses a host that is loopback without being named so by the start URL", async () => {
    const port = new URL(site.base).port;
    const before = site.requests.length;
    const result = await crawlSite(`http://docs.localhost:${port}/docs/`, { fetch: viaName });
    expect(result.pages).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/refused: a loopback host/);
    expect(site.requests.length).toBe(before);
  });

  it("crawls it when the caller allows the host", async () => {
    const port = new URL(site.base).port;
    const result = await crawlSite(`http://docs.localhost:${port}/docs/`, {
      fetch: viaName,
      allowPrivateHosts: ["docs.localhost"],
    });
    expect(result.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(["/docs/", "/docs/final"]);
  });
});

describe("the allowlist through ingest", () => {
  it("reaches the crawler from the knowledge base's ingest options", async () => {
    const port = new URL(site.base).port;
    const url = `http://docs.localhost:${port}/docs/`;
    const kb = await openKnowledgeBase({ dataDir: tempDataDir("orca-crawl-allow-"), embedder: new HashingEmbedder() });
    try {
      const refused = await kb.ingest([url], { kind: "docs", fetch: viaName });
      expect(refused.added).toBe(0);
      expect(refused.skipped[0]?.reason).toMatch(/refused: a loopback host/);
      const allowed = await kb.ingest([url], { kind: "docs", fetch: viaName, allowPrivateHosts: ["docs.localhost"] });
      expect(allowed.added).toBe(2);
    } finally {
      await kb.close();
    }
  });

  it("reaches it from `orca ingest --allow-private-host`", async () => {
    // No resolver knows docs.localhost here: allowed, the fetch fails instead of being refused.
    const env = { ORCA_DATA_DIR: tempDataDir("orca-crawl-cli-") };
    const url = "http://docs.localhost:9/docs/";
    const refused = await runOrca(["ingest", url, "--json"], { env });
    expect(refused.stdout).toMatch(/refused: a loopback host/);
    const allowed = await runOrca(["ingest", url, "--allow-private-host", "docs.localhost", "--json"], { env });
    expect(allowed.stdout).not.toMatch(/refused/);
    expect(allowed.stdout).toMatch(/fetch failed/);
  });
});

describe("robots.txt", () => {
  it("applies a group only to the crawler it names, not to one whose name merely starts the same", async () => {
    const result = await crawlSite(`${site.base}/docs/final`, { userAgent: "OrcaDocsIngest/0.1", maxPages: 1 });
    expect(result.pages.map((p) => p.url)).toEqual([`${site.base}/docs/final`]);
    const blocked = await crawlSite(`${site.base}/docs/final`, { userAgent: "Orca/2.0", maxPages: 1 });
    expect(blocked.pages).toEqual([]);
    expect(blocked.skipped[0]?.reason).toBe("disallowed by robots.txt");
  });
});
