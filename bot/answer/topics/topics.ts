// The one registry of the answer engine's named topics: the mistakes and quoted errors Orca explains by name. Each
// topic keeps everything about it together: its label in a list of problems, its explanation (worded for the
// asker's major and release), its search words, the lint diagnoses and the quoted error messages that name it.
// A TS module rather than pack data: the explanations are computed from the asker's release.
import { compareVersions, type Diagnosis, type DiagnosisSubject, type PrefectMajor } from "../../../core/index.js";
import {
  LOCAL_SOURCE_FROM,
  PAUSE_IN_TASK_FROM,
  RUN_LOGGER_MISSING_CONTEXT_FROM,
  SECRET_FIELDS,
} from "../../../knowledge/index.js";

export type TopicId =
  | "flow-submit"
  | "flowrun-wait"
  | "prefect-wait-import"
  | "wait-not-imported"
  | "unresolved-futures"
  | "wait-for-flow-run-async"
  | "subflow-call-result"
  | "missing-await"
  | "missing-async-with"
  | "not-awaitable"
  | "pause-in-task"
  | "variable-value"
  | "variable-record"
  | "future-wait-none"
  | "hook-signature"
  | "task-outside-flow"
  | "missing-result"
  | "sqlite-locked"
  | "agent-removed"
  | "secret-value"
  | "direct-call-result"
  | "future-value"
  | "run-logger-context"
  | "deploy-without-source"
  | "generic";

/** A named topic (every topic but the catch-all "generic"). */
export type NamedTopic = Exclude<TopicId, "generic">;

export interface TopicContext {
  major: PrefectMajor;
  release: string;
  /** What the diagnosis being explained is about, so the text can use the asker's own names. */
  subject?: DiagnosisSubject;
}

interface Topic {
  /** Short label in a list of problems ("flows have no `.submit()`"). */
  label: string;
  /** One or two sentences: what is wrong and the fact behind it. */
  text: (c: TopicContext) => string;
  /** Search words for the docs about it (without them, the start of its text is searched). */
  searchTerms?: string;
  /** The lint diagnoses this topic explains. */
  diagnosed?: (d: Diagnosis) => boolean;
  /** An error message people paste that this topic explains. */
  quotedError?: RegExp;
  /** The quoted error counts only when the thread also names the API the topic is about. */
  needs?: RegExp;
  /** The first release that no longer raises the quoted error (calling `pause_flow_run` in a task, from 3.6.3). */
  raisedBefore?: string;
}

// Order matters: a diagnosis or a quoted error is matched against the topics in this order.
// Topics are told from the diagnosis' rule and subject (the Prefect name it is about), never from its message.
const shortName = (fq: string | undefined) => fq?.split(".").pop() ?? "";
/** Members people call on run_deployment's FlowRun as if it were a future. */
const FLOW_RUN_WAITS = new Set([
  "prefect.client.schemas.objects.FlowRun.wait",
  "prefect.client.schemas.objects.FlowRun.result",
]);
/** The futures helpers that live in prefect.futures (3.x). */
const FUTURES_HELPERS = new Set(["wait", "as_completed"]);
/** `.value` read on what `Variable.get` returns (the linter names it after the getter). */
const VARIABLE_VALUES = new Set(["prefect.variables.Variable.get.value", "prefect.variables.Variable.aget.value"]);
/** The getters of Variable (a 2.x record-used-as-value diagnosis names the getter). */
const VARIABLE_GETTERS = new Set(["prefect.variables.Variable.get", "prefect.variables.Variable.aget"]);
/** The `wait()` methods that return None in 3.x (a diagnosis of a member read on their result names them). */
const NONE_WAITS = new Set(["prefect.futures.PrefectFuture.wait", "prefect.futures.PrefectFutureList.wait"]);

/** The secret fields of blocks (`prefect.blocks.system.Secret.value`), as a record-used-as-value diagnosis names them. */
const SECRET_FIELD_NAMES = new Set(Object.entries(SECRET_FIELDS).map(([cls, f]) => `${cls}.${f.field}`));
/** The futures a record-used-as-value diagnosis names when a future (or a list of them) is used as its result. */
const FUTURE_CLASSES = new Set(["prefect.futures.PrefectFuture", "prefect.futures.PrefectFutureList"]);
/** What a direct task or flow call is, as an unknown-attribute diagnosis on its result names it. */
const DIRECT_CALLS = new Set(["prefect.tasks.Task.__call__", "prefect.flows.Flow.__call__"]);

