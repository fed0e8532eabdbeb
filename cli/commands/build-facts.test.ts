// `orca build-facts` end to end on a tiny hand-written API source.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ChangeFactsStore, PrefectFactsStore } from "../../knowledge/index.js";
import { runOrca } from "../../test/support/run-orca.js";

async function run(args: string[]) {
  const { code, stdout, stderr } = await runOrca(["build-facts", ...args]);
  return { code, out: stdout, err: stderr };
}

describe("orca build-facts", () => {
  it("compiles a source directory into a loadable facts file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "orca-build-facts-"));
    const history = {
      package: "prefect",
      releases: ["1.0.0", "1.1.0"],
      symbols: {
        prefect: { kind: "module", present: [["1.0.0", "1.1.0"]] },
        "prefect.go": { kind: "function", present: [["1.1.0", "1.1.0"]] },
      },
      params: { "prefect.go(x)": [["1.1.0", "1.1.0"]] },
    };
    const surface = {
      package: "prefect",
      version: "1.1.0",
      modules: {
        prefect: {
          symbols: { go: { kind: "function", params: [{ name: "x", kind: "keyword_only", default: true }] } },
        },
      },
      cli: {},
    };
    writeFileSync(path.join(dir, "history.json"), JSON.stringify(history));
    writeFileSync(path.join(dir, "prefect-1.1.0.json"), JSON.stringify(surface));
    const out = path.join(dir, "facts.json");

    const { code, out: stdout } = await run(["--source", dir, "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 symbols, 1 parameters, 2 releases \(1 full surfaces\)/);
    const facts = PrefectFactsStore.fromText(readFileSync(out, "utf8"));
    expect(facts.presence("prefect.go", "1.0.0").status).toBe("not-yet");
    expect(facts.params("prefect.go", "1.1.0")).toEqual([{ name: "x", kind: "keyword_only", hasDefault: true }]);
  });

  it("compiles the release notes into change facts from a shared directory", async () => {
    const shared = mkdtempSync(path.join(tmpdir(), "orca-build-changes-"));
    const api = path.join(shared, "prefect-api");
    const notes = path.join(shared, "corpus", "prefect-release-notes");
    mkdirSync(api, { recursive: true });
    mkdirSync(notes, { recursive: true });
    const releases = ["2.0.0", "2.0.1"];
    writeFileSync(
      path.join(api, "history.json"),
      JSON.stringify({
        package: "prefect",
        releases,
        symbols: { prefect: { kind: "module", present: [["2.0.0", "2.0.1"]] } },
        params: {},
      }),
    );
    writeFileSync(
      path.join(api, "prefect-2.0.1.json"),
      JSON.stringify({ package: "prefect", version: "2.0.1", modules: { prefect: { symbols: {} } }, cli: {} }),
    );
    writeFileSync(
      path.join(api, "settings-history.json"),
      JSON.stringify({ releases, settings: { PREFECT_API_URL: { present: [["2.0.0", "2.0.1"]], aliases: [] } } }),
    );
    writeFileSync(path.join(api, "cli-history.json"), JSON.stringify({ releases, commands: {} }));
    writeFileSync(
      path.join(notes, "RELEASE-NOTES-2.x.md"),
      "## Release 2.0.1\n\n### Fixes\n- Respect `PREFECT_API_URL` in the client — https://github.com/PrefectHQ/prefect/pull/7\n",
    );
    const changesOut = path.join(shared, "changes.json");
    const { code, out } = await run([
      "--source",
      api,
      "--out",
      path.join(shared, "facts.json"),
      "--shared",
      shared,
      "--changes-out",
      changesOut,
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/wrote changes\.json: 1 release-notes entries \(1 fix; 1 with a pull request\)/);
    const changes = ChangeFactsStore.fromText(readFileSync(changesOut, "utf8"));
    expect(changes.byPr(7)).toEqual([
      expect.objectContaining({ release: "2.0.1", kind: "fix", settings: ["PREFECT_API_URL"] }),
    ]);
  });

  it("fails clearly when the source directory has no data", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "orca-build-facts-empty-"));
    const { code, err } = await run(["--source", dir, "--out", path.join(dir, "facts.json")]);
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read history\.json/);
  });
});
