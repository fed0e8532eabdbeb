// Bad input through the CLI and the index: every problem is skipped with a reason, counted, and nothing crashes
// or leaves a half-written index.
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { HashingEmbedder, openKnowledgeBase } from "../knowledge/index.js";

function io(dataDir: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => {
    out += d;
  });
  stderr.on("data", (d) => {
    err += d;
  });
  return {
    io: { stdout, stderr, stdin: new PassThrough(), env: { ORCA_DATA_DIR: dataDir, LOG_LEVEL: "silent" } },
    out: () => out,
    err: () => err,
  };
}

function badFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "orca-bad-"));
  writeFileSync(path.join(dir, "good.md"), "# Good page\n\nWork pools hold scheduled runs.");
  writeFileSync(path.join(dir, "binary.md"), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0xff]));
  writeFileSync(path.join(dir, "latin1.md"), Buffer.from([0x23, 0x20, 0xe9, 0xe8, 0x0a]));
  writeFileSync(path.join(dir, "huge.md"), "");
  truncateSync(path.join(dir, "huge.md"), 50 * 1024 * 1024);
  symlinkSync(path.join(dir, "does-not-exist.md"), path.join(dir, "dangling.md"));
  return dir;
}

describe("bad input", () => {
  it("skips unreadable, binary, non-UTF-8 and 50 MB files with a reason each, and indexes the rest", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "orca-bad-data-"));
    const dir = badFolder();
    const cli = io(dataDir);
    const code = await main(["node", "orca", "ingest", dir], cli.io);
    expect(code).toBe(0);
    expect(cli.err()).toContain(`skipped ${path.join(dir, "binary.md")}: binary file`);
    expect(cli.err()).toContain(`skipped ${path.join(dir, "latin1.md")}: not valid UTF-8 text`);
    expect(cli.err()).toContain(`skipped ${path.join(dir, "huge.md")}: too large (50.0 MB, limit 5.0 MB)`);
    expect(cli.err()).toContain(`skipped ${path.join(dir, "dangling.md")}: unreadable (ENOENT)`);
    expect(cli.out()).toMatch(
      /^ingest: 1 added, 0 updated, 0 removed, 0 unchanged, 4 skipped \(1 chunks embedded\) in [\d.]+ s\n$/,
    );

    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    expect(kb.stats().documents).toBe(1);
    expect((await kb.search("work pools"))[0]?.title).toBe("Good page");
  });

  it("handles broken HTML, unsupported and missing inputs, and a Slack export with missing fields", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "orca-bad-data-"));
    const dir = mkdtempSync(path.join(tmpdir(), "orca-bad-mixed-"));
    writeFileSync(
      path.join(dir, "broken.html"),
      "<html><body><main><h1>Broken</h2><p>still <b>readable text<div><pre>x = 1",
    );
    writeFileSync(path.join(dir, "empty.html"), "<html><body><nav>menu only</nav></body></html>");
    writeFileSync(path.join(dir, "report.pdf"), "%PDF-1.4");
    const slack = path.join(dir, "export");
    mkdirSync(path.join(slack, "general"), { recursive: true });
    writeFileSync(path.join(slack, "channels.json"), "[]");
    writeFileSync(
      path.join(slack, "general", "2024-01-01.json"),
      JSON.stringify([
        { user: "U1", text: "how do I pause a flow?", ts: "1704067200.000100" },
        { user: "U2", text: "use pause_flow_run", ts: "1704067300.000100", thread_ts: "1704067200.000100" },
        { user: "U2", ts: "1704067400.000100", thread_ts: "1704067200.000100" },
        { text: "who wrote this?", ts: "1704067500.000100" },
        "not even an object",
      ]),
    );
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    const summary = await kb.ingest([
      path.join(dir, "broken.html"),
      path.join(dir, "empty.html"),
      path.join(dir, "report.pdf"),
      path.join(dir, "missing-folder"),
      { source: slack, kind: "conversations" },
    ]);
    expect(summary).toMatchObject({ added: 2, updated: 0, removed: 0, unchanged: 0 });
    expect(summary.skipped.map((s) => s.reason)).toEqual([
      "no main content found",
      'unsupported input type ".pdf"',
      "not found or unreadable (ENOENT)",
    ]);
    expect(summary.warnings).toHaveLength(3);
    expect((await kb.search("readable text"))[0]?.title).toBe("Broken");
    const conversation = await kb.search("pause a flow", { kind: "conversation" });
    expect(conversation[0]?.text).toContain("pause_flow_run");
  });

  it("exits non-zero when nothing at all could be read", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "orca-bad-data-"));
    const cli = io(dataDir);
    const code = await main(["node", "orca", "ingest", path.join(dataDir, "nope")], cli.io);
    expect(code).toBe(1);
    expect(cli.err()).toMatch(/skipped .*nope: not found or unreadable \(ENOENT\)/);
    expect(cli.out()).toContain("0 added");
  });
});
