// A small in-memory index over the change facts, built at load: idf-weighted word matching (BM25's idf, with the
// entry's own words as the document) plus exact matches of API names, settings and error text. Hand-written rather
// than the knowledge base's Bm25Index because calibration needs per-entry coverage (how much of the entry the
// question accounts for), not only a ranking score.
import { tokenize } from "../tokenizer.js";
import type { ChangeRecord } from "./change-data.js";
import type { ChangeKind } from "./change-kinds.js";

/** Verbs every entry starts with: they say nothing about what changed. */
const ENTRY_VERBS = new Set(
  "fix fixe fixed add ad added support allow improv improve updat update remov remove ensur ensure handl handle make " +
    "prevent correct properli properly bug issu issue now new when".split(" ").flatMap((w) => tokenize(w)),
);

/** Kinds a user-facing answer can rest on; documentation and development entries are not. */
export const ANSWER_KINDS: ReadonlySet<ChangeKind> = new Set([
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

  constructor(records: readonly ChangeRecord[]) {
    records.forEach((record, index) => {
      if (!ANSWER_KINDS.has(record.kind)) return;
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
      };
      const d = this.docs.push(doc) - 1;
      for (const t of terms) {
        const list = this.postings.get(t);
        if (list) list.push(d);
        else this.postings.set(t, [d]);
      }
    });
    const n = this.docs.length;
    for (const [t, list] of this.postings)
      this.idfs.set(t, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    for (const doc of this.docs) doc.mass = doc.terms.reduce((s, t) => s + this.idf(t), 0);
  }

  idf(term: string): number {
    return this.idfs.get(term) ?? 0;
  }

  /** Entries sharing words with the query, best idf mass first. */
  matchWords(queryTerms: ReadonlySet<string>, limit = 40): WordMatch[] {
    const matched = new Map<number, string[]>();
    for (const t of queryTerms) {
      for (const d of this.postings.get(t) ?? []) {
        const list = matched.get(d);
        if (list) list.push(t);
        else matched.set(d, [t]);
      }
    }
    const out: WordMatch[] = [];
    for (const [d, terms] of matched) {
      const doc = this.docs[d]!;
      const matchedMass = terms.reduce((s, t) => s + this.idf(t), 0);
      out.push({ doc, matched: terms, matchedMass, coverage: doc.mass > 0 ? matchedMass / doc.mass : 0 });
    }
    return out.sort((a, b) => b.matchedMass * b.coverage - a.matchedMass * a.coverage).slice(0, limit);
  }

  /** Entries naming any of these APIs (lower-cased names or their last components). */
  byApi(names: ReadonlySet<string>): IndexedChange[] {
    return this.docs.filter((d) => d.apis.some((a) => names.has(a) || names.has(a.split(".").at(-1)!)));
  }

  bySetting(names: ReadonlySet<string>): IndexedChange[] {
    return this.docs.filter((d) => d.settings.some((s) => names.has(s)));
  }

  /** Entries quoting an error message that appears in the text. */
  byErrorText(lowerText: string): IndexedChange[] {
    return this.docs.filter((d) => d.errors.some((e) => e.length >= 12 && lowerText.includes(e)));
  }
}

/** The content terms of a text, without the verbs every entry uses. */
export function entryTerms(text: string): string[] {
  return tokenize(text).filter((t) => !ENTRY_VERBS.has(t));
}
