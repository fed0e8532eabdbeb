import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureDefaultKnowledge, HashingEmbedder, openKnowledgeBase, packHash } from "./index.js";

function tempPack(): { pack: string; note: (name: string, body: string) => void } {
  const pack = mkdtempSync(path.join(tmpdir(), "orca-pack-"));
  mkdirSync(path.join(pack, "notes"));
  const note = (name: string, body: string) =>
    writeFileSync(
      path.join(pack, "notes", name),
      `---\ntitle: ${name}\nurl: https://docs.prefect.io/v3/${name}\n---\n${body}\n`,
    );
  return { pack, note };
}

describe("ensureDefaultKnowledge", () => {
  it("indexes an empty index, then re-syncs the pack only when its content changed", async () => {
    const { pack, note } = tempPack();
    note("retries.md", "# Retries\n\nSet retries on the task decorator.");
    note("caching.md", "# Caching\n\nCache policies decide the cache key.");
    const dataDir = mkdtempSync(path.join(tmpdir(), "orca-pack-data-"));
    const stampFile = path.join(dataDir, "pack-stamp.json");
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });

    expect(await ensureDefaultKnowledge(kb, { packDir: pack, stampFile })).toMatchObject({ added: 2 });
    expect(JSON.parse(readFileSync(stampFile, "utf8")).packHash).toBe(packHash(pack));
    expect(await ensureDefaultKnowledge(kb, { packDir: pack, stampFile })).toBeNull();

    // An upgrade changes one note, adds one and drops one: only those are touched.
    note("retries.md", "# Retries\n\nUse exponential_backoff for the delays between retries.");
    note("logging.md", "# Logging\n\nget_run_logger gives a logger inside tasks.");
    rmSync(path.join(pack, "notes", "caching.md"));
    expect(await ensureDefaultKnowledge(kb, { packDir: pack, stampFile })).toMatchObject({
      added: 1,
      updated: 1,
      removed: 1,
      unchanged: 0,
    });
    expect((await kb.search("exponential_backoff"))[0]?.title).toBe("retries.md");
    expect(await ensureDefaultKnowledge(kb, { packDir: pack, stampFile })).toBeNull();
    await kb.close();
    rmSync(pack, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("re-syncs an index built before stamps existed, and leaves other documents alone", async () => {
    const { pack, note } = tempPack();
    note("retries.md", "# Retries\n\nSet retries on the task decorator.");
    const other = mkdtempSync(path.join(tmpdir(), "orca-other-docs-"));
    writeFileSync(path.join(other, "extra.md"), "# Extra\n\nSomething from another folder.");
    const dataDir = mkdtempSync(path.join(tmpdir(), "orca-pack-data-"));
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.ingest([other]);

    const stampFile = path.join(dataDir, "pack-stamp.json");
    expect(await ensureDefaultKnowledge(kb, { packDir: pack, stampFile })).toMatchObject({ added: 1, removed: 0 });
    expect(kb.stats().documents).toBe(2);
    // Without a stamp file the old behaviour holds: a non-empty index is left as it is.
    note("retries.md", "# Retries\n\nChanged.");
    expect(await ensureDefaultKnowledge(kb, { packDir: pack })).toBeNull();
    await kb.close();
    for (const dir of [pack, other, dataDir]) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the pack's documents when the checkout moves, instead of indexing a second copy", async () => {
    const { pack, note } = tempPack();
    note("retries.md", "# Retries\n\nSet retries on the task decorator.");
    const dataDir = mkdtempSync(path.join(tmpdir(), "orca-pack-data-"));
    const stampFile = path.join(dataDir, "pack-stamp.json");
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await ensureDefaultKnowledge(kb, { packDir: pack, stampFile });

    const moved = mkdtempSync(path.join(tmpdir(), "orca-pack-moved-"));
    cpSync(pack, moved, { recursive: true });
    writeFileSync(path.join(moved, "notes", "retries.md"), readFileSync(path.join(pack, "notes", "retries.md")));
    writeFileSync(stampFile, JSON.stringify({ packHash: "stale" }));
    expect(await ensureDefaultKnowledge(kb, { packDir: moved, stampFile })).toMatchObject({
      added: 0,
      removed: 0,
      unchanged: 1,
    });
    expect(kb.stats().documents).toBe(1);
    await kb.close();
    for (const dir of [pack, moved, dataDir]) rmSync(dir, { recursive: true, force: true });
  });

  it("gives the same hash for the same content and a different one after an edit", () => {
    const { pack, note } = tempPack();
    note("a.md", "# A\n\nOne.");
    const first = packHash(pack);
    expect(packHash(pack)).toBe(first);
    note("a.md", "# A\n\nTwo.");
    expect(packHash(pack)).not.toBe(first);
    rmSync(pack, { recursive: true, force: true });
  });
});
