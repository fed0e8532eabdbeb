// Close-match suggestions for an unknown dotted name: the last component by edit distance, same module first.
import { editDistance } from "../../core/index.js";

/** How many edits a last component of this length may be from the query (short names must match exactly). */
export function allowedEdits(length: number): number {
  return length <= 2 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/**
 * Ranks candidates grouped by last component. `byLast` maps a lower-cased last component to the names ending in it;
 * `isPresent` says whether a name exists in the version asked about (those rank higher).
 */
export function rankSuggestions(
  name: string,
  byLast: ReadonlyMap<string, readonly string[]>,
  isPresent: (fq: string) => boolean,
  limit = 5,
): string[] {
  const dot = name.lastIndexOf(".");
  const module = dot < 0 ? "" : name.slice(0, dot);
  const last = (dot < 0 ? name : name.slice(dot + 1)).toLowerCase();
  if (!last) return [];
  const max = allowedEdits(last.length);
  const scored: { fq: string; score: number }[] = [];
  for (const [component, candidates] of byLast) {
    const distance = component === last ? 0 : editDistance(last, component, max);
    if (distance > max) continue;
    for (const fq of candidates) {
      if (fq === name) continue;
      const sameModule = module !== "" && fq.startsWith(`${module}.`) && fq.lastIndexOf(".") === module.length;
      // Lower is better: distance dominates, then same module, then presence, then nearness in the package tree,
      // then shorter (more public) names.
      const score =
        distance * 100 +
        (sameModule ? 0 : 30) +
        (isPresent(fq) ? 0 : 20) -
        3 * Math.min(sharedSegments(fq, module), 5) +
        Math.min(fq.split(".").length, 9);
      scored.push({ fq, score });
    }
  }
  scored.sort((a, b) => a.score - b.score || (a.fq < b.fq ? -1 : a.fq > b.fq ? 1 : 0));
  const out: string[] = [];
  for (const s of scored) {
    if (!out.includes(s.fq)) out.push(s.fq);
    if (out.length >= limit) break;
  }
  return out;
}

/** How many leading dotted segments two names share. */
function sharedSegments(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return i;
}
