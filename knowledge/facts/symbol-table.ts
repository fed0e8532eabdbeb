// The decoded facts table: names, symbol records and the per-release lookups every query is built from.

import { InputError } from "../../core/index.js";
import {
  type BaseRef,
  decodeNames,
  decodeParam,
  FACTS_FORMAT,
  inRanges,
  KIND_BY_CODE,
  PARAM_ABSENT,
  paramCodeAt,
  runAt,
  type SymbolRecord,
} from "./facts-data.js";
import type { FactsHeader, FactsSource } from "./facts-source.js";
import { ReleaseIndex } from "./release-index.js";
import type { ParamFact, SymbolFact, SymbolKind } from "./types.js";

const MAX_HOPS = 12;

export class SymbolTable {
  readonly releases: ReleaseIndex;
  /** Full names, sorted by UTF-16 code unit (the compiler's order), so lookups are binary searches. */
  readonly names: readonly string[];
  private readonly parents: number[];
  /** Name index -> position in data.symbols, or -1 for names that are only path prefixes. */
  private readonly recordAt: Int32Array;
  private readonly children = new Map<SymbolRecord, SymbolRecord[]>();
  private readonly facts = new Map<SymbolRecord, SymbolFact>();
  private lastIndex: Map<string, number[]> | undefined;
  private paramOwners: Map<string, number[]> | undefined;
  private readonly data: FactsHeader;

  constructor(private readonly source: FactsSource) {
    const data = source.header;
    if (data.format !== FACTS_FORMAT) {
      throw new InputError(`facts format ${data.format} is not supported (expected ${FACTS_FORMAT}); run build-facts`);
    }
    this.data = data;
    this.releases = new ReleaseIndex(data.releases, data.surfaces);
    this.names = decodeNames(data.names);
    this.parents = parentIndexes(data.names);
    this.recordAt = new Int32Array(this.names.length).fill(-1);
    for (let i = 0; i < source.symbolCount; i++) this.recordAt[source.symbolName(i)] = i;
  }

  record(fq: string): SymbolRecord | undefined {
    const n = this.nameIndex(fq);
    return n < 0 ? undefined : this.recordOfName(n);
  }

  private recordOfName(n: number): SymbolRecord | undefined {
    const at = this.recordAt[n]!;
    return at < 0 ? undefined : this.source.symbol(at);
  }

