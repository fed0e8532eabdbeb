import { describe, expect, it } from "vitest";
import type { VersionGuess } from "../../core/index.js";
import { DEFAULT_LIMITS, type ThreadReader } from "./ports.js";
import { readThread } from "./read-thread.js";

const V3: VersionGuess = { version: "3", resolved: "3.8.3", major: 3, how: "assumed", evidence: [] };
const reader: ThreadReader = {
  unmangle: (t) => t,
  extractSnippets: () => [],
  detectVersion: (_texts, forced) => (forced ? { ...V3, version: forced, how: "stated" } : V3),
};
const read = (question: string, prefectVersion: string | null = null) =>
  readThread({ messages: [], question, prefectVersion }, reader, DEFAULT_LIMITS);

describe("readThread: is the question about Prefect?", () => {
  it("takes an unrelated question as off-topic", () => {
    expect(read("what's the best way to cook risotto?").offTopic).toBe(true);
  });

  it("keeps a question about moving between Prefect's major lines, even without the word Prefect", () => {
    expect(read("we're moving a big 2.x codebase to 3. What are the breaking changes?").offTopic).toBe(false);
    expect(read("anything to watch out for when upgrading from v2?").offTopic).toBe(false);
  });

  it("keeps a question asked with a Prefect version, but not with something that is not a version", () => {
    expect(read("how do I store config values that change between environments?", "2.20").offTopic).toBe(false);
    const banana = read("how do I store config values that change between environments?", "banana");
    expect(banana.offTopic).toBe(true);
    expect(banana.notes.join(" ")).toMatch(/not a Prefect version/);
  });
});
