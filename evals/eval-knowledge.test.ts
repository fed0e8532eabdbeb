import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
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

  // Runs side by side share the cache: a slot that another run's prune emptied under this one is built again.
  it("builds again when its cached slot lost its index", async () => {
    const first = await prepareEvalIndex({ inputs: [docs], embedder, logger: silentLogger(), cacheDir: cache });
    await first.dispose();
    await rm(path.join(cache, first.key, "index"), { recursive: true, force: true });
    const again = await prepareEvalIndex({ inputs: [docs], embedder, logger: silentLogger(), cacheDir: cache });
    try {
      expect(again.cached).toBe(false);
      expect(existsSync(path.join(cache, again.key, "index"))).toBe(true);
    } finally {
      await again.dispose();
    }
  });

  // The prune drops the least recently used slots: one a run has just read stays over one built later but unused.
  it("keeps a slot it has just read when newer builds fill the cache", async () => {
    const lru = path.join(root, "lru");
    const folder = async (name: string) => {
      const dir = path.join(root, `lru-${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${name}.md`), `# ${name}\n\nSet retries=3 on the ${name} task.\n`);
      return dir;
    };
    const prepare = async (dir: string) => {
      const index = await prepareEvalIndex({ inputs: [dir], embedder, logger: silentLogger(), cacheDir: lru });
      await index.dispose();
      return index.key;
    };
    const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map(folder));
    const keyA = await prepare(a!);
    const keyB = await prepare(b!);
    await prepare(c!);
    // A is the oldest on disk, B next, until a run reads A.
    const ago = (ms: number) => new Date(Date.now() - ms);
    await utimes(path.join(lru, keyA), ago(60_000), ago(60_000));
    await utimes(path.join(lru, keyB), ago(30_000), ago(30_000));
    await prepare(a!);
    await prepare(d!);
    const slots = await readdir(lru);
    expect(slots).toContain(keyA);
    expect(slots).not.toContain(keyB);
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
