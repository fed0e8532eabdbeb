// Compiles ../shared/prefect-api/ (history.json + the full surfaces) into the compact, committed facts table.
// Deterministic: the same input always gives the same bytes (sorted names, sorted keys, no timestamps).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compareVersions, InputError, OrcaError } from "../../core/index.js";
import { bitmask, buildCli, buildParams, byCodeUnit, compactRuns, groupParams, mergeRanges } from "./compile-parts.js";
import { type BaseRef, FACTS_FORMAT, type FactsData, KIND_CODES, type SymbolRecord } from "./facts-data.js";
import type { RawEntry, RawHistory, RawParam, RawSurface } from "./source-shapes.js";
import { stableDocument } from "./stable-json.js";
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
    symbolNames: symbols.map((s) => s.n),
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

function setIfAny<K extends "b">(record: SymbolRecord, key: K, runs: NonNullable<SymbolRecord[K]>): void {
  if (runs.length > 0) record[key] = runs;
}

function isPrefectName(name: string): boolean {
  return name === "prefect" || name.startsWith("prefect.");
}
