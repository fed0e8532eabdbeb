// Loads the committed facts table once per process.

import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isOrcaError, OrcaError } from "../../core/index.js";
import { PrefectFactsStore } from "./prefect-facts-store.js";

/** The committed, compiled facts (regenerate with `orca build-facts`). */
export const FACTS_FILE = fileURLToPath(new URL("./prefect-facts.json", import.meta.url));

let cached: PrefectFactsStore | undefined;

/** The Prefect API facts from the committed table, parsed on first use and shared afterwards. */
export function loadPrefectFacts(): PrefectFactsStore {
  cached ??= loadPrefectFactsFrom(FACTS_FILE);
  return cached;
}

/** Reads a facts table from a file (uncached). */
export function loadPrefectFactsFrom(file: string): PrefectFactsStore {
  try {
    return PrefectFactsStore.fromText(readFileSync(file, "utf8"));
  } catch (error) {
    if (isOrcaError(error)) throw error;
    throw new OrcaError("facts_unavailable", "the Prefect API facts cannot be read; run `orca build-facts`", {
      cause: error,
    });
  }
}

export interface FactsLoadTiming {
  /** First load in this process (file read + parse + index). */
  firstMs: number;
  /** Median of the following loads (warm file cache and JIT). */
  medianMs: number;
  bytes: number;
}

/** Times uncached loads of the committed facts, for benchmarks (never asserted by tests). */
export function measureFactsLoad(runs = 5, file = FACTS_FILE): FactsLoadTiming {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < Math.max(2, runs); i++) {
    const started = performance.now();
    const store = loadPrefectFactsFrom(file);
    times.push(performance.now() - started);
    bytes = store.releases.length > 0 ? statSync(file).size : 0;
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  return { firstMs: times[0]!, medianMs: rest[Math.floor(rest.length / 2)]!, bytes };
}
