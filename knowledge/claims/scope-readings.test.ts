// Readings of scope and place that keep the checker right on sentences nobody tuned it for (tenth round): one table
// per reading, false statements (flagged, with the deciding fact) and true, negated or other-release ones of the same
// shape.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("a short name that now names another thing does not keep a removed API alive", () => {
  it.each([
    // The block is gone in 3.5.0 and the type of the same spelling lives on: "removed" is not refuted by the type.
    ["`String` and `DateTime` were removed at the same time.", "3.5.0"],
    ["The `DateTime` block was dropped.", "3.6.0"],
    ["`DateTime` was removed, while `Secret` is still there.", "3.5.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    // A name with one meaning still refutes its removal.
    ["`Secret` was removed.", "3.5.0", /Secret/],
    ["The `DateTime` block was removed in 3.0.", "3.4.20", /DateTime/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});

describe('"on your version" and a later part with a subject of its own keep the clause on the asker\'s release', () => {
  it.each([
    [
      "`PREFECT_API_REQUEST_TIMEOUT` is 60 seconds on your version; it was lowered to 30 in 2.12.0.",
      "2.11.5",
      /defaults to `30\.0`, not 60/,
    ],
    ["`PREFECT_API_REQUEST_TIMEOUT` is 30 seconds on your release.", "3.1.4", /defaults to `60\.0`, not 30/],
    [
      "The request timeout `PREFECT_API_REQUEST_TIMEOUT` defaults to 30 seconds; it changed in 2.12.0.",
      "3.1.4",
      /not 30/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "On the client side, `PREFECT_API_REQUEST_TIMEOUT` is 30 seconds on your version; it was raised to 60 in 2.12.0.",
      "2.11.5",
    ],
    ["`PREFECT_API_REQUEST_TIMEOUT` is 60 seconds on your version; before 2.12.0 it was 30.", "3.1.4"],
    // A version that opens the part ("; in 2.x …") is still that part's own.
    ["`PREFECT_API_REQUEST_TIMEOUT` defaults to 60 seconds; in 2.11 it was 30.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a Python builtin in code is the builtin, not a parameter", () => {
  it.each([
    ["To get `print` output into the run logs, set `log_prints=True` on the `@flow` or `@task` decorator.", "3.6.12"],
    ["Each `print` call on the `@task` shows up in the logs once you pass `log_prints=True`.", "3.4.20"],
    ["Pass the `len` of the list as `max_workers` to the task runner.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    // Keywords next to a builtin are still read.
    ["To capture `print` output, pass `log_prints=True` to `@flow`.", "2.5.0", /log_prints/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});

describe('"while" tells history only before a past verb; ", while …" is a contrast of its own', () => {
  it.each([
    [
      "`prefect server start --background` lets you run a local server detached while you test.",
      "2.19.3",
      /--background` exists only in Prefect 2\.20\.3/,
    ],
    ["Use `prefect server start --background` while the tests run.", "2.19.3", /--background/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`submit_to_runner` accepted a list of parameters while it existed.", "3.4.20"],
    ["`prefect server start --background` worked while it was there.", "2.19.3"],
    ["From the CLI, `prefect variable ls` works on 2.19, while `prefect variable set` only exists in 3.x.", "2.19.3"],
    ["`prefect variable ls` is there on 2.19, while `prefect variable set` arrives in 3.0.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("flags given to a command before it is named, and short flags, are the command's", () => {
  it.each([
    [
      "On 3.6.12 you can also add `-o json` to `prefect flow-run logs` for machine-readable output.",
      "3.6.12",
      /flow-run logs -o` exists only in Prefect 3\.6\.21/,
    ],
    ["Run `prefect flow-run logs` with `-o json` to get JSON.", "3.6.12", /-o/],
    ["Add `--background` to `prefect server start` to detach it.", "2.19.3", /--background/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Add `--tail` to `prefect flow-run logs` to see the end.", "3.6.12"],
    ["Run `prefect flow-run logs` with `-n 20`.", "3.6.12"],
    ["Add `-o json` to `prefect flow-run logs` for JSON output.", "3.6.21"],
    // A flag before a command given to something else is not the command's.
    ["Keep `-o json` for scripts; `prefect flow-run logs` prints text.", "3.6.12"],
    // A flag the command's code writes before its command words is `prefect`'s own (global) option.
    ["Put `--profile` first: `prefect --profile prod config set PREFECT_API_URL=x` writes into `prod`.", "3.0.0"],
    ["`prefect --profile dev deploy` uses the `dev` profile while you test.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"the old `X` still works" in a sentence that names only the asker\'s own line says `X` exists now', () => {
  it.each([
    [
      "The old `prefect variable delete` command still works for removing a variable on 3.1.",
      "3.1.4",
      /`prefect variable delete` does not exist in Prefect 3\.1\.4/,
    ],
    [
      "In 3.x the old `prefect agent start -q default` still works as a deprecated alias for the worker.",
      "3.6.5",
      /`prefect agent start` does not exist in Prefect 3\.6\.5/,
    ],
    ["The older `prefect deployment set-schedule` command still does the same thing.", "3.4.20", /set-schedule/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The old `prefect variable delete` command still works on 2.19.", "2.19.3"],
    ["In 2.x the old `prefect agent start` still works.", "3.6.5"],
    ["The old `prefect agent start` command no longer works in 3.x.", "3.6.5"],
    ["On 3.1, `prefect variable unset` still works for removing a variable.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"a flow run has …" / "flow runs have …" name the run record; "runs" as a verb does not', () => {
  it.each([
    ["Flow runs have a `.wait()` method.", "3.4.20", /`FlowRun` objects have no `\.wait\(\)`/],
    ["A flow run has a `.result()` method you can call.", "3.4.20", /`FlowRun` objects have no `\.result\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["A flow run has a `.state_name`.", "3.4.20"],
    ["Your flow runs `.wait()` on each future.", "3.4.20"],
    ["Flow runs do not have a `.wait()` method.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"came in V" and "gained … in V" date an arrival; "came back in V" is a return', () => {
  it.each([
    ["`Flow.deploy` came in 2.16.", "3.4.20", /first appeared in Prefect 2\.13\.8, not 2\.16/],
    ["Tasks gained the `on_running` hook in 3.0.", "3.6.0", /`Task` has no `on_running` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`Flow.deploy` came in 2.13.", "3.4.20"],
    ["The `schedule=` keyword was dropped in 3.0 and came back in 3.2.", "3.4.20"],
    ["`flow.serve()` got `schedule=` back in 3.2.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
