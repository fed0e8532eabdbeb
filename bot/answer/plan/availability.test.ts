// Whether the asker's release has the command, class or flag a question is about comes from the command-line and API
// history; these rows pin the mechanism (written, spelled in words, arrived later, gone) over real facts.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import {
  askingSentence,
  plainQuestion,
  questionKind,
  readFocus,
  readUpgradeTarget,
  readValues,
} from "../understand/index.js";
import { asksExistence, asksGone, asksPossibility } from "../understand/question-kind.js";
import { availabilityLead } from "./availability.js";
import { flagLead } from "./flag-lead.js";

const facts = loadPrefectFacts();
const settings = loadSettingsFacts();

/** The question as the understand stage reads it, for the parts these leads use. */
function read(text: string, release: string) {
  const input = { text, hasCode: false, quotesError: false, namesSetting: false };
  const question = plainQuestion(text, {
    kind: questionKind(input),
    focus: readFocus(text, text, facts, settings, release),
    values: readValues([], "", text),
  });
  return {
    ...question,
    asking: askingSentence(text),
    asksExistence: asksExistence(input),
    asksGone: asksGone(input),
    asksPossibility: asksPossibility(input, questionKind(input)),
    upgradeTo: readUpgradeTarget(text, release, facts.releases),
  };
}

const lead = (text: string, release: string) => availabilityLead(read(text, release), release, facts);

