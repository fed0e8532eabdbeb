import { describe, expect, it } from "vitest";
import type { LintResult } from "../../../core/index.js";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import type { SnippetLinter } from "../ports.js";
import { enforce, pythonBlocks, verifyDraft } from "./verify.js";

/** Flags any line containing BAD, like the real linter flags a wrong API. */
const linter: SnippetLinter = {
  lint(code: string, version: string): LintResult {
    const line = code.split("\n").findIndex((l) => l.includes("BAD"));
    return {
      version,
      fixedCode: code,
      diagnoses:
        line < 0
          ? []
          : [{ rule: "unknown-attribute", severity: "error", line: line + 1, column: 1, message: "BAD is not an API" }],
    };
  },
};
const facts = loadPrefectFacts();

const draft = (code: string, prose = "Use `prefect.futures.wait`.") =>
  `${prose}\n\n\`\`\`python\n${code}\n\`\`\`\n\nDone.`;

describe("verifyDraft", () => {
  it("finds python blocks, including untagged ones that look like Python, but not shell or YAML", () => {
    const md =
      "```\nfrom prefect import flow\n```\n```bash\nprefect version\n```\n```yaml\na: 1\n```\n```py\nx = 1\n```";
    expect(pythonBlocks(md).map((b) => b.code.trim())).toEqual(["from prefect import flow", "x = 1"]);
  });

  it("passes a clean draft and fails one whose code does not lint for the version", async () => {
    expect((await verifyDraft(draft("x = 1"), { linter, facts }, "3.8.3")).ok).toBe(true);
    const bad = await verifyDraft(draft("x = BAD()"), { linter, facts }, "3.8.3");
    expect(bad.ok).toBe(false);
    expect(bad.blocks[0]!.problems[0]!.message).toBe("BAD is not an API");
  });

  it("checks prefect names in the prose against the release, skipping negative mentions and file names", async () => {
    const v2 = await verifyDraft(
      draft("x = 1", "Call `prefect.futures.wait` on the futures."),
      { linter, facts },
      "2.20.25",
    );
    expect(v2.names).toEqual([{ name: "prefect.futures.wait", status: "not-yet", detail: "first in 3.0.0" }]);
    const invented = await verifyDraft(
      draft("x = 1", "Use prefect.futures.wait_all here."),
      { linter, facts },
      "3.8.3",
    );
    expect(invented.names.map((n) => n.name)).toEqual(["prefect.futures.wait_all"]);
    const negative = await verifyDraft(
      draft("x = 1", "There is no prefect.futures.wait_all; edit prefect.yaml."),
      { linter, facts },
      "3.8.3",
    );
    expect(negative.ok).toBe(true);
  });

  it("flags (offline) or removes (LLM) a failing block and calls out a failing name", async () => {
    const md = draft("x = BAD()", "Use prefect.futures.wait_all.");
    const result = await verifyDraft(md, { linter, facts }, "3.8.3");
    const flagged = enforce(md, result, "3.8.3", "flag");
    expect(flagged).toMatch(
      /Not verified:\*\* this code still fails Orca's check for Prefect 3\.8\.3 \(line 1: BAD is not an API\)/,
    );
    expect(flagged).toContain("x = BAD()");
    const removed = enforce(md, result, "3.8.3", "remove");
    expect(removed).not.toContain("x = BAD()");
    expect(removed).toMatch(/A code block was removed here/);
    // The false name is never left standing, in either mode: its sentence gives way to the fact.
    for (const out of [flagged, removed]) {
      expect(out).not.toContain("Use prefect.futures.wait_all.");
      expect(out).toMatch(/Orca removed a statement that is false for Prefect 3\.8\.3: `prefect\.futures\.wait_all`/);
    }
  });

  it("renumbers a source list whose item a false statement took out", async () => {
    const md = [
      "Use Variables.",
      "",
      "**Sources:**",
      "1. [Blocks](https://docs.prefect.io/v3/concepts/blocks)",
      "2. Use `prefect.futures.wait_all` to wait for them.",
      "3. [Variables](https://docs.prefect.io/v3/concepts/variables)",
    ].join("\n");
    const out = enforce(md, await verifyDraft(md, { linter, facts }, "3.8.3"), "3.8.3", "flag");
    expect(out).toContain("1. [Blocks](https://docs.prefect.io/v3/concepts/blocks)\n2. [Variables]");
    expect(out).not.toMatch(/^3\./m);
  });

  it("takes a false opening statement out of the lead and puts its correction at the end", async () => {
    const md = "Use `prefect.futures.wait_all` to wait for them.\n\n- Futures resolve in the order they finish.";
    const result = await verifyDraft(md, { linter, facts }, "3.8.3");
    const out = enforce(md, result, "3.8.3", "flag");
    expect(out.split("\n\n")[0]).toBe("- Futures resolve in the order they finish.");
    expect(out.split("\n\n").at(-1)).toMatch(/^_\(Orca removed a statement that is false for Prefect 3\.8\.3/);
  });

  it.each([
    [
      "Using `.submit()` to run tasks and subflows concurrently is supported in Prefect 3.x.",
      "3.4.20",
      /`Flow` objects have no `\.submit\(\)`/,
    ],
    ["`run_deployment` returns a future you can `.wait()` on.", "3.4.20", /returns a `FlowRun`/],
    ["Import `wait` from `prefect` directly.", "3.8.3", /import it from `prefect\.futures`/],
    ["Start one with `prefect agent start -q default`.", "3.4.20", /exists only in Prefect 2\.0\.0–2\.20\.25/],
  ])("removes the false prose claim %j and says what is true instead", async (claim, release, fact) => {
    const md = draft("x = 1", `${claim} Then run it.`);
    const result = await verifyDraft(md, { linter, facts }, release);
    expect(result.ok).toBe(false);
    const out = enforce(md, result, release, "remove");
    expect(out).not.toContain(claim);
    expect(out).toMatch(fact);
    expect(out).toContain("Then run it.");
    expect(out).toContain("x = 1");
  });

  it("leaves negations and other releases alone", async () => {
    const md = draft(
      "x = 1",
      "Flows do not have `.submit()` in 3.x. In 2.x, `prefect agent start` started an agent. Only tasks have `.submit()`.",
    );
    expect((await verifyDraft(md, { linter, facts }, "3.4.20")).ok).toBe(true);
  });
});
