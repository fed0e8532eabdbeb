// The change index's readers of question text: which platforms a text is about.
import { describe, expect, it } from "vitest";
import type { ChangeRecord } from "./change-data.js";
import { ChangeIndex, entryTerms, platformsIn } from "./change-index.js";

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

describe("coreReleaseOf", () => {
  const records: ChangeRecord[] = [
    { release: "3.1.0", kind: "fix", text: "Fix one thing", pr: 100 },
    { release: "3.1.0", kind: "fix", text: "Fix another thing", pr: 120 },
    { release: "3.2.0", kind: "enhancement", text: "Add a thing", pr: 150 },
    // A backport listed in a later release keeps an older number: it must not pull the timeline back.
    { release: "3.3.0", kind: "fix", text: "Backport a thing", pr: 110 },
    { release: "3.4.0", kind: "fix", text: "Fix a late thing", pr: 200 },
    { product: "prefect-aws", release: "0.5.1", kind: "integration", text: "Fix an ECS thing", pr: 140 },
  ];
  const index = new ChangeIndex(records);

  it.each([
    [90, "3.1.0"],
    [120, "3.1.0"],
    [140, "3.2.0"],
    [160, "3.4.0"],
    [201, undefined],
  ])("places pull request #%i in core release %s", (pr, release) => {
    expect(index.coreReleaseOf(pr)).toBe(release);
  });
});

describe("byName", () => {
  const records: ChangeRecord[] = [
    {
      release: "2.18.0",
      kind: "breaking",
      text: "Remove the `--ci` option of `prefect deploy`",
      pr: 1,
      cli: ["deploy"],
      components: ["--ci"],
    },
    {
      release: "2.11.3",
      kind: "enhancement",
      text: "Reword `--ci` in `prefect deploy --help`",
      pr: 2,
      cli: ["deploy"],
      components: ["--ci"],
    },
    {
      release: "3.1.15",
      kind: "fix",
      text: "Skip `site-packages` when scanning",
      pr: 3,
      components: ["site-packages", "pandas"],
    },
    { release: "3.0.5", kind: "feature", text: "Read settings from a `.env` file", pr: 4, components: [".env"] },
  ];
  const index = new ChangeIndex(records);
  const found = (text: string) =>
    index
      .byName(text.toLowerCase())
      .map(({ doc, name, sharedBy }) => `${doc.record.pr}:${name}:${sharedBy}`)
      .sort();

  it.each([
    [
      "`prefect deploy --all --ci` says No such option: --ci",
      ["1:--ci:2", "1:prefect deploy:2", "2:--ci:2", "2:prefect deploy:2"],
    ],
    // A flag inside a longer flag, a name inside a longer name, and a plain word are not the entry's names.
    ["prefect deployment ls --cinema", []],
    ["it crawls site-packages-extra and pandas", []],
    ["it crawls .venv/lib/site-packages for minutes", ["3:site-packages:1"]],
    ["a `.env` file per project", ["4:.env:1"]],
    ["my.env.local file", []],
  ])("%s", (text, names) => {
    expect(found(text)).toEqual(names);
  });
});

describe("entryTerms", () => {
  it.each([
    // A question's word and a release note's word for the same thing meet on one term.
    ["the pool env gets overwritten", "Fix env vars being replaced by defaults", "overwrit"],
    ["values clobbered by the defaults", "Fix values being overwritten", "overwrit"],
    ["a big deprecation warning", "Deprecate the agent command group", "deprecat"],
    ["runs that execute concurrently", "Add a concurrency limit to serve", "concurrency"],
    ["turn off caching for all tasks", "Setting to disable cache globally", "off"],
    ["the run is stuck in Paused", "Fix runs that hang after resume", "hang"],
  ])("%s ~ %s share %s", (question, entry, term) => {
    expect(entryTerms(question)).toContain(term);
    expect(entryTerms(entry)).toContain(term);
  });

  it.each([
    // An exception class is one term: two exceptions share nothing but the word "error" would have said otherwise.
    ["raises `TimeoutError`", ["timeouterror"]],
    ["Raise `ValueError` for negative timeouts", ["valueerror", "negativ", "timeout"]],
    ["AttributeError in create_flow_run", ["attributeerror", "creat", "flow", "run"]],
  ])("%s -> %j", (text, terms) => {
    expect(entryTerms(text)).toEqual(terms);
  });
});
