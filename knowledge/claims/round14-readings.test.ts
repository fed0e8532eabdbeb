// Readings of the fourteenth round: one table per reading, false statements (flagged, with the deciding fact) and
// true, negated or other-release ones of the same shape.
import { describe, expect, it } from "vitest";
import { falseFacts } from "./claims-test-support.js";

const facts = falseFacts;

describe('"Called inside a flow, … `k=v`": a type noun of place owns no keyword its type never took', () => {
  it.each([
    // The keyword is judged as whichever API's: none of 3.6.15 takes it any more.
    [
      "Called inside a flow, the limit is created on first use by default since `create_if_missing=True`.",
      "3.6.15",
      /no Prefect 3\.6\.15 API takes `create_if_missing`/,
    ],
    // A keyword the type does take stays the type's.
    [
      "Inside a task, the hook runs by default since `on_running=[notify]`.",
      "3.4.8",
      /`Task` has no `on_running` parameter/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Called inside a flow, the triggered run is linked as a subflow by default since `as_subflow=True`.", "2.19.5"],
    ["From within a task, the run is linked by default since `as_subflow=True`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`X` is gone on V": a removal stated after a copula says X is absent by V', () => {
  it.each([
    // Still there: absent by no release.
    [
      "The `task_input_hash` helper is gone in 3.x, so use a cache policy.",
      "3.4.8",
      /`prefect\.tasks\.task_input_hash` is still present/,
    ],
    // Still there at the stated release.
    ["The `String` block is gone on 3.4.", "3.4.8", /last present in Prefect 3\.4\.25/],
    // An event keeps its date.
    ["The `String` block was removed in 3.6.", "3.6.15", /removed in 3\.5\.0\), not removed in 3\.6/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `JSON` and `String` blocks are gone on 3.6 as well, so switch those to Variables.", "3.6.15"],
    ["The `String` block is now gone in 3.6.", "3.6.15"],
    ["`SequentialTaskRunner` is gone in 3.0, so imports of it break.", "3.0.2"],
    // Removed within the stated version (3.5.0 is in 3.x; 3.6.3 would be in 3.6) is gone there too.
    ["The `JSON` block is gone in 3.x.", "3.6.15"],
    ["The `JSON` block is gone in 3.5.", "3.6.15"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"works with no extra configuration": a behaviour phrase opening with "no" / "without" owns that word', () => {
  it.each([
    [
      "For fire-and-forget submission, `prefect.runner.submit_to_runner` works with no extra configuration.",
      "2.19.5",
      /needs PREFECT_EXPERIMENTAL_ENABLE_EXTRA_RUNNER_ENDPOINTS=True/,
    ],
    ["`submit_to_runner` works without any configuration on 2.20.", "2.20.10", /submit_to_runner is experimental/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // 3.x needs no flag.
    ["`prefect.runner.submit_to_runner` works with no extra configuration.", "3.0.2"],
    // Denied, or with the flag named.
    ["`submit_to_runner` does not work with no extra configuration.", "2.19.5"],
    [
      "`submit_to_runner` works with no extra configuration once `PREFECT_EXPERIMENTAL_ENABLE_EXTRA_RUNNER_ENDPOINTS` is on.",
      "2.19.5",
    ],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"Python 3.8 is still supported by Prefect 3.0": a Python version against the release\'s Python support', () => {
  it.each([
    ["Python 3.8 is still supported by Prefect 3.0.", "3.0.2", /needs Python 3\.9 or newer/],
    ["Prefect 3 works with Python 3.8 as well.", "3.4.8", /needs Python 3\.9 or newer/],
    ["Your Python 3.7 runtime is supported on this release.", "2.20.10", /needs Python 3\.8 or newer/],
    // 3.5.0 dropped Python 3.9; 3.13 arrived in 3.3.0.
    ["Python 3.9 is supported by Prefect 3.6.", "3.6.2", /needs Python 3\.10 or newer/],
    ["Python 3.13 is supported.", "3.2.10", /supported from Prefect 3\.3\.0/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Prefect 2.19 works with Python 3.8.", "2.19.5"],
    ["Python 3.12 is supported.", "3.6.2"],
    // Denied, or a floor ("3.9+") rather than support.
    ["Python 3.8 is no longer supported by Prefect 3.0.", "3.0.2"],
    ["Prefect 3 runs on Python 3.9+ only.", "3.0.2"],
    // History, not what holds now.
    ["Prefect 3 dropped Python 3.8 support.", "3.0.2"],
    ["Python 3.8 was supported until Prefect 3.0.", "3.0.2"],
    // Newer than any release the table knows supports it: not decided.
    ["Python 3.15 is supported.", "3.8.3"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"… as they did in 2.x": a verb of comparison with its own subject does not scope the clause', () => {
  it.each([
    [
      "Async tasks called from a sync flow keep working exactly as they did in 2.x.",
      "3.0.2",
      /calling an async task from a sync flow is not supported/,
    ],
    ["Async tasks called from a sync flow continue to work like they do on 2.x.", "3.4.8", /is not supported/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["Async tasks called from a sync flow keep working exactly as they did in 2.x.", "2.19.5"],
    // The release named outright is still the clause's.
    ["In 2.x, async tasks called from a sync flow keep working.", "3.0.2"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"the default task runner for flows is `X`": a default named for a type noun, in code or in words', () => {
  it.each([
    [
      "The default task runner for flows on 2.20 is `SequentialTaskRunner`.",
      "2.20.10",
      /`task_runner` of `Flow` defaults to `ConcurrentTaskRunner`, not SequentialTaskRunner/,
    ],
    [
      "The default `task_runner` for your flows is `SequentialTaskRunner()`.",
      "2.19.5",
      /defaults to `ConcurrentTaskRunner`/,
    ],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The default task runner for flows is `ConcurrentTaskRunner`.", "2.20.10"],
    // 3.x leaves `task_runner=None` and picks the runner at run time: nothing to compare in the signature.
    ["The default task runner for 3.x flows is `ThreadPoolTaskRunner`.", "3.0.4"],
    // A default the source leaves `None` is not judged.
    ["The default result serializer for tasks is `pickle`.", "2.20.10"],
    // A sentinel (`cache_policy=NotSet`) is not the policy the task ends up with.
    ["The default cache policy for tasks is `DEFAULT`.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"the `p` argument is still accepted": a keyword said to still work is taken by some API of the release', () => {
  it.each([
    [
      "The `create_if_missing` argument is still honoured on this release.",
      "3.6.15",
      /no Prefect 3\.6\.15 API takes `create_if_missing`/,
    ],
    ["The `create_if_missing=True` option is still accepted.", "3.6.15", /`concurrency` took it in 3\.0\.0–3\.2\.15/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    ["The `create_if_missing` argument is still honoured on this release.", "3.1.5"],
    ["The `create_if_missing=True` option is still accepted.", "3.1.5"],
    // A user's own argument no Prefect API ever took says nothing.
    ["The `customer_id` argument is still accepted.", "3.6.15"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"`X` carries no deprecation": a denied deprecation of the one API named, against the facts\' flags', () => {
  it.each([
    [
      "`prefect.runner.submit_to_runner` is another option and carries no deprecation on this release.",
      "3.4.20",
      /`submit_to_runner` is deprecated in Prefect 3\.4\.20/,
    ],
    ["`submit_to_runner` isn't deprecated yet, so it is safe to use.", "3.4.20", /is deprecated in Prefect 3\.4\.20/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });

  it.each([
    // Not deprecated yet on that release.
    ["`prefect.runner.submit_to_runner` is another option and carries no deprecation on this release.", "3.0.2"],
    ["Don't worry: `run_deployment` carries no deprecation warning.", "3.4.20"],
    // A version dates the deprecation: the version readers' business.
    ["`submit_to_runner` was not deprecated until 3.3.4.", "3.4.20"],
    // A deprecation stated, not denied, is not read (the flags may miss one).
    ["`run_deployment` is deprecated on this release.", "3.4.20"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});

describe('"No — `X` has no `Y`": a reply\'s opening "No" and "has no" deny nothing about the owner', () => {
  it.each([
    ["No — `.deploy()` has no `schedule` in Prefect 3.1.10.", "3.1.10"],
    ["`FlowRun` has no `.wait()` in Prefect 3.4.2.", "3.4.2"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });

  it.each([
    ["No — `Flow.serve` does not exist in Prefect 3.4.2.", "3.4.2", /has `\.serve\(\)`/],
    ["`Flow.serve` does not exist in Prefect 3.4.2.", "3.4.2", /has `\.serve\(\)`/],
  ])("false: %s (%s)", (text, release, fact) => {
    expect(facts(text, release)).toMatch(fact);
  });
});

describe("a class whose member the facts record under its own name", () => {
  it.each([
    // The facts resolve 2.10's `prefect.deployments.Deployment` to the server schema; the member is recorded under
    // the name itself, and `build_from_flow` takes `**kwargs`.
    ['Pass `schedule=CronSchedule(cron="0 6 * * *")` to `Deployment.build_from_flow`.', "2.10.0"],
    ['Call `Deployment.build_from_flow(flow, name="etl")` and then `.apply()`.', "2.10.0"],
  ])("not flagged: %s (%s)", (text, release) => {
    expect(facts(text, release)).toBe("");
  });
});
