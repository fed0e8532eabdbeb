import { describe, expect, it } from "vitest";
import type { ThreadMessage, VersionGuess } from "../../../core/index.js";
import { loadPrefectFacts, loadSettingsFacts } from "../../../knowledge/index.js";
import { DEFAULT_LIMITS, type ThreadReader } from "../ports.js";
import { readThread } from "./read-thread.js";
import { understand } from "./understand.js";

const V3: VersionGuess = { version: "3.4.20", resolved: "3.4.20", major: 3, how: "stated", evidence: [] };
const reader: ThreadReader = { unmangle: (t) => t, extractSnippets: () => [], detectVersion: () => V3 };
const deps = { facts: loadPrefectFacts(), settings: loadSettingsFacts() };
const user = (text: string): ThreadMessage => ({ author: "ana", text, isBot: false });
const bot = (text: string): ThreadMessage => ({ author: "orca", text, isBot: true });

function question(messages: ThreadMessage[], text: string) {
  return understand(readThread({ messages, question: text, asker: "ana" }, reader, DEFAULT_LIMITS), deps).question;
}

describe("understand: a follow-up in a thread", () => {
  const loggers = user("our flows use a vendor sdk that logs through python's logging module");

  it.each([
    // Points back and names nothing: the message before it says what about (a bot's reply in between is skipped).
    ["how do i get those into the run logs in the ui?", [loggers], true],
    ["3.4. and can i make them show up there?", [loggers, bot("Which Prefect version are you on?")], true],
    // Says its own topic, or names an API: it stands alone.
    ["how do i set retries on a task?", [loggers], false],
    ["does `get_run_logger` pick them up?", [loggers], false],
    // Nothing before it to point at.
    ["how do i get those into the run logs in the ui? (first message)", [], false],
    // "that" before a noun refers back as well.
    ["ok and which setting controls that threshold?", [loggers], true],
  ])("%s", (text, messages, reads) => {
    expect(question(messages, text).text.includes("vendor sdk")).toBe(reads);
  });

  const approval = user("how do i add a manual approval step before we write to prod?");
  const mapped = user("how do i run my download task over 2000 keys in parallel?");
  it.each([
    // One Prefect name in the reply: the pointer is read as it.
    [
      "can i just call that inside the `validate_batch` task instead of the flow body?",
      [approval, bot("use `pause_flow_run` from `prefect.flow_runs`: the run goes to Paused until someone resumes it")],
      "call `pause_flow_run` inside",
    ],
    // Several: they are read beside the question, the pointer left as written (modules are not among them).
    [
      "ok so how do i cap it? it's firing like 200 at once",
      [mapped, bot("Use `download.map(keys)`; the default `ThreadPoolTaskRunner` runs them concurrently.")],
      "`ThreadPoolTaskRunner`",
    ],
    // Beside a command, the settings a reply names are setup: the command is what "it" stands for.
    [
      "ok so how do i make it wait until the run is done?",
      [
        user("how do i trigger our deployment from a github actions step?"),
        bot("Set `PREFECT_API_URL` in the job, then run `prefect deployment run 'ingest/nightly'`."),
      ],
      "make `prefect deployment run` wait",
    ],
    // Several in the reply, one in its first sentence: that one is what the reply is about.
    [
      "can i just call it inside the task that builds the report?",
      [
        approval,
        bot("Use `pause_flow_run` from `prefect.flow_runs`: the run waits. You can also pass a `RunInput` class."),
      ],
      "call `pause_flow_run` inside",
    ],
    // "those results" refers back to the things, not stands for a name: the pointer stays as written, and the
    // message is read with what the reply named.
    [
      "and what format are those results written in by default?",
      [user("how do i persist results to s3?"), bot("Set `PREFECT_DEFAULT_RESULT_STORAGE_BLOCK` to an S3 block.")],
      "`PREFECT_DEFAULT_RESULT_STORAGE_BLOCK`\nand what format are those results written",
    ],
    // "i did that but …": the opening sentence points back.
    [
      "i did that but `print(v)` shows an object, not the string. how do i get the actual value?",
      [user("how do i read a variable in my flow?"), bot('use `Variable.get("s3_prefix")`')],
      "`Variable.get` but",
    ],
  ])("%s", (text, messages, read) => {
    const q = question(messages, text);
    expect(q.text).toContain(read);
    expect(q.text).not.toContain("prefect.flow_runs");
  });

  it("a follow-up read without the earlier question still has the asker's names from it", () => {
    const q = question(
      [
        user("how do i trigger my `reporting/prod` deployment from inside another flow?"),
        bot("Use `run_deployment(name=...)`: it creates a flow run and waits for it."),
      ],
      "and if i dont want it to wait at all, just kick it off?",
    );
    expect(q.text).not.toContain("inside another flow");
    expect(q.values.own?.deployment).toBe("reporting/prod");
  });

  it("a message that says its topic before asking about 'that' is read on its own", () => {
    const q = question(
      [user("we build deployments in CI with a python script calling flow.deploy()")],
      "one deployment needs 4 vcpu / 16gb while the rest use the pool default. can i override that per deployment?",
    );
    expect(q.text).not.toContain("in CI");
  });
});
