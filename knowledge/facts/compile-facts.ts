// Compiles ../shared/prefect-api/ (history.json + the full surfaces) into the compact, committed facts table.
// Deterministic: the same input always gives the same bytes (sorted names, sorted keys, no timestamps).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compareVersions, InputError, OrcaError } from "../../core/index.js";
import {
  type BaseRef,
  type CliRecord,
  encodeParam,
  FACTS_FORMAT,
  type FactsData,
  inRanges,
  KIND_CODES,
  PARAM_ABSENT,
  type ParamRecord,
  type Run,
  type SymbolRecord,
} from "./facts-data.js";
import type { RawEntry, RawHistory, RawParam, RawSurface } from "./source-shapes.js";
import { stableDocument, stableStringify } from "./stable-json.js";
import { bareTypeName, resolveInModule } from "./surface-namespace.js";
import type { SymbolKind } from "./types.js";

export interface CompileStats {
  releases: number;
  surfaces: string[];
  symbols: number;
  params: number;
  bytes: number;
}

/** What one full surface says about one fully qualified name. */
interface SurfaceFact {
  target?: string;
  bases?: BaseRef[];
  returns?: string;
  deprecated?: boolean;
  async?: boolean;
  params?: RawParam[];
}

export function readApiSources(apiDir: string): { history: RawHistory; surfaces: RawSurface[] } {
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(path.join(apiDir, file), "utf8"));
    } catch (error) {
      throw new OrcaError("facts_unavailable", `cannot read ${file} from the Prefect API data`, { cause: error });
    }
  };
  const history = read("history.json") as RawHistory;
  const surfaces = readdirSync(apiDir)
    .filter((f) => /^prefect-\d+\.\d+\.\d+\.json$/.test(f))
    .map((f) => read(f) as RawSurface)
    .sort((a, b) => compareVersions(a.version, b.version));
  if (!Array.isArray(history.releases) || surfaces.length === 0) {
    throw new InputError(`no Prefect API history or surfaces in ${path.basename(apiDir)}`);
  }
  return { history, surfaces };
}

/** Builds the facts document (as text) from the parsed sources. */
export function compileFacts(history: RawHistory, surfaces: RawSurface[]): { text: string; stats: CompileStats } {
  const releaseIndex = new Map(history.releases.map((r, i) => [r, i]));
  const toRanges = (ranges: [string, string][]): number[] => mergeRanges(ranges, releaseIndex);
  const perSurface = surfaces.map((s) => collectSurface(s));

  const historyKinds = new Map<string, { kind: SymbolKind; target?: string }>();
  for (const [fq, entry] of Object.entries(history.symbols)) historyKinds.set(fq, parseKind(fq, entry.kind));

  const names = new Set<string>();
  const addName = (fq: string): void => {
    for (let i = fq.indexOf("."); i >= 0; i = fq.indexOf(".", i + 1)) names.add(fq.slice(0, i));
    names.add(fq);
  };
  for (const [fq, info] of historyKinds) {
    addName(fq);
    if (info.target) addName(info.target);
  }
  for (const facts of perSurface) {
    for (const fact of facts.values()) {
      if (fact.target) addName(fact.target);
      for (const base of fact.bases ?? []) if (typeof base === "string" && isPrefectName(base)) addName(base);
    }
  }
  const sortedNames = [...names].sort(byCodeUnit);
  const nameIndex = new Map(sortedNames.map((n, i) => [n, i]));
  const flatNames: (number | string)[] = [];
  for (const fq of sortedNames) {
    const dot = fq.lastIndexOf(".");
    flatNames.push(dot < 0 ? -1 : nameIndex.get(fq.slice(0, dot))!, dot < 0 ? fq : fq.slice(dot + 1));
  }
  const ref = (fq: string): number => nameIndex.get(fq)!;
  const baseRef = (b: BaseRef): BaseRef => (typeof b === "string" && isPrefectName(b) ? ref(b) : b);

  const paramsByCallable = groupParams(history.params);
  const surfaceReleases = surfaces.map((s) => releaseIndex.get(s.version) ?? -1);
  let paramCount = 0;
  const symbols: SymbolRecord[] = [];
  for (const fq of [...historyKinds.keys()].sort(byCodeUnit)) {
    const info = historyKinds.get(fq)!;
    const at = perSurface.map((facts) => facts.get(fq));
    const record: SymbolRecord = { n: ref(fq), k: KIND_CODES[info.kind], p: toRanges(history.symbols[fq]!.present) };
    if (info.target) {
      record.t = ref(info.target);
      const ts = compactRuns(at.map((f) => (f?.target ? ref(f.target) : undefined)));
      if (ts.some(([, v]) => v !== record.t)) record.ts = ts;
    }
    if (info.kind === "class") setIfAny(record, "b", compactRuns(at.map((f) => f?.bases?.map(baseRef))));
    const returns = compactRuns(at.map((f) => (f ? (f.returns ?? "") : undefined)));
    if (returns.some(([, v]) => v !== "")) record.r = returns;
    const deprecated = bitmask(at.map((f) => f?.deprecated === true));
    if (deprecated) record.d = deprecated;
    const isAsync = bitmask(at.map((f) => f?.async === true));
    if (isAsync) record.a = isAsync;
    const params = paramsByCallable.get(fq);
    if (params) {
      record.q = buildParams(params, at, toRanges, surfaceReleases);
      paramCount += record.q.length;
    }
    symbols.push(record);
  }

  const data: FactsData = {
    format: FACTS_FORMAT,
    package: history.package,
    releases: history.releases,
    surfaces: surfaces.map((s) => releaseIndex.get(s.version) ?? -1),
    names: flatNames,
    symbols,
    cli: buildCli(surfaces),
  };
  if (data.surfaces.includes(-1)) throw new InputError("a surface's version is missing from history.json releases");
  const text = stableDocument(data as unknown as Record<string, unknown>, ["symbols"]);
  return {
    text,
    stats: {
      releases: data.releases.length,
      surfaces: surfaces.map((s) => s.version),
      symbols: symbols.length,
      params: paramCount,
      bytes: Buffer.byteLength(text),
    },
  };
}

