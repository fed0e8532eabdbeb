import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAlternatives, loadAlternatives, namesOtherAlternative } from "./alternatives.js";
import { DEFAULT_PACK_DIR } from "./default-pack.js";

const table = createAlternatives([
  {
    family: "where runs execute",
    members: {
      docker: ["docker", "prefect-docker"],
      kubernetes: ["kubernetes", "k8s", "helm"],
      ecs: ["ecs:push", "ecs"],
    },
  },
  { family: "distributed task runner", members: { dask: ["dask", "prefect-dask"], ray: ["ray", "raytaskrunner"] } },
]);

const named = (text: string) =>
  Object.fromEntries([...table.membersIn(text)].map(([family, members]) => [family, [...members].sort()]));

describe("Alternatives.membersIn", () => {
  it.each([
    ["my flow on ECS needs secrets", { "where runs execute": ["ecs"] }],
    ["an `ecs:push` pool", { "where runs execute": ["ecs"] }],
    // Code punctuation separates words; a hyphen inside a name does not.
    ["from prefect_dask import DaskTaskRunner", { "distributed task runner": ["dask"] }],
    ["pip install prefect-docker and a k8s cluster", { "where runs execute": ["docker", "kubernetes"] }],
    [
      "`RayTaskRunner(address=...)` on k8s",
      { "distributed task runner": ["ray"], "where runs execute": ["kubernetes"] },
    ],
    // Whole words only: "array" holds no "ray", "dockerfile" no "docker".
    ["an array in my dockerfile", {}],
    ["", {}],
  ])("%j", (text, expected) => {
    expect(named(text)).toEqual(expected);
  });
});

describe("namesOtherAlternative", () => {
  const other = (question: string, unit: string) =>
    namesOtherAlternative(table.membersIn(question), table.membersIn(unit));

  it.each([
    // Another member only: another asker's question.
    [
      "connect my tasks to our existing ray cluster",
      "DaskTaskRunner(address=...) connects to a running Dask cluster",
      true,
    ],
    ["pass secrets to my flow on ECS", "the prefect-worker Helm chart on Kubernetes", true],
    // The member asked about, among others; a unit that names no member; a question that names none.
    ["docker image for my k8s pool", "kubernetes job template image", false],
    ["pass secrets to my flow on ECS", "job variables take an env mapping", false],
    ["how do i pass secrets?", "the prefect-worker Helm chart on Kubernetes", false],
    // A unit naming several members is about each of them.
    ["docker pool", "work pool types: docker, kubernetes, ecs", false],
  ])("%s | %s → %s", (question, unit, expected) => {
    expect(other(question, unit)).toBe(expected);
  });
});

describe("the pack's alternatives", () => {
  const file = path.join(DEFAULT_PACK_DIR, "alternatives.yaml");

  it("loads, and lists each phrase once per family, in lower case", () => {
    expect(loadAlternatives(file).size).toBeGreaterThan(0);
    const families = parse(readFileSync(file, "utf8")) as { members: Record<string, string[]> }[];
    for (const { members } of families) {
      const phrases = Object.values(members).flat();
      expect(phrases.filter((p) => p !== p.toLowerCase())).toEqual([]);
      expect(phrases.length).toBe(new Set(phrases).size);
    }
  });

  it("rejects a malformed file with a clear error", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "alternatives-"));
    const bad = path.join(dir, "alternatives.yaml");
    writeFileSync(bad, "- family: where runs execute\n  members: [docker]\n");
    expect(() => loadAlternatives(bad)).toThrow(/alternatives\.yaml: 0\.members/);
  });

  it("reads a missing file as no alternatives", () => {
    expect(loadAlternatives(path.join(tmpdir(), "no-such-alternatives.yaml")).size).toBe(0);
  });
});
