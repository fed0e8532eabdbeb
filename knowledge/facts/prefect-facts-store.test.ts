// Key facts from the checked fact sheet, asked of the committed table.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "./load-facts.js";

const facts = loadPrefectFacts();
const names = (fq: string, v: string) => facts.members(fq, v)?.names ?? [];
const paramNames = (fq: string, v: string) => facts.params(fq, v)?.map((p) => p.name);

describe("releases", () => {
  it("resolves what people write to real releases", () => {
    expect(facts.resolveRelease("3.4")).toBe("3.4.25");
    expect(facts.resolveRelease("3")).toBe(facts.latestOfMajor(3));
    expect(facts.resolveRelease("2")).toBe("2.20.25");
    expect(facts.resolveRelease("3.4.99")).toBe("3.4.25");
    expect(facts.resolveRelease("4.0")).toBe(facts.latest);
    expect(facts.resolveRelease("3.4.20")).toBe("3.4.20");
    expect(facts.resolveRelease("v3.1")).toMatch(/^3\.1\.\d+$/);
    expect(facts.latestOfMajor(2)).toBe("2.20.25");
    expect(facts.latest).toBe("3.8.3");
  });

  it("rejects text that is not a version", () => {
    expect(() => facts.resolveRelease("latest please")).toThrow(/not a Prefect version/);
  });
});

describe("presence over releases", () => {
  it("ProcessPoolTaskRunner arrives in 3.4.14", () => {
    const fq = "prefect.task_runners.ProcessPoolTaskRunner";
    expect(facts.presence(fq, "3.4.10")).toMatchObject({ status: "not-yet", firstRelease: "3.4.14" });
    expect(facts.presence(fq, "3.4.14").status).toBe("present");
    expect(facts.presence(fq, "3.4.20").status).toBe("present");
  });

  it.each([
    ["3.4.20", "present", undefined],
    ["3.6.0", "removed", "3.4.25"],
  ])("a method String inherits from Block stands where String stands: %s %s", (v, status, last) => {
    const p = facts.presence("prefect.blocks.system.String.load", v);
    expect(p.status).toBe(status);
    if (p.status === "removed") {
      expect(p.lastRelease).toBe(last);
      expect(p.fact.present.at(-1)?.[1]).toBe(last);
    }
    expect(facts.resolve("prefect.blocks.system.String.load", v)?.name).toBe(
      status === "present" ? "prefect.blocks.core.Block.load" : undefined,
    );
  });

  it("submit_to_runner is there in 3.2 and gone by 3.6 (last in 3.4.25), with a replacement", () => {
    expect(facts.presence("prefect.runner.submit_to_runner", "3.2").status).toBe("present");
    const gone = facts.presence("prefect.runner.submit_to_runner", "3.6");
    expect(gone).toMatchObject({ status: "removed", lastRelease: "3.4.25" });
    expect(gone.status === "removed" && gone.replacement).toMatch(/run_deployment/);
  });

  it("prefect.futures.wait exists from 3.0.0 and not in 2.20.25", () => {
    expect(facts.presence("prefect.futures.wait", "3.0.0").status).toBe("present");
    expect(facts.presence("prefect.futures.wait", "2.20.25")).toMatchObject({
      status: "not-yet",
      firstRelease: "3.0.0",
    });
  });

  it("`from prefect import wait` is never valid, and locate points at prefect.futures", () => {
    for (const v of ["2.20.25", "3.0.0", "3.8.3"]) expect(facts.presence("prefect.wait", v).status).toBe("unknown");
    expect(facts.locate("wait", "3.0.0")[0]).toBe("prefect.futures.wait");
    expect(facts.locate("wait", "2.20.25")).toEqual([]);
    expect(facts.replacement("prefect.wait")).toMatch(/prefect\.futures/);
  });

  it("SequentialTaskRunner is removed in 3.0 with a curated replacement", () => {
    const p = facts.presence("prefect.task_runners.SequentialTaskRunner", "3.0.0");
    expect(p).toMatchObject({ status: "removed", lastRelease: "2.20.25" });
    expect(p.status === "removed" && p.replacement).toMatch(/ThreadPoolTaskRunner/);
    expect(facts.presence("prefect.task_runners.SequentialTaskRunner", "2.20.25").status).toBe("present");
  });

  it("PrefectFlowRunFuture arrives in 3.2.8", () => {
    expect(facts.presence("prefect.futures.PrefectFlowRunFuture", "3.2.7").status).toBe("not-yet");
    expect(facts.presence("prefect.futures.PrefectFlowRunFuture", "3.2.8").status).toBe("present");
  });

  it("a name from nowhere is unknown", () => {
    expect(facts.presence("prefect.flows.Flowz", "3.8.3").status).toBe("unknown");
  });
});

