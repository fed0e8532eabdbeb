// checkSnippet with the real linter and snippet extraction: Slack mangling is reported, repairs are re-checked, and
// code that still fails is never offered as corrected.
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { VersionGuess } from "../../../core/index.js";
import { loadPrefectFacts, type PrefectFacts } from "../../../knowledge/index.js";
import { createLinter, extractSnippets, type Linter } from "../../../lint/index.js";
import { createAnswerEngine } from "../engine.js";
import { checkSnippet, diagnosedSubjects, hasCode } from "./check-code.js";

const pasted = (name: string) => new URL(`./fixtures/pasted-output/${name}.py`, import.meta.url);

let facts: PrefectFacts;
let linter: Linter;
const V = { resolved: "3.4.20", major: 3 as const };

beforeAll(async () => {
  facts = loadPrefectFacts();
  linter = await createLinter(facts);
});

function review(text: string) {
  const snippet = extractSnippets(text)[0]!;
  return { snippet, author: "asker", fromQuestion: true, fromBot: false };
}

const MANGLED = [
  "from prefect import flow, get_run_logger",
  "@flow",
  "def report():",
  "    logger = get_run_logger()",
  '    <http://logger.info|logger.info>("ready")',
  '    return "ok"',
].join("\n");

describe("checkSnippet", () => {
  it("drops a keyword that only shows up as unknown after the wait fix, and explains it on the asker's line", async () => {
    const code = [
      "from prefect import flow, task",
      "",
      "@task",
      "def f(x):",
      "    return x",
      "",
      "@flow",
      "def main():",
      "    fut = f.submit(1)",
      "    state = fut.wait()",
      "    print(state.result(fetch=True))",
    ].join("\n");
    const checked = await checkSnippet(review(`\`\`\`\n${code}\n\`\`\``), 0, { linter, facts }, V);
    expect(checked.remaining).toEqual([]);
    expect(checked.corrected).toContain("fut.state");
    expect(checked.corrected).not.toContain("fetch=");
    const fetch = checked.explanations.find((e) => /fetch=/.test(e.text));
    expect(fetch?.lines).toEqual([11]);
    // The wait explanation says what to do once; the linter's short fix label is not repeated after it.
    const wait = checked.explanations.find((e) => /returns None/.test(e.text));
    expect(wait?.text).toMatch(/fut\.state/);
    expect(wait?.text).not.toMatch(/Fix: wait/);
  });

  it("reports Slack mangling in the asker's code and shows it restored", async () => {
    const checked = await checkSnippet(review(`\`\`\`\n${MANGLED}\n\`\`\``), 0, { linter, facts }, V);
    expect(checked.diagnoses.map((d) => d.rule)).toContain("slack-mangled");
    expect(checked.corrected).toContain('logger.info("ready")');
    expect(checked.remaining).toEqual([]);
  });

  it("lints a snippet cut to the line limit as cut, not from its whole raw text", async () => {
    const r = review(`\`\`\`\n${MANGLED}\n\`\`\``);
    const cutReview = { ...r, snippet: { ...r.snippet, code: r.snippet.code.split("\n").slice(0, 3).join("\n") } };
    const checked = await checkSnippet(cutReview, 0, { linter, facts }, V);
    expect(checked.diagnoses.map((d) => d.rule)).not.toContain("slack-mangled");
    expect(checked.corrected).not.toContain("logger.info");
  });

  it("reports no mangling for clean code", async () => {
    const clean = MANGLED.replace("<http://logger.info|logger.info>", "logger.info");
    const checked = await checkSnippet(review(`\`\`\`\n${clean}\n\`\`\``), 0, { linter, facts }, V);
    expect(checked.diagnoses).toEqual([]);
  });

  it("repairs a missing colon and says so", async () => {
    const code = "```\nfrom prefect import task\n\n@task\ndef add(a, b) -> int\n    return a + b\n```";
    const checked = await checkSnippet(review(code), 0, { linter, facts }, V);
    expect(checked.remaining).toEqual([]);
    expect(checked.corrected).toContain("def add(a, b) -> int:");
    expect(checked.explanations[0]?.text).toMatch(/added the missing `:`/);
  });

  it("keeps an unrepairable syntax error as remaining", async () => {
    const checked = await checkSnippet(
      review("```\nfrom prefect import flow\n\ndef f(:\n    pass\n```"),
      0,
      { linter, facts },
      V,
    );
    expect(checked.remaining.map((d) => d.rule)).toEqual(["syntax-error"]);
  });
});

