// The release-notes hook through the real engine (offline), with small in-test readers and retrievers.
import { describe, expect, it } from "vitest";
import type { VersionGuess } from "../../core/index.js";
import { loadChangeFacts, loadPrefectFacts } from "../../knowledge/index.js";
import { withChangeLead } from "./change-lead.js";
import { createAnswerEngine } from "./engine.js";
import type { AnswerDeps } from "./ports.js";

const facts = loadPrefectFacts();
const ASSUMED: VersionGuess = { version: "3", resolved: "3.8.3", major: 3, how: "assumed", evidence: [] };

function deps(withChanges: boolean): AnswerDeps {
  return {
    facts,
    changes: withChanges ? loadChangeFacts() : undefined,
    linter: { lint: (code, version) => ({ version, diagnoses: [], fixedCode: code }) },
    reader: {
      unmangle: (t) => t,
      extractSnippets: () => [],
      detectVersion: (_texts, forced) =>
        forced
          ? { version: forced, resolved: forced, major: 3, how: "stated", evidence: [`${forced} given`] }
          : ASSUMED,
    },
    retriever: { search: async () => [] },
  };
}

const question = "Our workers crash every time someone deletes a flow run from the UI while it is still running.";

describe("the change lead in answers", () => {
  it("leads the offline answer with the fix released after the asker's version", async () => {
    const answer = await createAnswerEngine(deps(true)).answer({ messages: [], question, prefectVersion: "3.4.12" });
    expect(answer.markdown.split("\n")[0]).toBe(
      "**Fixed in 3.4.24 (#19189): “Fix worker/runner crashes when flow runs are deleted”. You are on 3.4.12: upgrade to 3.4.24 or later.** ([#19189](https://github.com/PrefectHQ/prefect/pull/19189))",
    );
  });

  it("says nothing about releases once the asker has the fix", async () => {
    const answer = await createAnswerEngine(deps(true)).answer({ messages: [], question, prefectVersion: "3.6.0" });
    expect(answer.markdown).not.toMatch(/Fixed in 3\.4\.24/);
  });

  it("leaves answers alone without change facts", async () => {
    const answer = await createAnswerEngine(deps(false)).answer({ messages: [], question, prefectVersion: "3.4.12" });
    expect(answer.markdown).not.toMatch(/Fixed in/);
  });

  it("never states a weak match", () => {
    const weak = { lead: null, release: null, pr: null, url: null, related: [{ text: "x", release: "1", url: "u" }] };
    expect(withChangeLead("answer", weak)).toBe("answer");
  });
});
