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
    expect(detectVersion(["I'm on 3.11 of python"], facts).how).toBe("assumed");
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
