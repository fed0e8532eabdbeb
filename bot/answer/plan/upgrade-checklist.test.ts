// Which of the names an asker uses they must change to move to another release, from the API history.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import { plainQuestion, readFocus, readUpgradeTarget } from "../understand/index.js";
import { upgradeChecklistLead } from "./upgrade-checklist.js";

const facts = loadPrefectFacts();
const settings = loadSettingsFacts();

function lead(text: string, release: string) {
  const question = plainQuestion(text, {
    kind: "list",
    focus: readFocus(text, text, facts, settings, release),
    upgradeTo: readUpgradeTarget(text, release, facts.releases),
  });
  return upgradeChecklistLead(question, release, facts)?.text ?? null;
}

describe("upgradeChecklistLead", () => {
  it("lists the names the target release no longer has, with what replaces them", () => {
    const text =
      "on 2.20.0, want to go to 3. we use `Deployment.build_from_flow` and `SequentialTaskRunner`. which of these do we have to change?";
    const said = lead(text, "2.20.0");
    expect(said).toMatch(/^Moving from 2\.20\.0 to Prefect 3\.\d+\.\d+, change these 2: `Deployment\.build_from_flow`/);
    expect(said).toMatch(/`SequentialTaskRunner` \(gone after 2\.20\.25/);
  });

  it("says which stay", () => {
    const said = lead("we plan to upgrade to 3 soon: do `Task.map` and `SequentialTaskRunner` still work?", "2.19.3");
    expect(said).toMatch(/change this: `SequentialTaskRunner`.*`Task\.map` stays\./);
  });

  it.each([
    // One name: the availability lead answers it.
    ["we plan to upgrade to 3 soon: does `SequentialTaskRunner` still work?", "2.19.3"],
    // No move asked about.
    ["we use `Deployment.build_from_flow` and `SequentialTaskRunner`. anything wrong?", "2.19.3"],
    // Asked for more than the names the story mentions.
    [
      "on 2.20.10 with `Deployment.build_from_flow` and a `DockerContainer` block. roughly what breaks when we plan to upgrade to 3?",
      "2.20.10",
    ],
    // Nothing named is gone.
    ["we plan to upgrade to 3 soon: do `Task.map` and `unmapped` still work?", "2.19.3"],
  ])("nothing for %s (%s)", (text, release) => {
    expect(lead(text, release)).toBeNull();
  });
});
