// A real crash: `orca ingest` killed with SIGKILL part-way through. Whenever the kill lands, the index must open
// and be either the previous generation or the complete new one, never a mix.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../core/index.js";
import { HashingEmbedder, openKnowledgeBase } from "../knowledge/index.js";

function writeDocs(dir: string, count: number, prefix: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const body = "some words about flows and tasks ".repeat(80);
    writeFileSync(
      path.join(dir, `${prefix}-${i}.md`),
      `# ${prefix} page ${i}\n\n${body}\n\n## Part ${i}\n\nmarker${prefix}${i}`,
    );
  }
}

/** Runs `orca ingest`, killing it after `killAfterMs` when given; resolves with the wall time. */
function ingest(dataDir: string, input: string, killAfterMs?: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "orca.mjs"), "ingest", input], {
      env: { ...process.env, ORCA_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

describe("crash during ingest", () => {
  it("leaves a usable index, old or new, whenever the process is killed", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "orca-crash-"));
    const baseData = path.join(root, "base-data");
    writeDocs(path.join(root, "base"), 3, "base");
    const kb = await openKnowledgeBase({ dataDir: baseData, embedder: new HashingEmbedder() });
    await kb.ingest([path.join(root, "base")]);
    await kb.close();
    const big = path.join(root, "big");
    writeDocs(big, 600, "big");

    // One complete run tells how long an ingest takes here; the kills land late in it, where the writes are.
    const full = path.join(root, "full");
    cpSync(baseData, full, { recursive: true });
    const duration = await ingest(full, big);
    const outcomes: number[] = [];
    for (const fraction of [0.7, 0.85, 0.95]) {
      const dataDir = path.join(root, `kill-${fraction}`);
      cpSync(baseData, dataDir, { recursive: true });
      await ingest(dataDir, big, Math.round(duration * fraction));
      const reopened = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
      const { documents } = reopened.stats();
      outcomes.push(documents);
      expect([3, 603]).toContain(documents);
      expect((await reopened.search("markerbase2"))[0]?.title).toBe("base page 2");
      if (documents === 603) expect((await reopened.search("markerbig77"))[0]?.title).toBe("big page 77");
      await reopened.close();
    }
    console.log(`full ingest ${duration} ms; documents after each kill: ${outcomes.join(", ")}`);
  }, 180_000);
});
