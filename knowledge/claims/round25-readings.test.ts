// Readings of the twenty-fifth round: a contrast that closes a clause ("`wait` lives in `prefect.futures`, not in
// `prefect`") denies only the place named after its "not"; what the clause said before the comma stands.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("a closing contrast denies only its own place", () => {
  it.each([
    ["**`wait` lives in `prefect.futures`, not in `prefect`.**", "3.4.20"],
    ["`wait` lives in `prefect.futures`, not in `prefect`.", "3.4.20"],
    ["`as_completed` lives in `prefect.futures`, not in the top-level `prefect` package.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
