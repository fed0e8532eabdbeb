import { describe, expect, it } from "vitest";
import { withRenamedGapsFilled } from "./compile-parts.js";
import { loadPrefectFacts } from "./index.js";

describe("withRenamedGapsFilled", () => {
  it.each([
    // `--pool` recorded as `--work-pool-name` for releases 10–20: the same option, so `--pool` holds throughout.
    [
      { "--pool": [0, 9, 21, 30], "--work-pool-name": [10, 20] },
      { "--pool": [0, 30], "--work-pool-name": [10, 20] },
    ],
    // A flag that only fills part of the gap is another option: the gap stays.
    [
      { "--pool": [0, 9, 21, 30], "--other": [12, 20] },
      { "--pool": [0, 9, 21, 30], "--other": [12, 20] },
    ],
    // A removed-then-restored flag with nothing in its place keeps its gap.
    [{ "--ci": [0, 4, 8, 9] }, { "--ci": [0, 4, 8, 9] }],
    [{ "--all": [3, 9] }, { "--all": [3, 9] }],
  ])("%j → %j", (options, expected) => {
    expect(withRenamedGapsFilled(options)).toEqual(expected);
  });

  it("keeps `prefect deploy --pool` in every release that has `prefect deploy`", () => {
    const facts = loadPrefectFacts();
    for (const release of ["2.14.5", "3.0.0", "3.4.20", "3.5.0"])
      expect(facts.commandHistory("deploy", release)?.options ?? []).toEqual(expect.arrayContaining(["--pool", "-p"]));
  });
});