  private nameIndex(fq: string): number {
    let lo = 0;
    let hi = this.names.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const name = this.names[mid]!;
      if (name === fq) return mid;
      if (name < fq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  nameOf(record: SymbolRecord): string {
    return this.names[record.n]!;
  }

  kindOf(record: SymbolRecord): SymbolKind {
    return KIND_BY_CODE[record.k]!;
  }

  fact(record: SymbolRecord): SymbolFact {
    let fact = this.facts.get(record);
    if (!fact) {
      const present: [string, string][] = [];
      for (let i = 0; i < record.p.length; i += 2) {
        present.push([this.data.releases[record.p[i]!]!, this.data.releases[record.p[i + 1]!]!]);
      }
      fact = { name: this.nameOf(record), kind: this.kindOf(record), present };
      if (record.t !== undefined) fact.target = this.names[record.t];
      this.facts.set(record, fact);
    }
    return fact;
  }

  presentAt(record: SymbolRecord, index: number): boolean {
    return inRanges(record.p, index);
  }

  /** Child symbols (members of a class, names of a module): descendants sort right after their parent. */
  childrenOf(record: SymbolRecord): readonly SymbolRecord[] {
    let list = this.children.get(record);
    if (!list) {
      list = [];
      const prefix = `${this.names[record.n]}.`;
      for (let n = record.n + 1; n < this.names.length && this.names[n]!.startsWith(prefix); n++) {
        const child = this.parents[n] === record.n ? this.recordOfName(n) : undefined;
        if (child) list.push(child);
      }
      this.children.set(record, list);
    }
    return list;
  }

  parentOf(record: SymbolRecord): SymbolRecord | undefined {
    const parent = this.parents[record.n]!;
    return parent < 0 ? undefined : this.recordOfName(parent);
  }

  /** The surface ordinal describing `record` at release `index` (nearest below where present, else above). */
  surfaceFor(record: SymbolRecord, index: number): number {
    return this.releases.surfaceFor(index, (o) => inRanges(record.p, this.data.surfaces[o]!));
  }

  /** Nearest surface at or below `index` that has the symbol, or -1 (no looking ahead: for deprecation). */
  surfaceAtOrBelow(record: SymbolRecord, index: number): number {
    for (let o = this.data.surfaces.length - 1; o >= 0; o--) {
      const release = this.data.surfaces[o]!;
      if (release <= index && inRanges(record.p, release)) return o;
    }
    return -1;
  }

  targetAt(record: SymbolRecord, index: number): string | undefined {
    const target = record.ts ? (runAt(record.ts, this.surfaceFor(record, index)) ?? record.t) : record.t;
    return target === undefined ? undefined : this.names[target];
  }

  /** Follows re-exports as of release `index`; stops at the last record the facts know. */
  follow(record: SymbolRecord, index: number): SymbolRecord {
    let current = record;
    for (let hop = 0; hop < MAX_HOPS && current.k === "R"; hop++) {
      const target = this.targetAt(current, index);
      const recorded = target === undefined ? undefined : this.record(target);
      const next = recorded && !this.presentAt(recorded, index) ? this.movedTarget(recorded, index) : recorded;
      if (!next || next === current) break;
      current = next;
    }
    return current;
  }

  /**
   * Re-export targets are known per full surface only; before the oldest one a target may not exist yet (the
   * definition lived elsewhere). Then take the definition with the same short name that does exist, sharing the
   * longest module prefix with the recorded target.
   */
  private movedTarget(recorded: SymbolRecord, index: number): SymbolRecord | undefined {
    const name = this.nameOf(recorded);
    const short = name.slice(name.lastIndexOf(".") + 1);
    let best: SymbolRecord | undefined;
    let bestShared = -1;
    for (const candidate of this.symbolsNamed(short)) {
      if (candidate.k === "R" || !this.isModuleLevel(candidate) || !this.presentAt(candidate, index)) continue;
      const shared = sharedPrefix(name, this.nameOf(candidate));
      if (shared > bestShared) {
        best = candidate;
        bestShared = shared;
      }
    }
    return best;
  }

  /** Bases in force at release `index`; undefined when no full surface shows the class. */
  basesAt(record: SymbolRecord, index: number): BaseRef[] | undefined {
    if (record.k !== "C") return undefined;
    const ordinal = this.surfaceFor(record, index);
    if (ordinal < 0) return undefined;
    return runAt(record.b, ordinal) ?? [];
  }

  returnsAt(record: SymbolRecord, index: number): string | undefined {
    const text = runAt(record.r, this.surfaceFor(record, index));
    return text ? text : undefined;
  }

  isAsyncAt(record: SymbolRecord, index: number): boolean {
    const ordinal = this.surfaceFor(record, index);
    return ordinal >= 0 && ((record.a ?? 0) & (1 << ordinal)) !== 0;
  }

  flaggedDeprecatedAt(record: SymbolRecord, index: number): boolean {
    const ordinal = this.surfaceAtOrBelow(record, index);
    return ordinal >= 0 && ((record.d ?? 0) & (1 << ordinal)) !== 0;
  }

  /** Parameters present at release `index`, kind and default from the nearest surface that shows each one. */
  paramsAt(record: SymbolRecord, index: number): ParamFact[] {
    const out: ParamFact[] = [];
    for (const [name, ranges, codes, values] of record.q ?? []) {
      if (!inRanges(ranges, index)) continue;
      const codeAt = (o: number): string => paramCodeAt(codes, ranges, o, this.data.surfaces[o]!);
      const ordinal = this.releases.surfaceFor(index, (o) => codeAt(o) !== PARAM_ABSENT);
      const decoded = ordinal < 0 ? undefined : decodeParam(codeAt(ordinal));
      const value = decoded?.hasDefault ? runAt(values, ordinal) : undefined;
      if (!decoded) out.push({ name, kind: "positional", hasDefault: true, inferred: true });
      else out.push(value ? { name, ...decoded, defaultValue: value } : { name, ...decoded });
    }
    return out;
  }

  /** Parameter name -> the callables (records) that take it in some release; built on first use. */
  recordsTaking(param: string): SymbolRecord[] {
    if (!this.paramOwners) {
      this.paramOwners = new Map();
      for (let i = 0; i < this.source.symbolCount; i++) {
        const record = this.source.symbol(i);
        for (const [name] of record.q ?? []) {
          const list = this.paramOwners.get(name);
          if (list) list.push(i);
          else this.paramOwners.set(name, [i]);
        }
      }
    }
    return (this.paramOwners.get(param) ?? []).map((i) => this.source.symbol(i));
  }

  /** Release-index ranges in which a callable takes a parameter. */
  paramRanges(record: SymbolRecord, param: string): readonly number[] | undefined {
    return record.q?.find(([name]) => name === param)?.[1];
  }

  /** Symbols whose last name component is exactly `last`. */
  symbolsNamed(last: string): SymbolRecord[] {
    return (this.lastComponents().get(last) ?? []).map((i) => this.source.symbol(i));
  }

  /** Last name component -> full names of the symbols ending in it. */
  namesByLastComponent(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [last, indexes] of this.lastComponents()) {
      out.set(
        last,
        indexes.map((i) => this.names[this.source.symbolName(i)]!),
      );
    }
    return out;
  }

  /** Built on first use, from names only (no record is decoded). */
  private lastComponents(): Map<string, number[]> {
    if (!this.lastIndex) {
      const index = new Map<string, number[]>();
      for (let i = 0; i < this.source.symbolCount; i++) {
        const name = this.names[this.source.symbolName(i)]!;
        const last = name.slice(name.lastIndexOf(".") + 1);
        const list = index.get(last);
        if (list) list.push(i);
        else index.set(last, [i]);
      }
      this.lastIndex = index;
    }
    return this.lastIndex;
  }

  isModuleLevel(record: SymbolRecord): boolean {
    const parent = this.parentOf(record);
    return parent !== undefined && parent.k === "M";
  }
}

function parentIndexes(flat: readonly (number | string)[]): number[] {
  const parents: number[] = new Array(flat.length / 2);
  for (let i = 0, j = 0; i < flat.length; i += 2, j++) parents[j] = flat[i] as number;
  return parents;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
