// `orca upgrade`: the guide on real version pairs, checked against the raw API history (not the compiled facts), and
// its answers to bad input.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "../../core/index.js";
import { comparePep440, loadChangeFacts, loadPrefectFacts, upgradeGuide } from "../../knowledge/index.js";
import { applyFixes, createLinter, prefectReferences } from "../../lint/index.js";
import { runOrca } from "../../test/support/run-orca.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "upgrade-fixtures");
const fixture = (name: string) => ({ label: name, code: readFileSync(path.join(fixtures, name), "utf8") });
const historyFile = path.join(sharedDataDir, "prefect-api", "history.json");
const haveHistory = existsSync(historyFile);

type Ranges = [string, string][];
interface History {
  symbols: Record<string, { kind: string; present: Ranges }>;
}

/** Present in a release per the raw history: its own entry, or its parent re-exports a target that has it. */
function presentIn(history: History, name: string, release: string, depth = 0): boolean {
  const entry = history.symbols[name];
  if (entry?.present.some(([a, b]) => comparePep440(a, release) <= 0 && comparePep440(release, b) <= 0)) return true;
  const dot = name.lastIndexOf(".");
  if (dot < 0 || depth > 6) return false;
  const parent = history.symbols[name.slice(0, dot)];
  if (!parent?.kind.startsWith("reexport:") || !presentIn(history, name.slice(0, dot), release, depth + 1)) {
    return false;
  }
  return presentIn(history, `${parent.kind.slice("reexport:".length)}${name.slice(dot)}`, release, depth + 1);
}

const PAIRS: [string, string][] = [
  ["2.10.0", "3.0.0"],
  ["2.14.0", "3.4.20"],
  ["2.16.0", "2.20.25"],
  ["2.19.0", "3.8.3"],
  ["2.20.10", "3.4.20"],
  ["2.20.25", "3.0.0"],
  ["3.0.0", "3.4.25"],
  ["3.1.0", "3.8.3"],
  ["3.2.0", "3.3.0"],
  ["3.4.20", "3.5.0"],
  ["3.4.24", "3.6.0"],
  ["3.5.0", "3.8.3"],
];
const FILES = ["prefect2-deployment.py", "prefect3-runner.py"];

