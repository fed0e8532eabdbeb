// The release-notes hook through the real engine (offline), with small in-test readers and retrievers.
import { describe, expect, it } from "vitest";
import type { VersionGuess } from "../../../core/index.js";
import { loadChangeFacts, loadPrefectFacts } from "../../../knowledge/index.js";
import { createAnswerEngine } from "../engine.js";
import type { AnswerDeps } from "../ports.js";
import { withChangeLead } from "./change-lead.js";

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
  it("points to the fix released after the asker's version, after the answer (a word match never leads)", async () => {
    const answer = await createAnswerEngine(deps(true)).answer({ messages: [], question, prefectVersion: "3.4.12" });
    expect(answer.markdown.split("\n")[0]).not.toMatch(/Fixed in/);
    expect(answer.markdown).toContain(
      "_Possibly related release note: Fixed in 3.4.24 (#19189): “Fix worker/runner crashes when flow runs are deleted”. You are on 3.4.12: upgrade to 3.4.24 or later. ([#19189](https://github.com/PrefectHQ/prefect/pull/19189))._",
    );
  });

  it("tells an asker who already has the fix that they have it, without an upgrade", async () => {
    const answer = await createAnswerEngine(deps(true)).answer({ messages: [], question, prefectVersion: "3.6.0" });
    expect(answer.markdown).toMatch(
      /Possibly related release note: Fixed in 3\.4\.24 \(#19189\), which your 3\.6\.0 already includes/,
    );
    expect(answer.markdown).not.toMatch(/upgrade to 3\.4\.24/);
  });

  it("leads with an API that arrived after the asker's release (a fact of the API history)", () => {
    const lead = {
      lead: "`x` arrived in 3.5.0; you are on 3.4.20: upgrade to 3.5.0 or later.",
      basis: "api-history" as const,
      release: "3.5.0",
      pr: null,
      url: null,
      related: [],
    };
    expect(withChangeLead("answer", lead).split("\n")[0]).toBe(`**${lead.lead}**`);
  });

  it("leaves answers alone without change facts", async () => {
    const answer = await createAnswerEngine(deps(false)).answer({ messages: [], question, prefectVersion: "3.4.12" });
    expect(answer.markdown).not.toMatch(/Fixed in/);
  });

  it("answers an upgrade question with the guide between the two releases", async () => {
    const answer = await createAnswerEngine(deps(true)).answer({
      messages: [],
      question: "What do I need to change in my Prefect code to upgrade from 2.20 to 3.4?",
    });
    const lines = answer.markdown.split("\n");
    expect(lines[0]).toMatch(/^\*\*Going from Prefect 2\.20\.0 to 3\.4\.25\*\* \(a major version/);
    expect(answer.markdown).toMatch(/`prefect\.agent\.PrefectAgent` \(Agents were replaced by workers/);
    expect(answer.markdown).toMatch(/CLI commands removed, e\.g\. `prefect agent start`/);
  });

  it.each([
    "How do I go from 3 to 5 retries on a task in Prefect?",
    "Can a Prefect flow move files from 2.5 to 3.5 GB buckets?",
    // The upgrade told as the story, then something else asked: that is the question.
    "Upgraded from 2 to 3.1.12 and now my task shows `Cached(type=COMPLETED)` in the log. I never set up caching?",
  ])("leads with no upgrade guide unless the upgrade is what is asked: %s", async (question) => {
    const answer = await createAnswerEngine(deps(true)).answer({ messages: [], question, prefectVersion: "3.4.20" });
    expect(answer.markdown).not.toMatch(/Going from Prefect/);
  });

  it("never states a weak match", () => {
    const weak = {
      lead: null,
      basis: null,
      release: null,
      pr: null,
      url: null,
      related: [{ text: "x", release: "1", url: "u" }],
    };
    expect(withChangeLead("answer", weak)).toBe("answer");
  });
});
