// Readings of the fifteenth round: pronouns that stand for what the previous sentence named, defaults stated in words,
// a protocol's version inside a word. One table per reading, false statements (flagged, with the deciding fact) and
// true, negated or other-release ones of the same shape. Texts are read as whole answers.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;
const HEARTBEAT = "On this release the flow heartbeat is configured with `PREFECT_FLOWS_HEARTBEAT_FREQUENCY`.";
const WITH_ALIAS =
  "The setting is `PREFECT_FLOWS_HEARTBEAT_FREQUENCY`, and the older `PREFECT_RUNNER_HEARTBEAT_FREQUENCY` name still works as an alias.";

describe('"It defaults to V" after a sentence that named one setting (and nothing else) states that setting\'s default', () => {
  it.each([
    [`${HEARTBEAT} It defaults to 180 seconds, so heartbeats are on.`, "3.6.15", /defaults to `None`.*not 180/],
    // An old name of the same setting named beside it is still one setting.
    [`${WITH_ALIAS} It defaults to 180 seconds on your release.`, "3.6.20", /defaults to `None`.*not 180/],
    ["Retries come from `PREFECT_TASK_DEFAULT_RETRIES`. Its default is 3.", "3.4.20", /defaults to `0`, not 3/],
    ["Turn on HTTP/2 with `PREFECT_API_ENABLE_HTTP2`. It defaults to `True`.", "3.4.20", /defaults to `False`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // True on a release where the default is 180.
    [`${HEARTBEAT} It defaults to 180 seconds, so heartbeats are on.`, "3.6.23"],
    [`${WITH_ALIAS} It defaults to 180 seconds.`, "3.6.22"],
    // The previous sentence named a callable too: "it" may be either.
    ["Set `PREFECT_TASK_DEFAULT_RETRIES` or pass `retries=` to `@task`. It defaults to 3.", "3.4.20"],
    // A value of a kind the setting never had (a port for a URL) is about something else.
    ["Point the client at your server with `PREFECT_API_URL`. It defaults to 4200.", "3.4.20"],
    // Two settings named before: which one "it" is stays open.
    ["Set `PREFECT_API_URL` and `PREFECT_API_REQUEST_TIMEOUT`. It defaults to 180 seconds.", "3.4.20"],
    // Not opening the sentence: "it" is no longer the previous sentence's subject.
    [`${HEARTBEAT} When the runner starts it defaults to 180 seconds.`, "3.6.15"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"Its `p` …" opening a sentence is the keyword of the one callable the previous sentence named', () => {
  it.each([
    [
      "On 3.3.0, `wait_for_flow_run` uses a default `timeout` of 10800 seconds. Its `poll_interval` defaults to 5 seconds.",
      "3.3.0",
      /`poll_interval` of `wait_for_flow_run` defaults to `None`, not 5/,
    ],
    [
      "`wait_for_flow_run` waits for a run to finish. Its `poll_interval` defaults to 5 seconds.",
      "3.3.0",
      /`poll_interval` of `wait_for_flow_run` defaults to `None`, not 5/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // 5 seconds was the default before 3.3.
    [
      "On 3.2.0, `wait_for_flow_run` uses a default `timeout` of 10800 seconds. Its `poll_interval` defaults to 5 seconds.",
      "3.2.0",
    ],
    ["`wait_for_flow_run` waits for a run to finish. Its `poll_interval` defaults to `None`.", "3.3.0"],
    // Two callables named before: whose keyword it is stays open.
    ["Use `wait_for_flow_run` or `run_deployment` to wait. Its `poll_interval` defaults to 5 seconds.", "3.3.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a switch's default in words: on / enabled / off / disabled by default, or a verb before 'unless you tell it not to'", () => {
  it.each([
    // "HTTP/2" is a word: its 2 is neither a quantity nor a release.
    [
      "HTTP/2 is enabled by default on 2.20.25 through `PREFECT_API_ENABLE_HTTP2`.",
      "2.20.25",
      /`PREFECT_API_ENABLE_HTTP2` defaults to `False`, not True/,
    ],
    ["HTTP/2 is disabled by default (`PREFECT_API_ENABLE_HTTP2`).", "3.0.0", /defaults to `True`, not False/],
    [
      "`Variable.set` overwrites an existing variable unless you tell it not to.",
      "3.0.4",
      /`overwrite` of `set` defaults to `False`, not True/,
    ],
    [
      "`Variable.set` overwrites what is stored unless told otherwise.",
      "3.4.20",
      /`overwrite` of `set` defaults to `False`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["HTTP/2 is enabled by default on 2.20.6 through `PREFECT_API_ENABLE_HTTP2`.", "2.20.6"],
    ["HTTP/2 is disabled by default through `PREFECT_API_ENABLE_HTTP2`.", "2.20.25"],
    // Setting it is no statement of the default.
    ["To use HTTP/2, set `PREFECT_API_ENABLE_HTTP2=True`.", "2.20.25"],
    ["`Variable.set` does not overwrite an existing variable unless you tell it to.", "3.0.4"],
    // `deploy` builds the image unless told not to: its `build` is on by default.
    ["`flow.deploy()` builds the image unless you tell it not to.", "3.0.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('`.submit()` said to hand back "the task\'s return value" (fact sheet: it gives a future)', () => {
  it.each([
    [
      "Calling `my_task.submit(x)` hands you the task's return value directly, so you can use it like a plain value.",
      "3.4.20",
      /\.submit\(\) and \.map\(\) return futures/,
    ],
    ["`.map()` gives you each call's return value right away.", "2.20.25", /return futures at once/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`my_task.submit(x)` hands you a future; `.result()` on it gives the task's return value.", "3.4.20"],
    ["`my_task.submit(x)` does not give you the return value directly.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"…, which you can change with `p`" names the parameter whose default the quantity is; "While it waits, it polls …"', () => {
  it.each([
    [
      "`run_deployment` blocks by default. While it waits, it checks the run's state every 10 seconds unless you change `poll_interval`.",
      "2.20.25",
      /`poll_interval` of `run_deployment` defaults to `5`, not 10 seconds/,
    ],
    [
      "`run_deployment` polls the API every 10 seconds, which you can change with `poll_interval`.",
      "2.19.5",
      /`poll_interval` of `run_deployment` defaults to `5`, not 10 seconds/,
    ],
    [
      "`run_deployment` blocks by default. While waiting it polls the API every 10 seconds.",
      "2.19.5",
      /defaults to `5`, not 10 seconds/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`run_deployment` polls the API every 5 seconds, which you can change with `poll_interval`.", "2.19.5"],
    // Passing or setting the value is no statement of the default.
    [
      "`run_deployment` blocks by default. While waiting it polls the API every 10 seconds if you set `poll_interval`.",
      "2.19.5",
    ],
    ["`run_deployment` polls the API every 10 seconds with `poll_interval=10`.", "2.19.5"],
    ["`run_deployment` polls every 10 seconds when you pass `poll_interval`.", "2.19.5"],
    // A leading phrase that names something else ("While that flow runs") is no pronoun subject.
    ["`run_deployment` blocks by default. While the flow that started it runs, it polls every 10 seconds.", "2.19.5"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"that option defaults to V" is the one keyword the previous sentence named, on its callable', () => {
  it.each([
    [
      "`enforce_parameter_schema` defaults to `True` in `flow.deploy()` on 3.x. In 2.x that option also defaulted to `True`.",
      "3.2.7",
      /in Prefect 2\.20\.25 `enforce_parameter_schema` of `deploy` defaults to `False`, not True/,
    ],
    ["Pass `retries=2` to `@task`. That option defaults to 3.", "3.2.7", /`retries` of `task` defaults to None/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "`enforce_parameter_schema` defaults to `True` in `flow.deploy()` on 3.x. In 2.x that option defaulted to `False`.",
      "3.2.7",
    ],
    ["Pass `retries=2` to `@task`. That option defaults to 0.", "3.2.7"],
    // Two keywords named before: which one is meant stays open.
    ["Pass `retries=2` and `retry_delay_seconds=5` to `@task`. That option defaults to 3.", "3.2.7"],
    // The sentence names a keyword of its own.
    ["Pass `retries=2` to `@task`. That option defaults to 3, like `max_retries`.", "3.2.7"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"You can (also) pass `x=…`" is an instruction about the asker\'s release, like "Pass `x=…`"', () => {
  it.each([
    [
      "You can pass `cache_policy=INPUTS` to cache by inputs.",
      "2.19.3",
      /no Prefect 2\.19\.3 API takes `cache_policy` \(`Task` takes it from 3\.0\.0\)/,
    ],
    ["You can also pass `cache_policy=INPUTS` to cache by inputs.", "2.20.25", /no Prefect 2\.20\.25 API takes/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["You can pass `cache_policy=INPUTS` to cache by inputs.", "3.1.4"],
    // An upgrade or a release in the sentence: the next release's spelling, not the asker's.
    ["After upgrading, you can pass `cache_policy=INPUTS` to cache by inputs.", "2.19.3"],
    ["On 3.x you can pass `cache_policy=INPUTS` to cache by inputs.", "2.19.3"],
    // Not the asker who passes it.
    ["The helper you can see here passes `cache_policy=INPUTS` for you.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a flag after "that command" / "this command" is the flag of the command the text named last', () => {
  const BUILD = "The block-based path still works: `prefect deployment build flows.py:etl -n prod -q default --apply`.";
  it.each([
    [
      `${BUILD} To target a work pool from that command, add \`--work-pool my-pool\`.`,
      "2.16.4",
      /`prefect deployment build` has no `--work-pool` option in Prefect 2\.16\.4/,
    ],
    [
      `${BUILD} This command also accepts \`--flow-run-name\`.`,
      "2.16.4",
      /`prefect deployment build` has no `--flow-run-name` option/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [`${BUILD} To target a work pool from that command, add \`--pool my-pool\`.`, "2.16.4"],
    // No pointer back: a flag some command of the release takes is left alone.
    [`${BUILD} To target a work pool, add \`--work-pool my-pool\`.`, "2.16.4"],
    // A command written in the sentence is the flag's own.
    [`${BUILD} That command differs from \`prefect deploy --pool my-pool\`.`, "2.16.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("the first part of a hyphenated compound modifies what follows, unless the second part qualifies it", () => {
  it.each([
    // "task-run" names the command group, not the `Task` class.
    ["`prefect task-run logs <id>` is available here, since the task-run command group arrived in 2.16.5.", "2.20.25"],
    ["The flow-run commands arrived in 2.0.0.", "2.20.25"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    // "task-only" still says only tasks take it.
    ["Flows accept `retries` too, but `retry_delay_seconds` is task-only.", "3.4.20", /retry_delay_seconds/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});
