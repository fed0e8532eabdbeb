// Every answer unit's prose is right for the first and the last release its `versions` range allows (every release
// when it has none), and across the 2.x/3.x boundary when the range spans it: the claim checker reads its answer,
// details and the prose of its example (comments, and shell command lines as the commands they are) and no claim may
// be false there. A unit without a lower bound is shown to a 2.0 asker too, so a name that only arrives later needs a
// bound or a "from 2.x" in the sentence.
import { satisfies } from "@renovatebot/pep440";
import { describe, expect, it } from "vitest";
import { renderSettingRefs } from "../../bot/answer/plan/setting-answer.js";
import { createClaimChecker } from "../claims/index.js";
import { loadPrefectFacts } from "../facts/load-facts.js";
import { loadSettingsFacts } from "../facts/settings-facts.js";
import { type AnswerUnit, fillSlots } from "./answer-unit.js";
import { loadAnswerUnits } from "./load-units.js";

/**
 * True sentences the checker judges false (unit id → the start of the sentence, and why it is true). Kept here, not
 * worked around in the checker, which is its own area; each entry is a checker reading to fix there.
 */
const CHECKER_MISREADS: ReadonlyArray<{ unit: string; sentence: string; why: string }> = [];

/**
 * False sentences of a unit the checker rightly finds (unit id → the start of the sentence, and the fix the unit's
 * yaml needs). Listed so the suite stays green until the unit is fixed; each entry is a unit to correct, then drop.
 */
const UNIT_DEFECTS: ReadonlyArray<{ unit: string; sentence: string; fix: string }> = [];

const COMMENT = /^\s*(?:#|\/\/)\s?(.*)$/;

/** The prose of an example: its comments, and for shell examples each `prefect …` command as inline code. */
function exampleProse(example: AnswerUnit["example"]): string[] {
  if (!example) return [];
  const shell = example.language === "shell";
  const prose: string[] = [];
  for (const line of example.code.split("\n")) {
    const comment = COMMENT.exec(line)?.[1]?.trim();
    if (comment && !line.trimStart().startsWith("#!")) prose.push(comment);
    else if (shell && /^\s*prefect\s/.test(line)) prose.push(`Run \`${line.trim().replace(/\s*\\$/, "")}\`.`);
  }
  return prose;
}

const facts = loadPrefectFacts();
const settings = loadSettingsFacts();
const checker = createClaimChecker(facts, settings);
const units = loadAnswerUnits().filter((u) => !u.setting);

/** The first and last release of the range, and where it spans both majors the last 2.x and the first 3.x. */
function releasesOf(unit: AnswerUnit): string[] {
  const inRange = facts.releases.filter((r) => !unit.versions || satisfies(r, unit.versions));
  const lastOf2 = inRange.filter((r) => r.startsWith("2.")).at(-1);
  const firstOf3 = inRange.find((r) => r.startsWith("3."));
  const ends = [inRange[0], inRange.at(-1), ...(lastOf2 && firstOf3 ? [lastOf2, firstOf3] : [])];
  return [...new Set(ends)].filter((r): r is string => r !== undefined);
}

/**
 * A unit's text as an asker of the release reads it: `{{PREFECT_X}}` under the name that release uses (as the answer
 * plan writes it), `{{seconds|600}}` with the unit's own value.
 */
function rendered(text: string, release: string): string {
  return fillSlots(renderSettingRefs(text, settings, release));
}

function textsOf(unit: AnswerUnit): string[] {
  // Each part separately: an example's comment does not carry the answer's subject into it.
  return [unit.answer, ...unit.details, ...exampleProse(unit.example)];
}

function misread(unit: string, sentence: string): boolean {
  return [...CHECKER_MISREADS, ...UNIT_DEFECTS].some((m) => m.unit === unit && sentence.startsWith(m.sentence));
}

describe("answer unit facts", () => {
  it.each(units.map((u) => [u.id, u] as const))("%s is right at both ends of its range", (_, unit) => {
    const releases = releasesOf(unit);
    expect(releases.length, `${unit.id}: no release satisfies "${unit.versions}"`).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const release of releases)
      for (const text of textsOf(unit))
        for (const f of checker.check(rendered(text, release), release).falseSentences) {
          if (misread(unit.id, f.sentence)) continue;
          const why = f.claims.map((c) => c.verdict.fact).join("; ");
          failures.push(`${unit.id} @${release}: "${f.sentence}" — ${why}`);
        }
    expect(failures).toEqual([]);
  });

  it("keeps no allow-list entry that no longer matches a flagged sentence", () => {
    const stale = CHECKER_MISREADS.filter((m) => {
      const unit = units.find((u) => u.id === m.unit);
      if (!unit) return true;
      return !releasesOf(unit).some((r) =>
        textsOf(unit).some((t) =>
          checker.check(rendered(t, r), r).falseSentences.some((f) => f.sentence.startsWith(m.sentence)),
        ),
      );
    });
    expect(stale).toEqual([]);
  });

  it.each([
    ["a shell command", { language: "shell", code: "prefect worker start --pool p \\\n  --type process" }, 1],
    ["python comments", { language: "python", code: "# first\nx = 1  # not a line comment\n# second" }, 2],
    ["a shebang", { language: "shell", code: "#!/bin/sh\necho hi" }, 0],
  ])("reads the prose of an example: %s", (_, example, count) => {
    expect(exampleProse(example)).toHaveLength(count);
  });
});
