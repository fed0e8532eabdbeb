// Readings of stated defaults and dated arrivals (tenth round): one table per reading, false statements (flagged,
// with the deciding fact) and true, negated or other-release ones of the same shape.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe('"only available from V onward", "only exists since V": an arrival at V, not a bound', () => {
  it.each([
    [
      "The `FLOW_PARAMETERS` policy is only available from 3.4 onward.",
      "3.3.2",
      /first appeared in Prefect 3\.0\.0, not 3\.4/,
    ],
    [
      "Set `PREFECT_API_TLS_INSECURE_SKIP_VERIFY=true`; it only exists since 3.0.",
      "3.0.4",
      /first appeared in Prefect 2\.7\.7, not 3\.0/,
    ],
    ["`NO_CACHE` is only available starting 3.3.", "3.4.6", /first appeared in Prefect 3\.1\.12/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `FLOW_PARAMETERS` policy is only available from 3.0 onward.", "3.3.2"],
    // Without "only" the version bounds the arrival: it was there by then.
    ["The `FLOW_PARAMETERS` policy is available from 3.4 onward.", "3.4.2"],
    ["`PREFECT_API_TLS_INSECURE_SKIP_VERIFY` exists since 3.0.", "3.0.4"],
    ["`PREFECT_API_TLS_INSECURE_SKIP_VERIFY` has only existed since 2.7.7.", "3.0.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"…; the default is V" and "the default <noun> is V" after the one setting the sentence names', () => {
  it.each([
    [
      "If you see missing-flow errors, set `PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW=ignore`; the default is `error`.",
      "2.19.3",
      /defaults to `'warn'`, not error/,
    ],
    [
      "Use `prefect config set PREFECT_API_REQUEST_TIMEOUT=120`; the default request timeout is 30 seconds.",
      "3.1.4",
      /defaults to `60\.0`, not 30 seconds/,
    ],
    ["Set `PREFECT_LOGGING_LEVEL=DEBUG` for more detail; the default level is `WARNING`.", "3.4.20", /not WARNING/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Set `PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW=ignore`; the default is `warn`.", "2.19.3"],
    // A unit is part of the value: one minute is 60 seconds.
    ["Use `prefect config set PREFECT_API_REQUEST_TIMEOUT=120`; the default request timeout is 1 minute.", "3.1.4"],
    ["Set `PREFECT_LOGGING_LEVEL=DEBUG`; the default level is `INFO`.", "3.4.20"],
    // Two settings named: whose default it is stays open.
    ["Set `PREFECT_LOGGING_LEVEL=DEBUG` or `PREFECT_INTERNAL_LOGGING_LEVEL=DEBUG`; the default is `INFO`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a plain value in code right before "by default" is the one named setting\'s default', () => {
  it.each([
    [
      "Prefect's internal machinery logs at `WARNING` by default, which you can change with `PREFECT_INTERNAL_LOGGING_LEVEL`.",
      "3.6.12",
      /defaults to `'ERROR'`, not WARNING/,
    ],
    ["Run logs are kept at `DEBUG` by default (see `PREFECT_LOGGING_LEVEL`).", "3.4.20", /not DEBUG/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Prefect's internal logs are at `ERROR` by default, set by `PREFECT_INTERNAL_LOGGING_LEVEL`.", "3.6.12"],
    // A Prefect name in code is no value.
    ["`NO_CACHE` is used by default when `PREFECT_TASKS_DEFAULT_NO_CACHE` is set.", "3.4.20"],
    // Two settings named: open.
    ["Logs go out at `DEBUG` by default under `PREFECT_LOGGING_LEVEL` and `PREFECT_INTERNAL_LOGGING_LEVEL`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`S` no longer works" denies the setting (an alias still is one)', () => {
  it.each([
    [
      "`PREFECT_API_SERVICES_SCHEDULER_ENABLED` no longer works on 3.2; use `PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED` instead.",
      "3.2.7",
      /still accepted in Prefect 3\.2\.7, as an alias/,
    ],
    ["`PREFECT_LOGGING_LEVEL` no longer works.", "3.4.20", /is a setting in Prefect 3\.4\.20/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`PREFECT_AGENT_QUERY_INTERVAL` no longer works on 3.2.", "3.2.7"],
    // Narrower statements say how it works, not that it is gone.
    ["`PREFECT_LOGGING_LEVEL` does not work with the internal loggers.", "3.4.20"],
    ["`PREFECT_API_SERVICES_SCHEDULER_ENABLED` still works on 3.2.", "3.2.7"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a setting left None has no number or empty string of its own; a dotted address is no quantity", () => {
  it.each([
    [
      "Inside a single flow, the thread pool size comes from `PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS`, which defaults to 10.",
      "3.5.0",
      /defaults to `None` \(no value of its own\), not 10/,
    ],
    [
      "Set `PREFECT_LOGGING_EXTRA_LOGGERS=dask`. On 3.1 that setting defaults to an empty string.",
      "3.1.12",
      /defaults to `None` \(no value of its own\), not ''/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // The empty string was its default up to 3.0.4.
    ["Set `PREFECT_LOGGING_EXTRA_LOGGERS=dask`. On 3.0 that setting defaults to an empty string.", "3.0.4"],
    // Words may say what None leads to.
    ["`PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS` defaults to the executor's own choice.", "3.5.0"],
    [
      "When the UI API URL is unset the server falls back to `PREFECT_API_URL`, which often points at 127.0.0.1.",
      "3.4.20",
    ],
    ["`PREFECT_API_URL` is `http://127.0.0.1:4200/api` for a local server.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"the default for `p` on a task is V"; "returns None" / "defaults to None" are values, not denials', () => {
  it.each([
    [
      "The default for `retries` on a task is 3.",
      "3.4.20",
      /`retries` of `Task` defaults to None, which means PREFECT_TASKS_DEFAULT_RETRIES/,
    ],
    [
      "In 3.x, a flow that returns None fails if any task failed.",
      "3.4.20",
      /a flow's final state comes only from its return value/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The default for `retries` on a task is 0.", "3.4.20"],
    ["In 2.x, a flow that returns None fails if any task failed.", "3.4.20"],
    ["In 3.x, a flow that returns None does not fail because a task failed.", "3.4.20"],
    ["There is none of that on a task.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"By default … `V`, controlled by `S`"; a setting no release had arrived never', () => {
  it.each([
    [
      "By default Prefect keeps logs at `WARNING`, controlled by `PREFECT_LOGGING_LEVEL`.",
      "3.4.20",
      /defaults to `'INFO'`, not WARNING/,
    ],
    [
      "`PREFECT_LOGGING_LEVEL` was renamed to `PREFECT_LOG_LEVEL` in 3.0.",
      "3.4.20",
      /no Prefect release has a setting named `PREFECT_LOG_LEVEL`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["By default Prefect keeps logs at `INFO`, controlled by `PREFECT_LOGGING_LEVEL`.", "3.4.20"],
    // The value in another part of the sentence is that part's.
    ["By default, logs go to the API; set `PREFECT_LOGGING_LEVEL` to `DEBUG` for more.", "3.4.20"],
    ["`PREFECT_LOG_LEVEL` was never a Prefect setting.", "3.4.20"],
    [
      "`PREFECT_API_SERVICES_SCHEDULER_ENABLED` was renamed to `PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED` in 3.0.11.",
      "3.4.20",
    ],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"persisted by default (`PREFECT_RESULTS_PERSIST_BY_DEFAULT`)": an action named by the switch, said on', () => {
  it.each([
    [
      "Results are persisted by default in 3.x (`PREFECT_RESULTS_PERSIST_BY_DEFAULT`).",
      "3.4.20",
      /`PREFECT_RESULTS_PERSIST_BY_DEFAULT` defaults to `False`, not True/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Results are not persisted by default (`PREFECT_RESULTS_PERSIST_BY_DEFAULT`).", "3.4.20"],
    ["If you want results persisted by default, set `PREFECT_RESULTS_PERSIST_BY_DEFAULT=true`.", "3.4.20"],
    // A participle that names no word of the switch says nothing of it.
    ["Logs are shipped by default; `PREFECT_RESULTS_PERSIST_BY_DEFAULT` is about results.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