describe("async bit", () => {
  it.each([
    ["prefect.concurrency.asyncio.concurrency", "3.4.20", true],
    ["prefect.concurrency.asyncio.concurrency", "2.11.5", true],
    ["prefect.concurrency.sync.concurrency", "3.4.20", false],
    ["prefect.get_client", "3.4.20", false],
    ["prefect.concurrency.asyncio.concurrency", "2.11.4", false],
  ] as const)("%s in %s: %s", (fq, version, expected) => {
    expect(facts.isAsync(fq, version)).toBe(expected);
  });
});

describe("members", () => {
  it("plain Flow has no submit in 2.20.25, 3.0.0 or 3.8.3, and the list is complete", () => {
    for (const v of ["2.20.25", "3.0.0", "3.8.3"]) {
      const m = facts.members("prefect.flows.Flow", v);
      expect(m?.complete).toBe(true);
      expect(m?.names).toContain("serve");
      expect(m?.names).not.toContain("submit");
    }
  });

  it("InfrastructureBoundFlow inherits Flow's members and adds submit", () => {
    const m = names("prefect.flows.InfrastructureBoundFlow", "3.8.3");
    expect(m).toContain("submit");
    expect(m).toContain("serve");
  });

  it("Task.delay is absent in 2.x and present from 3.0.0", () => {
    expect(names("prefect.tasks.Task", "2.20.25")).not.toContain("delay");
    expect(names("prefect.tasks.Task", "3.0.0")).toContain("delay");
    expect(names("prefect.Task", "3.0.0")).toContain("delay");
  });

  it("FlowRun has no wait or result, provably (pydantic base known)", () => {
    for (const v of ["2.20.25", "3.0.0", "3.8.3"]) {
      const m = facts.members("prefect.client.schemas.objects.FlowRun", v);
      expect(m?.complete).toBe(true);
      expect(m?.names).not.toContain("wait");
      expect(m?.names).not.toContain("result");
      expect(m?.names).toContain("state");
      expect(m?.names).toContain("model_dump");
      expect(m?.names).toContain("id");
    }
  });

  it("is undefined for a class that does not exist in the release", () => {
    expect(facts.members("prefect.task_runners.ProcessPoolTaskRunner", "3.4.10")).toBeUndefined();
  });
});

describe("modules", () => {
  it("lists a module's names in a release", () => {
    expect(facts.namesIn("prefect.futures", "3.0.0")).toEqual(expect.arrayContaining(["wait", "as_completed"]));
    expect(facts.namesIn("prefect.futures", "2.20.25")).not.toContain("wait");
    expect(facts.namesIn("prefect.flows.Flow", "3.0.0")).toBeUndefined();
    expect(facts.moduleOf("prefect.flows.Flow.serve")).toBe("prefect.flows");
  });
});

