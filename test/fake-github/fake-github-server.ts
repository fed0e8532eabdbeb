// A fake GitHub REST API: a real HTTP server on 127.0.0.1 serving a repository's issues the way GitHub does:
// pages with a Link header, a strong ETag with 304 on If-None-Match, x-ratelimit-* headers that count down, and
// faults on demand (a 403 rate limit, a 500).
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  pull_request?: { url: string };
}

export interface FakeGithub {
  /** Use as GITHUB_API_URL. */
  url: string;
  issues: FakeIssue[];
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders; status: number }>;
  /** Requests left before the rate limit is used up. */
  rateRemaining: number;
  /** The next request of page `page` answers with this status. */
  failPage(page: number, status: 403 | 500): void;
  close(): Promise<void>;
}

export async function startFakeGithub(
  repo: string,
  issues: FakeIssue[],
  options: { rateLimit?: number } = {},
): Promise<FakeGithub> {
  const requests: FakeGithub["requests"] = [];
  const faults = new Map<number, 403 | 500>();
  const state = { rateRemaining: options.rateLimit ?? 5000 };
  let base = "";
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ path: `${url.pathname}${url.search}`, headers: req.headers, status });
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (url.pathname !== `/repos/${repo}/issues`) return send(404, { message: "Not Found" });
    const page = Number(url.searchParams.get("page") ?? "1");
    const perPage = Number(url.searchParams.get("per_page") ?? "30");
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const rateHeaders = () => ({
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(Math.max(0, state.rateRemaining)),
      "x-ratelimit-reset": reset,
    });
    const fault = faults.get(page);
    if (fault) {
      faults.delete(page);
      if (fault === 403)
        return send(403, { message: "API rate limit exceeded" }, { ...rateHeaders(), "x-ratelimit-remaining": "0" });
      return send(500, { message: "Server Error" });
    }
    if (state.rateRemaining <= 0) return send(403, { message: "API rate limit exceeded" }, rateHeaders());
    const list = issuesRef.slice((page - 1) * perPage, page * perPage);
    const etag = `"${createHash("sha1").update(JSON.stringify(issuesRef)).update(String(page)).digest("hex")}"`;
    if (req.headers["if-none-match"] === etag) return send(304, undefined, { etag, ...rateHeaders() }); // free, as on GitHub
    state.rateRemaining--;
    const last = Math.max(1, Math.ceil(issuesRef.length / perPage));
    const link = (p: number, rel: string) =>
      `<${base}/repos/${repo}/issues?state=all&per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = [page < last ? link(page + 1, "next") : "", link(last, "last")].filter(Boolean).join(", ");
    const body = list.map((i) => ({
      ...i,
      html_url: `https://github.com/${repo}/${i.pull_request ? "pull" : "issues"}/${i.number}`,
      updated_at: "2026-01-01T00:00:00Z",
    }));
    send(200, body, { etag, link: links, ...rateHeaders() });
  });
  const issuesRef = issues;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    issues: issuesRef,
    requests,
    get rateRemaining() {
      return state.rateRemaining;
    },
    set rateRemaining(n: number) {
      state.rateRemaining = n;
    },
    failPage: (page, status) => faults.set(page, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
