// Compiles ../shared/prefect-api/settings-history.json into the committed settings table (prefect-settings.json).
// Deterministic: names sorted, aliases sorted, keys sorted, no timestamps: the same input always gives the same bytes.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError, OrcaError } from "../../core/index.js";
import { byCodeUnit } from "./compile-parts.js";
import { SETTINGS_FORMAT, type SettingRecord } from "./settings-facts.js";
import type { RawSettingsHistory } from "./source-shapes.js";
import { stableDocument } from "./stable-json.js";

export interface SettingsStats {
  settings: number;
  bytes: number;
}

/** The raw history as the committed document's text. */
export function compileSettings(raw: unknown): { text: string; stats: SettingsStats } {
  const doc = raw as Partial<RawSettingsHistory>;
  if (!Array.isArray(doc.releases) || typeof doc.settings !== "object" || doc.settings === null)
    throw new InputError("settings-history.json has no releases or settings");
  const source = doc.settings;
  const settings: SettingRecord[] = Object.keys(source)
    .sort(byCodeUnit)
    .map((name) => {
      const s = source[name]!;
      return {
        name,
        present: s.present,
        type: s.type ?? "",
        default: s.default ?? "None",
        ...(s.defaults?.length ? { defaults: s.defaults } : {}),
        description: s.description ?? "",
        aliases: [...(s.aliases ?? [])].sort(byCodeUnit),
        toml: s.toml ?? null,
      };
    });
  const text = stableDocument({ format: SETTINGS_FORMAT, releases: doc.releases, settings }, ["settings"]);
  return { text, stats: { settings: settings.length, bytes: Buffer.byteLength(text) } };
}

/** Reads settings-history.json from the API data directory and writes the compiled table. */
export function buildSettingsFile(apiDir: string, outFile: string): SettingsStats {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(apiDir, "settings-history.json"), "utf8"));
  } catch (error) {
    throw new OrcaError("facts_unavailable", "cannot read settings-history.json from the Prefect API data", {
      cause: error,
    });
  }
  const { text, stats } = compileSettings(raw);
  writeFileSync(outFile, text);
  return stats;
}
