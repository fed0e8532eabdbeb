// PrefectFacts over the compiled table: presence, re-exports, members, parameters and deprecations per release.

import { ClassHierarchy } from "./class-hierarchy.js";
import { CliFacts } from "./cli-facts.js";
import { CommandHistory } from "./command-history.js";
import { CALLABLE_ALIASES, curatedNote, NOT_DEPRECATED } from "./curated-facts.js";
import type { FactsData, SymbolRecord } from "./facts-data.js";
import { type FactsSource, sourceFromData, sourceFromText } from "./facts-source.js";
import { isIntegrationModule } from "./integrations.js";
import { rankSuggestions } from "./suggest.js";
import { bareTypeName, unwrapAnnotation } from "./surface-namespace.js";
import { SymbolTable } from "./symbol-table.js";
import type { CliCommandFact, CommandHistoryFact, ParamFact, PrefectApiFacts, Presence, SymbolFact } from "./types.js";

const MAX_DEPTH = 12;
/** Parts of a dotted name that mark code users do not call (the server, the CLI, test helpers). */
const INTERNAL_PARTS = new Set(["server", "cli", "testing"]);

export class PrefectFactsStore implements PrefectApiFacts {
  readonly releases: readonly string[];
  readonly latest: string;
  private readonly table: SymbolTable;
  private readonly hierarchy: ClassHierarchy;
  private readonly cli: CliFacts;
  private readonly commands: CommandHistory;
  private lowerLastIndex: Map<string, string[]> | undefined;

  /** Over parsed data (tests, tools), or a lazy source (see facts-source.ts). */
  constructor(data: FactsData | FactsSource) {
    const source = "header" in data ? data : sourceFromData(data);
    this.table = new SymbolTable(source);
    this.hierarchy = new ClassHierarchy(this.table);
    this.cli = new CliFacts(source.header, this.table.releases);
    this.commands = new CommandHistory(source.header, this.table.releases);
    this.releases = source.header.releases;
    this.latest = this.table.releases.latest;
  }

  /** Parses the compiled file's text, decoding symbol records only when a query needs them. */
  static fromText(text: string): PrefectFactsStore {
    return new PrefectFactsStore(sourceFromText(text));
  }

  latestOfMajor(major: 2 | 3): string {
    return this.table.releases.latestOfMajor(major);
  }

  resolveRelease(version: string): string {
    return this.table.releases.resolve(version);
  }

  symbol(fq: string): SymbolFact | undefined {
    const record = this.table.record(fq);
    return record && this.table.fact(record);
  }

  presence(fq: string, version: string): Presence {
    const index = this.index(version);
    const record = this.find(fq, index);
    if (!record) return this.throughOwner(fq, index);
    const fact = this.table.fact(record);
    if (this.table.presentAt(record, index)) return { status: "present", fact };
    let lastBefore = -1;
    for (let i = 1; i < record.p.length; i += 2) if (record.p[i]! < index) lastBefore = record.p[i]!;
    if (lastBefore >= 0) {
      const replacement = this.replacement(fq) ?? this.replacement(fact.name);
      const removed = { status: "removed", fact, lastRelease: this.releases[lastBefore]! } as const;
      return replacement ? { ...removed, replacement } : removed;
    }
    return { status: "not-yet", fact, firstRelease: this.releases[record.p[0]!]! };
  }

  /**
   * A member with no record of its own (a method a class inherits) stands where its class stands: `String.load` is
   * removed when `String` is, and reads as present over the class's releases, not its base class's.
   */
  private throughOwner(fq: string, index: number): Presence {
    const dot = fq.lastIndexOf(".");
    if (dot < 0) return { status: "unknown" };
    const owner = this.presence(fq.slice(0, dot), this.releases[index]!);
    if (owner.status !== "removed" && owner.status !== "not-yet") return { status: "unknown" };
    const seen = owner.status === "removed" ? owner.lastRelease : owner.firstRelease;
    const member = this.find(fq, this.index(seen));
    if (!member) return { status: "unknown" };
    const fact: SymbolFact = { ...this.table.fact(member), name: fq, present: owner.fact.present };
    return owner.status === "removed"
      ? {
          status: "removed",
          fact,
          lastRelease: owner.lastRelease,
          ...(owner.replacement ? { replacement: owner.replacement } : {}),
        }
      : { status: "not-yet", fact, firstRelease: owner.firstRelease };
  }

