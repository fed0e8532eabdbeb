// The facts-driven pass over inline code: call chains, class members, keywords of nested calls, lone flags, what a
// bare method returns and a setting's quantity stated anywhere in the sentence. Each table has false statements and
// true ones of the same shape, so a reading that over-reaches fails here.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";
import { parseChain, splitArgs } from "./python-chain.js";

const facts = falseFacts;

describe("inline code read as Python", () => {
  it.each([
    ["await Automation.aread(id=x)", [["Automation"], ["aread", ["id"]]]],
    [
      'my_flow.from_source(url, entrypoint="a.py:f").deploy(name="n")',
      [["my_flow"], ["from_source", ["", "entrypoint"]], ["deploy", ["name"]]],
    ],
    ['Cron("0 2 * * *", timezone="UTC")', [["Cron", ["", "timezone"]]]],
    ["prefect.blocks.system.JSON", [["prefect"], ["blocks"], ["system"], ["JSON"]]],
    // A context manager's call.
    ["async with atransaction():", [["atransaction", []]]],
    ['with concurrency("db", occupy=2) as slot:', [["concurrency", ["", "occupy"]]]],
  ])("%s", (span, expected) => {
    const chain = parseChain(span)!;
    expect(chain.steps.map((s) => (s.args ? [s.name, s.args.map((a) => a.keyword ?? "")] : [s.name]))).toEqual(
      expected,
    );
  });

  it.each(["a + b", "x[0].result()", "retries = 3 if ok else 0", "foo(", "--pool"])("not a chain: %s", (span) => {
    expect(parseChain(span)).toBeUndefined();
  });

  it("splits arguments only at top-level commas", () => {
    expect(splitArgs('"a, b", schedule=Cron("0 * * * *", timezone="UTC"), tags=["x", "y"]')).toEqual([
      { value: '"a, b"' },
      { keyword: "schedule", value: 'Cron("0 * * * *", timezone="UTC")' },
      { keyword: "tags", value: '["x", "y"]' },
    ]);
  });

  it("reads the value of a keyword written alone", () => {
    expect(parseChain("task_runner=ThreadPoolTaskRunner(max_workers=2)")).toEqual({
      keyword: "task_runner",
      steps: [{ name: "ThreadPoolTaskRunner", args: [{ keyword: "max_workers", value: "2" }] }],
    });
  });
});

