// Prose claims end to end in LLM mode: a fake OpenAI-compatible server (real HTTP) replies with wrong drafts modelled
// on the incumbent bot's answers in the seed threads. Whatever the model writes, the posted answer holds no false
// claim (prose or code) for the asker's release, and the notes say what really happened.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pythonBlocks } from "../bot/answer/verify/index.js";
import { createOrca, type Orca } from "../bot/index.js";
import { loadConfig, silentLogger } from "../core/index.js";
import { createClaimChecker } from "../knowledge/claims/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "../lint/index.js";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai/index.js";

const draft = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "fixtures/wrong-drafts", `${name}.md`), "utf8");
const RELEASE = "3.4.20";
const facts = loadPrefectFacts();
const claims = createClaimChecker(facts);

let fake: FakeOpenAI;
let orca: Orca;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dataDir = mkdtempSync(path.join(tmpdir(), "orca-llm-claims-"));
  const config = loadConfig({
    ORCA_DATA_DIR: dataDir,
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: "sk-test-claims",
    OPENAI_MODEL: "fake-model",
  });
  orca = await createOrca({
    config,
    logger: silentLogger(),
    limits: { callTimeoutMs: 1_500, answerTimeoutMs: 6_000, backoffMs: 5, maxAttempts: 3 },
  });
});

afterAll(async () => {
  await orca?.close();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  fake.requests.length = 0;
  fake.setFallback({ kind: "status", status: 500 });
});

const ask = (question: string) => orca.engine.answer({ messages: [], question, prefectVersion: RELEASE });
const repairMessage = (i: number) =>
  [...(fake.requests[i]?.body?.messages ?? [])].reverse().find((m) => m.role === "user")?.content ?? "";

/** The posted answer states nothing false for the release: no false claim in prose, no failing code. */
async function expectNothingFalse(markdown: string) {
  expect(claims.check(markdown, RELEASE).falseSentences.map((f) => f.sentence)).toEqual([]);
  const linter = await createLinter(facts);
  for (const block of pythonBlocks(markdown)) {
    const blocking = linter.lint(block.code, RELEASE).diagnoses.filter((d) => d.severity === "error");
    expect(blocking).toEqual([]);
  }
}

describe("prose claims in LLM mode", () => {
  it("removes the seed's false claims when the model repeats them, and the notes say what was removed", async () => {
    const wrong = draft("concurrent-subflows");
    fake.script(
      { kind: "reply", content: wrong },
      { kind: "reply", content: wrong },
      { kind: "reply", content: wrong },
    );
    const answer = await ask("Can I run subflows concurrently with .submit() and wait for them?");
    expect(answer.mode).toBe("llm");
    expect(fake.requests).toHaveLength(3);
    // The repair message states each false claim precisely: the claim, the fact, the release.
    expect(repairMessage(1)).toMatch(
      /tasks and subflows have \.submit\(\).*false for Prefect 3\.4\.20: .*`Flow` objects have no `\.submit\(\)`/,
    );
    expect(repairMessage(1)).toMatch(/returns a `FlowRun`, which has no `\.wait\(\)`/);
    expect(repairMessage(1)).toMatch(/does not wait for futures it did not resolve/);

    expect(answer.markdown).not.toContain("subflows concurrently is supported");
    expect(answer.markdown).not.toContain("Prefect will track submitted tasks");
    expect(answer.markdown).not.toContain("a_flow.submit()");
    expect(answer.markdown).toMatch(
      /Orca removed a statement that is false for Prefect 3\.4\.20: In Prefect 3\.4\.20 `Flow` objects have no `\.submit\(\)`/,
    );
    expect(answer.markdown).toContain("Import `wait` from `prefect.futures`"); // true sentences stay
    await expectNothingFalse(answer.markdown);

    const notes = answer.notes.join(" ");
    expect(notes).not.toMatch(/passed/);
    expect(notes).toMatch(
      /still failed Orca's checks after 2 repair round\(s\), so Orca removed what failed: a code block/,
    );
    expect(notes).toMatch(/the statement "Using `\.submit\(\)` to run tasks and subflows/);
  });

  it("keeps a draft the model repairs, and says it passed only then", async () => {
    fake.script(
      { kind: "reply", content: draft("deployment-wait") },
      { kind: "reply", content: draft("deployment-wait-fixed") },
    );
    const answer = await ask("How do I wait for a deployment run started from a parent flow?");
    expect(fake.requests).toHaveLength(2);
    expect(repairMessage(1)).toMatch(/`poll_interval` of `run_deployment` defaults to `5`, not 10/);
    expect(repairMessage(1)).toMatch(/Prefect 3\.4\.20/);
    expect(answer.markdown).toBe(draft("deployment-wait-fixed").trim());
    await expectNothingFalse(answer.markdown);
    expect(answer.notes).toContain("The model's draft passed Orca's checks after 1 repair round(s).");
  });

  it("removes false CLI, settings, version and behaviour claims that survive every repair round", async () => {
    const wrong = draft("agents-and-settings");
    fake.script(
      { kind: "reply", content: wrong },
      { kind: "reply", content: wrong },
      { kind: "reply", content: wrong },
    );
    const answer = await ask("How do I run my deployment on my own server?");
    expect(answer.mode).toBe("llm");
    for (const gone of ["prefect agent start -q default", "was added in 3.2", "Calling a task returns"])
      expect(answer.markdown).not.toContain(gone);
    expect(answer.markdown).toMatch(/Prefect 3 has no agents: run `prefect worker start --pool/);
    expect(answer.markdown).toMatch(/first appeared in Prefect 3\.0\.0/);
    expect(answer.markdown).toContain("`PREFECT_API_URL`"); // a true step stays
    await expectNothingFalse(answer.markdown);
    expect(answer.notes.join(" ")).toMatch(/removed what failed: the statement "Start an agent/);
    expect(answer.notes.join(" ")).not.toMatch(/passed/);
  });
});

describe("prose claims offline", () => {
  it("sends the offline composer's answers through the same checker: nothing false is posted", async () => {
    fake.setFallback({ kind: "status", status: 400 });
    for (const question of [
      "Can flows be submitted with .submit() in Prefect 3?",
      "Does run_deployment return a future I can wait on?",
      "How do I start an agent?",
    ]) {
      const answer = await ask(question);
      expect(answer.mode).toBe("offline");
      await expectNothingFalse(answer.markdown);
    }
  });
});
