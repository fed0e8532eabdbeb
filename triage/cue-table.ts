// Matches weighted words and phrases (the data tables in triage/data) against a text in one pass over its words.
// Both sides are normalised the same way (lower case, every run of other characters one space), and a cue word also
// matches its -s/-es/-ed/-d/-ing forms, so the tables stay short and readable.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { OrcaError } from "../core/index.js";

export interface CueHit {
  cue: string;
  weight: number;
}

interface Cue {
  words: string[];
  label: string;
  weight: number;
}

const SUFFIXES = ["s", "es", "ed", "d", "ing"];

/** The words of a text, lower case, split on anything that is not a letter or digit. */
export function normalWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** A word and the bases it may be an inflection of. */
function forms(word: string): string[] {
  const out = [word];
  for (const suffix of SUFFIXES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length));
  }
  return out;
}

export class CueTable {
  /** Cues of each label, indexed by their first word. */
  private readonly byFirst = new Map<string, Cue[]>();
  readonly labels: string[];

  constructor(table: Record<string, Record<string, number>>) {
    this.labels = Object.keys(table);
    for (const [label, cues] of Object.entries(table)) {
      for (const [phrase, weight] of Object.entries(cues ?? {})) {
        const words = normalWords(String(phrase));
        if (words.length === 0 || typeof weight !== "number") continue;
        const first = words[0] as string;
        const list = this.byFirst.get(first) ?? [];
        list.push({ words, label, weight });
        this.byFirst.set(first, list);
      }
    }
  }

  static fromYamlFile(file: string): CueTable {
    try {
      return new CueTable(parse(readFileSync(file, "utf8")) as Record<string, Record<string, number>>);
    } catch (error) {
      throw new OrcaError("internal", `cannot read the cue table ${file}: ${String(error)}`, { cause: error });
    }
  }

  /** Per label, the cues found in `words` (each cue counted once, however often it occurs). */
  match(words: readonly string[]): Map<string, CueHit[]> {
    const found = new Map<string, Map<string, number>>();
    for (let i = 0; i < words.length; i++) {
      for (const form of forms(words[i] as string)) {
        const cues = this.byFirst.get(form);
        if (!cues) continue;
        for (const cue of cues) {
          if (!matchesAt(cue.words, words, i)) continue;
          const byCue = found.get(cue.label) ?? new Map<string, number>();
          byCue.set(cue.words.join(" "), cue.weight);
          found.set(cue.label, byCue);
        }
      }
    }
    const out = new Map<string, CueHit[]>();
    for (const [label, byCue] of found)
      out.set(
        label,
        [...byCue].map(([cue, weight]) => ({ cue, weight })),
      );
    return out;
  }
}

function matchesAt(cue: readonly string[], words: readonly string[], start: number): boolean {
  if (start + cue.length > words.length) return false;
  for (let j = 1; j < cue.length; j++) {
    if (!forms(words[start + j] as string).includes(cue[j] as string)) return false;
  }
  return true;
}

export function totalWeight(hits: readonly CueHit[] | undefined): number {
  return (hits ?? []).reduce((sum, h) => sum + h.weight, 0);
}
