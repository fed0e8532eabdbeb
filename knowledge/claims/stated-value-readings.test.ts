// Readings of stated values and instructions (twelfth round): one table per reading, false statements (flagged, with
// the deciding fact) and true, negated or other-release ones of the same shape.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe('"ships set to N", "comes set to N": a participle after a verb of shipping states the default', () => {
  it.each([
    [
      "Tasks pick up their retry count from `PREFECT_TASKS_DEFAULT_RETRIES`, which ships set to 2.",
      "3.1.5",
      /`PREFECT_TASKS_DEFAULT_RETRIES` defaults to `0`, not 2/,
    ],
    [
      "`PREFECT_API_REQUEST_TIMEOUT` comes set to 30 seconds.",
      "3.1.4",
      /`PREFECT_API_REQUEST_TIMEOUT` defaults to `60\.0`, not 30 seconds/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Tasks pick up their retry count from `PREFECT_TASKS_DEFAULT_RETRIES`, which ships set to 0.", "3.1.5"],
    ["`PREFECT_API_REQUEST_TIMEOUT` comes set to 60 seconds.", "3.1.4"],
    // "set" as an instruction still names what to change the value to.
    ["For more retries, set `PREFECT_TASKS_DEFAULT_RETRIES` to 2.", "3.1.5"],
    ["The timeout ships as is; set `PREFECT_API_REQUEST_TIMEOUT` to 30 seconds if you need it shorter.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"a default `p` of V": a keyword that is also an API name, with a default stated for the clause\'s callable', () => {
  it.each([
    [
      "`wait_for_flow_run` stops waiting after a default `timeout` of 900 seconds.",
      "2.20.25",
      /`timeout` of `wait_for_flow_run` defaults to `10800`/,
    ],
    ["`wait_for_flow_run` defaults to a `timeout` of 1 hour.", "3.3.2", /defaults to `10800`, not 1 hour/],
    ["`run_deployment` has a `timeout` that defaults to 0.", "3.6.15", /defaults to `None`, not 0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`wait_for_flow_run` stops waiting after a default `timeout` of 10800 seconds.", "2.20.25"],
    ["`wait_for_flow_run` defaults to a `timeout` of 3 hours.", "3.3.2"],
    // No callable named that takes `timeout`: the name stays the API it names.
    ["Wrap the call in `timeout` with a default of 30 seconds.", "3.3.2"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`S`, which is off by default": a switch\'s state in a relative clause right after its name', () => {
  it.each([
    [
      "To use workers, enable `PREFECT_EXPERIMENTAL_ENABLE_WORKERS`, which is off by default.",
      "2.16.4",
      /`PREFECT_EXPERIMENTAL_ENABLE_WORKERS` defaults to `True`, not False/,
    ],
    [
      "You can turn off `PREFECT_API_ENABLE_HTTP2`, which is on by default.",
      "3.4.20",
      /`PREFECT_API_ENABLE_HTTP2` defaults to `False`, not True/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["To use workers, enable `PREFECT_EXPERIMENTAL_ENABLE_WORKERS`, which is on by default.", "2.16.4"],
    ["You can turn on `PREFECT_API_ENABLE_HTTP2`, which is off by default.", "3.4.20"],
    // Without a default cue the state is the one set, not the default.
    ["Check `PREFECT_API_ENABLE_HTTP2`, which is off in your profile.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"defaults to `V` via `S`": a value in code linked to the one setting named right after it', () => {
  it.each([
    [
      "Result serialization defaults to `json` via `PREFECT_RESULTS_DEFAULT_SERIALIZER`.",
      "3.1.4",
      /`PREFECT_RESULTS_DEFAULT_SERIALIZER` defaults to `'pickle'`, not json/,
    ],
    [
      "The log level defaults to `DEBUG` through `PREFECT_LOGGING_LEVEL`.",
      "3.4.20",
      /`PREFECT_LOGGING_LEVEL` defaults to `'INFO'`, not DEBUG/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Result serialization defaults to `pickle` via `PREFECT_RESULTS_DEFAULT_SERIALIZER`.", "3.1.4"],
    ["The log level defaults to `INFO` through `PREFECT_LOGGING_LEVEL`.", "3.4.20"],
    // The setting is no link of the value: another statement names it.
    ["The serializer defaults to `json` here, and `PREFECT_RESULTS_DEFAULT_SERIALIZER` changes it.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"Alternatively pass `x=…`": an adverb before an imperative keeps the instruction the asker\'s', () => {
  it.each([
    ["Alternatively pass `cache_policy=INPUTS`.", "2.19.3", /no Prefect 2\.19\.3 API takes `cache_policy`/],
    ["Otherwise pass `cache_policy=NO_CACHE`.", "2.20.25", /takes it from 3\.0\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Alternatively pass `cache_policy=INPUTS` to the task.", "3.1.4"],
    // After an upgrade the keyword is the next release's.
    ["Alternatively, after you upgrade, pass `cache_policy=INPUTS`.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"…; that was V before W": a part opening with a demonstrative subject is a statement of its own', () => {
  it.each([
    [
      "Requests time out after 30 seconds by default (`PREFECT_API_REQUEST_TIMEOUT`); that was 60 seconds before 2.12.",
      "3.3.2",
      /in Prefect 3\.3\.2 `PREFECT_API_REQUEST_TIMEOUT` defaults to `60\.0`, not 30 seconds/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Requests time out after 60 seconds by default (`PREFECT_API_REQUEST_TIMEOUT`); that was 30 seconds before 2.12.",
      "3.3.2",
    ],
    [
      "Requests time out after 60 seconds by default (`PREFECT_API_REQUEST_TIMEOUT`); this was 30 seconds before 2.12.",
      "3.4.20",
    ],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`f` in `M`, which is new in V": the module after "in" says where `f` lives, it is not what is dated', () => {
  it.each([
    // The subject before the module is still dated.
    [
      "`create_progress_artifact`, which is new in 2.15, draws progress bars.",
      "3.0.0",
      /first appeared in Prefect 3\.0\.0/,
    ],
    [
      "`prefect.artifacts`, which is new in 3.0, holds the artifact helpers.",
      "3.0.0",
      /first appeared in Prefect 2\.9\.0/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Progress bars come from `create_progress_artifact` in `prefect.artifacts`, which is new in 3.0.", "3.0.0"],
    ["Use `create_progress_artifact` from `prefect.artifacts`, which arrived in 3.0.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"deprecated in V": a deprecation dates a release that still has the name', () => {
  it.each([
    [
      "`SequentialTaskRunner` is only deprecated in 3.0, so old imports keep working.",
      "2.19.8",
      /`prefect\.task_runners\.SequentialTaskRunner` does not exist in Prefect 3\.0/,
    ],
    ["`prefect.agent.PrefectAgent` was deprecated in 3.1.", "2.20.25", /does not exist in Prefect 3\.1/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`prefect.runner.submit_to_runner` was deprecated in 3.3.4.", "3.4.20"],
    ["`SequentialTaskRunner` was removed in 3.0, not merely deprecated.", "2.19.8"],
    ["`SequentialTaskRunner` is not deprecated in 2.19.", "2.19.8"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"…, because its `p` defaults to V" after a negated statement: the reason keeps its own polarity', () => {
  it.each([
    [
      "`run_deployment` doesn't wait for the run any more, because its `timeout` defaults to 0 now.",
      "3.6.15",
      /`timeout` of `run_deployment` defaults to `None`, not 0/,
    ],
    [
      "`wait_for_flow_run` never blocks forever, since its `timeout` defaults to 60.",
      "3.3.2",
      /defaults to `10800`, not 60/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`run_deployment` does not return at once, because its `timeout` defaults to `None`.", "3.6.15"],
    ["`wait_for_flow_run` never blocks forever, since its `timeout` defaults to 10800.", "3.3.2"],
    // The reason's own negation still negates it.
    ["`run_deployment` does not return at once, because its `timeout` does not default to 0.", "3.6.15"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"a default `p` that was lowered to V in W": a default said to have changed states its value at W', () => {
  it.each([
    [
      "`wait_for_flow_run` has a default `timeout` that was lowered to one hour in 3.3.",
      "3.3.2",
      /`timeout` of `wait_for_flow_run` defaults to `10800`, not 1 hour/,
    ],
    [
      "`wait_for_flow_run` has a default `poll_interval` that was raised to 30 seconds in 3.2.",
      "3.4.20",
      /in Prefect 3\.2\.\d+ `poll_interval` of `wait_for_flow_run` defaults to `5`, not 30 seconds/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`wait_for_flow_run` has a default `timeout` that was raised to 3 hours in 3.3.", "3.3.2"],
    ["`wait_for_flow_run` has a default `timeout` that was not lowered to one hour in 3.3.", "3.3.2"],
    // "of `f`" says whose the keyword is; it is no value.
    ["The default `timeout` of `wait_for_flow_run` is 3 hours.", "3.3.2"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
