import { describe, expect, it } from "vitest";
import { compareSides } from "./compare-sides.js";

describe("compareSides", () => {
  it.each([
    ["`flow.serve()` vs `flow.deploy()`?", ["`flow.serve()`", "`flow.deploy()`"]],
    // The left side is the clause just before "vs", the right one the clause after it.
    [
      "@orca quick one, threads vs. processes for pandas work? we are CPU bound",
      ["threads", "processes for pandas work"],
    ],
    [
      "what's the difference between a push work pool and a hybrid pool, cost wise?",
      ["a push work pool", "a hybrid pool"],
    ],
    ["Variable versus Secret block for a db password", ["Variable", "Secret block for a db password"]],
    ["we use tasks. subflows vs tasks - when to pick which", ["subflows", "tasks"]],
    // A short question naming two alternatives.
    ["a human approves, could be hours. pause or suspend? no pod all night", ["pause", "suspend"]],
    // Two verbs after "should i": which of the two to do.
    ["for an approval step, should i pause or suspend the flow?", ["pause", "suspend"]],
    ["bug or intended?", ["bug", "intended"]],
    // Which of two to keep something in.
    [
      "for a vendor api key, should i stick it in a prefect Variable or a Secret block?",
      ["a prefect Variable", "a Secret block"],
    ],
    ["do we store them as env vars or blocks?", ["env vars", "blocks"]],
    // Two names side by side, whatever follows them.
    [
      "ThreadPoolTaskRunner or ProcessPoolTaskRunner for numpy heavy tasks? 3.4.20",
      ["ThreadPoolTaskRunner", "ProcessPoolTaskRunner"],
    ],
    ["quick one: `INPUTS` or `TASK_SOURCE` as the cache policy for a nightly job?", ["`INPUTS`", "`TASK_SOURCE`"]],
  ])("%s", (text, sides) => {
    expect(compareSides(text)).toEqual(sides);
  });

  it.each([
    ["how do I compare two flow runs?"],
    ["is serve better than deploy?"],
    ["vs"],
    ["still true or not?"],
    ["should I run the worker in the same container as the server or somewhere else?"],
    ["do I restart the worker or the whole server when I change the pool settings?"],
  ])("%s → null", (text) => {
    expect(compareSides(text)).toBeNull();
  });
});
