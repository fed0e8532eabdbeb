// The command-line history over every release (compiled from cli-history.json): whether a `prefect …` command
// exists in a release, and with which flags. (Settings have their own table: settings-facts.ts.)

import type { FactsHeader } from "./facts-source.js";
import type { ReleaseIndex } from "./release-index.js";
import type { CommandHistoryFact } from "./types.js";

export class CommandHistory {
  constructor(
    private readonly data: Pick<FactsHeader, "cliHistory">,
    private readonly releases: ReleaseIndex,
  ) {}

  get complete(): boolean {
    return this.data.cliHistory !== undefined;
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

  /**
   * A group written alone ("is there a `prefect automation` command?") exists while any of its commands does: from the
   * first release of its first command to the last of its last. The history records commands, not groups.
   */
  group(key: string, index: number): CommandHistoryFact | undefined {
    if (key.includes(" ")) return undefined;
    const spans = this.inGroup(key).map((k) => this.data.cliHistory![k]!.p);
    if (spans.length === 0) return undefined;
    const starts = spans.map((p) => p[0]!);
    const ends = spans.map((p) => p[p.length - 1]!);
    return {
      key,
      present: spans.some((p) => within(p, index)),
      ...this.span([Math.min(...starts), Math.max(...ends)]),
      options: [],
      optionRanges: {},
    };
  }

  /** Every command that took a flag in some release (history keys), remembered per flag. */
  withOption(flag: string): string[] {
    let keys = this.byOption.get(flag);
    if (!keys) {
      keys = Object.entries(this.data.cliHistory ?? {})
        .filter(([, record]) => Object.hasOwn(record.o, flag))
        .map(([key]) => key);
      this.byOption.set(flag, keys);
    }
    return keys;
  }

  private readonly byOption = new Map<string, string[]>();

  /** Every command any release had (history keys). */
  keys(): string[] {
    return Object.keys(this.data.cliHistory ?? {});
  }

  /** Every command of a group (history keys "group command"). */
  inGroup(group: string): string[] {
    return Object.keys(this.data.cliHistory ?? {}).filter((key) => key.startsWith(`${group} `));
  }

  /** Commands present in release `from` and gone in `to` (release indexes), with the last release that had each. */
  removed(from: number, to: number): { command: string; lastRelease: string }[] {
    const out: { command: string; lastRelease: string }[] = [];
    for (const [command, record] of Object.entries(this.data.cliHistory ?? {})) {
      if (!within(record.p, from) || within(record.p, to)) continue;
      let last = record.p[1]!;
      for (let i = 1; i < record.p.length; i += 2) if (record.p[i]! < to) last = record.p[i]!;
      out.push({ command, lastRelease: this.releases.releases[last]! });
    }
    return out;
  }

  private span(ranges: number[]): { first: string; last: string } {
    return {
      first: this.releases.releases[ranges[0] ?? 0]!,
      last: this.releases.releases[ranges[ranges.length - 1] ?? 0]!,
    };
  }
}

function within(ranges: readonly number[], index: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (index >= ranges[i]! && index <= ranges[i + 1]!) return true;
  return false;
}