/** Reads the sources, compiles and writes the committed file. */
export function buildFactsFile(apiDir: string, outFile: string): CompileStats {
  const { history, surfaces } = readApiSources(apiDir);
  const { text, stats } = compileFacts(history, surfaces);
  writeFileSync(outFile, text);
  return stats;
}

function parseKind(fq: string, raw: string): { kind: SymbolKind; target?: string } {
  if (raw.startsWith("reexport:")) {
    const target = raw.slice("reexport:".length);
    // A package importing its own submodule lists the submodule as a re-export of itself: it is a module.
    return target === fq ? { kind: "module" } : { kind: "reexport", target };
  }
  if (raw in KIND_CODES) return { kind: raw as SymbolKind };
  throw new InputError(`unknown symbol kind "${raw}" for ${fq}`);
}

/** Release ranges as sorted, merged index pairs; the data has overlapping and touching ranges. */
function mergeRanges(ranges: [string, string][], releaseIndex: Map<string, number>): number[] {
  const pairs = ranges
    .map(([a, b]) => [releaseIndex.get(a), releaseIndex.get(b)] as const)
    .filter((p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    const last = out.length - 1;
    if (last > 0 && a <= out[last]! + 1) out[last] = Math.max(out[last]!, b);
    else out.push(a, b);
  }
  return out;
}

function collectSurface(surface: RawSurface): Map<string, SurfaceFact> {
  const facts = new Map<string, SurfaceFact>();
  const entryFact = (module: string, entry: RawEntry): SurfaceFact => ({
    target: entry.kind === "reexport" ? entry.from : undefined,
    bases:
      entry.kind === "class"
        ? (entry.bases ?? []).map((b) => resolveInModule(surface, module, b) ?? bareTypeName(b))
        : undefined,
    returns:
      entry.returns ?? (entry.overload_returns?.length ? [...new Set(entry.overload_returns)].join(" | ") : undefined),
    deprecated: entry.deprecated,
    async: entry.async,
    params: entry.params,
  });
  for (const [module, mod] of Object.entries(surface.modules)) {
    facts.set(module, {});
    for (const [name, entry] of Object.entries(mod.symbols)) {
      facts.set(`${module}.${name}`, entryFact(module, entry));
      for (const [member, memberEntry] of Object.entries(entry.members ?? {})) {
        facts.set(`${module}.${name}.${member}`, entryFact(module, memberEntry));
      }
    }
  }
  return facts;
}

function groupParams(params: RawHistory["params"]): Map<string, Map<string, [string, string][]>> {
  const byCallable = new Map<string, Map<string, [string, string][]>>();
  for (const [key, ranges] of Object.entries(params)) {
    const open = key.lastIndexOf("(");
    if (open < 0 || !key.endsWith(")")) continue;
    const callable = key.slice(0, open);
    const group = byCallable.get(callable) ?? new Map<string, [string, string][]>();
    byCallable.set(callable, group);
    group.set(key.slice(open + 1, -1), ranges);
  }
  return byCallable;
}

/**
 * Parameters in signature order: the newest surface's order, older surfaces' params slotted in after their
 * predecessor, and params that no surface saw (they lived between surfaces) at the end, by name.
 */
function buildParams(
  history: Map<string, [string, string][]>,
  at: (SurfaceFact | undefined)[],
  toRanges: (r: [string, string][]) => number[],
  surfaceReleases: readonly number[],
): ParamRecord[] {
  const order: string[] = [];
  for (let i = at.length - 1; i >= 0; i--) {
    let previous = -1;
    for (const p of at[i]?.params ?? []) {
      const existing = order.indexOf(p.name);
      if (existing >= 0) previous = existing;
      else order.splice(++previous, 0, p.name);
    }
  }
  for (const name of [...history.keys()].sort(byCodeUnit)) if (!order.includes(name)) order.push(name);
  return order
    .filter((name) => history.has(name))
    .map((name) => {
      const codes = at.map((f) => {
        const p = f?.params?.find((x) => x.name === name);
        return p ? encodeParam(p.kind, p.default) : PARAM_ABSENT;
      });
      const ranges = toRanges(history.get(name)!);
      return [name, ranges, compactCodes(codes, ranges, surfaceReleases)];
    });
}

function buildCli(surfaces: RawSurface[]): Record<string, Record<string, CliRecord>> {
  const cli: Record<string, Record<string, CliRecord>> = {};
  surfaces.forEach((surface, ordinal) => {
    const bit = 1 << ordinal;
    for (const [group, commands] of Object.entries(surface.cli ?? {})) {
      const records = cli[group] ?? {};
      cli[group] = records;
      for (const [command, options] of Object.entries(commands)) {
        const record = records[command] ?? { m: 0, o: {} };
        records[command] = record;
        record.m |= bit;
        for (const option of options) record.o[option] = (record.o[option] ?? 0) | bit;
      }
    }
  });
  return cli;
}

/** One code instead of one per surface when the param has the same kind in every surface its ranges cover. */
function compactCodes(codes: string[], ranges: number[], surfaceReleases: readonly number[]): string {
  const known = codes.find((c) => c !== PARAM_ABSENT);
  if (known === undefined) return PARAM_ABSENT;
  const uniform = surfaceReleases.map((r) => (inRanges(ranges, r) ? known : PARAM_ABSENT));
  return uniform.join("") === codes.join("") ? known : codes.join("");
}

/** Per-surface values (undefined where the surface lacks the name) as runs of equal values. */
function compactRuns<T>(values: (T | undefined)[]): Run<T>[] {
  const runs: Run<T>[] = [];
  let last: string | undefined;
  values.forEach((value, ordinal) => {
    if (value === undefined) return;
    const key = stableStringify(value);
    if (key !== last) runs.push([ordinal, value]);
    last = key;
  });
  return runs;
}

function bitmask(flags: boolean[]): number {
  return flags.reduce((mask, on, i) => (on ? mask | (1 << i) : mask), 0);
}

function setIfAny<K extends "b">(record: SymbolRecord, key: K, runs: NonNullable<SymbolRecord[K]>): void {
  if (runs.length > 0) record[key] = runs;
}

function isPrefectName(name: string): boolean {
  return name === "prefect" || name.startsWith("prefect.");
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
