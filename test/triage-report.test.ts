// `orca triage list|show|report` over a seeded triage store, and the HTML report rendered in headless Chromium and
// checked pixel by pixel for each chart's colours.
import { execFile } from "node:child_process";
import fs, { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createClassifier, GAP_COLOUR, HUMAN_COLOUR, KIND_COLOURS, ORCA_COLOUR, TriageStore } from "../triage/index.js";
import { runOrca } from "./support/run-orca.js";

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!chromium) console.warn("triage-report: the Chromium rendering test is skipped: apt-get install chromium");

let dir = "";
const HOUR = 3_600_000;

const SEED: Array<{ text: string; ageH: number; events: Array<[string, number]> }> = [
  {
    text: "How do I set retries with exponential backoff on a task?",
    ageH: 70,
    events: [
      ["orca-answered", 1],
      ["feedback-up", 2],
    ],
  },
  {
    text: "Traceback (most recent call last):\nAttributeError: 'PrefectFuture' object has no attribute 'get' after upgrading",
    ageH: 50,
    events: [
      ["human-replied", 3],
      ["asker-confirmed", 5],
    ],
  },
  { text: "Would be great if work pools supported GPU quotas, any plans?", ageH: 30, events: [["orca-declined", 0]] },
  { text: "Is Prefect Cloud down? all our flows fail with 503 since this morning", ageH: 10, events: [] },
  { text: "How do I set a cron schedule in my timezone?", ageH: 6, events: [["orca-answered", 0.1]] },
  { text: "My cron schedule skips a run at daylight saving time, is this a bug?", ageH: 5, events: [] },
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "orca-triage-report-"));
  const store = TriageStore.open(dir);
  const classifier = createClassifier({ facts: loadPrefectFacts() });
  const now = Date.now();
  SEED.forEach((s, i) => {
    const ts = `17000000${String(i).padStart(2, "0")}.000100`;
    const created = now - s.ageH * HOUR;
    store.addThread(
      { channel: "CSUP", threadTs: ts, user: `U${i}`, text: s.text, mode: "answer" },
      classifier.classify(s.text),
      created,
    );
    for (const [event, afterH] of s.events) store.apply("CSUP", ts, event as never, created + afterH * HOUR);
  });
  // The crash a later release fixed, and the upgrade a person suggested before the thread was resolved.
  store.linkFix(
    "CSUP",
    "1700000005.000100",
    {
      release: "3.4.24",
      pr: 19189,
      url: "https://github.com/PrefectHQ/prefect/pull/19189",
      score: 0.83,
      text: "Fix worker/runner crashes when flow runs are deleted",
    },
    now,
  );
  store.noteUpgrade("CSUP", "1700000005.000100", "3.4.24", "human", now);
  store.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const orca = (args: string[]) => runOrca(["triage", ...args], { env: { ORCA_DATA_DIR: dir } });

