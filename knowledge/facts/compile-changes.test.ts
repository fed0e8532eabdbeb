import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "../../core/index.js";
import type { ChangesData } from "./change-data.js";
import { CHANGES_FILE } from "./change-facts-store.js";
import { type ChangeSources, compileChanges, readChangeSources } from "./compile-changes.js";
import { parseReleaseNotes } from "./release-notes.js";

const haveShared = existsSync(path.join(sharedDataDir, "prefect-api", "settings-history.json"));

describe.skipIf(!haveShared)("compiled change facts vs ../shared", () => {
  it("regenerating from the shared data gives the committed file byte for byte", () => {
    const { text, stats } = compileChanges(readChangeSources(sharedDataDir));
    expect(stats.changes).toBeGreaterThan(4000);
    expect(text === readFileSync(CHANGES_FILE, "utf8")).toBe(true);
  });

  it("knows the real entries the answers rely on", () => {
    const data = JSON.parse(readFileSync(CHANGES_FILE, "utf8")) as ChangesData;
    const pr = (n: number) => data.changes.find((c) => c.pr === n);
    expect(pr(19258)).toMatchObject({ release: "3.4.25", kind: "fix" });
    expect(pr(19277)).toMatchObject({ release: "3.5.0", kind: "enhancement", apis: ["on_running"] });
    expect(pr(19307)).toMatchObject({ release: "3.5.0", kind: "breaking" });
    expect(pr(14548)).toMatchObject({ release: "2.19.8", kind: "enhancement" });
  });
});

const V3 = `---
title: 3.9
---

## 3.9.2 - Odd one

*Released on May 1, 2026*

**Bug Fixes 🐞**

* Fix \`Flow.serve\` crash when \`PREFECT_API_URL\` is unset by [@a](https://github.com/a) in [#100](https://github.com/PrefectHQ/prefect/pull/100)
* Fix \`prefect worker start --pool x\` hanging (#99) by [@a](https://github.com/a) and [@b](https://github.com/b) in [#101](https://github.com/PrefectHQ/prefect/pull/101)
* Entry without a pull request

**Development & Tidiness 🧹**

* Fix flaky test by [@a](https://github.com/a) in [#102](https://github.com/PrefectHQ/prefect/pull/102)

**Full Changelog**: https://github.com/PrefectHQ/prefect/compare/3.9.1...3.9.2

---

## 3.9.1 - Enhancements that fix

**Enhancements ➕➕**

* Fix retries in \`ThreadPoolTaskRunner\` by [@a](https://github.com/a) in [#98](https://github.com/PrefectHQ/prefect/pull/98)
  * A nested detail line
`;

const V2 = `# Prefect Release Notes

## Release 2.19.8

### Improvements and bug fixes

#### Engine
- Raise \`Could not find flow in entrypoint\` clearly — https://github.com/PrefectHQ/prefect/pull/14548

### Deprecations
- Deprecate \`prefect.agent\` - https://github.com/PrefectHQ/prefect/pull/14549

## New Contributors
* @x made their first contribution in https://github.com/PrefectHQ/prefect/pull/14505
`;

const ODD = `## 0.7.11

_Released on August 04, 2026_

**Bug Fixes**

- Handle a stray < and { in an entry [#22647](https://github.com/PrefectHQ/prefect/pull/22647) by [@d](https://github.com/apps/d)
`;

