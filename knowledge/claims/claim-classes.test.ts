// One table per class of claim the checker reads, each with false statements (flagged, with the deciding fact) and
// true or unclaimed ones in the same shape (not flagged), so a mechanism that over-reaches fails here.
import { describe, expect, it } from "vitest";
import { checker, falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("version statements bounded by after / before / since", () => {
  it.each([
    ["`Deployment.build_from_flow` was dropped after 3.1.", "3.4.20", /last present in Prefect 2\.20\.25/],
    ["The `DateTime` block is gone since 3.2.", "3.4.20", /last present in Prefect 3\.4\.25/],
    ["`ProcessPoolTaskRunner` has been available since 3.0.", "3.8.3", /first appeared in Prefect 3\.4\.14/],
    ["`prefect.futures.wait` was added before 3.0.", "3.4.20", /first appeared in Prefect 3\.0\.0, not before/],
    ["`Task.delay()` is not available until 3.2.", "3.4.20", /first appeared in Prefect 3\.0\.0, not 3\.2/],
    ["`prefect.schedules` only showed up in 3.4.", "3.4.20", /first appeared in Prefect 3\.2\.0, not 3\.4/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`Deployment.build_from_flow` was dropped after 2.12.1.", "3.4.20"],
    ["`prefect agent start` was dropped after 2.20.", "3.4.20"],
    ["The `DateTime` block is gone since 3.5.", "3.8.3"],
    ["`SequentialTaskRunner` was removed before 3.1.", "3.4.20"],
    ["`wait_for_flow_run` has been available since 2.15.", "3.4.20"],
    ["`ProcessPoolTaskRunner` is available from 3.4.14.", "3.8.3"],
    ["`prefect.futures.wait` was added after 2.20.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a bare name with several readings", () => {
  it.each([
    [
      "The `DateTime` block was removed in 3.3.",
      "3.8.3",
      /blocks\.system\.DateTime` was last present in Prefect 3\.4\.25/,
    ],
    ["The `DateTime` block was added in 3.5.", "3.4.20", /first appeared in Prefect 2\.0\.0, not 3\.5/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // The noun after the name picks the block, not prefect.types.DateTime.
    ["The `DateTime` block was removed in 3.5.0.", "3.8.3"],
    ["The `DateTime` block is gone since 3.5.", "3.8.3"],
    // No noun: the block (removed in 3.5.0) and the type (still there) disagree, so it is left undecided.
    ["`DateTime` was removed in 3.5.0.", "3.8.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("the release each part of a sentence is about", () => {
  it.each([
    // An aside or a contrast naming another release is that part's own, not the rest of the sentence's.
    ["Use `ThreadPoolTaskRunner` (or `SequentialTaskRunner` in 2.x).", "3.4.20"],
    ["Use `prefect.flow_runs.pause_flow_run` (in 2.x it was `prefect.engine.pause_flow_run`).", "3.4.20"],
    ["Start a worker with `prefect worker start --pool p`, or `prefect agent start` on 2.x.", "3.4.20"],
    ["Use `ThreadPoolTaskRunner`; in 2.x use `ConcurrentTaskRunner`.", "3.4.20"],
    // "a flow run" names a run, not the flow type whose parameters would be meant.
    ["In 2.x you could pause another flow run by passing `flow_run_id=`; that is gone in 3.x.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    ["Use `SequentialTaskRunner` (or `ThreadPoolTaskRunner` in 3.x).", "3.4.20", /SequentialTaskRunner/],
    ["In 2.x, import `wait` from `prefect.futures`.", "3.4.20", /only exists from Prefect 3\.0\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});

describe("whose parameters a list of names is", () => {
  it.each([
    // The type after the list owns it, not the API named before it.
    ["Use `run_deployment`: `retries`, `retry_delay_seconds` and `timeout_seconds` are set on the flow.", "3.4.20"],
    ["Use `ThreadPoolTaskRunner` with `retries` and `timeout_seconds` set on each task.", "3.4.20"],
    ["Set `retries`, `retry_delay_seconds` and `persist_result` on the flow.", "3.4.20"],
    // A bare name that is a function and a method is judged by both (`prefect.flows.serve` and `Flow.serve`).
    ["`serve()` accepts `cron` and `interval`.", "3.4.20"],
    ["`deploy()` takes `schedule`.", "3.4.20"],
    ['Call `my_flow.serve(name="etl", cron="0 * * * *")` to start serving.', "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    ["Set `retries` and `cache_policy` on the flow.", "3.4.20", /`Flow` has no `cache_policy` parameter/],
    ["Flows accept `cache_policy` just like tasks.", "3.4.20", /`Flow` has no `cache_policy` parameter/],
    ['Use `flow.deploy(name="x", schedule=Cron("0 * * * *"))`.', "3.1.0", /`deploy` has no `schedule` parameter/],
    [
      'Call `flow.from_source(source="x", entrypoint="a.py:f").deploy(name="x")`; for a private image pass `image_pull_secret=...`.',
      "3.4.20",
      /`deploy` has no `image_pull_secret` parameter/,
    ],
    ["`deploy()` takes `schedule`.", "3.1.0", /no `schedule` parameter/],
    ["Pass `cache_policy=INPUTS` to `@task` to cache on inputs.", "2.20.10", /`task` has no `cache_policy`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});

describe("denials that something exists", () => {
  it.each([
    ["`Task.delay()` does not exist in Prefect 3.", "3.4.20", /`Task` has `\.delay\(\)` in Prefect 3\.4\.20/],
    ["`from prefect.infrastructure import Process` no longer imports in 2.x.", "2.20.10", /can be imported/],
    ["There is no `prefect.futures.wait` in 3.x.", "3.4.20", /exists in Prefect 3\.4\.20/],
    ["`prefect worker start` does not exist in 3.x.", "3.4.20", /exists in Prefect 3\.4\.20/],
    ["`wait` cannot be imported from `prefect.futures`.", "3.4.20", /can be imported from `prefect\.futures`/],
    ["`.submit()` is not available on tasks.", "3.4.20", /`Task` has `\.submit\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`prefect.infrastructure.Process` no longer exists in 3.x.", "3.4.20"],
    ["There is no `prefect.futures.wait` in 2.x.", "3.4.20"],
    ["`SequentialTaskRunner` isn't available in 3.x, use `ThreadPoolTaskRunner` instead.", "3.4.20"],
    ["`wait` cannot be imported from `prefect`.", "3.4.20"],
    ["`.submit()` is not available on flows.", "3.4.20"],
    ["`Deployment` is not importable from `prefect.deployments` anymore.", "3.4.20"],
    // A qualified denial says what a thing is not, not that it is absent.
    ["`ConcurrentTaskRunner` doesn't exist as a real class in 3.x, only as an alias.", "3.4.20"],
    // "not … until" dates an arrival (checked as a version statement).
    ["`Task.delay()` is not available until 3.0.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("behaviours from the fact sheet, by release", () => {
  it.each([
    ["Invoking a task outside of a flow works fine.", "2.10.0", /raises RuntimeError \(it raised/],
    ["A task called outside a flow raises an error.", "2.19.0", /a task called outside a flow runs/],
    ["In 3.2, pausing inside a task suspends the surrounding flow run.", "3.2.0", /Cannot pause task runs/],
    ["You can cache a flow's result with `cache_key_fn` on `@flow`.", "3.4.20", /flows have no caching options/],
    ["Both tasks and flows support retries/timeouts/caching via their decorators.", "3.4.20", /caching is per task/],
    ["Prefect 3 automatically waits for any pending futures when the flow exits.", "3.4.20", /does not wait/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["If you call a task outside a flow you get a `RuntimeError`.", "2.14.0"],
    ["Calling a task outside of a flow just runs it.", "3.2.0"],
    // True at the start of 2.x and false at its end: not a false statement about the line.
    ["In 2.x, calling a task outside a flow raises `RuntimeError`.", "3.4.20"],
    ["Calling `pause_flow_run()` in a task pauses the parent flow run.", "3.7.0"],
    ["The flow's tasks support caching via `cache_policy`.", "3.4.20"],
    ["Flows can call cached tasks to skip repeated work.", "3.4.20"],
    ["Set `cache_key_fn` on the task inside the flow.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("members of what a callable returns", () => {
  it.each([
    [
      "`run_deployment` returns a `FlowRun`; call `.wait()` on it to block.",
      "3.4.20",
      /returns a `FlowRun`, which has no `\.wait\(\)`/,
    ],
    ["The object `run_deployment` gives back has a `.result()` method.", "3.4.20", /which has no `\.result\(\)`/],
    ["`wait_for_flow_run` returns a FlowRun, so call `.result()` on it.", "3.4.20", /which has no `\.result\(\)`/],
    ["Call `flow_run.wait()` after `run_deployment(...)` to block until it finishes.", "3.4.20", /no `\.wait\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`my_task.submit()` returns a `PrefectFuture`; call `.result()` on it.", "3.4.20"],
    ["Calling `.submit()` gives a future, so call `.result()` on it.", "3.4.20"],
    // An attribute is not checked: the member lists are of methods.
    ["`run_deployment` returns a `FlowRun`; read `.state` on it.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("parameters named without their callable, and imports from a module the release lacks", () => {
  it.each([
    [
      "`create_if_missing=True` creates the limit the first time it is used.",
      "3.7.2",
      /`concurrency` took it in 3\.0\.0–3\.2\.15/,
    ],
    ["Use `infra_overrides=` for overrides.", "3.4.20", /no Prefect 3\.4\.20 API takes `infra_overrides`/],
    [
      "`from prefect.schedules import Cron` works on 3.1.",
      "3.1.0",
      /`prefect\.schedules` only exists from Prefect 3\.2\.0/,
    ],
    ["`from prefect.agent import PrefectAgent` still works.", "3.4.20", /was removed after Prefect 2\.20\.25/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`create_if_missing=True` creates the limit the first time it is used.", "3.1.0"],
    ["Use `job_variables=` for overrides.", "3.4.20"],
    // Not a name any Prefect API ever took: another library's keyword.
    ["Set `max_overflow=10` on the engine.", "3.4.20"],
    // History and replacement sentences only mention the old name.
    ["In 3.x, `infra_overrides=` was replaced by `job_variables=`.", "3.4.20"],
    ["Pass `job_variables=` instead of `infra_overrides=`.", "3.4.20"],
    ["Import `Cron` from `prefect.schedules`.", "3.3.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("more wordings of the same classes", () => {
  it.each([
    ["You can call `suspend_flow_run` from a task to suspend the task run.", "3.5.0", /Cannot suspend task runs/],
    ["On 2.15 you can call a task outside a flow for quick testing; it just runs.", "2.15.0", /raises RuntimeError/],
    [
      "Don't worry about calling `.wait()`: the flow will wait for every task you submitted before it returns.",
      "3.4.20",
      /does not wait for futures/,
    ],
    [
      "After `run_deployment(...)` returns, call `.result()` on the returned flow run.",
      "3.4.20",
      /`FlowRun`(?: objects have|, which has) no `\.result\(\)`/,
    ],
    [
      "Add `cache_expiration=timedelta(hours=1)` to your `@flow` decorator.",
      "3.4.20",
      /`Flow` has no `cache_expiration`/,
    ],
    ["Use `@flow(cache_policy=INPUTS)`.", "3.4.20", /`Flow` has no `cache_policy`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Add `retries=3` to your `@flow` decorator.", "3.4.20"],
    ["Use `@flow(log_prints=True, retries=2)`.", "3.4.20"],
    ["Call `.wait()` on the future to wait for the flow run.", "3.4.20"],
    ["Don't call `.wait()` on the flow run: `run_deployment` already blocks.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("prose that only looks like these classes", () => {
  it.each([
    ["Attributes of `prefect.runtime` are `None` if a value is not available.", "3.8.3"],
    ["There is no concept of a `PREFECT_API_KEY` on a self-hosted server.", "3.8.3"],
    ["Add the ARN of the `PrefectECSRunnerTaskRole` to the Task Role field.", "3.8.3"],
    ["Put a `definitions` section in `prefect.yaml`; pass `job_variables` to the deployment.", "3.8.3"],
    ["With `day_or` set to `False`, the day and day-of-week fields are joined with AND.", "2.20.25"],
    ["We now have a flow with tasks, subflows, retries, logging, caching and concurrency.", "2.20.25"],
    ["See prefect.html for the integration guide.", "3.8.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a version statement whose subject the sentence named earlier", () => {
  it.each([
    [
      "Cache policies (`prefect.cache_policies`) were introduced in 2.14.",
      "3.4.20",
      /first appeared in Prefect 3\.0\.0, not 2\.14/,
    ],
    ["`ProcessPoolTaskRunner` is handy; it was added in 3.1.", "3.8.3", /first appeared in Prefect 3\.4\.14/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Several names before the pronoun disagree: undecided.
    ["Use `ProcessPoolTaskRunner` or `ThreadPoolTaskRunner`; it was added in 3.0.", "3.8.3"],
    // A parameter many APIs take: "that option is gone" is about one of them.
    ["In 2.x you could pass `flow_run_id=`; that option is gone in 3.x.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("Orca's own answer shapes stay unflagged", () => {
  it.each([
    [
      "`ThreadPoolTaskRunner(max_workers=...)`: module `prefect.task_runners`; available 3.0.0+ (the 3.x default)",
      "2.20.25",
    ],
    ["Background tasks (`.delay()` with a task worker) need Prefect 3; use `.submit()` here.", "2.19.4"],
    ["`my_task.delay(x)`: runs on a separate task worker (3.x only); you get a `PrefectDistributedFuture`.", "2.19.4"],
    ["From Prefect 2.17.0 on (and in every 3.x release): calling a task outside any flow runs it.", "2.16.0"],
    ["This future is used when the task run is submitted to a thread pool.", "3.4.20"],
    ["`cache_policy=INPUTS` is the 3.x equivalent of `task_input_hash`.", "3.2.0"],
    ['Deploy with `flow.from_source(source=..., entrypoint="a.py:f").deploy(name=..., work_pool_name=...)`.', "3.8.3"],
    // A keyword with no callable of its own may belong to any callable the sentence passed keywords to.
    [
      'Deploy with `flow.from_source(source=..., entrypoint="a.py:f").deploy(name=...)`; for a private repo pass `source=GitRepository(url=...)`.',
      "3.8.3",
    ],
    ["`schedule=` on `deploy` was absent in 3.0–3.1 and came back in 3.2.0.", "3.4.20"],
    [
      "Before 3.2 there is no `prefect.schedules` module: import `CronSchedule` from `prefect.client.schemas.schedules`.",
      "3.1.4",
    ],
    ["Caching is on by default in 3.x. Opt out with `cache_policy=NONE`.", "2.20.25"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a setting's default stated as a quantity before 'by default'", () => {
  it.each([
    [
      "The heartbeat fires every 2 minutes by default (`PREFECT_WORKER_HEARTBEAT_SECONDS`).",
      "3.4.20",
      /`PREFECT_WORKER_HEARTBEAT_SECONDS` defaults to `30`, not 2 minutes/,
    ],
    [
      "Logs are shipped every 5 seconds by default; see `PREFECT_LOGGING_TO_API_BATCH_INTERVAL`.",
      "3.4.20",
      /defaults to `2\.0`, not 5 seconds/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The heartbeat fires every 30 seconds by default (`PREFECT_WORKER_HEARTBEAT_SECONDS`).", "3.4.20"],
    // Units scale to the setting's own: 1 minute is its 60 seconds.
    ["API calls give up after 1 minute by default, per `PREFECT_API_REQUEST_TIMEOUT`.", "3.4.20"],
    // Two settings named: whose default the quantity is, the sentence does not say.
    [
      "Workers wait 99 seconds by default unless `PREFECT_WORKER_QUERY_SECONDS` or `PREFECT_WORKER_PREFETCH_SECONDS` say otherwise.",
      "3.4.20",
    ],
  ])("true or unread: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a parameter's default named alone, against every API that takes it", () => {
  it("false when no API of the release that takes it has that default", () => {
    expect(facts("`retry_delay_seconds` defaults to 10.", "3.4.20")).toMatch(
      /no API that takes `retry_delay_seconds` defaults to 10/,
    );
  });

  it.each([
    // One of the APIs has it (Task.with_options: NotSet, the others: None): which one is meant decides.
    ["`retry_delay_seconds` defaults to `None`.", "3.4.20"],
    // A noun in another statement of the sentence is not whose parameter it is (Task has no `flow_run_name`).
    ["The call is tracked as a task because `flow_run_name` defaults to `None`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("negations and timing words that belong to another part of the sentence", () => {
  it.each([
    // A negation inside a trailing condition is the condition's.
    [
      "`wait_for_flow_run` also takes `raise_on_failure=True` if you don't want to inspect the state yourself.",
      "3.4.20",
      /`wait_for_flow_run` has no `raise_on_failure` parameter/,
    ],
    // "while debugging" says when, not that the name is history; the fact dates the name in its own major line.
    [
      "Use `pause_flow_run()` while debugging.",
      "2.1.0",
      /`prefect\.engine\.pause_flow_run` only exists from Prefect 2\.6\.10/,
    ],
    // `await f(...)` names `f`.
    [
      "Async callers should `await wait_for_flow_run(...)`, which exists since 2.4.",
      "2.3.0",
      /wait_for_flow_run` first appeared in Prefect 2\.14\.16, not since 2\.4/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`run_deployment` accepts `job_variables=...` when you don't want the pool's defaults.", "3.4.20"],
    // A negation before the condition is still the claim's.
    ["`wait_for_flow_run` does not take `raise_on_failure=True` if you want exceptions.", "3.4.20"],
    ["`pause_flow_run` was the way to wait while it existed in `prefect.engine`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("the subject of a version statement: a variable's method, or kept across a contrast", () => {
  it.each([
    [
      "For quick tests, `my_flow.deploy(...)` is handy: it was introduced in 2.5.",
      "2.19.3",
      /`prefect\.flows\.Flow\.deploy` first appeared in Prefect 2\.13\.8, not 2\.5/,
    ],
    [
      "The `DateTime` block in `prefect.blocks.system` is deprecated but still importable on 3.6.0.",
      "3.6.0",
      /`prefect\.blocks\.system\.DateTime` does not exist in Prefect 3\.6\.0/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`my_task.map(...)` works too: it was added in 2.0.", "3.4.20"],
    ["The `JSON` block in `prefect.blocks.system` is deprecated but still importable on 3.4.0.", "3.4.0"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("behaviours that changed between releases (runtime facts)", () => {
  it.each([
    [
      "Leave a future unresolved and Prefect logs a garbage collected warning.",
      "3.5.0",
      /does not log "A future was garbage collected/,
    ],
    ["Prefect variables only store strings, so wrap numbers in `str()`.", "3.4.20", /Variables hold any JSON value/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Leave a future unresolved and Prefect logs a garbage collected warning.", "3.2.0"],
    ["The warning about garbage collected futures was removed in 3.4.0.", "3.4.20"],
    ["Variables are limited to string values in this release.", "2.19.3"],
    // Environment and job variables are strings in every release.
    ["Environment variables are string values, so cast them.", "3.4.20"],
  ])("true or not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a removal stated without a version: absent from the asker's release", () => {
  it.each([
    // A setting the release still accepts, as an alias of its new name.
    [
      "`PREFECT_TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS` has been dropped, so rename it.",
      "3.4.20",
      /still accepted in Prefect 3\.4\.20, as an alias/,
    ],
    [
      "`PREFECT_API_REQUEST_TIMEOUT` is gone, set the client timeout in code.",
      "3.1.0",
      /is a setting in Prefect 3\.1\.0/,
    ],
    ["`prefect worker start` was removed, so go back to agents.", "3.4.20", /exists in Prefect 3\.4\.20/],
    ["`Flow.serve` has already been removed; use deployments.", "2.19.3", /exists in Prefect 2\.19\.3/],
    // A variable named for its type, and a noun for what the name is.
    [
      "`flow.serve()` has been dropped; call `flow.deploy()`.",
      "3.4.20",
      /`prefect\.flows\.Flow\.serve` exists in Prefect 3\.4\.20/,
    ],
    [
      "The old `PREFECT_API_SERVICES_SCHEDULER_LOOP_SECONDS` name was dropped.",
      "3.4.20",
      /still accepted .* as an alias/,
    ],
    // With a version, it is a version statement about the setting's own history.
    ["`PREFECT_TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS` is gone in 3.4.", "3.4.20", /is still present in Prefect/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`PREFECT_AGENT_QUERY_INTERVAL` was dropped along with agents.", "3.4.20"],
    ["The `PREFECT_AGENT_QUERY_INTERVAL` setting was removed with agents.", "3.4.20"],
    // Naming a setting as another release's says nothing of the asker's.
    [
      "`PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS` is the 3.x name; on 2.19 it is `PREFECT_API_SERVICES_SCHEDULER_LOOP_SECONDS`.",
      "2.19.3",
    ],
    ["`prefect agent start` has been removed; run a worker instead.", "3.2.0"],
    ["`Deployment.build_from_flow` was removed in favour of `flow.deploy()`.", "3.4.20"],
    // Not yet a fact, a place rather than a removal, or negated.
    ["`PREFECT_API_REQUEST_TIMEOUT` will be removed some day.", "3.4.20"],
    // Gone by the latest release: an upgrade guide may speak of that release.
    ["`SequentialTaskRunner` is removed; use `ThreadPoolTaskRunner`.", "2.19.3"],
    ["`prefect agent start` has been dropped, run workers.", "2.16.4"],
    ["`wait` was removed from `prefect.futures` imports in our code.", "3.4.20"],
    ["`PREFECT_API_REQUEST_TIMEOUT` was never removed.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a negation inside a leading condition, and a consequence after 'so'", () => {
  it.each([
    [
      "If the limit doesn't exist yet, pass `create_if_missing=True` and it is created.",
      "3.4.20",
      /no Prefect 3\.4\.20 API takes `create_if_missing`/,
    ],
    [
      "When you don't need the result, call `my_flow.submit()` and move on.",
      "3.4.20",
      /`Flow` objects have no `\.submit\(\)`/,
    ],
    // A consequence that neither denies nor tells history is judged, even in a sentence about old names.
    [
      "The old classes moved, so `from prefect.client.schemas.schedules import Cron` works too.",
      "3.2.5",
      /cannot be imported from `prefect\.client\.schemas\.schedules`/,
    ],
    [
      "`JSON` was deprecated, so `from prefect.blocks.system import Variable` is the new spelling.",
      "3.1.8",
      /cannot be imported from `prefect\.blocks\.system`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["If the limit doesn't exist yet, create it with `prefect gcl create`.", "3.4.20"],
    ["If you don't pass `create_if_missing=True`, nothing is created.", "3.1.0"],
    ["The old classes moved, so `from prefect.schedules import Cron` is the way now.", "3.2.5"],
    // A consequence that fails or tells history is not what holds now.
    ["`Deployment` was removed in 3.0, so `from prefect.deployments import Deployment` will fail.", "3.1.12"],
    ["Agents were dropped, so `prefect agent start` no longer runs.", "3.4.20"],
    ["Agents are gone in 3.x, so `prefect worker start --pool p` replaces `prefect agent start`.", "3.4.20"],
    // A module stays on as a stub after what it held is gone; a call's keyword is the type's too.
    ["`prefect.infrastructure` was removed, so `from prefect.infrastructure import KubernetesJob` fails.", "3.4.20"],
    ["Unless you pass `return_state=True`, a failed subflow raises in the parent.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("what the DEFAULT cache policy is made of (fact sheet 13b)", () => {
  it.each([
    ["`DEFAULT` also folds in `FLOW_PARAMETERS`, so a changed parameter misses the cache.", "3.6.10"],
    ["The default cache policy is only `INPUTS`, so results carry over between runs.", "3.4.20"],
    ["A 3.x task's default policy is just `INPUTS + TASK_SOURCE`.", "3.2.0"],
    ["The default policy includes `RUN_ID` and `FLOW_PARAMETERS`.", "3.1.0"],
  ])("false: %s (%s)", (text, release) => {
    expect(facts(text, release)).toMatch(/the DEFAULT cache policy is INPUTS \+ TASK_SOURCE \+ RUN_ID/);
  });

  it.each([
    ["Every 3.x task uses the `DEFAULT` cache policy, which is `INPUTS + TASK_SOURCE + RUN_ID`.", "3.6.10"],
    ["`DEFAULT` includes `RUN_ID`, so cached values do not cross flow runs.", "3.4.20"],
    ["The default policy is `INPUTS`, `TASK_SOURCE` and `RUN_ID` together.", "3.0.3"],
    // Composing a new policy, or negated, says nothing false about the default.
    ["Use `cache_policy=DEFAULT + FLOW_PARAMETERS` to also key on flow parameters.", "3.6.10"],
    ["The default policy plus `FLOW_PARAMETERS` is a common choice.", "3.6.10"],
    ["The default policy does not include `FLOW_PARAMETERS`.", "3.6.10"],
    ["Switch from the default policy to `INPUTS` to share results across runs.", "3.6.10"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("version statements about a class's methods and a command group", () => {
  it.each([
    [
      "`prefect.automations.Automation` is older, but its `acreate()` and `adelete()` methods only arrived in 3.5.0.",
      "3.5.0",
      /`prefect\.automations\.Automation\.adelete` first appeared in Prefect 3\.1\.12, not 3\.5\.0/,
    ],
    [
      "`Automation` exists, and its `aread()` was added in 3.3.",
      "3.4.20",
      /first appeared in Prefect 3\.1\.12, not 3\.3/,
    ],
    [
      "That `concurrency-limit` command group is new in 3.0.",
      "3.4.20",
      /`prefect concurrency-limit` first appeared in Prefect 2\.0\.0, not 3\.0/,
    ],
    [
      "The `global-concurrency-limit` commands arrived in 2.13.",
      "3.1.0",
      /first appeared in Prefect 2\.19\.0, not 2\.13/,
    ],
    ["`prefect agent` was removed in 2.19.", "2.19.3", /last present in Prefect 2\.20\.25/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`prefect.automations.Automation` came in 2.18.2, and its `acreate()` method arrived in 3.1.12.", "3.5.0"],
    ["The `global-concurrency-limit` commands arrived in 2.19.", "3.1.0"],
    ["`prefect worker` is new in 2.10, and `prefect agent` was removed in 3.0.", "2.19.3"],
    // Two classes that both have the method: which one is meant is not said.
    ["`Task` and `Flow` both exist, and `with_options()` was added in 2.1.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a denial that a callable takes a parameter", () => {
  it.each([
    ["`run_deployment` doesn't accept `as_subflow` on 3.x.", "3.4.20", /`run_deployment` takes `as_subflow`/],
    [
      "`run_deployment` does not take `job_variables`, so set them on the deployment.",
      "3.4.20",
      /takes `job_variables`/,
    ],
    ["Note that `@task` does not take a `log_prints` argument.", "3.1.0", /`task` takes `log_prints`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`run_deployment` doesn't accept `infra_overrides` any more; use `job_variables`.", "3.4.20"],
    // The owner is the one right before the denial, not earlier code in the sentence.
    [
      "Flows retry with `@flow(retries=2, retry_delay_seconds=30)`, and flows do not take `retry_jitter_factor`.",
      "3.6.14",
    ],
    ["`run_deployment` does not take `job_variables` in 2.15.", "3.4.20"],
    // A denial of a member or of behaviour is not a parameter's.
    ["Flows do not have `.submit()`.", "3.4.20"],
    // "take" and "support" read as taking only when denied.
    ["`wait` and `as_completed` both take `timeout=` in seconds.", "3.4.20"],
    ["Or use the flow's own `on_running` hook, which older releases already support.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("what a name needs is the release it arrived in; another product's version is not Prefect's", () => {
  it.each([
    ["`Task.delay()` needs Prefect 3.2 or later.", "3.4.20", /first appeared in Prefect 3\.0\.0, not 3\.2/],
    ["Note that `prefect.schedules` requires 3.4.", "3.4.20", /first appeared in Prefect 3\.2\.0, not 3\.4/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`Task.delay()` requires Prefect 3.0 or newer.", "3.4.20"],
    ["`prefect.schedules` needs 3.2, so upgrade first.", "3.4.20"],
    ["`flow.deploy()` needs a work pool in 3.x.", "3.4.20"],
    ["`Task.delay()` needs Python 3.9 or later.", "3.4.20"],
    ["`flow.serve()` requires pydantic 2.0 on this line.", "3.4.20"],
    // A use of a thing needs the release, not the thing itself.
    ["Using `classmethod` flows as deployment entrypoints needs 3.4.1.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a default said as 'defaults to a `p` of V'", () => {
  it.each([["`Cron` defaults to a `timezone` of UTC.", "3.4.20", /defaults to `None`, not UTC/]])(
    "false: %s (%s)",
    (text, release, fact) => {
      expect(facts(text, release)).toMatch(fact);
    },
  );

  it.each([
    ["`wait_for_flow_run` defaults to a `poll_interval` of 5 seconds.", "2.19.0"],
    ["`Cron` defaults to a `day_or` of `True`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe(".submit() and .map() return futures, not values (fact sheet)", () => {
  it.each([
    ["`my_task.submit(x)` returns the value right away.", "3.4.20"],
    ["Calling `.submit()` gives you the result directly.", "3.2.0"],
    ["`my_task.map(items)` returns their results as a list.", "3.4.20"],
  ])("false: %s (%s)", (text, release) => {
    expect(facts(text, release)).toMatch(/return futures at once/);
  });

  it.each([
    ["`my_task.submit(x)` returns a future whose `.result()` is the value.", "3.4.20"],
    ["`.submit()` returns a `PrefectFuture`; `.result()` on it returns the value.", "3.4.20"],
    ["The flow returns the result of the submitted task once it finishes.", "3.4.20"],
    ["Calling `my_task(x)` returns the value.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an import said with a verb of getting", () => {
  it.each([
    ["Grab `wait` straight from the top-level `prefect` package.", "3.4.20", /cannot be imported from `prefect`/],
    [
      "Pull `Cron` in from `prefect.client.schemas.schedules`.",
      "3.4.20",
      /cannot be imported from `prefect\.client\.schemas\.schedules`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Grab `wait` from `prefect.futures`.", "3.4.20"],
    ["Pull the values from `prefect.runtime` inside the flow.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a flow said to wait for every future (fact sheet)", () => {
  it.each([
    ["The flow automatically waits for every future before finishing, so you don't need `.wait()`.", "3.4.20"],
    ["Your flow waits for each future it created before it returns.", "3.2.0"],
  ])("false: %s (%s)", (text, release) => {
    expect(facts(text, release)).toMatch(/does not wait for futures it did not resolve/);
  });

  it.each([
    ["The flow waits for each future you call `.result()` on.", "3.4.20"],
    ["Your flow waits for each task call, since a direct call runs the task.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an import from a module no release ever had", () => {
  it.each([
    [
      "You can also write `from prefect.loggers import get_run_logger`.",
      "3.1.12",
      /no Prefect release has a module `prefect\.loggers`/,
    ],
    [
      "Import it with `from prefect.future import wait`.",
      "3.4.20",
      /no Prefect release has a module `prefect\.future`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    const found = checker
      .check(text, release)
      .falseSentences.flatMap((f) => f.claims.map((c) => c.verdict.fact))
      .join(" ");
    expect(found).toMatch(fact);
  });

  it.each([
    ["You can also write `from prefect.logging import get_run_logger`.", "3.1.12"],
    // An integration package, an unknown name, or a server module: not decided.
    ["Use `from prefect_aws.s3 import S3Bucket`.", "3.4.20"],
    ["Use `from prefect.loggers import my_helper`.", "3.4.20"],
    ["Use `from prefect.server.foo import get_run_logger`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(checker.check(text, release).falseSentences).toEqual([]);
  });
});
