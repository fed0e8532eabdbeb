// The ordered list of Prefect releases, and how a version someone wrote maps onto it.

import { compareVersions, InputError } from "../../core/index.js";

const VERSION_TEXT = /^\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/i;

export class ReleaseIndex {
  readonly releases: readonly string[];
  readonly latest: string;
  private readonly byName: Map<string, number>;

  /** `releases` oldest first; `surfaces` are the release indexes that have a full surface, oldest first. */
  constructor(
    releases: readonly string[],
    readonly surfaces: readonly number[],
  ) {
    if (releases.length === 0) throw new InputError("the facts list no releases");
    this.releases = releases;
    this.latest = releases[releases.length - 1]!;
    this.byName = new Map(releases.map((r, i) => [r, i]));
  }

  /** Index of an exact release name, or -1. */
  indexOf(release: string): number {
    return this.byName.get(release) ?? -1;
  }

  latestOfMajor(major: number): string {
    for (let i = this.releases.length - 1; i >= 0; i--) {
      if (majorOf(this.releases[i]!) === major) return this.releases[i]!;
    }
    return this.latest;
  }

  /**
   * "3.4" -> newest 3.4.x, "3" -> newest 3.x, "3.4.99" -> nearest release at or below it, "4.0" -> the latest,
   * below the first release -> the first. Throws InputError when the text is not a version at all.
   */
  resolve(version: string): string {
    return this.releases[this.resolveIndex(version)]!;
  }

  resolveIndex(version: string): number {
    const exact = this.byName.get(version.trim());
    if (exact !== undefined) return exact;
    const m = VERSION_TEXT.exec(version);
    if (!m) throw new InputError(`"${version.slice(0, 40)}" is not a Prefect version`);
    const major = Number(m[1]);
    const minor = m[2] === undefined || !/^\d+$/.test(m[2]) ? undefined : Number(m[2]);
    const patch = m[3] === undefined || !/^\d+$/.test(m[3]) || minor === undefined ? undefined : Number(m[3]);
    // A partial version means "the newest of that line": compare against the top of the line.
    const ceiling = `${major}.${minor ?? Number.MAX_SAFE_INTEGER}.${patch ?? Number.MAX_SAFE_INTEGER}`;
    return this.atOrBelow(ceiling);
  }

  /** Index of the newest release at or below `version` (the first release when all are newer). */
  private atOrBelow(version: string): number {
    let lo = 0;
    let hi = this.releases.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (compareVersions(this.releases[mid]!, version) <= 0) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return Math.max(found, 0);
  }

  /**
   * The full surface that best describes release `index` for a name present in `hasSurface`: the nearest one at or
   * below it, else the oldest one above it. Returns a surface ordinal, or -1 when no surface has the name.
   */
  surfaceFor(index: number, hasSurface: (ordinal: number) => boolean): number {
    for (let o = this.surfaces.length - 1; o >= 0; o--) {
      if (this.surfaces[o]! <= index && hasSurface(o)) return o;
    }
    for (let o = 0; o < this.surfaces.length; o++) {
      if (this.surfaces[o]! > index && hasSurface(o)) return o;
    }
    return -1;
  }

  /** Nearest surface at or below a release regardless of any name (the oldest when none is below). */
  surfaceAtOrBelow(index: number): number {
    return this.surfaceFor(index, () => true);
  }
}

function majorOf(release: string): number {
  return Number(release.slice(0, release.indexOf(".")));
}
