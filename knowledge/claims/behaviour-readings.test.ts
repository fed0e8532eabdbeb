// Behaviours added as data in the tenth round (fact sheet 3, 13b, B18; docs on tag-based limits and settings files),
// the polarity readings they need ("only A, not B"; "X instead of Y"), and "`p` is only available on flows". One
// table per reading: false statements (flagged, with the deciding fact) and true, negated or other-release ones.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("tag-based limits cap task runs, and are backed by global limits only from 3.4.19", () => {
  it.each([
    [
      "Tag-based limits (`prefect concurrency-limit create my-api 5`) still exist, but they only apply to flow runs, not task runs.",
      "3.4.20",
      /tag-based concurrency limits cap concurrent task runs/,
    ],
    ["Tag-based concurrency limits only limit flow runs.", "2.19.3", /cap concurrent task runs/],
    [
      "Under the hood, tag-based limits are stored as global concurrency limits named `tag:<tag>`.",
      "3.4.11",
      /not yet backed by global concurrency limits .*3\.4\.19/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Tag-based limits only apply to task runs, not flow runs.", "3.4.20"],
    ["Deployment concurrency limits only apply to flow runs.", "3.4.20"],
    ["Under the hood, tag-based limits are stored as global concurrency limits named `tag:<tag>`.", "3.4.19"],
    ["Tag-based limits are not backed by global concurrency limits on your release.", "3.4.11"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("with both cache_policy and cache_key_fn, cache_key_fn wins (fact sheet 13b)", () => {
  it.each([
    [
      "If both `cache_policy` and `cache_key_fn` are given, the policy wins and the key function is ignored.",
      "3.1.12",
      /cache_key_fn wins/,
    ],
    [
      "Set `cache_policy` and `cache_key_fn` together and `cache_policy` takes precedence.",
      "3.4.20",
      /cache_key_fn wins/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["If both `cache_policy` and `cache_key_fn` are given, `cache_key_fn` wins and you get a warning.", "3.1.12"],
    ["If both `cache_policy` and `cache_key_fn` are set, the key function takes precedence over the policy.", "3.4.20"],
    ["`cache_policy` takes precedence over the default policy.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("the 3.x open-source server runs automations; emit_event works anywhere (fact sheet B18)", () => {
  it.each([
    [
      "Keep in mind that automations require Prefect Cloud; the open-source server only stores events.",
      "3.6.22",
      /open-source server runs automations itself/,
    ],
    ["Automations are a Prefect Cloud feature.", "3.1.0", /runs automations itself/],
    [
      "Events emitted from a task arrived later; before that `emit_event` only worked in flows.",
      "3.6.22",
      /emit_event can be called anywhere/,
    ],
    ["`emit_event` only works inside a flow.", "2.19.3", /can be called anywhere/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["In 2.x automations require Prefect Cloud.", "3.6.22"],
    ["Automations require Prefect Cloud.", "2.19.3"],
    ["Automations do not require Prefect Cloud on 3.x.", "3.4.20"],
    ["Webhooks and automations together are only available in Prefect Cloud.", "3.4.20"],
    ["`emit_event` works in flows and in tasks alike.", "3.4.20"],
    ["`emit_event` only works in flows or tasks that run under Prefect.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('a direct task call returns its result and raises on failure; "instead of" negates only what follows it', () => {
  it.each([
    [
      "In 3.x, calling a task that has exhausted its retries inside a flow returns a `Failed` state object instead of raising, so check `.is_failed()`.",
      "3.5.0",
      /calling a task directly returns its result and raises/,
    ],
    ["A direct call of a failing task returns a failed state.", "2.19.3", /returns its result and raises/],
    // "that fails" describes the task; it denies nothing.
    ["Calling a task that fails returns a failed state.", "2.19.3", /returns its result and raises/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Calling a task with `return_state=True` returns a `Failed` state object instead of raising.", "3.5.0"],
    ["Calling a task raises instead of returning a state.", "3.5.0"],
    ["Calling a task never returns a state unless you ask for one.", "3.5.0"],
    ["Calling a task that fails never returns a state.", "3.5.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("settings kept in prefect.toml / pyproject.toml need 3.1", () => {
  it.each([
    [
      "You can also keep project-level settings in a `prefect.toml` file next to your code.",
      "3.0.4",
      /does not read settings from prefect\.toml or pyproject\.toml: both arrived in 3\.1\.0/,
    ],
    ["Put your settings in `pyproject.toml` under `[tool.prefect]`.", "2.19.3", /arrived in 3\.1\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["You can also keep project-level settings in a `prefect.toml` file next to your code.", "3.1.4"],
    ["After you upgrade, keep your settings in a `prefect.toml` file.", "3.0.4"],
    // Named in passing, the file is no claim that the release reads it.
    ["A `.env` file outranks `prefect.toml` and the profile.", "3.0.5"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`p` is only available on flows (, not on tasks)": the type\'s own, denied of the other', () => {
  it.each([
    [
      "There's also an `on_commit` hook, but it is only available on flows, not on tasks.",
      "3.0.3",
      /`Flow` has no `on_commit` parameter|`Task` takes `on_commit`/,
    ],
    ["`log_prints` only works on tasks.", "3.0.3", /`Flow` takes `log_prints`/],
    ["`task_runner` is only supported for tasks.", "3.4.20", /task_runner/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `on_commit` hook is only available on tasks, not on flows.", "3.0.3"],
    ["`task_runner` is only available on flows.", "3.4.20"],
    // "only" inside a condition, and a type narrowed by what follows, say nothing of whose the keyword is.
    ["If you only use `on_commit` on flows, nothing happens.", "3.0.3"],
    ["`on_commit` is only available on tasks that run in a transaction.", "3.0.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("more of the fact sheet as data: wait_for_flow_run is async only, pydantic 2, caching, unmapped()", () => {
  it.each([
    ["`wait_for_flow_run` can be called synchronously from a sync flow.", "3.4.20", /wait_for_flow_run is async only/],
    ["Prefect 3 still supports pydantic v1.", "3.4.20", /requires pydantic 2/],
    ["Tasks are cached automatically by default.", "2.19.3", /not cached unless they set a cache_key_fn/],
    ["`unmapped` gives each mapped run its own copy of the object.", "3.4.20", /shared by reference/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`wait_for_flow_run` must be awaited; call it from an async flow.", "3.4.20"],
    ["`wait_for_flow_run` is async only, so wrap it with `asyncio.run` in sync code.", "3.4.20"],
    ["Prefect 2 supports pydantic v1 and v2.", "2.19.3"],
    ["You can keep pydantic v1 models in your own code that does not interact with Prefect.", "3.4.20"],
    ["Tasks are cached automatically by default.", "3.4.20"],
    ["In 2.x tasks are cached by default only if you set `cache_key_fn`.", "3.4.20"],
    ["`unmapped` objects are shared by reference, not copied.", "3.4.20"],
    ["In 2.x `unmapped` appeared to give each run its own copy.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a text about what changes across releases states no one release's behaviour", () => {
  it.each([
    [
      "The main breaks when you move on: agents are gone, pydantic 2 is required, and tasks cache by default.",
      "2.19.3",
    ],
    ["After upgrading, `unmapped` objects are no longer copied; before, each run got its own copy.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
