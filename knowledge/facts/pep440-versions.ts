// Release ordering by PEP 440 (Prefect's own versioning scheme), through @renovatebot/pep440: "2.20.0rc1" sorts
// before "2.20.0", "3.10.0" after "3.9.0". Everything that compares release-notes releases goes through here.
import { compare, explain, valid } from "@renovatebot/pep440";

export function comparePep440(a: string, b: string): number {
  return compare(a, b);
}

export function isPep440(text: string): boolean {
  return valid(text.trim()) !== null;
}

/** True for "2.20rc1", "3.0.0.dev3": versions that were never a final release. */
export function isPrerelease(text: string): boolean {
  const parsed = explain(text.trim());
  return parsed !== null && (parsed.is_prerelease || parsed.is_devrelease);
}

/** Index of the newest release at or below `version` in an oldest-first list, -1 when all are newer. */
export function atOrBelow(releases: readonly string[], version: string): number {
  let lo = 0;
  let hi = releases.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compare(releases[mid]!, version) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
