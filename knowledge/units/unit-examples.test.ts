// Every answer unit's Python example lints clean for the first and the last release its `versions` range allows:
// an example Orca shows must be right for every release it is shown for (the engine lints it again per asker).
import { satisfies } from "@renovatebot/pep440";
import { describe, expect, it } from "vitest";
import { createLinter } from "../../lint/index.js";
import { loadPrefectFacts } from "../facts/load-facts.js";
import { loadAnswerUnits } from "./load-units.js";

describe("answer unit examples", () => {
  it("lint clean for the oldest and newest release of the unit's range", async () => {
    const facts = loadPrefectFacts();
    const linter = await createLinter(facts);
    const failures: string[] = [];
    for (const unit of loadAnswerUnits()) {
      const example = unit.example;
      if (example?.language !== "python") continue;
      const inRange = facts.releases.filter((r) => !unit.versions || satisfies(r, unit.versions));
      // A unit for every release is shown to 2.x and 3.x askers alike: check the newest of each line.
      const releases = unit.versions
        ? [inRange[0], inRange[inRange.length - 1]]
        : [facts.latestOfMajor(2), facts.latest];
      for (const release of new Set(releases.filter((r): r is string => r !== undefined))) {
        const result = await linter.lint(example.code, release);
        for (const d of result.diagnoses)
          failures.push(`${unit.origin} ${unit.id} @${release}: ${d.rule} ${d.message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
