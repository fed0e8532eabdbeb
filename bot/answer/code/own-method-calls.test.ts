import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ownMethodCalls } from "./own-method-calls.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/own-calls/${name}.py`, import.meta.url), "utf8");

describe("ownMethodCalls", () => {
  it.each([
    ["task-delay", ["Task.delay"]],
    ["flow-serve", ["Task.submit", "Flow.serve"]],
    ["none", []],
  ])("%s → %j", (file, calls) => {
    expect(ownMethodCalls(fixture(file))).toEqual(calls);
  });

  it("reads nothing from code it cannot parse", () => {
    expect(ownMethodCalls("")).toEqual([]);
  });
});
