// One table per class of claim the checker reads, each with false statements (flagged, with the deciding fact) and
// true or unclaimed ones in the same shape (not flagged), so a mechanism that over-reaches fails here.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../facts/index.js";
import { createClaimChecker } from "./index.js";

const checker = createClaimChecker(loadPrefectFacts());
const facts = (text: string, release: string) =>
  checker
    .check(text, release)
    .falseSentences.flatMap((f) => f.claims.map((c) => c.verdict.fact))
    .join(" ");

describe("version statements bounded by after / before / since", () => {
  it.each([
    ["`Deployment.build_from_flow` was dropped after 3.1.", "3.4.20", /last present in Prefect 2\.20\.25/],
    ["The `DateTime` block is gone since 3.2.", "3.4.20", /last present in Prefect 3\.4\.25/],
    ["`ProcessPoolTaskRunner` has been available since 3.0.", "3.8.3", /first appeared in Prefect 3\.4\.14/],
    ["`prefect.futures.wait` was added before 3.0.", "3.4.20", /first appeared in Prefect 3\.0\.0, not before/],
    ["`Task.delay()` is not available until 3.2.", "3.4.20", /first appeared in Prefect 3\.0\.0, not 3\.2/],
    ["`prefect.schedules` only showed up in 3.4.", "3.4.20", /first appeared in Prefect 3\.2\.0, not 3\.4/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`Deployment.build_from_flow` was dropped after 2.12.1.", "3.4.20"],
    ["`prefect agent start` was dropped after 2.20.", "3.4.20"],
    ["The `DateTime` block is gone since 3.5.", "3.8.3"],
    ["`SequentialTaskRunner` was removed before 3.1.", "3.4.20"],
    ["`wait_for_flow_run` has been available since 2.15.", "3.4.20"],
    ["`ProcessPoolTaskRunner` is available from 3.4.14.", "3.8.3"],
    ["`prefect.futures.wait` was added after 2.20.", "3.4.20"],
  ])("true: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a bare name with several readings", () => {
  it.each([
    [
      "The `DateTime` block was removed in 3.3.",
      "3.8.3",
      /blocks\.system\.DateTime` was last present in Prefect 3\.4\.25/,
    ],
    ["The `DateTime` block was added in 3.5.", "3.4.20", /first appeared in Prefect 2\.0\.0, not 3\.5/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // The noun after the name picks the block, not prefect.types.DateTime.
    ["The `DateTime` block was removed in 3.5.0.", "3.8.3"],
    ["The `DateTime` block is gone since 3.5.", "3.8.3"],
    // No noun: the block (removed in 3.5.0) and the type (still there) disagree, so it is left undecided.
    ["`DateTime` was removed in 3.5.0.", "3.8.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
