import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Embedder } from "../core/index.js";
import { EmbedderMismatchError, HashingEmbedder, IndexCorruptError, openKnowledgeBase } from "./index.js";

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

function writeDocs(dir: string, docs: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(docs)) writeFileSync(path.join(dir, name), body);
}

const DOCS = {
  "retries.md":
    "---\ntitle: Retries\n---\n## Task retries\n\nSet retries=3 and retry_delay_seconds on the task decorator.",
  "caching.md": "---\ntitle: Caching\n---\n## Cache policies\n\nINPUTS and TASK_SOURCE decide the cache key of a task.",
  "workers.md": "---\ntitle: Workers\n---\n## Work pools\n\nA worker polls a work pool for scheduled flow runs.",
};

/** Counts embed calls and fails from the chosen one on, like a provider dying mid-ingest. */
class FailingEmbedder implements Embedder {
  private readonly inner = new HashingEmbedder();
  readonly id = this.inner.id;
  readonly dimensions = this.inner.dimensions;
  calls = 0;

  constructor(private readonly failOnCall: number) {}

  async embed(texts: string[]): Promise<Float32Array[]> {
    this.calls++;
    if (this.calls >= this.failOnCall) throw new Error("embedding provider went away");
    return this.inner.embed(texts);
  }
}

describe("knowledge base", () => {
  it("ingests incrementally: added, updated, removed, unchanged", async () => {
    const dataDir = tempDir("orca-kb-inc-");
    const docs = path.join(tempDir("orca-docs-"), "v3");
    writeDocs(docs, DOCS);
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    expect(await kb.ingest([docs])).toMatchObject({ added: 3, updated: 0, removed: 0, unchanged: 0 });
    expect(await kb.ingest([docs])).toMatchObject({
      added: 0,
      updated: 0,
      removed: 0,
      unchanged: 3,
      embeddedChunks: 0,
    });

    writeFileSync(
      path.join(docs, "retries.md"),
      "---\ntitle: Retries\n---\n## Task retries\n\nUse exponential_backoff for the delays.",
    );
    rmSync(path.join(docs, "caching.md"));
    writeFileSync(
      path.join(docs, "logging.md"),
      "---\ntitle: Logging\n---\nget_run_logger gives a logger inside tasks.",
    );
    expect(await kb.ingest([docs])).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 1 });

    expect(kb.stats()).toMatchObject({ documents: 3, byVersion: { "3": 3 } });
    expect((await kb.search("exponential_backoff delays"))[0]?.title).toBe("Retries");
    expect((await kb.search("get_run_logger"))[0]?.title).toBe("Logging");
    expect((await kb.search("INPUTS TASK_SOURCE cache key", { mode: "bm25" })).map((h) => h.title)).not.toContain(
      "Caching",
    );

    // Another folder is another origin: ingesting it removes nothing from the first.
    const other = tempDir("orca-docs-other-");
    writeDocs(other, { "x.md": "# Extra\n\nSomething else." });
    expect(await kb.ingest([other])).toMatchObject({ added: 1, removed: 0 });
    await kb.close();

    // A fresh process sees the same index.
    const reopened = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    expect(reopened.stats().documents).toBe(4);
    expect((await reopened.search("get_run_logger"))[0]?.title).toBe("Logging");
  });

  it("keeps the previous index when an ingest fails midway, and ignores a half-written generation", async () => {
    const dataDir = tempDir("orca-kb-crash-");
    const docs = tempDir("orca-docs-");
    writeDocs(docs, DOCS);
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.ingest([docs]);
    const live = kb.stats().generation;

    const more = tempDir("orca-docs-more-");
    writeDocs(
      more,
      Object.fromEntries(
        Array.from({ length: 300 }, (_, i) => [`p${i}.md`, `# Page ${i}\n\n${"words ".repeat(50)}${i}`]),
      ),
    );
    const failing = await openKnowledgeBase({ dataDir, embedder: new FailingEmbedder(2) });
    await expect(failing.ingest([more])).rejects.toThrow("embedding provider went away");
    expect(failing.stats()).toMatchObject({ documents: 3, generation: live });
    expect((await failing.search("retry_delay_seconds"))[0]?.title).toBe("Retries");

    // A crash during a write leaves a generation folder without a manifest and a temp pointer behind.
    const root = path.join(dataDir, "index");
    mkdirSync(path.join(root, "gen-crashed-1"));
    writeFileSync(path.join(root, "gen-crashed-1", "chunks.json"), '[{"id":');
    writeFileSync(path.join(root, "CURRENT.999.tmp"), "gen-crashed-1");
    const afterCrash = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    expect(afterCrash.stats()).toMatchObject({ documents: 3, generation: live });
    expect((await afterCrash.search("work pool"))[0]?.title).toBe("Workers");
    // The next successful commit clears the leftovers.
    await afterCrash.ingest([more]);
    expect(readdirSync(root).sort()).toEqual(["CURRENT", readFileSync(path.join(root, "CURRENT"), "utf8")].sort());
    expect(afterCrash.stats().documents).toBe(303);
  });

  it("refuses to mix embedders, and re-embeds everything on the next ingest", async () => {
    const dataDir = tempDir("orca-kb-mix-");
    const docs = tempDir("orca-docs-");
    writeDocs(docs, DOCS);
    const first = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await first.ingest([docs]);
    await first.close();

    const other = new HashingEmbedder({ dimensions: 256 });
    const kb = await openKnowledgeBase({ dataDir, embedder: other });
    const error = await kb.search("retries").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderMismatchError);
    expect(error).toMatchObject({ code: "index_embedder_mismatch" });
    expect((error as Error).message).toContain("orca-hashing-v2:384");
    await expect(kb.addConversation({ id: "t1", title: "t", messages: [] })).rejects.toBeInstanceOf(
      EmbedderMismatchError,
    );

    const summary = await kb.ingest([docs]);
    expect(summary).toMatchObject({ unchanged: 3, reembedded: true, embeddedChunks: 3 });
    expect(kb.stats().embedder).toEqual({ id: other.id, dimensions: 256 });
    expect((await kb.search("retry_delay_seconds", { mode: "vector" }))[0]?.title).toBe("Retries");
  });

  it("adds conversations as they happen and filters by kind", async () => {
    const dataDir = tempDir("orca-kb-conv-");
    const docs = tempDir("orca-docs-");
    writeDocs(docs, DOCS);
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.ingest([docs]);
    const thread = {
      id: "C1/1700000000.1",
      title: "retries with backoff",
      url: "https://example.slack.com/archives/C1/p1700000000",
      versionTag: "3",
      messages: [
        { author: "person-1", isBot: false, text: "how do I add retries with a backoff?" },
        { author: "Orca", isBot: true, text: "Pass retry_delay_seconds=exponential_backoff(backoff_factor=2)." },
      ],
    };
    expect(await kb.addConversation(thread)).toMatchObject({ added: 1 });
    expect(await kb.addConversation(thread)).toMatchObject({ added: 0, unchanged: 1 });
    const hits = await kb.search("retries backoff", { kind: "conversation" });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: "conversation", url: thread.url, versionTag: "3" });
    expect(hits[0]?.text).toContain("Question: how do I add retries");
    expect((await kb.search("retries backoff", { kind: "docs" })).every((h) => h.kind === "docs")).toBe(true);
    // Ingesting the docs folder again does not remove live conversations.
    expect(await kb.ingest([docs])).toMatchObject({ removed: 0, unchanged: 3 });
    expect(kb.stats().byKind).toEqual({ docs: 3, conversation: 1 });
  });

  it("finds the few conversations beside many docs exactly, by vector alone too", async () => {
    const dataDir = tempDir("orca-kb-few-");
    const docs = tempDir("orca-docs-many-");
    const many: Record<string, string> = {};
    for (let i = 0; i < 150; i++)
      many[`page-${i}.md`] =
        `---\ntitle: Page ${i}\n---\n## Section\n\nDeployments, workers and retries, variant ${i}.`;
    writeDocs(docs, many);
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.ingest([docs]);
    const topics = ["sqlite database is locked", "ui blank behind nginx proxy", "variable get returns object"];
    for (const [i, topic] of topics.entries())
      await kb.addConversation({
        id: `T${i}`,
        title: topic,
        messages: [
          { author: "person-1", isBot: false, text: `help: ${topic}` },
          { author: "Orca", isBot: true, text: `Here is what to do about ${topic}.` },
        ],
      });
    for (const mode of ["vector", "hybrid"] as const) {
      const hits = await kb.search("the ui is blank behind my nginx proxy", { kind: "conversation", mode, k: 3 });
      expect(hits.map((h) => h.kind)).toEqual(["conversation", "conversation", "conversation"]);
      expect(hits[0]?.title).toBe("ui blank behind nginx proxy");
    }
    expect(
      (await kb.search("workers variant 7", { kind: "docs", mode: "vector", k: 5 })).every((h) => h.kind === "docs"),
    ).toBe(true);
    await kb.close();
  });

  it("prefers the asker's Prefect major and suppresses near-duplicates", async () => {
    const dataDir = tempDir("orca-kb-ver-");
    const root = tempDir("orca-docs-");
    const text = "## Task runners\n\nThe task runner decides how submitted tasks run concurrently in a flow.";
    writeDocs(path.join(root, "v2"), { "runners.md": `# Runners (2.x)\n\n${text}` });
    writeDocs(path.join(root, "v3"), { "runners.md": `# Runners (3.x)\n\n${text}` });
    writeDocs(path.join(root, "copy"), { "runners.md": `# Runners copy\n\n${text}` });
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.ingest([path.join(root, "v2"), path.join(root, "v3")]);
    expect((await kb.search("task runner concurrently", { prefectMajor: 3 }))[0]?.versionTag).toBe("3");
    expect((await kb.search("task runner concurrently", { prefectMajor: 2 }))[0]?.versionTag).toBe("2");

    await kb.ingest([{ source: path.join(root, "copy"), versionTag: "3" }]);
    const hits = await kb.search("task runner concurrently", { k: 5, prefectMajor: 3 });
    const v3Like = hits.filter((h) => h.versionTag === "3");
    // The v3 page and its verbatim copy carry the same chunk: only one of them is shown.
    expect(v3Like).toHaveLength(1);
  });

  it("reports a damaged index with a clear typed error", async () => {
    const dataDir = tempDir("orca-kb-corrupt-");
    const docs = tempDir("orca-docs-");
    writeDocs(docs, DOCS);
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.ingest([docs]);
    const current = readFileSync(path.join(dataDir, "index", "CURRENT"), "utf8");
    writeFileSync(path.join(dataDir, "index", current, "chunks.json"), "[1, 2");
    const error = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexCorruptError);
    expect((error as Error).message).toMatch(/cannot be read.*ingest again/);
  });

  it("writes on top of another writer's newer generation, and respects a live writer's lock", async () => {
    const dataDir = tempDir("orca-kb-lock-");
    const one = tempDir("orca-docs-one-");
    const two = tempDir("orca-docs-two-");
    writeDocs(one, { "a.md": "# Alpha\n\nfirst folder" });
    writeDocs(two, { "b.md": "# Beta\n\nsecond folder" });
    const server = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    const cli = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await cli.ingest([one]);
    // The long-lived instance loaded before that commit; its own write must not drop it.
    await server.addConversation({
      id: "t",
      title: "Gamma",
      messages: [{ author: "p", isBot: false, text: "gamma?" }],
    });
    expect(server.stats().documents).toBe(2);
    await server.ingest([two]);
    const fresh = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    expect(fresh.stats().documents).toBe(3);

    const lock = path.join(dataDir, "index", "LOCK");
    writeFileSync(lock, String(process.ppid));
    await expect(fresh.ingest([one])).rejects.toMatchObject({
      code: "data_dir_unwritable",
      message: expect.stringContaining(`another orca process (pid ${process.ppid})`),
    });
    // A lock left by a process that no longer exists is taken over.
    writeFileSync(lock, "999999999");
    expect(await fresh.ingest([one])).toMatchObject({ unchanged: 1 });
    expect(readdirSync(path.join(dataDir, "index"))).not.toContain("LOCK");
  });

  it("falls back to BM25 when the query cannot be embedded, except in vector mode", async () => {
    const dataDir = tempDir("orca-kb-down-");
    const docs = tempDir("orca-docs-");
    writeDocs(docs, DOCS);
    const built = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await built.ingest([docs]);
    await built.close();
    const down = new FailingEmbedder(1);
    const kb = await openKnowledgeBase({ dataDir, embedder: down });
    expect((await kb.search("retry_delay_seconds"))[0]?.title).toBe("Retries");
    await expect(kb.search("retry_delay_seconds", { mode: "vector" })).rejects.toThrow();
  });

  it("embeds a query once for the searches of one question, and does not keep a failed embedding", async () => {
    const dataDir = tempDir("orca-kb-query-");
    const docs = tempDir("orca-docs-");
    writeDocs(docs, DOCS);
    const built = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await built.ingest([docs]);
    await built.close();
    const counting = new FailingEmbedder(Number.POSITIVE_INFINITY);
    const kb = await openKnowledgeBase({ dataDir, embedder: counting });
    const [docsHits, conversations] = await Promise.all([
      kb.search("task retries", { kind: "docs" }),
      kb.search("task retries", { kind: "conversation" }),
    ]);
    expect(docsHits[0]?.title).toBe("Retries");
    expect(conversations).toEqual([]);
    expect(counting.calls).toBe(1);
    await kb.search("work pools");
    expect(counting.calls).toBe(2);

    const down = new FailingEmbedder(1);
    const failing = await openKnowledgeBase({ dataDir, embedder: down });
    await failing.search("task retries");
    await failing.search("task retries");
    expect(down.calls).toBe(2);
  });
});