describe("orca triage list / show / report", () => {
  it("lists threads newest first and filters by state", async () => {
    const all = await orca(["list"]);
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain("CSUP/1700000005.000100");
    const needs = await orca(["list", "--state", "needs-human", "--json"]);
    expect(JSON.parse(needs.stdout).map((t: { kind: string }) => t.kind)).toEqual(["feature"]);
    const withFix = JSON.parse((await orca(["list", "--json"])).stdout) as Array<{ fix: { release: string } | null }>;
    expect(withFix.map((t) => t.fix?.release ?? null)).toEqual(["3.4.24", null, null, null, null, null]);
    expect(lines[0]).toMatch(/CSUP\/1700000005\.000100 {2}\[fixed in 3\.4\.24\] My cron schedule/);
    expect(lines.slice(1).join("\n")).not.toContain("fixed in");
    const bad = await orca(["list", "--state", "sleeping"]);
    expect(bad.stderr).toMatch(/^orca: --state must be one of new, answered-by-orca/);
  });

  it("shows one thread with its events and classification history", async () => {
    const run = await orca(["show", "CSUP/1700000000.000100"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^CSUP\/1700000000\.000100 {2}resolved/);
    expect(run.stdout).toContain("orca-answered: new -> answered-by-orca");
    expect(run.stdout).toContain("feedback-up: answered-by-orca -> resolved");
    expect(run.stdout).toContain("fix: none linked");
    const fixed = await orca(["show", "CSUP/1700000005.000100"]);
    expect(fixed.stdout).toContain(
      "fix: fixed in 3.4.24 (#19189) https://github.com/PrefectHQ/prefect/pull/19189 (score 0.83): Fix worker/runner crashes when flow runs are deleted",
    );
    expect(fixed.stdout).toMatch(/upgrade suggested: 3\.4\.24 by human at \d{4}-/);
    const json = JSON.parse((await orca(["show", "--json", "CSUP/1700000005.000100"])).stdout);
    expect(json.fix).toMatchObject({ release: "3.4.24", pr: 19189, score: 0.83 });
    expect(json.thread.upgrade).toMatchObject({ release: "3.4.24", by: "human" });
    const missing = await orca(["show", "CSUP/1.2"]);
    expect(missing.stderr).toBe("orca: no tracked thread CSUP/1.2\n");
  });

  it("classify lists earlier threads about the same problem, resolved ones first", async () => {
    const run = await orca([
      "classify",
      "--json",
      "every time I set a cron schedule with a timezone, daylight saving time skips a run",
    ]);
    const out = JSON.parse(run.stdout);
    expect(out.topic).toBe("scheduling");
    expect(out.similar[0]).toMatchObject({ type: "thread", channel: "CSUP", threadTs: "1700000005.000100" });
    expect(out.similar[0].score).toBeGreaterThanOrEqual(0.3);
  });

  it("reports counts, first responses and who resolved what", async () => {
    const run = await orca(["report", "--json", "--days", "7"]);
    const report = JSON.parse(run.stdout);
    expect(report.total).toBe(6);
    expect(report.resolvedBy).toEqual({ orca: 1, human: 1 });
    expect(report.answeredBy).toEqual({ orca: 2, human: 1, none: 3 });
    expect(report.firstResponse.count).toBe(3);
    const perDay = report.perDay.flatMap((d: { counts: Record<string, number> }) => Object.values(d.counts));
    expect(perDay.reduce((a: number, b: number) => a + b, 0)).toBe(6);
  });

  it.skipIf(!chromium)(
    "writes an HTML report whose charts render in Chromium",
    async () => {
      const html = path.join(dir, "report.html");
      const png = path.join(dir, "report.png");
      const run = await orca(["report", "--html", html]);
      expect(run.code).toBe(0);
      await promisify(execFile)(
        chromium as string,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--hide-scrollbars",
          `--user-data-dir=${path.join(dir, "chromium-profile")}`,
          `--screenshot=${png}`,
          "--window-size=1200,1000",
          `file://${html}`,
        ],
        { timeout: 60_000 },
      );
      const image = PNG.sync.read(fs.readFileSync(png));
      const counts = new Map<string, number>();
      const wanted = [
        KIND_COLOURS.question,
        KIND_COLOURS.bug,
        KIND_COLOURS.feature,
        KIND_COLOURS.incident,
        ORCA_COLOUR,
        HUMAN_COLOUR,
        GAP_COLOUR,
      ] as string[];
      const rgb = wanted.map(
        (hex) =>
          [
            hex,
            Number.parseInt(hex.slice(1, 3), 16),
            Number.parseInt(hex.slice(3, 5), 16),
            Number.parseInt(hex.slice(5, 7), 16),
          ] as const,
      );
      for (let i = 0; i < image.data.length; i += 4) {
        for (const [hex, r, g, b] of rgb) {
          if (
            Math.abs((image.data[i] as number) - r) +
              Math.abs((image.data[i + 1] as number) - g) +
              Math.abs((image.data[i + 2] as number) - b) <
            12
          ) {
            counts.set(hex, (counts.get(hex) ?? 0) + 1);
          }
        }
      }
      // Every chart drew its bars: each colour covers at least a legend swatch plus a bar's worth of pixels.
      for (const hex of wanted) expect(counts.get(hex) ?? 0, hex).toBeGreaterThan(150);
    },
    90_000,
  );
});