  resolve(fq: string, version: string): SymbolFact | undefined {
    const index = this.index(version);
    const record = this.find(fq, index);
    return record && this.table.fact(this.table.follow(record, index));
  }

  members(classFq: string, version: string): { names: string[]; complete: boolean } | undefined {
    const index = this.index(version);
    const record = this.find(classFq, index);
    const cls = record && this.table.follow(record, index);
    if (cls?.k !== "C" || !this.table.presentAt(cls, index)) return undefined;
    return this.hierarchy.members(cls, index);
  }

  params(callableFq: string, version: string): ParamFact[] | undefined {
    const index = this.index(version);
    const record = this.find(callableFq, index);
    const target = record && this.table.follow(record, index);
    if (!target || !this.table.presentAt(target, index)) return undefined;
    switch (target.k) {
      case "C": {
        const init = this.hierarchy.findMember(target, "__init__", index);
        return init && withoutReceiver(this.table.paramsAt(init, index));
      }
      case "m":
      case "c":
      case "p":
        return withoutReceiver(this.table.paramsAt(target, index));
      case "F":
      case "s":
        return this.table.paramsAt(target, index);
      case "V":
        return this.aliasParams(target, index);
      default:
        return undefined;
    }
  }

  returns(callableFq: string, version: string): string | undefined {
    const index = this.index(version);
    const record = this.find(callableFq, index);
    const target = record && this.table.follow(record, index);
    if (!target || target.k === "C") return undefined;
    const own = this.table.returnsAt(target, index);
    if (own || target.k !== "V") return own;
    const alias = this.aliasRecord(target, index);
    return alias && this.table.returnsAt(alias, index);
  }

  isAsync(callableFq: string, version: string): boolean {
    const index = this.index(version);
    const record = this.find(callableFq, index);
    const target = record && this.table.follow(record, index);
    return target !== undefined && this.table.presentAt(target, index) && this.table.isAsyncAt(target, index);
  }

  returnType(callableFq: string, version: string): string | undefined {
    const text = this.returns(callableFq, version);
    if (!text) return undefined;
    const index = this.index(version);
    const bare = bareTypeName(unwrapAnnotation(text));
    if (!bare || bare === "None") return undefined;
    const callable = this.find(callableFq, index);
    const module = callable && this.moduleOf(this.table.nameOf(this.table.follow(callable, index)));
    for (const candidate of [module ? `${module}.${bare}` : "", bare]) {
      const record = candidate ? this.find(candidate, index) : undefined;
      const cls = record && this.table.follow(record, index);
      if (cls?.k === "C") return this.table.nameOf(cls);
    }
    const classes = this.locate(bare, version)
      .map((fq) => this.table.record(fq)!)
      .filter((r) => r.k === "C");
    return classes.length === 1 ? this.table.nameOf(classes[0]!) : undefined;
  }

  isDeprecated(fq: string, version: string): boolean {
    const index = this.index(version);
    const record = this.find(fq, index);
    const chain = [fq, ...(record ? this.chain(record, index).map((r) => this.table.nameOf(r)) : [])];
    for (const name of chain) {
      if (NOT_DEPRECATED.has(name)) return false;
      const note = curatedNote(name);
      if (note?.deprecatedFrom && index >= this.index(note.deprecatedFrom)) {
        return !note.removedIn || index < this.index(note.removedIn);
      }
    }
    if (!record) return false;
    for (const r of this.chain(record, index)) {
      if (this.table.flaggedDeprecatedAt(r, index)) return true;
      // A member of a deprecated class is deprecated with it.
      const parent = this.table.parentOf(r);
      if (
        parent?.k === "C" &&
        !NOT_DEPRECATED.has(this.table.nameOf(r)) &&
        this.table.flaggedDeprecatedAt(parent, index)
      ) {
        return true;
      }
    }
    return false;
  }

  locate(shortName: string, version: string): string[] {
    const index = this.index(version);
    const found = this.table
      .symbolsNamed(shortName)
      .filter((r) => this.table.isModuleLevel(r) && this.table.presentAt(r, index));
    // Definitions before submodules before re-exports; user-facing code before the server and CLI internals.
    const rank = (r: SymbolRecord): number => {
      const name = this.table.nameOf(r);
      const internal = /^prefect\.(server|cli|_)/.test(name) ? 100 : 0;
      return (r.k === "R" ? 1000 : r.k === "M" ? 500 : 0) + internal + name.split(".").length;
    };
    return found
      .sort((a, b) => rank(a) - rank(b) || compare(this.table.nameOf(a), this.table.nameOf(b)))
      .map((r) => this.table.nameOf(r));
  }

