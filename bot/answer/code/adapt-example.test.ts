import { describe, expect, it } from "vitest";
import { readValues } from "../understand/index.js";
import { adaptExample, statedValues } from "./adapt-example.js";

const values = (prose: string) => statedValues(readValues([], "", prose));

describe("the asker's values in an example", () => {
  it.each([
    ["make the flow give up after 2 hours", "@flow(timeout_seconds=600)\ndef f(): ...", "timeout_seconds=7200"],
    ["run my flow every 15 minutes", 'f.serve(name="x", interval=60)', "interval=900"],
    ["retry the task 4 times", "@task(retries=2)\ndef t(): ...", "retries=4"],
  ])("%s → %s", (prose, code, expected) => {
    const adapted = adaptExample(code, values(prose));
    expect(adapted.code).toContain(expected);
    expect(adapted.applied.length).toBe(1);
  });

  it("leaves an example without a slot as written and reports nothing for alternatives", () => {
    const adapted = adaptExample("@task\ndef t(): ...", values("give up after 5 minutes"));
    expect(adapted.code).toBe("@task\ndef t(): ...");
    expect(adapted.unapplied).toEqual([]);
  });

  it("never touches an example with two slots of the same parameter", () => {
    const code = "@task(timeout_seconds=5)\ndef a(): ...\n@task(timeout_seconds=9)\ndef b(): ...";
    expect(adaptExample(code, values("after 10 minutes")).code).toBe(code);
  });

  it("reads nothing from a question without values", () => {
    expect(values("what is a work pool")).toEqual([]);
  });
});