describe("parameters and returns", () => {
  it("task's cache_policy arrives in 3.0.0", () => {
    expect(paramNames("prefect.tasks.task", "2.20.25")).not.toContain("cache_policy");
    expect(paramNames("prefect.tasks.task", "3.0.0")).toContain("cache_policy");
    expect(paramNames("prefect.tasks.Task.__init__", "3.0.0")).toContain("cache_policy");
    expect(paramNames("prefect.tasks.Task", "3.0.0")).toContain("cache_policy");
  });

  it("constructors drop self; the flow decorator keeps its options after it became an object", () => {
    expect(facts.params("prefect.task_runners.ThreadPoolTaskRunner", "3.4.0")).toEqual([
      { name: "max_workers", kind: "positional", hasDefault: true, defaultValue: "None" },
    ]);
    expect(paramNames("prefect.flow", "3.8.3")).toContain("log_prints");
    expect(paramNames("prefect.flow", "2.20.25")).toContain("task_runner");
  });

  it.each([
    ["timeout_seconds", [["2.0.0", "3.8.3"]]],
    ["on_running", [["2.16.3", "3.8.3"]]],
  ])("the flow decorator's %s history runs on through its alias after 3.1.8", (param, ranges) => {
    expect(facts.paramRanges("prefect.flows.flow", param)).toEqual(ranges);
    expect(facts.paramSpan("prefect.flows.flow", param)?.last).toBe("3.8.3");
  });

  it("run_deployment takes job_variables in 3.x, not infra_overrides, and returns a FlowRun", () => {
    const p = paramNames("prefect.deployments.run_deployment", "3.8.3");
    expect(p).toContain("job_variables");
    expect(p).not.toContain("infra_overrides");
    expect(paramNames("prefect.deployments.run_deployment", "2.20.25")).toContain("infra_overrides");
    expect(facts.returns("prefect.deployments.run_deployment", "3.8.3")).toMatch(/FlowRun/);
    expect(facts.returnType("prefect.deployments.run_deployment", "3.8.3")).toBe(
      "prefect.client.schemas.objects.FlowRun",
    );
  });

  it("locates definitions before submodules and re-exports", () => {
    expect(facts.locate("task", "3.8.3")[0]).toBe("prefect.tasks.task");
    expect(facts.locate("Flow", "3.8.3")[0]).toBe("prefect.flows.Flow");
    expect(facts.locate("task", "3.8.3")).toContain("prefect.task");
  });

  it("locates run_deployment at its defining module and its public re-export", () => {
    const where = facts.locate("run_deployment", "3.8.3");
    expect(where[0]).toBe("prefect.deployments.flow_runs.run_deployment");
    expect(where).toContain("prefect.deployments.run_deployment");
  });
});

describe("deprecation", () => {
  it("combines curated ranges with the surface flags", () => {
    expect(facts.isDeprecated("prefect.runner.submit_to_runner", "3.3.0")).toBe(false);
    expect(facts.isDeprecated("prefect.runner.submit_to_runner", "3.3.5")).toBe(true);
    expect(facts.isDeprecated("prefect.blocks.system.JSON", "3.1.0")).toBe(true);
    expect(facts.isDeprecated("prefect.blocks.system.JSON", "2.20.25")).toBe(false);
    expect(facts.isDeprecated("prefect.deployments.Deployment.build_from_flow", "2.20.25")).toBe(true);
    // From the 2.16.4 deprecations on, not before.
    expect(facts.isDeprecated("prefect.deployments.deployments.Deployment.build_from_flow", "2.19.3")).toBe(true);
    expect(facts.isDeprecated("prefect.deployments.deployments.Deployment.build_from_flow", "2.14.21")).toBe(false);
  });

  it("overrides heuristic flags that are about a parameter, not the callable", () => {
    expect(facts.isDeprecated("prefect.flow_runs.wait_for_flow_run", "3.8.3")).toBe(false);
    expect(facts.isDeprecated("prefect.flows.Flow.to_deployment", "2.20.25")).toBe(false);
  });
});

