// Readings of the ninth round: one table per reading, each with false statements (flagged, with the deciding fact)
// and true, negated, other-version or unclaimed ones in the same shape. Texts are whole answers: a sentence is read
// after the sentences before it, as the verifier reads a draft.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../facts/index.js";
import { createClaimChecker } from "./index.js";

const checker = createClaimChecker(loadPrefectFacts());
/** The facts of the false claims of the text's last paragraph (earlier ones are context). */
const facts = (text: string, release: string) => {
  const lastStart = text.lastIndexOf("\n\n") + 2;
  return checker
    .check(text, release)
    .falseSentences.filter((f) => f.start >= (lastStart > 1 ? lastStart : 0))
    .flatMap((f) => f.claims.map((c) => c.verdict.fact))
    .join(" ");
};

describe("a sentence after one about a callable still makes the claims it makes alone", () => {
  it.each([
    [
      "Start the child with `run_deployment(name=...)`.\n\n`as_subflow` defaults to `False`, so pass `as_subflow=True` to link it.",
      "3.4.20",
      /defaults to `True`/,
    ],
    [
      'Wrap the write in `concurrency("db", occupy=1)`.\n\nPass `create_if_missing=True` so the limit is made on first use.',
      "3.4.20",
      /create_if_missing/,
    ],
    [
      "Use `run_deployment(name=...)` for the child.\n\nThe `timeout=0` argument returns at once, and `as_subflow` defaults to `False`.",
      "3.2.10",
      /defaults to `True`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Start the child with `run_deployment(name=...)`.\n\n`as_subflow` defaults to `True`, so the run is linked.",
      "3.4.20",
    ],
    [
      'Wrap the write in `concurrency("db", occupy=1)`.\n\nPass `create_if_missing=True` if the limit may be missing.',
      "3.1.4",
    ],
    // The earlier sentence's false claim is that sentence's, not this one's.
    ["Call `run_deployment(name=..., wait=True)`.\n\nIt returns a `FlowRun`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a flag in code of its own after a command, that the command never took but others do, is another's", () => {
  it.each([
    // The command is said to take it: still that command's.
    ["`prefect work-pool create` accepts `--base-job-template` and `--watch`.", "2.19.3", /has no `--watch` option/],
    // Another command's flag, but no command of the release has it yet.
    [
      "Trigger it with `prefect deployment run my-flow/nightly` and then follow along via `--flow-run-name`.",
      "3.2.10",
      /--flow-run-name/,
    ],
    // Written inside the command's own code: that command's.
    [
      "Run `prefect work-pool get-default-base-job-template --base-job-template t.json`.",
      "2.19.3",
      /no `--base-job-template`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Dump the default with `prefect work-pool get-default-base-job-template --type process` and hand the edited file back via `--base-job-template`.",
      "2.19.3",
    ],
    [
      "Print it with `prefect work-pool inspect my-pool`, then pass it to the worker with `--with-healthcheck`.",
      "2.19.3",
    ],
    // A denial of the command's flag stays a denial.
    ["`prefect work-pool create` does not take `--with-healthcheck`.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a family of settings (`PREFECT_X_*`) is dated by its members when they left, or came, together", () => {
  it.each([
    [
      "The `PREFECT_LOGGING_ORION_*` variables got dropped in 2.8, replaced by `PREFECT_LOGGING_TO_API_*`.",
      "2.10.4",
      /2\.12\.1/,
    ],
    ["Heads up: the `PREFECT_ORION_DATABASE_*` settings were dropped in 2.5.", "2.6.0", /2\.12\.1/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `PREFECT_LOGGING_ORION_*` names were removed in 2.13.", "2.14.0"],
    ["The `PREFECT_LOGGING_ORION_*` settings were removed after 2.12.1.", "2.14.0"],
    // Members that arrived in different releases: "added in" is a question of which one.
    ["The `PREFECT_LOGGING_ORION_*` settings were added in 2.7.", "2.11.4"],
    // Still working (maybe through aliases) is not judged for a family.
    ["The `PREFECT_ORION_DATABASE_*` names keep working for now.", "2.20.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an arrival told in the present tense (arrives, appears, lands)", () => {
  it.each([
    ["The newer `PREFECT_SERVER_UI_ENABLED` only arrives in 3.5.", "3.4.11", /first appeared in Prefect 3\.0\.11/],
    ["The `Cron` schedule class appears in 3.0.", "3.2.10", /first appeared in Prefect 3\.2\.0/],
    ["`Task.delay()` lands in 2.19.", "3.4.20", /first appeared in Prefect 3\./],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`PREFECT_SERVER_UI_ENABLED` arrives in 3.0.11 as the new name of `PREFECT_UI_ENABLED`.", "3.4.11"],
    ["`Cron` appears in `prefect.schedules` in 3.2.", "3.4.20"],
    ["It never appears in 2.x.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a default stated in ", which … defaults to V" outside the negation of the clause before it', () => {
  it.each([
    [
      "Don't mix this up with `PREFECT_CLIENT_MAX_RETRIES`, which covers API calls and defaults to 3.",
      "3.1.4",
      /defaults to `5`/,
    ],
    [
      "You do not need to touch `PREFECT_API_REQUEST_TIMEOUT`, which defaults to 30 seconds.",
      "3.4.20",
      /defaults to `60/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Don't mix this up with `PREFECT_CLIENT_MAX_RETRIES`, which covers API calls and defaults to 5.", "3.1.4"],
    // The relative clause negates itself: its claim stays negated.
    ["Don't confuse it with `PREFECT_CLIENT_MAX_RETRIES`, which doesn't default to 3.", "3.1.4"],
    // The negation after the relative clause is the main clause's own business.
    ["`PREFECT_CLIENT_MAX_RETRIES`, which defaults to 5, is not about task retries.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a noun of rate or span after the quantity ("a 10-second cadence") states the value', () => {
  it.each([
    ["Agents poll on a 10-second cadence set by `PREFECT_AGENT_QUERY_INTERVAL`.", "2.14.3", /defaults to `15`/],
    ["Workers check in on a 5-second cadence (`PREFECT_WORKER_QUERY_SECONDS`).", "2.19.3", /defaults to `10/],
    ["Events are kept for a 30-day window, set by `PREFECT_SERVER_EVENTS_RETENTION_PERIOD`.", "3.3.3", /days=7/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Agents poll on a 15-second cadence set by `PREFECT_AGENT_QUERY_INTERVAL`.", "2.14.3"],
    ["Set `PREFECT_WORKER_QUERY_SECONDS` to move workers to a 5-second cadence.", "2.19.3"],
    ["If you want a 5-second cadence, change `PREFECT_WORKER_QUERY_SECONDS`.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a plural noun whose words spell a command group names that feature (global concurrency limits)", () => {
  it.each([
    ["Global concurrency limits were introduced in 3.0, so 2.x has none.", "3.1.4", /2\.19\.0/],
    ["Work pools arrived in 3.0 together with the new workers.", "3.4.20", /2\.7\.11/],
    ["Work queues were removed in 3.0.", "2.19.3", /still present in Prefect 3\./],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Global concurrency limits have been around since 2.19.", "3.1.4"],
    // Within a line, a feature's announcement may come after its first commands: too close to call.
    ["Work pools arrived in 2.10.", "2.19.3"],
    ["Global concurrency limits were not introduced in 3.0; they came in 2.x.", "3.1.4"],
    // Not a group: an ordinary noun phrase.
    ["Retry policies were introduced in 3.0.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`X`, which you import from `M`": a relative clause after a name says where it lives', () => {
  it.each([
    [
      "On timeout you get a `ConcurrencySlotAcquisitionError`, which you import from `prefect.exceptions`.",
      "3.5.0",
      /prefect\.concurrency\.asyncio/,
    ],
    ["Use `get_run_logger`, which you can import from `prefect.utilities`.", "3.4.20", /cannot be imported/],
    // The name's noun may come first ("the `S3` filesystem block, that one …").
    [
      "If you used the `S3` filesystem block, that one still ships in `prefect.filesystems` on 3.5.",
      "3.5.0",
      /removed after Prefect 2\.20\.25/,
    ],
    ["The `GitHub` storage block, which now lives in `prefect.filesystems`, keeps working.", "3.1.4", /GitHub/],
    // A relative clause's denial is about the name before ", which".
    [
      "Use `get_run_logger`, which you cannot import from `prefect.logging`.",
      "3.4.20",
      /can be imported from `prefect\.logging`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "On timeout you get a `ConcurrencySlotAcquisitionError`, which you import from `prefect.concurrency.asyncio`.",
      "3.5.0",
    ],
    ["Use `get_run_logger`, which you can import from `prefect.logging`.", "3.4.20"],
    ["If you used the `S3` filesystem block, that one still ships in `prefect.filesystems` on 2.19.", "2.19.3"],
    ["The `LocalFileSystem` block, which lives in `prefect.filesystems`, keeps working.", "3.1.4"],
    // History, not a statement about the release.
    ["Use `get_run_logger`, which used to be imported from `prefect.utilities` long ago.", "3.4.20"],
    ["Use `get_run_logger`, which you cannot import from `prefect.utilities`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a leading condition written without a comma ends before the main clause's subject (you, we)", () => {
  it.each([
    [
      "If acquisition fails you get a `ConcurrencySlotAcquisitionError` from `prefect.exceptions`.",
      "3.5.0",
      /prefect\.concurrency\.asyncio/,
    ],
    ["When the import fails we fall back to `prefect.utilities.get_run_logger`.", "3.4.20", /get_run_logger/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["If acquisition fails you get a `ConcurrencySlotAcquisitionError` from `prefect.concurrency.asyncio`.", "3.5.0"],
    // The main clause's own negation still negates.
    ["If the run fails you do not get `prefect.utilities.get_run_logger` either.", "3.4.20"],
    // "you" right after the opener is the condition's own subject.
    ["If you import `get_run_logger` from `prefect.logging`, it works.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an imperative pass after a leading phrase of purpose is about the asker's release", () => {
  it.each([
    ["To retry only on some errors, pass `retry_condition_fn=` a callable.", "2.13.5", /from 2\.14\.13/],
    ["For a faster start, just pass `retry_condition_fn=my_check`.", "2.13.5", /from 2\.14\.13/],
    ["Just pass `retry_condition_fn=my_check` to the decorator.", "2.12.0", /from 2\.14\.13/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["To retry only on some errors, pass `retry_condition_fn=` a callable.", "2.14.13"],
    // A release or an upgrade in the sentence: maybe the next release's spelling.
    ["To retry only on some errors after upgrading, pass `retry_condition_fn=` a callable.", "2.13.5"],
    ["To retry only on some errors in 2.15, pass `retry_condition_fn=` a callable.", "2.13.5"],
    // Code in the leading phrase: not a phrase of purpose alone.
    ["To use `my_check`, pass `retry_condition_fn=` a callable.", "2.13.5"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a negation in a trailing condition that names no code does not make the sentence deny", () => {
  it.each([
    [
      "Add `--set-as-default` when creating the pool so deployments use it when no pool is given.",
      "2.14.3",
      /2\.14\.5/,
    ],
    ["Use `prefect.utilities.get_run_logger` when you are not inside a flow.", "3.4.20", /get_run_logger/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Add `--set-as-default` when creating the pool so deployments use it when no pool is given.", "2.19.3"],
    // The negation is the claim's own, before the condition.
    ["Do not add `--set-as-default` when creating the pool.", "2.14.3"],
    // A trailing part with code is no plain condition.
    ["Never use `--set-as-default` when `prefect work-pool create` has no such option.", "2.14.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"that default is V" after a sentence naming one setting (an old name and its new one count as one)', () => {
  it.each([
    [
      "Task retries come from `PREFECT_TASK_DEFAULT_RETRIES`, an alias of `PREFECT_TASKS_DEFAULT_RETRIES`.\n\nOut of the box that default is 3 retries.",
      "3.6.14",
      /defaults to `0`, not 3/,
    ],
    ["Clients retry API calls per `PREFECT_CLIENT_MAX_RETRIES`.\n\nThis default is 3.", "3.1.4", /defaults to `5`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Task retries come from `PREFECT_TASK_DEFAULT_RETRIES`, an alias of `PREFECT_TASKS_DEFAULT_RETRIES`.\n\nOut of the box that default is 0 retries.",
      "3.6.14",
    ],
    // On 2.x the old name is the setting itself.
    [
      "Task retries come from `PREFECT_TASK_DEFAULT_RETRIES` (renamed `PREFECT_TASKS_DEFAULT_RETRIES` later).\n\nThat default is 0.",
      "2.19.3",
    ],
    // Two different settings named before: "that default" is ambiguous.
    ["Compare `PREFECT_CLIENT_MAX_RETRIES` and `PREFECT_TASKS_DEFAULT_RETRIES`.\n\nThat default is 5.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a sentence opening with a pronoun and naming no code is about what the previous sentence named", () => {
  it.each([
    [
      "`JSON`, `String` and `DateTime` still import from `prefect.blocks.system` on 3.1, just deprecated.\n\nThey were then removed completely in 3.2.0.",
      "3.1.8",
      /removed in 3\.5\.0/,
    ],
    [
      'Use `from prefect.schedules import Cron` and pass `schedule=Cron("0 6 * * *")`.\n\nThat module has been around since 3.0.0.',
      "3.2.10",
      /first appeared in Prefect 3\.2\.0/,
    ],
    ["Set `PREFECT_WORKER_QUERY_SECONDS` on the worker.\n\nThat setting was introduced in 3.0.", "3.1.4", /2\./],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "`JSON`, `String` and `DateTime` still import from `prefect.blocks.system` on 3.1, just deprecated.\n\nThey were removed in 3.5.0.",
      "3.1.8",
    ],
    // The sentence names its own subject.
    ["`JSON` and `String` are deprecated on 3.1.\n\nThey said `prefect.schedules` was added in 3.2.0.", "3.1.8"],
    // A noun of another kind after the pronoun is not what the names were.
    ["Start it with `run_deployment(name=...)`.\n\nThat run was added in 3.0.", "3.4.20"],
    ["Use `from prefect.schedules import Cron`.\n\nThat module arrived in 3.2.0.", "3.2.10"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"It polls every N" after a sentence naming the one callable that takes the topic\'s parameter', () => {
  it.each([
    [
      "Block until the child is done with `wait_for_flow_run(flow_run.id)`.\n\nIt polls the API every 10 seconds while it waits.",
      "2.19.3",
      /defaults to `5`/,
    ],
    [
      "Block until the child is done with `wait_for_flow_run(flow_run.id)`.\n\nIt gives up after three hours.\n\nIt polls every 30 seconds.",
      "3.0.4",
      /defaults to `5`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Block until the child is done with `wait_for_flow_run(flow_run.id)`.\n\nIt polls the API every 5 seconds while it waits.",
      "2.19.3",
    ],
    // The value is set, not stated.
    [
      "Block until the child is done with `wait_for_flow_run(flow_run.id)`.\n\nIt polls every 30 seconds if you pass that.",
      "3.0.4",
    ],
    // Another subject in between: "it" is no longer the callable.
    [
      "Block until the child is done with `wait_for_flow_run(flow_run.id)`.\n\nThen start `prefect worker start --pool p`.\n\nIt polls every 30 seconds.",
      "3.0.4",
    ],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"old" in a trailing ", which …" relative clause describes the name; the sentence tells no history', () => {
  it.each([
    [
      "You can also write `from prefect.schedules import CronSchedule`, which is the same class under its old name.",
      "3.2.3",
      /prefect\.client\.schemas\.schedules/,
    ],
    ["Import `from prefect.deployments import Deployment`, which is the older spelling.", "3.4.20", /Deployment/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "You can also write `from prefect.client.schemas.schedules import CronSchedule`, which is the same class under its old name.",
      "3.2.3",
    ],
    // "old" outside the relative clause still tells history.
    ["The old `from prefect.deployments import Deployment`, which is gone now, was the 2.x way.", "3.4.20"],
    // Code in the relative clause: not a plain description.
    ["The old `from prefect.deployments import Deployment`, which `flow.deploy()` replaced.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a type noun denies taking ("flows do not take `p`"), and "`p` is task-only" denies it of the other type', () => {
  it.each([
    ["Note that flows do not take `retry_delay_seconds`.", "2.13.5", /`Flow` takes `retry_delay_seconds`/],
    ["Tasks do not accept `log_prints`.", "3.4.20", /`Task` takes `log_prints`/],
    ["Flows accept `retries` too, but `retry_delay_seconds` is task-only.", "2.13.5", /`Flow` takes/],
    ["`log_prints` is a flow-only option.", "3.4.20", /`Task` takes `log_prints`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Flows do not take `retry_jitter_factor`.", "3.4.20"],
    ["`retry_jitter_factor` is task-only.", "3.4.20"],
    ["`cache_policy` is a task-only option.", "3.4.20"],
    // Negated: not a statement that it is one type's only.
    ["`retry_delay_seconds` is not task-only.", "2.13.5"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a missing variable returns the default (API reference, v2 variables guide); a condition's negation is its own", () => {
  it.each([
    ["If the variable does not exist and you pass no default, it raises `ObjectNotFound`.", "2.16.4", /does not raise/],
    ["A missing variable raises an error, so always create it first.", "3.4.20", /does not raise/],
    ["`Variable.get` throws a `ValueError` for an unknown variable name.", "3.1.4", /does not raise/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["If the variable does not exist, `Variable.get` returns None; it does not raise.", "3.4.20"],
    ["A missing variable does not raise an error.", "3.4.20"],
    // Other kinds of variables.
    ["A missing environment variable raises a `KeyError`.", "3.4.20"],
    ["A job variable the template does not know raises an error.", "3.4.20"],
    // Setting one that exists is another statement.
    ["`Variable.set` raises when the variable exists and you do not pass `overwrite=True`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("behaviours from the docs: a deployment limit queues by default; progress is a percentage", () => {
  it.each([
    [
      "Runs over the deployment limit are cancelled by default, so add `--collision-strategy ENQUEUE`.",
      "3.4.20",
      /ENQUEUE/,
    ],
    ["With a deployment concurrency limit, extra runs get dropped by default.", "3.1.4", /ENQUEUE/],
    ["Progress is a fraction between 0 and 1, so pass `0.4` for 40%.", "3.6.5", /between 0 and 100/],
    ["`update_progress_artifact` expects the progress as a fraction.", "3.4.20", /between 0 and 100/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Runs over the deployment limit are queued by default; pick `CANCEL_NEW` to cancel them instead.", "3.4.20"],
    ["Runs over the limit are not cancelled by default.", "3.4.20"],
    // Tag-based task limits are another feature.
    ["Task runs over a tag's concurrency limit are cancelled by default.", "3.4.20"],
    ["Progress is a percentage, not a fraction.", "3.4.20"],
    ["Pass progress as a percentage between 0 and 100.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a bare method name only one class ever defined is that class's method", () => {
  it.each([
    ["`load_from_ref` also takes `overwrite=True`.", "3.4.20", /`load_from_ref` has no `overwrite` parameter/],
    ["Pass `strict=True` to `load_from_ref` to skip validation.", "3.4.20", /no `strict` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`load_from_ref` also takes `validate=False`.", "3.4.20"],
    // A name some API takes as a keyword is that keyword, not a method (`Flow.validate_parameters`).
    ["`@flow` takes `name`, `retries`, `validate_parameters` and `log_prints`.", "3.4.20"],
    // Several classes define it: no one reading.
    ["`with_initial_data` also takes `strict=True`.", "3.4.20"],
    // "a `timeout` argument" is a keyword, not the `timeout` function.
    ["Pass `load_from_ref` a `timeout` argument if it hangs.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`p` is optional": every API that takes the parameter gives it a default', () => {
  it.each([
    ["The `resource` dict is optional; Prefect fills in the flow run.", "3.3.2", /`resource` is required/],
    ["The `artifact_id` argument is optional.", "3.4.20", /`artifact_id` is required/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `payload` dict is optional.", "3.3.2"],
    ["The `resource` dict is not optional.", "3.3.2"],
    // A user's own name no API takes is not judged.
    ["The `extra_context` mapping is optional.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"renamed to `Y` …, and the old names stopped working": the names `Y` was renamed from are denied', () => {
  it.each([
    [
      "In 3.x those settings were renamed to `PREFECT_TASKS_DEFAULT_RETRIES` and friends, and the old names stopped working.",
      "2.13.5",
      /still accepted/,
    ],
    [
      "The UI switch was renamed to `PREFECT_SERVER_UI_ENABLED`; the old name no longer works.",
      "3.4.11",
      /PREFECT_UI_ENABLED/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["In 3.x those settings were renamed to `PREFECT_TASKS_DEFAULT_RETRIES`, and the old names still work.", "2.13.5"],
    ["It was renamed to `PREFECT_SERVER_UI_ENABLED`; the old name did not stop working.", "3.4.11"],
    // No old names to deny: a setting with no aliases.
    ["It was renamed to `PREFECT_CLIENT_MAX_RETRIES` and the old names stopped working.", "3.4.11"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("the tag-based `prefect concurrency-limit create` said to make global limits (CLI history)", () => {
  it.each([
    ["`prefect concurrency-limit create` sets a global limit by name.", "3.7.2", /tag-based/],
    ["Create the global concurrency limit with `prefect concurrency-limit create db 5`.", "3.4.20", /tag-based/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    [
      "Use `prefect global-concurrency-limit create db --limit 5` for a global limit, not `prefect concurrency-limit create`.",
      "3.7.2",
    ],
    ["`prefect concurrency-limit create database 5` caps task runs tagged `database`.", "3.7.2"],
    ["`prefect concurrency-limit create` does not make a global limit.", "3.7.2"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a member written as a decorator must be a method, not an option the constructor stores", () => {
  it.each([
    ["You can also register it with the decorator form `@my_task.on_failure`.", "2.13.5", /no `\.on_failure` method/],
    ["Decorate the hook with `@my_flow.on_completion` instead.", "2.19.3", /no `\.on_completion` method/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["You can also register it with the decorator form `@my_task.on_failure`.", "3.4.20"],
    // Read, not decorated with: the constructor's option is there as an attribute.
    ["Read the hooks back from `my_task.on_failure`.", "2.13.5"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a question or a note between breaks the carried subject", () => {
  it.each([
    ["`JSON` and `String` still import on 3.1.\n\nDo you use them?\n\nThey were removed in 3.2.0."],
    ["`JSON` and `String` still import on 3.1.\n\n_(Orca removed a statement.)_\n\nThey were removed in 3.2.0."],
  ])("not flagged: %s", (text) => {
    expect(facts(text, "3.1.8")).toBe("");
  });
});

describe("a singular pronoun after a sentence naming several things stands for none of them surely", () => {
  it.each([
    [
      "`prefect.blocks.system.JSON` is deprecated. Read the value with `Variable.get(name)` instead (store it with `Variable.set`).\n\nIt is gone from 3.5.0 on.",
      "3.4.20",
    ],
    ["Use `Variable.get` and `Variable.set` for plain values.\n\nThis was removed in 3.0.0.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    // One thing named: the pronoun stands for it; a plural pronoun stands for each.
    ["Read it with `Variable.get`.\n\nIt was removed in 3.0.0.", "3.4.20"],
    ["`Variable.get` and `Variable.set` store plain values.\n\nThey were removed in 3.0.0.", "3.4.20"],
  ])("flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).not.toBe("");
  });
});
