// The audit of recorded answers, on the real seed threads (read from the shared data at test time).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { sharedDataDir, type ThreadMessage } from "../core/index.js";
import {
  type AuditedTranscript,
  type AuditTools,
  auditTranscript,
  createAuditTools,
  type Defect,
} from "../evals/index.js";
import { parseArchivedThread } from "../ingest/index.js";

const seeds = path.join(sharedDataDir, "seeds");
const hasSeeds = existsSync(seeds);
if (!hasSeeds) console.warn(`eval-audit: skipped, the shared seed threads are not at ${seeds}`);

/** The seed files, found by their content rather than their names. */
function seed(marker: RegExp): ThreadMessage[] {
  for (const file of readdirSync(seeds).filter((f) => f.endsWith(".txt"))) {
    const text = readFileSync(path.join(seeds, file), "utf8");
    if (marker.test(text)) return parseArchivedThread(text);
  }
  throw new Error(`no seed matches ${marker}`);
}

const find = (t: AuditedTranscript, code: RegExp, text: RegExp): Defect[] =>
  t.defects.filter((d) => code.test(d.code) && (text.test(d.excerpt) || text.test(d.message)));

describe.skipIf(!hasSeeds)("audit of the seed threads", () => {
  let tools: AuditTools;
  let deployment: AuditedTranscript;
  let concurrency: AuditedTranscript;
  let concurrencyMessages: ThreadMessage[];

  beforeAll(async () => {
    tools = await createAuditTools();
    deployment = auditTranscript("deployment", seed(/run_deployment\(\s*"child-transform/), tools);
    concurrencyMessages = seed(/submit_to_runner/);
    concurrency = auditTranscript("concurrency", concurrencyMessages, tools);
  });

  it("checks the threads against Prefect 3 (what they are about)", () => {
    expect(deployment.version.major).toBe(3);
    expect(concurrency.version.major).toBe(3);
  });

  it("finds .wait() on what run_deployment returns, and the mangled main guard", () => {
    const wait = find(deployment, /unknown-attribute/, /fut\.wait\(\)/);
    expect(wait).toHaveLength(1);
    expect(wait[0]!.message).toMatch(/FlowRun/);
    const guard = find(deployment, /main-guard/, /if name == "__main__"/);
    expect(guard).toHaveLength(1);
    expect(guard[0]).toMatchObject({ author: "Marvin", messageIndex: 1 });
    expect(guard[0]!.ts).toMatch(/09\/14\/2025/);
  });

  it("finds the claim that flows support .submit() in 3.x, in prose and in code", () => {
    const claims = find(concurrency, /member-claim/, /submit/);
    expect(claims.map((d) => d.excerpt).join("\n")).toMatch(/subflows concurrently is supported in Prefect 3/);
    expect(claims.map((d) => d.excerpt).join("\n")).toMatch(/both tasks and flows can be submitted/);
    expect(find(concurrency, /flow-submit|unknown-attribute/, /a_flow\.submit\(\)/).length).toBeGreaterThanOrEqual(2);
  });

  it("reports Slack's mangling of the bot's archived answers as an archive artefact, not the bot's error", () => {
    const mangled = concurrency.defects.filter((d) => d.code === "slack-mangled" && /logger\.info/.test(d.message));
    expect(mangled.length).toBeGreaterThan(0);
    for (const d of mangled) {
      expect(concurrencyMessages[d.messageIndex]!.isBot).toBe(true);
      expect(d).toMatchObject({ kind: "archive", severity: "info" });
      expect(d.message).toMatch(/^Archive artefact, not the bot's error/);
    }
  });

  it("reports each defect once: a line the linter flags is not reported again by the API check", () => {
    for (const t of [concurrency, deployment]) {
      const linted = new Set(t.defects.filter((d) => d.kind === "lint").map((d) => `${d.messageIndex}:${d.excerpt}`));
      const again = t.defects.filter((d) => d.kind !== "lint" && linted.has(`${d.messageIndex}:${d.excerpt}`));
      expect(again).toEqual([]);
    }
    expect(find(concurrency, /async-not-awaited/, /./)).toEqual([]); // missing-await already says it
    expect(find(concurrency, /missing-await/, /wait_for_flow_run/).length).toBeGreaterThan(0);
  });

  it("flags submit_to_runner as removed for 3.5+, deprecated for 3.3.4 to 3.4.x, and fine before", () => {
    const latest = find(concurrency, /removed/, /submit_to_runner/);
    expect(latest.length).toBeGreaterThan(0);
    expect(latest[0]!.severity).toBe("error");
    const at34 = auditTranscript("c", concurrencyMessages, tools, "3.4.20");
    const deprecated = find(at34, /deprecated/, /submit_to_runner/);
    expect(deprecated.length).toBeGreaterThan(0);
    expect(find(at34, /removed/, /submit_to_runner/)).toEqual([]);
    const at32 = auditTranscript("c", concurrencyMessages, tools, "3.2.0");
    expect(find(at32, /./, /submit_to_runner/)).toEqual([]);
  });

  it("finds wait_for_flow_run called without await", () => {
    const calls = find(concurrency, /missing-await|async-not-awaited/, /wait_for_flow_run/);
    expect(calls.length).toBeGreaterThan(0);
  });

  it("finds the unresolved future that causes the crash, and the wrong claims about call results", () => {
    expect(find(concurrency, /unresolved-futures/, /no_op_task\.submit/).length).toBeGreaterThan(0);
    expect(find(concurrency, /subflow-call-future-claim/, /PrefectFlowRunFuture/).length).toBeGreaterThan(0);
    expect(find(concurrency, /task-call-future-claim/, /Calling tasks returns PrefectFutures/).length).toBe(1);
  });

  it("blames only bot messages and leaves correct answers alone", () => {
    for (const d of concurrency.defects) expect(concurrencyMessages[d.messageIndex]!.isBot).toBe(true);
    // The answer explaining prefect.futures.wait is right; so is the one on task runners versus workers.
    const waitAnswer = concurrencyMessages.findIndex((m) => m.isBot && /DoneAndNotDoneFutures/.test(m.text));
    const deployAnswer = concurrencyMessages.findIndex((m) => m.isBot && /Rules of thumb/.test(m.text));
    expect(waitAnswer).toBeGreaterThan(0);
    expect(deployAnswer).toBeGreaterThan(0);
    expect(concurrency.defects.filter((d) => d.messageIndex === waitAnswer || d.messageIndex === deployAnswer)).toEqual(
      [],
    );
  });
});

describe.skipIf(!hasSeeds)("orca eval --audit", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "orca-audit-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("prints each defect with its message and writes JSON and HTML", async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks: string[] = [];
    out.on("data", (c) => chunks.push(String(c)));
    err.resume();
    const json = path.join(dir, "audit.json");
    const html = path.join(dir, "audit.html");
    const code = await main(["node", "orca", "eval", "--audit", seeds, "--json", json, "--html", html], {
      stdout: out,
      stderr: err,
      stdin: new PassThrough(),
      env: {},
    });
    expect(code).toBe(0);
    const text = chunks.join("");
    expect(text).toMatch(/\[1\] Marvin, 09\/14\/2025, 6:\d\d PM · error main-guard/);
    expect(text).toMatch(/> if name == "__main__":/);
    const report = JSON.parse(await readFile(json, "utf8")) as { transcripts: AuditedTranscript[] };
    expect(report.transcripts).toHaveLength(2);
    expect((await readFile(html, "utf8")).includes("&#60;http://logger.info|logger.info&#62;")).toBe(true);
  });

  it("checks against a given version instead of the detected one", async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on("data", (c) => chunks.push(String(c)));
    const code = await main(["node", "orca", "eval", "--audit", seeds, "--prefect-version", "3.4.20"], {
      stdout: out,
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      env: {},
    });
    expect(code).toBe(0);
    expect(chunks.join("")).toMatch(/Prefect 3\.4\.20 \(stated; checked against 3\.4\.20\)/);
    expect(chunks.join("")).toMatch(/warning deprecated: .*submit_to_runner/);
  });

  it("refuses inputs without transcripts", async () => {
    const err = new PassThrough();
    const chunks: string[] = [];
    err.on("data", (c) => chunks.push(String(c)));
    const code = await main(["node", "orca", "eval", "--audit", path.join(dir, "missing.txt")], {
      stdout: new PassThrough(),
      stderr: err,
      stdin: new PassThrough(),
      env: {},
    });
    expect(code).toBe(1);
    expect(chunks.join("")).toMatch(/missing\.txt: no such file/);
  });
});
