import { describe, expect, it } from "vitest";
import { loadSettingsFacts } from "../../../knowledge/index.js";
import { withReleaseSettingNames } from "./settings-in-code.js";

const settings = loadSettingsFacts();
const fence = (code: string) => `Set it:\n\n\`\`\`bash\n${code}\n\`\`\`\n`;

describe("withReleaseSettingNames", () => {
  it.each([
    [
      "a 3.x name shown to a 2.x asker",
      "2.20.3",
      "export PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect",
      "export PREFECT_API_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect",
    ],
    [
      "a 2.x name shown to a 3.x asker",
      "3.4.20",
      "prefect config set PREFECT_UI_SERVE_BASE=/prefect",
      "prefect config set PREFECT_SERVER_UI_SERVE_BASE=/prefect",
    ],
    ["a name the release has", "3.4.20", "export PREFECT_API_URL=http://x/api", "export PREFECT_API_URL=http://x/api"],
    ["a name no release has", "3.4.20", "export PREFECT_NOT_A_SETTING=1", "export PREFECT_NOT_A_SETTING=1"],
  ])("%s", (_, release, code, expected) => {
    expect(withReleaseSettingNames(fence(code), settings, release)).toBe(fence(expected));
  });

  it("leaves prose alone: the claim checker judges what prose says about a setting", () => {
    const text = "In 3.x the name is `PREFECT_SERVER_DATABASE_CONNECTION_URL`.";
    expect(withReleaseSettingNames(text, settings, "2.20.3")).toBe(text);
  });
});