describe("parseReleaseNotes", () => {
  const v3 = parseReleaseNotes(V3, { product: "prefect", mdx: true, label: "v3.mdx" }).changes;
  const v2 = parseReleaseNotes(V2, { product: "prefect", mdx: false, label: "v2.md" }).changes;

  it.each([
    [v3[0], { release: "3.9.2", kind: "fix", pr: 100, text: "Fix `Flow.serve` crash when `PREFECT_API_URL` is unset" }],
    [v3[1], { release: "3.9.2", kind: "fix", pr: 101, text: "Fix `prefect worker start --pool x` hanging" }],
    [v3[2], { release: "3.9.2", kind: "fix", pr: null, text: "Entry without a pull request" }],
    [v3[3], { release: "3.9.2", kind: "other", pr: 102 }],
    [v3[4], { release: "3.9.1", kind: "fix", pr: 98 }],
    [v3[5], { release: "3.9.1", kind: "enhancement", pr: null, text: "A nested detail line" }],
    [v2[0], { release: "2.19.8", kind: "fix", pr: 14548, text: "Raise `Could not find flow in entrypoint` clearly" }],
    [v2[1], { release: "2.19.8", kind: "deprecation", pr: 14549 }],
  ])("reads entry %#", (change, expected) => {
    expect(change).toMatchObject(expected);
  });

  it("skips contributor lists and changelog links", () => {
    expect(v3).toHaveLength(6);
    expect(v2).toHaveLength(2);
  });

  it("reads text with a stray < and { as Markdown, without a crash", () => {
    const odd = parseReleaseNotes(ODD, { product: "prefect-aws", mdx: true, label: "odd.mdx" });
    expect(odd.warnings).toEqual([]);
    expect(odd.changes).toEqual([
      expect.objectContaining({
        product: "prefect-aws",
        release: "0.7.11",
        kind: "fix",
        pr: 22647,
        text: "Handle a stray < and { in an entry",
      }),
    ]);
  });

  const PR = (n: number) => `[#${n}](https://github.com/PrefectHQ/prefect/pull/${n})`;
  it.each([
    [
      "JSX wrappers and MDX comments around a list",
      true,
      `## 3.9.0\n\n<Note>\n**Bug Fixes**\n- Fix a in ${PR(1)}\n</Note>\n{/* pmd-metadata: notest */}\n- Fix b\n`,
      [
        { release: "3.9.0", kind: "fix", pr: 1, text: "Fix a" },
        { release: "3.9.0", kind: "fix", pr: null, text: "Fix b" },
      ],
    ],
    [
      "Windows line endings, + bullets, an ordered list",
      false,
      `## Release 2.1.0\r\n\r\n### Fixes\r\n+ Fix c ${PR(3)}\r\n\r\n1. Fix d\r\n`,
      [
        { release: "2.1.0", kind: "fix", pr: 3, text: "Fix c" },
        { release: "2.1.0", kind: "fix", pr: null, text: "Fix d" },
      ],
    ],
    [
      "emphasis, entities, escapes and an image in an entry",
      false,
      `## 2.2.0\n\n### Enhancements\n- Add *fast* \\_mode\\_ &amp; ![logo](x.png)**more** — https://github.com/PrefectHQ/prefect/pull/4\n`,
      [{ release: "2.2.0", kind: "enhancement", pr: 4, text: "Add fast _mode_ & more" }],
    ],
    [
      "a loose item's paragraphs, a space apart, and indented text in MDX is not code",
      true,
      "## 3.9.1\n\n**Fixes**\n- Fix `e`\n\n      still part of e\n",
      [{ release: "3.9.1", kind: "fix", pr: null, text: "Fix `e` still part of e" }],
    ],
    ["a release heading with no entries", false, "## 2.3.0\n\nNothing changed.\n", []],
    ["a heading that is not a release", false, "## Unreleased\n\n- Fix f\n", []],
    ["an empty file", true, "", []],
  ])("reads odd formatting: %s", (_what, mdx, text, expected) => {
    const parsed = parseReleaseNotes(text, { product: "prefect", mdx, label: "odd" });
    expect(parsed.changes.map(({ release, kind, pr, text }) => ({ release, kind, pr, text }))).toEqual(expected);
  });

  it("warns about a list outside any release", () => {
    const parsed = parseReleaseNotes("- stray item\n", { product: "prefect", mdx: false, label: "x.md" });
    expect(parsed.changes).toEqual([]);
    expect(parsed.warnings).toEqual(["x.md: a list outside any release section was skipped"]);
  });
});

describe("compileChanges on hand-written sources", () => {
  const sources: ChangeSources = {
    notes: [
      { product: "prefect", label: "v2.md", text: V2, mdx: false },
      { product: "prefect", label: "v3.mdx", text: V3, mdx: true },
    ],
    history: {
      package: "prefect",
      releases: ["2.19.8", "3.9.1", "3.9.2"],
      symbols: {
        "prefect.flows.Flow.serve": { kind: "method", present: [["2.19.8", "3.9.2"]] },
        "prefect.task_runners.ThreadPoolTaskRunner": { kind: "class", present: [["3.9.1", "3.9.2"]] },
      },
      params: {},
    },
    settings: { PREFECT_API_URL: { present: [["2.19.8", "3.9.2"]] } },
    cli: { "worker start": { present: [["2.19.8", "3.9.2"]] } },
  };
  const { text } = compileChanges(sources);
  const data = JSON.parse(text) as ChangesData;

  it("is deterministic and orders releases by PEP 440, newest first", () => {
    expect(compileChanges(sources).text).toBe(text);
    expect([...new Set(data.changes.map((c) => c.release))]).toEqual(["3.9.2", "3.9.1", "2.19.8"]);
  });

  it("sorts inline code into APIs, settings, CLI commands and errors against the histories", () => {
    expect(data.changes.find((c) => c.pr === 100)).toMatchObject({
      apis: ["Flow.serve"],
      settings: ["PREFECT_API_URL"],
    });
    expect(data.changes.find((c) => c.pr === 101)).toMatchObject({ cli: ["worker start"] });
    expect(data.changes.find((c) => c.pr === 14548)).toMatchObject({ errors: ["Could not find flow in entrypoint"] });
    expect(data.changes.find((c) => c.pr === 14549)).toMatchObject({ components: ["prefect.agent"] });
  });
});