describe("call chains and class members in inline code", () => {
  const chain =
    'Point the deployment at your repo with `nightly_flow.from_source(source=git_url, entrypoint="etl.py:nightly").deploy(name="etl")`.';
  const aread = "From async code, reach for `await Automation.aread(id=automation_id)` instead.";
  const runner = "Limit the threads with `task_runner=ThreadPoolTaskRunner(max_workers=8)` on the flow.";
  it.each([
    [chain, "2.11.0", /`Flow` objects have no `\.from_source\(\)`/],
    [aread, "3.0.3", /`Automation` objects have no `\.aread\(\)`/],
    // "without" negates what follows it, not the call before it.
    [
      '`my_flow.deploy(name="x", work_pool_name="p", schedule=Cron("0 * * * *"))` deploys it without an image build.',
      "3.0.5",
      /`deploy` has no `schedule` parameter/,
    ],
    [runner, "2.19.0", /ThreadPoolTaskRunner` only exists from Prefect 3\.0\.0/],
    [
      "Limit the threads with `task_runner=ThreadPoolTaskRunner(max_threads=8)` on the flow.",
      "3.4.20",
      /`ThreadPoolTaskRunner` has no `max_threads` parameter/,
    ],
    ['Store it with `Variable.set("region", "eu", replace=True)`.', "3.4.20", /`set` has no `replace` parameter/],
    // The class is the one that had the member; gone from the release, the member is judged with its history.
    [
      'Call `Deployment.build_from_flow(flow=f, name="x")` to build it.',
      "3.4.20",
      /was removed after Prefect 2\.20\.25/,
    ],
    // A variable named for what it holds (`state`, `fut`) is an instance of that type.
    ["Call `state.result(fetch=True)` to load it.", "3.4.20", /`result` has no `fetch` parameter/],
    [
      'Then `run_deployment(name="etl/prod", timeout=0).wait()` blocks until it ends.',
      "3.4.20",
      /`FlowRun` objects have no `\.wait\(\)`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [chain, "2.20.0"],
    [aread, "3.4.20"],
    [runner, "3.4.20"],
    ['Store it with `Variable.set("region", "eu", overwrite=True)`.', "3.4.20"],
    ["Call `state.result(fetch=True)` to load it.", "2.19.0"],
    ['Call `Deployment.build_from_flow(flow=f, name="x")` to build it.', "2.19.0"],
    ['In 2.x you had to call `Deployment.build_from_flow(flow=f, name="x")` instead.', "3.4.20"],
    ['Then `run_deployment(name="etl/prod", timeout=0).state` tells you how it ended.', "3.4.20"],
    // A user's own names resolve to nothing.
    ['Call `notify_team(channel="ops").send(urgent=True)` when it fails.', "3.4.20"],
    // Negated, or told as history: not a claim about the release.
    ["Unlike 3.x, 2.11 has no `my_flow.from_source(...)`.", "2.11.0"],
    ["Avoid `Automation.aread(id=x)` here: it does not exist yet.", "3.0.3"],
    [
      '`my_flow.deploy(name="x", work_pool_name="p", schedule=Cron("0 * * * *"))` deploys it without an image build.',
      "3.4.20",
    ],
    ["Run it without `my_flow.from_source(...)` on this release.", "2.11.0"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("flags written alone", () => {
  it.each([
    [
      "Pass `--overwrite` to replace the existing pool.",
      "2.16.5",
      /no `prefect` command of Prefect 2\.16\.5 takes `--overwrite`/,
    ],
    ["Use `--prefect-file` to point at a second config file.", "2.10.15", /`prefect deploy` has it in 2\.14\.14/],
    [
      "Use `--limit` with `prefect agent start` to cap runs.",
      "2.6.0",
      /`prefect agent start --limit` exists only in Prefect 2\.6\.10/,
    ],
    [
      "Run `prefect worker start --pool etl`. Add `--create-pool-if-not-found` to create it on the fly.",
      "3.4.20",
      /`prefect worker start(?:` has it in| --create-pool-if-not-found` exists only in Prefect) 3\.6\.23/,
    ],
    // No command written, a noun naming one command group says whose commands the flag is for.
    [
      "You can also label a queue with `--tag nightly`.",
      "3.5.0",
      /no `prefect work-queue` command of Prefect 3\.5\.0 takes `--tag`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Pass `--overwrite` to replace the existing pool.", "3.4.20"],
    ["Use `--prefect-file` to point at a second config file.", "2.19.0"],
    ["Run `prefect worker start --pool etl`. Add `--limit 5` to cap concurrent runs.", "3.4.20"],
    ["Use `--limit` with `prefect agent start` to cap runs.", "2.19.0"],
    // Not a flag any `prefect` command ever had: another tool's.
    ["Install it with `--no-cache-dir` to keep the image small.", "3.4.20"],
    // A noun naming a command group ("a queue": `work-queue`) with a flag one of its commands takes.
    ["You can also label a queue with `--tag nightly`.", "2.19.0"],
    ["Cap each queue with `--limit 5`.", "3.4.20"],
    // "the deployment" is also what the root `prefect deploy` makes.
    ['Schedule the deployment with `--cron "0 * * * *"`.', "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("what a callable returns, by its annotation", () => {
  it.each([
    [
      "Calling `Variable.get` hands back a `Variable` instance.",
      "3.4.20",
      /`get` returns `StrictVariableValue`, not a Variable/,
    ],
    ["`delay()` gives you a `PrefectConcurrentFuture`.", "3.4.20", /`delay` returns a `PrefectDistributedFuture`/],
    ["`my_task.submit()` returns a `State`.", "3.4.20", /`submit` returns a `PrefectFuture`, not a State/],
    ["You get a `PrefectFuture` back from `run_deployment`.", "3.4.20", /`run_deployment` returns a `FlowRun`/],
    ["The return value of `run_deployment` is a `PrefectFuture`.", "3.4.20", /`run_deployment` returns a `FlowRun`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Calling `Variable.get` hands back a `Variable` instance.", "2.19.0"],
    ["`delay()` gives you a `PrefectDistributedFuture`.", "3.4.20"],
    ["`my_task.submit()` returns a `PrefectFuture`.", "3.4.20"],
    ["You get a `FlowRun` back from `run_deployment`.", "3.4.20"],
    ["The return value of `run_deployment` is a `FlowRun`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a setting's quantity stated anywhere in the sentence", () => {
  it.each([
    [
      "Workers check for new runs every 25 seconds (`PREFECT_WORKER_QUERY_SECONDS`).",
      "3.4.20",
      /`PREFECT_WORKER_QUERY_SECONDS` defaults to `10`, not 25 seconds/,
    ],
    [
      "`PREFECT_LOGGING_TO_API_MAX_LOG_SIZE` limits each message to 2,000 bytes by default.",
      "3.4.20",
      /defaults to `1000000`, not 2000 bytes/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Workers check for new runs every 10 seconds (`PREFECT_WORKER_QUERY_SECONDS`).", "3.4.20"],
    ["`PREFECT_LOGGING_TO_API_MAX_LOG_SIZE` limits each message to 1,000,000 bytes by default.", "3.4.20"],
    // A value to set, not what the value is.
    ["Set `PREFECT_WORKER_QUERY_SECONDS` to 30 to poll less often.", "3.4.20"],
    ["Raise `PREFECT_WORKER_QUERY_SECONDS` to 60 seconds if the API is busy.", "3.4.20"],
    // A quantity next to a switch is some other value's.
    ["Logs go to the API (`PREFECT_LOGGING_TO_API_ENABLED` is `True`) in batches every 3 seconds.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("parameters named alone, owned by a type noun or called a parameter", () => {
  it.each([
    ["Give each task an `on_running` hook to log when it begins.", "3.3.2", /`Task` has no `on_running` parameter/],
    ["Attach an `on_running` hook to the flow to announce that it started.", "2.12.1", /`Flow` has no `on_running`/],
    ["`on_crashed` works on tasks as well.", "3.4.20", /`Task` has no `on_crashed` parameter/],
    ["Pass a `retry_condition_fn` to decide which errors are worth retrying.", "2.12.1", /takes it from 2\.14\.13/],
    ["Use the `lease_duration` argument so a dead worker frees its slot.", "3.3.4", /takes it from 3\.4\.10/],
    // A flow or task option written as a keyword next to the other type's noun.
    [
      "`cache_expiration=timedelta(days=1)` makes the flow reuse results for a day.",
      "3.4.20",
      /`Flow` has no `cache_expiration` parameter/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Give each task an `on_running` hook to log when it begins.", "3.6.0"],
    ["Attach an `on_running` hook to the flow to announce that it started.", "2.19.0"],
    ["`on_failure` works on tasks as well.", "3.4.20"],
    ["Pass a `retry_condition_fn` to decide which errors are worth retrying.", "2.19.0"],
    ["Use the `lease_duration` argument so a dead worker frees its slot.", "3.4.20"],
    ["`cache_expiration=timedelta(days=1)` makes the task reuse results for a day.", "3.4.20"],
    // A keyword no flow or task ever took is a call's own argument or another API's option.
    ["Call the task with `x=1` and it sleeps once.", "3.4.20"],
    ["Use `strict=True` so the limit must exist, while tasks keep running.", "3.8.3"],
    // A run's settings are not the type's parameters.
    ["The `retries` option on a flow run is read from the deployment.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a keyword's history and default, whichever API takes it", () => {
  it.each([
    [
      "`log_prints=True` echoes print calls; that keyword arrived in 3.1.",
      "3.4.20",
      /`log_prints` of `Flow` first appeared in Prefect 2\.6\.10, not 3\.1/,
    ],
    // The owner is the type noun after "on": the task's hook came later than the flow's.
    [
      "The `on_running` hook on tasks was added in 3.0.",
      "3.6.0",
      /`on_running` of `Task` first appeared in Prefect 3\.5\.0/,
    ],
    [
      "The `on_running` hook on flows has been around since 2.10.",
      "3.6.0",
      /`on_running` of `Flow` first appeared in Prefect 2\.16\.3/,
    ],
    ["`.delay()` on tasks arrived in 3.4.", "3.6.0", /`prefect\.tasks\.Task\.delay` first appeared in Prefect 3\.0\.0/],
    ["`Cron` has `day_or=False` by default.", "3.4.20", /`day_or` of `Cron` defaults to `True`, not False/],
    [
      'Write it with `Variable.set("k", "v", overwrite=True)`; `overwrite` is `True` by default.',
      "3.4.20",
      /`overwrite` of `set` defaults to `False`, not True/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`log_prints=True` echoes print calls; that keyword arrived in 2.6.", "3.4.20"],
    ["The `on_running` hook on tasks was added in 3.5.", "3.6.0"],
    ["The `on_running` hook on flows has been around since 2.16.", "3.6.0"],
    ["`.delay()` on tasks arrived in 3.0.", "3.6.0"],
    ["`Cron` has `day_or=True` by default.", "3.4.20"],
    ['Write it with `Variable.set("k", "v", overwrite=True)`; `overwrite` is `False` by default.', "3.4.20"],
    // "2.x-style" says what something resembles, not which release the sentence is about.
    ["That gets you 2.x-style caching back with `PREFECT_TASKS_DEFAULT_NO_CACHE=true`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a name placed in a Prefect module, and a setting's stated value", () => {
  it.each([
    [
      "The `JSON` block in `prefect.blocks.system` stores arbitrary structured data.",
      "3.5.0",
      /`prefect\.blocks\.system\.JSON` was removed after Prefect 3\.4\.25/,
    ],
    [
      "The `wait` helper from `prefect.futures` blocks on a list of futures.",
      "2.19.0",
      /only exists from Prefect 3\.0\.0/,
    ],
    [
      "`PREFECT_RESULTS_PERSIST_BY_DEFAULT` is `True` on this version, so results are always written.",
      "3.4.20",
      /defaults to `False`, not True/,
    ],
    // "longer" alone tells no history.
    [
      "To keep them longer, raise `PREFECT_SERVER_EVENTS_RETENTION_PERIOD`.",
      "3.0.3",
      /only exists from Prefect 3\.0\.11/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `JSON` block in `prefect.blocks.system` stores arbitrary structured data.", "3.4.20"],
    ["The `wait` helper from `prefect.futures` blocks on a list of futures.", "3.4.20"],
    [
      "`PREFECT_RESULTS_PERSIST_BY_DEFAULT` is `False` on this version, so results are only written when asked.",
      "3.4.20",
    ],
    // A condition or an instruction, not what the value is.
    ["If `PREFECT_RESULTS_PERSIST_BY_DEFAULT` is `True`, every task result is written to storage.", "3.4.20"],
    ["Set `PREFECT_RESULTS_PERSIST_BY_DEFAULT` to `True` and results are always written.", "3.4.20"],
    ["To keep them longer, raise `PREFECT_SERVER_EVENTS_RETENTION_PERIOD`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a version as a modifier, and a limit stated as a comparison", () => {
  it.each([
    ["The 2.x command `prefect agent start` still works here.", "3.4.20", /exists only in Prefect 2\.0\.0–2\.20\.25/],
    ["Messages longer than 5 KB are dropped (`PREFECT_LOGGING_TO_API_MAX_LOG_SIZE`).", "3.4.20", /not 5 kb/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The 2.x command `prefect agent start` still works here.", "2.19.0"],
    // "in the 2.x docs" still scopes the clause.
    ["In the 2.x docs, `prefect agent start` is the way to pick up runs.", "3.4.20"],
    ["Messages longer than 1 MB are dropped (`PREFECT_LOGGING_TO_API_MAX_LOG_SIZE`).", "3.4.20"],
    // A constraint on the value, not the value.
    ["`PREFECT_WORKER_QUERY_SECONDS` must be greater than 2.", "3.4.20"],
    // A quantity in another clause is some other value.
    [
      "A worker counts as offline 90 seconds after its last heartbeat, but you can tune `PREFECT_WORKER_HEARTBEAT_SECONDS`.",
      "3.4.20",
    ],
    // Two quantities: neither is said to be the setting's.
    ["Runs with more than 3 retries are rare; `PREFECT_TASK_DEFAULT_RETRIES` stays at 0.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("names Prefect only re-exports from another library", () => {
  it.each([
    // pydantic's `BaseModel` reached 2.x only through a compatibility module: it is not a Prefect API in any release.
    ["Declare the inputs as a `BaseModel` subclass.", "3.4.20"],
    ["Declare the inputs as a `BaseModel` subclass.", "2.20.0"],
    ["Pass your `BaseModel` as the `wait_for_input` argument to `pause_flow_run` and it is used instead.", "2.20.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a setting's value said by its topic, without its name", () => {
  it.each([
    [
      "Workers poll the API every 30 seconds for scheduled runs.",
      "3.4.20",
      /`PREFECT_WORKER_QUERY_SECONDS` defaults to `10`, not 30 seconds/,
    ],
    ["Agents check for work every 15 seconds.", "2.8.0", /`PREFECT_AGENT_QUERY_INTERVAL` defaults to `10`/],
    [
      "The scheduler loop wakes up every five minutes.",
      "3.4.20",
      /SCHEDULER_LOOP_SECONDS` defaults to `60`, not 5 minutes/,
    ],
    [
      "Logs are batched and sent every 10 seconds.",
      "3.4.20",
      /`PREFECT_LOGGING_TO_API_BATCH_INTERVAL` defaults to `2\.0`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Workers poll the API every 10 seconds for scheduled runs.", "3.4.20"],
    ["Agents check for work every 15 seconds.", "2.19.0"],
    ["The scheduler loop wakes up every 60 seconds.", "3.4.20"],
    ["Logs are batched and sent every 2 seconds.", "3.4.20"],
    // A wish, an instruction, or someone else's polling.
    ["To make workers poll every 5 seconds, lower the query interval.", "3.4.20"],
    ["Your flow polls an external API every 20 seconds until the job finishes.", "3.4.20"],
    ["The worker checks each of its 3 queues in turn.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a list of a type's members", () => {
  it("judges each member of the list against the type named before it", () => {
    expect(facts("Futures expose `.state` and `.result()`, plus `.cancel()` to stop them.", "3.0.0")).toMatch(
      /`PrefectFuture` objects have no `\.cancel\(\)`/,
    );
    expect(facts("Futures expose `.state` and `.result()`, plus `.wait()` to block.", "3.0.0")).toBe("");
  });
});

describe("a behaviour said to carry over ('works the same way inside a task')", () => {
  it.each([
    [
      "Calling `suspend_flow_run` inside a task behaves exactly like in a flow.",
      "3.4.20",
      /raises "Cannot suspend task runs\."/,
    ],
    ["`suspend_flow_run()` works just the same from inside a task.", "2.19.0", /raises "Cannot suspend task runs\."/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`suspend_flow_run` inside a task fails with an error; use it in the flow body.", "3.4.20"],
    ["`suspend_flow_run` works inside a flow, not inside a task.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("whose a keyword, type, flag or member is", () => {
  // Each reading: a false sentence the facts decide, and true sentences of the same shape that it must not flag.
  it.each([
    // Where things are passed ("pass them to `x=`") is a parameter of whatever takes it, judged as such.
    [
      "Build a `Cron` from `prefect.schedules` and pass it to `infra_overrides=`.",
      "3.4.20",
      /no Prefect 3\.4\.20 API takes `infra_overrides`/,
    ],
    // A one-word name after "a" is the value's type; a keyword after an adjective or called an argument is checked.
    ["`Interval` takes a `timedelta` and an optional `anchor_time`.", "3.2.11", /`Interval` has no `anchor_time`/],
    ["`Interval` takes a `seconds` argument.", "3.2.11", /`Interval` has no `seconds` parameter/],
    // A flag with no other actor between it and the command (a condition keeps the action) is the command's.
    [
      "`prefect work-pool get-default-base-job-template` works if you add `--base-job-template`.",
      "3.4.20",
      /has no `--base-job-template` option/,
    ],
    // A classmethod written with its class is a member of the class that has it, with that class's history.
    [
      "`Variable.get` reads it back.",
      "2.16.4",
      /`prefect\.variables\.Variable\.get` only exists from Prefect 2\.17\.0/,
    ],
    ["`Variable.fetch` reads it back.", "3.4.20", /`Variable` objects have no `\.fetch\(\)`/],
    // A pronoun after a call written with keywords stands for the keyword, owned by the call.
    [
      "`@flow(log_prints=True)` captures prints; it was added in 2.9.0.",
      "2.11.5",
      /`log_prints` of `Flow` first appeared in Prefect 2\.6\.10, not 2\.9\.0/,
    ],
    [
      "There is also a `holder=` argument on `concurrency`, but it was only added in 3.6.",
      "3.5.0",
      /`holder` of `concurrency` first appeared in Prefect 3\.4\.19, not 3\.6/,
    ],
    // A flag denied alone after a command is that command's.
    [
      "`prefect deployment schedule create` takes `--cron`, but there is no `--timezone` flag.",
      "3.2.11",
      /takes `--timezone` in Prefect 3\.2\.11/,
    ],
    // "defaults to `kw=value`" states the keyword's default.
    ["Note that `Cron` defaults to `day_or=True` here.", "3.2.11", /`day_or` of `Cron` defaults to `False`, not True/],
    // Raising a setting past a limit the sentence stated says the limit is its value.
    [
      "Log lines over 10,000 characters get discarded; raise `PREFECT_LOGGING_TO_API_MAX_LOG_SIZE` to keep them.",
      "2.11.5",
      /defaults to `1000000`, not 10000/,
    ],
    // "throughout 3.x" is every release of the line, gaps included.
    [
      "The `schedule=` keyword on `flow.serve()` has been available throughout 3.x.",
      "3.2.11",
      /`schedule` of `serve` is not in Prefect 3\.0\.0/,
    ],
    ["`prefect.schedules.Cron` has been available throughout 3.x.", "3.4.0", /not in Prefect 3\.0\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Build a `Cron` from `prefect.schedules` and pass it to `schedules=[...]`.", "3.2.11"],
    ["Pass `job_variables={}` to `run_deployment` to change the image.", "3.4.20"],
    ["`Interval` takes a `timedelta` and an optional `anchor_date`.", "3.2.11"],
    ["`Cron` takes a `str` and an optional `timezone`.", "3.2.11"],
    [
      "`prefect work-pool get-default-base-job-template --type kubernetes` gives you a JSON file that you then pass to `--base-job-template`.",
      "3.4.20",
    ],
    ["On 3.x, `Variable.get` hands back the stored value.", "2.16.4"],
    ["`Variable.get` reads it back.", "2.19.0"],
    ["`@flow(log_prints=True)` captures prints; it was added in 2.6.10.", "2.11.5"],
    ["There is also a `holder=` argument on `concurrency`, and it was added in 3.4.19.", "3.5.0"],
    ["`prefect deployment schedule create` takes `--cron`, but there is no `--every` flag.", "3.2.11"],
    ["Note that `Cron` defaults to `day_or=True` here.", "3.4.20"],
    [
      "Log lines over 1,000,000 characters get discarded; raise `PREFECT_LOGGING_TO_API_MAX_LOG_SIZE` to keep them.",
      "2.11.5",
    ],
    ["Runs give up after 5 seconds; raise `PREFECT_LOGGING_TO_API_MAX_LOG_SIZE` to keep them.", "2.11.5"],
    ["The `retries=` keyword on `@flow` has been available throughout 3.x.", "3.4.0"],
    ["The `schedule=` keyword on `flow.deploy()` was dropped in 3.0 and came back in 3.2.", "3.2.4"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a version as a comparison, and a keyword said of the release outright", () => {
  it.each([
    // "just like in 2.x" compares: the clause is still about the asker's release.
    [
      "`prefect variable delete my_var` removes it, just like in 2.x.",
      "3.4.20",
      /`prefect variable delete` exists only in Prefect 2\.10\.0–2\.20\.25/,
    ],
    ["`prefect variable delete my_var` removes it, the same as on 2.x.", "3.4.20", /not 3\.4\.20/],
    // A keyword the release does not take yet, said of the release in so many words.
    ["`cache_policy=INPUTS` is how you spell it in 2.19.", "2.19.4", /`Task` takes it from 3\.0\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`prefect variable delete my_var` removes it, just like in 2.x.", "2.16.0"],
    ["In 2.x, `prefect variable delete my_var` removed it.", "3.4.20"],
    ["`cache_policy=INPUTS` is how you spell it in 3.0.", "3.0.0"],
    // No release named: it may be the next release's spelling an upgrade guide recommends.
    ["`cache_policy=INPUTS` is how you spell it.", "2.19.4"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a feature named by a plain noun, dated by its module", () => {
  it.each([
    [
      "Artifacts arrived in 2.12, so upgrade first.",
      "2.19.0",
      /`prefect\.artifacts` first appeared in Prefect 2\.9\.0/,
    ],
    ["Variables were added to Prefect in 2.14.", "2.16.4", /`prefect\.variables` first appeared in Prefect 2\.10\.0/],
    [
      "Workers only showed up in 2.14, so upgrade first.",
      "2.19.3",
      /`prefect\.workers` first appeared in Prefect 2\.10\.0/,
    ],
    // Agents are dated by their command: `prefect.agent` stayed on in 3.x as a stub.
    [
      "Stay on 2.18, because agents were dropped in 2.19.",
      "2.18.2",
      /`prefect agent start` was last present in Prefect 2\.20/,
    ],
    [
      "Agents went away in 3.0 and were removed in 2.20 already.",
      "2.20.5",
      /removed in 3\.0\.0\), not removed in 2\.20/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Variables were introduced in 2.10, so any 2.16 worker has them.", "2.16.4"],
    ["Transactions were added in 3.0.", "3.4.20"],
    // A kind of the feature has its own history (its own function's: `create_progress_artifact` came in 3.0.0).
    ["Progress artifacts have been around since 3.0.", "3.5.0"],
    ["Workers arrived in 2.10 and agents were removed in 3.0.", "2.19.3"],
    ["Agents were not deprecated until 2.16.4, so keeping one is fine.", "2.19.3"],
    ["On 2.16 agents still work; in 3.0 they were removed.", "2.16.4"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("setting both cache_policy and cache_key_fn is no error (fact sheet 13b)", () => {
  it.each([
    "Giving a task both `cache_policy` and `cache_key_fn` is an error.",
    "When both `cache_key_fn` and `cache_policy` are passed, the decorator raises at import time.",
  ])("false: %s", (text) => {
    expect(facts(text, "3.4.20")).toMatch(/cache_key_fn wins/);
  });

  it.each([
    "Giving a task both `cache_policy` and `cache_key_fn` is not an error: `cache_key_fn` wins with a warning.",
    "Setting both `cache_policy` and `cache_key_fn` logs a warning and `cache_key_fn` wins.",
    "A task whose `cache_key_fn` raises is retried; both run with `cache_policy` unset.",
  ])("true: %s", (text) => {
    expect(facts(text, "3.4.20")).toBe("");
  });
});

describe("default caching does not carry across flow runs (fact sheet 13b)", () => {
  it.each([
    ["A task run twice with the same inputs in separate flow runs hits the cache automatically.", "3.0.3"],
    ["Out of the box, a task given the same arguments in another flow run reuses the cached result.", "3.4.20"],
  ])("false: %s (%s)", (text, release) => {
    expect(facts(text, release)).toMatch(/default caching does not carry across flow runs/);
  });

  it.each([
    ["A task given the same arguments in another flow run does not reuse the cached result by default.", "3.4.20"],
    ["With `cache_policy=INPUTS`, the same inputs hit the cache across flow runs.", "3.4.20"],
    // Not said of the default: an earlier sentence may have set a policy.
    ["Then a task with the same inputs in another flow run hits the cache.", "3.4.20"],
    [
      "If you set `cache_key_fn=task_input_hash`, the same inputs always reuse the cached value in later runs.",
      "2.19.0",
    ],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a behaviour's words written as a call or a keyword in code", () => {
  it.each([
    ["Give `wait()` a `timeout=` and it raises `TimeoutError` when time runs out.", "3.4.20"],
    ["Should `wait()` reach its timeout, it throws.", "3.4.20"],
  ])("false: %s (%s)", (text, release) => {
    expect(facts(text, release)).toMatch(/`?prefect\.futures\.wait`? does not raise on timeout/);
  });

  it.each([
    ["Give `wait()` a `timeout=`; it returns the done and not-done sets without raising.", "3.4.20"],
    ["`as_completed()` with a `timeout=` raises `TimeoutError` when time runs out.", "3.4.20"],
    ["`my_wait()` with a `timeout=` raises when time runs out.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("the active profile loses to environment variables and project files (settings docs)", () => {
  it.each([
    ["Whatever your profile sets beats a `PREFECT_API_URL` environment variable.", "3.4.20"],
    ["Your profile overrides any environment variable of the same name.", "2.19.0"],
    ["The profile takes precedence over `prefect.toml` in the project.", "3.1.4"],
  ])("false: %s (%s)", (text, release) => {
    expect(facts(text, release)).toMatch(/take precedence over the active profile/);
  });

  it.each([
    ["Environment variables win over the profile.", "3.1.4"],
    ["An environment variable overrides the value in your profile.", "3.4.20"],
    ["The profile wins over the defaults.", "3.4.20"],
    ["A value in your profile does not win over an environment variable.", "3.4.20"],
    ["A profile overrides the defaults, and environment variables override the profile.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a suspended run restarts from the beginning on resume (v2 flows docs, v3 states)", () => {
  it.each([
    ["Once the suspended run is resumed, execution picks up right where `suspend_flow_run` was called.", "3.4.20"],
    ["After you resume a suspended flow run it continues from the next line.", "2.19.0"],
  ])("false: %s (%s)", (text, release) => {
    expect(facts(text, release)).toMatch(/runs again from the beginning/);
  });

  it.each([
    ["A resumed suspended run starts the flow from the beginning, so cache expensive tasks.", "3.4.20"],
    ["A paused run is resumed and picks up where it left off.", "3.4.20"],
    ["When a suspended run is resumed, it does not continue from the line after `suspend_flow_run`.", "2.19.0"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a module attribute served by its `get_<name>` function (prefect.runtime)", () => {
  it.each([
    [
      "Inside a subflow, `prefect.runtime.flow_run.root_flow_run_id` names the top-level run.",
      "2.16.5",
      /only exists from Prefect 3\.0\.0/,
    ],
    [
      "`prefect.runtime.flow_run.parent_flow_run_id` arrived in 2.16.",
      "2.19.0",
      /first appeared in Prefect 2\.10\.21, not 2\.16/,
    ],
    ["Read the run's number from `prefect.runtime.task_run.run_number`.", "3.4.20", /is not part of Prefect 3\.4\.20/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Read `prefect.runtime.task_run.id` to log the task run's ID.", "2.16.5"],
    ["In a subflow, `prefect.runtime.flow_run.parent_flow_run_id` is the calling run.", "2.16.5"],
    ["`prefect.runtime.flow_run.root_flow_run_id` was added in 3.0.", "3.2.0"],
    ["`prefect.runtime.deployment.name` is `None` outside a deployment run.", "2.19.0"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a setting's default stated in any form", () => {
  it.each([
    // Thousands written with commas, sizes of text in characters.
    [
      "Messages over `PREFECT_LOGGING_TO_API_MAX_LOG_SIZE` (100,000 characters by default) are cut.",
      "3.3.4",
      /defaults to `1000000`, not 100000/,
    ],
    [
      "Each batch holds up to 40,000,000 by default (`PREFECT_LOGGING_TO_API_BATCH_SIZE`).",
      "3.3.4",
      /defaults to `4000000`/,
    ],
    // A value to set, followed by what the default is.
    [
      "Turn it on with `PREFECT_LOGGING_LOG_PRINTS=true`, which defaults to `True` in 3.x.",
      "3.3.4",
      /defaults to `False`, not True/,
    ],
    [
      "Export `PREFECT_TASKS_REFRESH_CACHE=false`, which defaults to `True` anyway.",
      "3.6.10",
      /defaults to `False`, not True/,
    ],
    // `X=v` alone in brackets, in a sentence about what happens by default.
    ["Clients speak HTTP/2 by default (`PREFECT_API_ENABLE_HTTP2=True`).", "3.4.0", /defaults to `False`, not True/],
    [
      "Prefect's own loggers log at DEBUG by default (`PREFECT_LOGGING_LEVEL=DEBUG`).",
      "3.1.0",
      /defaults to `'INFO'`, not DEBUG/,
    ],
    // One or half of a unit said in words.
    [
      "Workers heartbeat every minute by default (`PREFECT_WORKER_HEARTBEAT_SECONDS`).",
      "3.4.20",
      /defaults to `30`, not 1 minute/,
    ],
    ["`PREFECT_API_REQUEST_TIMEOUT` defaults to half a minute.", "3.4.20", /defaults to `60\.0`, not 0\.5 minute/],
    // A switch said on or off.
    ["`PREFECT_LOGGING_TO_API_ENABLED` ships turned off.", "3.4.20", /defaults to `True`, not False/],
    [
      "CSRF protection is on by default (`PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED`).",
      "3.4.20",
      /defaults to `False`, not True/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Messages over `PREFECT_LOGGING_TO_API_MAX_LOG_SIZE` (1,000,000 characters by default) are cut.", "3.3.4"],
    ["Set `PREFECT_LOGGING_LOG_PRINTS=true`, which defaults to `False`.", "3.3.4"],
    ["HTTP/2 is off by default (`PREFECT_API_ENABLE_HTTP2=False`).", "3.4.0"],
    ["Requests time out after a minute by default (`PREFECT_API_REQUEST_TIMEOUT`).", "3.4.20"],
    ["Sending logs to the API is enabled by default (`PREFECT_LOGGING_TO_API_ENABLED`).", "3.4.20"],
    [
      "CSRF protection is off by default (`PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED`), so turn it on if exposed.",
      "3.4.20",
    ],
    // The feature is on, the switch named for turning it off is not; a switch's word said of a number setting.
    ["Caching is on by default (`PREFECT_TASKS_DISABLE_CACHING`).", "3.4.20"],
    ["The server is on by default at port 4200 (`PREFECT_SERVER_API_PORT`).", "3.4.20"],
    [
      "Workers heartbeat every 30 seconds by default (`PREFECT_WORKER_HEARTBEAT_SECONDS`), so check again in a minute.",
      "3.4.20",
    ],
    // The value to set, not the default: a verb of setting or a wish makes it so.
    ["HTTP/2 is off by default; enable it with (`PREFECT_API_ENABLE_HTTP2=True`).", "3.4.0"],
    ["If you want HTTP/2 by default, use (`PREFECT_API_ENABLE_HTTP2=True`).", "3.4.0"],
    ["HTTP/2 is off by default, so start the client with (`PREFECT_API_ENABLE_HTTP2=True`).", "3.4.0"],
    ["Log at DEBUG instead of the default (`PREFECT_LOGGING_LEVEL=DEBUG`).", "3.1.0"],
    // A default computed at runtime is not its source text.
    ["Results go under `PREFECT_RESULTS_LOCAL_STORAGE_PATH`, which defaults to `~/.prefect/storage`.", "3.6.10"],
    ["`PREFECT_HOME` defaults to `~/.prefect`.", "3.2.0"],
    // A version past a ";" is its own part's: the default before it is the asker's release's.
    [
      "Requests time out after 60 seconds by default (`PREFECT_API_REQUEST_TIMEOUT`); before 2.12 it was 30.",
      "2.14.10",
    ],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("names written relative to a module that serves attributes (prefect.runtime)", () => {
  it.each([
    [
      "Read `flow_run.root_flow_run_id` from `prefect.runtime` for the top-level run.",
      "2.19.3",
      /only exists from Prefect 3\.0\.0/,
    ],
    [
      "`from prefect.runtime.flow_run import root_flow_run_id` works on 2.x.",
      "2.19.3",
      /only exists from Prefect 3\.0\.0/,
    ],
    [
      "`prefect.runtime.flow_run` gives `id`, `name` and `job_variables`.",
      "3.0.3",
      /`prefect\.runtime\.flow_run\.job_variables` only exists from Prefect 3\.1\.6/,
    ],
    [
      "`prefect.runtime.task_run` has `id`, `name` and `ui_url`.",
      "3.0.3",
      /`prefect\.runtime\.task_run\.ui_url` only exists from Prefect 3\.1\.15/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Read `flow_run.parent_flow_run_id` from `prefect.runtime` (2.10.21+).", "2.19.3"],
    ["`from prefect.runtime.flow_run import id` works too.", "3.4.20"],
    [
      "`prefect.runtime.flow_run` gives `id`, `name`, `ui_url` and `parameters`; `deployment` gives `version`.",
      "3.4.20",
    ],
    // The getter named with the module's noun (`get_flow_run_ui_url`) serves `ui_url`.
    ["Link the run with `prefect.runtime.flow_run.ui_url`.", "3.4.20"],
    // Not relative: Python's own `asyncio`, and a module that serves no attributes.
    ["Use `asyncio.Semaphore` to cap it, not `prefect.concurrency`.", "3.4.20"],
    ["Import `concurrency` from `prefect.concurrency.sync`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("settings offered as alternatives, placeholders and runtime overrides", () => {
  it.each([
    ["Set `PREFECT_SERVER_UI_API_URL` on the server.", "2.19.3", /only exists from Prefect 3\.0\.11/],
    [
      "Set `PREFECT_SERVER_UI_APIURL` or `PREFECT_UI_APIURL` on the server.",
      "3.4.20",
      /no Prefect release has a setting named/,
    ],
    ["Set `PREFECT_TASKS_DEFAULT_RETRIEZ` to 3.", "3.4.20", /no Prefect release has a setting named/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Two spellings, one per release: the one the release has makes the sentence hold.
    ["Set `PREFECT_SERVER_UI_API_URL` (or `PREFECT_UI_API_URL`, the older name) on the server.", "2.19.3"],
    ["Set `PREFECT_UI_API_URL` or `PREFECT_SERVER_UI_API_URL`, whichever your release knows.", "2.19.3"],
    // A placeholder and a runtime override are no setting names.
    ["The task settings all start with `PREFECT_TASK_...` in 2.x.", "3.4.20"],
    ["Fake runtime values in tests with `PREFECT__RUNTIME__FLOW_RUN__ID`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a version qualifier in brackets right after a clause", () => {
  it.each([["Prefer `flow.deploy()` with a work pool (2.12+).", "2.10.21", /`Flow` objects have no `\.deploy\(\)`/]])(
    "false: %s (%s)",
    (text, release, fact) => {
      expect(facts(text, release)).toMatch(fact);
    },
  );

  it.each([
    ["In 2.x the old way is `Deployment.build_from_flow(...)`; prefer `flow.deploy()` (2.14+).", "2.10.21"],
    ["Use `prefect.schedules.Cron` for new code (3.2+).", "3.1.0"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("names that are no claim about a Prefect API", () => {
  it.each([
    // A file name, a list label, an instance attribute the constructor sets, an event or resource name, an
    // integration package's setting.
    ["Put the flow in `my_flow.py` and deploy it from there.", "3.4.20"],
    ["Keep `flows.yaml` next to `prefect.yaml`.", "3.4.20"],
    // A setting's `prefect.toml` key.
    ["In `prefect.toml` the same setting is `flows.heartbeat_frequency`.", "3.7.2"],
    ["The entrypoint is the file and the function, such as `my_flow.py:my_func`.", "3.4.20"],
    ["`parameters`: a dictionary of default values passed to runs of this flow.", "3.4.20"],
    ["In addition to `task.tags`, the run gets the extra tags.", "3.4.20"],
    ["Listen for `prefect.flow-run.Completed` on `prefect.flow-run.{uuid}` resources.", "3.4.20"],
    ["Point `PREFECT_REDIS_MESSAGING_HOST` at your Redis server.", "3.4.20"],
    ["Set `PREFECT_INTEGRATIONS_AWS_ECS_OBSERVER_SQS_QUEUE_NAME` for the observer.", "3.4.20"],
    // A nested command group, a module path, a deployment's name in code.
    ["Manage them with the `prefect cloud webhook` command group.", "3.4.20"],
    ["Add more with `prefect deployment schedule create`, or list them with `prefect deployment schedule`.", "3.4.20"],
    ["The entrypoint can be a module path such as `my_module.my_flow.my_func`.", "3.4.20"],
    ["We define two deployments of the `hello` flow: `default` and `nightly`.", "3.4.20"],
    // The user's own flow's parameters and tasks, and a value's built-in type.
    ["Call your flow with different values for the `repo_name` parameter.", "3.4.20"],
    ["With the default parameter values the flow fails on the `process_data` task.", "3.4.20"],
    ["Pass a type such as `str` into `receive_input` and Prefect builds the input class.", "3.4.20"],
    // "in the `.deploy` method" says whose argument it is, not the flow the sentence also names.
    ["To give your flow parameters, use the `parameters` argument in the `.deploy` method.", "3.4.20"],
    // A keyword in a clause that tells its removal is history, whatever callable the sentence gave it.
    [
      'Pass `cron="0 6 * * *"` to `.deploy()`; 3.0 and 3.1 dropped the single `schedule=` argument, and 3.2 brought it back.',
      "3.4.20",
    ],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    ["Call `my_flow.submit()` to run it in the background.", "3.4.20", /`Flow` objects have no `\.submit\(\)`/],
    // A Prefect option said of the wrong type is still read.
    ["Set the `cache_policy` parameter on your flow.", "3.4.20", /`Flow` has no `cache_policy` parameter/],
    ["Use the `cache_policy` argument in the `.deploy` method.", "3.4.20", /`deploy` has no `cache_policy` parameter/],
    [
      "Set `PREFECT_UI_DISABLED=true` to turn the UI off.",
      "3.4.20",
      /no Prefect release has a setting named `PREFECT_UI_DISABLED`/,
    ],
    ["Read `prefect.runtime.flow_run.nme` for the name.", "3.4.20", /is not part of Prefect 3\.4\.20/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});

describe("readings that misfired on true sentences (blind sets 8 and 9)", () => {
  it.each([
    // A default written with thousands separators is one number.
    ["The per-message cap, `PREFECT_LOGGING_TO_API_MAX_LOG_SIZE`, defaults to 1,000,000 bytes.", "3.1.12"],
    ["`PREFECT_LOGGING_TO_API_BATCH_SIZE` defaults to 4,000,000, so big batches are fine.", "3.4.20"],
    // A keyword whose value calls the clause's callable goes to another call, not to its own value.
    ["Pass `retry_delay_seconds=exponential_backoff(backoff_factor=10)`, importing it from `prefect.tasks`.", "3.3.7"],
    [
      "Set `task_runner=ThreadPoolTaskRunner(max_workers=4)`, with `ThreadPoolTaskRunner` from `prefect.task_runners`.",
      "3.4.20",
    ],
    // A member written as `.apply()` is never the name an import statement is about.
    ["Call `.apply()` after it, with `Deployment` imported from `prefect.deployments`.", "2.14.10"],
    ["Chain `.deploy()` on it, importing `flow` from `prefect`.", "3.4.20"],
    // A variable spelled like a runtime module is that module's attribute when the module serves it.
    ["`flow_run.parent_flow_run_id` is also available if you need the parent.", "2.16.8"],
    ["Read `flow_run.scheduled_start_time` to know when it was due.", "2.16.8"],
    ["`task_run.run_count` tells you which attempt this is.", "2.16.8"],
    // A keyword only the class a decorator builds lists (`Task.__init__`) is not settled by the decorator's own list.
    ["Register cleanup with `@upload.on_rollback`, or pass `on_rollback=[...]` to `@task`.", "3.3.2"],
    ["Commit hooks go in `on_commit=[...]` on `@task`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    [
      "The per-message cap, `PREFECT_LOGGING_TO_API_MAX_LOG_SIZE`, defaults to 2,000,000 bytes.",
      "3.1.12",
      /defaults to `1000000`, not 2000000/,
    ],
    [
      "Pass `retry_delay_seconds=exponential_backoff(backoff_factr=10)` to the task.",
      "3.3.7",
      /no `backoff_factr` parameter/,
    ],
    ["`flow_run.root_flow_run_id` gives you the top of the run tree.", "2.16.8", /only exists from Prefect 3\.0\.0/],
    ["`flow_run.ui_url` links to the run in the UI.", "2.14.4", /only exists from Prefect 2\.14\.17/],
    ["Pass `on_rollback=[...]` to `@task` to undo the write.", "2.19.0", /no `on_rollback` parameter/],
    ["Pass `on_flumph=[...]` to `@task`.", "3.4.20", /no `on_flumph` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});

describe("a leading condition that names code and negates keeps its negation to itself", () => {
  it.each([
    [
      "If you don't set `retries`, tasks fall back to `PREFECT_TASKS_DEFAULT_RETRIES`.",
      "3.0.3",
      /only exists from Prefect 3\.0\.11/,
    ],
    ["If you don't pass `timeout=`, `run_deployment` hands back a `PrefectFuture`.", "3.4.20", /returns a `FlowRun`/],
    [
      "When you don't need `.result()`, call `my_flow.submit()` to start it.",
      "3.4.20",
      /`Flow` objects have no `\.submit\(\)`/,
    ],
    // … and a relative clause after a setting states its value.
    [
      "If you don't set `retries`, tasks fall back to `PREFECT_TASKS_DEFAULT_RETRIES`, which is `3`.",
      "3.4.20",
      /defaults to `0`, not 3/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["If you don't set `retries`, tasks fall back to `PREFECT_TASKS_DEFAULT_RETRIES`, which is `0`.", "3.4.20"],
    // The condition's own names stay negated: a name the release lacks is fine there.
    ["If you don't use `Deployment.build_from_flow`, call `my_flow.deploy()`.", "3.4.20"],
    ["If you aren't on `prefect.runner.submit_to_runner`, run the flow with `my_flow.serve()`.", "3.8.3"],
    // A negation after the comma is still the claim's.
    ["If you set `retries`, tasks don't fall back to `PREFECT_TASK_DEFAULT_RETRIES`.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a method called on a variable spelled like a Prefect class", () => {
  it.each([
    [
      "To stop an automation for a while, call `automation.pause()`.",
      "3.5.0",
      /`Automation` objects have no `\.pause\(\)`/,
    ],
    ['Then persist it with `await secret.asave("db-password")`.', "3.6.5", /`Secret` objects have no `\.asave\(\)`/],
    ['The async spelling is `await block.asave("alerts")`.', "3.5.0", /`Block` objects have no `\.asave\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Read it back with `secret.get()`.", "3.4.20"],
    ['Store it with `block.save("alerts", overwrite=True)`.', "3.4.20"],
    ['The async spelling is `await block.asave("alerts")`.', "3.8.3"],
    // Negated or history: not a claim about the release.
    ["There is no `automation.pause()`; use the UI toggle.", "3.5.0"],
    // A variable named like a task's keyword holds whatever was passed there (a subclass may add members).
    ['`cache_policy.configure(key_storage="s3-bucket/cache")` keeps records elsewhere.', "3.0.0"],
    // A user's own names that spell no Prefect class.
    ["Call `client.read_flow_run(flow_run_id)` for the record.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("'old' in a leading phrase that names no code", () => {
  it.each([
    ["Like the old agent, `prefect worker start` takes `--tag` to filter runs.", "3.6.9", /has no `--tag` option/],
    [
      "Just as with the old agents, `prefect worker start --tag etl` picks up tagged runs.",
      "3.4.20",
      /has no `--tag` option/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Like the old agent, `prefect worker start` takes `--pool`.", "3.6.9"],
    // "old" before the code, or scoping releases, still tells history.
    ["The old `prefect agent start` command polled work queues.", "3.4.20"],
    ["On older releases, start one with `prefect agent start`.", "3.4.20"],
    ["`prefect config validate` rewrites a profile's old names, such as `PREFECT_ORION_API_HOST`.", "2.20.25"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("'without' negates only its own phrase", () => {
  it.each([
    [
      "To run just the API without the background services, add `--no-services`.",
      "3.0.4",
      /`prefect server start` has it in 3\.1\.13/,
    ],
    [
      "`prefect config unset PREFECT_API_URL -y` clears it without a confirmation prompt.",
      "2.19.3",
      /exists only in Prefect 3\.0\.0/,
    ],
    [
      "Without any extra setup, `my_flow.submit()` runs it in the background.",
      "3.4.20",
      /`Flow` objects have no `\.submit\(\)`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["To run just the API without the background services, add `--no-services`.", "3.4.20"],
    // Code inside the phrase is what "without" negates.
    ["Run the worker without `--tag`; it has no such flag.", "3.4.20"],
    ["It deploys without `Deployment.build_from_flow`, by design.", "3.4.20"],
    // "the schedule flags" are a kind of flag, not the `prefect schedule` commands'.
    ["`--timezone` and `--anchor-date` go with the schedule flags (2.6.5+).", "2.7.10"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a setting's default stated in another part of the sentence", () => {
  it.each([
    [
      "By default the server keeps events for 30 days; change that with `PREFECT_SERVER_EVENTS_RETENTION_PERIOD`.",
      "3.5.0",
      /defaults to `timedelta\(days=7\)`, not 30 days/,
    ],
    [
      "Out of the box, runs are scheduled 10 runs ahead by default — raise it with `PREFECT_SERVER_SERVICES_SCHEDULER_MAX_RUNS`.",
      "3.2.10",
      /defaults to `100`, not 10/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "By default the server keeps events for 7 days; change that with `PREFECT_SERVER_EVENTS_RETENTION_PERIOD`.",
      "3.5.0",
    ],
    // A quantity to set, or one in a part that is no default, is another value.
    [
      "Events are kept for a week by default; set `PREFECT_SERVER_EVENTS_RETENTION_PERIOD` to 30 days to keep more.",
      "3.5.0",
    ],
    [
      "By default the scheduler runs every 60 seconds; it plans 30 days ahead via `PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME`.",
      "3.5.0",
    ],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an undated removal of a plain capitalised class name", () => {
  it.each([
    [
      "`Secret` was removed along with them, so store credentials in a Variable.",
      "3.5.0",
      /`Secret` exists in Prefect 3\.5\.0/,
    ],
    ["`Secret` has been dropped.", "3.4.20", /`Secret` exists in Prefect 3\.4\.20/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Several readings (2.x's class and the client's schema), or only an API schema: left open.
    ["`Deployment` was removed, so use `flow.deploy()`.", "3.5.0"],
    ["`Agent` was removed along with the agents.", "3.5.0"],
    // Negated: not a removal.
    ["`Secret` was not removed.", "3.5.0"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a keyword's value said to be optional is its default", () => {
  it.each([
    [
      "`Variable.set` replaces what is there, so `overwrite=True` is optional.",
      "3.5.0",
      /`overwrite` of `set` defaults to `False`, not True/,
    ],
    [
      "With `Block.save`, `overwrite=True` is redundant.",
      "3.4.20",
      /`overwrite` of `save` defaults to `False`, not True/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`Variable.set` keeps an existing value, so `overwrite=False` is optional.", "3.5.0"],
    ["With `Block.save`, `overwrite=False` is redundant.", "3.4.20"],
    // Said to be needed, or with no callable in the sentence: no default stated.
    ["`Variable.set` refuses to replace a value, so `overwrite=True` is required.", "3.5.0"],
    ["In our helper, `overwrite=True` is optional.", "3.5.0"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a negation before 'more than' states a bound", () => {
  it.each([
    [
      "It never schedules more than 10 runs ahead, set by `PREFECT_SERVER_SERVICES_SCHEDULER_MAX_RUNS`.",
      "3.2.10",
      /defaults to `100`, not 10/,
    ],
    [
      "The scheduler creates no more than 10 runs per deployment (`PREFECT_SERVER_SERVICES_SCHEDULER_MAX_RUNS`).",
      "3.4.20",
      /defaults to `100`, not 10/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["It never schedules more than 100 runs ahead, set by `PREFECT_SERVER_SERVICES_SCHEDULER_MAX_RUNS`.", "3.2.10"],
    // A plain negation still negates.
    ["Flows never have `.submit()`.", "3.4.20"],
    ["`prefect agent start` is no longer available.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