describe("availabilityLead", () => {
  it("reads the word that asks for a command in the sentence that asks, not in the one it points back to", () => {
    // "Is that a bug?" is read with the sentence it points to; "terminal" there says where output went.
    const text =
      "my print() output shows up in the terminal but it's not in the flow run logs in the UI. is that a bug?";
    expect(availabilityLead({ ...read(text, "3.4.2"), asking: text }, "3.4.2", facts)).toBeNull();
  });

  it.each([
    ["is there `prefect flow-run retry <id>` in my version?", "3.4.20", /^No — .*`prefect flow-run retry`.*3\.6\.8/],
    ["is there a cli for emitting events, or do i need python?", "3.4.10", /^No — .*`prefect events emit`.*3\.4\.15/],
    ["is there a cli for emitting events, or do i need python?", "3.6.0", /^Yes — `prefect events emit`/],
    // A command group written alone exists while any of its commands does.
    [
      "is there a `prefect automation` CLI command on this version?",
      "3.4.22",
      /^No — .*`prefect automation`.*3\.6\.19/,
    ],
    // Asked whether it is gone, a command the release has is a no, with the release that drops it.
    [
      "is `prefect agent start` gone in 2.20.2? scared to bump from 2.16",
      "2.20.2",
      /^No — `prefect agent start` is still in Prefect 2\.20\.2; it was removed in 3\.0\.0/,
    ],
    // A command spelled in the asking sentence beside another written in the story around it.
    [
      "is there a cli command to dump the logs of a single task run by id? we only see `prefect flow-run logs`",
      "2.14.21",
      /^No — .*`prefect task-run logs`.*2\.16\.5/,
    ],
    // Asked whether it survives a move, a class named in prose: the release's history says.
    [
      "can we keep our agent + KubernetesJob infra block setup when we upgrade to prefect 3?",
      "3.0.3",
      /^No — Prefect 3\.0\.3 has no `KubernetesJob`: it was removed in 3\.0\.0/,
    ],
    // A how-to that wants a command the release lacks, spelled in words.
    [
      "how do i emit a custom event from a bash script at the end of our dbt job?",
      "3.4.8",
      /^Prefect 3\.4\.8 has no `prefect events emit`: it arrived in 3\.4\.15/,
    ],
    // Asked whether it can be done with a method written as code that the release does not have yet: found
    // through its class.
    [
      "using the @kubernetes decorator. can i call `submit_to_work_pool` on it?",
      "3.4.6",
      /^No — Prefect 3\.4\.6 has no `InfrastructureBoundFlow\.submit_to_work_pool`: it arrived in 3\.4\.9/,
    ],
    // A block named by its own name before "block".
    [
      "can i still use the JSON block to store our config dict in 3.5.0?",
      "3.5.0",
      /^No — .*`prefect\.blocks\.system\.JSON`.*removed in 3\.5\.0/,
    ],
    // Named in words beside the import of its module: the block, not the module, is asked about.
    [
      "on 3.5.0 can i still keep our feature flags in a JSON block (`from prefect.blocks.system import JSON`)?",
      "3.5.0",
      /^No — Prefect 3\.5\.0 has no `prefect\.blocks\.system\.JSON`: it was removed in 3\.5\.0/,
    ],
    [
      "can i still use the JSON block to store our config dict?",
      "3.4.20",
      /^Yes — `prefect\.blocks\.system\.JSON` exists/,
    ],
    // In words, a group followed by what it is: "a prefect transfer command".
    ["is there a prefect transfer command on this release?", "3.4.10", /^No — .*`prefect transfer`.*3\.4\.14/],
    ["does my version have a prefect automation cli?", "3.4.22", /^No — .*`prefect automation`.*3\.6\.19/],
    [
      "does prefect ship a process pool task runner i can drop in?",
      "3.4.10",
      /^No — .*`ProcessPoolTaskRunner`.*3\.4\.14/,
    ],
    // Of a module and a name imported from it, the name is what "is it gone?" asks about.
    [
      "migrating to 3.1.12. `from prefect.task_runners import SequentialTaskRunner` -> ImportError. is it gone?",
      "3.1.12",
      // The import names it in full.
      /^Yes — Prefect 3\.1\.12 has no `prefect\.task_runners\.SequentialTaskRunner`/,
    ],
    // Asked another way, a written command the release lacks is still the first fact, as a statement.
    [
      "how do i retry a run with `prefect flow-run retry`?",
      "3.4.20",
      /^Prefect 3\.4\.20 has no `prefect flow-run retry`: it arrived in 3\.6\.8/,
    ],
    // A command from a later release that renamed an older one says what the asker's release calls it.
    [
      "the guide says to run `prefect server start` but it says no such command",
      "2.7.12",
      /^Prefect 2\.7\.12 has no `prefect server start`: it arrived in 2\.8\.1\. On 2\.7\.12 the same command is `prefect orion start`\./,
    ],
    [
      "after the upgrade this fails:\n$ prefect agent start -q default\nNo such command 'agent'.",
      "3.0.0",
      /^Prefect 3\.0\.0 has no `prefect agent start`/,
    ],
    [
      "can i still run `prefect agent start` for my queue?",
      "3.4.20",
      /^No — Prefect 3\.4\.20 has no `prefect agent start`: it was removed in 3\.0\.0 \(the last release with it was 2\.20/,
    ],
    // Asked whether a name exists, the release's answer either way; "that" points to the name written just before.
    [
      "porting a 2.x flow that has `task_runner=ConcurrentTaskRunner()`. on 3.4.20 does that import still exist?",
      "3.4.20",
      /^Yes — `ConcurrentTaskRunner` exists in Prefect 3\.4\.20 \(`from prefect\.task_runners import ConcurrentTaskRunner`\)/,
    ],
    [
      'we keep config in `String` blocks (`String.load("schema")`). will that keep working after the bump?',
      "3.6.0",
      /^No — Prefect 3\.6\.0 has no `String`: it was removed in 3\.5\.0/,
    ],
    ["is `prefect.futures.wait` still available in 3.1?", "3.1.4", /^Yes — `prefect\.futures\.wait` exists/],
    // Asked whether it went away, gone is a yes and still there a no.
    [
      "did `prefect agent start` get removed in 3?",
      "3.4.20",
      /^Yes — Prefect 3\.4\.20 has no `prefect agent start`: it was removed in 3\.0\.0/,
    ],
    ["was `prefect.futures.wait` removed in 3.1?", "3.1.4", /^No — `prefect\.futures\.wait` exists/],
    // A planned move to the other major line is asked about at that line's newest release, with what replaced it.
    [
      "we use task_runner=SequentialTaskRunner() everywhere. if we bump to prefect 3 will that import keep working?",
      "2.20.3",
      /^No — Prefect 3\.\d+\.\d+ has no `SequentialTaskRunner`: it was removed in 3\.0\.0.*call the tasks directly/,
    ],
    [
      "we call flow.serve() in a few places. planning to move to 3, will `serve` keep working?",
      "2.19.0",
      /^Yes — `serve` exists in Prefect 3\./,
    ],
    // A method on the asker's own object is its type's; "does that work in 2.19?" and "is there X" ask whether it is there.
    [
      "saw a blog post using my_task.delay(x) for background tasks. does that work in prefect 2.19?",
      "2.19.3",
      /^No — Prefect 2\.19\.3 has no `Task\.delay`: it arrived in 3\.0\.0/,
    ],
    [
      "on 2.13.0 is there flow.deploy() to push to a work pool from python?",
      "2.13.0",
      /^No — Prefect 2\.13\.0 has no `Flow\.deploy`: it arrived in 2\.13\.8/,
    ],
    [
      "looking for flow.submit() like task.submit() to launch a flow in the background. exists?",
      "3.4.20",
      /^No — `Flow` objects have no `\.submit\(\)` in any Prefect release\./,
    ],
    // What an API returns and that type's members: a method the type lacks is the answer.
    [
      "does the thing run_deployment gives back have a .result() I can call?",
      "3.3.2",
      /^No — what `run_deployment` returns in Prefect 3\.3\.2 is a `FlowRun` object, and that object has no `\.result\(\)` method\./,
    ],
  ])("%s (%s)", (text, release, expected) => {
    expect(lead(text, release)?.text).toMatch(expected);
  });

  it.each([
    // The release has it: a written command answers nothing by itself.
    ["is there `prefect flow-run retry <id>` in my version?", "3.6.10"],
    ["is there a `prefect automation` CLI command on this version?", "3.6.19"],
    // A group in words ("drop a value into a prefect variable") is no command asked about.
    ["can i drop a value into a prefect variable before the nightly run?", "2.20.3"],
    // A group in words that the release has answers nothing by itself either.
    ["is there a prefect transfer command on this release?", "3.4.14"],
    // A name the asker wants to do without is not the one asked about.
    ["is there a way to get print output into the logs without rewriting to `get_run_logger`?", "2.15.3"],
    ["does prefect ship a process pool task runner i can drop in?", "3.4.20"],
    // Not a yes/no question, and the release has the command: nothing to state.
    ["how do i retry a run with `prefect flow-run retry`?", "3.6.10"],
    // Not a yes/no question: a guess from words answers nothing.
    ["how do i get a process pool task runner going?", "3.4.10"],
    // Words that spell no command of their own.
    ["is there a cli to make my flows faster?", "3.4.20"],
    // A name the release has, in a question that does not ask whether it exists.
    ["does `ConcurrentTaskRunner` run my tasks in threads?", "3.4.20"],
    // The module a thing lives in is not the thing "that" points to.
    ["our deployments use the S3 block from `prefect.filesystems`. does that block still exist?", "3.0.3"],
    // A name given as a likeness is not what is asked about.
    ["on 2.20 is there a helper like `from prefect.futures import wait` for a list of futures?", "2.20.3"],
    // A how-to in words for a command gone from the release asks for its successor.
    ["how do i pause the schedule of a deployment from the terminal without deleting it?", "3.2.12"],
    // A how-to for a command the release has: nothing to state before the way to do it.
    ["how do i emit a custom event from a bash script at the end of our dbt job?", "3.4.15"],
    // Asked whether it can be done: a name the release has, or one in the story and not written as code, says nothing.
    ["can i call `submit_to_work_pool` on it?", "3.4.9"],
    ["can my flow take a pydantic model as a param (class JobCfg(BaseModel)) and show it in the ui?", "3.3.0"],
    // A method the returned type has is no answer by itself.
    ["does what `run_deployment` returns have a .model_dump() I can log?", "3.3.2"],
  ])("no statement: %s (%s)", (text, release) => {
    expect(lead(text, release)).toBeNull();
  });

  it("is surer of a command written in the question than of one in the story around it", () => {
    const asked = lead("is there `prefect flow-run retry` in 3.4.20?", "3.4.20");
    const told = lead("we used `prefect flow-run retry` in staging. can the prod box run it too?", "3.4.20");
    expect(asked?.confidence).toBeGreaterThan(told?.confidence ?? 0);
  });
});

// Whether the command the asker writes takes a flag for what they ask: present, arriving later, the words after
// "flag", a flag written already.
describe("flagLead", () => {
  it.each([
    [
      "`prefect deploy --cron '0 6 * * *'` runs at 6am UTC but we need 6am Europe/Berlin. is there a flag for that?",
      "2.14.4",
      "Yes — `prefect deploy` takes `--timezone` in Prefect 2.14.4 (since 2.10.0): add `--timezone Europe/Berlin`",
    ],
    [
      "is there a flag to make prefect server start run in the background?",
      "2.19.0",
      "No — `prefect server start` does not take `--background` in Prefect 2.19.0: it arrived in 2.20.3.",
    ],
    // Two words the flag spells as one.
    [
      "is there a flag on prefect deploy to set the schedule's time zone? we're on 2.14.4",
      "2.14.4",
      "Yes — `prefect deploy` takes `--timezone` in Prefect 2.14.4",
    ],
    // Words of the context ("in CI") are not what the flag is for; a flag gone before the release answers nothing.
    ["prefect deploy keeps asking me questions in CI, is there a flag to turn off the prompts?", "3.4.20", null],
    // A flag written on a command that does not take it in the asker's release, whatever is asked.
    [
      "can i name the run from cli? `prefect deployment run 'etl/prod' --flow-run-name backfill` says no such option",
      "3.3.7",
      "No — `prefect deployment run` does not take `--flow-run-name` in Prefect 3.3.7: it arrived in 3.4.9.",
    ],
    ["`prefect deployment run 'etl/prod' --flow-run-name backfill` fails, why?", "3.6.1", null],
    // No flag asked for, or no command written.
    ["how do i run prefect deploy in the background?", "3.4.20", null],
    ["is there a flag to run it in the background?", "3.4.20", null],
  ])("%s (%s)", (text, release, expected) => {
    const got = flagLead(read(text, release), release, facts)?.text ?? null;
    if (expected === null) expect(got).toBeNull();
    else expect(got).toContain(expected);
  });
});
