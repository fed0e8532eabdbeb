// A small in-memory index over the change facts, built at load: idf-weighted word matching (BM25's idf, with the
// entry's own words as the document) plus exact matches of API names, settings and error text. Hand-written rather
// than the knowledge base's Bm25Index because calibration needs per-entry coverage (how much of the entry the
// question accounts for), not only a ranking score.
import { identifierParts, STOPWORDS, stem, tokenize } from "../tokenizer.js";
import type { ChangeRecord } from "./change-data.js";
import type { ChangeKind } from "./change-kinds.js";
import { comparePep440 } from "./pep440-versions.js";

/** Verbs every entry starts with: they say nothing about what changed. */
const ENTRY_VERBS = new Set(
  (
    "fix fixe fixed add ad added support allow improv improve updat update remov remove ensur ensure handl handle " +
    "make prevent rais correct properli properly bug issu issue now new when"
  )
    .split(" ")
    .flatMap((w) => tokenize(w)),
);

/** Kinds a user-facing answer can rest on; documentation and development entries are not. */
const ANSWER_KINDS: ReadonlySet<ChangeKind> = new Set([
  "fix",
  "enhancement",
  "feature",
  "breaking",
  "deprecation",
  "integration",
]);

export interface IndexedChange {
  index: number;
  record: ChangeRecord;
  /** Distinct content terms of the entry. */
  terms: string[];
  /** Sum of the terms' idf. */
  mass: number;
  apis: string[];
  settings: string[];
  errors: string[];
  /** Code names the entry mentions, backticked or bare (lower case): what it is specifically about. */
  identifiers: string[];
  /**
   * The entry's exact names beyond its APIs and settings, lower case: the `prefect ...` commands and the other
   * inline code it quotes (`--ci`, `site-packages`, `prefect agent`). A question quoting one is about that thing.
   */
  names: string[];
  /** Platforms the entry is specific to ("kubernetes", "aws"): its integration package's, and any its text names. */
  platforms: string[];
}

export interface WordMatch {
  doc: IndexedChange;
  /** Distinct entry terms the query has. */
  matched: string[];
  /** Idf mass of the matched terms. */
  matchedMass: number;
  /** matchedMass / the entry's mass: how much of the entry the query accounts for. */
  coverage: number;
}

