// Latency figures everywhere (evals, bench, lint and retrieval benchmarks) use the same nearest-rank percentile, so
// every reported figure is a real sample and two reports of the same samples agree.

/** The nearest-rank percentile `p` (0..100) of already sorted samples; 0 for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
