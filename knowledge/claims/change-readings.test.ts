// Readings of the thirteenth round: one table per reading, false statements (flagged, with the deciding fact) and
// true, negated or other-release ones of the same shape that must not be flagged.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe('"X rather than Y" negates Y, like "X instead of Y"', () => {
  it.each([
    ["Calling a subflow directly returns a future rather than its result.", "3.0.4", /never a PrefectFlowRunFuture/],
    ["Calling a subflow returns a future rather than the value.", "2.20.25", /never a PrefectFlowRunFuture/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Calling a subflow directly returns its result rather than a future.", "3.0.4"],
    ["Calling a subflow returns the value rather than a future, the same as in 2.x.", "3.2.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a member before a clause of time or condition: the noun after before / when / once is not its owner", () => {
  it.each([
    // The noun right before the member still owns it.
    ["Call `.submit()` on the flow when you want a future.", "3.0.4", /`Flow` objects have no `\.submit\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["So call `.wait()` or `.result()` before the flow exits.", "3.0.4"],
    ["Resolve them: call `.result()` before the flow returns.", "3.2.0"],
    ["In 3.x nothing waits for them, so call `.wait()` once the flow is done submitting.", "3.1.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a part about another value ("…, up from 30 before 2.12", "… and only drops to 10 in V") keeps its version', () => {
  it.each([
    [
      "`PREFECT_API_REQUEST_TIMEOUT` defaults to 30 seconds on your version, up from 10 seconds before 2.12.",
      "3.1.10",
      /`PREFECT_API_REQUEST_TIMEOUT` defaults to `60\.0`, not 30/,
    ],
    [
      "`PREFECT_SERVER_TASKS_TAG_CONCURRENCY_SLOT_WAIT_SECONDS` is 10 seconds on your version and only rises to 30 in 3.6.23.",
      "3.6.20",
      /defaults to `30`, not 10/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`PREFECT_API_REQUEST_TIMEOUT` defaults to 60 seconds on your version, up from 30 seconds before 2.12.", "3.1.10"],
    [
      "`PREFECT_SERVER_TASKS_TAG_CONCURRENCY_SLOT_WAIT_SECONDS` is 30 seconds on your version and only drops to 10 in 3.6.23.",
      "3.6.20",
    ],
    // The earlier value, stated for its own release, is true there.
    ["`PREFECT_API_REQUEST_TIMEOUT` is 60 seconds, down from 30 seconds before 2.12.", "2.19.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a hyphenated qualifier before a type noun ("an infrastructure-bound flow") names the narrower type', () => {
  it.each([
    [
      "`.submit()` on a plain flow returns a `PrefectFlowRunFuture`.",
      "3.4.20",
      /`Flow` objects have no `\.submit\(\)`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`.submit()` on an infrastructure-bound flow returns a `PrefectFlowRunFuture`.", "3.4.20"],
    ["An infrastructure-bound flow has `.submit()` as well.", "3.5.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"…, a change that landed in V": a relative clause about a change dates a behaviour, not a name', () => {
  it.each([["The `flow` decorator landed in 3.6.3.", "3.6.20", /first appeared in Prefect 2\.0\.0, not 3\.6\.3/]])(
    "false: %s (%s)",
    (text, release, fact) => {
      expect(facts(text, release)).toMatch(fact);
    },
  );

  it.each([
    ["Calling `pause_flow_run` inside a task now pauses the parent flow run, a change that landed in 3.6.3.", "3.6.20"],
    ["A task can now pause its flow run with `pause_flow_run`, a fix which arrived in 3.6.3.", "3.6.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an arrival stated after the asker's release, of a name that release already has, is false", () => {
  it.each([
    [
      "`prefect transfer` only arrives in 3.5.0.",
      "3.4.20",
      /first appeared in Prefect 3\.4\.14, not 3\.5\.0 \(Prefect 3\.4\.20 already has it\)/,
    ],
    [
      "The `--provision-infra` flag of `prefect work-pool create` only shows up in 2.16.0.",
      "2.14.10",
      /first appeared in Prefect 2\.14\.6, not 2\.16\.0 \(Prefect 2\.14\.10 already has it\)/,
    ],
    [
      "Set `PREFECT_SERVER_UI_ENABLED=False`, a name that only exists from 3.2.0 onward.",
      "3.1.10",
      /`PREFECT_SERVER_UI_ENABLED` first appeared in Prefect 3\.0\.11, not 3\.2\.0/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Said to a release before it arrived, or dated right.
    ["`prefect transfer` only arrives in 3.5.0.", "3.4.10"],
    ["The `--provision-infra` flag of `prefect work-pool create` only shows up in 2.14.6.", "2.14.10"],
    ["Set `PREFECT_SERVER_UI_ENABLED=False`, a name that only exists from 3.0.11 onward.", "3.1.10"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`X` already existed in V": existence at a stated release', () => {
  it.each([
    [
      "`prefect variable set` already existed in 2.x, so scripts need no change.",
      "3.0.10",
      /`prefect variable set` does not exist in Prefect 2\.20\.25/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`prefect variable set` already existed in 3.0.", "3.0.10"],
    ["`prefect variable set` never existed in 2.x.", "3.0.10"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("behaviours: a negation inside a trailing condition is the condition's", () => {
  it.each([
    [
      "`wait` raises a `TimeoutError` when some futures are not finished before `timeout` passes.",
      "3.0.4",
      /prefect\.futures\.wait does not raise on timeout/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`wait` does not raise when some futures are not finished before `timeout` passes.", "3.0.4"],
    ["`wait` never raises on timeout, and it does not cancel the futures that are not done.", "3.0.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a type noun before a noun of what Prefect reports is no version statement's subject", () => {
  it.each([
    ["The flow showed up in 3.0.", "3.2.10", /`prefect\.flows\.Flow` first appeared in Prefect 2\.0\.0, not 3\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The garbage-collected future warning shows up in 3.2.", "3.2.10"],
    ["The future warning showed up in 3.0.", "3.2.10"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a behaviour's `unless` words also rule out as a keyword with a value or a method on its class", () => {
  it.each([
    [
      "`Variable.get` raises when the variable is missing.",
      "3.4.20",
      /getting a variable that does not exist returns the default/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`Variable.set` raises for a missing variable.", "3.4.20"],
    ["Setting a variable raises when it exists and you pass no `overwrite=True`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
