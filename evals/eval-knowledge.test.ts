import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../core/index.js";
import { createEmbedder, openKnowledgeBase } from "../knowledge/index.js";
import { ingestInputsFor, inputsKey, prepareEvalIndex, SHARED_DOCS } from "./eval-knowledge.js";

describe("eval index", () => {
  let root: string;
  let docs: string;
  let cache: string;
  const embedder = createEmbedder();

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "orca-eval-kb-"));
    docs = path.join(root, "docs");
    cache = path.join(root, "cache");
    await mkdir(docs);
    await writeFile(path.join(docs, "futures.md"), "# Futures\n\nCall prefect.futures.wait on submitted futures.\n");
    await writeFile(path.join(docs, "retries.md"), "# Retries\n\nSet retries=3 on the task decorator.\n");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("keys the cache by the inputs' content", async () => {
    const first = await inputsKey([docs], embedder);
    expect(await inputsKey([docs], embedder)).toBe(first);
    await writeFile(path.join(docs, "retries.md"), "# Retries\n\nSet retries=5 on the task decorator.\n");
    expect(await inputsKey([docs], embedder)).not.toBe(first);
    expect(await inputsKey(["https://example.com/docs"], embedder)).toBeNull();
  });

  it("builds once, then hands each run a private copy of the cached index", async () => {
    const a = await prepareEvalIndex({ inputs: [docs], embedder, logger: silentLogger(), cacheDir: cache });
    const b = await prepareEvalIndex({ inputs: [docs], embedder, logger: silentLogger(), cacheDir: cache });
    try {
      expect([a.cached, b.cached]).toEqual([false, true]);
      expect(a.dataDir).not.toBe(b.dataDir);
      expect((await readdir(cache)).filter((n) => !n.startsWith("build-"))).toEqual([a.key]);
      const kb = await openKnowledgeBase({ dataDir: b.dataDir, embedder });
      const hits = await kb.search("wait on submitted futures", { k: 1 });
      await kb.close();
      expect(hits[0]?.title).toMatch(/Futures/);
    } finally {
      await a.dispose();
      await b.dispose();
    }
    expect(existsSync(a.dataDir) || existsSync(b.dataDir)).toBe(false);
  });

  it("refuses to replay against an index with nothing in it", async () => {
    const empty = path.join(root, "empty");
    await mkdir(empty);
    await expect(
      prepareEvalIndex({ inputs: [empty], embedder, logger: silentLogger(), cacheDir: cache }),
    ).rejects.toThrow(/nothing was indexed/);
  });

  it("keeps the public URLs of the shared docs when they are named with --ingest", () => {
    const [v3] = SHARED_DOCS;
    expect(ingestInputsFor([v3.dir, docs])).toEqual([
      { source: v3.dir, kind: "docs", versionTag: "3", baseUrl: "https://docs.prefect.io/v3/" },
      path.resolve(docs),
    ]);
  });
});
