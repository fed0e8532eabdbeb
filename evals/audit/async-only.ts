// Callables that are coroutine functions with no synchronous form: calling one without `await` only creates a
// coroutine, and nothing runs. The API surfaces mark every `async def` alike, including the many that Prefect wraps
// to also work synchronously (sync_compatible, async_dispatch), so "async" alone would raise false alarms; this list
// names the ones known to have no sync wrapper.
import type { PrefectFacts } from "../../knowledge/index.js";

const ASYNC_ONLY = new Set(["prefect.flow_runs.wait_for_flow_run"]);

export type AsyncLookup = (fq: string, release: string) => boolean | undefined;

export function asyncOnlyLookup(facts: PrefectFacts): AsyncLookup {
  return (fq, release) => {
    if (facts.presence(fq, release).status !== "present") return undefined;
    const defining = facts.resolve(fq, release)?.name ?? fq;
    return ASYNC_ONLY.has(defining) || ASYNC_ONLY.has(fq);
  };
}
