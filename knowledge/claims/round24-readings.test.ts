// Readings of the twenty-fourth round: what a verb of returning hands back owns no member named before it, behaviour
// words in a call written with its keywords, removal words in a trailing condition, "came back in V", "isn't in core
// as of V", "deprecated since V", and a keyword passed to the callable an earlier sentence imported. One table per
// reading: false statements (flagged, with the deciding fact) and true, negated or other-release ones of the same shape.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe("the object of a verb of returning is what comes back, not the receiver of the members before it", () => {
  it.each([
    ["Futures have `.submit()`.", "3.1.4", /`PrefectFuture` objects have no `.submit\(\)`/],
    ["Flows have `.submit()` and hand back futures.", "3.1.4", /`Flow` objects have no `.submit\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Only `.submit()` and `.map()` hand back futures.", "3.1.4"],
    [
      "Only `.submit()` and `.map()` hand back futures, and in 3.x `.map()` returns a `PrefectFutureList` with `.wait()` and `.result()` helpers.",
      "3.1.4",
    ],
    ["`.submit()` and `.map()` give you back futures, and `.map()` returns a `PrefectFutureList`.", "3.1.4"],
    ["`.submit()` passes back a future right away.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a call written with its keywords reads as the callable and its keywords for the behaviours", () => {
  it.each([
    [
      "`as_completed(futures, timeout=30)` just stops yielding quietly once the timeout is reached.",
      "3.4.20",
      /as_completed raises TimeoutError/,
    ],
    ['`Variable.get("my_var")` returns the value itself.', "2.20.25", /Variable\.get returns a Variable object/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`as_completed(futures, timeout=30)` raises a `TimeoutError` once the timeout is reached.", "3.4.20"],
    ['`Variable.get("my_var")` returns the value itself.', "3.4.20"],
    ['`Variable.get("my_var")` returns a `Variable` object; read `.value` on it.', "2.20.25"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a word of removal in a trailing clause of time or condition is that clause's, not the behaviour's", () => {
  it.each([
    [
      "On 3.4 you will still get the 'A future was garbage collected before it resolved' warning whenever a future is dropped unresolved.",
      "3.4.20",
      /was removed in 3\.4\.0/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // The release that still logged it.
    [
      "You will still get the 'A future was garbage collected before it resolved' warning whenever a future is dropped unresolved.",
      "3.2.0",
    ],
    // The removal is the warning's own.
    ["The garbage collected future warning was removed, so you no longer see it.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"X came back in V" says X is there in V', () => {
  it.each([
    [
      "`prefect deployment build` came back in 3.8 to help people migrating.",
      "3.8.3",
      /does not exist in Prefect 3\.8\.3/,
    ],
    ["The `schedule=` keyword on `flow.serve()` came back in 3.1.", "3.4.20", /does not exist in Prefect 3\.1/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `schedule=` keyword on `flow.serve()` was dropped in 3.0 and came back in 3.2.", "3.4.20"],
    ["The `schedule=` keyword was dropped in 3.0 and came back in 3.2.", "3.4.20"],
    ["`prefect deployment build` never came back in 3.x.", "3.8.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"X isn\'t in core as of V", "not part of Prefect" deny that X exists', () => {
  it.each([
    [
      "`ProcessPoolTaskRunner` still isn't in core as of 3.5, so keep using `prefect-dask` if you need processes.",
      "3.5.0",
      /`ProcessPoolTaskRunner` exists in Prefect 3\.5\.0/,
    ],
    ["`ProcessPoolTaskRunner` is not part of Prefect.", "3.5.0", /exists in Prefect 3\.5\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Before it arrived (3.4.14).
    ["`ProcessPoolTaskRunner` still isn't in core as of 3.4.0.", "3.4.0"],
    ["`SequentialTaskRunner` is not part of core anymore.", "3.5.0"],
    ["Dask and Ray runners are not part of core; install `prefect-dask` or `prefect-ray`.", "3.1.4"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"X has been deprecated (ever) since V" is judged by the release the facts first flag X deprecated', () => {
  it.each([
    [
      "`submit_to_runner` has been deprecated ever since 3.0.0, so expect a warning when you call it.",
      "3.3.2",
      /first deprecated in Prefect 3\.3\.4, not 3\.0\.0/,
    ],
    ["`submit_to_runner` is deprecated as of 3.0.", "3.3.2", /first deprecated in Prefect 3\.3\.4/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Negated, or dated close to the facts' start on a release that has it.
    ["`submit_to_runner` has not been deprecated since 3.0.0.", "3.3.2"],
    ["`submit_to_runner` has been deprecated since 3.3.4.", "3.4.5"],
    ["`submit_to_runner` has been deprecated since 3.4.0.", "3.4.5"],
    // An API the facts never flag: flags may miss a deprecation.
    ["`run_deployment` has been deprecated since 3.0.0.", "3.3.2"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a keyword passed in an instruction is the callable an earlier sentence imported, when it ever took it", () => {
  const lead = "Use `run_deployment`, which you can import from `prefect.deployments`, to start a run.";
  it.each([
    [
      `${lead} Use \`job_variables={...}\` to override the job template for that run.`,
      "2.14.10",
      /`run_deployment` has no `job_variables` parameter/,
    ],
    [`${lead} Pass \`as_subflow=False\` to unlink it.`, "2.14.10", /`run_deployment` has no `as_subflow` parameter/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // A release whose `run_deployment` takes it.
    [`${lead} Use \`job_variables={...}\` to override the job template for that run.`, "2.16.8"],
    // An upgrade or another release named: not about the asker's release.
    [`${lead} After upgrading, pass \`job_variables={...}\` too.`, "2.14.10"],
    [`${lead} In 2.17 you can pass \`job_variables={...}\` as well.`, "2.14.10"],
    // A keyword the callable never took is the user's own.
    [`${lead} Pass \`my_custom_kw=1\` to your own function.`, "2.14.10"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("an arrival dated in a minor line before the first one that has the name is false", () => {
  it.each([
    [
      "`prefect sdk generate` builds a typed client from your deployments, and it was added in 3.5.0.",
      "3.6.15",
      /first appeared in Prefect 3\.6\.11, not 3\.5\.0/,
    ],
    ["`Flow.deploy` was added in 2.12.0.", "2.20.0", /first appeared in Prefect 2\.13\.8, not 2\.12\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`prefect sdk generate` was added in 3.6.11.", "3.6.15"],
    // A later release in the next line may be the changelog's date for it (experimental before).
    ["`Flow.deploy` was added in 2.14.0.", "2.20.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a version statement about a member no release of its class ever had is false", () => {
  it.each([
    [
      "`Flow.submit()` was added in 3.3.0 so you can run subflows concurrently.",
      "3.3.0",
      /`Flow` has no `\.submit\(\)` in any Prefect release/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`Flow.with_options()` was added in 2.0.0.", "3.3.0"],
    ["`Task.delay()` was added in 3.0.0.", "3.3.0"],
    // A removal of a member that never was is another statement, left alone.
    ["`Flow.submit()` was removed in 3.0.", "3.3.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a name recorded by its latest kind (a 3.x alias) is a class with its constructor's keywords where it has one", () => {
  it.each([
    [
      "You can cap the parallelism with `ConcurrentTaskRunner(max_workers=4)`.",
      "2.19.3",
      /`ConcurrentTaskRunner` has no `max_workers` parameter \(it takes no arguments\)/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // 3.x: an alias of `ThreadPoolTaskRunner`, which takes it.
    ["You can cap the parallelism with `ConcurrentTaskRunner(max_workers=4)`.", "3.4.0"],
    ["Use `ConcurrentTaskRunner()` for I/O-bound tasks.", "2.19.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe("a bare method called on a type noun right after it is that type's method for what it returns", () => {
  it.each([
    [
      "Calling `.wait()` on a single future in 3.x returns the final `State` so you can branch on it directly.",
      "3.0.0",
      /`wait\(\)` returns None, not a State/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // 2.x futures' `.wait()` gave back a state.
    ["Calling `.wait()` on a single future returns the final `State` so you can branch on it directly.", "2.19.0"],
    ["Calling `.wait()` on a future returns `None`.", "3.0.0"],
    ["Calling `.result()` on a future returns the value.", "3.0.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"X is still missing / absent / gone in V" denies that X is there in V', () => {
  it.each([
    [
      "`ProcessPoolTaskRunner` is still missing in 3.5.",
      "3.5.0",
      /`prefect\.task_runners\.ProcessPoolTaskRunner` exists/,
    ],
    ["`prefect deployment build` is still gone in 2.20.", "2.20.0", /last present in Prefect 2\.20\.25/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["`ProcessPoolTaskRunner` is still missing in 3.4.0.", "3.4.0"],
    ["`ProcessPoolTaskRunner` is still absent in 3.4.0.", "3.4.0"],
    ["`prefect deployment build` is still gone in 3.8.", "3.8.3"],
    ["`ProcessPoolTaskRunner` is still available in 3.5.", "3.5.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
