import { describe, expect, it } from "vitest";
import { loadChangeFacts, loadPrefectFacts } from "../knowledge/index.js";
import type { Classification } from "./classify-thread.js";
import { resolvedByUpgrade } from "./digest.js";
import { createFixFinder, upgradeReleaseIn } from "./fix-links.js";
import type { FixLinkRecord, TriageThread, UpgradeSuggestion } from "./triage-store.js";

const finder = createFixFinder({ changes: loadChangeFacts(), facts: loadPrefectFacts() });
const CRASH = "Our workers crash every time someone deletes a flow run from the UI while it is still running.";

describe("createFixFinder", () => {
  it.each([
    ["a release before the fix", "3.4.12", { release: "3.4.24", pr: 19189 }],
    ["an older line (read as its last release)", "3.3", { release: "3.4.24", pr: 19189 }],
  ])("links the fix released after the thread's version: %s", (_what, version, expected) => {
    const fix = finder.find(CRASH, version);
    expect(fix).toMatchObject({ ...expected, url: `https://github.com/PrefectHQ/prefect/pull/${expected.pr}` });
    expect(fix?.score).toBeGreaterThan(0.6);
    expect(fix?.text).toMatch(/crash/i);
  });

  it.each([
    ["no version", CRASH, null],
    ["a major alone", CRASH, "3"],
    ["the fix's own release", CRASH, "3.4.24"],
    ["a later release", CRASH, "3.6.0"],
    ["a version that is not one", CRASH, "latest"],
    ["a question the notes do not answer", "How do I schedule a deployment to run every day at 9am?", "3.1.0"],
  ])("links nothing for %s", (_what, text, version) => {
    expect(finder.find(text, version)).toBeNull();
  });

  it("reads fenced code as code, not as the thread's words", () => {
    const text = `${CRASH}\n\`\`\`python\nfrom prefect import flow\n\n@flow\ndef etl():\n    pass\n\`\`\``;
    expect(finder.find(text, "3.4.12")).toMatchObject({ release: "3.4.24", pr: 19189 });
  });
});

describe("upgradeReleaseIn", () => {
  it.each([
    ["try upgrading to 3.4.25", "3.4.25"],
    ["Fixed in 3.4.25 (#19258). You are on 3.4.20: upgrade to 3.4.25 or later.", "3.4.25"],
    ["bumped prefect to v3.4.26 and it works now", "3.4.26"],
    ["pip install -U prefect==3.4.25", "3.4.25"],
    ["pip install --upgrade 'prefect>=3.4.25'", "3.4.25"],
    ["updated to 3.5.0rc1, same error", "3.5.0rc1"],
    ["upgrade to 3.4.25.", "3.4.25"],
    ["I'm on 3.4.20, which version has the fix?", null],
    ["please upgrade", null],
    ["upgrade to 3.4", null],
  ])("%s -> %s", (text, release) => {
    expect(upgradeReleaseIn(text)).toBe(release);
  });
});

const base: TriageThread = {
  channel: "C",
  threadTs: "1.0",
  user: "U",
  text: "t",
  mode: "answer",
  visibility: "public",
  kind: "bug" as Classification["kind"],
  topic: "workers-and-pools",
  version: "3.4.20",
  hasCode: false,
  confidence: 0.8,
  classifier: "c",
  state: "resolved",
  owner: null,
  createdAt: 0,
  updatedAt: 0,
  stateChangedAt: 0,
  firstResponseAt: 100,
  firstResponseBy: "orca",
  resolvedAt: 5000,
  resolvedBy: "orca",
  ownerMentionedAt: null,
  nudgedAt: null,
  escalatedAt: null,
  pausedAt: null,
  orcaRepliedAt: 100,
  humanRepliedAt: null,
  answerJob: null,
  upgrade: null,
};
const link: FixLinkRecord = { release: "3.4.25", pr: 19258, url: null, score: 0.8, entry: "e", linkedAt: 1 };
const up = (release: string, at = 1000, by: UpgradeSuggestion["by"] = "orca") => ({ release, at, by });

describe("resolvedByUpgrade", () => {
  it.each([
    ["fix linked, upgrade to the fix suggested, then resolved", { upgrade: up("3.4.25") }, link, true],
    ["fix linked, upgrade past the fix", { upgrade: up("3.5.0", 1000, "human") }, link, true],
    ["fix linked, upgrade short of the fix", { upgrade: up("3.4.24") }, link, false],
    ["fix linked, nobody suggested an upgrade", {}, link, false],
    ["suggested after the resolution", { upgrade: up("3.4.25", 6000) }, link, false],
    ["not resolved", { upgrade: up("3.4.25"), resolvedAt: null, state: "answered-by-orca" }, link, false],
    ["no fix link, upgrade past the stated release", { upgrade: up("3.4.22", 1000, "human") }, null, true],
    ["no fix link, the stated release itself", { upgrade: up("3.4.20", 1000, "asker") }, null, false],
    ["no fix link, stated line, a patch of that line", { version: "3.4", upgrade: up("3.4.25") }, null, false],
    ["no fix link, stated line, the next line", { version: "3.4", upgrade: up("3.5.0") }, null, true],
    ["no version, no link, an upgrade suggested", { version: null, upgrade: up("3.4.25") }, null, true],
  ] as const)("%s: %s", (_what, over, fix, expected) => {
    expect(resolvedByUpgrade({ ...base, ...over } as TriageThread, fix)).toBe(expected);
  });
});
