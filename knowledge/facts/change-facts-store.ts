// The change facts: every release-notes entry with its release, kind and names, and the queries over them (`lookupChanges` for answers, the range queries the upgrade guide uses).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isOrcaError, OrcaError } from "../../core/index.js";
import { type ChangeRecord, type ChangesData, changeUrl } from "./change-data.js";
import { ChangeIndex } from "./change-index.js";
import type { ChangeKind } from "./change-kinds.js";
import { atOrBelow, comparePep440 } from "./pep440-versions.js";

/** The committed, compiled change facts (regenerate with `orca build-facts`). */
export const CHANGES_FILE = fileURLToPath(new URL("./change-facts.json", import.meta.url));

/** One release-notes entry as answers and tools see it. */
export interface ChangeFact {
  product: string;
  release: string;
  kind: ChangeKind;
  text: string;
  pr: number | null;
  url: string | null;
  apis: string[];
  settings: string[];
  cli: string[];
  errors: string[];
  components: string[];
}

export class ChangeFactsStore {
  readonly releases: readonly string[];
  private readonly records: readonly ChangeRecord[];
  private indexCache: ChangeIndex | undefined;

  constructor(data: ChangesData) {
    this.releases = data.releases;
    this.records = data.changes;
  }

  static fromText(text: string): ChangeFactsStore {
    return new ChangeFactsStore(JSON.parse(text) as ChangesData);
  }

  get size(): number {
    return this.records.length;
  }

  /** The word index, built on first use (a few ms). */
  get index(): ChangeIndex {
    this.indexCache ??= new ChangeIndex(this.records);
    return this.indexCache;
  }

  fact(i: number): ChangeFact {
    return toFact(this.records[i]!);
  }

  /** Entries of prefect itself with from < release <= to, of the given kinds, oldest release first. */
  between(from: string, to: string, kinds: ReadonlySet<ChangeKind>): ChangeFact[] {
    return this.records
      .filter(
        (r) =>
          r.product === undefined &&
          kinds.has(r.kind) &&
          comparePep440(r.release, from) > 0 &&
          comparePep440(r.release, to) <= 0,
      )
      .map(toFact)
      .sort((a, b) => comparePep440(a.release, b.release));
  }

  /** Entries naming the PR. */
  byPr(pr: number): ChangeFact[] {
    return this.records.filter((r) => r.pr === pr).map(toFact);
  }

  /** The newest known release at or below a version (undefined when it is older than every release). */
  releaseAtOrBelow(version: string): string | undefined {
    const i = atOrBelow(this.releases, version);
    return i < 0 ? undefined : this.releases[i];
  }
}

function toFact(r: ChangeRecord): ChangeFact {
  return {
    product: r.product ?? "prefect",
    release: r.release,
    kind: r.kind,
    text: r.text,
    pr: r.pr,
    url: changeUrl(r),
    apis: r.apis ?? [],
    settings: r.settings ?? [],
    cli: r.cli ?? [],
    errors: r.errors ?? [],
    components: r.components ?? [],
  };
}

let cached: ChangeFactsStore | undefined;

/** The committed change facts, parsed on first use and shared afterwards. */
export function loadChangeFacts(file = CHANGES_FILE): ChangeFactsStore {
  if (file !== CHANGES_FILE) return readStore(file);
  cached ??= readStore(file);
  return cached;
}

function readStore(file: string): ChangeFactsStore {
  try {
    return ChangeFactsStore.fromText(readFileSync(file, "utf8"));
  } catch (error) {
    if (isOrcaError(error)) throw error;
    throw new OrcaError("facts_unavailable", "the change facts cannot be read; run `orca build-facts`", {
      cause: error,
    });
  }
}
