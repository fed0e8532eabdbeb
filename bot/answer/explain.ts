// Turns lint diagnoses (and known error messages quoted in a thread) into short explanations with the fact behind
// them, in Orca's words. Several diagnoses of one kind become one explanation listing their lines.
import { compareVersions, type Diagnosis, type PrefectMajor } from "../../core/index.js";

export type TopicId =
  | "flow-submit"
  | "flowrun-wait"
  | "prefect-wait-import"
  | "wait-not-imported"
  | "unresolved-futures"
  | "wait-for-flow-run-async"
  | "subflow-call-result"
  | "missing-await"
  | "not-awaitable"
  | "pause-in-task"
  | "variable-value"
  | "task-outside-flow"
  | "missing-result"
  | "sqlite-locked"
  | "agent-removed"
  | "generic";

export interface Explanation {
  topic: TopicId;
  /** One or two sentences: what is wrong and the fact behind it. */
  text: string;
  lines: number[];
  /** The diagnoses this explanation covers. */
  diagnoses: Diagnosis[];
}

interface Context {
  major: PrefectMajor;
  release: string;
}

const TEXTS: Record<Exclude<TopicId, "generic">, (c: Context) => string> = {
  "flow-submit": (c) =>
    "A `@flow` function has no `.submit()` method, in Prefect 2 and 3 alike (only flows bound to infrastructure by " +
    "integration decorators such as `@kubernetes` got one, in 3.3.6), so this raises `AttributeError: 'Flow' object " +
    "has no attribute 'submit'`. " +
    (c.major === 3
      ? "To run subflows side by side, call each subflow from a small `@task` and submit that task, or deploy the " +
        "child flow and start it with `run_deployment`."
      : "In 2.x call the subflow directly (it runs to completion and returns its result), or deploy the child flow " +
        "and start it with `run_deployment`."),
  "flowrun-wait": () =>
    "`run_deployment` returns a `FlowRun` record, not a future, and it has already waited: with the default " +
    "`timeout=None` it polls until the child run finishes (pass `timeout=0` to return at once). `FlowRun` has no " +
    "`.wait()` or `.result()`; read its final state from `flow_run.state`.",
  "prefect-wait-import": (c) =>
    c.major === 3
      ? "The top-level `prefect` package has never exported `wait` (nor `as_completed`); both live in " +
        "`prefect.futures` since 3.0.0, so import them with `from prefect.futures import wait`."
      : "The top-level `prefect` package has never exported `wait`, and `prefect.futures.wait` only arrived in " +
        "3.0.0; on 2.x call `.wait()` (or `.result()`) on each future instead.",
  "wait-not-imported": () =>
    "`wait` is used but never imported; it lives in `prefect.futures` (3.0.0 and later): " +
    "`from prefect.futures import wait`.",
  "unresolved-futures": (c) =>
    c.major === 3
      ? "In Prefect 3 a flow does not wait for futures it neither returns nor resolves: once the flow function " +
        "returns, the task runner shuts down and cancels task runs that have not started, which shows up as " +
        "“Crash detected! Execution was cancelled by the runtime environment.” while the flow itself reports " +
        "Completed. Resolve every future before returning, with `wait([...])` from `prefect.futures`, `.result()`, " +
        "or by returning them."
      : "Prefect 2 waits for submitted tasks before the flow finishes, but resolving the futures explicitly keeps the " +
        "code correct after an upgrade to 3.x, where unresolved futures are cancelled.",
  "subflow-call-result": () =>
    "Calling a subflow runs it to completion and returns its result (a plain value, here not a future), in " +
    "Prefect 2 and 3 alike, so `.result()`, `wait` or `as_completed` on it fail. To run subflows side by side, " +
    "call each one from a small `@task` and submit that task; the task's future then gives the subflow's result.",
  "wait-for-flow-run-async": () =>
    "`prefect.flow_runs.wait_for_flow_run` is async only (there is no sync wrapper): called without `await` it " +
    "returns a coroutine that never runs, hence `AttributeError: 'coroutine' object has no attribute 'state'` and " +
    "the “was never awaited” warning. Inside an `async def` flow write `await wait_for_flow_run(...)`; in sync code " +
    "wrap it as `asyncio.run(wait_for_flow_run(...))`. In a sync flow it is simpler to drop `timeout=0`: " +
    "`run_deployment` then blocks until the child run is final and returns it.",
  "missing-await": () =>
    "This function is async only: calling it without `await` just creates a coroutine object, so nothing runs, " +
    "Python warns that the coroutine “was never awaited”, and using the result fails with " +
    "`AttributeError: 'coroutine' object has no attribute …`. Inside `async def` code put `await` before the call; " +
    "in sync code run it with `asyncio.run(...)`.",
  "not-awaitable": (c) =>
    c.major === 3
      ? "In Prefect 3, `.submit()` and `.map()` return `PrefectFuture` objects, which cannot be awaited (2.x futures " +
        "could), so `await task.submit(...)` raises `TypeError: object PrefectConcurrentFuture can't be used in " +
        "'await' expression`. Call `.result()` (or `.wait()`) on the future, or, in an async flow, `await` the async " +
        "task call itself (`await fetch(u)`) and run several at once with `asyncio.gather(...)`."
      : "Only coroutines and awaitable futures can follow `await`; call `.result()` on the future instead.",
  "pause-in-task": (c) =>
    c.major === 3
      ? "Before Prefect 3.6.3, calling `pause_flow_run` inside a task raises `RuntimeError: Cannot pause task runs.`: " +
        "only the flow run can be paused. Move the pause into the flow function (between the tasks), or upgrade to " +
        "3.6.3 or later, where a pause inside a task pauses its parent flow run. `suspend_flow_run` still cannot be " +
        "called from a task."
      : "In Prefect 2, calling `pause_flow_run` inside a task raises `RuntimeError: Cannot pause task runs.`: only " +
        "the flow run can be paused. Move the pause into the flow function (between the tasks); pausing from inside " +
        "a task only works from Prefect 3.6.3.",
  "variable-value": (c) =>
    c.major === 3
      ? "In Prefect 3, `Variable.get(name)` returns the stored value itself (a string, number, bool, list or dict), " +
        "not a `Variable` object, so `.value` on it fails with `AttributeError: 'str' object has no attribute " +
        "'value'`. Drop `.value`: `Variable.get(\"name\")`, with `default=` for a fallback."
      : "In Prefect 2 (2.17+), `Variable.get(name)` returns a `Variable` object: read `.value` (a string). Prefect 3 " +
        "returns the value itself, so drop `.value` when you upgrade.",
  "task-outside-flow": (c) =>
    c.major === 2 && compareVersions(c.release, "2.17.0") < 0
      ? "Up to 2.16, a task can only run inside a flow run: calling it anywhere else raises `RuntimeError: Tasks " +
        "cannot be run outside of a flow`. Call it from a `@flow` function, or upgrade to 2.17.0 or later, where a " +
        "direct call outside a flow runs the task on its own."
      : `Prefect ${c.release} lets you call a task outside a flow (that arrived in 2.17.0), so this error means the ` +
        "Prefect that runs the code is older than 2.17: check `prefect version` in that environment, or call the " +
        "task from a `@flow` function.",
  "missing-result": () =>
    "`MissingResult` means Prefect was asked for a result it never stored: the return value lived only in memory, " +
    "and a retry, a resumed run or a cache hit on another machine needed it. Persist it: `persist_result=True` on " +
    "the task or flow (or `PREFECT_RESULTS_PERSIST_BY_DEFAULT=true`), with `result_storage=` pointing at storage " +
    "every worker can reach.",
  "sqlite-locked": (c) =>
    "`database is locked` comes from the server's default SQLite database, which lets one writer in at a time, so " +
    "many concurrent runs trip over it. Run the server on PostgreSQL instead: set " +
    (c.major === 3 && compareVersions(c.release, "3.0.11") >= 0
      ? "`PREFECT_SERVER_DATABASE_CONNECTION_URL` (older name `PREFECT_API_DATABASE_CONNECTION_URL`)"
      : "`PREFECT_API_DATABASE_CONNECTION_URL`") +
    " to a `postgresql+asyncpg://user:password@host:5432/prefect` URL and restart the server.",
  "agent-removed": () =>
    "Prefect 3 has no agents: `prefect agent start` and `prefect.agent` were removed in 3.0.0. Runs are picked up " +
    "by a worker polling a work pool: `prefect work-pool create my-pool --type process`, then " +
    '`prefect worker start --pool my-pool`, and deploy with `work_pool_name="my-pool"`.',
};

