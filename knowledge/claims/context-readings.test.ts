// Readings of the ninth round: one table per reading, each with false statements (flagged, with the deciding fact)
// and true, negated, other-version or unclaimed ones in the same shape. Texts are whole answers: a sentence is read
// after the sentences before it, as the verifier reads a draft.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../facts/index.js";
import { createClaimChecker } from "./index.js";

const checker = createClaimChecker(loadPrefectFacts());
/** The facts of the false claims of the text's last paragraph (earlier ones are context). */
const facts = (text: string, release: string) => {
  const lastStart = text.lastIndexOf("\n\n") + 2;
  return checker
    .check(text, release)
    .falseSentences.filter((f) => f.start >= (lastStart > 1 ? lastStart : 0))
    .flatMap((f) => f.claims.map((c) => c.verdict.fact))
    .join(" ");
};

describe("a sentence after one about a callable still makes the claims it makes alone", () => {
  it.each([
    [
      "Start the child with `run_deployment(name=...)`.\n\n`as_subflow` defaults to `False`, so pass `as_subflow=True` to link it.",
      "3.4.20",
      /defaults to `True`/,
    ],
    [
      'Wrap the write in `concurrency("db", occupy=1)`.\n\nPass `create_if_missing=True` so the limit is made on first use.',
      "3.4.20",
      /create_if_missing/,
    ],
    [
      "Use `run_deployment(name=...)` for the child.\n\nThe `timeout=0` argument returns at once, and `as_subflow` defaults to `False`.",
      "3.2.10",
      /defaults to `True`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Start the child with `run_deployment(name=...)`.\n\n`as_subflow` defaults to `True`, so the run is linked.",
      "3.4.20",
    ],
    [
      'Wrap the write in `concurrency("db", occupy=1)`.\n\nPass `create_if_missing=True` if the limit may be missing.',
      "3.1.4",
    ],
    // The earlier sentence's false claim is that sentence's, not this one's.
    ["Call `run_deployment(name=..., wait=True)`.\n\nIt returns a `FlowRun`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a flag in code of its own after a command, that the command never took but others do, is another's", () => {
  it.each([
    // The command is said to take it: still that command's.
    ["`prefect work-pool create` accepts `--base-job-template` and `--watch`.", "2.19.3", /has no `--watch` option/],
    // Another command's flag, but no command of the release has it yet.
    [
      "Trigger it with `prefect deployment run my-flow/nightly` and then follow along via `--flow-run-name`.",
      "3.2.10",
      /--flow-run-name/,
    ],
    // Written inside the command's own code: that command's.
    [
      "Run `prefect work-pool get-default-base-job-template --base-job-template t.json`.",
      "2.19.3",
      /no `--base-job-template`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Dump the default with `prefect work-pool get-default-base-job-template --type process` and hand the edited file back via `--base-job-template`.",
      "2.19.3",
    ],
    [
      "Print it with `prefect work-pool inspect my-pool`, then pass it to the worker with `--with-healthcheck`.",
      "2.19.3",
    ],
    // A denial of the command's flag stays a denial.
    ["`prefect work-pool create` does not take `--with-healthcheck`.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
