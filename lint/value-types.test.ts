// What calls return, per release: a callable annotated `-> None` (3.x `PrefectFuture.wait()`), and Prefect States
// (`fut.state`, `return_state=True`, 2.x `fut.wait()`, `flow_run.state`) whose methods are checked against the facts.
import { describe, expect, it } from "vitest";
import type { RuleId } from "../core/index.js";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter } from "./create-linter.js";

const facts = loadPrefectFacts();
const linter = await createLinter(facts);

const HEAD = "from prefect import flow, task\n\n@task\ndef extract():\n    return 1\n\n";

function rules(code: string, version: string, rule: RuleId) {
  return linter.lint(code, version).diagnoses.filter((d) => d.rule === rule);
}

describe("a value a callable annotates as None", () => {
  it.each([
    {
      name: "the result of fut.wait() used as a State on 3.x",
      version: "3.4.20",
      code: `${HEAD}@flow\ndef etl():\n    fut = extract.submit()\n    state = fut.wait()\n    if state.is_failed():\n        raise RuntimeError("x")\n`,
    },
    {
      name: "an attribute read straight off the call",
      version: "3.0.0",
      code: `${HEAD}@flow\ndef etl():\n    fut = extract.submit()\n    print(fut.wait().type)\n`,
    },
    {
      name: "a mapped list's wait() on the newest release",
      version: "3.8.3",
      code: `${HEAD}@flow\ndef etl():\n    futs = extract.map([1, 2])\n    done = futs.wait()\n    return done.result()\n`,
    },
  ])("reports unknown-attribute: $name", ({ code, version }) => {
    const [d] = rules(code, version, "unknown-attribute");
    expect(d, "expected unknown-attribute").toBeDefined();
    expect(d!.message).toContain(`In Prefect ${version}`);
    expect(d!.message).toMatch(/returns None/);
  });

  it.each([
    {
      name: "2.x, where wait() returned a State",
      version: "2.20.25",
      code: `${HEAD}@flow\ndef etl():\n    fut = extract.submit()\n    state = fut.wait()\n    if state.is_failed():\n        raise RuntimeError("x")\n`,
    },
    {
      name: "waiting, then reading the future's state",
      version: "3.4.20",
      code: `${HEAD}@flow\ndef etl():\n    fut = extract.submit()\n    fut.wait()\n    if fut.state.is_failed():\n        raise RuntimeError("x")\n`,
    },
    {
      name: "a name rebound to something else as well",
      version: "3.4.20",
      code: `${HEAD}@flow\ndef etl(flag: bool):\n    fut = extract.submit()\n    state = fut.wait()\n    if flag:\n        state = fut.state\n    return state.is_completed()\n`,
    },
    {
      name: "a non-prefect object with a wait() method",
      version: "3.4.20",
      code: "import threading\n\nev = threading.Event()\nok = ev.wait()\nprint(ok.bit_length())\n",
    },
  ])("stays quiet: $name", ({ code, version }) => {
    expect(rules(code, version, "unknown-attribute")).toEqual([]);
  });

  it("names the 2.x behaviour and fixes `state = fut.wait()` into wait-then-read", () => {
    const code = `${HEAD}@flow\ndef etl():\n    fut = extract.submit()\n    state = fut.wait()\n    return state.is_failed()\n`;
    const result = linter.lint(code, "3.4.20");
    const d = result.diagnoses.find((x) => x.rule === "unknown-attribute")!;
    expect(d.message).toMatch(/2\.x it returned a State/);
    expect(d.message).toContain("`fut.state`");
    expect(result.fixedCode).toContain("    fut.wait()\n    state = fut.state\n");
    expect(linter.lint(result.fixedCode, "3.4.20").diagnoses).toEqual([]);
  });
});