function topicOf(d: Diagnosis): TopicId {
  const m = d.message;
  if (d.rule === "unresolved-futures") return "unresolved-futures";
  if (d.rule === "unknown-attribute" && /\bsubmit\b/.test(m) && /\bFlow\b/.test(m)) return "flow-submit";
  if (d.rule === "unknown-attribute" && /\b(?:wait|result)\b/.test(m) && /FlowRun/.test(m)) return "flowrun-wait";
  if ((d.rule === "wrong-module" || d.rule === "unknown-symbol") && /\b(?:wait|as_completed)\b/.test(m))
    return "prefect-wait-import";
  if (/wait_for_flow_run/.test(m) && /async|await|coroutine/i.test(m)) return "wait-for-flow-run-async";
  if (d.rule === "missing-await") return "missing-await";
  if (d.rule === "not-awaitable") return "not-awaitable";
  if (/\bpause_flow_run\b/.test(m) && /\btask\b/i.test(m)) return "pause-in-task";
  if (d.rule === "unknown-attribute" && /\bvalue\b/.test(m) && /Variable/.test(m)) return "variable-value";
  return "generic";
}

export function topicText(topic: Exclude<TopicId, "generic">, context: Context): string {
  return TEXTS[topic](context);
}

function genericText(d: Diagnosis): string {
  const message = d.message.trim().replace(/\s+/g, " ");
  const withStop = /[.!?]$/.test(message) ? message : `${message}.`;
  if (!d.fix) return withStop;
  // A fix whose words the message already says ("wait, then read fut.state") would only repeat it.
  const said = message.replace(/`/g, "").toLowerCase();
  const words = d.fix.description.toLowerCase().match(/[\w.]{3,}/g) ?? [];
  if (words.length > 0 && words.every((w) => said.includes(w))) return withStop;
  return `${withStop} Fix: ${d.fix.description.replace(/\.$/, "")}.`;
}

/** Groups diagnoses into explanations, most important first (errors before warnings, then by line). */
export function explainDiagnoses(diagnoses: Diagnosis[], context: Context): Explanation[] {
  const byKey = new Map<string, Explanation>();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...diagnoses].sort((a, b) => rank[a.severity] - rank[b.severity] || a.line - b.line);
  for (const d of sorted) {
    const topic = topicOf(d);
    const key = topic === "generic" ? `generic:${d.rule}:${d.message}` : topic;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.lines.includes(d.line)) existing.lines.push(d.line);
      existing.diagnoses.push(d);
      continue;
    }
    let text = topic === "generic" ? genericText(d) : topicText(topic, context);
    // The API client's methods are async; its sync form is a separate client, opened as a context manager.
    if (topic === "missing-await" && /client/i.test(d.message))
      text +=
        " For the API client, open it as a context manager: `async with get_client() as client:` in async code, or " +
        "`with get_client(sync_client=True) as client:` for the synchronous client in sync code.";
    byKey.set(key, { topic, text, lines: [d.line], diagnoses: [d] });
  }
  return [...byKey.values()];
}

/** Error messages people paste, mapped to the topic that explains them. */
const KNOWN_ERRORS: ReadonlyArray<readonly [RegExp, Exclude<TopicId, "generic">]> = [
  [
    /Crash detected!?\s*Execution was cancelled by the runtime environment|cancelled by the task runner/i,
    "unresolved-futures",
  ],
  [/'Flow' object has no attribute 'submit'/i, "flow-submit"],
  [/'FlowRun' object has no attribute '(?:wait|result)'/i, "flowrun-wait"],
  [/cannot import name '(?:wait|as_completed)' from 'prefect'/i, "prefect-wait-import"],
  [/'coroutine' object has no attribute|coroutine '?wait_for_flow_run'? was never awaited/i, "missing-await"],
  [/can't be used in 'await' expression|object \w*Future\w* can't be awaited/i, "not-awaitable"],
  [/Cannot pause task runs/i, "pause-in-task"],
  [/'str' object has no attribute 'value'/i, "variable-value"],
  [/Tasks cannot be run outside of a flow/i, "task-outside-flow"],
  [/\bMissingResult\b|State data is missing/i, "missing-result"],
  [/database is locked/i, "sqlite-locked"],
  [
    /No such command '?agent'?|cannot import name '\w*Agent' from 'prefect|No module named 'prefect\.agent'/i,
    "agent-removed",
  ],
];

/** Topics that only apply when the thread also names the API they are about. */
const NEEDS: Partial<Record<Exclude<TopicId, "generic">, RegExp>> = { "variable-value": /\bVariable\b/ };

export function topicsFromErrorText(text: string): Exclude<TopicId, "generic">[] {
  const topics = KNOWN_ERRORS.filter(
    ([pattern, topic]) => pattern.test(text) && (NEEDS[topic]?.test(text) ?? true),
  ).map(([, topic]) => topic);
  // An unawaited wait_for_flow_run has its own, more specific explanation.
  return [
    ...new Set(
      topics.map((t) => (t === "missing-await" && /wait_for_flow_run/.test(text) ? "wait-for-flow-run-async" : t)),
    ),
  ];
}
