import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { satisfies } from "@renovatebot/pep440";
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../facts/index.js";
import { loadSettingsFacts } from "../facts/settings-facts.js";
import { fillSlots, parseUnits } from "./answer-unit.js";
import { loadAnswerUnits } from "./load-units.js";
import { loadSettingAsks, settingUnits } from "./setting-units.js";

describe("answer units", () => {
  it("loads every pack unit and one generated unit per setting, with unique ids", () => {
    const units = loadAnswerUnits();
    const settings = loadSettingsFacts().settings.length;
    expect(units.filter((u) => u.setting).length).toBe(settings);
    expect(units.length).toBeGreaterThan(settings + 20);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  // A phrasing written for two units that hold in one release says both answer it: the ranking then turns on words
  // outside it ("can one process serve several flows at once?" was in the serve-or-deploy comparison too). Units split
  // by release share their phrasings by design.
  it("writes no phrasing for two units that hold in a common release", () => {
    const releases = loadPrefectFacts().releases;
    const written = loadAnswerUnits().filter((u) => !u.setting);
    const holds = new Map(written.map((u) => [u.id, releases.filter((r) => !u.versions || satisfies(r, u.versions))]));
    const key = (ask: string) =>
      ask
        .toLowerCase()
        .replace(/[^a-z0-9_.]+/g, " ")
        .trim();
    const byAsk = new Map<string, string[]>();
    for (const u of written) for (const a of new Set(u.asks.map(key))) byAsk.set(a, [...(byAsk.get(a) ?? []), u.id]);
    const shared = [...byAsk].flatMap(([ask, ids]) =>
      ids.flatMap((a, i) =>
        ids
          .slice(i + 1)
          .filter((b) => holds.get(a)!.some((r) => holds.get(b)!.includes(r)))
          .map((b) => `${ask}: ${a}, ${b}`),
      ),
    );
    expect(shared).toEqual([]);
  });

  it.each([
    [
      "a unit without phrasings",
      "- id: x\n  asks: [only one phrasing here]\n  answer: a long enough answer\n  sources: []\n",
    ],
    [
      "an unknown field",
      "- id: x\n  asks: [first phrasing, second phrasing]\n  answer: a long enough answer\n  colour: red\n",
    ],
  ])("rejects %s", (_, text) => {
    expect(() => parseUnits(text, "units/test.yaml")).toThrow(/units\/test\.yaml/);
  });

  it("gives a renamed setting's successor the old name as a focus name and a release range", () => {
    const unit = settingUnits(loadSettingsFacts()).find((u) => u.setting === "PREFECT_SERVER_UI_SERVE_BASE");
    expect(unit?.about).toContain("PREFECT_UI_SERVE_BASE");
    expect(unit?.versions).toBe(">=3.0.11,<=3.8.3");
  });

  it("adds the pack's everyday phrasings to a setting's generated unit, and rejects a name Prefect never had", () => {
    const facts = loadSettingsFacts();
    const asks = { PREFECT_WORKER_QUERY_SECONDS: ["how often does the worker look for new runs?"] };
    const unit = settingUnits(facts, asks).find((u) => u.setting === "PREFECT_WORKER_QUERY_SECONDS");
    expect(unit?.asks).toContain("how often does the worker look for new runs?");
    expect(() => settingUnits(facts, { PREFECT_NOT_A_SETTING: ["some question here"] })).toThrow(
      /PREFECT_NOT_A_SETTING is not a setting/,
    );
  });

  it.each([
    ["a list instead of a map", "- PREFECT_LOGGING_LEVEL\n"],
    ["a phrasing that is too short", "PREFECT_LOGGING_LEVEL: [short]\n"],
  ])("rejects a setting-asks file with %s, naming the file", (_, text) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "orca-asks-")), "setting-asks.yaml");
    writeFileSync(file, text);
    expect(() => loadSettingAsks(file)).toThrow(/setting-asks\.yaml/);
  });
});

describe("fillSlots", () => {
  // A prefect.yaml placeholder whose variable is a slot: `{{ $` + `{{env|GIT_SHA}}` + ` }}`.
  const placeholder = "{{ $" + "{{env|GIT_SHA}} }}";
  it.each([
    [placeholder, { env: "IMAGE_TAG" }, "{{ $IMAGE_TAG }}"],
    [placeholder, {}, "{{ $GIT_SHA }}"],
    ["at most {{limit|5}} runs tagged {{tag|db}}", { limit: "3", tag: null }, "at most 3 runs tagged db"],
    // Jinja the unit shows as such is no slot.
    ["`{{ prefect.variables.name }}`", { env: "X_Y" }, "`{{ prefect.variables.name }}`"],
  ])("%s with %j", (text, own, filled) => {
    expect(fillSlots(text, own)).toBe(filled);
  });
});
