// The facts never change while the process runs, and lint asks the same questions for every snippet (is
// `prefect.flow` present in 3.4.20? what does Task have?). Remembering the answers keeps warm lint calls cheap.
import { LRUCache } from "lru-cache";
import type { PrefectFacts } from "../knowledge/index.js";

type Method = (...args: string[]) => unknown;

/** Bounds memory when a caller lints against very many releases or names; the least recently used answers go. */
const MAX_ENTRIES_PER_METHOD = 20_000;

export function memoizeFacts(facts: PrefectFacts): PrefectFacts {
  const remember = <F extends Method>(_name: string, fn: F): F => {
    // Boxed, because LRUCache holds no null or undefined values and "not there" is an answer worth remembering.
    const cache = new LRUCache<string, { value: unknown }>({ max: MAX_ENTRIES_PER_METHOD });
    return ((...args: string[]) => {
      const key = args.join("\u0000");
      const hit = cache.get(key);
      if (hit) return hit.value;
      const value = fn(...args);
      cache.set(key, { value });
      return value;
    }) as F;
  };
  const bind = <K extends keyof PrefectFacts>(key: K) => (facts[key] as Method).bind(facts);
  const extra = facts as PrefectFacts & { returnType?: (fq: string, version: string) => string | undefined };
  const memo: PrefectFacts & { returnType?: (fq: string, version: string) => string | undefined } = {
    releases: facts.releases,
    latest: facts.latest,
    latestOfMajor: (major) => facts.latestOfMajor(major),
    resolveRelease: remember("resolveRelease", bind("resolveRelease")) as PrefectFacts["resolveRelease"],
    symbol: remember("symbol", bind("symbol")) as PrefectFacts["symbol"],
    presence: remember("presence", bind("presence")) as PrefectFacts["presence"],
    resolve: remember("resolve", bind("resolve")) as PrefectFacts["resolve"],
    members: remember("members", bind("members")) as PrefectFacts["members"],
    params: remember("params", bind("params")) as PrefectFacts["params"],
    returns: remember("returns", bind("returns")) as PrefectFacts["returns"],
    isAsync: remember("isAsync", bind("isAsync")) as PrefectFacts["isAsync"],
    isDeprecated: remember("isDeprecated", bind("isDeprecated")) as PrefectFacts["isDeprecated"],
    locate: remember("locate", bind("locate")) as PrefectFacts["locate"],
    replacement: remember("replacement", bind("replacement")) as PrefectFacts["replacement"],
    suggest: (name, version) => facts.suggest(name, version),
  };
  if (typeof extra.returnType === "function") memo.returnType = remember("returnType", extra.returnType.bind(facts));
  return memo;
}
