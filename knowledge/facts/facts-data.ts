// The compact on-disk shape of knowledge/facts/prefect-facts.json, shared by the compiler and the loader.
// Releases and names are stored once and referred to by index; everything that varies between full surfaces is
// stored as "runs": [surfaceOrdinal, value] pairs, each value holding from its ordinal until the next pair.

import type { ParamKind, SymbolKind } from "./types.js";

export const FACTS_FORMAT = 2;

/** [surfaceOrdinal, value]: the value in force from that full surface on. */
export type Run<T> = [ordinal: number, value: T];

/** A class base: a name index when it is a prefect name, the written text otherwise ("BaseModel", "abc.ABC"). */
export type BaseRef = number | string;

/**
 * One parameter: its name, presence ranges (flat release indexes) and one code per full surface, or a single code
 * meaning "this code in every surface the ranges cover" (the common case).
 */
export type ParamRecord = [name: string, ranges: number[], codes: string, values?: Run<string>[]];

export interface SymbolRecord {
  /** Name index. */
  n: number;
  /** Kind code, see KIND_CODES. */
  k: string;
  /** Presence ranges as flat inclusive release-index pairs [first0, last0, first1, last1, ...]. */
  p: number[];
  /** Re-export target (name index), as of the newest release that has the symbol. */
  t?: number;
  /** Re-export targets per full surface, only when some surface differs from `t`. */
  ts?: Run<number>[];
  /** Class bases per full surface. */
  b?: Run<BaseRef[]>[];
  /** Return annotation per full surface. */
  r?: Run<string>[];
  /** Bit i set: deprecated (source heuristic) in full surface i. */
  d?: number;
  /** Bit i set: async in full surface i. */
  a?: number;
  /** Parameters, in signature order. */
  q?: ParamRecord[];
}

export interface CliRecord {
  /** Bit i set: the subcommand exists in full surface i. */
  m: number;
  /** Option name -> surface bitmask. */
  o: Record<string, number>;
}

export interface FactsData {
  format: number;
  package: string;
  /** Every release, oldest first. */
  releases: string[];
  /** Release indexes of the full surfaces, oldest first; a surface's position here is its "ordinal". */
  surfaces: number[];
  /** The name tree as flat pairs [parentIndex, component, ...]; parent -1 for a root. Sorted by full name. */
  names: (number | string)[];
  symbols: SymbolRecord[];
  /** Name index of each symbol (symbols[i].n), so a loader can find records without parsing them all. */
  symbolNames?: number[];
  /** CLI: group -> subcommand -> record. */
  cli: Record<string, Record<string, CliRecord>>;
  /** Every `prefect` command over all releases (from cli-history.json), keyed "group command" or "command". */
  cliHistory?: Record<string, CommandRecord>;
}

/** A command: presence ranges, and each flag's or argument's ranges. */
export interface CommandRecord {
  p: number[];
  o: Record<string, number[]>;
}

export const KIND_CODES: Record<SymbolKind, string> = {
  module: "M",
  class: "C",
  function: "F",
  variable: "V",
  reexport: "R",
  method: "m",
  property: "p",
  classmethod: "c",
  staticmethod: "s",
  attribute: "a",
};

export const KIND_BY_CODE: Record<string, SymbolKind> = Object.fromEntries(
  Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as SymbolKind]),
) as Record<string, SymbolKind>;

/** Per-surface parameter codes: absent, or kind with/without a default (upper case = has a default). */
export const PARAM_ABSENT = ".";
const PARAM_CODES: Record<ParamKind, string> = {
  positional: "p",
  keyword_only: "k",
  var_positional: "v",
  var_keyword: "w",
};
const PARAM_KIND_BY_CODE: Record<string, ParamKind> = {
  p: "positional",
  k: "keyword_only",
  v: "var_positional",
  w: "var_keyword",
};

export function encodeParam(kind: ParamKind, hasDefault: boolean): string {
  const code = PARAM_CODES[kind];
  return hasDefault ? code.toUpperCase() : code;
}

export function decodeParam(code: string): { kind: ParamKind; hasDefault: boolean } | undefined {
  if (code === PARAM_ABSENT || code === "") return undefined;
  const kind = PARAM_KIND_BY_CODE[code.toLowerCase()];
  if (!kind) return undefined;
  return { kind, hasDefault: code !== code.toLowerCase() };
}

/** The value of `runs` in force at a surface ordinal, or undefined before the first run. */
export function runAt<T>(runs: readonly Run<T>[] | undefined, ordinal: number): T | undefined {
  if (!runs) return undefined;
  let value: T | undefined;
  for (const [at, v] of runs) {
    if (at > ordinal) break;
    value = v;
  }
  return value;
}

/** The parameter code in force at a surface (given its release index). */
export function paramCodeAt(codes: string, ranges: readonly number[], ordinal: number, surfaceRelease: number): string {
  if (codes.length > 1) return codes[ordinal] ?? PARAM_ABSENT;
  return inRanges(ranges, surfaceRelease) ? codes : PARAM_ABSENT;
}

/** Whether a release index falls inside flat inclusive ranges. */
export function inRanges(ranges: readonly number[], index: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if (index >= ranges[i]! && index <= ranges[i + 1]!) return true;
  }
  return false;
}

/** Rebuilds the full names from the flat name tree. */
export function decodeNames(flat: readonly (number | string)[]): string[] {
  const names: string[] = new Array(flat.length / 2);
  for (let i = 0, j = 0; i < flat.length; i += 2, j++) {
    const parent = flat[i] as number;
    const part = flat[i + 1] as string;
    names[j] = parent < 0 ? part : `${names[parent]}.${part}`;
  }
  return names;
}
