import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { detectVersion } from "./detect-version.js";

const facts = loadPrefectFacts();

describe("detectVersion", () => {
  it("reads `prefect version` output but not the API or Python versions beside it", () => {
    const output =
      "Version:             3.4.20\nAPI version:         0.8.4\nPython version:      3.12.3\nPydantic version:    2.11.7";
    const guess = detectVersion([output], facts);
    expect(guess).toMatchObject({ version: "3.4.20", resolved: "3.4.20", major: 3, how: "stated" });
    expect(guess.evidence[0]).toMatch(/prefect version/);
  });

  it("reads pins, pip freeze lines and Docker tags", () => {
    expect(detectVersion(["requirements: prefect==2.19.1\nboto3==1.34"], facts).resolved).toBe("2.19.1");
    expect(detectVersion(["prefect             3.1.0\nrequests 2.31.0"], facts).resolved).toBe("3.1.0");
    expect(detectVersion(["FROM prefecthq/prefect:3.4.22-python3.12"], facts).version).toBe("3.4.22");
    expect(detectVersion(["prefect>=3.1"], facts)).toMatchObject({ version: "3", resolved: facts.latestOfMajor(3) });
  });

  it("reads plain statements: a release, 'Prefect 2', 'v3'", () => {
    expect(detectVersion(["we are on 3.4.20 in prod"], facts).resolved).toBe("3.4.20");
    expect(detectVersion(["still on Prefect 2 here"], facts)).toMatchObject({
      version: "2",
      resolved: facts.latestOfMajor(2),
      major: 2,
    });
    expect(detectVersion(["is this different in v3?"], facts)).toMatchObject({ major: 3, how: "stated" });
    expect(detectVersion(["Prefect 2.x user"], facts).major).toBe(2);
  });

  it("reads a move's target and a minor line in use, even without the word Prefect", () => {
    expect(detectVersion(["migrating to 3, ImportError on SequentialTaskRunner"], facts)).toMatchObject({
      major: 3,
      how: "stated",
    });
    expect(detectVersion(["on 2.19, Variable.get gives me an object"], facts)).toMatchObject({
      resolved: facts.resolveRelease("2.19"),
      how: "stated",
    });
    expect(detectVersion(["how do i make the tasks in my 2.19 flow run one at a time?"], facts)).toMatchObject({
      resolved: facts.resolveRelease("2.19"),
      how: "stated",
    });
    expect(detectVersion(["our 3.4 server keeps restarting"], facts).resolved).toBe(facts.resolveRelease("3.4"));
    expect(detectVersion(["I'm on 3.11 of python"], facts).how).toBe("assumed");
    expect(detectVersion(["my 2.7 python env"], facts).how).toBe("assumed");
  });

  it("ignores numbers that belong to something else", () => {
    for (const text of [
      "python 3.11.4 on ubuntu",
      "pydantic v2 models",
      "on 09/02/2025 at 3:11 PM",
      "port 4200, ip 10.2.3.4",
      "docs/v3/concepts",
    ]) {
      expect(detectVersion([text], facts).how, text).toBe("assumed");
    }
  });

  it("lets later messages override earlier ones, and a stated version beat API evidence", () => {
    const guess = detectVersion(
      [
        "I was on prefect 2.16.0",
        "upgraded, now running prefect 3.1.0",
        "from prefect.task_runners import SequentialTaskRunner",
      ],
      facts,
    );
    expect(guess).toMatchObject({ resolved: "3.1.0", how: "stated" });
    expect(detectVersion(["we moved from 2.19 to Prefect 3.2.0 last week"], facts).resolved).toBe("3.2.0");
  });

  it.each([
    ["just bumped to 3.1 and the import explodes", "3.1"],
    ["after upgrading from 2 to 3 it fails. we're on 3.2.7 now", "3.2.7"],
    ["after upgrading to prefect 3 this broke", "3"],
    ["running 2.19 in prod", "2.19"],
    ["works on v3.4.10 but not later", "3.4.10"],
    ["we are still Prefect 2.x users", "2"],
    ["in prefect 3? it gives ImportError on 3.4.20", "3.4.20"],
    ["we self host prefect server (3.3) on a vm", "3.3"],
  ])("reads the plain statement %j", (text, version) => {
    const guess = detectVersion([`${text}\nfrom prefect.task_runners import SequentialTaskRunner`], facts);
    expect(guess).toMatchObject({ how: "stated", resolved: facts.resolveRelease(version) });
  });

  it.each([
    "python 3.11 with pydantic 2",
    "the job ran on 2024-03-02 at 10.2.3.4:4200",
    "our cluster runs k8s 1.29 and helm 3.14",
    "running 3.11 locally",
    "prefect server start --port 4200",
  ])("finds no Prefect version in %j", (text) => {
    expect(detectVersion([text], facts).how).toBe("assumed");
  });

  it("lets the newest statement decide and an agreeing detail refine it", () => {
    expect(detectVersion(["we were on 2.19 for ages", "just bumped to 3.1"], facts).resolved).toBe(
      facts.resolveRelease("3.1"),
    );
    expect(detectVersion(["pip freeze: prefect==3.4.20", "does this work on Prefect 3?"], facts).resolved).toBe(
      "3.4.20",
    );
  });

  it("does not take an intended move or a question about a major line for the version in use", () => {
    expect(detectVersion(["we're on prefect 2 but planning to move to 3"], facts).major).toBe(2);
    expect(detectVersion(["prefect==2.19.4 here. does this work in Prefect 3?"], facts).resolved).toBe("2.19.4");
    expect(detectVersion(["Upgraded to 3.4.20 yesterday, was on 2.19.4 before"], facts).resolved).toBe("3.4.20");
  });

  it("takes the version a person is on now over the one that used to work", () => {
    const now = (text: string) => detectVersion([text], facts).resolved;
    expect(now("after bumping to prefect 3.5.0 this import fails, was fine on 3.4")).toBe("3.5.0");
    expect(now("it worked on 3.3.7 but since upgrading to 3.4.20 the worker crashes")).toBe("3.4.20");
    expect(now("since 3.5.0 JSON blocks fail to import; it was working fine on 3.4.10")).toBe("3.5.0");
    expect(now("we downgraded to 3.1.4 because 3.2 broke deploys")).toBe("3.1.4");
    expect(now("rolled back to 2.19.4, now on 2.19.4 everything is green")).toBe("2.19.4");
    expect(now("was fine on 3.4.10, now on 3.6.1 it hangs")).toBe("3.6.1");
    expect(now("since 3.5 this import fails, it was working fine on 3.4")).toBe(facts.resolveRelease("3.5"));
  });

  it("keeps a past version when nothing newer is stated, and does not read 'since' or 'was' as past on their own", () => {
    const now = (text: string) => detectVersion([text], facts).resolved;
    expect(now("this was fine on 3.4.10, what changed?")).toBe("3.4.10");
    expect(now("we are on 3.4.20 and it was slow before we tuned it")).toBe("3.4.20");
    expect(now("the version is 3.2.7 and it was deployed yesterday")).toBe("3.2.7");
    expect(now("planning to downgrade to 3.1 but on 3.4.20 for now")).toBe("3.4.20");
    expect(now("we're on 2.19.4 in prod; since 3.0 is this done differently?")).toBe("2.19.4");
    expect(now("I was testing this on 3.4.20; the 3.2.0 notes say otherwise")).toBe("3.4.20");
  });

  it("counts a bot's statement only when no person states a version", () => {
    const thread = [
      { text: "we run prefect==2.19.4", isBot: false },
      { text: "In Prefect 3.4 you would use ThreadPoolTaskRunner.", isBot: true },
    ];
    expect(detectVersion(thread, facts).resolved).toBe("2.19.4");
    expect(detectVersion([{ text: "Prefect 3.4 has this.", isBot: true }, "how do I retry?"], facts)).toMatchObject({
      how: "stated",
      resolved: facts.resolveRelease("3.4"),
    });
  });

  it("ignores conditional mentions", () => {
    expect(detectVersion(["If you're on Prefect 2.x, flows cannot be submitted"], facts).how).toBe("assumed");
  });

  it("infers the major line from names that exist in only one of them", () => {
    const v2 = detectVersion(
      ["from prefect.deployments import Deployment\nDeployment.build_from_flow(flow=f, name='x')"],
      facts,
    );
    expect(v2).toMatchObject({ major: 2, how: "inferred", resolved: facts.latestOfMajor(2) });
    expect(v2.evidence.join(" ")).toMatch(/build_from_flow/);
    const v3 = detectVersion(["from prefect.futures import wait\n@task(cache_policy=INPUTS)\ndef t(): ..."], facts);
    expect(v3).toMatchObject({ major: 3, how: "inferred" });
  });

  it("uses the facts for imports that exist in one major line only", () => {
    const guess = detectVersion(
      [
        "from prefect.task_runners import ProcessPoolTaskRunner\nfrom prefect.artifacts import create_progress_artifact",
      ],
      facts,
    );
    expect(guess).toMatchObject({ major: 3, how: "inferred" });
    expect(guess.evidence.join(" ")).toContain("prefect.artifacts.create_progress_artifact");
    expect(detectVersion(["from prefect.filesystems import GitHub"], facts)).toMatchObject({
      major: 2,
      how: "inferred",
    });
    expect(detectVersion(["from prefect import flow, task"], facts).how).toBe("assumed");
  });

  it("assumes the newest 3.x when nothing says otherwise, and honours a forced version", () => {
    expect(detectVersion(["how do I retry a task?"], facts)).toMatchObject({
      how: "assumed",
      resolved: facts.latestOfMajor(3),
    });
    expect(detectVersion(["Prefect 2.19.1"], facts, "3.4")).toMatchObject({
      resolved: facts.resolveRelease("3.4"),
      how: "stated",
    });
  });
});
