// Names as answers write them (`wait`, `FlowRun`, `prefect.futures.wait`, `a_flow`) → what they are in the facts.

import type { PrefectApiFacts } from "../facts/index.js";
import { FILE_SUFFIXES, TYPE_NOUNS, VARIABLE_SUFFIXES } from "./lexicon.js";

export interface NameResolver {
  /** Fully qualified API for a written name, searched in the release, then in the other major's newest release. */
  api(written: string): string | undefined;
  /** The class a written owner stands for: a class name, a type noun, or a variable named like one. */
  owner(written: string): string | undefined;
  /** A distinctive identifier: CamelCase, snake_case or dotted (plain English words never count in prose). */
  distinctive(written: string): boolean;
}

const IDENT_START = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c === "_";

export function createResolver(facts: PrefectApiFacts, release: string): NameResolver {
  const major = Number(release.split(".")[0]);
  const elsewhere = [release, facts.latestOfMajor(major === 2 ? 3 : 2), facts.latest];
  const cache = new Map<string, string | undefined>();
  const api = (written: string): string | undefined => {
    if (cache.has(written)) return cache.get(written);
    let found: string | undefined;
    const name = written.replace("()", "");
    const file = FILE_SUFFIXES.has(name.split(".").pop()!) && name.includes(".");
    if (name && IDENT_START(name[0]!) && !file && !name.includes("/")) {
      if (name === "prefect" || name.startsWith("prefect.")) found = name;
      else {
        const [head, ...rest] = name.split(".");
        for (const v of elsewhere) {
          const hit = facts.locate(head!, v)[0];
          if (hit) {
            found = [hit, ...rest].join(".");
            break;
          }
        }
      }
    }
    cache.set(written, found);
    return found;
  };
  return {
    api,
    owner(written) {
      const name = written.replace("()", "");
      const noun = Object.hasOwn(TYPE_NOUNS, name.toLowerCase()) ? TYPE_NOUNS[name.toLowerCase()] : undefined;
      if (noun) return noun;
      const fq = api(name);
      if (fq && facts.symbol(facts.resolve(fq, release)?.name ?? fq)?.kind === "class")
        return facts.resolve(fq, release)?.name ?? fq;
      if (fq) return undefined;
      const lower = name.toLowerCase();
      for (const [suffix, cls] of VARIABLE_SUFFIXES) if (lower === suffix || lower.endsWith(`_${suffix}`)) return cls;
      return undefined;
    },
    distinctive(written) {
      const name = written.replace("()", "");
      if (name.includes(".") || name.includes("_")) return name.length > 3;
      return name.length > 3 && name !== name.toLowerCase() && name !== name.toUpperCase();
    },
  };
}
