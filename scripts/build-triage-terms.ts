// Regenerates triage/data/doc-terms.json from the Prefect docs (../shared/corpus/prefect-docs, read at run time) and
// the page → topic table triage/data/doc-topics.yaml: for each topic, the stemmed words its pages use far more often
// than the other topics' pages (smoothed log-odds), so the classifier can place wording the cue tables lack.
//   npx tsx scripts/build-triage-terms.ts
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { repoRoot, sharedDataDir, splitFrontMatter } from "../core/index.js";
import { tokenize } from "../knowledge/index.js";

const DOCS = path.join(sharedDataDir, "corpus", "prefect-docs");
const TABLE = path.join(repoRoot, "triage", "data", "doc-topics.yaml");
const OUT = path.join(repoRoot, "triage", "data", "doc-terms.json");
const TERMS_PER_TOPIC = 150;
const MIN_COUNT = 3;
/** Per page, at most this many tokens, so one huge page (an integration's API reference) cannot dominate. */
const MAX_TOKENS_PER_PAGE = 4000;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.mdx?$/.test(name) ? [full] : [];
  });
}

const table = parse(readFileSync(TABLE, "utf8")) as Record<string, string[]>;
const pages = walk(DOCS).map((file) => path.relative(DOCS, file).split(path.sep).join("/"));
const counts = new Map<string, Map<string, number>>();
/** Pages of the topic that use a word: a word from one page's example (an "elevator" flow) is not the topic's. */
const pageFreq = new Map<string, Map<string, number>>();
const totals = new Map<string, number>();
const pageCount: Record<string, number> = {};
for (const [topic, prefixes] of Object.entries(table)) {
  const c = new Map<string, number>();
  const df = new Map<string, number>();
  pageFreq.set(topic, df);
  let total = 0;
  const mine = pages.filter((p) => prefixes.some((prefix) => p.startsWith(prefix)) && !p.includes("/api-ref"));
  pageCount[topic] = mine.length;
  for (const page of mine) {
    const text = splitFrontMatter(readFileSync(path.join(DOCS, page), "utf8")).body;
    // Each page counts a word at most 3 times: a page about X repeats X, but one page must not define a topic.
    const perPage = new Map<string, number>();
    for (const token of tokenize(text).slice(0, MAX_TOKENS_PER_PAGE))
      perPage.set(token, Math.min(3, (perPage.get(token) ?? 0) + 1));
    for (const [token, n] of perPage) {
      df.set(token, (df.get(token) ?? 0) + 1);
      c.set(token, (c.get(token) ?? 0) + n);
      total += n;
    }
  }
  counts.set(topic, c);
  totals.set(topic, total);
}
const vocabulary = new Set([...counts.values()].flatMap((c) => [...c.keys()]));
const grand = new Map<string, number>();
for (const c of counts.values()) for (const [t, n] of c) grand.set(t, (grand.get(t) ?? 0) + n);
const grandTotal = [...totals.values()].reduce((a, b) => a + b, 0);
const alpha = 0.5;
const out: Record<string, Record<string, number>> = {};
for (const [topic, c] of counts) {
  const total = totals.get(topic) ?? 0;
  const scored: Array<[string, number]> = [];
  for (const [term, n] of c) {
    const minPages = Math.min(2, pageCount[topic] ?? 1);
    if (n < MIN_COUNT || /^\d+$/.test(term) || (pageFreq.get(topic)?.get(term) ?? 0) < minPages) continue;
    const inside = (n + alpha) / (total + alpha * vocabulary.size);
    const outside = ((grand.get(term) ?? 0) - n + alpha) / (grandTotal - total + alpha * vocabulary.size);
    const weight = Math.log(inside / outside);
    if (weight > 1) scored.push([term, Math.round(weight * 100) / 100]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  out[topic] = Object.fromEntries(scored.slice(0, TERMS_PER_TOPIC));
}
writeFileSync(
  OUT,
  `${JSON.stringify({ generatedFrom: "prefect-docs v2+v3 via doc-topics.yaml", pages: pageCount, terms: out }, null, 1)}\n`,
);
console.log(
  `wrote ${path.relative(repoRoot, OUT)}: ${Object.entries(pageCount)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ")}`,
);
