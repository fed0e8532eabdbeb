// Turns lint diagnoses (and known error messages quoted in a thread) into short explanations with the fact behind
// them, in Orca's words. Several diagnoses of one kind become one explanation listing their lines.
import type { Diagnosis, PrefectMajor } from "../../core/index.js";

export type TopicId =
  | "flow-submit"
  | "flowrun-wait"
  | "prefect-wait-import"
  | "wait-not-imported"
  | "unresolved-futures"
  | "wait-for-flow-run-async"
  | "subflow-call-result"
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
    "`prefect.flow_runs.wait_for_flow_run` is a coroutine function only (there is no sync wrapper): call it with " +
    "`await` inside an async flow, or rely on `run_deployment`, which already waits by default.",
};

function topicOf(d: Diagnosis): TopicId {
  const m = d.message;
  if (d.rule === "unresolved-futures") return "unresolved-futures";
  if (d.rule === "unknown-attribute" && /\bsubmit\b/.test(m) && /\bFlow\b/.test(m)) return "flow-submit";
  if (d.rule === "unknown-attribute" && /\b(?:wait|result)\b/.test(m) && /FlowRun/.test(m)) return "flowrun-wait";
  if ((d.rule === "wrong-module" || d.rule === "unknown-symbol") && /\b(?:wait|as_completed)\b/.test(m))
    return "prefect-wait-import";
  if (/wait_for_flow_run/.test(m) && /async|await|coroutine/i.test(m)) return "wait-for-flow-run-async";
  return "generic";
}

export function topicText(topic: Exclude<TopicId, "generic">, context: Context): string {
  return TEXTS[topic](context);
}

function genericText(d: Diagnosis): string {
  const message = d.message.trim().replace(/\s+/g, " ");
  const withStop = /[.!?]$/.test(message) ? message : `${message}.`;
  return d.fix ? `${withStop} Fix: ${d.fix.description.replace(/\.$/, "")}.` : withStop;
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
    const text = topic === "generic" ? genericText(d) : topicText(topic, context);
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
];

export function topicsFromErrorText(text: string): Exclude<TopicId, "generic">[] {
  return KNOWN_ERRORS.filter(([pattern]) => pattern.test(text)).map(([, topic]) => topic);
}
