import { describe, expect, it } from "vitest";
import { statedDuration, withDurationsAsWords } from "./focus.js";

describe("statedDuration", () => {
  it.each([
    ["kill it after 10 min", 600],
    ["give up after five minutes", 300],
    ["an hour at most", 3600],
    ["timeout of 90s please", 90],
    ["retry for 2 hours", 7200],
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
