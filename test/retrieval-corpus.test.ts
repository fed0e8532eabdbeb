// Retrieval over the real shared docs corpus (v3 MDX + v2 Markdown), built once for this file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import type { SearchHit } from "../core/index.js";
import {
  corpusAvailable,
  corpusInputs,
  formatRetrievalReport,
  RETRIEVAL_CASES,
  runRetrievalEval,
} from "../evals/retrieval/index.js";
import { HashingEmbedder, type KnowledgeBase, openKnowledgeBase } from "../knowledge/index.js";

const available = corpusAvailable();

describe.skipIf(!available)("retrieval over the shared Prefect docs corpus", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "orca-corpus-"));
  let kb: KnowledgeBase;

  beforeAll(async () => {
    kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    const summary = await kb.ingest(corpusInputs());
    expect(summary).toMatchObject({ added: 1273, updated: 0, removed: 0 });
  }, 300_000);

  afterAll(async () => {
    await kb?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("indexes both versions with their public URLs, and a second run finds nothing changed", async () => {
    expect(kb.stats()).toMatchObject({ documents: 1273, byVersion: { "2": 336, "3": 937 } });
    const again = await kb.ingest(corpusInputs());
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 1273, embeddedChunks: 0 });

    const v3 = await kb.search("configure ThreadPoolTaskRunner max_workers", { prefectMajor: 3 });
    expect(v3[0]?.url.startsWith("https://docs.prefect.io/v3/")).toBe(true);
    const v2 = await kb.search("start an agent polling a work queue", { prefectMajor: 2 });
    expect(v2[0]?.url).toMatch(/^https:\/\/docs-2\.prefect\.io\/latest\/.+\/$/);
  }, 120_000);

  it(`scores ${RETRIEVAL_CASES.length} questions in every mode, hybrid above a safe floor`, async () => {
    const result = await runRetrievalEval(kb);
    console.log(formatRetrievalReport(result));
    const hybrid = result.modes.find((m) => m.mode === "hybrid");
    const bm25 = result.modes.find((m) => m.mode === "bm25");
    const vector = result.modes.find((m) => m.mode === "vector");
    expect(RETRIEVAL_CASES.length).toBeGreaterThanOrEqual(40);
    expect(hybrid?.hitAt5).toBeGreaterThanOrEqual(0.75);
    expect(bm25?.hitAt5).toBeGreaterThanOrEqual(0.6);
    // The offline vectors must be useful on their own, not noise.
    expect(vector?.hitAt5).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it("answers `orca search --json` with title, URL, section, score and snippet", async () => {
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (d) => {
      out += d;
    });
    const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: { ORCA_DATA_DIR: dataDir } };
    const argv = [
      "node",
      "orca",
      "search",
      "retry a task with a delay",
      "--k",
      "3",
      "--prefect-version",
      "3.4.1",
      "--json",
    ];
    expect(await main(argv, io)).toBe(0);
    const hits = JSON.parse(out) as SearchHit[];
    expect(hits).toHaveLength(3);
    for (const h of hits) {
      expect(h).toMatchObject({ kind: "docs", versionTag: expect.any(String) });
      expect(h.title.length).toBeGreaterThan(0);
      expect(h.url).toMatch(/^https:\/\//);
      expect(Array.isArray(h.section)).toBe(true);
      expect(h.score).toBeGreaterThan(0);
      expect(h.snippet.length).toBeGreaterThan(0);
    }
    expect(hits.some((h) => h.url === "https://docs.prefect.io/v3/how-to-guides/workflows/retries")).toBe(true);
  });
});
