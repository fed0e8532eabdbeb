// Readings that keep the checker right on sentences nobody tuned it for: one table per reading, each with false
// statements (flagged, with the deciding fact) and true, negated, other-version or unclaimed ones in the same shape.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("a negation word joined by a hyphen is a compound, not a denial", () => {
  it.each([
    [
      "`from prefect.futures import wait` hands back a done/not-done pair.",
      "2.19.3",
      /only exists from Prefect 3\.0\.0/,
    ],
    ["Use `from prefect.futures import wait` for a no-op barrier.", "2.20.5", /only exists from Prefect 3\.0\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`from prefect.futures import wait` hands back a done/not-done pair.", "3.4.20"],
    // A real negation still denies.
    ["`from prefect.futures import wait` does not work before 3.0.", "2.19.3"],
    ["There is no `wait` in `prefect.futures` on 2.x, so it is not an option.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a keyword of a name with several readings is the keyword of the readings that ever took it", () => {
  it.each([
    // `deploy` is `prefect.deploy` (deployments only) and `Flow.deploy`: only the method ever took `schedule`.
    ["The `schedule=` argument to `deploy()` never existed in 3.x.", "3.4.20", /`deploy` takes `schedule`/],
    ["`deploy()` does not accept `schedule=`.", "3.2.0", /`deploy` takes `schedule`/],
    ["You can pass `schedule=` to `deploy()` here.", "3.1.4", /has no `schedule` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `schedule=` argument to `deploy()` does not exist on 3.1.", "3.1.4"],
    ["You can pass `schedule=` to `deploy()` here.", "3.4.20"],
    // Said missing in other releases: a denial of those, not a claim that it is there.
    ["The `schedule=` parameter was missing from `serve()` in 3.0 and 3.1 and came back in 3.2.0.", "3.2.5"],
    ["`schedule=` is absent from `deploy()` on 3.1.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a type noun right after a name in code says whose the name is", () => {
  it.each([
    [
      "The `on_running` task hook you asked about has been there since 3.0.0.",
      "3.5.0",
      /first appeared in Prefect 3\.5\.0/,
    ],
    ["The `on_running` task hook arrived in 3.4.", "3.8.3", /first appeared in Prefect 3\.5\.0, not 3\.4/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `on_running` task hook was added in 3.5.0.", "3.5.0"],
    ["The `on_running` task hook has been there since 3.5.", "3.8.3"],
    ["The `on_running` task hook was not added in 3.0.", "3.8.3"],
    ["`ThreadPoolTaskRunner` task runners were added in 3.0.0.", "3.4.20"],
    // A user's own task named in code claims nothing about Prefect's history.
    ["The `process_data` task was added in 3.0.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a stated arrival at or before the asker's release, of a name the release does not have yet", () => {
  it.each([
    [
      "`PREFECT_TASKS_DEFAULT_RETRIES` was added in 3.0.0.",
      "3.0.3",
      /first appeared in Prefect 3\.0\.11, after Prefect 3\.0\.3/,
    ],
    [
      "Your old variable was renamed to `PREFECT_TASKS_DEFAULT_RETRIES` in 3.0.0.",
      "3.0.5",
      /first appeared in Prefect 3\.0\.11, after Prefect 3\.0\.5/,
    ],
    ["`PREFECT_TASK_DEFAULT_RETRIES` got renamed to `PREFECT_TASKS_DEFAULT_RETRIES` in 3.0.2.", "3.0.3", /3\.0\.11/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // On a release that has it, a patch release next to the real one is still too close to call.
    ["`PREFECT_TASKS_DEFAULT_RETRIES` was added in 3.0.0.", "3.4.20"],
    // A line covers its patch releases.
    ["The setting was renamed to `PREFECT_TASKS_DEFAULT_RETRIES` in 3.0.", "3.0.3"],
    // Renamed with no new name, or said of another release.
    ["`PREFECT_TASK_DEFAULT_RETRIES` was renamed in 3.0.0.", "3.0.3"],
    ["It was not renamed to `PREFECT_TASKS_DEFAULT_RETRIES` in 3.0.0.", "3.0.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a plain call of a function only a later release of the asker's major has", () => {
  it.each([
    ["In async flows, use `async with atransaction():` instead.", "3.3.2", /only exists from Prefect 3\.3\.5/],
    ["Wrap the writes in `atransaction()` so they roll back together.", "3.2.10", /only exists from Prefect 3\.3\.5/],
    ["Call `arun_deployment(...)` from your async code.", "3.4.20", /only exists from Prefect 3\.6\.11/],
    // A plain capitalised call the same way.
    ['Use `Cron("0 * * * *")` for the schedule.', "3.1.4", /only exists from Prefect 3\.2\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["In async flows, use `async with atransaction():` instead.", "3.4.20"],
    // Said of the release that has it, denied, or a function every release of the major has.
    ["From 3.3.5 on you can use `atransaction()`.", "3.3.2"],
    ["There is no `atransaction()` before 3.3.5.", "3.3.2"],
    ["Use `with transaction():` around the writes.", "3.0.3"],
    // A plain call of the user's own function.
    ["Then call `process_batch()` inside the flow.", "3.3.2"],
    ["Then call `cleanup()` inside the flow.", "2.19.3"],
    ['Use `Cron("0 * * * *")` for the schedule.', "3.4.20"],
    ["Define `Config(x=1)` first.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a count stated for a setting ("up to three times", "5 retries")', () => {
  it.each([
    [
      "Failed requests are retried up to three times, controlled by `PREFECT_CLIENT_MAX_RETRIES`.",
      "3.1.5",
      /defaults to `5`, not 3 times/,
    ],
    ["`PREFECT_CLIENT_MAX_RETRIES` allows 3 retries by default.", "3.4.20", /defaults to `5`, not 3 retries/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Failed requests are retried up to five times, controlled by `PREFECT_CLIENT_MAX_RETRIES`.", "3.1.5"],
    // What to set it to, a wish, or two settings: not the default.
    ["Set `PREFECT_CLIENT_MAX_RETRIES` to retry up to three times.", "3.1.5"],
    ["If you want three retries, raise `PREFECT_CLIENT_MAX_RETRIES`.", "3.1.5"],
    [
      "Requests are retried up to three times with `PREFECT_CLIENT_MAX_RETRIES` and `PREFECT_CLIENT_RETRY_JITTER_FACTOR`.",
      "3.1.5",
    ],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("on (off) by default, then the switch set to the opposite", () => {
  it.each([
    [
      "HTTP/2 is enabled by default, so set `PREFECT_API_ENABLE_HTTP2=false` if your proxy chokes on it.",
      "3.1.5",
      /defaults to `False`, not True/,
    ],
    [
      "Sending logs to the API is off by default; set `PREFECT_LOGGING_TO_API_ENABLED=true` to ship them.",
      "3.4.20",
      /defaults to `True`, not False/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["HTTP/2 is disabled by default, so set `PREFECT_API_ENABLE_HTTP2=true` if you want it.", "3.1.5"],
    ["HTTP/2 is enabled by default, so set `PREFECT_API_ENABLE_HTTP2=false` if your proxy chokes on it.", "3.0.1"],
    // The same state again, a negated statement, or a switch named for turning off: nothing said of the default.
    ["HTTP/2 is enabled by default; set `PREFECT_API_ENABLE_HTTP2=true` to be sure.", "3.1.5"],
    ["HTTP/2 is not enabled by default, so set `PREFECT_API_ENABLE_HTTP2=false` to be sure.", "3.1.5"],
    ["Caching is on by default, so set `PREFECT_TASKS_DISABLE_CACHING=true` to skip it.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an old name said to act now, or still in use", () => {
  it.each([
    [
      "The older `prefect deployment set-schedule` command does the same thing in one step.",
      "3.2.10",
      /present 2\.4\.0–2\.20\.25/,
    ],
    [
      "Schedules you used to set with `prefect deployment set-schedule` can still be changed with that command.",
      "3.0.3",
      /does not exist in Prefect 3\.0\.3/,
    ],
    ["The old `prefect agent start` takes the same `--pool` flag.", "3.4.20", /does not exist in Prefect 3\.4\.20/],
    ["Your `PREFECT_AGENT_QUERY_INTERVAL` can still be set as before.", "3.4.20", /PREFECT_AGENT_QUERY_INTERVAL/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The older `prefect deployment set-schedule` command does the same thing in one step.", "2.19.3"],
    // Told as history, denied, or scoped to another release.
    ["The older `prefect deployment set-schedule` command did the same thing.", "3.2.10"],
    ["The older `prefect deployment set-schedule` command no longer does that.", "3.2.10"],
    ["On 2.x the older `prefect deployment set-schedule` command does the same thing.", "3.2.10"],
    [
      "Schedules you used to set with `prefect deployment set-schedule` can now be changed with `prefect deployment schedule create`.",
      "3.2.10",
    ],
    ["`prefect worker start` can still be run the same way.", "3.4.20"],
    // A release named anywhere in the sentence, or a lead-in line, scopes it.
    ["If you're on 2.x, `prefect agent start` still works.", "3.4.20"],
    ["If you're on 2.x, the older `prefect agent start` command does the same job.", "3.4.20"],
    ["If you're on Prefect 2.x:\n\nThe older `prefect agent start` command does the same job.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an instruction to pass a keyword, in a sentence that names no release and no upgrade", () => {
  it.each([
    [
      "Pass `as_subflow=False` if you don't want the child run linked to the parent.",
      "2.14.5",
      /no Prefect 2\.14\.5 API takes `as_subflow`/,
    ],
    ["Pass `as_subflow=False` to keep the runs apart.", "2.12.0", /no Prefect 2\.12\.0 API takes `as_subflow`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Pass `as_subflow=False` if you don't want the child run linked to the parent.", "2.19.3"],
    // After an upgrade, in another release, or only possible: may be the next release's spelling.
    ["Pass `as_subflow=False` once you upgrade.", "2.14.5"],
    ["In 2.15 and later, pass `as_subflow=False`.", "2.14.5"],
    ["You could pass `as_subflow=False` on a newer release.", "2.14.5"],
    // The negation in a trailing condition does not deny the instruction, and a user's own keyword is not judged.
    ["Pass `my_option=1` if you don't want retries.", "2.14.5"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a version that is the whole first part of the brackets after a name qualifies it", () => {
  it.each([
    [
      "Use `PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME` (`PREFECT_DEFAULT_WORK_POOL_NAME` on 2.x) to pick the pool.",
      "2.19.3",
      /only exists from Prefect 3\.0\.11/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Use `PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME` (3.0.11+, `PREFECT_DEFAULT_WORK_POOL_NAME` on 2.x) to pick the pool.",
      "2.19.3",
    ],
    [
      "Set `PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME` (3.0.11+; before that `PREFECT_DEFAULT_WORK_POOL_NAME`).",
      "2.19.3",
    ],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a parameter named alone is dated by what users call directly before other classes' methods", () => {
  it.each([
    ["`cache_result_in_memory` was removed in 3.0, so results only live on disk now.", "3.4.20", /still present/],
    [
      "There is also a `holder=` argument, but it was only added in 3.6.",
      "3.5.0",
      /first appeared in Prefect 3\.4\.19, not 3\.6/,
    ],
    ["The `holder=` argument was introduced in 3.2.", "3.8.3", /first appeared in Prefect 3\.4\.19/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `holder` argument arrived in 3.4.", "3.5.0"],
    ["`cache_result_in_memory` was added in 2.6.", "3.4.20"],
    ["`cache_result_in_memory` was not removed in 3.0.", "3.4.20"],
    // Another release's statement.
    ["In 2.x, `cache_result_in_memory` was added in 2.6.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`f(...)`, which also accepts `p`": the keywords of a relative clause of taking are the callable\'s', () => {
  it.each([
    [
      'For pure rate limiting, use `rate_limit("partner-api", occupy=1)`, which also accepts `max_retries`.',
      "3.4.20",
      /`rate_limit` has no `max_retries` parameter/,
    ],
    ["Call `run_deployment(name)`, which takes `as_subflow` too.", "2.12.0", /no `as_subflow` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ['Use `rate_limit("x")`, which also accepts `timeout_seconds` and `strict`.', "3.4.20"],
    ['Use `rate_limit("x")`, which does not accept `max_retries`.', "3.4.20"],
    ["Call `run_deployment(name)`, which takes `as_subflow` too.", "2.19.3"],
    // A user's own function, or a relative clause that is not about taking.
    ["Use `my_helper(x)`, which also accepts `max_retries`.", "3.4.20"],
    ['Use `rate_limit("x")`, which blocks until `max_retries` is reached.', "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("behaviours added from the fact sheet and the API reference", () => {
  it.each([
    [
      "On timeout, `as_completed` just stops yielding and leaves the rest unfinished.",
      "3.4.20",
      /as_completed raises TimeoutError/,
    ],
    ["If it times out, `as_completed` quietly returns whatever finished.", "3.0.3", /as_completed raises TimeoutError/],
    ["`get_run_logger()` falls back to a plain logger outside a flow.", "3.4.20", /raises MissingContextError/],
    [
      "You can call `get_run_logger()` anywhere; it's safe to call outside a run.",
      "2.19.3",
      /raises MissingContextError/,
    ],
    ["`suspend_flow_run()` now works from tasks too.", "3.8.3", /Cannot suspend task runs/],
    ["The open-source server stores events out of the box, just like Cloud.", "2.19.3", /PREFECT_EXPERIMENTAL_EVENTS/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["On timeout, `as_completed` raises a `TimeoutError`.", "3.4.20"],
    ["On timeout, `wait` just returns the partial split.", "3.4.20"],
    ["`get_run_logger()` raises `MissingContextError` outside a flow; use `get_logger()` there.", "3.4.20"],
    ["`get_run_logger()` does not fall back to a plain logger outside a run.", "3.4.20"],
    ["`suspend_flow_run()` still raises from tasks.", "3.8.3"],
    ["The open-source server stores events out of the box, just like Cloud.", "3.4.20"],
    ["The 2.x open-source server only stores events with the experimental flag enabled.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a part whose subject is a pronoun is read with what its sentence said before it", () => {
  it.each([
    [
      "`as_completed` behaves the same way: on timeout it just stops yielding and leaves the rest unfinished.",
      "3.3.2",
      /as_completed raises TimeoutError/,
    ],
    [
      "`suspend_flow_run()` got the same treatment, so it now works from tasks too.",
      "3.6.5",
      /Cannot suspend task runs/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // The pronoun's own part keeps its polarity; a named subject is not replaced.
    ["`as_completed` is different: on timeout it raises instead of returning.", "3.3.2"],
    ["`suspend_flow_run()` got no such change, so it still raises from tasks.", "3.6.5"],
    ["`as_completed` raises on timeout, but `wait` just stops and returns the partial split.", "3.3.2"],
    ["`suspend_flow_run()` is strict, so it does not work from tasks.", "3.6.5"],
    // What the earlier part states alone was judged there: a pronoun part adds nothing to it.
    ["From 3.6.3, `pause_flow_run` in a task pauses the parent flow run; before 3.6.3 it raised an error.", "3.6.3"],
    ["`.submit()` returns a future you do not await: call `.result()` (or `.wait()`) on it instead.", "3.0.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`Y` replaced `X` in V", "`X` was replaced by `Y` in V": the new name arrived in V', () => {
  it.each([
    [
      "`prefect server start` replaced `prefect orion start` in 2.10.",
      "3.4.20",
      /first appeared in Prefect 2\.8\.1, not 2\.10/,
    ],
    [
      "`prefect orion start` was replaced by `prefect server start` in 2.10.",
      "3.4.20",
      /first appeared in Prefect 2\.8\.1, not 2\.10/,
    ],
    [
      "In 3.0, `ConcurrentTaskRunner` was superseded by `ThreadPoolTaskRunner` in 2.19.",
      "3.4.20",
      /first appeared in Prefect 3\.0\.0/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`prefect orion start` was replaced by `prefect server start` in 2.8.1.", "3.4.20"],
    ["`prefect server start` replaced `prefect orion start` in 2.8.", "3.4.20"],
    ["`ConcurrentTaskRunner` was replaced by `ThreadPoolTaskRunner` in 3.0.", "3.4.20"],
    // Not replaced then, or a replacement with no new name.
    ["`prefect server start` did not replace `prefect orion start` in 2.10.", "3.4.20"],
    ["`prefect orion start` was replaced in 2.8.1.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("run_deployment's blocking, async tasks in sync flows, and a flow's final state (fact sheet)", () => {
  it.each([
    ["`run_deployment` is non-blocking by default and returns immediately.", "3.4.20", /blocks by default/],
    ["Calling `run_deployment()` is fire-and-forget: it returns right away.", "2.19.3", /blocks by default/],
    ["An async task called from a sync flow works fine in 3.x.", "3.4.20", /not supported/],
    [
      "A flow that returns `None` fails if any of its tasks failed.",
      "3.4.20",
      /final state comes only from its return value/,
    ],
    ["Your flow is marked failed when it returns nothing and one of its tasks fails.", "3.1.4", /final state/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`run_deployment` returns immediately when you pass `timeout=0`.", "3.4.20"],
    ["`run_deployment` blocks until the run finishes.", "3.4.20"],
    ["An async task called from a sync flow works fine in 2.x.", "3.4.20"],
    ["An async task called from a sync flow is not supported.", "3.4.20"],
    ["A flow that returns `None` fails if any of its tasks failed.", "2.19.3"],
    ["A flow that returns `None` does not fail when one of its tasks fails.", "3.4.20"],
    ["A flow fails when a task raises and the flow re-raises the exception.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a parameter's default stated in other shapes, and a None a setting fills", () => {
  it.each([
    ["The flow's `retries` defaults to 3.", "3.4.20", /PREFECT_FLOWS_DEFAULT_RETRIES \(default 0\), not 3/],
    ["The default for `poll_interval` in `run_deployment` is 10.", "3.4.20", /defaults to `5`, not 10/],
    ["`run_deployment` has a `poll_interval` that defaults to 10.", "3.4.20", /defaults to `5`, not 10/],
    ["The default value of `retries` on tasks is 2.", "2.19.3", /PREFECT_TASK_DEFAULT_RETRIES \(default 0\), not 2/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The flow's `retries` defaults to 0.", "3.4.20"],
    ["`retries` on tasks defaults to 0.", "3.4.20"],
    ["`retries` on tasks defaults to `None`.", "3.4.20"],
    ["The default for `poll_interval` in `run_deployment` is 5.", "3.4.20"],
    // A possessive that owns another noun, not the parameter.
    ["`future.result()` raises the task's exception unless you pass `raise_on_failure=False`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"it defaults to V" after the one setting its sentence names', () => {
  it.each([
    [
      "Set `PREFECT_LOGGING_LEVEL` to `DEBUG`; it defaults to `WARNING`.",
      "3.4.20",
      /defaults to `'INFO'`, not WARNING/,
    ],
    [
      "Raise `PREFECT_API_REQUEST_TIMEOUT` if needed, but its default is 30 seconds.",
      "3.4.20",
      /defaults to `60\.0`, not 30/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Set `PREFECT_LOGGING_LEVEL` to `DEBUG`; it defaults to `INFO`.", "3.4.20"],
    ["Raise `PREFECT_API_REQUEST_TIMEOUT` if needed, but its default is 60 seconds.", "3.4.20"],
    // Two settings named, a negation, or no pronoun: whose default it is stays open.
    ["Set `PREFECT_LOGGING_LEVEL` and `PREFECT_LOGGING_TO_API_LEVEL`; it defaults to `WARNING`.", "3.4.20"],
    ["Set `PREFECT_LOGGING_LEVEL` to `DEBUG`; it does not default to `WARNING`.", "3.4.20"],
    ["Set `PREFECT_LOGGING_LEVEL` to `WARNING` for quieter runs.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a callable said to do what one of its parameters sets (parameter topics)", () => {
  it.each([
    [
      "`wait_for_flow_run` polls every 10 seconds by default.",
      "3.1.4",
      /`poll_interval` of `wait_for_flow_run` defaults to `5`, not 10 seconds/,
    ],
    [
      "`run_deployment` checks the run every 10 seconds.",
      "3.4.20",
      /`poll_interval` of `run_deployment` defaults to `5`/,
    ],
    [
      "`wait_for_flow_run` gives up after an hour.",
      "3.1.4",
      /`timeout` of `wait_for_flow_run` defaults to `10800`, not 1 hour/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`wait_for_flow_run` polls every 5 seconds by default.", "3.1.4"],
    ["`wait_for_flow_run` times out after 3 hours.", "3.1.4"],
    // Set or passed: what to choose, not the default; a None default is decided elsewhere.
    ["Set `poll_interval=10` so `wait_for_flow_run` polls every 10 seconds.", "3.1.4"],
    ["Call `wait_for_flow_run` with `poll_interval=10` and it polls every 10 seconds.", "3.1.4"],
    ["`wait_for_flow_run` polls every 10 seconds by default.", "3.4.20"],
    // Two callables named: whose parameter it is stays open.
    ["`run_deployment` and `wait_for_flow_run` poll every 10 seconds.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a Prefect class written in code is a noun for its type's members", () => {
  it.each([
    ["The returned `FlowRun` has a `.wait()` method.", "3.4.20", /`FlowRun` objects have no `\.wait\(\)`/],
    ["Call `.result()` on the `FlowRun` to get the value.", "3.4.20", /`FlowRun` objects have no `\.result\(\)`/],
    ["`Variable` objects have a `.save()` method.", "3.4.20", /`Variable` objects have no `\.save\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`PrefectFuture` objects have `.wait()` and `.result()`.", "3.4.20"],
    ["The `FlowRun` has a `.state` you can read.", "3.4.20"],
    ["`run_deployment` returns a `FlowRun`, so call `.wait()` on the future instead.", "3.4.20"],
    // Where the noun comes from, or a class of the user's own.
    ["A `PrefectFutureList` from `.map()` also has `.wait()`.", "3.4.20"],
    ["The `MyRunner` class has a `.wait()` method.", "3.4.20"],
    ["The `FlowRun` has no `.wait()` method.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("denials of taking: a method on a variable named for its type, and a command's flag", () => {
  it.each([
    ["In your version, `flow.deploy()` no longer accepts `job_variables`.", "3.4.20", /`deploy` takes `job_variables`/],
    ["`my_flow.deploy()` does not accept `job_variables`.", "3.4.20", /`deploy` takes `job_variables`/],
    ["`prefect work-pool create` does not take a `--type` flag.", "3.4.20", /work-pool create/],
    ["`prefect worker start` does not accept `--pool`.", "3.4.20", /worker start/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`my_flow.deploy()` does not accept `crontab`.", "3.4.20"],
    ["`prefect work-pool create` does not take a `--kind` flag.", "3.4.20"],
    ["`my_flow.serve()` takes a `cron` argument.", "3.4.20"],
    // A method of the user's own object.
    ["`client.deploy()` does not accept `job_variables`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a callable said to do by default what one of its switches is named for", () => {
  it.each([
    [
      '`Variable.set("x", 1)` overwrites an existing value by default.',
      "3.4.20",
      /`overwrite` of `set` defaults to `False`, not True/,
    ],
    ["By default `Variable.set` overwrites whatever was stored.", "3.2.10", /`overwrite` of `set` defaults to `False`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`flow.deploy()` pushes the image by default.", "3.4.20"],
    ["`flow.deploy()` builds the image by default.", "3.4.20"],
    ["`Variable.set` does not overwrite by default.", "3.4.20"],
    // Not about the default, or a verb that names no switch.
    ["`Variable.set` overwrites an existing value when you pass `overwrite=True`.", "3.4.20"],
    ["`Variable.set` stores strings by default.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a command's flag as the subject of a version statement", () => {
  it.each([
    ["The `--tag` option on `prefect deploy` was removed in 3.0.", "3.4.20", /`prefect deploy --tag` is still present/],
    [
      "The `--pool` flag of `prefect worker start` was added in 3.0.",
      "3.4.20",
      /first appeared in Prefect 2\.10\.0, not 3\.0/,
    ],
    [
      "`--flow-run-name` on `prefect deployment run` arrived in 3.2.",
      "3.4.20",
      /first appeared in Prefect 3\.4\.9, not 3\.2/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `--pool` flag of `prefect worker start` was added in 2.10.", "3.4.20"],
    ["`--flow-run-name` on `prefect deployment run` arrived in 3.4.9.", "3.4.20"],
    ["The `--tag` option on `prefect deploy` was not removed in 3.0.", "3.4.20"],
    // No command named and several took it: whose flag it is stays open.
    ["The `--pool` flag was added in 3.0.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("more verbs of returning in the fact sheet's behaviours", () => {
  it.each([
    ["A direct call like `my_task(x)` hands you back a future.", "3.4.20", /returns its result/],
    ["Calling a task produces a `PrefectFuture`.", "2.19.3", /returns its result/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Calling a task directly hands you the value, not a future.", "3.4.20"],
    ["`my_task.submit(x)` hands you back a future.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a setting said to have no effect is said to be gone", () => {
  it.each([
    [
      "The old `PREFECT_TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS` setting no longer does anything in 3.4, so drop it.",
      "3.4.20",
      /still accepted in Prefect 3\.4\.20, as an alias/,
    ],
    ["`PREFECT_API_URL` no longer has any effect in 3.x.", "3.4.20", /is a setting in Prefect 3\.4\.20/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`PREFECT_AGENT_QUERY_INTERVAL` no longer does anything.", "3.4.20"],
    // Something narrower than no effect at all.
    ["Setting `PREFECT_API_URL` does not do anything special here.", "3.4.20"],
    ["`PREFECT_AGENT_QUERY_INTERVAL` is not honored by workers.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a feature noun qualified by a word is dated by the function named for both", () => {
  it.each([
    [
      "Progress artifacts have been around since 2.9, together with the table and markdown ones.",
      "3.5.0",
      /create_progress_artifact` first appeared in Prefect 3\.0\.0, not since 2\.9/,
    ],
    [
      "Table artifacts were added in 3.0.",
      "3.4.20",
      /create_table_artifact` first appeared in Prefect 2\.9\.0, not 3\.0/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Progress artifacts arrived in 3.0.", "3.5.0"],
    ["Table artifacts were added in 2.9.", "3.4.20"],
    // A qualifier that names no function, or a feature noun alone.
    ["Fancy artifacts were added in 3.0.", "3.4.20"],
    ["Artifacts were added in 2.9.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a call written with its arguments returns what its callable does; more words of concurrency", () => {
  it.each([
    [
      "Each `run_deployment(...)` call gives you back a future, so call `.wait()` on it.",
      "3.4.20",
      /`run_deployment` returns a `FlowRun`, not a Future/,
    ],
    ["Task runners also run subflows concurrently.", "3.4.20", /does not make subflows concurrent/],
    ["The `ThreadPoolTaskRunner` parallelizes subflow calls too.", "3.4.20", /does not make subflows concurrent/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`my_task.submit(x)` returns a future.", "3.4.20"],
    ["Each `run_deployment(...)` call gives you back a `FlowRun`.", "3.4.20"],
    ["Task runners do not run subflows concurrently.", "3.4.20"],
    ["Wrap subflows in tasks if you want the task runner to run them in parallel.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("more words for a setting's topic (logs shipped / sent in batches)", () => {
  it.each([["Logs are shipped to the API every 5 seconds by default.", "3.4.20", /defaults to `2\.0`, not 5 seconds/]])(
    "false: %s (%s)",
    (text, release, fact) => {
      expect(facts(text, release)).toMatch(fact);
    },
  );

  it.each([
    ["Logs are sent to the API every 2 seconds.", "3.4.20"],
    ["Logs are sent to the API every 5 seconds if you set `PREFECT_LOGGING_TO_API_BATCH_INTERVAL=5`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"that setting" is the one setting the previous sentence named', () => {
  it.each([
    [
      "Raise `PREFECT_API_REQUEST_TIMEOUT` for slow servers. That setting defaults to 30.",
      "3.4.20",
      /defaults to `60\.0`, not 30/,
    ],
    [
      "Workers read `PREFECT_WORKER_QUERY_SECONDS`. The setting's default is 5.",
      "3.4.20",
      /PREFECT_WORKER_QUERY_SECONDS` defaults to/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Raise `PREFECT_API_REQUEST_TIMEOUT` for slow servers. That setting defaults to 60.", "3.4.20"],
    // Two settings named before, or none: whose default it is stays open.
    ["Set `PREFECT_API_URL` and `PREFECT_API_KEY`. That setting defaults to 30.", "3.4.20"],
    ["That setting defaults to 30.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("hyphenated words in behaviours, and a behaviour's own words of failing", () => {
  it.each([
    ["The garbage-collected future warning still shows up in 3.4.", "3.4.20", /was removed in 3\.4\.0/],
    ["`run_deployment` is non-blocking by default.", "3.4.20", /blocks by default/],
    ["In 3.x a downstream task fails with `UpstreamTaskError` when its upstream failed.", "3.4.20", /left Pending/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The garbage-collected future warning shows up in 3.2.", "3.2.10"],
    ["In 2.x a downstream task fails with `UpstreamTaskError` when its upstream failed.", "2.19.3"],
    ["A downstream task does not fail with `UpstreamTaskError` in 3.x.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a flow said to wait for its futures, in the passive (fact sheet 18)", () => {
  it.each([
    ["Unreturned futures are awaited by the engine before the flow completes.", "3.4.20", /does not wait for futures/],
    ["Pending task runs are waited on by the flow before it finishes.", "3.1.4", /does not wait for futures/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Unreturned futures are awaited by the engine before the flow completes.", "2.19.3"],
    ["Submitted tasks are awaited by the flow only if you return them.", "3.4.20"],
    ["Unreturned futures are not awaited by the engine.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a flag written alone is the flag of the command the text named before, when that command ever took it", () => {
  it.each([
    [
      "Trigger it with `prefect deployment run my-flow/prod`. You can give that run a custom name with `--flow-run-name`.",
      "3.2.10",
      /`prefect deployment run --flow-run-name` exists only in Prefect 3\.4\.9–3\.8\.3, not 3\.2\.10/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Trigger it with `prefect deployment run my-flow/prod`. You can give that run a custom name with `--flow-run-name`.",
      "3.4.20",
    ],
    ["Trigger it with `prefect deployment run my-flow/prod`. Add `--watch` to follow it.", "3.2.10"],
    // A flag the named command never took is another command's: left open when one of the release has it.
    ["Trigger it with `prefect deployment run my-flow/prod`. Then `--limit 5` shows the latest runs.", "3.2.10"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"there is no `X`" denies what follows it (and its place), not the names before it', () => {
  it.each([
    ["There is no `.submit()` on tasks.", "3.4.20", /`Task` has `\.submit\(\)`/],
    ["Tasks are simple: there is no `.submit()` on tasks, just call them.", "3.4.20", /`Task` has `\.submit\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `FlowRun` you get back is a record: read `.state`, there is no `.wait()` on it.", "3.4.20"],
    ["There is no `.wait()` on flow runs.", "3.4.20"],
    ["There is no `.submit()` on flows in 3.x.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('", which arrived in V" is about the noun before it; "an older 2.x release" names the line', () => {
  it.each([
    [
      "Agents were replaced by workers, which arrived in 3.0.",
      "3.4.20",
      /`prefect\.workers` first appeared in Prefect 2\.10\.0, not 3\.0/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Agents were replaced by workers, which arrived in 2.10.", "3.4.20"],
    ["Pass `infra_overrides` if you're on an older 2.x release.", "2.19.3"],
    ["Pass `as_subflow=False` if you're on a newer 2.x release.", "2.12.0"],
    // The code after "on" is whose the subject is, not the subject.
    ["You can still use the `schedule=` keyword on `flow.serve()`, which came back in 3.2.0.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a verb of avoiding negates only its own phrase, like 'without'", () => {
  it.each([
    ["Use `prefect deploy --skip-upload` to avoid pushing code.", "3.0.0", /no `--skip-upload` option/],
    ["Run `prefect agent start -q default`, avoiding the need for a worker.", "3.2.0", /agent/],
    ["To avoid extra setup, import `Deployment` from `prefect.deployments`.", "3.1.0", /Deployment/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Code inside the phrase is what is avoided.
    ["Avoid `prefect agent start` on 3.x; start a worker.", "3.2.0"],
    ["Run `prefect deploy --all`, avoiding `--skip-upload`.", "3.0.0"],
    ["Use `prefect deploy --all` to avoid deploying one at a time.", "3.0.0"],
    ["Use `prefect deployment build --skip-upload` to avoid pushing code.", "2.16.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a decorator in code is the callable whose keywords a verb of taking lists", () => {
  it.each([
    ["`@flow` accepts `task_run_name`.", "3.0.0", /`Flow` has no `task_run_name` parameter/],
    ["The `@flow` decorator also takes `cache_key_fn`.", "3.1.0", /`Flow` has no `cache_key_fn` parameter/],
    ["`@task` accepts `flow_run_name` and `retries`.", "3.0.0", /has no `flow_run_name` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`@flow` accepts `flow_run_name`.", "3.0.0"],
    ["`@task` accepts `task_run_name` and `retries`.", "3.0.0"],
    ["`@flow` does not accept `task_run_name`; put it on `@task`.", "3.0.0"],
    ["The `@flow` decorator takes `retries` and `log_prints`.", "2.20.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
