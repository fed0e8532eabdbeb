// Step 3: one query from the question, the API names in the code and the problems found; docs of the asker's
// major first (reference pages last unless an identifier is asked about), then past conversations. Passages of the
// same document or link are kept once.
import type { PrefectMajor, Retriever, SearchHit } from "../../../core/index.js";
import type { Explanation } from "../plan/index.js";
import { topicSearchTerms } from "../topics/index.js";
import { identifiersIn, questionTerms } from "../understand/index.js";

export interface RetrievalInput {
  question: string;
  code: string[];
  explanations: Explanation[];
  apiNames: string[];
  major: PrefectMajor;
  /** Prefect's words for what the question asks (from the answer units that match it). */
  expansions?: string[];
}

/** API-looking names used in the code: imported names and called attributes. */
export function codeNames(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/from\s+(prefect[\w.]*)\s+import\s+([\w, ]+)/g))
    for (const n of m[2]!.split(",")) names.add(n.trim());
  for (const m of code.matchAll(/\.(submit|map|delay|wait|result|serve|deploy|from_source)\(/g)) names.add(m[1]!);
  // Plain module imports (asyncio, httpx) and async functions say what the code is about too.
  for (const m of code.matchAll(/^\s*import\s+([\w.]+)/gm)) names.add(m[1]!);
  if (/^\s*async\s+def\b/m.test(code)) names.add("async");
  names.delete("");
  return [...names].slice(0, 12);
}

export function buildQuery(input: RetrievalInput): string {
  // The question's topic words and Prefect's words for its everyday phrasing, not its filler.
  const parts = [questionTerms(input.question.slice(0, 600), [], input.expansions ?? []).expanded];
  for (const e of input.explanations) parts.push(topicSearchTerms(e.topic) ?? e.text.slice(0, 120));
  parts.push(...input.apiNames);
  for (const c of input.code) parts.push(...codeNames(c));
  return parts.join(" ").replace(/\s+/g, " ").trim().slice(0, 1200);
}

export interface Retrieved {
  query: string;
  /** One passage per document, best first. */
  docs: SearchHit[];
  /** Every docs passage returned, several per document possibly (for summarising a whole note). */
  docPassages: SearchHit[];
  conversations: SearchHit[];
}

/** One hit per document and per public link (a pack note and the docs page it cites share a link). */
function dedupe(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const keys = [h.docId, h.url].filter(Boolean);
    if (keys.some((k) => seen.has(k))) return false;
    for (const k of keys) seen.add(k);
    return true;
  });
}

const REFERENCE = /\/api-ref\/|\/release-notes\/|\/changelog/i;

/** A generated API-reference, release-notes or changelog page. */
export function isReferencePage(url: string): boolean {
  return REFERENCE.test(url);
}

/**
 * Generated API-reference and release-notes pages list every name, so they match many questions without answering
 * them: they go after the guides unless the question names an identifier.
 */
function guidesFirst(hits: SearchHit[], question: string): SearchHit[] {
  if (identifiersIn(question).length > 0) return hits;
  return [...hits.filter((h) => !isReferencePage(h.url)), ...hits.filter((h) => isReferencePage(h.url))];
}

/** True when a hit is about the other major: its version tag, or a section such as "Prefect 2" in a notes page. */
function aboutOtherMajor(hit: SearchHit, major: PrefectMajor): boolean {
  const other = major === 3 ? "2" : "3";
  if (hit.versionTag === other) return true;
  return hit.section.some(
    (s) => new RegExp(`\\b(?:prefect\\s*)?${other}(?:\\.x)?\\b`, "i").test(s) && !s.includes(String(major)),
  );
}

/** Docs of the asker's major come first; passages about the other major are kept only after them. */
function preferMajor(hits: SearchHit[], major: PrefectMajor): SearchHit[] {
  return [...hits.filter((h) => !aboutOtherMajor(h, major)), ...hits.filter((h) => aboutOtherMajor(h, major))];
}

export async function retrieve(retriever: Retriever, input: RetrievalInput, signal?: AbortSignal): Promise<Retrieved> {
  const query = buildQuery(input);
  if (query === "") return { query, docs: [], docPassages: [], conversations: [] };
  signal?.throwIfAborted();
  const [docs, conversations] = await Promise.all([
    retriever.search(query, { k: 8, prefectMajor: input.major, kind: "docs" }),
    retriever.search(query, { k: 4, prefectMajor: input.major, kind: "conversation" }),
  ]);
  const ordered = guidesFirst(preferMajor(docs, input.major), input.question);
  return { query, docs: dedupe(ordered), docPassages: ordered, conversations: dedupe(conversations) };
}

function chunkOrder(hit: SearchHit): number {
  const m = /#(\d+)$/.exec(hit.id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * The passages of one document, in document order and without sections about the other major: a second search by
 * the document's title brings back more of it than a short question does.
 */
export async function notePassages(
  retriever: Retriever,
  best: SearchHit,
  retrieved: Retrieved,
  major: PrefectMajor,
): Promise<SearchHit[]> {
  // Singular forms match a note's opening prose better than a question's plurals ("tasks vs subflows").
  const titleWords = (best.title.toLowerCase().match(/[a-z_]{3,}/g) ?? []).map((w) =>
    w.length > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w,
  );
  const byTitle = await retriever.search(titleWords.join(" "), { k: 8, kind: best.kind, prefectMajor: major });
  const all = [...retrieved.docPassages, ...byTitle].filter(
    (h) => h.docId === best.docId && !aboutOtherMajor(h, major),
  );
  const unique = [...new Map(all.map((h) => [h.id, h])).values()];
  return unique.sort((a, b) => chunkOrder(a) - chunkOrder(b));
}
