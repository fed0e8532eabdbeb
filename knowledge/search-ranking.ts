// How candidate lists from BM25 and the vector graph become one ranked list: reciprocal-rank fusion, version
// and title boosts, near-duplicate suppression.
import { LRUCache } from "lru-cache";
import { tokenize } from "./tokenizer.js";

export interface Candidate {
  slot: number;
  docId: string;
  /** Where the document came from (relative path or URL): decides whether it is an API-reference page. */
  source: string;
  title: string;
  section: string[];
  text: string;
  versionTag: string | null;
}

export interface RankOptions {
  k: number;
  prefectMajor?: number;
  /** Most chunks one document may place in the results. */
  perDocument?: number;
}

const RRF_K = 60;
/** Tuned on the retrieval eval set: the hashing vectors help recall but are weaker than BM25 at rank 1. */
export const FUSION_WEIGHTS = { bm25: 1, vector: 0.5 };

/** Reciprocal-rank fusion of ranked slot lists with per-list weights. */
export function fuse(lists: Array<{ slots: number[]; weight: number }>): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { slots, weight } of lists) {
    slots.forEach((slot, rank) => {
      scores.set(slot, (scores.get(slot) ?? 0) + weight / (RRF_K + rank + 1));
    });
  }
  return scores;
}

/** Multiplier for a chunk's Prefect major given the asker's. */
export function versionFactor(versionTag: string | null, prefectMajor: number | undefined): number {
  if (prefectMajor === undefined) return 1;
  if (versionTag === null) return 0.92;
  return versionTag === String(prefectMajor) ? 1 : 0.6;
}

/** Up to +30 % when the question's terms name the page. */
export function titleFactor(queryTokens: Set<string>, title: string): number {
  if (queryTokens.size === 0) return 1;
  // Only the page title: API-reference section headings (`flow_run`, `task_runners`) split into words so
  // common that counting them lifted reference pages above the guides people need.
  const heading = headingTokens(title);
  let hits = 0;
  for (const t of queryTokens) if (heading.has(t)) hits++;
  return 1 + 0.3 * (hits / queryTokens.size);
}

const headingCache = new Map<string, Set<string>>();

function headingTokens(text: string): Set<string> {
  let tokens = headingCache.get(text);
  if (!tokens) {
    // Headings repeat across chunks and queries; the cache is bounded by the number of distinct headings.
    if (headingCache.size > 50_000) headingCache.clear();
    tokens = new Set(tokenize(text));
    headingCache.set(text, tokens);
  }
  return tokens;
}

/** Tuned on the retrieval eval set (1.0, 0.85, 0.7, 0.55 tried; 0.7 and below score alike). */
const REFERENCE_WEIGHT = 0.7;
const REFERENCE_PAGE = /(?:^|[/_-])(?:api-?ref(?:erence)?|reference)(?:[/_.-]|$)/i;
const IDENTIFIER = /[A-Za-z0-9]_[A-Za-z0-9]|[a-z][A-Z]|[A-Za-z]\.[A-Za-z]|\(\)/;

/**
 * Generated API-reference pages are dense with every identifier, so they outscore guides on plain-language
 * questions; they are lowered unless the question itself names an identifier.
 */
export function referenceFactor(source: string, query: string): number {
  return REFERENCE_PAGE.test(source) && !IDENTIFIER.test(query) ? REFERENCE_WEIGHT : 1;
}

export function rank(
  query: string,
  scored: Map<number, number>,
  candidate: (slot: number) => Candidate,
  options: RankOptions,
): Array<{ candidate: Candidate; score: number }> {
  const queryTokens = new Set(tokenize(query));
  const boosted = [...scored].map(([slot, base]) => {
    const c = candidate(slot);
    const score =
      base *
      versionFactor(c.versionTag, options.prefectMajor) *
      titleFactor(queryTokens, c.title) *
      referenceFactor(c.source, query);
    return { candidate: c, score };
  });
  boosted.sort((a, b) => b.score - a.score);
  const picked: Array<{ candidate: Candidate; score: number; shingles: Set<number> }> = [];
  const perDoc = new Map<string, number>();
  for (const item of boosted) {
    if (picked.length >= options.k) break;
    const used = perDoc.get(item.candidate.docId) ?? 0;
    if (used >= (options.perDocument ?? 2)) continue;
    const shingles = shingleSet(item.candidate.text);
    if (picked.some((p) => jaccard(p.shingles, shingles) >= 0.8)) continue;
    perDoc.set(item.candidate.docId, used + 1);
    picked.push({ ...item, shingles });
  }
  return picked.map(({ candidate, score }) => ({ candidate, score }));
}

/**
 * Shingles per chunk text: the same chunks come up for many queries, and a chunk's text is the same string each time
 * (its hash is kept by the engine), so a lookup is cheap next to splitting and hashing the text again.
 */
const shingleCache = new LRUCache<string, Set<number>>({ max: 8192 });

function shingleSet(text: string): Set<number> {
  let shingles = shingleCache.get(text);
  if (!shingles) {
    shingles = computeShingles(text);
    shingleCache.set(text, shingles);
  }
  return shingles;
}

function computeShingles(text: string): Set<number> {
  const words = text.toLowerCase().split(/\W+/).filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + 4 <= words.length; i++) out.add(hash(words.slice(i, i + 4).join(" ")));
  if (out.size === 0 && words.length > 0) out.add(hash(words.join(" ")));
  return out;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A short extract around the first query term found, for display. */
export function snippet(text: string, query: string, length = 240): string {
  const flat = text
    .replace(/```[\w-]*\n?/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const lower = flat.toLowerCase();
  const words = query
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length > 3);
  let at = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = at < 0 ? 0 : Math.max(0, at - 60);
  const cut = flat.slice(start, start + length);
  return `${start > 0 ? "…" : ""}${cut}${start + length < flat.length ? "…" : ""}`;
}
