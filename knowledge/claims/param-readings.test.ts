// Readings of parameters (tenth round): who takes a keyword, and what a default of a keyword no API takes says. One
// table per reading, false statements (flagged, with the deciding fact) and true, negated or other-release ones.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("a method whose **kwargs fill its class's fields does not take a keyword it only lists later", () => {
  it.each([
    [
      "`build_from_flow` also takes `schedules=[...]` if you need more than one schedule.",
      "2.14.10",
      /`build_from_flow` has no `schedules` parameter \(it takes it from 2\.16\.3\)/,
    ],
    ["`build_from_flow` also has a `schedules=` parameter for several schedules.", "2.13.4", /from 2\.16\.3/],
    ["Pass `schedules=[...]` to `Deployment.build_from_flow`.", "2.15.0", /from 2\.16\.3/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`build_from_flow` also takes `schedules=[...]` if you need more than one schedule.", "2.16.4"],
    // A field of the class goes through the **kwargs.
    ["`build_from_flow` also takes `work_queue_name=` for the queue.", "2.14.10"],
    ["`build_from_flow` does not take `schedules=` before 2.16.3.", "2.14.10"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"Tasks take `p`": a type noun with "take" owns the keywords', () => {
  it.each([
    [
      "Tasks also take `on_crashed` and `on_cancellation`, just like flows.",
      "3.5.0",
      /`Task` has no `on_crashed` parameter/,
    ],
    ["Tasks take `log_prints` too.", "2.5.0", /log_prints/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Flows also take `on_crashed` and `on_cancellation`, unlike tasks.", "3.5.0"],
    ["Tasks take `retries` and `retry_delay_seconds`.", "3.4.20"],
    ["Tasks do not take `on_crashed`.", "3.5.0"],
    ["In 2.x tasks take `on_failure=[...]`.", "3.4.20"],
    // A name written as a keyword is the keyword, not the callable of that name (`timeout`).
    ["Both take `timeout=` in seconds.", "3.0.0"],
    ["`wait` and `as_completed` both take `timeout=`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`f(…)` from M, which also accepts `p`": a phrase placing the callable may stand before the comma', () => {
  it.each([
    [
      'For pure rate limiting use `rate_limit("my-api")` from the same module, which also accepts `max_retries` and `lease_duration`.',
      "3.4.20",
      /`rate_limit` has no `max_retries` parameter/,
    ],
    [
      'Call `concurrency("db", occupy=1)` from `prefect.concurrency.sync`, which also accepts `lease_seconds`.',
      "3.4.20",
      /`concurrency` has no `lease_seconds` parameter/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ['Use `rate_limit("my-api")` from `prefect.concurrency.sync`, which also accepts `occupy`.', "3.4.20"],
    ['Use `rate_limit("my-api")` from the same module, which accepts `timeout_seconds` and `strict`.', "3.4.20"],
    // Another name in code between the callable and the comma is what "which" is about.
    ['Use `rate_limit("my-api")` in a `my_task`, which accepts `max_retries`.', "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a default stated for a keyword no API of the release takes (one of an earlier release did) is false", () => {
  it.each([
    [
      "By default a missing limit is created for you on the fly, because `create_if_missing` defaults to `True`.",
      "3.4.20",
      /no Prefect 3\.4\.20 API takes `create_if_missing` \(`concurrency` took it in 3\.0\.0–3\.2\.15\)/,
    ],
    ["`create_if_missing` is `True` by default.", "3.6.0", /no Prefect 3\.6\.0 API takes `create_if_missing`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // A keyword that only arrives later may be an upgrade guide's: open.
    ["`create_if_missing` defaults to `True`.", "2.10.0"],
    // A keyword no API ever took is the user's own.
    ["`make_if_absent` defaults to `True`.", "3.4.20"],
    ["A missing limit is not created unless `create_if_missing` is set.", "3.1.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"missing" / "absent" after a determiner describe a noun; they deny nothing', () => {
  it.each([
    [
      "A missing limit is created for you, because `create_if_missing` defaults to `True`.",
      "3.4.20",
      /create_if_missing/,
    ],
    [
      "For a missing variable, `Variable.get` takes `default_value`.",
      "2.19.3",
      /`get` has no `default_value` parameter/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Still a negation as a predicate.
    ["`create_if_missing` is missing on 3.4.", "3.4.20"],
    ["`PREFECT_LOGGING_LEVEL` is absent from 2.x.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`p` is on / off by default": a switch\'s default in words (open when the default is None)', () => {
  it.each([
    [
      "`log_prints` is on by default for tasks in 3.x, so your retry messages from `print` will appear in the UI.",
      "3.5.0",
      /`log_prints` of `Task` defaults to `False`, not True/,
    ],
    ["`cache_result_in_memory` is off by default for tasks.", "3.4.20", /defaults to `True`, not False/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`log_prints` is off by default for tasks.", "3.5.0"],
    ["`cache_result_in_memory` is enabled by default for tasks.", "3.4.20"],
    // `None` falls back to a setting: on or off is not its source text.
    ["`log_prints` is on by default for flows.", "3.5.0"],
    ["`log_prints` is not on by default for tasks.", "3.5.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"… unless you pass `k=False`": the switch is on by default; a bare method is the class a noun names', () => {
  it.each([
    [
      "When saving a block, `save()` will overwrite an existing document of the same name unless you pass `overwrite=False`.",
      "3.3.2",
      /`overwrite` of `save` defaults to `False`, not True/,
    ],
    [
      "`Variable.set()` overwrites an existing value unless you set `overwrite=False`.",
      "3.4.20",
      /defaults to `False`, not True/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["When saving a block, `save()` refuses to replace a document unless you pass `overwrite=True`.", "3.3.2"],
    ["`Variable.set()` raises on an existing name unless you pass `overwrite=True`.", "3.4.20"],
    // A value that is no switch says nothing of the default.
    ["`run_deployment()` blocks unless you pass `timeout=0`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"use `f(…)` to get a `T`": the call returns `T`', () => {
  it.each([
    [
      'Call `Variable.get("x")` to get a `Variable`, then read `.value`.',
      "3.4.20",
      /`get` returns `StrictVariableValue`, not a Variable/,
    ],
    ["Use `flow.serve()` to get a `Deployment`.", "3.4.20", /`serve\(\)` returns None, not a Deployment/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Use `my_task.submit()` to get a `PrefectFuture`.", "3.4.20"],
    ["Use `run_deployment(...)` to get a `FlowRun` back.", "3.4.20"],
    // A variable of the user's to get a value is no claim about a Prefect call.
    ["Use `my_helper()` to get a `Variable` name.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a keyword right before 'on' / 'of' / 'for' and a function in code is that function's", () => {
  it.each([
    ["`job_variables` on `run_deployment` lets you override the image.", "2.16.0", /no `job_variables` parameter/],
    ["`infra_overrides` of `run_deployment` overrides job settings.", "3.0.0", /no `infra_overrides` parameter/],
    ["Set `as_subflow` for `run_deployment` to unlink the run.", "2.14.0", /no `as_subflow` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`job_variables` on `run_deployment` lets you override the image.", "2.17.0"],
    ["`poll_interval` of `wait_for_flow_run` is deprecated.", "3.4.0"],
    // A class there may own an attribute: not read as a keyword.
    ["`flow_run_id` on `PrefectFuture` is the run's id.", "3.0.0"],
    // Denied of the function: true when it does not take it.
    ["There is no `infra_overrides` on `run_deployment` in 3.x.", "3.0.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a type noun after 'to' and a verb is a purpose's object, not the keyword's owner", () => {
  it.each([
    ["Pass `task_runner=ThreadPoolTaskRunner()` to tasks.", "3.0.0", /`Task` has no `task_runner` parameter/],
    ["`@flow` accepts `task_run_name` to name every task it runs.", "3.0.0", /`Flow` has no `task_run_name` parameter/],
    ["Pass `cache_ttl` to the task.", "3.0.0", /no `cache_ttl` parameter/],
    // A keyword no other API ever took stays the purpose's object's.
    ["Use `depends_on=[a]` to make a task wait on another task.", "3.0.0", /`Task` has no `depends_on` parameter/],
    ["Use `cache_ttl=60` to make a task cache.", "3.0.0", /no `cache_ttl` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["On 2.x you can pass `task_runner=SequentialTaskRunner()` to run tasks one by one.", "2.20.0"],
    ["Use `task_runner=ThreadPoolTaskRunner(max_workers=4)` to run the tasks in threads.", "3.0.0"],
    ["Pass `retries=3` to each task.", "3.0.0"],
    ["Use `retries=2` to make a task retry.", "3.0.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a type noun before 'option' / 'parameter' names whose keyword a version statement dates", () => {
  it.each([
    ["`log_prints` has been a flow option since 2.0.", "3.0.0", /first appeared in Prefect 2\.6\.10/],
    ["`persist_result` has been a task parameter since 2.0.", "3.1.0", /first appeared in Prefect 2\.6\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`log_prints` has been a flow parameter since 2.6.10.", "3.0.0"],
    ["`retries` has been a task option since 2.0.", "3.0.0"],
    ["`log_prints` was not a flow option before 2.6.10.", "3.0.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`p` defaults to V" for a one-word keyword named alone, when every API that takes it has a value of its own', () => {
  it.each([
    ["`occupy` defaults to `0`, so pass it every time.", "3.4.11", /`occupy` defaults to `1`, not 0/],
    ["`occupy` defaults to 2.", "3.1.4", /`occupy` defaults to `1`, not 2/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`occupy` defaults to `1`.", "3.4.11"],
    // A `None` may be filled at run time (tasks' retries from a setting): no default of the name to judge.
    ["`retries` defaults to 0.", "3.4.11"],
    ["`occupy` does not default to 0.", "3.4.11"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a bare member in code (`.deploy()`) owns the keywords handed to it ("hand", "supply" are verbs of passing)', () => {
  it.each([
    ["Hand `.deploy()` several schedules via `schedules=[...]`.", "2.14.10", /`deploy` has no `schedules` parameter/],
    ["`.deploy()` accepts `schedules=[...]` too.", "2.15.0", /`deploy` has no `schedules` parameter/],
    ["Supply `.serve()` a `webserver=True` argument.", "2.12.1", /has no `webserver` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Hand `.deploy()` several schedules via `schedules=[...]`.", "2.16.1"],
    ["`.deploy()` does not accept `schedules=[...]` before 2.16.", "2.14.10"],
    ["Supply `.serve()` a `webserver=True` argument.", "2.13.5"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"hand back" returns a value: it is no verb of passing', () => {
  it.each([
    ["A plain call like `x = add(1, 2)` in a flow hands back what the task returned.", "3.4.20"],
    ["Calling `my_task(x=1)` will hand back the result.", "2.20.25"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
