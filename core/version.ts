// Release-number arithmetic shared by version detection, the facts and the linter.

/** Parses "3.4.20", "3.4", "3" (missing parts are 0); pre-release suffixes are ignored. Null when not a version. */
export function parseVersion(text: string): [number, number, number] | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? [0, 0, 0];
  const pb = parseVersion(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The major line of a release ("3.4.20" → 3). */
export function majorOf(release: string): number {
  return Number(release.split(".")[0]);
}
