// Readings of the sixteenth round: a keyword's value given as the reason for what happens by default, a setting's
// default stated before the setting is named, and "the default `p` is V". One table per reading, false statements
// (flagged, with the deciding fact) and true, negated or other-release ones of the same shape.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe('"…, since / because `p` defaults to V" or "…by default, because `p` is V" states the keyword\'s default', () => {
  it.each([
    [
      "By default the run is not linked to the calling flow, since `as_subflow` defaults to `False`.",
      "3.4.20",
      /`as_subflow` defaults to `True`, not False/,
    ],
    [
      "In 2.20.25, `serve()` checks parameters by default, because `enforce_parameter_schema` is `True`.",
      "2.20.25",
      /`enforce_parameter_schema` of `serve` defaults to `False`, not True/,
    ],
    [
      "`serve()` validates parameters by default, since `enforce_parameter_schema` is `True`.",
      "2.20.25",
      /defaults to `False`, not True/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // True statements of the same shapes.
    ["By default the run is linked to the calling flow, since `as_subflow` defaults to `True`.", "3.4.20"],
    ["`serve()` validates parameters by default, because `enforce_parameter_schema` is `True`.", "3.4.20"],
    // The same keyword on a release where the default was different.
    ["`serve()` skips validation by default, because `enforce_parameter_schema` is `False`.", "2.20.25"],
    // No "by default" before the reason: the value is what the asker set, not a default.
    ["`serve()` validates parameters here, because `enforce_parameter_schema` is `True`.", "2.20.25"],
    // The value does not end the statement.
    [
      "`serve()` validates by default, because `enforce_parameter_schema` is `True` in your deployment file.",
      "2.20.25",
    ],
    // "since" followed by a release tells time, not a reason.
    ["Runs have been linked to the calling flow since 2.0, and `as_subflow` is `True` on them.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"The default N is `v`, controlled by `PREFECT_…`" states the one linked setting\'s default', () => {
  it.each([
    [
      "The default serializer is `json`, controlled by `PREFECT_RESULTS_DEFAULT_SERIALIZER`.",
      "3.0.0",
      /`PREFECT_RESULTS_DEFAULT_SERIALIZER` defaults to `'pickle'`, not json/,
    ],
    [
      "The default serializer is `json` via `PREFECT_RESULTS_DEFAULT_SERIALIZER`.",
      "3.0.0",
      /defaults to `'pickle'`, not json/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The default serializer is `pickle`, controlled by `PREFECT_RESULTS_DEFAULT_SERIALIZER`.", "3.0.0"],
    // A comma alone links nothing: the setting may be a different statement.
    ["The default serializer is `json`, `PREFECT_RESULTS_DEFAULT_SERIALIZER` lets you change it.", "3.0.0"],
    // Not the default: what the asker chose.
    ["Our serializer is `json`, controlled by `PREFECT_RESULTS_DEFAULT_SERIALIZER`.", "3.0.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("\"the default `p` is V\" states the keyword's default for the sentence's callable", () => {
  it.each([
    [
      "`wait_for_flow_run` waits for a run, and its default `timeout` is 300 seconds.",
      "2.17.1",
      /`timeout` of `wait_for_flow_run` defaults to `10800`, not 300/,
    ],
    [
      "For `wait_for_flow_run` the default `timeout` is 300 seconds.",
      "2.17.1",
      /`timeout` of `wait_for_flow_run` defaults to `10800`, not 300/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`wait_for_flow_run` waits for a run, and its default `timeout` is 10800 seconds.", "2.17.1"],
    ["`wait_for_flow_run` waits for a run, and its default `timeout` is 10,800 seconds.", "2.17.1"],
    // Negated.
    ["`wait_for_flow_run` waits for a run, but its default `timeout` is not 300 seconds.", "2.17.1"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
