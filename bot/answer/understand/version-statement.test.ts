import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { reconcileVersion } from "./understand.js";
import { readUpgradeTarget, readVersionStatement } from "./version-statement.js";

const facts = loadPrefectFacts();
const releases = facts.releases;
const latest2 = facts.latestOfMajor(2);

describe("readVersionStatement", () => {
  it.each([
    ["we pin `prefect<3` in requirements", "<3", latest2],
    ["our constraint is prefect>=2.14,<3", ">=2.14,<3", latest2],
    // A full stop or comma after the requirement ends the sentence, not the version.
    ["we pin prefect<3. can the deployment run once at a time?", "<3", latest2],
    ["we are on prefect>=2.19,<3, is that a problem?", ">=2.19,<3", latest2],
    ["requirements say prefect==3.4.*. why is it slow", "==3.4.*", facts.resolveRelease("3.4")],
    // A release named beside the range says which one inside it; numbers outside it (Python's) or two of them do not.
    ["we pin prefect<3 (2.19 right now). does task.delay() work?", "<3", facts.resolveRelease("2.19")],
    ["we pin prefect<3, currently 2.19.3.", "<3", "2.19.3"],
    ["we pin prefect<3 and run python 3.11", "<3", latest2],
    ["prefect<3 everywhere, 2.16 in one env and 2.18 in another", "<3", latest2],
    ["requirements.txt has prefect==3.4.* and pandas", "==3.4.*", facts.resolveRelease("3.4")],
    ['[tool.poetry.dependencies]\nprefect = "^2.14"', ">=2.14,<3", latest2],
    ['dependencies = ["prefect[aws]>=3.1,<3.5"]', ">=3.1,<3.5", facts.resolveRelease("3.4")],
    ["we're on 2, can't upgrade yet", ">=2,<3", latest2],
    ["just upgraded to 3 and now my deployment fails", ">=3,<4", facts.latest],
    ["still using prefect 2.x for now", ">=2,<3", latest2],
    ["we are migrating to v3 next week", ">=3,<4", facts.latest],
  ])("%s → %s", (text, specifier, release) => {
    const s = readVersionStatement([text], releases);
    expect(s?.specifier).toBe(specifier);
    expect(s?.release).toBe(release);
    expect(s?.said).not.toMatch(/[.,]$/);
  });

  it.each([
    ["I'm on the latest version"],
    ["fresh install from pip today"],
    ["pip install prefect\nthen ran the tutorial"],
  ])("%s → the newest release", (text) => {
    const s = readVersionStatement([text], releases);
    expect(s).toMatchObject({ specifier: null, release: facts.latest });
  });

  it.each([
    ["we have 2 workers on our pool"],
    ["the latest run failed"],
    ["see https://docs-2.prefect.io/latest/"],
    ["after upgrading, a flow ends Completed. In 2.x it was Failed."],
    // A move that has not happened yet says where the asker is going, not where they are.
    ["if we upgrade to 3 will `Deployment.build_from_flow` keep working?"],
    ["planning to move to prefect 3 next quarter, anything to watch?"],
  ])("%s → no statement", (text) => {
    expect(readVersionStatement([text], releases)).toBeNull();
  });
});

describe("readUpgradeTarget", () => {
  it.each([
    ["if we bump to prefect 3 will that import keep working?", "2.20.3", 3],
    ["we're planning to move to 3.x, does `flow.serve` change?", "2.19.0", 3],
    ["before we upgrade to v3, what breaks?", "2.14.1", 3],
    ["thinking about migrating to prefect 3 soon", "2.16.4", 3],
    ["planning our move to prefect 3. what happens to build_from_flow?", "2.19.4", 3],
    ["we're on 2.20.10 and planning the jump to prefect 3 next month", "2.20.10", 3],
    ["what happens when we upgrade the server and clients to prefect 3?", "2.20.10", 3],
    ["we're on 2.20.0 and want to go to 3.0. will that still work after upgrading?", "2.20.0", 3],
    // An arrow to the later line, and a later line the asking sentence asks about.
    ["planning the 2.20 -> 3 upgrade. will our build_from_flow script break?", "2.20.10", 3],
    ["all our deployments use build_from_flow. will that keep working on 3?", "2.20.10", 3],
    ["is `prefect agent` still there in prefect 3.x?", "2.19.0", 3],
    ["is `flow.serve` in prefect 3?", "2.19.0", 3],
  ])("%s (on %s) → %s", (text, current, major) => {
    const asking = text.split(". ").at(-1)!;
    const target = readUpgradeTarget(text, current, releases, asking);
    expect(target?.major).toBe(major);
    expect(target?.release).toBe(facts.latestOfMajor(major as 2 | 3));
  });

  it.each([
    // Done already, or the line the asker is on.
    ["just upgraded to 3 and now my deployment fails", "2.20.3"],
    ["when we upgraded to 3 the agent went away", "2.20.3"],
    ["if we upgrade to 3.4 will this keep working?", "3.1.0"],
    // The line the asker left, named to compare: "like it did in 2" on 3.
    ["will prefect wait for them all before the flow completes like it did in 2?", "3.2.0"],
    ["on 3.0 do i still need `.value` after `Variable.get` like in 2.x?", "3.0.0"],
    // "we're on 2" in the asking sentence is the asker's own line.
    ["we're on 2, does this still work?", "2.19.0"],
  ])("%s (on %s) → none", (text, current) => {
    expect(readUpgradeTarget(text, current, releases, text)).toBeNull();
  });
});

describe("reconcileVersion", () => {
  const guess = (version: string, how: "stated" | "inferred" | "assumed") => ({
    version,
    resolved: facts.resolveRelease(version),
    major: (version.startsWith("2") ? 2 : 3) as 2 | 3,
    how,
    evidence: [],
  });

  it("reads prefect<3 as the newest 2.x, not 3", () => {
    const s = readVersionStatement(["we pin prefect<3"], releases);
    expect(reconcileVersion(guess("3", "stated"), s, facts)).toMatchObject({ resolved: latest2, major: 2 });
  });

  it("keeps a stated release that lies inside the range", () => {
    const s = readVersionStatement(["prefect>=2.14,<3, we are on 2.19.3"], releases);
    expect(reconcileVersion(guess("2.19.3", "stated"), s, facts).resolved).toBe("2.19.3");
  });

  it("checks old 2.x tutorial code against the newest release when the asker says they are on the latest", () => {
    const s = readVersionStatement(["I'm on the latest version, following a tutorial"], releases);
    expect(reconcileVersion(guess("2", "inferred"), s, facts)).toMatchObject({ resolved: facts.latest, major: 3 });
  });
});
