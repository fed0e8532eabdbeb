// Whether a behaviour stays the same on the line the asker moves to, from units split by release line.
import { describe, expect, it } from "vitest";
import type { AnswerUnit } from "../../../knowledge/index.js";
import type { UnitMatch } from "../retrieve/index.js";
import { plainQuestion } from "../understand/index.js";
import { upgradeCounterpart } from "./upgrade-counterpart.js";

const unit = (id: string, versions: string | undefined, about: string[]): AnswerUnit => ({
  id,
  origin: "test",
  asks: [],
  about,
  answer: `${id}.`,
  details: [],
  errors: [],
  sources: [],
  ...(versions ? { versions } : {}),
});
const match = (u: AnswerUnit): UnitMatch => ({ unit: u, confidence: 0.8, exact: [], similarity: 0.8 });

const now2 = unit("state-2x", "<3", ["final state", "Failed", "return_state"]);
const then3 = unit("state-3x", ">=3", ["final state", "Failed"]);
const both = unit("state-any", undefined, ["final state", "Failed"]);
const other3 = unit("logging-3x", ">=3", ["logging"]);

const ask = (text: string) =>
  plainQuestion(text, { kind: "yes-no", upgradeTo: { major: 3, release: "3.8.3", said: "3" } });

describe("upgradeCounterpart", () => {
  it.each([
    ["will it work the same in 3?", [now2, then3], "state-3x", "No"],
    ["will that change in 3?", [now2, then3], "state-3x", "Yes"],
    // A unit that holds on both lines says nothing changed; one about something else is no counterpart.
    ["will it work the same in 3?", [now2, both], null, null],
    ["will it work the same in 3?", [now2, other3], null, null],
    // Neither asked whether it stays nor whether it changes.
    ["how does it work in 3?", [now2, then3], null, null],
  ])("%s (%#)", (text, units, then, opener) => {
    const found = upgradeCounterpart(ask(text), "2.20.10", units.map(match));
    expect(found?.then.id ?? null).toBe(then);
    expect(found?.opener ?? null).toBe(opener);
  });

  it("finds the counterpart among the units about the same names at the target release", () => {
    const found = upgradeCounterpart(ask("will it work the same in 3?"), "2.20.10", [match(now2)], (_names, at) =>
      at === "3.8.3" ? [then3] : [],
    );
    expect(found?.then.id).toBe("state-3x");
  });

  it("needs a move to another line", () => {
    const q = plainQuestion("will it work the same?", { kind: "yes-no" });
    expect(upgradeCounterpart(q, "2.20.10", [match(now2), match(then3)])).toBeNull();
  });
});
