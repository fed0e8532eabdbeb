import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../facts/index.js";
import { createClaimChecker, describeFalseClaims, removeFalseClaims } from "./index.js";

const checker = createClaimChecker(loadPrefectFacts());
const check = (text: string, release = "3.4.20") => checker.check(text, release);
const kindsOf = (text: string, release = "3.4.20") =>
  check(text, release).falseSentences.flatMap((f) => f.claims.map((c) => c.claim.kind));

describe("claims that are false for the release", () => {
  it.each([
    [
      "member (type noun)",
      "Using `.submit()` to run tasks and subflows concurrently is supported in Prefect 3.x.",
      "3.4.20",
      "member",
      /`Flow` objects have no `\.submit\(\)`/,
    ],
    [
      "member (passive verb)",
      "In 3.x, both tasks and flows can be submitted concurrently.",
      "3.4.20",
      "member",
      /only tasks do/,
    ],
    [
      "member (Class.method)",
      "Call `FlowRun.result()` to read the child's value.",
      "3.4.20",
      "member",
      /`FlowRun` objects have no `\.result\(\)`/,
    ],
    [
      "member (variable named like a flow)",
      "Then `a_flow.submit()` starts it in the background.",
      "3.4.20",
      "member",
      /`Flow`/,
    ],
    ["returns", "`run_deployment` returns a future you can `.wait()` on.", "3.4.20", "returns", /returns a `FlowRun`/],
    [
      "import (inline code)",
      "Write `from prefect import wait` at the top.",
      "3.8.3",
      "import",
      /import it from `prefect\.futures`/,
    ],
    [
      "import (prose)",
      "In Prefect 2.x, import `wait` from `prefect.futures`.",
      "2.20.25",
      "import",
      /only exists from Prefect 3\.0\.0/,
    ],
    [
      "exists (removed)",
      "Use `prefect.runner.submit_to_runner(...)` outside a flow.",
      "3.8.3",
      "exists",
      /removed after Prefect 3\.4\.25/,
    ],
    [
      "version (added)",
      "`ProcessPoolTaskRunner` was added in 3.2.",
      "3.4.20",
      "version",
      /first appeared in Prefect 3\.4\.14/,
    ],
    [
      "version (still available)",
      "`SequentialTaskRunner` is still available in 3.x.",
      "3.4.20",
      "version",
      /does not exist in Prefect 3\.4\.20/,
    ],
    [
      "param",
      "Pass `infra_overrides=` to `run_deployment` to change the job.",
      "3.4.20",
      "param",
      /has no `infra_overrides` parameter/,
    ],
    [
      "default",
      "`poll_interval` of `run_deployment` defaults to 30 seconds.",
      "3.4.20",
      "default",
      /defaults to `5`, not 30/,
    ],
    [
      "duration default",
      "`PREFECT_SERVER_EVENTS_RETENTION_PERIOD` defaults to 3 days.",
      "3.3.3",
      "setting",
      /defaults to `timedelta\(days=7\)`, not 3/,
    ],
    [
      "setting (not yet)",
      "Set `PREFECT_SERVER_UI_SERVE_BASE` to move the UI.",
      "3.0.0",
      "setting",
      /only exists from Prefect 3\.0\.11/,
    ],
    [
      "setting (gone)",
      "Tune `PREFECT_AGENT_QUERY_INTERVAL` for faster pickup.",
      "3.4.20",
      "setting",
      /last a setting in Prefect 2\.20\.25/,
    ],
    [
      "setting (added in)",
      "`PREFECT_SERVER_UI_SERVE_BASE` was added in Prefect 2.10.",
      "3.4.20",
      "version",
      /first appeared in Prefect 3\.0\.11, not 2\.10/,
    ],
    [
      "cli (command)",
      "Run `prefect agent start -q default`.",
      "3.4.20",
      "cli",
      /exists only in Prefect 2\.0\.0–2\.20\.25/,
    ],
    ["cli (option)", "Use `prefect worker start --pool p --bogus-flag`.", "3.4.20", "cli", /no `--bogus-flag` option/],
    [
      "cli (one alternative of a usage line)",
      "Run `prefect worker|agent start`.",
      "3.4.20",
      "cli",
      /exists only in Prefect 2\.0\.0–2\.20\.25/,
    ],
    [
      "import (never in that module)",
      "`from prefect.task_runners import DaskTaskRunner` works.",
      "3.4.20",
      "import",
      /not in `prefect\.task_runners` in any Prefect release/,
    ],
    [
      "behaviour (pausing a task)",
      "Call `pause_flow_run()` inside a task to pause just that task.",
      "3.4.20",
      "behaviour",
      /task runs cannot be paused/,
    ],
    [
      "behaviour (task outside a flow)",
      "Calling a task outside a flow raises `RuntimeError`.",
      "3.8.3",
      "behaviour",
      /outside a flow runs/,
    ],
    [
      "exists (a keyword's value)",
      "To turn caching off, pass `cache_policy=NO_CACHE`.",
      "3.0.5",
      "exists",
      /only exists from Prefect 3\.1\.12/,
    ],
    [
      "version (not until)",
      "`prefect task-run logs <id>` is not available until 3.2.",
      "3.0.5",
      "version",
      /first appeared in Prefect 2\.16\.5/,
    ],
    [
      "version (still, no version)",
      "`wait_for_submitted_runs` still exists for old code.",
      "3.8.3",
      "version",
      /does not exist in Prefect 3\.8\.3/,
    ],
    [
      "behaviour (cache precedence)",
      "If you set both, `cache_policy` wins.",
      "3.4.20",
      "behaviour",
      /cache_key_fn wins/,
    ],
    [
      "behaviour (other release named)",
      "In 2.x `Variable.get` also returned the raw value.",
      "3.4.20",
      "behaviour",
      /returns a Variable object/,
    ],
    ["behaviour (task call)", "Calling a task returns a PrefectFuture.", "3.4.20", "behaviour", /returns its result/],
    [
      "behaviour (flow waits)",
      "A 3.x flow waits for all submitted tasks before it finishes, so you can skip `.wait()`.",
      "3.4.20",
      "behaviour",
      /does not wait for futures/,
    ],
  ])("%s: %s", (_name, text, release, kind, fact) => {
    const report = check(text, release);
    expect(report.falseSentences).toHaveLength(1);
    expect(report.falseSentences[0]!.claims.map((c) => c.claim.kind)).toContain(kind);
    expect(report.falseSentences[0]!.claims.map((c) => c.verdict.fact).join(" ")).toMatch(fact);
  });
});