/** A plain name from a diagnosis' subject (`fut`, `page_oncall`), for wording a topic with the asker's names. */
function simpleName(text: string | undefined): string | undefined {
  return text && /^[A-Za-z_]\w*$/.test(text) ? text : undefined;
}

/** The name whose `.value` to read: the asker's own, else a placeholder. */
function recordName(subject: DiagnosisSubject | undefined): string {
  return simpleName(subject?.receiver) ?? "variable";
}

const TOPICS: Record<NamedTopic, Topic> = {
  "unresolved-futures": {
    // The remedy belongs in the label: the verdict line is often all that is read.
    label: "futures are left unresolved when the flow returns (resolve each with `.result()` or `.wait()` first)",
    searchTerms: "unresolved futures crash cancelled wait result before flow returns",
    diagnosed: (d) => d.rule === "unresolved-futures",
    quotedError: /Crash detected!?\s*Execution was cancelled by the runtime environment|cancelled by the task runner/i,
    text: (c) =>
      c.major === 3
        ? "In Prefect 3 a flow does not wait for futures it neither returns nor resolves: once the flow function " +
          "returns, the task runner shuts down and cancels task runs that have not started, which shows up as " +
          "“Crash detected! Execution was cancelled by the runtime environment.” while the flow itself reports " +
          "Completed. Resolve every future before returning, with `wait([...])` from `prefect.futures`, `.result()`, " +
          "or by returning them."
        : "Prefect 2 waits for submitted tasks before the flow finishes, but resolving the futures explicitly keeps the " +
          "code correct after an upgrade to 3.x, where unresolved futures are cancelled.",
  },
  "flow-submit": {
    label: "flows have no `.submit()`",
    searchTerms: "flow has no submit run subflows concurrently wrap subflow in task",
    diagnosed: (d) => d.rule === "unknown-attribute" && d.subject?.name === "prefect.flows.Flow.submit",
    quotedError: /'Flow' object has no attribute 'submit'/i,
    text: (c) =>
      "A `@flow` function has no `.submit()` method, in Prefect 2 and 3 alike (only flows bound to infrastructure by " +
      "integration decorators such as `@kubernetes` got one, in 3.3.6), so this raises `AttributeError: 'Flow' object " +
      "has no attribute 'submit'`. " +
      (c.major === 3
        ? "To run subflows side by side, call each subflow from a small `@task` and submit that task, or deploy the " +
          "child flow and start it with `run_deployment`."
        : "In 2.x call the subflow directly (it runs to completion and returns its result), or deploy the child flow " +
          "and start it with `run_deployment`."),
  },
  "flowrun-wait": {
    label:
      "`run_deployment` waits for the run by default and returns a `FlowRun`, which has no `.wait()` or `.result()`",
    searchTerms: "run_deployment returns FlowRun timeout wait",
    diagnosed: (d) => d.rule === "unknown-attribute" && FLOW_RUN_WAITS.has(d.subject?.name ?? ""),
    quotedError: /'FlowRun' object has no attribute '(?:wait|result)'/i,
    text: () =>
      "`run_deployment` returns a `FlowRun` record, not a future, and it has already waited: with the default " +
      "`timeout=None` it polls until the child run finishes (pass `timeout=0` to return at once). `FlowRun` has no " +
      "`.wait()` or `.result()`; read its final state from `flow_run.state`, and the child's return value with " +
      "`flow_run.state.result()`, which needs the child flow to persist its result (`persist_result=True` or result " +
      "storage the parent can read).",
  },
  "prefect-wait-import": {
    label: "`wait` lives in `prefect.futures`, not in `prefect`",
    searchTerms: "prefect.futures wait as_completed",
    diagnosed: (d) =>
      (d.rule === "wrong-module" || d.rule === "unknown-symbol") && FUTURES_HELPERS.has(shortName(d.subject?.name)),
    quotedError: /cannot import name '(?:wait|as_completed)' from 'prefect'/i,
    text: (c) =>
      c.major === 3
        ? "The top-level `prefect` package has never exported `wait` (nor `as_completed`); both live in " +
          "`prefect.futures` since 3.0.0, so import them with `from prefect.futures import wait`."
        : "The top-level `prefect` package has never exported `wait`, and `prefect.futures.wait` only arrived in " +
          "3.0.0; on 2.x call `.wait()` (or `.result()`) on each future instead.",
  },
  "wait-not-imported": {
    label: "`wait` is never imported (it lives in `prefect.futures`)",
    searchTerms: "prefect.futures wait",
    text: () =>
      "`wait` is used but never imported; it lives in `prefect.futures` (3.0.0 and later): " +
      "`from prefect.futures import wait`.",
  },
  "wait-for-flow-run-async": {
    label: "`wait_for_flow_run` is async and must be awaited",
    searchTerms: "wait_for_flow_run async await run_deployment timeout",
    diagnosed: (d) => d.rule === "missing-await" && shortName(d.subject?.name) === "wait_for_flow_run",
    text: () =>
      "`prefect.flow_runs.wait_for_flow_run` is async only (there is no sync wrapper): called without `await` it " +
      "returns a coroutine that never runs, hence `AttributeError: 'coroutine' object has no attribute 'state'` and " +
      "the “was never awaited” warning. Inside an `async def` flow write `await wait_for_flow_run(...)`; in sync code " +
      "wrap it as `asyncio.run(wait_for_flow_run(...))`. In a sync flow it is simpler to drop `timeout=0`: " +
      "`run_deployment` then blocks until the child run is final and returns it.",
  },
  "subflow-call-result": {
    label: "a subflow call returns its result, not a future",
    text: () =>
      "Calling a subflow runs it to completion and returns its result (a plain value, here not a future), in " +
      "Prefect 2 and 3 alike, so `.result()`, `wait` or `as_completed` on it fail. To run subflows side by side, " +
      "call each one from a small `@task` and submit that task; the task's future then gives the subflow's result.",
  },
  "missing-await": {
    label: "an async-only call that is never awaited",
    searchTerms: "async await coroutine never awaited",
    diagnosed: (d) => d.rule === "missing-await",
    quotedError: /'coroutine' object has no attribute|coroutine '?wait_for_flow_run'? was never awaited/i,
    text: () =>
      "This function is async only: calling it without `await` just creates a coroutine object, so nothing runs, " +
      "Python warns that the coroutine “was never awaited”, and using the result fails with " +
      "`AttributeError: 'coroutine' object has no attribute …`. Inside `async def` code put `await` before the call; " +
      "in sync code run it with `asyncio.run(...)`.",
  },
  "missing-async-with": {
    label: "an async context manager entered with a plain `with`",
    searchTerms: "global concurrency limit concurrency context manager sync asyncio",
    diagnosed: (d) => d.rule === "missing-async-with",
    quotedError: /object does not support the (?:asynchronous )?context manager protocol|AsyncGeneratorContextManager/i,
    text: () =>
      "`prefect.concurrency.asyncio` holds the async context managers: only `async with` can enter them, and a plain " +
      "`with` fails before its block runs. Sync code imports the same names from `prefect.concurrency.sync`; " +
      "async code keeps the asyncio module and writes `async with`.",
  },
  "not-awaitable": {
    label: "a Prefect 3 future cannot be awaited",
    searchTerms: "await PrefectFuture result async tasks asyncio gather",
    diagnosed: (d) => d.rule === "not-awaitable",
    quotedError: /can't be used in 'await' expression|object \w*Future\w* can't be awaited/i,
    text: (c) =>
      c.major === 3
        ? "In Prefect 3, `.submit()` and `.map()` return `PrefectFuture` objects, which cannot be awaited (2.x futures " +
          "could), so `await task.submit(...)` raises `TypeError: object PrefectConcurrentFuture can't be used in " +
          "'await' expression`. Call `.result()` (or `.wait()`) on the future, or, in an async flow, `await` the async " +
          "task call itself (`await fetch(u)`) and run several at once with `asyncio.gather(...)`."
        : "Only coroutines and awaitable futures can follow `await`; call `.result()` on the future instead.",
  },
  "pause-in-task": {
    label: `\`pause_flow_run\` cannot be called inside a task before ${PAUSE_IN_TASK_FROM}`,
    searchTerms: "pause_flow_run task flow pause resume",
    diagnosed: (d) => shortName(d.subject?.name) === "pause_flow_run" && d.subject?.within === "task",
    quotedError: /Cannot pause task runs/i,
    raisedBefore: PAUSE_IN_TASK_FROM,
    text: (c) =>
      c.major === 3
        ? `Before Prefect ${PAUSE_IN_TASK_FROM}, calling \`pause_flow_run\` inside a task raises ` +
          "`RuntimeError: Cannot pause task runs.`: only the flow run can be paused. Move the pause into the flow " +
          `function (between the tasks), or upgrade to ${PAUSE_IN_TASK_FROM} or later, where a pause inside a task ` +
          "pauses its parent flow run. `suspend_flow_run` still cannot be called from a task."
        : "In Prefect 2, calling `pause_flow_run` inside a task raises `RuntimeError: Cannot pause task runs.`: only " +
          "the flow run can be paused. Move the pause into the flow function (between the tasks); pausing from inside " +
          `a task only works from Prefect ${PAUSE_IN_TASK_FROM}.`,
  },
  "variable-value": {
    label: "`Variable.get` returns the value itself in Prefect 3 (no `.value`)",
    searchTerms: "Variable.get value variables",
    diagnosed: (d) => d.rule === "unknown-attribute" && VARIABLE_VALUES.has(d.subject?.name ?? ""),
    quotedError: /'str' object has no attribute 'value'/i,
    needs: /\bVariable\b/,
    text: (c) =>
      c.major === 3
        ? "In Prefect 3, `Variable.get(name)` returns the stored value itself (a string, number, bool, list or dict), " +
          "not a `Variable` object, so `.value` on it fails with `AttributeError: 'str' object has no attribute " +
          "'value'`. Drop `.value`: `Variable.get(\"name\")`, with `default=` for a fallback."
        : "In Prefect 2 (2.17+), `Variable.get(name)` returns a `Variable` object: read `.value` (a string). Prefect 3 " +
          "returns the value itself, so drop `.value` when you upgrade.",
  },
  "variable-record": {
    label: "`Variable.get` returns a `Variable` object in Prefect 2: use its `.value`",
    searchTerms: "variables Variable.get returns an object in 2.x value string",
    diagnosed: (d) => d.rule === "record-used-as-value" && VARIABLE_GETTERS.has(d.subject?.name ?? ""),
    quotedError:
      /\(not "Variable"\)|'Variable' object is not|: 'Variable' and '|'Variable' object has no attribute '(?!value')/i,
    needs: /\bVariable\b/,
    text: (c) =>
      c.major === 2
        ? "In Prefect 2 (2.17+), `Variable.get(name)` returns a `Variable` object (None when nothing is stored under " +
          'that name), not the stored value, so comparing it (`== "prod"`), putting it in an f-string, joining it to a ' +
          `string or passing it to other code uses the object itself. Read \`${recordName(c.subject)}.value\`, which in ` +
          "2.x is always a string (convert it with `int(...)` or `json.loads(...)` where you need a number or a " +
          "structure). Prefect 3's `Variable.get` returns the value itself."
        : "That error means `Variable.get` handed back a `Variable` object, which only Prefect 2 does: Prefect 3 " +
          "returns the stored value itself (no `.value` needed). Check `prefect version` in the environment that runs " +
          "the flow.",
  },
  "future-wait-none": {
    label: "`.wait()` returns None in Prefect 3: call it, then read the future's `.state`",
    searchTerms: "futures and waiting wait() returns None future.state result as_completed",
    diagnosed: (d) => d.rule === "unknown-attribute" && NONE_WAITS.has(d.subject?.name ?? ""),
    quotedError: /'NoneType' object has no attribute '(?:is_\w+|type|name|result)'/i,
    needs: /\.wait\(\)/,
    text: (c) => {
      const f = simpleName(c.subject?.receiver) ?? "future";
      return c.major === 3
        ? `In Prefect 3, \`${f}.wait()\` blocks until the task run finishes and returns None (in 2.x it returned the ` +
            `final State), so \`state = ${f}.wait()\` followed by \`state.is_failed()\` raises \`AttributeError: ` +
            "'NoneType' object has no attribute 'is_failed'`. The same holds for each future you loop over from " +
            `\`.submit()\` or \`.map()\`. Call \`${f}.wait()\`, then read \`${f}.state\`; or use \`${f}.result()\` ` +
            "for the value (it raises if the task failed)."
        : `In Prefect 2, \`${f}.wait()\` returns the final State, so \`${f}.wait().is_failed()\` works; in Prefect 3 ` +
            `\`wait()\` returns None, so read \`${f}.state\` after waiting to keep the code working after an upgrade.`;
    },
  },
  "hook-signature": {
    label: "state hooks are called with three arguments: (flow, flow_run, state) or (task, task_run, state)",
    searchTerms: "state change hooks on_failure on_completion on_crashed hook signature flow flow_run state",
    diagnosed: (d) => d.rule === "hook-signature",
    quotedError: /takes \d+ positional arguments? but 3 were given|missing \d+ required positional arguments?/i,
    needs: /\bon_(?:failure|completion|crashed|cancellation|running)\b/,
    text: (c) => {
      const [owner, run] = c.subject?.name?.startsWith("prefect.tasks.") ? ["task", "task_run"] : ["flow", "flow_run"];
      const hook = simpleName(c.subject?.receiver) ?? "my_hook";
      return (
        "Prefect calls every state hook (`on_failure`, `on_completion`, `on_crashed`, `on_cancellation`, " +
        "`on_running`) with three positional arguments: `(flow, flow_run, state)` for a flow's hooks and " +
        "`(task, task_run, state)` for a task's. A hook that cannot take them fails with `TypeError` each time it " +
        "runs; Prefect only logs that error, so the run's outcome looks normal while the hook's work (the alert, " +
        `the cleanup) never happens. Define it as \`def ${hook}(${owner}, ${run}, state):\`, or accept \`*args\`.`
      );
    },
  },
  "task-outside-flow": {
    label: "tasks ran only inside flows before 2.17",
    searchTerms: "task outside flow call task from flow",
    quotedError: /Tasks cannot be run outside of a flow/i,
    text: (c) =>
      c.major === 2 && compareVersions(c.release, "2.17.0") < 0
        ? "Up to 2.16, a task can only run inside a flow run: calling it anywhere else raises `RuntimeError: Tasks " +
          "cannot be run outside of a flow`. Call it from a `@flow` function, or upgrade to 2.17.0 or later, where a " +
          "direct call outside a flow runs the task on its own."
        : `Prefect ${c.release} lets you call a task outside a flow (that arrived in 2.17.0), so this error means the ` +
          "Prefect that runs the code is older than 2.17: check `prefect version` in that environment, or call the " +
          "task from a `@flow` function.",
  },
  "missing-result": {
    label: "a result that was never persisted",
    searchTerms: "MissingResult persist_result result_storage results",
    quotedError: /\bMissingResult\b|State data is missing/i,
    text: () =>
      "`MissingResult` means Prefect was asked for a result it never stored: the return value lived only in memory, " +
      "and a retry, a resumed run or a cache hit on another machine needed it. Persist it: `persist_result=True` on " +
      "the task or flow (or `PREFECT_RESULTS_PERSIST_BY_DEFAULT=true`), with `result_storage=` pointing at storage " +
      "every worker can reach.",
  },
  "sqlite-locked": {
    label: "SQLite allows one writer at a time; use PostgreSQL",
    searchTerms: "database is locked sqlite postgres connection url self-hosted",
    quotedError: /database is locked/i,
    text: (c) =>
      "`database is locked` comes from the server's default SQLite database, which lets one writer in at a time, so " +
      "many concurrent runs trip over it. Run the server on PostgreSQL instead: set " +
      (c.major === 3 && compareVersions(c.release, "3.0.11") >= 0
        ? "`PREFECT_SERVER_DATABASE_CONNECTION_URL` (older name `PREFECT_API_DATABASE_CONNECTION_URL`)"
        : "`PREFECT_API_DATABASE_CONNECTION_URL`") +
      " to a `postgresql+asyncpg://user:password@host:5432/prefect` URL and restart the server.",
  },
  "agent-removed": {
    label: "agents are gone in Prefect 3; run a worker",
    searchTerms: "agent worker prefect worker start work pool",
    quotedError:
      /No such command '?agent'?|cannot import name '\w*Agent' from 'prefect|No module named 'prefect\.agent'/i,
    text: () =>
      "Prefect 3 has no agents: `prefect agent start` and `prefect.agent` were removed in 3.0.0. Runs are picked up " +
      "by a worker polling a work pool: `prefect work-pool create my-pool --type process`, then " +
      '`prefect worker start --pool my-pool`, and deploy with `work_pool_name="my-pool"`.',
  },
  "secret-value": {
    label: "a `Secret` block's `.value` is a masked SecretStr: read the secret with `.get()`",
    searchTerms: "Secret block get value SecretStr secrets",
    diagnosed: (d) => d.rule === "record-used-as-value" && SECRET_FIELD_NAMES.has(d.subject?.name ?? ""),
    quotedError: /SecretStr\('\*+'\)/,
    text: (c) => {
      // The asker's own expression (`pg_secret`, `Secret.load("pg")`) when it is short enough to quote.
      const receiver = c.subject?.receiver;
      const block =
        receiver && receiver.length <= 60 && !receiver.includes("\n") ? receiver : 'Secret.load("my-secret")';
      return (
        "A `Secret` block keeps its value in a pydantic `SecretStr` field, so `.value` is the masked wrapper, not " +
        "the secret: it prints as `**********`, an f-string or a log line shows the mask, and a database driver or " +
        `HTTP client that expects a string gets the wrapper (a failed login or a TypeError). Call \`${block}.get()\`, ` +
        `which returns the plain value${c.major === 3 ? " (a string, or the JSON value the block stores)" : ""}; keep ` +
        "it out of logs."
      );
    },
  },
  "direct-call-result": {
    label: "a direct task or flow call returns its value, not a future",
    searchTerms: "task submit future result direct call returns value",
    diagnosed: (d) => d.rule === "unknown-attribute" && DIRECT_CALLS.has(d.subject?.name ?? ""),
    text: (c) => {
      const isFlow = c.subject?.name?.startsWith("prefect.flows.") === true;
      // The asker's task, from the call the diagnosis names (`count_rows(t)`).
      const call = c.subject?.receiver?.includes("(") ? c.subject.receiver.split("(")[0] : undefined;
      const name = simpleName(call) ?? "my_task";
      return isFlow
        ? "Calling a flow from another flow runs it as a subflow to completion and returns its return value, not a " +
            "future, so `.result()` or `.wait()` on it fails with `AttributeError`. Use the value directly; to run " +
            "subflows side by side, call each from a small `@task` and submit that task."
        : `Calling a task directly (\`${name}(...)\`) runs it and returns its return value, in Prefect 2 and 3 ` +
            "alike, so `.result()` or `.wait()` on that value fails with `AttributeError: '...' object has no " +
            `attribute 'result'\`. Use the value as it is, or call \`${name}.submit(...)\` (or \`.map(...)\`) to get ` +
            "a future whose `.result()` waits for it.";
    },
  },
  "future-value": {
    label: "a future used as if it were the task's result: call `.result()` on it",
    searchTerms: "task submit map futures result PrefectFuture PrefectFutureList",
    diagnosed: (d) => d.rule === "record-used-as-value" && FUTURE_CLASSES.has(d.subject?.name ?? ""),
    // Python's TypeErrors for an operation on a value, with a Prefect future class as the operand's type.
    quotedError:
      /(?:unsupported operand type|not supported between instances of|can only concatenate|must be real number|Object of type)[^\n]*\bPrefect\w*Future(?:List)?\b/,
    text: (c) => {
      const list = c.subject?.name?.endsWith("List") === true;
      const name = simpleName(c.subject?.receiver) ?? (list ? "futures" : "future");
      const listResult =
        c.major === 3
          ? `\`${name}.result()\` on what \`.map()\` returns (a \`PrefectFutureList\`) gives the list of results in input order; on a list you built yourself, use \`[f.result() for f in ${name}]\``
          : `in Prefect 2 \`.map()\` returns a plain list of futures, so use \`[f.result() for f in ${name}]\``;
      return (
        "`task.submit(...)` returns a future and `task.map(...)` a list of futures, not the values the task runs " +
        "return, so arithmetic, comparisons, f-strings and functions such as `sum()`, `max()` or `json.dumps()` get " +
        "the future objects (`sum(my_task.map(xs))` raises `TypeError: unsupported operand type(s) for +: 'int' and " +
        `'${c.major === 3 ? "PrefectConcurrentFuture" : "PrefectFuture"}'\`). Read the value first: ${list ? listResult : `\`${name}.result()\``}` +
        `${list ? "" : ` (for a list of futures, ${listResult})`}. \`.result()\` waits for the run and raises if it ` +
        "failed; futures passed straight to another task's `.submit()` or `.map()` are resolved by Prefect for you."
      );
    },
  },
  "deploy-without-source": {
    label: "`flow.deploy()` needs an `image=` or a flow loaded with `from_source`",
    searchTerms: "deploy image from_source remote storage location work pool process local code",
    diagnosed: (d) => d.rule === "deploy-without-source",
    quotedError: /Either an image or remote storage location must be provided/,
    text: (c) => {
      const f = simpleName(c.subject?.receiver) ?? "my_flow";
      const local =
        c.major === 3 || compareVersions(c.release, LOCAL_SOURCE_FROM) >= 0
          ? `; for a process work pool on the machine that has the code, \`flow.from_source(source=str(Path(__file__).parent), entrypoint="my_file.py:${f}").deploy(...)\` points the worker at that folder`
          : `; \`from_source\` takes a local folder only from ${LOCAL_SOURCE_FROM}, so before that push the code to git or a bucket`;
      return (
        `\`${f}.deploy(...)\` on a flow defined in your local code records no place the worker can get the code from, ` +
        "so Prefect raises `ValueError: Either an image or remote storage location must be provided when deploying " +
        "a deployment`, whatever the work pool. Either pass `image=` (a Docker image with the code, for Docker, " +
        "Kubernetes, ECS and other container pools; Prefect builds and pushes it unless `build=False`), or load the " +
        `flow with \`flow.from_source(source=<git URL, bucket or folder>, entrypoint="my_file.py:${f}")\` and call ` +
        `\`.deploy(...)\` on what it returns${local}.`
      );
    },
  },
  "run-logger-context": {
    label: "`get_run_logger()` only works while a flow or task runs",
    searchTerms: "get_run_logger MissingContextError logging outside flow run context",
    diagnosed: (d) => d.rule === "missing-run-context",
    quotedError: /\bMissingContextError\b|There is no active flow or task run context/,
    text: (c) =>
      "`get_run_logger()` returns the logger of the flow or task run that is executing, so called at module level, " +
      "at import time or in a function that runs outside any run, it " +
      (c.major === 3 || compareVersions(c.release, RUN_LOGGER_MISSING_CONTEXT_FROM) >= 0
        ? "raises `MissingContextError` (there is no active flow or task run context)"
        : "fails because there is no active flow or task run context") +
      ". Call it inside the `@flow` or `@task` function body, pass the logger down to helpers, or use " +
      "`logging.getLogger(__name__)` in code that also runs outside Prefect" +
      (c.major === 3
        ? "; in a state hook, use `flow_run_logger(flow_run, flow)` or `task_run_logger(task_run, task)` from " +
          "`prefect.logging.loggers`."
        : "."),
  },
};

