// The LangChain retriever over a real knowledge base built from a small folder of Markdown.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HashingEmbedder, OrcaRetriever, openKnowledgeBase } from "./index.js";

let dir: string;
let kb: Awaited<ReturnType<typeof openKnowledgeBase>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "orca-retriever-"));
  const docs = path.join(dir, "docs");
  mkdirSync(docs);
  writeFileSync(path.join(docs, "pools.md"), "# Work pools\n\nA work pool routes flow runs to workers.\n");
  writeFileSync(path.join(docs, "cache.md"), "# Caching\n\nCache keys decide when a task result is reused.\n");
  kb = await openKnowledgeBase({ dataDir: path.join(dir, "data"), embedder: new HashingEmbedder() });
  await kb.ingest([{ source: docs, baseUrl: "https://docs.example.test/" }]);
});

afterAll(async () => {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("OrcaRetriever", () => {
  it("answers LangChain's invoke with Documents carrying Orca's metadata, best hit first", async () => {
    const docs = await new OrcaRetriever({ index: kb, k: 2 }).invoke("how are flow runs routed to workers?");
    expect(docs.length).toBeGreaterThan(0);
    expect(docs[0]!.pageContent).toContain("work pool routes flow runs");
    expect(docs[0]!.metadata).toMatchObject({ title: "Work pools", kind: "docs" });
    expect(docs[0]!.metadata.url).toMatch(/^https:\/\/docs\.example\.test\//);
  });

  it("respects k", async () => {
    expect(await new OrcaRetriever({ index: kb, k: 1 }).invoke("cache keys and work pools")).toHaveLength(1);
  });
});
