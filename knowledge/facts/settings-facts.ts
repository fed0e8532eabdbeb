// The one settings table: every PREFECT_* setting over every release (environment variable, prefect.toml key, default
// per release, the releases that have it, the other names that set it). `orca build-facts` compiles it into the
// committed prefect-settings.json (compile-settings.ts); every settings question goes through this module: the claim
// checker, the generated setting units, the lookup_setting tool, the answer plan and the upgrade guide.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compareVersions, InputError, OrcaError } from "../../core/index.js";

/** One setting as compiled: release ranges are inclusive [first, last] pairs, oldest first. */
export interface SettingRecord {
  /** The environment variable ("PREFECT_API_URL"). */
  name: string;
  present: Array<[string, string]>;
  type: string;
  /** Source text of the default in the newest release that has it ("'INFO'", "None"). */
  default: string;
  /** Only when the default changed: [first, last, default] per range. */
  defaults?: Array<[string, string, string]>;
  description: string;
  /** Other environment variable names that set the same value. */
  aliases: string[];
  /** Key in prefect.toml (3.1+), null before. */
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

/** Where a PREFECT_* name stands in one release, as the claim checker states it. */
export interface SettingFact {
  name: string;
  status: "present" | "removed" | "not-yet" | "alias";
  /** Default as source text in that release (present), or in the last release that had it (removed). */
  default?: string;
  /** The release the status refers to: first release (not-yet), last release (removed). */
  release?: string;
  /** For an alias: the setting it sets. */
  aliasOf?: string;
  first: string;
  last: string;
}

/** A setting present in one release and gone in a later one. */
export interface RemovedSetting {
  name: string;
  lastRelease: string;
  /** The setting that accepts the removed name as an alias in the later release, when it was renamed. */
  aliasOf?: string;
}

export interface SettingsDocument {
  format: number;
  releases: string[];
  settings: SettingRecord[];
}

export const SETTINGS_FORMAT = 1;

/** The committed, compiled settings table (regenerate with `orca build-facts`). */
export const SETTINGS_FILE = fileURLToPath(new URL("./prefect-settings.json", import.meta.url));

/** A `PREFECT_*` setting's name as written in text or code (global: for `matchAll`, `match` and `replace`). */
export const SETTING_NAMES = /\bPREFECT_[A-Z0-9_]+\b/g;

/** "PREFECT_SERVER_UI_SERVE_BASE" → "server ui serve base". */
export function settingWords(name: string): string {
  return name
    .replace(/^PREFECT_/, "")
    .toLowerCase()
    .split("_")
    .join(" ");
}

const within = (version: string, [first, last]: readonly [string, string, ...unknown[]]) =>
  compareVersions(version, first) >= 0 && compareVersions(version, last) <= 0;

const presentIn = (record: SettingRecord, version: string) => record.present.some((r) => within(version, r));

export class SettingsFacts {
  private readonly byName: Map<string, SettingRecord>;
  /** Old name → the setting that lists it as an alias (the first such setting by name). */
  private readonly successor = new Map<string, SettingRecord>();

