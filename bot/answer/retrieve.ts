// Step 3: one query from the question, the API names in the code and the problems found; docs of the asker's
// major first, then past conversations. Near-identical passages (same document) are kept once.
import type { PrefectMajor, Retriever, SearchHit } from "../../core/index.js";
import type { Explanation } from "./explain.js";

export interface RetrievalInput {
  question: string;
  code: string[];
  explanations: Explanation[];
  apiNames: string[];
  major: PrefectMajor;
}

const TOPIC_TERMS: Record<string, string> = {
  "flow-submit": "flow has no submit run subflows concurrently wrap subflow in task",
  "flowrun-wait": "run_deployment returns FlowRun timeout wait",
  "prefect-wait-import": "prefect.futures wait as_completed",
  "wait-not-imported": "prefect.futures wait",
  "unresolved-futures": "unresolved futures crash cancelled wait result before flow returns",
  "wait-for-flow-run-async": "wait_for_flow_run async",
};

/** API-looking names used in the code: imported names and called attributes. */
function codeNames(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/from\s+(prefect[\w.]*)\s+import\s+([\w, ]+)/g))
    for (const n of m[2]!.split(",")) names.add(n.trim());
  for (const m of code.matchAll(/\.(submit|map|delay|wait|result|serve|deploy|from_source)\(/g)) names.add(m[1]!);
  names.delete("");
  return [...names].slice(0, 12);
}

export function buildQuery(input: RetrievalInput): string {
  const parts = [input.question.slice(0, 600)];
  for (const e of input.explanations) parts.push(TOPIC_TERMS[e.topic] ?? e.text.slice(0, 120));
  parts.push(...input.apiNames);
  for (const c of input.code) parts.push(...codeNames(c));
  return parts.join(" ").replace(/\s+/g, " ").trim().slice(0, 1200);
}

export interface Retrieved {
  query: string;
  docs: SearchHit[];
  conversations: SearchHit[];
}

function dedupe(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = h.docId || h.url;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Docs of the asker's major come first; documents about the other major are kept only after them. */
function preferMajor(hits: SearchHit[], major: PrefectMajor): SearchHit[] {
  const mine = hits.filter((h) => h.versionTag === null || h.versionTag === String(major));
  const other = hits.filter((h) => !(h.versionTag === null || h.versionTag === String(major)));
  return [...mine, ...other];
}

export async function retrieve(retriever: Retriever, input: RetrievalInput, signal?: AbortSignal): Promise<Retrieved> {
  const query = buildQuery(input);
  if (query === "") return { query, docs: [], conversations: [] };
  signal?.throwIfAborted();
  const [docs, conversations] = await Promise.all([
    retriever.search(query, { k: 8, prefectMajor: input.major, kind: "docs" }),
    retriever.search(query, { k: 4, prefectMajor: input.major, kind: "conversation" }),
  ]);
  return { query, docs: preferMajor(dedupe(docs), input.major), conversations: dedupe(conversations) };
}
