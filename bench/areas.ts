// Loads another area's public surface at run time. The bench must run (and report "skipped: <reason>") while an
// area is missing or half-built, so it cannot import areas statically: one absent export would break the whole CLI.
// Each section states the small part of an area's contract it relies on as a local interface.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../core/index.js";
import { SkipSection } from "./section.js";

export type AreaModule = Record<string, unknown>;

export async function importArea(relPath: string): Promise<AreaModule> {
  const file = path.join(repoRoot, relPath);
  if (!existsSync(file)) throw new SkipSection(`${relPath} not found (area not landed)`);
  return (await import(pathToFileURL(file).href)) as AreaModule;
}

/** A function exported by an area, or a skip naming what is missing. */
export function areaFunction<F>(mod: AreaModule, name: string, where: string): F {
  const value = mod[name];
  if (typeof value !== "function") throw new SkipSection(`${where} does not export ${name}()`);
  return value as F;
}

/** The first of several candidate exports that exists (areas may name things slightly differently). */
export function firstFunction<F>(mod: AreaModule, names: readonly string[]): F | undefined {
  for (const name of names) if (typeof mod[name] === "function") return mod[name] as F;
  return undefined;
}
