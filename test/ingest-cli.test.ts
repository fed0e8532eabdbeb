// `orca ingest` and `orca search` end to end, in process, on the knowledge pack that ships with Orca.

import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, type SearchHit } from "../core/index.js";
import { runOrca } from "./support/run-orca.js";

const conversations = path.join(repoRoot, "knowledge", "pack", "conversations");

async function run(argv: string[], env: NodeJS.ProcessEnv, tty = false) {
  const { code, stdout, stderr } = await runOrca(argv, { env, tty });
  return { code, out: stdout, err: stderr };
}

describe.skipIf(!existsSync(conversations))("orca ingest / orca search", () => {
  it("ingests conversations with a progress bar on a terminal and a summary line always", async () => {
    const env = { ORCA_DATA_DIR: mkdtempSync(path.join(tmpdir(), "orca-cli-")) };
    const first = await run(["ingest", conversations, "--kind", "conversations", "--version-tag", "3"], env, true);
    expect(first.code).toBe(0);
    expect(first.err).toContain("\r[");
    expect(first.out).toMatch(
      /^ingest: \d+ added, 0 updated, 0 removed, 0 unchanged, 0 skipped \(\d+ chunks embedded\)/,
    );

    // Without --kind, a folder with a manifest.json is read as conversations too.
    const second = await run(["ingest", conversations, "--version-tag", "3", "--json"], env);
    expect(second.err).not.toContain("\r");
    const summary = JSON.parse(second.out) as { added: number; removed: number; unchanged: number };
    expect(summary).toMatchObject({ added: 0, removed: 0 });
    expect(summary.unchanged).toBeGreaterThan(10);

    const search = await run(
      ["search", "Flow object has no attribute submit", "--kind", "conversations", "--json"],
      env,
    );
    const hits = JSON.parse(search.out) as SearchHit[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === "conversation" && h.versionTag === "3")).toBe(true);
    expect(hits[0]?.text).toMatch(/submit/i);

    const human = await run(["search", "agent", "--k", "2", "--mode", "bm25"], env);
    expect(human.out).toMatch(/^1\. .+\(conversation, v3, score [\d.]+\)\n {3}\S+\n {3}.+\n2\. /);
  });

  it("rejects bad options with one clear line", async () => {
    const env = { ORCA_DATA_DIR: mkdtempSync(path.join(tmpdir(), "orca-cli-")) };
    const badVersion = await run(["search", "x", "--prefect-version", "banana"], env);
    expect(badVersion.code).toBe(1);
    expect(badVersion.err).toBe(
      'orca: --prefect-version must be a 2.x or 3.x version such as 3 or 2.20, got "banana"\n',
    );
    const badTag = await run(["ingest", conversations, "--version-tag", "three"], env);
    expect(badTag.code).toBe(1);
    expect(badTag.err).toContain("--version-tag must be a major version");
  });

  it("seeds an empty index with the default pack on the first search", async () => {
    const env = { ORCA_DATA_DIR: mkdtempSync(path.join(tmpdir(), "orca-cli-")) };
    const result = await run(["search", "serve vs deploy", "--k", "3", "--prefect-version", "3"], env);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/indexed the default knowledge pack \(\d+ documents\)/);
    expect(result.out).toMatch(/^1\. /);
  });
});
