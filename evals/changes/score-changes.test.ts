import { describe, expect, it } from "vitest";
import type { ChangeLead } from "../../knowledge/index.js";
import { parseChangeCases, scoreChangeCases } from "./score-changes.js";

const lead = (release: string | null, pr: number | null): ChangeLead => ({
  lead: release || pr ? `Fixed in ${release}` : null,
  basis: release || pr ? "release-notes" : null,
  release,
  pr,
  url: null,
  related: [],
});

describe("scoreChangeCases", () => {
  const text = [
    '{"id":"a","prefect_version":"3.4.20","question":"q1","expect":{"release":"3.4.25","pr":19258,"kind":"fix"}}',
    '{"id":"b","prefect_version":"3.4.20","question":"q2","expect":{"release":null,"pr":19277,"kind":"feature"}}',
    '{"id":"c","prefect_version":null,"question":"q3","expect":{"release":"prefect-aws==0.7.11","pr":null}}',
    '{"id":"d","prefect_version":"3.1.0","question":"q4","expect":{"release":null,"pr":null,"kind":null}}',
    '{"id":"e","prefect_version":"3.1.0","question":"q5","expect":{"release":"3.2.0","pr":1}}',
    "not json",
    '{"id":"f"}',
  ].join("\n");
  const { cases, skipped } = parseChangeCases(text);
  const said: Record<string, ChangeLead> = {
    a: lead("3.4.25", 1), // right release, wrong PR: correct
    b: lead("3.6.0", 19277), // right PR: correct
    c: lead("0.7.11", null), // integration release named with its package: correct
    d: lead("3.1.5", 5), // stated where the notes have no answer: wrong
    e: lead(null, null), // silent: a miss, not a wrong statement
  };
  const report = scoreChangeCases(cases, (c) => said[c.id]!, skipped);

  it("skips malformed lines with a note", () => {
    expect(cases).toHaveLength(5);
    expect(skipped).toEqual([expect.stringMatching(/^line 6: not JSON/), expect.stringMatching(/^line 7:/)]);
  });

  it.each([
    ["statements", 4],
    ["correct", 3],
    ["positives", 4],
    ["precision", 0.75],
    ["recall", 0.75],
    ["falseOnNegatives", 1],
  ] as const)("%s", (key, value) => {
    expect(report[key]).toBe(value);
  });
});
