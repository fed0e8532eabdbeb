import { describe, expect, it } from "vitest";
import { conceptsIn } from "./concepts-in.js";

describe("conceptsIn (the answer units a text is about, for triage)", () => {
  it.each([
    ["how can I fail a task that runs longer than 10 minutes?", "task-timeout"],
    ["how do I get a Slack message whenever a flow run fails?", "failure-alerts"],
    ["how do I see a task run's logs from the terminal?", "cli-run-logs"],
  ])("%s → %s", (text, id) => {
    expect(conceptsIn(text)[0]?.id).toBe(id);
  });

  it("recognises nothing in a text about no Prefect feature", () => {
    expect(conceptsIn("what is the meaning of life?")).toEqual([]);
  });
});