export class ChangeIndex {
  readonly docs: IndexedChange[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idfs = new Map<string, number>();
  private readonly coreReleasePrs: { release: string; pr: number }[];
  /** API names (whole and last component) and settings, each to the entries naming it (positions in `docs`). */
  private readonly apiDocs = new Map<string, number[]>();
  private readonly settingDocs = new Map<string, number[]>();
  /** Entries that quote an error message. */
  private readonly errorDocs: IndexedChange[] = [];
  /** Each entry name and the entries quoting it. */
  private readonly nameDocs = new Map<string, IndexedChange[]>();

  constructor(records: readonly ChangeRecord[]) {
    records.forEach((record, index) => {
      if (!ANSWER_KINDS.has(record.kind)) return;
      // "`prefect-email` - 0.3.5": a package bump listed without a pull request says nothing to match on.
      if (record.kind === "integration" && record.pr === null) return;
      const terms = [...new Set(entryTerms(record.text))];
      if (terms.length === 0) return;
      const doc: IndexedChange = {
        index,
        record,
        terms,
        mass: 0,
        apis: (record.apis ?? []).map((a) => a.toLowerCase()),
        settings: record.settings ?? [],
        errors: (record.errors ?? []).filter((e) => e.includes(" ")).map((e) => e.toLowerCase()),
        identifiers: identifiersIn([record.text, ...(record.apis ?? []), ...(record.settings ?? [])].join(" ")),
        platforms: platformsIn(`${record.product ?? ""} ${record.text}`),
        names: entryNames(record),
      };
      const d = this.docs.push(doc) - 1;
      const file = (table: Map<string, number[]>, key: string) => {
        const list = table.get(key);
        if (!list) table.set(key, [d]);
        else if (list.at(-1) !== d) list.push(d);
      };
      for (const api of doc.apis) {
        file(this.apiDocs, api);
        file(this.apiDocs, api.split(".").at(-1)!);
      }
      for (const setting of doc.settings) file(this.settingDocs, setting);
      if (doc.errors.length > 0) this.errorDocs.push(doc);
      for (const name of doc.names) {
        const list = this.nameDocs.get(name);
        if (list) list.push(doc);
        else this.nameDocs.set(name, [doc]);
      }
      for (const t of terms) {
        const list = this.postings.get(t);
        if (list) list.push(d);
        else this.postings.set(t, [d]);
      }
    });
    // The newest pull request each core release shipped, oldest release first: places other packages' entries.
    const newest = new Map<string, number>();
    for (const r of records) {
      if (r.product !== undefined || r.pr === null) continue;
      newest.set(r.release, Math.max(newest.get(r.release) ?? 0, r.pr));
    }
    this.coreReleasePrs = [...newest]
      .sort((a, b) => comparePep440(a[0], b[0]))
      .map(([release, pr]) => ({ release, pr }));
    const n = this.docs.length;
    for (const [t, list] of this.postings)
      this.idfs.set(t, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    for (const doc of this.docs) doc.mass = doc.terms.reduce((s, t) => s + this.idf(t), 0);
  }

  /**
   * The first core release whose pull requests reach this number: when an integration package's change (its own
   * version line) landed, on the core timeline, since pull requests are numbered in time in the one repository.
   */
  coreReleaseOf(pr: number): string | undefined {
    let seen = 0;
    for (const { release, pr: newest } of this.coreReleasePrs) {
      seen = Math.max(seen, newest);
      if (seen >= pr) return release;
    }
    return undefined;
  }

  /** The idf of a word only one entry uses: the scale of "distinctive" for this index's size. */
  get rareIdf(): number {
    const n = this.docs.length;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  idf(term: string): number {
    return this.idfs.get(term) ?? 0;
  }

  /** Entries sharing words with the query, best idf mass first. */
  matchWords(queryTerms: ReadonlySet<string>, limit = 40): WordMatch[] {
    // Per-document slots rather than a map: common terms have postings over much of the notes.
    const slot = new Int32Array(this.docs.length);
    const hits: { d: number; terms: string[] }[] = [];
    for (const t of queryTerms) {
      for (const d of this.postings.get(t) ?? []) {
        const at = slot[d]!;
        if (at > 0) hits[at - 1]!.terms.push(t);
        else slot[d] = hits.push({ d, terms: [t] });
      }
    }
    const out: WordMatch[] = [];
    for (const { d, terms } of hits) {
      const doc = this.docs[d]!;
      const matchedMass = terms.reduce((s, t) => s + this.idf(t), 0);
      out.push({ doc, matched: terms, matchedMass, coverage: doc.mass > 0 ? matchedMass / doc.mass : 0 });
    }
    return out.sort((a, b) => b.matchedMass * b.coverage - a.matchedMass * a.coverage).slice(0, limit);
  }

  /** Entries naming any of these APIs (lower-cased names or their last components), in the notes' order. */
  byApi(names: ReadonlySet<string>): IndexedChange[] {
    return this.lookUp(this.apiDocs, names);
  }

  bySetting(names: ReadonlySet<string>): IndexedChange[] {
    return this.lookUp(this.settingDocs, names);
  }

  private lookUp(table: ReadonlyMap<string, number[]>, keys: Iterable<string>): IndexedChange[] {
    const found = new Set<number>();
    for (const key of keys) for (const d of table.get(key) ?? []) found.add(d);
    return [...found].sort((a, b) => a - b).map((d) => this.docs[d]!);
  }

  /**
   * Entries quoting a name the text quotes too (a whole token: `--ci` is not in `--cin`), with how many entries
   * share that name (a name many entries quote, like `prefect deploy`, says little).
   */
  byName(lowerText: string): { doc: IndexedChange; name: string; sharedBy: number }[] {
    const out: { doc: IndexedChange; name: string; sharedBy: number }[] = [];
    for (const [name, docs] of this.nameDocs) {
      let at = lowerText.indexOf(name);
      while (at >= 0 && !isWholeToken(lowerText, at, name.length)) at = lowerText.indexOf(name, at + 1);
      if (at < 0) continue;
      for (const doc of docs) out.push({ doc, name, sharedBy: docs.length });
    }
    return out;
  }

  /** Entries quoting an error message that appears in the text. */
  byErrorText(lowerText: string): IndexedChange[] {
    return this.errorDocs.filter((d) => d.errors.some((e) => e.length >= 12 && lowerText.includes(e)));
  }
}

/** A name's own characters: not a piece of a longer word, flag or dotted name. */
function isWholeToken(text: string, at: number, length: number): boolean {
  const before = text[at - 1] ?? " ";
  const after = text[at + length] ?? " ";
  return !/[\w-]/.test(before) && !/[\w-]/.test(after) && !(after === "." && /\w/.test(text[at + length + 1] ?? ""));
}

/** An entry's commands (`prefect agent start`) and other quoted names, long enough to be specific. */
function entryNames(record: ChangeRecord): string[] {
  const names = new Set<string>();
  for (const cli of record.cli ?? []) names.add(`prefect ${cli}`.toLowerCase());
  for (const component of record.components ?? []) {
    const name = component.trim().toLowerCase();
    // A flag, a command, or a name with punctuation (`site-packages`, `prefect.yaml`); a plain word is a word.
    if (name.length >= 3 && (name.startsWith("prefect ") || /[-_./]/.test(name))) names.add(name);
  }
  return [...names];
}

/**
 * The platforms Prefect's integration packages serve, and the words a question or an entry names each by (the
 * package's own name, its services, its usual abbreviations). Data: an entry specific to one of them answers a
 * question only when the question is about it too.
 */
const PLATFORM_WORDS: Record<string, readonly string[]> = {
  aws: ["aws", "ecs", "s3", "lambda", "fargate", "ec2", "ecr", "boto3", "cloudwatch", "minio", "secrets manager"],
  azure: ["azure", "aci", "adls", "blob storage", "cosmos", "azureml"],
  bitbucket: ["bitbucket"],
  dask: ["dask"],
  databricks: ["databricks"],
  dbt: ["dbt"],
  docker: ["docker", "dockerfile"],
  gcp: ["gcp", "google cloud", "cloud run", "bigquery", "gcs", "vertex"],
  github: ["github"],
  gitlab: ["gitlab"],
  kubernetes: ["kubernetes", "k8s", "kubectl", "helm", "pod", "pods", "eks", "gke", "aks"],
  ray: ["ray"],
  redis: ["redis"],
  shell: ["shell", "shelloperation", "shell_run_command"],
  slack: ["slack"],
  snowflake: ["snowflake"],
  sqlalchemy: ["sqlalchemy"],
};
const PLATFORM_PATTERNS = Object.entries(PLATFORM_WORDS).map(
  ([platform, words]) =>
    [platform, new RegExp(`(?:^|[^a-z0-9])(?:prefect[-_])?(?:${words.join("|")})(?![a-z0-9])`, "i")] as const,
);

/** The platforms a text names ("our k8s work pool" -> kubernetes; "prefect-aws" -> aws). */
export function platformsIn(text: string): string[] {
  return PLATFORM_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([platform]) => platform);
}

/**
 * Words support questions and release notes say differently for the same thing; each maps to one stem. Data, kept
 * to the general vocabulary of Prefect support (no entry-specific phrasing).
 */
const SAME_WORD: Record<string, string> = {
  environment: "env",
  variabl: "var",
  vars: "var",
  picklabl: "pickl",
  pickled: "pickl",
  pickling: "pickl",
  serializ: "pickl",
  serializabl: "pickl",
  serialization: "pickl",
  cloudpickl: "pickl",
  authentication: "auth",
  k8: "kubernet",
  k8s: "kubernet",
  kubernete: "kubernet",
  configuration: "config",
  configur: "config",
  param: "parameter",
  db: "databas",
  databas: "databas",
  cancellation: "cancel",
  cancell: "cancel",
  cancelled: "cancel",
  retri: "retry",
  retrie: "retry",
  subflow: "subflow",
  username: "password",
  usernam: "password",
  deprecation: "deprecat",
  concurrent: "concurrency",
  overwritten: "overwrit",
  replac: "overwrit",
  clobber: "overwrit",
  disabl: "off",
  stuck: "hang",
  hung: "hang",
  freez: "hang",
  frozen: "hang",
};

/**
 * The content terms of a text: identifier parts (ProcessPoolTaskRunner -> process, pool, task, runner; the whole
 * identifier is matched separately, as an API name), stemmed, without stopwords, the verbs every entry uses, or bare
 * version digits (HTTP status codes such as 403 stay).
 */
export function entryTerms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\d+(?:\.\d+)+|[\p{L}\p{N}_]+/gu)) {
    // "Python 3.9", "croniter 2.0": a dotted number is one term, not its digits.
    if (/^\d+(?:\.\d+)+$/.test(match[0])) {
      out.push(match[0]);
      continue;
    }
    // An exception class is one thing: `TimeoutError` shares nothing with `ValueError` but the word "error".
    if (/^[A-Z]\w*[a-z](?:Error|Exception|Warning)$/.test(match[0])) {
      out.push(match[0].toLowerCase());
      continue;
    }
    for (const part of identifierParts(match[0])) {
      const lower = part.toLowerCase();
      if (STOPWORDS.has(lower) || (lower.length < 2 && !/\d/.test(lower))) continue;
      if (/^\d+$/.test(lower) && lower.length < 3) continue;
      const stemmed = stem(lower);
      const term = SAME_WORD[stemmed] ?? SAME_WORD[lower] ?? stemmed;
      if (!ENTRY_VERBS.has(term)) out.push(term);
    }
  }
  return out;
}

/** Identifier-looking words (snake_case, CamelCase, dotted), lower-cased, without exception class names. */
export function identifiersIn(text: string): string[] {
  const out = new Set<string>();
  for (const word of text.match(/[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g) ?? []) {
    if (!/_|[a-z][A-Z]|\./.test(word) || /(Error|Exception|Warning)$/.test(word)) continue;
    for (const part of word.toLowerCase().split(".")) if (part.length > 2) out.add(part.replace(/^_+|_+$/g, ""));
  }
  return [...out];
}
