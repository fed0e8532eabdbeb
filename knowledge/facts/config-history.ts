// Settings and command-line history over every release (compiled from settings-history.json and cli-history.json):
// whether a PREFECT_* name or a `prefect …` command exists in a release, with what default or which flags.

import type { SettingRecord } from "./facts-data.js";
import type { FactsHeader } from "./facts-source.js";
import type { ReleaseIndex } from "./release-index.js";
import type { CommandHistoryFact, SettingFact } from "./types.js";

export class ConfigHistory {
  private aliases: Map<string, string> | undefined;

  constructor(
    private readonly data: Pick<FactsHeader, "settings" | "cliHistory">,
    private readonly releases: ReleaseIndex,
  ) {}

  get complete(): boolean {
    return this.data.settings !== undefined && this.data.cliHistory !== undefined;
  }

  setting(name: string, index: number): SettingFact | undefined {
    const settings = this.data.settings ?? {};
    const own = Object.hasOwn(settings, name) ? this.settingFact(name, settings[name]!, index) : undefined;
    if (own?.status === "present") return own;
    // A name that is (also) another setting's alias (PREFECT_UI_API_URL in 3.1+) still sets it.
    const target = this.aliasIndex().get(name);
    const targetFact = target ? this.settingFact(target, settings[target]!, index) : undefined;
    if (target && targetFact?.status === "present") return { ...targetFact, name, status: "alias", aliasOf: target };
    return own ?? (targetFact && { ...targetFact, name });
  }

  command(key: string, index: number): CommandHistoryFact | undefined {
    const record = this.data.cliHistory?.[key];
    if (!record || !Object.hasOwn(this.data.cliHistory!, key)) return undefined;
    const optionRanges: CommandHistoryFact["optionRanges"] = {};
    const options: string[] = [];
    for (const [flag, ranges] of Object.entries(record.o)) {
      optionRanges[flag] = this.span(ranges);
      if (within(ranges, index)) options.push(flag);
    }
    return { key, present: within(record.p, index), ...this.span(record.p), options, optionRanges };
  }

  private settingFact(name: string, record: SettingRecord, index: number): SettingFact {
    const span = this.span(record.p);
    const defaultAt = (i: number) => {
      let value: string | undefined;
      for (const [from, v] of record.v) if (from <= i) value = v;
      return value ?? record.v[0]?.[1];
    };
    if (within(record.p, index)) return { name, status: "present", default: defaultAt(index), ...span };
    let lastBefore = -1;
    for (let i = 1; i < record.p.length; i += 2) if (record.p[i]! < index) lastBefore = record.p[i]!;
    if (lastBefore >= 0) {
      const release = this.releases.releases[lastBefore]!;
      return { name, status: "removed", default: defaultAt(lastBefore), release, ...span };
    }
    return { name, status: "not-yet", release: span.first, ...span };
  }

  private span(ranges: number[]): { first: string; last: string } {
    return {
      first: this.releases.releases[ranges[0] ?? 0]!,
      last: this.releases.releases[ranges[ranges.length - 1] ?? 0]!,
    };
  }

  private aliasIndex(): Map<string, string> {
    if (!this.aliases) {
      this.aliases = new Map();
      for (const [name, record] of Object.entries(this.data.settings ?? {}))
        for (const alias of record.a ?? []) if (!this.aliases.has(alias)) this.aliases.set(alias, name);
    }
    return this.aliases;
  }
}

function within(ranges: readonly number[], index: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (index >= ranges[i]! && index <= ranges[i + 1]!) return true;
  return false;
}
