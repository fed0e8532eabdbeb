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

describe("renderPlan with the code check's draft under an answer", () => {
  const fixes = [
    "**`wait` lives in `prefect.futures`, not in `prefect`.**",
    "**About your question** (from Orca's notes on “Futures”): import it from `prefect.futures`.",
    "- Futures are not awaited.",
    "**API check for Prefect 3.4.20:**\n- `prefect.futures.wait`: in 3.4.20: yes",
    "**Sources:**\n1. [Futures](https://docs.prefect.io/v3/concepts/futures)",
  ].join("\n\n");
  const render = (apiLines: string[]) =>
    renderPlan(
      { ...plan("answer"), fixes, fixesAbout: "error", apiLines },
      { version, legacyMarkdown, notes: [], language: null },
    );

  it("leaves out the draft's own answer from a note, which the answer already gave", () => {
    const text = render([]);
    expect(text).toContain("**`wait` lives in `prefect.futures`, not in `prefect`.**");
    expect(text).not.toContain("About your question");
    expect(text).not.toContain("Futures are not awaited");
    expect(text).toContain("**API check for Prefect 3.4.20:**");
    expect(text).toContain("1. [Futures]");
  });

  it("states the API facts once", () => {
    const text = render(["- `prefect.futures.wait`: in 3.4.20: yes"]);
    expect(text.match(/prefect\.futures\.wait`: in 3\.4\.20/g)).toHaveLength(1);
  });
});

describe("renderPlan with answers to the message's other questions", () => {
  it("puts each in its own paragraph after the lead, before the details", () => {
    const text = renderPlan(
      { ...plan("answer"), details: ["A detail."], also: ["Asked second.", "Asked last."] },
      { version, legacyMarkdown, notes: [], language: null },
    );
    expect(text.split("\n\n").slice(0, 4)).toEqual([
      "Use a cron schedule.",
      "Asked second.",
      "Asked last.",
      "- A detail.",
    ]);
  });
});

describe("renderPlan sources", () => {
  it("lists a page once, though cited under two titles", () => {
    const url = "https://docs.prefect.io/v3/concepts/task-runners";
    const text = renderPlan(
      {
        ...plan("answer"),
        sources: [
          { title: "Task runners — ThreadPoolTaskRunner, ProcessPoolTaskRunner", url, kind: "docs" },
          { title: "Results", url: "https://docs.prefect.io/v3/results", kind: "docs" },
          { title: "Task runners", url, kind: "docs" },
        ],
      },
      { version, legacyMarkdown, notes: [], language: null },
    );
    expect(text).toContain(
      `**Sources:**\n1. [Task runners — ThreadPoolTaskRunner, ProcessPoolTaskRunner](${url})\n2. [Results](https://docs.prefect.io/v3/results)\n\n`,
    );
  });
});
