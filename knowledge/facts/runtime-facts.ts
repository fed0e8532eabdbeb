// Runtime facts no API surface records, each in one place for the linter, the answer engine's repairs and the audit.
import type { PrefectFacts } from "./types.js";

/**
 * Plain coroutine functions with no synchronous form: calling one without `await` only creates a coroutine, and
 * nothing runs. The API surfaces flag every `async def` alike, including the many Prefect wraps to also run
 * synchronously (sync_compatible, async_dispatch: run_deployment, pause_flow_run...), so "async" alone would raise
 * false alarms; this list names the ones known to have no sync wrapper.
 */
export const ASYNC_ONLY: ReadonlySet<string> = new Set(["prefect.flow_runs.wait_for_flow_run"]);

/** First release where pause_flow_run inside a task pauses the parent flow run instead of raising. */
export const PAUSE_IN_TASK_FROM = "3.6.3";

/** First release where calling a task outside a flow runs it (up to 2.16.x it raised RuntimeError). */
export const TASK_OUTSIDE_FLOW_FROM = "2.17.0";

/**
 * First release without the "A future was garbage collected before it resolved" warning (logged by
 * PrefectConcurrentFuture.__del__ in 3.0.0–3.3.x; removed in 3.4.0).
 */
export const GC_FUTURE_WARNING_UNTIL = "3.4.0";

/** First major whose Variables hold any JSON value; 2.x Variables held strings only. */
export const JSON_VARIABLES_FROM_MAJOR = 3;

export type AsyncLookup = (fq: string, release: string) => boolean | undefined;

/** Whether a callable present in a release is async-only there (undefined when the release does not have it). */
export function asyncOnlyLookup(facts: PrefectFacts): AsyncLookup {
  return (fq, release) => {
    if (facts.presence(fq, release).status !== "present") return undefined;
    const defining = facts.resolve(fq, release)?.name ?? fq;
    return ASYNC_ONLY.has(defining) || ASYNC_ONLY.has(fq);
  };
}

/**
 * How a Prefect record hands out the value it holds, tried in order against the record class's members: an instance
 * method that returns it (3.x `Secret.get()`), else the field itself (2.x `Variable.value`). A class counts as such a
 * record only when it has the `value` field.
 */
export const RECORD_VALUE_ACCESSORS: readonly { member: string; kind: "method" | "field"; code: string }[] = [
  { member: "get", kind: "method", code: ".get()" },
  { member: "value", kind: "field", code: ".value" },
];

/** Records whose value is always a string before a major line (2.x Variables held strings only). */
export const STRING_VALUED_UNTIL_MAJOR: Readonly<Record<string, number>> = {
  "prefect.variables.Variable": JSON_VARIABLES_FROM_MAJOR,
};

/**
 * State-change hooks of flows and tasks (`on_failure=[...]`, `@my_flow.on_failure`): Prefect calls each with three
 * positional arguments. Transaction hooks (`on_commit`, `on_rollback`) take one and are not listed.
 */
export const STATE_HOOK_KEYWORDS: ReadonlySet<string> = new Set([
  "on_completion",
  "on_failure",
  "on_crashed",
  "on_cancellation",
  "on_running",
]);

/** The arguments a state hook receives, by the kind of object it is attached to. */
export const STATE_HOOK_PARAMS: Readonly<Record<"flow" | "task", readonly [string, string, string]>> = {
  flow: ["flow", "flow_run", "state"],
  task: ["task", "task_run", "state"],
};

/**
 * Block fields that hold a pydantic secret (`SecretStr`, or 3.x's `PydanticSecret` for JSON secrets), by block
 * class: such a field prints as '**********' and is not the secret itself. The block's accessor method gives the
 * plain value (`Secret.get()` returns `self.value.get_secret_value()`, in 2.x and 3.x alike); without one,
 * `.get_secret_value()` on the field does.
 */
export const SECRET_FIELDS: Readonly<Record<string, { field: string; accessor?: string }>> = {
  "prefect.blocks.system.Secret": { field: "value", accessor: "get" },
};

/** First release where get_run_logger() outside a flow or task run raises MissingContextError (2.4.3 release notes). */
export const RUN_LOGGER_MISSING_CONTEXT_FROM = "2.4.3";

/**
 * Where a deployment's code comes from when `Flow.deploy()` is called: a Docker image (`image=`), the storage
 * `from_source()` records, or an importable module path. A flow object defined in local code with none of them raises
 * ValueError "Either an image or remote storage location must be provided when deploying a deployment", whatever the
 * work pool (a process pool needs `from_source` with a local path, which works from LOCAL_SOURCE_FROM).
 */
export const DEPLOY_CODE_SOURCE = {
  method: "prefect.flows.Flow.deploy",
  image: "image",
  entrypointType: "entrypoint_type",
  error: "Either an image or remote storage location must be provided when deploying a deployment",
} as const;

/** First release where `flow.from_source()` accepts a local directory (so a process worker can run local code). */
export const LOCAL_SOURCE_FROM = "2.19.6";