describe("suggestions", () => {
  it("finds close names, same module first", () => {
    expect(facts.suggest("prefect.futures.wiat", "3.8.3")[0]).toBe("prefect.futures.wait");
    expect(facts.suggest("prefect.task_runners.ProcesPoolTaskRunner")).toContain(
      "prefect.task_runners.ProcessPoolTaskRunner",
    );
    expect(facts.suggest("")).toEqual([]);
  });
});

describe("CLI", () => {
  it("knows `prefect task-run logs` in 2.20.25 with its flags, and not before 2.16.5", () => {
    const logs = facts.cliCommand(["task-run", "logs"], "2.20.25");
    expect(logs?.options).toEqual(expect.arrayContaining(["head", "num-logs", "reverse", "tail"]));
    expect(facts.cliCommand(["task-run", "logs"], "2.16.0")).toBeUndefined();
    expect(facts.cliCommand(["task-run", "logs"], "3.8.3")?.options).toContain("output");
  });

  it("keeps root commands the newer surfaces leave out, and drops agents in 3.x", () => {
    expect(facts.cliCommand(["deploy"], "3.8.3")?.group).toBe("");
    expect(facts.cliCommand(["version"], "3.8.3")).toBeDefined();
    expect(facts.cliCommand(["agent", "start"], "2.20.25")).toBeDefined();
    expect(facts.cliCommand(["agent", "start"], "3.0.0")).toBeUndefined();
    expect(facts.cliReplacement(["agent", "start"])).toMatch(/worker/);
    expect(facts.cliGroups("3.8.3")).toContain("work-pool");
  });
});

describe("command-line history over every release", () => {
  it("knows when commands and their flags exist", () => {
    expect(facts.commandHistory("agent start", "3.4.20")?.present).toBe(false);
    expect(facts.commandHistory("agent start", "2.20.25")?.present).toBe(true);
    expect(facts.commandHistory("worker start", "3.4.20")?.options).toContain("--pool");
    expect(facts.commandHistory("task-run logs", "2.16.0")?.present).toBe(false);
    expect(facts.commandHistory("task-run logs", "2.16.5")?.present).toBe(true);
  });

  it.each([
    // A group written alone exists while any of its commands does.
    ["automation", "3.4.22", false, "3.6.19"],
    ["automation", "3.6.19", true, "3.6.19"],
    ["agent", "3.0.0", false, "2.0.0"],
    ["agent", "2.20.25", true, "2.0.0"],
  ])("knows when the group `prefect %s` exists (%s: %s, since %s)", (group, release, present, first) => {
    const fact = facts.commandGroupHistory(group, release);
    expect(fact?.present).toBe(present);
    expect(fact?.first).toBe(first);
  });

  it("has no history for a group no release had", () => {
    expect(facts.commandGroupHistory("no-such-group", "3.4.20")).toBeUndefined();
    // A group is not a command: the command history keeps to commands.
    expect(facts.commandHistory("automation", "3.6.19")).toBeUndefined();
  });

  it("lists a command group's commands (history keys), and none for a group no release had", () => {
    expect(facts.commandsInGroup("agent")).toContain("agent start");
    expect(facts.commandsInGroup("concurrency-limit")).toEqual(expect.arrayContaining(["concurrency-limit create"]));
    expect(facts.commandsInGroup("concurrency")).not.toContain("concurrency-limit create");
    expect(facts.commandsInGroup("no-such-group")).toEqual([]);
  });

  it("lists the commands an upgrade removes, with the last release that had each", () => {
    expect(facts.removedCommands("2.20.25", "3.4.20")).toContainEqual({
      command: "agent start",
      lastRelease: "2.20.25",
    });
    expect(facts.removedCommands("3.4.20", "3.4.20")).toEqual([]);
  });

  it("keeps parameter defaults as written in the source", () => {
    const poll = facts.params("prefect.deployments.run_deployment", "3.4.20")?.find((p) => p.name === "poll_interval");
    expect(poll?.defaultValue).toBe("5");
  });
});