describe("Prefect States are typed", () => {
  it.each([
    {
      name: "a task called with return_state=True",
      version: "3.8.3",
      code: `${HEAD}@flow\ndef calc():\n    state = extract(return_state=True)\n    return state.result(fetch=True)\n`,
    },
    {
      name: "a future's state property",
      version: "3.4.20",
      code: `${HEAD}@flow\ndef calc():\n    fut = extract.submit()\n    fut.wait()\n    return fut.state.result(fetch=True)\n`,
    },
    {
      name: "the state of the FlowRun run_deployment returns",
      version: "3.6.1",
      code: 'from prefect.deployments import run_deployment\n\nrun = run_deployment("a/b")\nprint(run.state.result(fetch=True))\n',
    },
    {
      name: "a subflow called with return_state=True and awaited",
      version: "3.8.3",
      code: "from prefect import flow\n\n@flow\nasync def child():\n    return 1\n\n@flow\nasync def parent():\n    s = await child(return_state=True)\n    return await s.result(fetch=True)\n",
    },
  ])("checks State.result() keywords: $name", ({ code, version }) => {
    const [d] = rules(code, version, "unknown-parameter");
    expect(d, "expected unknown-parameter").toBeDefined();
    expect(d!.message).toMatch(/`fetch=`: it was accepted up to 3\.\d+\.\d+/);
    expect(linter.lint(code, version).fixedCode).not.toContain("fetch");
  });

  it("types 2.x `fut.wait()` as a State and checks its keywords against 2.x", () => {
    const code = `${HEAD}@flow\ndef calc():\n    state = extract.submit().wait()\n    return state.result(retry_result_failure=False)\n`;
    expect(rules(code, "2.20.25", "unknown-parameter")[0]?.message).toMatch(
      /`retry_result_failure=`: it was added in 3\./,
    );
    expect(rules(code, "3.4.20", "unknown-parameter")).toEqual([]);
  });

  it("finds methods a State does not have", () => {
    const code = `${HEAD}@flow\ndef calc():\n    state = extract(return_state=True)\n    return state.is_broken()\n`;
    expect(rules(code, "3.4.20", "unknown-attribute")[0]?.message).toMatch(/`State` objects have no `is_broken\(\)`/);
  });

  it.each([
    {
      name: "fetch= on 2.x",
      version: "2.20.25",
      code: `${HEAD}@flow\ndef calc():\n    state = extract(return_state=True)\n    return state.result(fetch=True)\n`,
    },
    {
      name: "fetch= on 3.0.0, which still took it",
      version: "3.0.0",
      code: `${HEAD}@flow\ndef calc():\n    fut = extract.submit()\n    return fut.state.result(fetch=True)\n`,
    },
    {
      name: "2.x fut.wait() as a State",
      version: "2.20.25",
      code: `${HEAD}@flow\ndef calc():\n    state = extract.submit().wait()\n    return state.result(raise_on_failure=False)\n`,
    },
    {
      name: "return_state=False gives the value, not a State",
      version: "3.8.3",
      code: `${HEAD}@flow\ndef calc():\n    value = extract(return_state=False)\n    return value.result(fetch=True)\n`,
    },
    {
      name: "accepted keywords on the newest release",
      version: "3.8.3",
      code: `${HEAD}@flow\ndef calc():\n    state = extract(return_state=True)\n    return state.result(raise_on_failure=False)\n`,
    },
  ])("stays quiet: $name", ({ code, version }) => {
    const found = linter.lint(code, version).diagnoses.filter((d) => d.rule.startsWith("unknown-"));
    expect(found).toEqual([]);
  });
});

describe("slack-mangled links restore what was typed", () => {
  const fixed = (code: string) => linter.lint(code, "3.4.20").fixedCode;

  it.each([
    [
      'r = httpx.get("<https://api.acme.io/v1/orders|api.acme.io/v1/orders>")\n',
      'r = httpx.get("https://api.acme.io/v1/orders")\n',
    ],
    ["url = '<http://localhost:4200/api|localhost:4200/api>'\n", "url = 'http://localhost:4200/api'\n"],
    ['to = "<mailto:ops@acme.io|ops@acme.io>"\n', 'to = "ops@acme.io"\n'],
  ])("restores the target: %s", (code, expected) => {
    expect(fixed(code)).toBe(expected);
  });

  it.each([
    ['<http://logger.info|logger.info>("hi")\n', 'logger.info("hi")\n'],
    ['name = "<http://flow.name|flow.name>"\n', 'name = "flow.name"\n'],
    ["x = <http://ctx.flow_run.id|ctx.flow_run.id>\n", "x = ctx.flow_run.id\n"],
  ])("keeps the label: %s", (code, expected) => {
    expect(fixed(code)).toBe(expected);
  });
});
