import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { findAskedApis } from "./api-lookup.js";

const facts = loadPrefectFacts();

describe("findAskedApis", () => {
  it.each([["how do I turn off the pull step in `prefect.yaml`?"], ["my `prefect.toml` has `[logging]` in it"]])(
    "does not take a file the asker names for an API: %s",
    (text) => {
      expect(findAskedApis(text, facts, "3.4.20").map((f) => f.asked)).toEqual([]);
    },
  );

  it.each([
    ["can i pass flow_run_id= to pause_flow_run?", ["pause_flow_run"]],
    ["can i pass `flow_run_id=` to `pause_flow_run`?", ["pause_flow_run"]],
    ["is flow_run_id == run.id here?", ["flow_run_id"]],
  ])("reads a name written with its `=` as a keyword, not an API: %s", (text, asked) => {
    expect(findAskedApis(text, facts, "3.1.0").map((f) => f.asked)).toEqual(asked);
  });

  it.each([
    ["can I import MissingResult from prefect.exceptions?", "prefect.exceptions.MissingResult"],
    ["does from prefect.futures import wait work here?", "prefect.futures.wait"],
    ["can i import `wait` from `prefect.futures`?", "prefect.futures.wait"],
  ])("reads an import phrase as the name in its module: %s", (text, fq) => {
    expect(findAskedApis(text, facts, "2.4.0").map((f) => f.asked)).toEqual([fq]);
  });

  it.each([
    // `prefect.cli.result_storage` arrives in 3.7.1; on 2.17.1 the word is the flow's and task's parameter.
    ["where do results go by default when no result_storage is set?", "2.17.1", []],
    ["where do results go by default when no `result_storage` is set?", "2.17.1", []],
    // A name the release has is still looked up.
    ["how do I use run_deployment here?", "2.17.1", ["run_deployment"]],
  ])("reads a bare parameter name of `@flow` and `@task` as that parameter: %s", (text, release, asked) => {
    expect(findAskedApis(text, facts, release).map((f) => f.asked)).toEqual(asked);
  });

  it.each([
    ["use `prefect_aws.S3Bucket` instead, what exactly do i do?", []],
    ["is `prefect.nosuch.Thing` a real API?", ["prefect.nosuch.Thing"]],
  ])("reports an unknown name only under core prefect: %s", (text, asked) => {
    expect(findAskedApis(text, facts, "3.4.20").map((f) => f.asked)).toEqual(asked);
  });

  it("still looks up a dotted Prefect name", () => {
    expect(findAskedApis("is `prefect.futures.wait` in 3.4?", facts, "3.4.20").map((f) => f.fq)).toEqual([
      "prefect.futures.wait",
    ]);
  });
});
