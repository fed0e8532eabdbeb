// Scores a Retriever on the question -> page set: hit@1, hit@5 and MRR (over the first 10 distinct pages),
// for each retrieval mode side by side.
import type { RetrievalMode, Retriever, SearchHit } from "../../core/index.js";
import { RETRIEVAL_CASES, type RetrievalCase } from "./cases.js";

export const RETRIEVAL_MODES: RetrievalMode[] = ["hybrid", "bm25", "vector"];

export interface ModeScore {
  mode: RetrievalMode;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  cases: number;
}

export interface CaseResult {
  question: string;
  mode: RetrievalMode;
  /** 1-based rank of the first expected page among distinct pages, null when not in the first 10. */
  rank: number | null;
  top: string[];
}

export interface RetrievalEvalResult {
  modes: ModeScore[];
  cases: CaseResult[];
}

export interface RetrievalEvalOptions {
  cases?: RetrievalCase[];
  modes?: RetrievalMode[];
  /**
   * Names the corpus page a hit comes from, in the cases' form ("v3/concepts/flows.mdx"). The default reads the
   * version tag and the document's source path, so Orca's own pack notes (which link the same public pages)
   * never count as corpus hits, and a copied corpus scores like the original.
   */
  pageOf?: (hit: SearchHit) => string;
}

/** "v3/concepts/flows.mdx" for a corpus chunk (document ids are "<origin hash>:<path inside the folder>"). */
export function corpusPageOf(hit: SearchHit): string {
  const source = hit.docId.slice(hit.docId.indexOf(":") + 1);
  return hit.versionTag ? `v${hit.versionTag}/${source}` : hit.url;
}

export async function runRetrievalEval(
  retriever: Retriever,
  options: RetrievalEvalOptions = {},
): Promise<RetrievalEvalResult> {
  const cases = options.cases ?? RETRIEVAL_CASES;
  const pageOf = options.pageOf ?? corpusPageOf;
  const result: RetrievalEvalResult = { modes: [], cases: [] };
  for (const mode of options.modes ?? RETRIEVAL_MODES) {
    let hit1 = 0;
    let hit5 = 0;
    let rr = 0;
    for (const c of cases) {
      const expected = new Set(c.expected);
      const hits = await retriever.search(c.question, { k: 10, mode, prefectMajor: c.prefectMajor, kind: "docs" });
      const pages = [...new Set(hits.map(pageOf))];
      const index = pages.findIndex((u) => expected.has(u));
      const rank = index >= 0 ? index + 1 : null;
      if (rank === 1) hit1++;
      if (rank !== null && rank <= 5) hit5++;
      if (rank !== null) rr += 1 / rank;
      result.cases.push({ question: c.question, mode, rank, top: pages.slice(0, 5) });
    }
    const n = Math.max(1, cases.length);
    result.modes.push({ mode, hitAt1: hit1 / n, hitAt5: hit5 / n, mrr: rr / n, cases: cases.length });
  }
  return result;
}

export function formatRetrievalReport(result: RetrievalEvalResult): string {
  const rows = result.modes.map(
    (m) =>
      `${m.mode.padEnd(8)} ${m.hitAt1.toFixed(3).padStart(6)} ${m.hitAt5.toFixed(3).padStart(6)} ${m.mrr.toFixed(3).padStart(6)}`,
  );
  return [`mode      hit@1  hit@5    MRR   (${result.modes[0]?.cases ?? 0} questions)`, ...rows].join("\n");
}
