// Readings of behaviours (twelfth round): both sides of a change read as data, adverbs between a behaviour's subject
// and verb, comparisons with another release that do not scope the clause, and negations that describe a noun. One
// table per reading, false statements (flagged, with the deciding fact) and true, negated or other-release ones.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("pause_flow_run in a task said to raise: true only before it pauses the parent flow run", () => {
  it.each([
    [
      "Calling `pause_flow_run()` from a task raises an error.",
      "3.6.15",
      /pause_flow_run inside a task pauses the parent flow run/,
    ],
    ["Using `pause_flow_run` inside a task throws `Cannot pause task runs.`", "3.7.0", /pauses the parent flow run/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Calling `pause_flow_run()` from a task raises an error.", "3.4.20"],
    ["Calling `pause_flow_run()` from a task no longer raises.", "3.6.15"],
    ["Calling `pause_flow_run()` from a task pauses the parent flow run instead of raising.", "3.6.15"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("unwaited futures said to be dropped when the flow returns: true only from 3.x", () => {
  it.each([
    [
      "Once the flow returns, pending futures that were not awaited are cancelled.",
      "2.19.3",
      /flow waits for every submitted task run/,
    ],
    ["Any submitted tasks you never waited for are dropped when the flow ends.", "2.20.25", /nothing is abandoned/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Once the flow returns, pending futures that were not awaited are cancelled.", "3.1.4"],
    ["Submitted futures are not dropped when the flow returns.", "2.19.3"],
    ["If you return the futures, pending tasks are not cancelled.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"still" / "always" between a behaviour\'s subject and its verb', () => {
  it.each([
    [
      "Prefect still waits for all submitted tasks before the flow finishes.",
      "3.0.3",
      /does not wait for futures it did not resolve/,
    ],
    ["Your flow always waits for every submitted task.", "3.4.20", /does not wait for futures/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Prefect still waits for all submitted tasks before the flow finishes.", "2.19.3"],
    ["Your flow always waits for every submitted task if you call `wait()` on them.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"just as 2.x did", "the same as 2.x": a comparison with a release does not scope the clause to it', () => {
  it.each([
    ["A 3.x flow waits for every submitted task, just as 2.x did.", "3.2.0", /a Prefect 3\.2\.0 flow does not wait/],
    ["Flows wait for every submitted task, the same as 2.x.", "3.4.20", /a Prefect 3\.4\.20 flow does not wait/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["In 2.x flows wait for every submitted task.", "3.4.20"],
    // "as of" is a date, not a likeness.
    ["As of 2.x, flows wait for every submitted task.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
