// The two archived support threads: Orca must find, in the asker's and the bot's code, the mistakes those threads
// are known for. The seeds are read from the shared data beside the checkout at run time.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../core/index.js";
import { sharedDataDir } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter, detectVersion, extractSnippets } from "../lint/index.js";

const seedsDir = path.join(sharedDataDir, "seeds");
const available = existsSync(seedsDir) && readdirSync(seedsDir).some((f) => f.endsWith(".txt"));

interface SeedMessage {
  isBot: boolean;
  text: string;
}

/** Splits an archived thread at its "MM/DD/YYYY, H:MM PM" headers; the author name ends the line before. */
function splitThread(text: string): SeedMessage[] {
  const header = /(\d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} [AP]M)/g;
  const parts = text.split(header);
  const messages: SeedMessage[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const before = parts[i - 1] ?? "";
    const author = before.trimEnd().split("\n").at(-1) ?? "";
    messages.push({ isBot: author.trim().endsWith("Marvin"), text: parts[i + 1] ?? "" });
  }
  return messages;
}

async function lintSeed(file: string) {
  const text = readFileSync(path.join(seedsDir, file), "utf8");
  const facts = loadPrefectFacts();
  const linter = await createLinter(facts);
  const messages = splitThread(text);
  const version = detectVersion(
    messages.map((m) => m.text),
    facts,
  );
  const found: { isBot: boolean; code: string; diagnoses: Diagnosis[] }[] = [];
  messages.forEach((message, index) => {
    for (const snippet of extractSnippets(message.text, index)) {
      if (snippet.language !== "python") continue;
      const result = linter.lintSnippet(snippet, version.resolved);
      found.push({ isBot: message.isBot, code: snippet.code, diagnoses: result.diagnoses });
    }
  });
  return { version, found, all: found.flatMap((f) => f.diagnoses.map((d) => ({ ...d, isBot: f.isBot }))) };
}

describe.skipIf(!available)("seed threads (shared data)", () => {
  it("thread 000: run_deployment(...).wait() and the mangled main guard in the bot's answer", async () => {
    const { all, found } = await lintSeed("000_8338dfd06d96388d.txt");
    expect(found.length).toBeGreaterThanOrEqual(2);
    const flowRunWait = all.find(
      (d) => d.rule === "unknown-attribute" && d.subject?.name === "prefect.client.schemas.objects.FlowRun.wait",
    );
    expect(flowRunWait?.isBot).toBe(true);
    const guard = all.find((d) => d.rule === "main-guard");
    expect(guard?.fix?.edits[0]?.text).toBe('if __name__ == "__main__":');
  });

  it("thread 001: Flow.submit, unresolved futures and Slack-mangled logger.info", async () => {
    const { all, found, version } = await lintSeed("001_a490d32bbe8e3703.txt");
    expect(version.major).toBe(3);
    expect(
      all.some((d) => d.rule === "unknown-attribute" && d.message.includes("Flow") && d.message.includes("submit")),
    ).toBe(true);
    // The asker's own flow leaves its last future unresolved: the cause of the crash the thread is about.
    expect(
      all.some((d) => d.rule === "unresolved-futures" && !d.isBot && d.message.includes("no_op_task.submit")),
    ).toBe(true);
    const mangled = all.filter((d) => d.rule === "slack-mangled" && d.message.includes("logger.info"));
    expect(mangled.some((d) => !d.isBot)).toBe(true);
    expect(mangled.some((d) => d.isBot)).toBe(true);
    if (found.some((f) => /from prefect import[^\n]*\bwait\b/.test(f.code))) {
      expect(all.some((d) => d.rule === "wrong-module")).toBe(true);
    }
  });

  it("thread 001: the bot's submit_to_runner answer is removed in the newest release", async () => {
    const { all } = await lintSeed("001_a490d32bbe8e3703.txt");
    expect(all.some((d) => d.rule === "removed-in-version" && d.message.includes("submit_to_runner"))).toBe(true);
  });
});

describe.runIf(!available)("seed threads (shared data)", () => {
  it.skip(`skipped: no seed threads at ${seedsDir}`, () => {});
});
