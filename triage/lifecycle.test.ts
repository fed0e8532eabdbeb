import { describe, expect, it } from "vitest";
import { type LifecycleEvent, nextState, type ThreadState } from "./lifecycle.js";

describe("thread lifecycle", () => {
  it.each<[ThreadState, LifecycleEvent, ThreadState]>([
    ["new", "orca-answered", "answered-by-orca"],
    ["new", "orca-declined", "needs-human"],
    ["new", "human-replied", "waiting-for-asker"],
    ["answered-by-orca", "feedback-up", "resolved"],
    ["answered-by-orca", "feedback-down", "needs-human"],
    ["answered-by-orca", "human-requested", "needs-human"],
    ["answered-by-orca", "asker-confirmed", "resolved"],
    ["answered-by-orca", "asker-rejected", "needs-human"],
    ["waiting-for-asker", "asker-replied", "needs-human"],
    ["needs-human", "human-replied", "waiting-for-asker"],
    ["waiting-for-asker", "went-stale", "stale"],
    ["stale", "reopened", "needs-human"],
    ["needs-human", "resolved-by-maintainer", "resolved"],
    // Events that do not apply leave the state alone.
    ["resolved", "orca-answered", "resolved"],
    ["needs-human", "orca-answered", "needs-human"],
    ["new", "went-stale", "new"],
    ["needs-human", "went-stale", "needs-human"],
  ])("%s + %s → %s", (from, event, to) => {
    expect(nextState(from, event)).toBe(to);
  });
});
