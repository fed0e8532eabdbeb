// Version traps on the tree, from a Python fixture to the exact corrected code, through the same steps as
// check-code (lint, repair, repairs on the tree, lint again): the result must be clean for the release.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { createLinter } from "../../../lint/index.js";
import { repairPipeline } from "../../../test/support/repair-pipeline.js";
import { removeDependents } from "./python-edits.js";

const facts = loadPrefectFacts();
const linter = await createLinter(facts);
const read = (name: string) => readFileSync(new URL(`./fixtures/traps/${name}.py`, import.meta.url), "utf8");

const repair = repairPipeline(facts, linter);

describe("version traps on the tree", () => {
  it.each([
    // A removed name goes with what depends on it; a comment on the removed line goes with it (one marker).
    ["removed-name", "3.4.20"],
    // Strings that mention the name stay; a loop left empty gets `pass`; an `if` on the name goes with its `else`.
    ["removed-name-in-blocks", "3.4.20"],
    ["decorator-argument", "3.4.20"],
    ["submit-to-runner", "3.6.0"],
    ["build-from-flow", "3.4.20"],
    ["json-block", "3.5.2"],
    ["s3-block", "3.4.20"],
    ["schedules", "2.20.16"],
    ["apply-async-top-level", "2.20.16"],
    ["cache-policy-2x", "2.20.16"],
    ["wait-2x", "2.20.16"],
    ["process-pool-2x", "2.20.16"],
    // A `with` on a name the release lacks goes with its block.
    ["with-block-2x", "2.20.4"],
  ])("%s (Prefect %s)", (name, version) => {
    const { code, after } = repair(read(name), version);
    expect(code).toBe(read(`${name}.expected`));
    expect(after).toEqual([]);
  });
});

describe("removeDependents", () => {
  it.each([
    // code, names, expected
    ["x = a()\ny = x + 1\nz = 2\n", ["a"], "# gone\nz = 2\n"],
    ["def f():\n    x = a()\n    return x\n", ["a"], "def f():\n    # gone\n    pass\n"],
    ["if a:\n    b()\nc()\n", ["a"], "# gone\nc()\n"],
    ["print('a is fine')  # a\nq = 1\n", ["a"], "print('a is fine')  # a\nq = 1\n"],
    ["@flow(x=a(), retries=1)\ndef f():\n    pass\n", ["a"], "# gone\n@flow(retries=1)\ndef f():\n    pass\n"],
    // A `with` whose header uses the name goes with its block.
    ["def f():\n    with a():\n        g()\n    return 1\n", ["a"], "def f():\n    # gone\n    return 1\n"],
    ["try:\n    a()\nexcept E:\n    b()\n", ["a"], "try:\n    # gone\n    pass\nexcept E:\n    b()\n"],
  ])("%j without %j", (code, names, expected) => {
    expect(removeDependents(code, names, "gone")).toBe(expected);
  });
});
