// Parameter defaults come from the API facts for the asker's release; these rows pin the mechanism (which callable,
// which parameter, which setting), not wordings.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import { asksAboutSetting, plainQuestion, questionKind, readFocus } from "../understand/index.js";
import { ownerNamed, paramDefaultLead, paramPresenceLead } from "./param-default.js";

const facts = loadPrefectFacts();
const settings = loadSettingsFacts();

function lead(text: string, release: string) {
  const focus = readFocus(text, text, facts, settings, release);
  const input = { text, hasCode: false, quotesError: false, namesSetting: false };
  const question = {
    ...plainQuestion(text, { kind: questionKind(input), focus }),
    asksSetting: asksAboutSetting(input),
  };
  return paramDefaultLead(question, release, facts, settings)?.text ?? null;
}

describe("paramDefaultLead", () => {
  it.each([
    [
      "what does `poll_interval` default to in `run_deployment`?",
      "3.4.20",
      /`poll_interval` of `run_deployment` defaults to `5`/,
    ],
    [
      "what is the default number of retries for a task?",
      "3.4.20",
      /`retries` of `@task` defaults to `None`.*PREFECT_TASKS_DEFAULT_RETRIES` \(default `0`\)/,
    ],
    [
      "ProcessPoolTaskRunner: what does max_workers default to?",
      "3.4.20",
      /`max_workers` of `ProcessPoolTaskRunner` defaults to `None`.*PREFECT_TASKS_RUNNER_PROCESS_POOL_MAX_WORKERS/,
    ],
    ["is `timeout_seconds` set by default on flows?", "3.4.20", /`timeout_seconds` of `@flow` defaults to `None`/],
    // A `None` is left to a setting only when the setting's name is the parameter's and its owner's, little else:
    // PREFECT_API_SERVICES_FOREMAN_DEPLOYMENT_LAST_POLLED_TIMEOUT_SECONDS shares "deployment" and "timeout" only.
    [
      "what is run_deployment's default timeout? does it wait forever",
      "3.0.10",
      /defaults to `None` in Prefect 3\.0\.10 \(not set\)/,
    ],
    [
      "what does retry_delay_seconds default to on a task?",
      "3.4.0",
      /defaults to `None`.*PREFECT_TASKS_DEFAULT_RETRY_DELAY_SECONDS/,
    ],
    // A short asking sentence leans on the one before it for the parameter.
    ["our tasks set `retries=3`. what's the default?", "3.4.20", /`retries` of `@task` defaults to `None`/],
    // An async-only callable: the default, and that it runs only when awaited.
    [
      "whats the default `timeout` of `wait_for_flow_run`?",
      "3.2.12",
      /defaults to `10800` in Prefect 3\.2\.12\..*`wait_for_flow_run` is async only: `await` it/,
    ],
  ])("%s (%s)", (text, release, expected) => {
    expect(lead(text, release)).toMatch(expected);
  });

  it("says nothing of awaiting a callable that also runs synchronously", () => {
    expect(lead("what does `poll_interval` default to in `run_deployment`?", "3.4.20")).not.toMatch(/await/);
  });

  it.each([
    ["how do I set the retries for a task?", "no word asks for a default"],
    ["what's the default name of a flow?", "a short everyday word is not taken for the `name` parameter"],
    ["what does the `frobnicate` parameter default to?", "no callable the facts know takes it"],
    [
      "i set `@task(cache_expiration=timedelta(hours=6))` on `load` but new runs recompute it. what's the difference between the default policy and INPUTS?",
      "the parameter is named in code before; the default asked about is another thing's",
    ],
    [
      "is there a setting to make every task persist its result without adding persist_result=True everywhere? and whats the default",
      "the parameter is what the asker wants to do without",
    ],
    [
      "want all task/flow results persisted everywhere by default so ui retries dont recompute. is there one setting?",
      "a setting is asked for; the parameter is only in the context before",
    ],
  ])("%s → nothing (%s)", (text) => {
    expect(lead(text, "3.4.20")).toBeNull();
  });

  it("answers for the asker's release, where the callable may not exist yet", () => {
    expect(lead("ProcessPoolTaskRunner: what does max_workers default to?", "3.4.13")).toBeNull();
  });
});

describe("paramDefaultLead for a keyword named default", () => {
  it("reads `default=500` in code as a value passed, not a default asked for", () => {
    const text =
      'we read config with `Variable.get("batch_size", default=500)` in our flow. tried `Variable.set("batch_size", 800)` and it errors that the variable already exists. how do i update it?';
    expect(lead(text, "3.1.0")).toBeNull();
  });
});

describe("paramPresenceLead", () => {
  const presence = (text: string, release: string) => {
    const focus = readFocus(text, text, facts, settings, release);
    const input = { text, hasCode: false, quotesError: false, namesSetting: false };
    const question = {
      ...plainQuestion(text, { kind: questionKind(input), focus }),
      asksSetting: asksAboutSetting(input),
    };
    return paramPresenceLead(question, release, facts)?.text ?? null;
  };

  it.each([
    [
      "is there an on_running hook for tasks?",
      "3.4.11",
      /^No — `@task` has no `on_running` in Prefect 3\.4\.11: it arrived in 3\.5\.0 \(flows have taken `on_running` since/,
    ],
    [
      "is there an on_running hook for tasks?",
      "3.6.0",
      /^Yes — `@task` takes `on_running` in Prefect 3\.6\.0 \(since 3\.5\.0\)/,
    ],
    [
      "does a task accept cache_policy?",
      "2.20.3",
      /^No — `@task` has no `cache_policy` in Prefect 2\.20\.3: it arrived in 3\.0\.0/,
    ],
    // A hook named with no owner belongs to the decorators that take it, flows first.
    [
      "someone cancels the run from the ui. is there an on_cancellation hook on 2.9.0?",
      "2.9.0",
      /^No — `@flow` has no `on_cancellation` in Prefect 2\.9\.0: it arrived in 2\.10\.11/,
    ],
    ["is there an on_failure hook?", "3.4.0", /^Yes — `@flow` takes `on_failure` in Prefect 3\.4\.0/],
    // A keyword written with `=` is a parameter however plain its name; a method on no object is the flow's; a
    // parameter dropped and brought back is answered with both releases.
    [
      "read that schedule= was removed from .deploy() in 3. still true?",
      "3.1.2",
      /^No — `\.deploy\(\)` has no `schedule` in Prefect 3\.1\.2: it was dropped after 2\.20\.\d+ and came back in 3\.2\.0/,
    ],
    [
      "read that schedule= was removed from .deploy() in 3. still true?",
      "3.2.10",
      /^Yes — `\.deploy\(\)` takes `schedule` in Prefect 3\.2\.10: it was dropped after 2\.20\.\d+ and came back in 3\.2\.0/,
    ],
    // The 2.x home of the same function (`prefect.engine.pause_flow_run`) took a keyword its 3.x home never had.
    [
      "can i pass flow_run_id= to pause_flow_run to pause another run?",
      "3.1.0",
      /^No — `pause_flow_run` no longer takes `flow_run_id` in Prefect 3\.1\.0: the last release with it was 2\.20\.\d+/,
    ],
    // A value on a keyword of an API the question names still asks whether that API takes it.
    [
      "can @task take cache_policy=INPUTS in 2.20?",
      "2.20.3",
      /^No — `@task` has no `cache_policy` in Prefect 2\.20\.3/,
    ],
    // A keyword only the other decorator has ever taken: no in every release, and where it goes instead.
    [
      "can i put `on_crashed=[alert]` on a @task? want to know when a task dies from oom.",
      "3.2.0",
      /^No — `@task` takes no `on_crashed` in any Prefect release; it is a parameter of `@flow` \(since 2\.\d+\.\d+\)/,
    ],
    [
      "can I pass retries=3 to .with_options() on a task?",
      "3.4.20",
      /^Yes — `\.with_options\(\)` takes `retries` in Prefect 3\.4\.20/,
    ],
    [
      "we pass retries= to my_task.with_options(). does that still work?",
      "3.4.20",
      /^Yes — `\.with_options\(\)` takes `retries` in Prefect 3\.4\.20/,
    ],
  ])("%s (%s)", (text, release, expected) => {
    expect(presence(text, release)).toMatch(expected);
  });

  it.each([
    ["how do I use on_running on a task?", "a how-to is answered by the units"],
    ["is there a hook for tasks that starts running?", "no parameter is named"],
    [
      "is there a hook for when a task starts? we have on_failure on our tasks that pings slack",
      "the named parameter is context, outside the asking sentence",
    ],
    ["is there a hook like on_failure but that fires when a task starts?", "the named parameter is a likeness"],
    [
      "can i set retries=2 on every task without editing all the decorators?",
      "the asker already passes the keyword to a decorator they only call by name",
    ],
    ["could all our flows get timeout_seconds=600 somehow, globally?", "the same for flows"],
    [
      "is there a global setting for how many times tasks retry when they don't specify retries= ?",
      "a setting is asked for, not whether the decorator takes the keyword",
    ],
    [
      "does prefect.futures.wait(futures, timeout=300) raise TimeoutError when the timeout hits?",
      "what it does when the keyword is used is asked, not whether it is there",
    ],
    [
      "if i do `wait(futures, timeout=300)` from prefect.futures, does it raise a TimeoutError?",
      "a keyword inside a call written inline is passed, not asked about",
    ],
    [
      "can i call `pause_flow_run(timeout=3600)` from inside a task?",
      "the top-level re-export is the 3.x function, which takes it: not its 2.x home, which is gone",
    ],
  ])("%s → nothing (%s)", (text) => {
    expect(presence(text, "3.4.11")).toBeNull();
  });
  // `Variable.get` is the class's method: neither the module function `get` of 2.x nor another class's `get`
  // (`Transaction.get`, which took `name` from 3.3.5) is where a keyword of it is looked up.
  it.each(["2.18.1", "3.4.11"])("reads Variable.get as the class's method (%s)", (release) => {
    const text =
      "Variable.get('slack_channel') gives me some object, printing it shows `name='slack_channel' value='#alerts'`. is that expected?";
    expect(presence(text, release) ?? "").not.toMatch(/^No/);
  });
});

describe("ownerNamed", () => {
  it.each([
    ["task", "prefect.tasks.Task"],
    ["load_task", "prefect.tasks.Task"],
    ["etl_flow", "prefect.flows.Flow"],
    // A flow run, a name that only contains the word, or a class is not the asker's flow or task object.
    ["flow_run", null],
    ["taskfn", null],
    ["Flow", null],
  ])("%s → %s", (receiver, expected) => {
    expect(ownerNamed(receiver)).toBe(expected);
  });
});
