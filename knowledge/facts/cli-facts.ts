// The `prefect` command line per release, read from the full surfaces (which cover 2.20.25 and 3.x), with curated
// first releases for the commands people ask about on older 2.x lines.

import { CLI_REPLACEMENTS, CLI_SINCE, ROOT_COMMANDS } from "./curated-facts.js";
import type { CliRecord } from "./facts-data.js";
import type { FactsHeader } from "./facts-source.js";
import type { ReleaseIndex } from "./release-index.js";
import type { CliCommandFact } from "./types.js";

/** Typer names the root group after its variable. */
const ROOT_GROUPS = ["app"];

export class CliFacts {
  constructor(
    private readonly data: FactsHeader,
    private readonly releases: ReleaseIndex,
  ) {}

  groups(index: number): string[] {
    const bit = 1 << this.releases.surfaceAtOrBelow(index);
    return Object.keys(this.data.cli)
      .filter((g) => !ROOT_GROUPS.includes(g) && Object.values(this.data.cli[g]!).some((r) => (r.m & bit) !== 0))
      .sort();
  }

  command(words: readonly string[], index: number): CliCommandFact | undefined {
    const [first, second] = words;
    if (!first || this.tooEarly(words, index)) return undefined;
    const ordinal = this.releases.surfaceAtOrBelow(index);
    const surface = this.releases.releases[this.releases.surfaces[ordinal]!]!;
    const bit = 1 << ordinal;
    const group = this.data.cli[first];
    if (group && !ROOT_GROUPS.includes(first)) {
      if (second === undefined || second.startsWith("-")) {
        const any = Object.values(group).some((r) => (r.m & bit) !== 0);
        return any ? { group: first, command: "", options: [], optionsKnown: true, surface } : undefined;
      }
      const record = group[second];
      return record && (record.m & bit) !== 0 ? fact(first, second, record, bit, surface) : undefined;
    }
    for (const root of ROOT_GROUPS) {
      const record = this.data.cli[root]?.[first];
      if (record && (record.m & bit) !== 0) return fact("", first, record, bit, surface);
    }
    return this.curatedRoot(first, index, surface);
  }

  replacement(words: readonly string[]): string | undefined {
    return CLI_REPLACEMENTS[words.slice(0, 2).join(" ")];
  }

  /** The removed command whose advice says to run this one instead: what a release before it calls the same thing. */
  predecessor(words: readonly string[]): string | undefined {
    const named = `\`prefect ${words.join(" ")}\``;
    return Object.entries(CLI_REPLACEMENTS).find(([, advice]) => advice.includes(named))?.[0];
  }

  /** Root commands newer surfaces leave out: options from the nearest surface that still lists them. */
  private curatedRoot(command: string, index: number, surface: string): CliCommandFact | undefined {
    const since = Object.hasOwn(ROOT_COMMANDS, command) ? ROOT_COMMANDS[command]! : undefined;
    if (!since || index < this.releases.indexOf(since.since)) return undefined;
    for (let o = this.releases.surfaces.length - 1; o >= 0; o--) {
      for (const root of ROOT_GROUPS) {
        const record = this.data.cli[root]?.[command];
        if (record && (record.m & (1 << o)) !== 0) {
          return { ...fact("", command, record, 1 << o, surface), optionsKnown: false };
        }
      }
    }
    return { group: "", command, options: [], optionsKnown: false, surface };
  }

  /** Before the oldest surface, commands with a curated first release are judged by it. */
  private tooEarly(words: readonly string[], index: number): boolean {
    for (const key of [words.slice(0, 2).join(" "), words[0]!]) {
      const since = Object.hasOwn(CLI_SINCE, key) ? CLI_SINCE[key] : undefined;
      if (since) return index < this.releases.indexOf(since);
    }
    return false;
  }
}

function fact(group: string, command: string, record: CliRecord, bit: number, surface: string): CliCommandFact {
  const options = Object.keys(record.o)
    .filter((o) => (record.o[o]! & bit) !== 0)
    .sort();
  return { group, command, options, optionsKnown: true, surface };
}
