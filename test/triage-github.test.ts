// `orca ingest github:OWNER/REPO` against a fake GitHub REST API on 127.0.0.1, and from JSON export files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TriageStore } from "../triage/index.js";
import { type FakeGithub, type FakeIssue, startFakeGithub } from "./fake-github/fake-github-server.js";
import { runOrca } from "./support/run-orca.js";

const REPO = "acme/flows";
let github: FakeGithub;
let dataDir: string;

const issues = (n: number): FakeIssue[] =>
  Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    title: `Issue ${i + 1}: worker does not pick up runs`,
    body: `details ${i + 1}`,
    state: i % 3 === 0 ? "closed" : "open",
    ...(i % 10 === 9 ? { pull_request: { url: "x" } } : {}),
  }));

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orca-github-"));
});
afterEach(async () => {
  await github?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({ ORCA_DATA_DIR: dataDir, GITHUB_API_URL: github.url, ...extra });
const storedIssues = () => {
  const store = TriageStore.open(dataDir);
  try {
    return store.issues();
  } finally {
    store.close();
  }
};

describe("orca ingest github:OWNER/REPO", () => {
  it("pages through Link headers, skips pull requests, sends the token, then asks conditionally", async () => {
    github = await startFakeGithub(REPO, issues(250));
    const first = await runOrca(["ingest", `github:${REPO}`], {
      env: env({ GITHUB_TOKEN: "ghp_faketoken1234567890" }),
    });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`${REPO}: stored 225 issues from 3 pages (25 pull requests skipped)\n`);
    expect(storedIssues()).toHaveLength(225);
    expect(github.requests.map((r) => r.headers.authorization)).toEqual(
      Array(3).fill("Bearer ghp_faketoken1234567890"),
    );

    const second = await runOrca(["ingest", `github:${REPO}`], { env: env() });
    expect(second.stdout).toBe(`${REPO}: not modified since the last sync\n`);
    expect(github.requests.at(-1)).toMatchObject({ status: 304 });
    expect(github.requests.at(-1)?.headers["if-none-match"]).toMatch(/^"[0-9a-f]+"$/);
    expect(github.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("stops at a 403 rate limit with one clear line and keeps the pages already stored; a later run completes", async () => {
    github = await startFakeGithub(REPO, issues(250));
    github.failPage(3, 403);
    const run = await runOrca(["ingest", `github:${REPO}`], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^orca: GitHub rate limit reached for acme\/flows \(resets \d\d:\d\d UTC\); 180 issues stored so far are kept; a GITHUB_TOKEN raises the limit\n$/,
    );
    expect(storedIssues()).toHaveLength(180);
    // No ETag was kept after the partial run, so the next run fetches everything instead of a 304.
    const again = await runOrca(["ingest", `github:${REPO}`], { env: env() });
    expect(again.code).toBe(0);
    expect(storedIssues()).toHaveLength(225);
  });

  it("does not request a page it knows the rate limit forbids", async () => {
    github = await startFakeGithub(REPO, issues(250), { rateLimit: 2 });
    const run = await runOrca(["ingest", `github:${REPO}`], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^orca: GitHub rate limit used up for acme\/flows .*180 issues stored so far are kept\n$/,
    );
    expect(github.requests).toHaveLength(2);
  });

  it("reports a server error in one line and loses nothing", async () => {
    github = await startFakeGithub(REPO, issues(150));
    github.failPage(2, 500);
    const run = await runOrca(["ingest", `github:${REPO}`], { env: env() });
    expect(run.stderr).toBe(
      "orca: GitHub API answered 500 for acme/flows: Server Error; 90 issues stored so far are kept\n",
    );
    expect(storedIssues()).toHaveLength(90);
  });
});

describe("orca ingest github:OWNER/REPO --from-file", () => {
  it("imports issues and discussions from an export", async () => {
    github = await startFakeGithub(REPO, []);
    const file = path.join(dataDir, "export.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        issues: [{ number: 7, title: "Cron ignores timezone", body: "since 3.2", state: "open" }],
        discussions: [{ number: 3, title: "How do you structure prefect.yaml?", body: null, state: "open" }],
      }),
    );
    const run = await runOrca(["ingest", `github:${REPO}`, "--from-file", file], { env: env() });
    expect(run.stdout).toBe(`${REPO}: imported 1 issues and 1 discussions from ${file}\n`);
    expect(storedIssues().map((i) => `${i.kind}#${i.number} ${i.url}`)).toEqual([
      "discussion#3 https://github.com/acme/flows/discussions/3",
      "issue#7 https://github.com/acme/flows/issues/7",
    ]);
  });

  it.each([
    ["not JSON", "{ nope", /is not valid JSON$/],
    [
      "a malformed entry",
      JSON.stringify([{ number: 1, title: "ok" }, { number: "two" }]),
      /: 1\.number .*; nothing was imported$/,
    ],
  ])("refuses %s with a clear line and keeps what was stored", async (_what, content, message) => {
    github = await startFakeGithub(REPO, []);
    const good = path.join(dataDir, "good.json");
    fs.writeFileSync(good, JSON.stringify([{ number: 1, title: "kept", state: "open" }]));
    await runOrca(["ingest", `github:${REPO}`, "--from-file", good], { env: env() });
    const bad = path.join(dataDir, "bad.json");
    fs.writeFileSync(bad, content);
    const run = await runOrca(["ingest", `github:${REPO}`, "--from-file", bad], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(storedIssues().map((i) => i.title)).toEqual(["kept"]);
  });
});