describe("offline answer for code that cannot be fixed", () => {
  it("shows no corrected code block and names the line to fix", async () => {
    const version: VersionGuess = { version: "3.4.20", resolved: "3.4.20", major: 3, how: "stated", evidence: [] };
    const engine = createAnswerEngine({
      facts,
      linter,
      reader: { unmangle: (t) => t, extractSnippets: (t) => extractSnippets(t), detectVersion: () => version },
      retriever: { search: async () => [] },
    });
    const answer = await engine.answer({
      messages: [],
      question: "why does this flow fail?\n```\nfrom prefect import flow\n\n@flow\ndef f(:\n    pass\n```",
    });
    expect(answer.markdown).not.toMatch(/Corrected code/);
    expect(answer.markdown).not.toMatch(/```python/);
    expect(answer.markdown).toMatch(/\*\*the code does not parse\*\* \(line 4\)/);
    expect(answer.markdown).toMatch(/No corrected code:[^\n]*problem 1 above/);
    expect(answer.correctedCode).toBeNull();
  });
});

describe("hasCode", () => {
  it.each([
    ["", false],
    ["# only a comment\n\n", false],
    ["from prefect import flow\nimport asyncio  # for run", false],
    ["from prefect import (\n    flow,\n)\n", false],
    ["from prefect import flow\nx = 1", true],
    ["def f(:\n    pass", true],
    ["    # indented comment\n    return 1", true],
  ])("%j → %s", (code, expected) => {
    expect(hasCode(code)).toBe(expected);
  });
});

describe("diagnosedSubjects", () => {
  it.each([
    [
      "a keyword the callable does not take is the subject, not the callable",
      "from prefect import flow, pause_flow_run\n\n@flow\ndef f():\n    pause_flow_run(timeout=60, reschedule=True)\n",
      ["reschedule"],
    ],
    [
      "a removed API is named by its last part",
      'from prefect.deployments import Deployment\n\nDeployment.build_from_flow(flow=etl, name="x")\n',
      ["Deployment"],
    ],
    [
      "a hook's signature is about how a name is used, not the name",
      "from prefect import flow\n\ndef alert():\n    pass\n\n@flow(on_failure=[alert])\ndef f():\n    pass\n",
      [],
    ],
  ])("%s", async (_, code, expected) => {
    const checked = await checkSnippet(review(`\`\`\`\n${code}\`\`\``), 0, { linter, facts }, V);
    expect(diagnosedSubjects([checked])).toEqual(expected);
  });
});

describe("checkSnippet with a traceback pasted under the code", () => {
  // The corrected code is the asker's code repaired; the output they pasted under it is neither repaired nor shown.
  it.each([
    ["variable-value", "3.0.4"],
    ["run-deployment-wait", "3.1.10"],
    ["thread-pool-import", "2.19.1"],
    ["infrastructure-import", "3.0.0"],
    ["header-cut-short", "2.19.0"],
  ])("%s on %s", async (name, release) => {
    const source = readFileSync(pasted(name), "utf8");
    const version = { resolved: release, major: Number(release[0]) as 2 | 3 };
    const checked = await checkSnippet(review(`\`\`\`\n${source}\`\`\``), 0, { linter, facts }, version);
    expect(checked.diagnoses.length).toBeGreaterThan(0);
    expect(checked.corrected).not.toMatch(/Error:/);
    const expected = pasted(`${name}.expected`);
    // An import-only snippet whose import goes has no code left to show.
    if (existsSync(expected)) expect(checked.corrected.trim()).toBe(readFileSync(expected, "utf8").trim());
    else expect(hasCode(checked.corrected)).toBe(false);
  });
});