export function topicText(topic: NamedTopic, context: TopicContext): string {
  return TOPICS[topic].text(context);
}

export function topicLabel(topic: NamedTopic): string {
  return TOPICS[topic].label;
}

export function topicSearchTerms(topic: TopicId): string | undefined {
  return topic === "generic" ? undefined : TOPICS[topic].searchTerms;
}

const NAMED = Object.keys(TOPICS) as NamedTopic[];

/** The topic that explains a lint diagnosis ("generic" when none does). */
export function topicOfDiagnosis(d: Diagnosis): TopicId {
  return NAMED.find((t) => TOPICS[t].diagnosed?.(d)) ?? "generic";
}

/**
 * The topics of errors quoted in a thread that the asker's release can raise, or that the newest message quotes itself
 * ("and on 3.6.5? same code in the task", after an error quoted on 3.4.11, asks about a release without that error).
 */
export function topicsOfThreadErrors(thread: string, newest: string, release: string): NamedTopic[] {
  const ownQuote = new Set(topicsFromErrorText(newest));
  return topicsFromErrorText(thread).filter((t) => {
    const before = TOPICS[t].raisedBefore;
    return ownQuote.has(t) || before === undefined || compareVersions(release, before) < 0;
  });
}

/** Topics that explain the error messages quoted in a text. */
export function topicsFromErrorText(text: string): NamedTopic[] {
  const topics = NAMED.filter((t) => {
    const { quotedError, needs } = TOPICS[t];
    return quotedError?.test(text) && (needs?.test(text) ?? true);
  });
  // An unawaited wait_for_flow_run has its own, more specific explanation.
  return [
    ...new Set(
      topics.map((t) => (t === "missing-await" && /wait_for_flow_run/.test(text) ? "wait-for-flow-run-async" : t)),
    ),
  ];
}
