// The change index's readers of question text: which platforms a text is about.
import { describe, expect, it } from "vitest";
import { platformsIn } from "./change-index.js";

describe("platformsIn", () => {
  it.each([
    ["our k8s work pool drops env vars", ["kubernetes"]],
    ["Fix duplicate env vars from work pools in Kubernetes jobs", ["kubernetes"]],
    ["prefect-aws 0.7.11: Store generated environment variables", ["aws"]],
    ["pushing to S3 from an ECS task", ["aws"]],
    ["`from prefect_gcp import CloudRunWorkerV2` on Cloud Run", ["gcp"]],
    ["dbt models run from a docker container", ["dbt", "docker"]],
    // Words inside other words are not platforms.
    ["an array of helmets and podcasts", []],
    ["a plain flow that retries a task", []],
  ])("%s -> %j", (text, platforms) => {
    expect(platformsIn(text)).toEqual(platforms);
  });
});