describe("claims that hold, and statements that are not claims", () => {
  it.each([
    ["true member", "Only tasks have `.submit()`; call subflows directly.", "3.4.20"],
    ["negation", "Flows do not have `.submit()` in Prefect 3.", "3.4.20"],
    ["contrast with another release", "In 2.x, `prefect agent start` started an agent.", "3.4.20"],
    [
      "section about another release",
      "If you're on Prefect 2.x:\n\n- Start an agent with `prefect agent start`.",
      "3.4.20",
    ],
    ["true import", "Import `wait` from `prefect.futures`.", "3.4.20"],
    ["true version", "`SequentialTaskRunner` was removed in 3.0; use `ThreadPoolTaskRunner`.", "3.4.20"],
    ["true default", "`run_deployment` blocks by default and `poll_interval` defaults to 5 seconds.", "3.4.20"],
    ["true CLI with a Typer flag pair", "Use `prefect config view --show-defaults`.", "3.4.20"],
    ["true setting alias", "`PREFECT_UI_API_URL` still sets the UI's API URL.", "3.4.20"],
    ["true setting removal", "`PREFECT_AGENT_QUERY_INTERVAL` was removed in Prefect 3.0.", "3.4.20"],
    ["infrastructure-bound flows", "Infrastructure-bound flows (`@kubernetes`) support `.submit()`.", "3.8.3"],
    ["file names are not APIs", "Edit prefect.yaml and prefect.toml.", "3.8.3"],
    [
      "a possessive names whose parameter it is",
      "*ThreadPoolTaskRunner*: Pass `ThreadPoolTaskRunner(max_workers=4)` as the flow's `task_runner`; without that argument the size comes from a setting (3.0.11 and later).",
      "3.4.20",
    ],
    [
      "an attribute Prefect sets on instances",
      "Call `add.fn(1, 2)` to test a task's function; tasks have `.fn()`.",
      "2.15.0",
    ],
    [
      "a default stated as 'on by default at'",
      "Heartbeats (`PREFECT_FLOWS_HEARTBEAT_FREQUENCY`) are on by default at 180 s from 3.6.22.",
      "3.6.22",
    ],
    ["a Python constant is a value", "`max_workers` of `ProcessPoolTaskRunner` defaults to `None`.", "3.4.20"],
    [
      "a duration default stated in words",
      "`PREFECT_SERVER_EVENTS_RETENTION_PERIOD` defaults to 7 days (604800 seconds).",
      "3.3.3",
    ],
    ["a usage line with alternatives", "Manage settings with `prefect config set|unset|view`.", "3.4.20"],
    ["a family of setting names", "The `PREFECT_ORION_DATABASE_*` settings still work as aliases.", "2.20.3"],
    ["a logging configuration override", "Set `PREFECT_LOGGING_LOGGERS_HTTPX_LEVEL=WARNING` to quiet httpx.", "3.4.20"],
    ["a duration default stated in seconds", "`PREFECT_SERVER_EVENTS_RETENTION_PERIOD` defaults to 604800.", "3.3.3"],
    ["a retraction", "Sorry for the earlier confusion around `.submit()` on flows!", "3.8.3"],
    [
      "a history clause bounded by its sentence",
      "Workers left experimental status in Prefect 2.10; before that they lived under `prefect.experimental.workers`.",
      "3.4.20",
    ],
    ["a short name that moved between releases", "Before 3.6.11, `run_deployment` itself is awaitable.", "3.8.3"],
    ["a pronoun owner", "Calling `.submit()` gives a future, so call `.result()` on it.", "3.8.3"],
    ["in fenced code (the linter's job)", "Example:\n\n```python\nfrom prefect import wait\n```", "3.8.3"],
  ])("%s: %j", (_name, text, release) => {
    expect(kindsOf(text, release)).toEqual([]);
  });

  it("counts claims it cannot decide and negated ones without judging them; other releases are checked there", () => {
    const report = check(
      "Flows do not have `.submit()`. Calling a task never returns a future. In 2.x, `prefect agent start` starts an agent. `poll_interval` defaults to 5 seconds.",
    );
    expect(report.falseSentences).toEqual([]);
    expect(report.counts).toMatchObject({ sentences: 4, negated: 2, otherVersion: 1, undecidable: 1, true: 1 });
    expect(report.checked.find((c) => c.claim.kind === "cli")?.verdict.fact).toMatch(/exists in Prefect 2\.20\.25/);
  });
});

