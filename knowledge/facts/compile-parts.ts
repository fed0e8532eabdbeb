// The pieces of the facts compiler that turn per-release values into the compact encodings of facts-data.ts.

import {
  type CliRecord,
  type CommandRecord,
  encodeParam,
  inRanges,
  PARAM_ABSENT,
  type ParamRecord,
  type Run,
} from "./facts-data.js";
import type { RawCliHistory, RawHistory, RawParam, RawSurface } from "./source-shapes.js";
import { stableStringify } from "./stable-json.js";

/** What one full surface says about a callable's parameters. */
export interface ParamsAt {
  params?: RawParam[];
}

/** Release ranges as sorted, merged index pairs; the data has overlapping and touching ranges. */
export function mergeRanges(ranges: [string, string][], releaseIndex: Map<string, number>): number[] {
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

export function groupParams(params: RawHistory["params"]): Map<string, Map<string, [string, string][]>> {
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
export function buildParams(
  history: Map<string, [string, string][]>,
  at: (ParamsAt | undefined)[],
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
      const record: ParamRecord = [name, ranges, compactCodes(codes, ranges, surfaceReleases)];
      // Default values as written in the source, per surface ("" where the surface shows no default).
      const values = compactRuns(
        at.map((f) => {
          const p = f?.params?.find((x) => x.name === name);
          return p ? (p.value ?? "") : undefined;
        }),
      );
      if (values.some(([, v]) => v !== "")) record.push(values);
      return record;
    });
}

/** cli-history.json as compact records: command ranges and each option's ranges. */
export function buildCliHistory(
  raw: RawCliHistory,
  toRanges: (r: [string, string][]) => number[],
): Record<string, CommandRecord> {
  const out: Record<string, CommandRecord> = {};
  for (const key of Object.keys(raw.commands).sort(byCodeUnit)) {
    const c = raw.commands[key]!;
    // Typer declares a boolean pair as one "--show-x/--hide-x" string: each half is a flag of its own.
    const byFlag = new Map<string, [string, string][]>();
    for (const [declared, ranges] of Object.entries(c.options ?? {}))
      for (const flag of declared.split("/")) byFlag.set(flag, [...(byFlag.get(flag) ?? []), ...ranges]);
    const o: Record<string, number[]> = {};
    for (const flag of [...byFlag.keys()].sort(byCodeUnit)) o[flag] = toRanges(byFlag.get(flag)!);
    out[key] = { p: toRanges(c.present), o: withRenamedGapsFilled(o) };
  }
  return out;
}

/**
 * The reader of Prefect's source records an option under its parameter's name in some releases: `prefect deploy
 * --pool` (and `-p`) is "--work-pool-name" from 2.14.5 to 3.5.0, where the option was declared through a
 * settings-backed helper. A flag that exists in exactly one span, which is exactly a gap in another flag's spans of the
 * same command, is that flag under another name: the other flag holds through the gap too (and the recorded name stays).
 */
export function withRenamedGapsFilled(options: Record<string, number[]>): Record<string, number[]> {
  const single = new Set(
    Object.values(options)
      .filter((r) => r.length === 2)
      .map((r) => `${r[0]}-${r[1]}`),
  );
  const out: Record<string, number[]> = {};
  for (const [flag, ranges] of Object.entries(options)) {
    const merged = [ranges[0]!, ranges[1]!];
    for (let i = 2; i < ranges.length; i += 2) {
      const gap = `${merged[merged.length - 1]! + 1}-${ranges[i]! - 1}`;
      if (single.has(gap)) merged[merged.length - 1] = ranges[i + 1]!;
      else merged.push(ranges[i]!, ranges[i + 1]!);
    }
    out[flag] = ranges.length === 0 ? ranges : merged;
  }
  return out;
}

export function buildCli(surfaces: RawSurface[]): Record<string, Record<string, CliRecord>> {
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
export function compactRuns<T>(values: (T | undefined)[]): Run<T>[] {
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

export function bitmask(flags: boolean[]): number {
  return flags.reduce((mask, on, i) => (on ? mask | (1 << i) : mask), 0);
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
