// Inheritance over the facts: a class's members include those of its bases, resolved per release. Bases outside
// the surfaces are taken from the known-bases table (pydantic, builtins); any other base makes the answer incomplete.

import type { BaseRef, SymbolRecord } from "./facts-data.js";
import { knownBase } from "./known-bases.js";
import type { SymbolTable } from "./symbol-table.js";

const MAX_DEPTH = 24;

export interface MemberSet {
  names: string[];
  complete: boolean;
}

export class ClassHierarchy {
  constructor(private readonly table: SymbolTable) {}

  /** Public members of a class at release `index`, inherited ones included. */
  members(record: SymbolRecord, index: number): MemberSet {
    const names = new Set<string>();
    const complete = this.collect(record, index, names, new Set(), 0);
    return { names: [...names].sort(), complete };
  }

  /** The record defining `member` for the class at release `index`, searching bases in order. */
  findMember(record: SymbolRecord, member: string, index: number, depth = 0): SymbolRecord | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const own = this.table.record(`${this.table.nameOf(record)}.${member}`);
    if (own && this.table.presentAt(own, index)) return own;
    for (const base of this.baseClasses(record, index)) {
      const found = this.findMember(base, member, index, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** Base classes the facts hold as records (external bases left out). */
  private baseClasses(record: SymbolRecord, index: number): SymbolRecord[] {
    const out: SymbolRecord[] = [];
    for (const base of this.table.basesAt(record, index) ?? []) {
      const cls = this.classRecord(base, index);
      if (cls) out.push(cls);
    }
    return out;
  }

  private classRecord(base: BaseRef | string, index: number): SymbolRecord | undefined {
    const fq = typeof base === "number" ? this.table.names[base]! : base;
    const record = this.table.record(fq);
    if (!record) return undefined;
    const resolved = this.table.follow(record, index);
    return resolved.k === "C" ? resolved : undefined;
  }

  private collect(
    record: SymbolRecord,
    index: number,
    names: Set<string>,
    seen: Set<SymbolRecord>,
    depth: number,
  ): boolean {
    if (seen.has(record) || depth > MAX_DEPTH) return true;
    seen.add(record);
    for (const child of this.table.childrenOf(record)) {
      if (!this.table.presentAt(child, index)) continue;
      const name = this.table.nameOf(child);
      names.add(name.slice(name.lastIndexOf(".") + 1));
    }
    const bases = this.table.basesAt(record, index);
    if (!bases) return false;
    let complete = true;
    for (const base of bases) {
      complete = this.collectBase(base, index, names, seen, depth + 1) && complete;
    }
    return complete;
  }

  private collectBase(
    base: BaseRef | string,
    index: number,
    names: Set<string>,
    seen: Set<SymbolRecord>,
    depth: number,
  ): boolean {
    const cls = this.classRecord(base, index);
    if (cls) return this.collect(cls, index, names, seen, depth);
    const known = knownBase(typeof base === "number" ? this.table.names[base]! : base);
    if (!known || depth > MAX_DEPTH) return false;
    for (const name of known.members) names.add(name);
    let complete = true;
    for (const next of known.bases ?? []) complete = this.collectBase(next, index, names, seen, depth + 1) && complete;
    return complete;
  }
}
