import { describe, expect, it } from "vitest";
import { parseTriageSettings, routeFor, slaElapsedMs } from "./triage-settings.js";

const HOUR = 3_600_000;

describe("triage settings", () => {
  it("fills defaults and routes topics to owners, falling back to the default route", () => {
    const s = parseTriageSettings({
      channels: { C0SUPPORT: "answer" },
      routing: { default: { owners: ["U0LEAD"] }, topics: { deployments: { owners: ["U0ALICE"], cap: 2 } } },
    });
    expect(s.sla).toMatchObject({ nudge_after_hours: 4, escalate_after_hours: 24 });
    expect(routeFor(s, "deployments")).toEqual({ owners: ["U0ALICE"], cap: 2 });
    expect(routeFor(s, "scheduling")).toEqual({ owners: ["U0LEAD"], cap: 10 });
  });

  it.each([
    [{ channels: { C0SUPPORT: "shout" } }, /channels\.C0SUPPORT/],
    [{ routing: { topics: { deploymentz: { owners: ["U1"] } } } }, /routing\.topics\.deploymentz is not a topic id/],
    [{ sla: { nudge_after_hours: 10, escalate_after_hours: 2 } }, /escalate_after_hours must not be before the nudge/],
  ])("rejects %j with a line naming the field", (value, message) => {
    expect(() => parseTriageSettings(value, "triage.yaml")).toThrow(message);
  });

  it("counts only business hours when they are configured", () => {
    const s = parseTriageSettings({
      sla: { business_hours: { start_hour: 9, end_hour: 17, days: [1, 2, 3, 4, 5] } },
    });
    const fridayFour = Date.UTC(2026, 0, 9, 16, 0); // Friday 16:00 UTC
    const mondayTen = Date.UTC(2026, 0, 12, 10, 0); // Monday 10:00 UTC
    expect(slaElapsedMs(s, fridayFour, mondayTen)).toBe(2 * HOUR);
    expect(slaElapsedMs(parseTriageSettings({}), fridayFour, mondayTen)).toBe(66 * HOUR);
  });
});