  replacement(fq: string): string | undefined {
    const note = curatedNote(fq);
    if (note) return note.replacement;
    const canonical = this.canonicalName(fq, this.releases.length - 1);
    return canonical === fq ? undefined : curatedNote(canonical)?.replacement;
  }

  suggest(name: string, version?: string): string[] {
    const index = version ? this.index(version) : this.releases.length - 1;
    const isPresent = (fq: string): boolean => {
      const record = this.table.record(fq);
      return record !== undefined && this.table.presentAt(record, index);
    };
    return rankSuggestions(this.canonicalName(name, index), this.lowerLastComponents(), isPresent);
  }

  cliCommand(words: readonly string[], version: string): CliCommandFact | undefined {
    return this.cli.command(words, this.index(version));
  }

  cliGroups(version: string): string[] {
    return this.cli.groups(this.index(version));
  }

  cliReplacement(words: readonly string[]): string | undefined {
    return this.cli.replacement(words);
  }

  cliPredecessor(words: readonly string[]): string | undefined {
    return this.cli.predecessor(words);
  }

  namesIn(moduleFq: string, version: string): string[] | undefined {
    const index = this.index(version);
    const record = this.find(moduleFq, index);
    const module = record && this.table.follow(record, index);
    if (module?.k !== "M" || !this.table.presentAt(module, index)) return undefined;
    return this.table
      .childrenOf(module)
      .filter((child) => this.table.presentAt(child, index))
      .map((child) => this.table.nameOf(child).slice(this.table.nameOf(module).length + 1))
      .sort();
  }

  moduleOf(fq: string): string | undefined {
    for (let end = fq.length; end > 0; end = fq.lastIndexOf(".", end - 1)) {
      const record = this.table.record(fq.slice(0, end));
      if (record?.k === "M") return fq.slice(0, end);
    }
    return undefined;
  }

  /** Every fully qualified name the facts know, sorted (for range queries such as the upgrade guide). */
  allNames(): string[] {
    return [...this.table.namesByLastComponent().values()].flat().sort(compare);
  }

  isIntegrationModule(module: string): boolean {
    return isIntegrationModule(module);
  }

  callablesTaking(param: string): string[] {
    return this.table
      .recordsTaking(param)
      .map((r) => this.table.nameOf(r))
      .filter((fq) =>
        fq.split(".").every((part) => !INTERNAL_PARTS.has(part) && (part === "__init__" || !part.startsWith("_"))),
      )
      .sort();
  }

  paramSpan(callableFq: string, param: string): { first: string; last: string } | undefined {
    const ranges = this.paramRanges(callableFq, param);
    if (!ranges) return undefined;
    return { first: ranges[0]![0], last: ranges[ranges.length - 1]![1] };
  }

