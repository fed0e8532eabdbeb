// PREFECT_* settings per release: environment variable, prefect.toml key, default, description, aliases and the
// releases that have them. Compiled deterministically from ../shared/prefect-api/settings-history.json by
// `orca build-facts` into the committed prefect-settings.json, read once per process.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compareVersions, InputError, OrcaError } from "../../core/index.js";
import { stableDocument } from "./stable-json.js";

/** One setting as compiled: release ranges are inclusive [first, last] pairs. */
export interface SettingRecord {
  name: string;
  present: Array<[string, string]>;
  type: string;
  /** Source text of the default in the newest release that has it ("'INFO'", "None"). */
  default: string;
  /** Only when the default changed: [first, last, default] per range. */
  defaults?: Array<[string, string, string]>;
  description: string;
  aliases: string[];
  toml: string | null;
}

/** What one setting is for one release. */
export interface SettingAtRelease {
  record: SettingRecord;
  exists: boolean;
  /** The default in that release (source text), when it exists. */
  default: string | null;
  /** The name that replaced this one (which still accepts it as an alias), when it was renamed. */
  renamedTo: SettingRecord | null;
  /** Older names this setting accepts as aliases. */
  formerNames: SettingRecord[];
}

interface SettingsDocument {
  format: number;
  releases: string[];
  settings: SettingRecord[];
}

const SETTINGS_FORMAT = 1;

/** The committed, compiled settings table. */
export const SETTINGS_FILE = fileURLToPath(new URL("./prefect-settings.json", import.meta.url));

/** Compiles the raw history into the committed document (sorted names, no timestamps: same input, same bytes). */
export function compileSettings(raw: unknown): string {
  const doc = raw as { releases?: string[]; settings?: Record<string, Omit<SettingRecord, "name">> };
  if (!Array.isArray(doc.releases) || typeof doc.settings !== "object" || doc.settings === null)
    throw new InputError("settings-history.json has no releases or settings");
  const settings = Object.keys(doc.settings)
    .sort()
    .map((name) => {
      const s = doc.settings![name]!;
      return {
        name,
        present: s.present,
        type: s.type,
        default: s.default,
        ...(s.defaults ? { defaults: s.defaults } : {}),
        description: s.description ?? "",
        aliases: [...(s.aliases ?? [])].sort(),
        toml: s.toml ?? null,
      };
    });
  return stableDocument({ format: SETTINGS_FORMAT, releases: doc.releases, settings }, ["settings"]);
}

/** Reads settings-history.json from the API data directory and writes the compiled table. */
export function buildSettingsFile(apiDir: string, outFile: string): number {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(apiDir, "settings-history.json"), "utf8"));
  } catch (error) {
    throw new OrcaError("facts_unavailable", "cannot read settings-history.json from the Prefect API data", {
      cause: error,
    });
  }
  const text = compileSettings(raw);
  writeFileSync(outFile, text);
  return (JSON.parse(text) as SettingsDocument).settings.length;
}

const within = (version: string, [first, last]: [string, string]) =>
  compareVersions(version, first) >= 0 && compareVersions(version, last) <= 0;

export class SettingsFacts {
  private readonly byName: Map<string, SettingRecord>;
  /** Old name → the setting that lists it as an alias. */
  private readonly successor = new Map<string, SettingRecord>();

  constructor(readonly settings: readonly SettingRecord[]) {
    this.byName = new Map(settings.map((s) => [s.name, s]));
    for (const s of settings) for (const a of s.aliases) this.successor.set(a, s);
  }

  static fromText(text: string): SettingsFacts {
    const doc = JSON.parse(text) as SettingsDocument;
    if (doc.format !== SETTINGS_FORMAT)
      throw new InputError(`settings format ${doc.format} is not supported (expected ${SETTINGS_FORMAT})`);
    return new SettingsFacts(doc.settings);
  }

  get(name: string): SettingRecord | undefined {
    return this.byName.get(name.toUpperCase());
  }

  /** The setting as of a release: whether it exists, its default then, and its renames. */
  at(name: string, version: string): SettingAtRelease | undefined {
    const record = this.get(name);
    if (!record) return undefined;
    const exists = record.present.some((r) => within(version, r));
    const ranged = record.defaults?.find(([first, last]) => within(version, [first, last]));
    const renamedTo = this.successor.get(record.name) ?? null;
    const formerNames = record.aliases.map((a) => this.byName.get(a)).filter((s): s is SettingRecord => !!s);
    return { record, exists, default: exists ? (ranged?.[2] ?? record.default) : null, renamedTo, formerNames };
  }

  /** "2.14.14–3.0.10" style text of the releases that have the setting. */
  static releaseRange(record: SettingRecord): string {
    return record.present.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(", ");
  }
}

let cached: SettingsFacts | undefined;

export function loadSettingsFacts(file = SETTINGS_FILE): SettingsFacts {
  if (file !== SETTINGS_FILE) return SettingsFacts.fromText(readFileSync(file, "utf8"));
  try {
    cached ??= SettingsFacts.fromText(readFileSync(file, "utf8"));
  } catch (error) {
    throw new OrcaError("facts_unavailable", "the Prefect settings table cannot be read; run `orca build-facts`", {
      cause: error,
    });
  }
  return cached;
}