describe.skipIf(!haveHistory)("upgrade guide vs the raw API history", async () => {
  const history = haveHistory ? (JSON.parse(readFileSync(historyFile, "utf8")) as History) : { symbols: {} };
  const facts = loadPrefectFacts();
  const linter = await createLinter(facts);
  const deps = {
    facts,
    changes: loadChangeFacts(),
    checker: {
      references: prefectReferences,
      lint: (code: string, release: string) => linter.lint(code, release),
      applyFixes,
    },
  };

  it.each(PAIRS.flatMap(([from, to]) => FILES.map((file) => [from, to, file] as const)))(
    "%s -> %s, %s: every removed API the code uses is reported, and nothing else",
    (from, to, file) => {
      const code = fixture(file);
      const used = [...new Set(prefectReferences(code.code).map((r) => r.name))].filter((n) => !n.includes("("));
      const expected = used.filter((n) => presentIn(history, n, from) && !presentIn(history, n, to)).sort();
      const guide = upgradeGuide(deps, { from, to, files: [code] });
      const reported = guide.code[0]!.uses.map((u) => u.name).filter((n) => !n.includes("("));
      expect(reported.sort()).toEqual(expected);
      // Every reported use is something the code refers to, on the line it refers to it.
      const lines = code.code.split("\n");
      for (const use of guide.code[0]!.uses) {
        const short = use.name.replace(/\(.*$/, "").split(".").at(-1)!;
        expect(lines[use.line - 1]).toContain(short);
      }
    },
  );

  it("finds the real 2 -> 3 removals in the Prefect 2 script and rewrites with the linter's fixes", () => {
    const guide = upgradeGuide(deps, { from: "2.20.10", to: "3.4.20", files: [fixture("prefect2-deployment.py")] });
    expect(guide.crossesMajor).toBe(true);
    expect(guide.code[0]!.uses.map((u) => [u.name, u.line])).toEqual(
      expect.arrayContaining([
        ["prefect.agent.PrefectAgent", 3],
        ["prefect.deployments.Deployment", 4],
        ["prefect.deployments.Deployment.build_from_flow", 20],
      ]),
    );
    expect(guide.settings.some((s) => s.name === "PREFECT_AGENT_PREFETCH_SECONDS")).toBe(true);
    expect(guide.cli.some((c) => c.command === "agent start")).toBe(true);
  });

  it("shows the linter's rewrite for what the move breaks, and not what was already wrong", () => {
    const code = [
      "from prefect import flow",
      "from prefect.variables import Variable",
      "",
      "@flow",
      "def f():",
      '    region = Variable.get("region").value',
      "    return region.nope()",
      "",
    ].join("\n");
    const guide = upgradeGuide(deps, { from: "2.20.10", to: "3.4.20", files: [{ label: "v.py", code }] });
    const report = guide.code[0]!;
    expect(report.fixes.map((f) => [f.line, f.rule])).toEqual([[6, "unknown-attribute"]]);
    expect(report.fixes[0]).toMatchObject({
      before: '    region = Variable.get("region").value',
      after: '    region = Variable.get("region")',
    });
    expect(report.fixedCode).toContain('region = Variable.get("region")\n');
  });

  it("lists the release notes' breaking changes in range", () => {
    const guide = upgradeGuide(deps, { from: "3.4.20", to: "3.5.0" });
    expect(guide.breaking.map((c) => c.pr)).toEqual(expect.arrayContaining([19273, 19307]));
    expect(guide.code).toEqual([]);
  });
});

describe("orca upgrade", () => {
  it("prints Markdown for a file", async () => {
    const file = path.join(fixtures, "prefect3-runner.py");
    const { code, stdout } = await runOrca(["upgrade", "--from", "3.4.20", "--to", "3.6", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Upgrading Prefect 3\.4\.20 → 3\.6\.\d+/);
    expect(stdout).toMatch(/line 5: `prefect\.runner\.submit_to_runner` is gone after 3\.4\.25/);
    expect(stdout).toMatch(/## Breaking changes \(release notes\) \(2\)/);
  });

  it("prints JSON for stdin", async () => {
    const { code, stdout } = await runOrca(["upgrade", "--from", "3.4", "--to", "3.5.0", "--json", "-"], {
      stdin: "from prefect.runner import submit_to_runner\n",
    });
    expect(code).toBe(0);
    const guide = JSON.parse(stdout);
    expect(guide).toMatchObject({ from: "3.4.0", to: "3.5.0" });
    expect(guide.code[0].uses[0]).toMatchObject({ name: "prefect.runner.submit_to_runner", line: 1 });
  });

  it.each([
    [["--from", "3.x", "--to", "3.4"], 0, /--from "3\.x" is a release line, not a release: read as 3\.0\.0/],
    [["--from", "latest", "--to", "3.8.3"], 0, /nothing changes/],
    [["--from", "3.4.99", "--to", "3.5"], 0, /3\.4\.99 is not a Prefect release; used 3\.4\.25/],
    [["--from", "2.20rc1", "--to", "2.20.1"], 0, /2\.20rc1 is a pre-release; used 2\.19\.\d+/],
    [["--from", "1.4.0", "--to", "2.0.5"], 0, /older than any release the facts cover/],
    [["--from", "3.4.20", "--to", "3.1.0"], 1, /--from 3\.4\.20 is later than --to 3\.1\.0/],
    [["--from", "4.x", "--to", "5"], 1, /"4\.x" names no release the facts know/],
    [["--from", "three", "--to", "3.4"], 1, /"three" is not a Prefect version/],
    [["--from", "prefect==3.4.20", "--to", " v3.5.0 "], 0, /^# Upgrading Prefect 3\.4\.20 → 3\.5\.0/],
    [["--from", "3.4.20.dev1", "--to", "3.5"], 0, /3\.4\.20\.dev1 is a pre-release; used 3\.4\.19/],
    [
      ["--from", "99", "--to", "3.4"],
      1,
      /--from 99 \(read as 3\.\d+\.\d+\) is later than --to 3\.4 \(read as 3\.4\.25\)/,
    ],
    [["--from", "latest", "--to", "3.4.20"], 1, /--from latest \(read as 3\.\d+\.\d+\) is later than --to 3\.4\.20:/],
    [["--from", "1.0", "--to", "1.5"], 1, /--to 1\.5 is older than any release the facts cover \(2\.0\.0 onwards\)/],
    [["--from", "2.20.10", "--to", "3.4.20"], 0, /crosses a major version \(2 to 3\): read the migration guide/],
    [["--to", "3.4"], 1, /--from is required/],
    [["--from", "3.4.20", "no-such-file.py"], 1, /no such file: no-such-file\.py/],
  ])("answers %j with one clear line", async (args, exit, says) => {
    const { code, stdout, stderr } = await runOrca(["upgrade", ...args]);
    expect(code).toBe(exit);
    expect(stdout + stderr).toMatch(says);
    expect(stderr).not.toMatch(/unexpected error|at .*\.ts:\d+/);
  });
});
