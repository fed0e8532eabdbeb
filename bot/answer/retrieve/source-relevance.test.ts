import { describe, expect, it } from "vitest";
import type { SearchHit } from "../../../core/index.js";
import { relevance, relevantSources } from "./source-relevance.js";

function hit(id: string, title: string, kind: SearchHit["kind"] = "docs", section: string[] = []): SearchHit {
  return {
    id,
    docId: id,
    title,
    url: `https://example.test/${id}`,
    section,
    kind,
    versionTag: "3",
    score: 1,
    snippet: "",
    text: "",
  };
}

describe("relevantSources", () => {
  const about = "wait_for_flow_run is async and must be awaited; run_deployment timeout=0";

  it("keeps pages whose title names the topic and drops unrelated past threads", () => {
    const hits = [
      hit("d1", "flow_runs", "docs", ["wait_for_flow_run"]),
      hit("c1", "DaskTaskRunner import path on Prefect 2", "conversation"),
      hit("c2", "wait_for_flow_run returns a coroutine", "conversation", [
        "my run_deployment with timeout=0 never waits",
      ]),
    ];
    const kept = relevantSources(hits, about, 3).map((h) => h.id);
    expect(kept).toContain("d1");
    expect(kept).toContain("c2");
    expect(kept).not.toContain("c1");
  });

  it("does not count words every Prefect title has, nor error-message words", () => {
    expect(
      relevance(
        hit("x", "Running subflows: 'Flow' object has no attribute 'submit'"),
        "AttributeError: 'coroutine' object has no attribute 'state' in my flow",
      ),
    ).toBe(0);
  });

  it("does not match pages on the parts of an error class name", () => {
    expect(relevance(hit("r", "Runtime context"), "RuntimeError: Tasks cannot be run outside of a flow")).toBe(0);
  });

  it("cites nothing rather than something random, and never more than asked", () => {
    expect(relevantSources([hit("d9", "Global concurrency limits")], "Variable.get returns a value", 2)).toEqual([]);
    const many = ["a", "b", "c", "d"].map((id) => hit(id, `Variables guide ${id}`));
    expect(relevantSources(many, "variables", 2)).toHaveLength(2);
  });
});
