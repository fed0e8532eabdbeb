// Known issues from GitHub: the REST API (issues of a repository, conditional with the stored ETag, paged through
// the Link header, stopping cleanly at the rate limit) and JSON export files (issues and discussions). Each page is
// stored as it arrives, so an error halfway keeps everything already fetched; the ETag is kept only after a full
// run, so a later run never mistakes "not modified" for "complete".
import { readFileSync } from "node:fs";
import { z } from "zod";
import { InputError, OrcaError } from "../core/index.js";
import type { KnownIssue, TriageStore } from "./triage-store.js";

const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
const MAX_BODY = 4_000;
/** Wait for a secondary rate limit's Retry-After only when it is this short; otherwise stop with a clear line. */
const MAX_RETRY_WAIT_S = 60;

const issueShape = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullable().optional(),
    state: z.string().default("open"),
    html_url: z.string().optional(),
    url: z.string().optional(),
    updated_at: z.string().optional(),
    pull_request: z.unknown().optional(),
  })
  .loose();

const exportList = z.array(issueShape);
const exportObject = z.object({
  issues: z.array(issueShape).default([]),
  discussions: z.array(issueShape).default([]),
});

export interface GithubSyncResult {
  repo: string;
  pages: number;
  stored: number;
  skippedPullRequests: number;
  notModified: boolean;
}

export interface GithubSyncOptions {
  repo: string;
  store: TriageStore;
  apiUrl: string;
  token?: string;
  fetch?: typeof fetch;
  now?: () => number;
  maxPages?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function parseRepo(spec: string): { owner: string; name: string; repo: string } {
  const match = REPO.exec(spec.trim());
  if (!match) throw new InputError(`"${spec}" is not a GitHub repository (expected OWNER/REPO)`);
  return { owner: match[1] as string, name: match[2] as string, repo: `${match[1]}/${match[2]}` };
}

function toKnown(repo: string, kind: KnownIssue["kind"], raw: z.infer<typeof issueShape>): KnownIssue {
  return {
    repo,
    number: raw.number,
    kind,
    title: raw.title,
    body: (raw.body ?? "").slice(0, MAX_BODY),
    state: raw.state,
    url: raw.html_url ?? `https://github.com/${repo}/${kind === "discussion" ? "discussions" : "issues"}/${raw.number}`,
    updatedAt: raw.updated_at ?? "",
  };
}

function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

function resetTime(headers: Headers): string {
  const reset = Number(headers.get("x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? `${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : "later";
}

/** Fetches every issue of a repository into the store. */
export async function syncGithubIssues(o: GithubSyncOptions): Promise<GithubSyncResult> {
  const { repo } = parseRepo(o.repo);
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const resource = `issues:${repo}`;
  const known = o.store.syncState(resource);
  const base = o.apiUrl.endsWith("/") ? o.apiUrl : `${o.apiUrl}/`;
  let url: string | undefined = `${base}repos/${repo}/issues?state=all&per_page=100&sort=updated&direction=desc`;
  const result: GithubSyncResult = { repo, pages: 0, stored: 0, skippedPullRequests: 0, notModified: false };
  let firstEtag: string | null = null;
  let retried = false;

  while (url && result.pages < (o.maxPages ?? 100)) {
    const headers: Record<string, string> = {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "orca-triage",
    };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (result.pages === 0 && known?.etag) headers["if-none-match"] = known.etag;
    let response: Response;
    try {
      response = await doFetch(url, { headers });
    } catch (error) {
      throw new OrcaError(
        "provider_error",
        `GitHub API unreachable (${(error as Error).message}); ${result.stored} issues stored before the failure are kept`,
      );
    }
    if (response.status === 304) {
      result.notModified = true;
      o.store.setSyncState(resource, known?.etag ?? null, now());
      return result;
    }
    const remaining = response.headers.get("x-ratelimit-remaining");
    if (response.status === 403 || response.status === 429) {
      const retryAfter = Number(response.headers.get("retry-after"));
      if (
        remaining !== "0" &&
        Number.isFinite(retryAfter) &&
        retryAfter > 0 &&
        retryAfter <= MAX_RETRY_WAIT_S &&
        !retried
      ) {
        retried = true;
        await sleep(retryAfter * 1000);
        continue;
      }
      if (remaining === "0" || response.status === 429 || Number.isFinite(retryAfter)) {
        throw new OrcaError(
          "rate_limited",
          `GitHub rate limit reached for ${repo} (resets ${resetTime(response.headers)}); ${result.stored} issues stored so far are kept${o.token ? "" : "; a GITHUB_TOKEN raises the limit"}`,
        );
      }
    }
    if (!response.ok) {
      let message = "";
      try {
        message = String(((await response.json()) as { message?: unknown }).message ?? "");
      } catch {
        // not JSON: the status says enough
      }
      throw new OrcaError(
        "provider_error",
        `GitHub API answered ${response.status} for ${repo}${message ? `: ${message}` : ""}; ${result.stored} issues stored so far are kept`,
      );
    }
    let page: unknown;
    try {
      page = await response.json();
    } catch {
      throw new OrcaError(
        "provider_error",
        `GitHub API sent a page that is not JSON for ${repo}; ${result.stored} issues kept`,
      );
    }
    const parsed = z.array(issueShape).safeParse(page);
    if (!parsed.success) {
      throw new OrcaError(
        "provider_error",
        `GitHub API sent an unexpected page for ${repo}; ${result.stored} issues kept`,
      );
    }
    const issues = parsed.data.filter((i) => i.pull_request === undefined);
    result.skippedPullRequests += parsed.data.length - issues.length;
    o.store.upsertIssues(issues.map((i) => toKnown(repo, "issue", i)));
    result.stored += issues.length;
    if (result.pages === 0) firstEtag = response.headers.get("etag");
    result.pages++;
    retried = false;
    url = nextLink(response.headers.get("link"));
    if (url && remaining === "0") {
      throw new OrcaError(
        "rate_limited",
        `GitHub rate limit used up for ${repo} (resets ${resetTime(response.headers)}); ${result.stored} issues stored so far are kept`,
      );
    }
  }
  o.store.setSyncState(resource, firstEtag, now());
  return result;
}

/** Reads a JSON export (an array of issues, or {issues, discussions}); nothing is stored unless all of it is valid. */
export function importGithubExport(
  file: string,
  repo: string,
  store: TriageStore,
): { issues: number; discussions: number } {
  const { repo: name } = parseRepo(repo);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? `no such file: ${file}` : `${file} is not valid JSON`,
      code === "ENOENT" ? "not_found" : "input_invalid",
    );
  }
  // Either shape, checked by its own schema so an error names the exact entry and field.
  const parsed = Array.isArray(value)
    ? exportList.transform((issues) => ({ issues, discussions: [] as typeof issues })).safeParse(value)
    : exportObject.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${file}: ${issue?.path.join(".") || "file"} ${issue?.message ?? "is invalid"}; nothing was imported`,
    );
  }
  const data = parsed.data;
  const issues = data.issues.filter((i) => i.pull_request === undefined).map((i) => toKnown(name, "issue", i));
  const discussions = data.discussions.map((d) => toKnown(name, "discussion", d));
  store.upsertIssues([...issues, ...discussions]);
  return { issues: issues.length, discussions: discussions.length };
}
