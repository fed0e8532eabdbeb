// The topic registry: quoted errors recognised by their topic, and each topic's explanation worded for the release.
import { describe, expect, it } from "vitest";
import { type NamedTopic, topicLabel, topicsFromErrorText, topicsOfThreadErrors, topicText } from "./index.js";

describe("topicsFromErrorText", () => {
  it("maps pasted runtime errors to their topics", () => {
    expect(topicsFromErrorText("AttributeError: 'coroutine' object has no attribute 'json'")).toEqual([
      "missing-await",
    ]);
    expect(
      topicsFromErrorText(
        "finished = wait_for_flow_run(run.id) → AttributeError: 'coroutine' object has no attribute 'state'",
      ),
    ).toEqual(["wait-for-flow-run-async"]);
    expect(
      topicsFromErrorText("TypeError: object PrefectConcurrentFuture can't be used in 'await' expression"),
    ).toEqual(["not-awaitable"]);
    expect(topicsFromErrorText("RuntimeError: Cannot pause task runs.")).toEqual(["pause-in-task"]);
    expect(
      topicsFromErrorText(
        "TypeError: '_AsyncGeneratorContextManager' object does not support the context manager protocol",
      ),
    ).toEqual(["missing-async-with"]);
  });

  it("takes `.value` on a str as a Variable problem only when the thread names Variable", () => {
    expect(
      topicsFromErrorText("x = Variable.get('a').value\nAttributeError: 'str' object has no attribute 'value'"),
    ).toEqual(["variable-value"]);
    expect(topicsFromErrorText("AttributeError: 'str' object has no attribute 'value'")).toEqual([]);
  });
});

describe("topicsOfThreadErrors", () => {
  const earlier = "calling pause_flow_run inside my task on 3.4.11 gives RuntimeError: Cannot pause task runs.";
  it.each([
    // Quoted earlier, asked about a release that no longer raises it: not this message's error.
    [`${earlier}\nand on 3.6.5? same code in the task`, "and on 3.6.5? same code in the task", "3.6.5", []],
    // A release that still raises it.
    [`${earlier}\nand on 3.5.0?`, "and on 3.5.0?", "3.5.0", ["pause-in-task"]],
    // Quoted in the newest message itself: explained whatever the release (the code may run on another).
    [
      "RuntimeError: Cannot pause task runs. on 3.6.5?!",
      "RuntimeError: Cannot pause task runs. on 3.6.5?!",
      "3.6.5",
      ["pause-in-task"],
    ],
  ])("%s (%s)", (thread, newest, release, expected) => {
    expect(topicsOfThreadErrors(thread, newest, release)).toEqual(expected);
  });
});

describe("errors of the traps the code check also finds", () => {
  it.each([
    ["TypeError: can only concatenate str (not \"Variable\") to str\nenv = Variable.get('env')", "variable-record"],
    ["TypeError: unsupported operand type(s) for *: 'Variable' and 'int' from Variable.get", "variable-record"],
    ["state = fut.wait()\nAttributeError: 'NoneType' object has no attribute 'is_failed'", "future-wait-none"],
    ["@flow(on_failure=[alert])\nTypeError: alert() takes 1 positional argument but 3 were given", "hook-signature"],
    ["print(token) shows SecretStr('**********')", "secret-value"],
    ["TypeError: unsupported operand type(s) for +: 'int' and 'PrefectConcurrentFuture'", "future-value"],
    ["TypeError: '>' not supported between instances of 'PrefectConcurrentFuture' and 'int'", "future-value"],
    ["TypeError: Object of type PrefectFutureList is not JSON serializable", "future-value"],
    ["prefect.exceptions.MissingContextError: There is no active flow or task run context.", "run-logger-context"],
    [
      "ValueError: Either an image or remote storage location must be provided when deploying a deployment.",
      "deploy-without-source",
    ],
  ])("%s", (text, topic) => {
    expect(topicsFromErrorText(text)).toContain(topic);
  });

  it.each([
    "TypeError: alert() takes 1 positional argument but 3 were given",
    "AttributeError: 'NoneType' object has no attribute 'is_failed'",
    'TypeError: can only concatenate str (not "int") to str',
  ])("needs the API in the thread too: %s", (text) => {
    expect(topicsFromErrorText(text)).toEqual([]);
  });
});

describe("more runtime errors people paste", () => {
  it("recognises them", () => {
    expect(topicsFromErrorText("RuntimeError: Tasks cannot be run outside of a flow")).toEqual(["task-outside-flow"]);
    expect(topicsFromErrorText("prefect.exceptions.MissingResult: State data is missing")).toEqual(["missing-result"]);
    expect(topicsFromErrorText("sqlite3.OperationalError: database is locked")).toEqual(["sqlite-locked"]);
    expect(topicsFromErrorText("Error: No such command 'agent'.")).toEqual(["agent-removed"]);
  });

  it("words the task-outside-a-flow answer for the release", () => {
    const text = (release: string) =>
      topicText("task-outside-flow", { major: release.startsWith("2.") ? 2 : 3, release });
    expect(text("2.16.9")).toMatch(/upgrade to 2\.17\.0/);
    expect(text("2.19.4")).toMatch(/older than 2\.17/);
    expect(topicText("sqlite-locked", { major: 3, release: "3.4.20" })).toContain(
      "PREFECT_SERVER_DATABASE_CONNECTION_URL",
    );
    expect(topicText("sqlite-locked", { major: 2, release: "2.20.25" })).not.toContain("PREFECT_SERVER_");
  });
});

const ALL: NamedTopic[] = [
  "flow-submit",
  "flowrun-wait",
  "prefect-wait-import",
  "wait-not-imported",
  "unresolved-futures",
  "wait-for-flow-run-async",
  "subflow-call-result",
  "missing-await",
  "missing-async-with",
  "not-awaitable",
  "pause-in-task",
  "variable-value",
  "variable-record",
  "future-wait-none",
  "hook-signature",
  "task-outside-flow",
  "missing-result",
  "sqlite-locked",
  "agent-removed",
  "secret-value",
  "direct-call-result",
  "future-value",
  "run-logger-context",
  "deploy-without-source",
];

describe("every topic", () => {
  it.each(ALL)("%s has a label and an explanation for both majors", (topic) => {
    expect(topicLabel(topic)).not.toBe("");
    expect(topicText(topic, { major: 2, release: "2.20.25" })).toMatch(/\.$/);
    expect(topicText(topic, { major: 3, release: "3.4.20" })).toMatch(/\.$/);
  });
});
