import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../knowledge/index.js";
import { evaluateClaims, type LabelledClaim } from "./evaluate-claims.js";

const facts = loadPrefectFacts();
const row = (id: string, thread: string, text: string, label: LabelledClaim["label"]): LabelledClaim => ({
  id,
  thread,
  prefect_version: "3.1.8",
  text,
  label,
});

// The second sentence is false only with the first as its context ("They" are the blocks it names).
const rows = [
  row("a1", "t1", "`JSON`, `String` and `DateTime` still import from `prefect.blocks.system` on 3.1.", "true"),
  row("a2", "t1", "They were then removed completely in 3.2.0.", "false"),
  // Another thread: the context does not carry over.
  row("b1", "t2", "They were then removed completely in 3.2.0.", "uncheckable"),
  // A false sentence before a true one is the earlier sentence's, not this one's.
  row("c1", "t3", "`from prefect.futures import wait` works on 2.x.", "false"),
  row("c2", "t3", "Flows are defined with `@flow`.", "true"),
];

describe("evaluateClaims in context", () => {
  it("reads each sentence after its thread's earlier sentences and judges only its own claims", () => {
    const report = evaluateClaims(rows, facts, "t", { inContext: true });
    expect(report.truePositives).toBe(2);
    expect(report.misses.map((r) => r.id)).toEqual([]);
    expect(report.wrongFlags.map((r) => r.id)).toEqual([]);
  });

  it("reads each sentence alone by default", () => {
    const report = evaluateClaims(rows, facts, "t");
    expect(report.misses.map((r) => r.id)).toEqual(["a2"]);
  });
});
