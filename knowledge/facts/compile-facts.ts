// Compiles ../shared/prefect-api/ (history.json + the full surfaces) into the compact, committed facts table.
// Deterministic: the same input always gives the same bytes (sorted names, sorted keys, no timestamps).

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compareVersions, InputError, OrcaError } from "../../core/index.js";
import {
  bitmask,
  buildCli,
  buildCliHistory,
  buildParams,
  byCodeUnit,
  compactRuns,
  groupParams,
  mergeRanges,
} from "./compile-parts.js";
import { type BaseRef, FACTS_FORMAT, type FactsData, KIND_CODES, type SymbolRecord } from "./facts-data.js";
import type { RawCliHistory, RawEntry, RawHistory, RawParam, RawSurface } from "./source-shapes.js";
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

export interface ApiSources {
  history: RawHistory;
  surfaces: RawSurface[];
  /** Optional: the CLI over every release (older data directories lack it). The settings history is compiled into
   * its own table (compile-settings.ts). */
  cliHistory?: RawCliHistory;
}

export function readApiSources(apiDir: string): ApiSources {
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
  const optional = (file: string): unknown => (existsSync(path.join(apiDir, file)) ? read(file) : undefined);
  const cliHistory = optional("cli-history.json") as RawCliHistory | undefined;
  return { history, surfaces, ...(cliHistory ? { cliHistory } : {}) };
}

/** Builds the facts document (as text) from the parsed sources. */
export function compileFacts(
  history: RawHistory,
  surfaces: RawSurface[],
  extra: Pick<ApiSources, "cliHistory"> = {},
): { text: string; stats: CompileStats } {
  const releaseIndex = new Map(history.releases.map((r, i) => [r, i]));
  const surfaceReleases = surfaces.map((s) => releaseIndex.get(s.version) ?? -1);
  if (surfaceReleases.includes(-1)) throw new InputError("a surface's version is missing from history.json releases");
  const perSurface = surfaces.map((s) => collectSurface(s));
  const kinds = new Map<string, ParsedKind>();
  for (const [fq, entry] of Object.entries(history.symbols)) kinds.set(fq, parseKind(fq, entry.kind));
  const names = buildNameTable(kinds, perSurface);

  const context: SymbolContext = {
    ref: names.ref,
    toRanges: (ranges) => mergeRanges(ranges, releaseIndex),
    surfaceReleases,
    paramsByCallable: groupParams(history.params),
  };
  const symbols = [...kinds.keys()].sort(byCodeUnit).map((fq) =>
    buildSymbol(
      fq,
      kinds.get(fq)!,
      history.symbols[fq]!.present,
      perSurface.map((facts) => facts.get(fq)),
      context,
    ),
  );
  const data: FactsData = {
    format: FACTS_FORMAT,
    package: history.package,
    releases: history.releases,
    surfaces: surfaceReleases,
    names: names.flat,
    symbols,
    symbolNames: symbols.map((s) => s.n),
    cli: buildCli(surfaces),
    ...(extra.cliHistory ? { cliHistory: buildCliHistory(extra.cliHistory, context.toRanges) } : {}),
  };
  const text = stableDocument(data as unknown as Record<string, unknown>, ["symbols"]);
  const params = symbols.reduce((n, s) => n + (s.q?.length ?? 0), 0);
  return {
    text,
    stats: {
      releases: data.releases.length,
      surfaces: surfaces.map((s) => s.version),
      symbols: symbols.length,
      params,
      bytes: Buffer.byteLength(text),
    },
  };
}

interface ParsedKind {
  kind: SymbolKind;
  target?: string;
}

interface SymbolContext {
  ref: (fq: string) => number;
  toRanges: (ranges: [string, string][]) => number[];
  surfaceReleases: readonly number[];
  paramsByCallable: Map<string, Map<string, [string, string][]>>;
}

/** Every name the table refers to, with all its dotted prefixes, sorted; stored as [parent, component] pairs. */
function buildNameTable(
  kinds: Map<string, ParsedKind>,
  perSurface: Map<string, SurfaceFact>[],
): { flat: (number | string)[]; ref: (fq: string) => number } {
  const names = new Set<string>();
  const add = (fq: string): void => {
    for (let i = fq.indexOf("."); i >= 0; i = fq.indexOf(".", i + 1)) names.add(fq.slice(0, i));
    names.add(fq);
  };
  for (const [fq, info] of kinds) {
    add(fq);
    if (info.target) add(info.target);
  }
  for (const facts of perSurface) {
    for (const fact of facts.values()) {
      if (fact.target) add(fact.target);
      for (const base of fact.bases ?? []) if (typeof base === "string" && isPrefectName(base)) add(base);
    }
  }
  const sorted = [...names].sort(byCodeUnit);
  const index = new Map(sorted.map((n, i) => [n, i]));
  const flat: (number | string)[] = [];
  for (const fq of sorted) {
    const dot = fq.lastIndexOf(".");
    flat.push(dot < 0 ? -1 : index.get(fq.slice(0, dot))!, dot < 0 ? fq : fq.slice(dot + 1));
  }
  return { flat, ref: (fq) => index.get(fq)! };
}

/** One symbol's record: history ranges, plus what each full surface says about it (`at`, by surface ordinal). */
function buildSymbol(
  fq: string,
  info: ParsedKind,
  present: [string, string][],
  at: (SurfaceFact | undefined)[],
  context: SymbolContext,
): SymbolRecord {
  const { ref } = context;
  const record: SymbolRecord = { n: ref(fq), k: KIND_CODES[info.kind], p: context.toRanges(present) };
  if (info.target) {
    record.t = ref(info.target);
    const ts = compactRuns(at.map((f) => (f?.target ? ref(f.target) : undefined)));
    if (ts.some(([, v]) => v !== record.t)) record.ts = ts;
  }
  if (info.kind === "class") {
    const baseRef = (b: BaseRef): BaseRef => (typeof b === "string" && isPrefectName(b) ? ref(b) : b);
    const bases = compactRuns(at.map((f) => f?.bases?.map(baseRef)));
    if (bases.length > 0) record.b = bases;
  }
  const returns = compactRuns(at.map((f) => (f ? (f.returns ?? "") : undefined)));
  if (returns.some(([, v]) => v !== "")) record.r = returns;
  const deprecated = bitmask(at.map((f) => f?.deprecated === true));
  if (deprecated) record.d = deprecated;
  const isAsync = bitmask(at.map((f) => f?.async === true));
  if (isAsync) record.a = isAsync;
  const params = context.paramsByCallable.get(fq);
  if (params) record.q = buildParams(params, at, context.toRanges, context.surfaceReleases);
  return record;
}

/** Reads the sources, compiles and writes the committed file. */
export function buildFactsFile(apiDir: string, outFile: string): CompileStats {
  const { history, surfaces, ...extra } = readApiSources(apiDir);
  const { text, stats } = compileFacts(history, surfaces, extra);
  writeFileSync(outFile, text);
  return stats;
}

function parseKind(fq: string, raw: string): ParsedKind {
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

function isPrefectName(name: string): boolean {
  return name === "prefect" || name.startsWith("prefect.");
}