  /**
   * A callable that became an object (`flow` from 3.1.9) takes its parameters through its alias from then on: the
   * two histories are one, or "`@flow` takes `retries`" would end at 3.1.8.
   */
  paramRanges(callableFq: string, param: string): Array<[string, string]> | undefined {
    const spans: Array<[number, number]> = [];
    for (const fq of [callableFq, CALLABLE_ALIASES[callableFq]]) {
      const record = fq === undefined ? undefined : this.table.record(fq);
      const flat = record && this.table.paramRanges(record, param);
      for (let i = 0; flat && i < flat.length; i += 2) spans.push([flat[i]!, flat[i + 1]!]);
    }
    if (spans.length === 0) return undefined;
    spans.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [first, last] of spans) {
      const previous = merged[merged.length - 1];
      if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
      else merged.push([first, last]);
    }
    return merged.map(([first, last]) => [this.releases[first]!, this.releases[last]!]);
  }

  get hasCommandHistory(): boolean {
    return this.commands.complete;
  }

  commandHistory(key: string, version: string): CommandHistoryFact | undefined {
    return this.commands.command(key, this.index(version));
  }

  commandGroupHistory(group: string, version: string): CommandHistoryFact | undefined {
    return this.commands.group(group, this.index(version));
  }

  commandKeys(): string[] {
    return this.commands.keys();
  }

  commandsInGroup(group: string): string[] {
    return this.commands.inGroup(group);
  }

  commandsWithOption(flag: string): string[] {
    return this.commands.withOption(flag);
  }

  /** `prefect` commands present in `from` and gone in `to`, with the last release that had each. */
  removedCommands(from: string, to: string): { command: string; lastRelease: string }[] {
    return this.commands.removed(this.index(from), this.index(to));
  }

  private index(version: string): number {
    return this.table.releases.resolveIndex(version);
  }

  /**
   * The record for a dotted name: a direct entry, else a member reached through its parent (a re-exported module or
   * class, or a class's bases), as of release `index`.
   */
  private find(fq: string, index: number, depth = 0): SymbolRecord | undefined {
    const direct = this.table.record(fq);
    if ((direct && this.table.presentAt(direct, index)) || depth > MAX_DEPTH) return direct;
    // The same dotted path may reach a live definition through a re-export (a module that became a package).
    return this.findThroughParent(fq, index, depth) ?? direct;
  }

  private findThroughParent(fq: string, index: number, depth: number): SymbolRecord | undefined {
    const dot = fq.lastIndexOf(".");
    if (dot < 0) return undefined;
    const parent = this.find(fq.slice(0, dot), index, depth + 1);
    // A member of a class or module the release lacks is absent too (`String.load` once `String` is gone), whatever
    // a base class still defines.
    if (!parent || !this.table.presentAt(parent, index)) return undefined;
    const owner = this.table.follow(parent, index);
    const member = fq.slice(dot + 1);
    if (owner.k === "C") return this.hierarchy.findMember(owner, member, index);
    if (owner === parent) return undefined;
    const found = this.find(`${this.table.nameOf(owner)}.${member}`, index, depth + 1);
    return found && this.table.presentAt(found, index) ? found : undefined;
  }

  /** The defining name a dotted path leads to ("prefect.Flow.submit" -> "prefect.flows.Flow.submit"). */
  private canonicalName(fq: string, index: number, depth = 0): string {
    const record = this.find(fq, index);
    if (record) return this.table.nameOf(this.table.follow(record, index));
    const dot = fq.lastIndexOf(".");
    if (dot < 0 || depth > MAX_DEPTH) return fq;
    return `${this.canonicalName(fq.slice(0, dot), index, depth + 1)}${fq.slice(dot)}`;
  }

  /** The record and the re-exports it leads to, in order. */
  private chain(record: SymbolRecord, index: number): SymbolRecord[] {
    const out = [record];
    for (let hop = 0; hop < MAX_DEPTH && out[out.length - 1]!.k === "R"; hop++) {
      const target = this.table.targetAt(out[out.length - 1]!, index);
      const next = target === undefined ? undefined : this.table.record(target);
      if (!next || out.includes(next)) break;
      out.push(next);
    }
    return out;
  }

  private aliasRecord(record: SymbolRecord, index: number): SymbolRecord | undefined {
    const alias = CALLABLE_ALIASES[this.table.nameOf(record)];
    return alias === undefined ? undefined : this.find(alias, index);
  }

  /** A callable object (e.g. `flow` from 3.1.9): its own parameters while it was a function, else its alias's. */
  private aliasParams(record: SymbolRecord, index: number): ParamFact[] | undefined {
    const own = this.table.paramsAt(record, index);
    if (own.length > 0) return own;
    const alias = this.aliasRecord(record, index);
    return alias && this.table.presentAt(alias, index) ? withoutReceiver(this.table.paramsAt(alias, index)) : undefined;
  }

  private lowerLastComponents(): Map<string, string[]> {
    if (!this.lowerLastIndex) {
      const index = new Map<string, string[]>();
      for (const [last, names] of this.table.namesByLastComponent()) {
        const key = last.toLowerCase();
        const list = index.get(key);
        if (list) list.push(...names);
        else index.set(key, [...names]);
      }
      this.lowerLastIndex = index;
    }
    return this.lowerLastIndex;
  }
}

function withoutReceiver(params: ParamFact[]): ParamFact[] {
  const first = params[0];
  return first && (first.name === "self" || first.name === "cls") ? params.slice(1) : params;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
