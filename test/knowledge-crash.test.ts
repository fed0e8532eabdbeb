// A real crash: `orca ingest` killed with SIGKILL part-way through. Whenever the kill lands, the index must open
// and be either the previous generation or the complete new one, never a mix.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../core/index.js";
import { HashingEmbedder, openKnowledgeBase } from "../knowledge/index.js";

function writeDocs(dir: string, count: number, prefix: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(
      path.join(dir, `${prefix}-${i}.md`),
      `# ${prefix} page ${i}\n\n${"some words about flows and tasks ".repeat(80)}\n\n## Part ${i}\n\nmarker${prefix}${i}`,
    );
  }
}

function ingestThenKill(dataDir: string, input: string, killAfterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "orca.mjs"), "ingest", input], {
      env: { ...process.env, ORCA_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("crash during ingest", () => {
  it("leaves a usable index, old or new, whenever the process is killed", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "orca-crash-"));
    const dataDir = path.join(root, "data");
    writeDocs(path.join(root, "base"), 3, "base");
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.ingest([path.join(root, "base")]);
    await kb.close();

    writeDocs(path.join(root, "big"), 1500, "big");
    for (const delay of [1500, 3000, 4500]) {
      await ingestThenKill(dataDir, path.join(root, "big"), delay);
      const reopened = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
      const { documents } = reopened.stats();
      expect([3, 1503]).toContain(documents);
      expect((await reopened.search("markerbase2"))[0]?.title).toBe("base page 2");
      if (documents === 1503) expect((await reopened.search("markerbig77"))[0]?.title).toBe("big page 77");
      await reopened.close();
    }
  }, 120_000);
});