  constructor(readonly settings: readonly SettingRecord[]) {
    this.byName = new Map(settings.map((s) => [s.name, s]));
    for (const s of settings) for (const a of s.aliases) if (!this.successor.has(a)) this.successor.set(a, s);
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

  /** The setting that lists this name as an alias (it was renamed to that one), if any. */
  renamedTo(name: string): SettingRecord | undefined {
    return this.successor.get(name.toUpperCase());
  }

  /** The setting as of a release: whether it exists, its default then, and its renames. */
  at(name: string, version: string): SettingAtRelease | undefined {
    const record = this.get(name);
    if (!record) return undefined;
    const exists = presentIn(record, version);
    const renamedTo = this.successor.get(record.name) ?? null;
    const formerNames = record.aliases.map((a) => this.byName.get(a)).filter((s): s is SettingRecord => !!s);
    return { record, exists, default: exists ? defaultAt(record, version) : null, renamedTo, formerNames };
  }

  /**
   * The setting a name stands for in a release, under the name that release knows: itself, the name it was renamed
   * to, or its former name (PREFECT_SERVER_DATABASE_CONNECTION_URL on 2.20 → PREFECT_API_DATABASE_CONNECTION_URL).
   */
  counterpartAt(name: string, release: string): SettingRecord | null {
    const at = this.at(name, release);
    if (!at) return null;
    if (at.exists) return at.record;
    if (at.renamedTo && this.at(at.renamedTo.name, release)?.exists) return at.renamedTo;
    return at.formerNames.find((f) => this.at(f.name, release)?.exists) ?? null;
  }

  /**
   * Where a name stands in a release (a real release: resolve "3.4" first). A name that is (also) another setting's
   * alias (PREFECT_UI_API_URL in 3.1+) still sets it while that setting exists. Undefined when no release had it.
   */
  fact(name: string, release: string): SettingFact | undefined {
    const record = this.get(name);
    const own = record && settingFact(record, release);
    if (own?.status === "present") return own;
    const target = this.successor.get(name.toUpperCase());
    const targetFact = target && settingFact(target, release);
    if (target && targetFact?.status === "present")
      return { ...targetFact, name: name.toUpperCase(), status: "alias", aliasOf: target.name };
    return own ?? (targetFact && { ...targetFact, name: name.toUpperCase() });
  }

  /**
   * Settings a user may mean by a name: a PREFECT_* variable, the part after PREFECT_, a prefect.toml key, an alias,
   * or words of the name ("logging level").
   */
  find(query: string): SettingRecord[] {
    const trimmed = query.trim();
    const wanted = trimmed.toUpperCase().replace(/[\s.]+/g, "_");
    const words = trimmed.toLowerCase();
    return this.settings.filter(
      (s) =>
        s.name === wanted ||
        s.name === `PREFECT_${wanted}` ||
        s.toml === trimmed ||
        s.aliases.includes(wanted) ||
        settingWords(s.name).includes(words),
    );
  }

  /** Settings present in `from` and gone in `to`, each with the setting that took its name over as an alias, if any. */
  removedBetween(from: string, to: string): RemovedSetting[] {
    return this.settings
      .filter((s) => presentIn(s, from) && !presentIn(s, to))
      .map((s) => {
        const heir = this.successor.get(s.name);
        const aliasOf = heir && presentIn(heir, to) ? heir.name : undefined;
        return { name: s.name, lastRelease: lastBefore(s, to) ?? s.present[0]![1], ...(aliasOf ? { aliasOf } : {}) };
      });
  }

  /** Settings that exist in `to` but not in `from`. */
  addedBetween(from: string, to: string): SettingRecord[] {
    return this.settings.filter((s) => !presentIn(s, from) && presentIn(s, to));
  }

  /** "2.14.14–3.0.10" style text of the releases that have the setting. */
  static releaseRange(record: SettingRecord): string {
    return record.present.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(", ");
  }
}

/** The default in force in a release: the newest default stretch starting at or before it. */
function defaultAt(record: SettingRecord, release: string): string {
  let value: string | undefined;
  for (const [first, , v] of record.defaults ?? []) if (compareVersions(first, release) <= 0) value = v;
  return value ?? record.defaults?.[0]?.[2] ?? record.default;
}

/** The last release of the setting's ranges before `release`. */
function lastBefore(record: SettingRecord, release: string): string | undefined {
  let last: string | undefined;
  for (const [, end] of record.present) if (compareVersions(end, release) < 0) last = end;
  return last;
}

function settingFact(record: SettingRecord, release: string): SettingFact {
  const span = { first: record.present[0]![0], last: record.present[record.present.length - 1]![1] };
  const name = record.name;
  if (presentIn(record, release)) return { name, status: "present", default: defaultAt(record, release), ...span };
  const last = lastBefore(record, release);
  if (last) return { name, status: "removed", default: defaultAt(record, last), release: last, ...span };
  return { name, status: "not-yet", release: span.first, ...span };
}

let cached: SettingsFacts | undefined;

/** The committed settings table, parsed on first use and shared afterwards (or any other compiled file, uncached). */
export function loadSettingsFacts(file = SETTINGS_FILE): SettingsFacts {
  if (file !== SETTINGS_FILE) return readSettings(file);
  cached ??= readSettings(file);
  return cached;
}

function readSettings(file: string): SettingsFacts {
  try {
    return SettingsFacts.fromText(readFileSync(file, "utf8"));
  } catch (error) {
    throw new OrcaError("facts_unavailable", "the Prefect settings table cannot be read; run `orca build-facts`", {
      cause: error,
    });
  }
}
