import { describe, expect, it } from "vitest";
import type { ApiFinding } from "../retrieve/index.js";
import { apiVerdict, verdictFinding } from "./api-text.js";

const finding = (fq: string, status: ApiFinding["status"], boundary?: string): ApiFinding => ({
  asked: fq.split(".").pop()!,
  fq,
  release: "3.0.2",
  status,
  ...(boundary ? { boundary } : {}),
  suggestions: [],
});

const runners = finding("prefect.task_runners", "present");
const processPool = finding("prefect.task_runners.ProcessPoolTaskRunner", "not-yet", "3.4.14");
const wait = finding("prefect.futures.wait", "present");

describe("verdictFinding", () => {
  it.each([
    // "ProcessPoolTaskRunner from prefect.task_runners": the module says where, the class is what is asked.
    ["a class inside a module named before it", [runners, processPool], processPool],
    ["the same, written the other way round", [processPool, runners], processPool],
    ["names that do not nest keep their order", [wait, processPool], wait],
    ["one name", [runners], runners],
  ])("%s", (_why, apis, expected) => {
    expect(verdictFinding(apis)).toBe(expected);
  });

  it("says no to the class the release lacks, not yes to its module", () => {
    expect(apiVerdict(verdictFinding([runners, processPool])!)).toMatch(
      /^\*\*No: `prefect\.task_runners\.ProcessPoolTaskRunner` is not in Prefect 3\.0\.2 yet\*\*; it first appears in 3\.4\.14/,
    );
  });

  // "Did it go away?" is answered yes when it is gone: the verdict's yes and no follow the question, not the lookup.
  it.each([
    [
      finding("prefect.runner.submit_to_runner", "removed", "3.4.25"),
      false,
      /^\*\*No: .* is gone in Prefect 3\.0\.2\*\*/,
    ],
    [
      finding("prefect.runner.submit_to_runner", "removed", "3.4.25"),
      true,
      /^\*\*Yes: .* is gone in Prefect 3\.0\.2\*\*/,
    ],
    [wait, true, /^\*\*No: `prefect\.futures\.wait` is still in Prefect 3\.0\.2\*\*/],
    [wait, false, /^\*\*Yes: `prefect\.futures\.wait` exists in Prefect 3\.0\.2\*\*/],
  ])("%o asked whether gone: %s", (f, asksGone, expected) => {
    expect(apiVerdict(f, asksGone)).toMatch(expected);
  });

  it("has nothing to say of no names", () => {
    expect(verdictFinding([])).toBeUndefined();
  });
});
