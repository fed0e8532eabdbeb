import { describe, expect, it } from "vitest";
import type { VersionGuess } from "../../../core/index.js";
import type { AnswerPlan } from "../plan/index.js";
import { renderPlan } from "./render-plan.js";

const version: VersionGuess = { version: "3.4.20", resolved: "3.4.20", major: 3, how: "stated", evidence: [] };
const plan = (mode: AnswerPlan["mode"]): AnswerPlan => ({
  mode,
  lead: "Use a cron schedule.",
  details: [],
  example: null,
  fixes: null,
  clarify: null,
  apiLines: [],
  quotes: [],
  sources: [],
  confidence: 0.9,
  unit: null,
});
const legacyMarkdown = "Give the deployment `cron=`.\n\n- More on schedules.";

describe("renderPlan in another language", () => {
  // The answer comes first in every mode; the note that Orca answers in English follows it.
  it.each(["answer", "legacy"] as const)("%s: the first paragraph answers, the language note follows", (mode) => {
    const text = renderPlan(plan(mode), { version, legacyMarkdown, notes: [], language: "German" });
    const [first, second] = text.split("\n\n");
    expect(first).toMatch(/cron/);
    expect(second).toBe("_You wrote in German; Orca answers in English._");
  });
});
