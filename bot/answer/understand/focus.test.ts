import { describe, expect, it } from "vitest";
import { statedDuration, statedNumbers, withDurationsAsWords } from "./focus.js";

describe("statedDuration", () => {
  it.each([
    ["kill it after 10 min", 600],
    ["give up after five minutes", 300],
    ["an hour at most", 3600],
    ["timeout of 90s please", 90],
    ["retry for 2 hours", 7200],
    ["the event feed only goes back a week", 604_800],
    ["keep runs for 2 weeks", 1_209_600],
  ])("%s → %i s", (text, seconds) => {
    expect(statedDuration(text)?.seconds).toBe(seconds);
  });

  it.each([
    ["a task that hangs and never returns"],
    ["one mapped task and a subflow"],
    ["version 2 of the deployment"],
  ])("%s → no duration", (text) => {
    expect(statedDuration(text)).toBeNull();
    expect(withDurationsAsWords(text)).toBe(text);
  });
});

describe("statedNumbers", () => {
  it.each([
    ["tasks sit ~30s after a slot frees up", [30], []],
    ["runs flip to Late after like 5 seconds on 2.14.3", [5], []],
    ["max 5 runs go at once", [], [5]],
    ["QueuePool limit of size 5 overflow 10 reached", [], [5, 10]],
    ["prefect 3.4.20 here, give up after five minutes", [300], []],
    ["we're on 2.20 and it waits an hour", [3600], []],
    ["no numbers at all", [], []],
  ])("%s → seconds %j, counts %j", (text, seconds, counts) => {
    const stated = statedNumbers(text);
    expect([...stated.seconds]).toEqual(seconds);
    expect([...stated.counts]).toEqual(counts);
  });
});
