// The real tools behind the audit. It needs no index: the facts, snippet-lint and version detection.
import { asyncOnlyLookup, loadPrefectFacts } from "../../knowledge/index.js";
import { createLinter, detectVersion, extractSnippets, unmangleSlack } from "../../lint/index.js";
import type { AuditTools } from "./audit-transcript.js";

export async function createAuditTools(): Promise<AuditTools> {
  const facts = loadPrefectFacts();
  const linter = await createLinter(facts);
  return {
    facts,
    extractSnippets: (text, index) => extractSnippets(text, index),
    lintSnippet: (snippet, release) => linter.lintSnippet(snippet, release).diagnoses,
    detectVersion: (texts, forced) => detectVersion(texts, facts, forced ?? undefined),
    unmangle: (text) => unmangleSlack(text).text,
    isAsyncOnly: asyncOnlyLookup(facts),
  };
}
