// The futures repairs (subflows submitted or mapped like tasks, subflow calls used as futures, futures a 3.x flow
// leaves unresolved, `wait` on 2.x), each from a Python fixture to the exact corrected code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PrefectMajor } from "../../../core/index.js";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { createLinter } from "../../../lint/index.js";
import { repairCode } from "./code-repairs.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/futures/${name}.py`, import.meta.url), "utf8");

const facts = loadPrefectFacts();
const linter = await createLinter(facts);
const RELEASE: Record<PrefectMajor, string> = { 2: "2.20.16", 3: "3.4.20" };

describe("futures repairs on the tree", () => {
  it.each([
    // fixture, major, the findings' topics and original lines
    ["flow-submit-3x", 3, [{ topic: "flow-submit", lines: [11] }]],
    // A signature over several lines keeps its annotations, defaults, `*` and `**options`; strings and comments
    // that mention `child.submit(` are not code and stay as they are.
    ["flow-submit-multiline-signature", 3, [{ topic: "flow-submit", lines: [17] }]],
    ["flow-submit-2x", 2, [{ topic: "flow-submit", lines: [6, 7] }]],
    ["flow-map-return", 3, []],
    ["subflow-futures", 3, [{ topic: "subflow-call-result", lines: [8] }]],
    ["unresolved-bare", 3, [{ topic: "unresolved-futures", lines: [8] }]],
    [
      "unresolved-extend-wait",
      3,
      [
        { topic: "wait-not-imported", lines: [7] },
        { topic: "unresolved-futures", lines: [6] },
      ],
    ],
    // An existing `wait([...])` gets the missing futures (its other arguments kept); an empty list too.
    ["unresolved-extend-wait-list", 3, [{ topic: "unresolved-futures", lines: [8, 14] }]],
    ["wait-2x", 2, [{ topic: "prefect-wait-import", lines: [1] }]],
  ] as const)("%s (Prefect %i)", (name, major, findings) => {
    const out = repairCode(fixture(name), { major, hasFuturesWait: major === 3 });
    expect(out.code).toBe(fixture(`${name}.expected`));
    expect(out.findings).toEqual(findings);
    // What the repairs produce parses, and the linter finds none of the futures problems in it any more.
    const rules = linter.lint(out.code, RELEASE[major]).diagnoses.map((d) => d.rule);
    expect(rules).not.toContain("syntax-error");
    expect(rules).not.toContain("unresolved-futures");
    expect(rules).not.toContain("unknown-attribute");
  });

  it("leaves resolved futures, chained waits and Prefect 2 flows alone", () => {
    const resolved = "@flow\ndef f():\n    a = t.submit()\n    return a.result()";
    expect(repairCode(resolved, { major: 3, hasFuturesWait: true }).findings).toEqual([]);
    const chained = "from prefect import flow\n\n\n@flow\ndef f():\n    t.submit().wait()";
    expect(repairCode(chained, { major: 3, hasFuturesWait: true }).code).toBe(chained);
    const v2 = "from prefect import flow\n\n\n@flow\ndef f():\n    t.submit()";
    expect(repairCode(v2, { major: 2, hasFuturesWait: false }).code).toBe(v2);
  });

  it("does not take a subflow bound to infrastructure, or `.map` of an unknown object, for a plain flow", () => {
    const bound =
      "@kubernetes(work_pool='k8s')\n@flow\ndef child():\n    return 1\n\n@flow\ndef p():\n    return child.submit().result()";
    expect(repairCode(bound, { major: 3, hasFuturesWait: true }).code).toContain("return child.submit().result()");
    const pool = "@flow\ndef p():\n    return pool_flow.map(f, xs)";
    expect(repairCode(pool, { major: 3, hasFuturesWait: true }).code).toContain("pool_flow.map(");
  });
});
