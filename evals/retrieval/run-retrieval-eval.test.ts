import { describe, expect, it } from "vitest";
import type { Retriever, SearchHit, SearchOptions } from "../../core/index.js";
import { runRetrievalEval } from "./run-retrieval-eval.js";

function hit(docId: string, versionTag: string | null, url: string): SearchHit {
  return {
    id: `${docId}#0`,
    docId,
    title: "t",
    url,
    section: [],
    kind: "docs",
    versionTag,
    score: 1,
    snippet: "",
    text: "",
  };
}

/** Answers from a fixed table per mode, recording what it was asked. */
class TableRetriever implements Retriever {
  readonly calls: SearchOptions[] = [];
  constructor(private readonly table: Record<string, SearchHit[]>) {}
  async search(_query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    this.calls.push(options);
    return this.table[options.mode ?? "hybrid"] ?? [];
  }
}

const cases = [
  { question: "q1", prefectMajor: 3 as const, expected: ["v3/concepts/flows.mdx"] },
  { question: "q2", prefectMajor: 3 as const, expected: ["v3/concepts/flows.mdx", "v3/concepts/tasks.mdx"] },
];

describe("runRetrievalEval", () => {
  it("scores hit@1, hit@5 and MRR per mode over distinct pages", async () => {
    const flows = hit("abc:concepts/flows.mdx", "3", "https://docs.prefect.io/v3/concepts/flows");
    const other = (n: number) => hit(`abc:other-${n}.mdx`, "3", `https://x/${n}`);
    const retriever = new TableRetriever({
      hybrid: [flows, flows],
      bm25: [other(1), other(1), other(2), flows],
      vector: [1, 2, 3, 4, 5, 6].map(other).concat(flows),
    });
    const result = await runRetrievalEval(retriever, { cases });
    const byMode = Object.fromEntries(result.modes.map((m) => [m.mode, m]));
    expect(byMode.hybrid).toMatchObject({ hitAt1: 1, hitAt5: 1, mrr: 1 });
    expect(byMode.bm25).toMatchObject({ hitAt1: 0, hitAt5: 1 });
    expect(byMode.bm25?.mrr).toBeCloseTo(1 / 3);
    expect(byMode.vector).toMatchObject({ hitAt1: 0, hitAt5: 0 });
    expect(byMode.vector?.mrr).toBeCloseTo(1 / 7);
    expect(retriever.calls.every((c) => c.kind === "docs" && c.prefectMajor === 3 && c.k === 10)).toBe(true);
  });

  it("never counts a pack note that links the same public page", async () => {
    const note = hit("def:flows-note.md", null, "https://docs.prefect.io/v3/concepts/flows");
    const result = await runRetrievalEval(new TableRetriever({ hybrid: [note] }), { cases, modes: ["hybrid"] });
    expect(result.modes[0]).toMatchObject({ hitAt5: 0, mrr: 0 });
  });
});