describe("repair and enforcement text", () => {
  it("states the claim, the fact and the release, and replaces the false sentence with the fact", () => {
    const text = "Intro. `run_deployment` returns a future you can `.wait()` on. Outro.";
    const report = check(text);
    const [line] = describeFalseClaims(report);
    expect(line).toMatch(/claims .*returns a Future.*false for Prefect 3\.4\.20: .*returns a `FlowRun`/);
    const { text: out, removed } = removeFalseClaims(text, report);
    expect(out).toMatch(/^Intro\. _\(Orca removed a statement that is false for Prefect 3\.4\.20: .*\)_ Outro\.$/);
    expect(removed).toHaveLength(1);
    expect(check(out).falseSentences).toEqual([]);
  });
});

describe("a checker kept across texts", () => {
  const claimsOf = (c: ReturnType<typeof createClaimChecker>, text: string) =>
    c.check(text, "3.4.20").checked.map((x) => `${x.claim.kind} ${x.claim.subject} ${x.claim.detail ?? ""}`);

  it("reads a sentence it has seen before in the context of the sentences now before it", () => {
    const fresh = createClaimChecker(loadPrefectFacts());
    const alone = "Pass `timeout=30` to change the wait.";
    const after = `Call \`run_deployment\` with the deployment's name. ${alone}`;
    const param = "param prefect.deployments.flow_runs.run_deployment timeout";
    expect(claimsOf(fresh, alone)).toEqual([]);
    expect(claimsOf(fresh, after)).toContain(param);
    expect(claimsOf(fresh, alone)).toEqual([]);
    expect(claimsOf(fresh, after)).toEqual(claimsOf(createClaimChecker(loadPrefectFacts()), after));
  });
});
