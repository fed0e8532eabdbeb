// Offline answers on the questions of the seed threads (../shared/seeds, read at test time): they must name the real
// problems the community bot got wrong and give corrected code that lints clean for the version.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrca, type Orca } from "../bot/index.js";
import {
  type Answer,
  loadConfig,
  sharedDataDir,
  silentLogger,
  type Thread,
  type ThreadMessage,
} from "../core/index.js";
import { parseArchivedThread } from "../ingest/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter, type Linter } from "../lint/index.js";

const seedsDir = path.join(sharedDataDir, "seeds");
const haveSeeds = existsSync(seedsDir);
if (!haveSeeds) console.warn(`skipping seed answers: ${seedsDir} is absent (the shared data lives beside the repo)`);

function seed(prefix: string): ThreadMessage[] {
  const file = readFileSync(path.join(seedsDir, `${prefix}`), "utf8");
  return parseArchivedThread(file);
}

/** The thread up to the first human message matching `pattern`, asked as the question. */
function askAt(messages: ThreadMessage[], pattern: RegExp): Thread {
  const i = messages.findIndex((m) => !m.isBot && pattern.test(m.text));
  if (i < 0) throw new Error(`no human message matches ${pattern}`);
  return { messages: messages.slice(0, i), question: messages[i]!.text, asker: messages[i]!.author };
}

let orca: Orca;
let linter: Linter;
let dataDir: string;

beforeAll(async () => {
  if (!haveSeeds) return;
  dataDir = mkdtempSync(path.join(tmpdir(), "orca-seeds-"));
  orca = await createOrca({ config: loadConfig({ ORCA_DATA_DIR: dataDir }), logger: silentLogger() });
  linter = await createLinter(loadPrefectFacts());
});

afterAll(async () => {
  await orca?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function expectCleanCode(answer: Answer): string {
  const code = answer.correctedCode;
  expect(code).toBeTruthy();
  const problems = linter
    .lint(code!, answer.version.resolved)
    .diagnoses.filter((d) => d.severity === "error" || d.rule === "unresolved-futures");
  expect(problems).toEqual([]);
  // The code in the reply is the corrected code, not flagged as unverified.
  expect(answer.markdown).toContain(code!.split("\n")[0]!);
  expect(answer.markdown).not.toMatch(/Not verified/);
  return code!;
}

describe.skipIf(!haveSeeds)("offline answers on the seed threads", () => {
  const files = haveSeeds ? { subflows: "000_8338dfd06d96388d.txt", futures: "001_a490d32bbe8e3703.txt" } : null;

  it("subflow fan-out with a_flow.submit(): flows have no .submit(), wait lives in prefect.futures", async () => {
    const thread = askAt(seed(files!.futures), /Debug this flow/);
    const answer = await orca.engine.answer(thread);
    expect(answer.mode).toBe("offline");
    expect(answer.markdown.split("\n")[0]).toMatch(/^\*\*No, this needs fixing for Prefect 3/);
    expect(answer.markdown).toMatch(/flows have no `\.submit\(\)`/);
    expect(answer.markdown).toMatch(/has no `\.submit\(\)` method, in Prefect 2 and 3 alike/);
    expect(answer.markdown).toMatch(/`wait` is never imported \(it lives in `prefect\.futures`\)/);
    const code = expectCleanCode(answer);
    expect(code).not.toMatch(/\b[abcd]_flow\.submit\(/);
    expect(code).toMatch(/@task\s+def run_a_flow/);
    expect(code).toContain("from prefect.futures import wait");
    expect(code).toMatch(/wait\(\[.*d_flow_future.*\]\)/);
  });

  it("the 'Crash detected' thread: futures must be resolved before a 3.x flow returns", async () => {
    const thread = askAt(seed(files!.futures), /Crash detected/);
    const answer = await orca.engine.answer(thread);
    expect(answer.diagnoses.map((d) => d.rule)).toContain("unresolved-futures");
    expect(answer.markdown).toMatch(/futures are left unresolved when the flow returns/);
    expect(answer.markdown).toMatch(/Crash detected! Execution was cancelled by the runtime environment/);
    const code = expectCleanCode(answer);
    expect(code).toMatch(/\.wait\(\)|\.result\(\)|\bwait\(\[/);
  });

  it("the time.sleep variant: both pasted snippets checked, the failing one corrected", async () => {
    const thread = askAt(seed(files!.futures), /time\.sleep\(5\)/);
    const answer = await orca.engine.answer(thread);
    expect(answer.version.major).toBe(3);
    expect(answer.markdown).toMatch(/futures are left unresolved/);
    const code = expectCleanCode(answer);
    expect(code).toContain("time.sleep(5)");
    expect(code).toContain("logger.info("); // Slack's <http://logger.info|logger.info> undone
  });

  it("'wait(futures)?': wait exists in prefect.futures, with its parameters", async () => {
    const thread = askAt(seed(files!.futures), /^wait\(futures\)/);
    const answer = await orca.engine.answer(thread);
    expect(answer.markdown.split("\n")[0]).toMatch(/`prefect\.futures\.wait` exists in Prefect 3/);
    expect(answer.markdown).toContain("from prefect.futures import wait");
    expect(answer.markdown).toMatch(/parameters: futures, timeout/);
  });

  it("the run_deployment answer in the subflows thread: FlowRun has no .wait(), run_deployment already waited", async () => {
    const answer = await orca.engine.answer({
      messages: seed(files!.subflows),
      question: "@Orca is the code in this thread correct?",
    });
    expect(answer.markdown).toMatch(
      /`run_deployment` waits for the run by default and returns a `FlowRun`, which has no `\.wait\(\)`/,
    );
    expect(answer.markdown).toMatch(/timeout=0/);
    expect(answer.markdown).toMatch(/the code from Marvin \(a bot's answer\) above/);
    const code = expectCleanCode(answer);
    expect(code).not.toMatch(/\.wait\(\)/);
    expect(code).toContain('if __name__ == "__main__":');
  });

  it("reports the version and how it was decided, and timings for every step", async () => {
    const thread = askAt(seed(files!.futures), /Debug this flow/);
    const answer = await orca.engine.answer({ ...thread, prefectVersion: "3.4.20" });
    expect(answer.version).toMatchObject({ how: "stated", resolved: "3.4.20" });
    expect(answer.markdown).toMatch(/_Prefect 3\.4\.20 \(stated/);
    for (const step of ["read", "lint", "retrieve", "compose", "verify", "total"])
      expect(answer.timings[step]).toBeGreaterThanOrEqual(0);
  });
});
