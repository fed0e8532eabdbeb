// `orca eval` end to end: real answer engine (offline) over a fresh index of the knowledge pack notes, the pass-rate
// floor, JSON and HTML outputs, and the HTML rendered by headless Chromium.

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../core/index.js";
import type { EvalReport } from "../evals/index.js";
import { runOrca } from "./support/run-orca.js";

const notes = path.join(repoRoot, "knowledge", "pack", "notes");

function findChromium(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["chromium", "chromium-browser"]) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const chromium = findChromium();
if (!chromium)
  console.warn("eval-cli: the HTML screenshot test is skipped: no chromium on PATH (apt-get install chromium)");

// LOG_LEVEL keeps index-build logs out of stderr; no model is configured, so answers are offline.
function run(args: string[]) {
  return runOrca(["eval", ...args], { env: { LOG_LEVEL: "warn" } });
}

const cases = [
  {
    id: "cli-unresolved",
    prefect_version: "3.4.20",
    question:
      "Why do my tasks crash with 'Execution was cancelled by the runtime environment'?\n```python\nfrom prefect import flow, task\n\n@task\ndef a():\n    return 1\n\n@flow\ndef f():\n    a.submit()\n```",
    expect: { diagnoses: ["unresolved-futures"] },
    tags: ["futures"],
  },
  {
    id: "cli-clean",
    prefect_version: "3",
    question: "Is this fine?\n```python\nfrom prefect import flow\n\n@flow\ndef f():\n    return 1\n```",
    expect: { diagnoses: [] },
    tags: ["negative"],
  },
  {
    id: "cli-impossible <b>",
    prefect_version: "3",
    question: "What is the <b>answer</b>?",
    expect: { mentions: ["zz-never-mentioned-zz"] },
  },
];

describe("orca eval", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "orca-eval-cli-"));
    file = path.join(dir, "cases.jsonl");
    await writeFile(file, `${cases.map((c) => JSON.stringify(c)).join("\n")}\n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("replays cases, prints metrics and failures, and exits non-zero below the floor", async () => {
    const json = path.join(dir, "report.json");
    const html = path.join(dir, "report.html");
    const r = await run([file, "--ingest", notes, "--json", json, "--html", html, "--min-pass", "0.9"]);
    expect(r.stderr).toMatch(/pass rate 66\.7% is below the floor 90\.0%/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2\/3 passed \(66\.7%\) · mode offline/);
    expect(r.stdout).toMatch(/diagnoses recall\s+100\.0%\s+2/);
    expect(r.stdout).toMatch(
      /✗ cli-impossible <b> \(.*cases\.jsonl:3\)\n\s+mentions: no match for \/zz-never-mentioned-zz\//,
    );

    const report = JSON.parse(await readFile(json, "utf8")) as EvalReport;
    expect(report.cases.map((c) => [c.id, c.pass])).toEqual([
      ["cli-unresolved", true],
      ["cli-clean", true],
      ["cli-impossible <b>", false],
    ]);
    expect(report.cases[0]!.answer!.diagnoses).toContain("unresolved-futures");
    expect(report.summary.byTag.futures).toEqual({ total: 1, passed: 1, passRate: 1 });
    const page = await readFile(html, "utf8");
    expect(page).toContain("cli-impossible &#60;b&#62;");
    expect(page).not.toContain("<b>answer</b>");
  });

  it("passes at or above the floor, read from a file like evals/min-pass.json", async () => {
    const floor = path.join(dir, "min-pass.json");
    await writeFile(floor, JSON.stringify({ minPass: 0.6 }));
    const r = await run([file, "--ingest", notes, "--min-pass-file", floor]);
    expect(r.code).toBe(0);
    await writeFile(floor, JSON.stringify({ floor: 0.6 }));
    const bad = await run([file, "--ingest", notes, "--min-pass-file", floor]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/expected \{ "minPass"/);
  });

  it("rejects a bad floor and a bad case file before replaying", async () => {
    expect((await run([file, "--min-pass", "abc"])).stderr).toMatch(/--min-pass must be a rate between 0 and 1/);
    const broken = path.join(dir, "broken.jsonl");
    await writeFile(
      broken,
      `${JSON.stringify(cases[0])}\n{"id": "x", "question": "q", "expect": {"sources": "docs"}}\n`,
    );
    const r = await run([broken, "--ingest", notes]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.jsonl:2: expect\.sources/);
  });

  it.skipIf(!chromium)("renders the HTML report in headless Chromium", async () => {
    const html = path.join(dir, "report.html");
    const png = path.join(dir, "report.png");
    await promisify(execFile)(
      chromium!,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${path.join(dir, "chromium-profile")}`,
        `--screenshot=${png}`,
        "--window-size=1200,900",
        `file://${html}`,
      ],
      { timeout: 60_000 },
    );
    const bytes = await readFile(png);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    // A blank 1200x900 page compresses to a few KB; a page with the chart and tables is far larger.
    expect((await stat(png)).size).toBeGreaterThan(20_000);
  });
});
