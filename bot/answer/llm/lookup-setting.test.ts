import { describe, expect, it } from "vitest";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import { createTools, SourceBook } from "./tools.js";

const facts = loadPrefectFacts();
const tools = createTools({
  retriever: { search: async () => [] } as never,
  facts,
  linter: { lint: () => ({ diagnoses: [], fixedCode: "" }) } as never,
  release: "3.4.20",
  major: 3,
  sources: new SourceBook(),
  settings: loadSettingsFacts(),
});
const lookup = tools.find((t) => t.name === "lookup_setting")!;

describe("lookup_setting tool", () => {
  it.each([
    ["PREFECT_LOGGING_LEVEL", undefined, "PREFECT_LOGGING_LEVEL", "'INFO'"],
    ["logging.level", undefined, "PREFECT_LOGGING_LEVEL", "'INFO'"],
    ["PREFECT_UI_SERVE_BASE", "3.0.5", "PREFECT_UI_SERVE_BASE", "'/'"],
  ])("%s (version %s) → %s, default %s", async (name, version, envVar, value) => {
    const out = JSON.parse(String(await lookup.invoke({ name, ...(version ? { version } : {}) })));
    const hit = out.find((s: { env_var: string }) => s.env_var === envVar);
    expect(hit).toMatchObject({ exists_in_release: true, default: value });
  });

  it("reports a name the release does not have, and what replaced it", async () => {
    const out = JSON.parse(String(await lookup.invoke({ name: "PREFECT_UI_SERVE_BASE", version: "3.4.20" })));
    const old = out.find((s: { env_var: string }) => s.env_var === "PREFECT_UI_SERVE_BASE");
    expect(old).toMatchObject({ exists_in_release: false, renamed_to: "PREFECT_SERVER_UI_SERVE_BASE" });
    expect(out.map((s: { env_var: string }) => s.env_var)).toContain("PREFECT_SERVER_UI_SERVE_BASE");
  });
});
