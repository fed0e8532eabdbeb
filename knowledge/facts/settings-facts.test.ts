import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "../../core/index.js";
import { compileSettings } from "./compile-settings.js";
import { loadSettingsFacts, SETTINGS_FILE, SettingsFacts } from "./settings-facts.js";

const historyFile = path.join(sharedDataDir, "prefect-api", "settings-history.json");
const haveShared = existsSync(historyFile);

describe.skipIf(!haveShared)("compiled settings table vs ../shared/prefect-api", () => {
  it("regenerating from the shared data gives the committed file byte for byte", () => {
    const { text, stats } = compileSettings(JSON.parse(readFileSync(historyFile, "utf8")));
    expect(stats.settings).toBeGreaterThan(400);
    expect(text === readFileSync(SETTINGS_FILE, "utf8")).toBe(true);
  });
});

if (!haveShared) {
  it.skip(`regeneration check skipped: ${historyFile} is absent (the shared Prefect API data is not beside the checkout)`, () => {});
}

describe("the committed settings table", () => {
  const settings = loadSettingsFacts();

  it.each([
    ["PREFECT_SERVER_UI_SERVE_BASE", "3.0.0", "not-yet", undefined],
    ["PREFECT_SERVER_UI_SERVE_BASE", "3.1.0", "present", undefined],
    ["PREFECT_UI_API_URL", "3.4.20", "alias", "PREFECT_SERVER_UI_API_URL"],
    ["PREFECT_AGENT_QUERY_INTERVAL", "3.0.0", "removed", undefined],
    ["PREFECT_API_URL", "2.20.25", "present", undefined],
  ])("%s in %s is %s", (name, release, status, aliasOf) => {
    const fact = settings.fact(name, release);
    expect(fact?.status).toBe(status);
    expect(fact?.aliasOf).toBe(aliasOf);
  });

  it.each([
    ["PREFECT_AGENT_QUERY_INTERVAL", "2.5.0", "5"],
    ["PREFECT_AGENT_QUERY_INTERVAL", "2.7.0", "10"],
    ["PREFECT_AGENT_QUERY_INTERVAL", "2.20.25", "15"],
    // Removed: the default of the last release that had it.
    ["PREFECT_AGENT_QUERY_INTERVAL", "3.0.0", "15"],
  ])("gives %s in %s the default %s", (name, release, value) => {
    expect(settings.fact(name, release)?.default).toBe(value);
  });

  it("knows nothing of a name no release had", () => {
    expect(settings.fact("PREFECT_NOT_A_SETTING", "3.8.3")).toBeUndefined();
    expect(settings.at("PREFECT_NOT_A_SETTING", "3.8.3")).toBeUndefined();
  });

  it.each([
    ["PREFECT_LOGGING_LEVEL", "PREFECT_LOGGING_LEVEL"],
    ["LOGGING_LEVEL", "PREFECT_LOGGING_LEVEL"],
    ["logging.level", "PREFECT_LOGGING_LEVEL"],
    ["logging level", "PREFECT_LOGGING_LEVEL"],
  ])("finds %s as %s", (query, name) => {
    expect(settings.find(query).map((s) => s.name)).toContain(name);
  });

  it("lists the settings an upgrade removes, with the new name of a renamed one", () => {
    const removed = settings.removedBetween("2.20.25", "3.4.20");
    expect(removed).toContainEqual({ name: "PREFECT_AGENT_PREFETCH_SECONDS", lastRelease: "2.20.25" });
    const renamed = settings.removedBetween("3.1.0", "3.8.3").find((s) => s.aliasOf);
    expect(renamed && settings.renamedTo(renamed.name)?.name).toBe(renamed?.aliasOf);
    expect(settings.addedBetween("3.0.0", "3.1.0").map((s) => s.name)).toContain("PREFECT_SERVER_UI_SERVE_BASE");
  });
});

describe("SettingsFacts on a hand-written table", () => {
  const raw = {
    releases: ["1.0.0", "1.1.0", "1.2.0", "1.3.0"],
    settings: {
      PREFECT_OLD: { present: [["1.0.0", "1.1.0"]], type: "int", default: "2", aliases: [], toml: null },
      PREFECT_NEW: {
        present: [["1.2.0", "1.3.0"]],
        type: "int",
        default: "3",
        defaults: [
          ["1.2.0", "1.2.0", "2"],
          ["1.3.0", "1.3.0", "3"],
        ],
        description: "How many.",
        aliases: ["PREFECT_OLD"],
        toml: "new",
      },
    },
  };
  const { text } = compileSettings(raw);
  const settings = SettingsFacts.fromText(text);

  it("is deterministic", () => {
    expect(compileSettings(raw).text).toBe(text);
  });

  it.each([
    ["PREFECT_OLD", "1.0.0", "present", undefined, "2"],
    ["PREFECT_OLD", "1.2.0", "alias", "PREFECT_NEW", "2"],
    ["PREFECT_OLD", "1.3.0", "alias", "PREFECT_NEW", "3"],
    ["PREFECT_NEW", "1.1.0", "not-yet", undefined, undefined],
    ["PREFECT_NEW", "1.3.0", "present", undefined, "3"],
  ])("%s in %s is %s", (name, release, status, aliasOf, value) => {
    const fact = settings.fact(name, release);
    expect([fact?.status, fact?.aliasOf, fact?.default]).toEqual([status, aliasOf, value]);
  });

  it("answers per release with the rename both ways", () => {
    const old = settings.at("prefect_old", "1.2.0");
    expect(old).toMatchObject({ exists: false, default: null });
    expect(old?.renamedTo?.name).toBe("PREFECT_NEW");
    expect(settings.at("PREFECT_NEW", "1.2.0")?.formerNames.map((s) => s.name)).toEqual(["PREFECT_OLD"]);
    expect(settings.removedBetween("1.0.0", "1.3.0")).toEqual([
      { name: "PREFECT_OLD", lastRelease: "1.1.0", aliasOf: "PREFECT_NEW" },
    ]);
    expect(SettingsFacts.releaseRange(settings.get("PREFECT_NEW")!)).toBe("1.2.0–1.3.0");
  });

  it("rejects a document that is not a settings history", () => {
    expect(() => compileSettings({ settings: {} })).toThrow(/no releases or settings/);
  });
});
