import { describe, expect, it } from "vitest";
import { CURATED_NOTES, curatedNote } from "./curated-facts.js";
import { isIntegrationModule, isKnownIntegrationExport } from "./integrations.js";

describe("curatedNote", () => {
  it("matches exact names and wildcard prefixes, exact first", () => {
    expect(curatedNote("prefect.agent.PrefectAgent")?.replacement).toMatch(/worker/);
    expect(curatedNote("prefect.deployments.deployments.Deployment.build_from_flow")?.replacement).toMatch(
      /build_from_flow/,
    );
    expect(curatedNote("prefect.deployments.deployments.Deployment.apply")?.replacement).toMatch(/flow\.deploy/);
    expect(curatedNote("prefect.filesystems.S3")?.replacement).toMatch(/prefect_aws\.S3Bucket/);
    expect(curatedNote("prefect.filesystems.LocalFileSystem")).toBeUndefined();
    expect(curatedNote("prefect.agent")?.removedIn).toBe("3.0.0");
  });

  it.each([
    // 2.16.4 deprecated the block-based deployment, agents, infrastructure blocks and integration storage blocks.
    ["prefect.deployments.deployments.Deployment.build_from_flow", "2.16.4"],
    ["prefect.agent", "2.16.4"],
    ["prefect.infrastructure.DockerContainer", "2.16.4"],
    ["prefect.filesystems.GitHub", "2.16.4"],
  ])("%s is deprecated from %s", (name, release) => {
    expect(curatedNote(name)?.deprecatedFrom).toBe(release);
  });

  it("every note has a replacement text and well-formed releases", () => {
    for (const note of CURATED_NOTES) {
      expect(note.replacement.length).toBeGreaterThan(10);
      for (const r of [note.deprecatedFrom, note.removedIn]) if (r) expect(r).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe("integrations", () => {
  it("knows the integration packages and their main exports", () => {
    expect(isIntegrationModule("prefect_dask")).toBe(true);
    expect(isIntegrationModule("prefect_aws.s3")).toBe(true);
    expect(isIntegrationModule("prefect")).toBe(false);
    expect(isIntegrationModule("prefect_nonsense")).toBe(false);
    expect(isKnownIntegrationExport("prefect_dask", "DaskTaskRunner")).toBe(true);
    expect(isKnownIntegrationExport("prefect_ray", "RayTaskRunner")).toBe(true);
    expect(isKnownIntegrationExport("prefect_aws", "S3Bucket")).toBe(true);
    expect(isKnownIntegrationExport("prefect_gcp", "GcsBucket")).toBe(true);
    expect(isKnownIntegrationExport("prefect_aws.s3", "s3_upload")).toBe(true);
    expect(isKnownIntegrationExport("prefect_dask", "RayTaskRunner")).toBe(false);
  });
});
