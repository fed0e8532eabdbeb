// Facts the parsed API cannot tell: what replaced a removed or moved API, deprecations the source heuristic misses,
// and heuristic flags that are wrong. Written in Orca's words; releases are the first one where the fact holds.
// 2.16.4 deprecated agents, infrastructure blocks, the `Deployment` class with `prefect deployment build`/`apply`, and
// the storage blocks that integration packages implement (its release notes' "Deprecations").

export interface CuratedNote {
  /** Fully qualified names; a trailing ".*" covers every name under that module or class. */
  names: readonly string[];
  replacement: string;
  /** First release where the API is deprecated. */
  deprecatedFrom?: string;
  /** First release without the API. */
  removedIn?: string;
}

export const CURATED_NOTES: readonly CuratedNote[] = [
  {
    names: [
      "prefect.deployments.Deployment",
      "prefect.deployments.deployments.Deployment",
      "prefect.deployments.*.Deployment.*",
    ],
    replacement:
      "Deployment and Deployment.build_from_flow(...).apply() are gone in Prefect 3: use flow.serve(...) for a " +
      "long-running process, flow.deploy(name=..., work_pool_name=...) for a work pool, or `prefect deploy` with prefect.yaml.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: [
      "prefect.deployments.Deployment.build_from_flow",
      "prefect.deployments.deployments.Deployment.build_from_flow",
    ],
    replacement:
      "build_from_flow was removed in Prefect 3: call flow.deploy(...) or flow.serve(...), or run `prefect deploy`.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.agent.*", "prefect.agent", "prefect.cli.agent.*"],
    replacement:
      "Agents were replaced by workers in Prefect 3: create a work pool and run `prefect worker start --pool <name>`.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: [
      "prefect.infrastructure.Process",
      "prefect.infrastructure.DockerContainer",
      "prefect.infrastructure.KubernetesJob",
      "prefect.infrastructure.Infrastructure",
      "prefect.infrastructure.process.*",
      "prefect.infrastructure.container.*",
      "prefect.infrastructure.kubernetes.*",
      "prefect.infrastructure.base.*",
    ],
    replacement:
      "Infrastructure blocks were removed in Prefect 3: pick a work pool of the matching type (process, docker, " +
      "kubernetes) and run a worker for it; per-deployment settings go in job_variables.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.filesystems.S3"],
    replacement: "Use prefect_aws.S3Bucket from the prefect-aws package.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.filesystems.GCS"],
    replacement: "Use prefect_gcp.GcsBucket from the prefect-gcp package.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.filesystems.Azure"],
    replacement: "Use prefect_azure.AzureBlobStorageContainer from the prefect-azure package.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.filesystems.GitHub"],
    replacement: "Use prefect_github.GitHubRepository from the prefect-github package.",
    deprecatedFrom: "2.16.4",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.blocks.system.JSON", "prefect.blocks.system.String", "prefect.blocks.system.DateTime"],
    replacement:
      "Store plain values as Variables instead: from prefect.variables import Variable; Variable.set(name, value) " +
      "and Variable.get(name). Keep credentials in a Secret block.",
    deprecatedFrom: "3.0.0",
    removedIn: "3.5.0",
  },
  {
    names: ["prefect.task_runners.SequentialTaskRunner"],
    replacement:
      "SequentialTaskRunner no longer exists in Prefect 3: call the tasks directly (a direct call runs them one " +
      "after another), or use ThreadPoolTaskRunner(max_workers=1).",
    removedIn: "3.0.0",
  },
  {
    names: [
      "prefect.runner.submit_to_runner",
      "prefect.runner.wait_for_submitted_runs",
      "prefect.runner.submit.submit_to_runner",
      "prefect.runner.submit.wait_for_submitted_runs",
      "prefect.runner.submit",
    ],
    replacement:
      "Serve the flow (flow.serve(...) or prefect.serve(...)) and trigger it with " +
      "prefect.deployments.run_deployment(...), or turn the work into background tasks (task.delay() with a task worker).",
    deprecatedFrom: "3.3.4",
    removedIn: "3.5.0",
  },
  {
    names: ["prefect.engine.pause_flow_run", "prefect.engine.resume_flow_run", "prefect.engine.suspend_flow_run"],
    replacement:
      "In Prefect 3 these live in prefect.flow_runs (also importable from the top-level prefect package): " +
      "from prefect.flow_runs import pause_flow_run.",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.variables.get"],
    replacement:
      "Use the Variable class: from prefect.variables import Variable; Variable.get(name, default) returns the value in 3.x.",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.wait", "prefect.as_completed"],
    replacement:
      "These are not exported by the top-level package: from prefect.futures import wait, as_completed (3.0+).",
  },
  {
    names: ["prefect.task_server.serve", "prefect.task_server.*"],
    replacement: "Background tasks are served with prefect.task_worker.serve(*tasks) or my_task.serve() in Prefect 3.",
    removedIn: "3.0.0",
  },
  {
    names: ["prefect.task_runners.DaskTaskRunner"],
    replacement: "DaskTaskRunner lives in the prefect-dask package: from prefect_dask import DaskTaskRunner.",
  },
  {
    names: ["prefect.task_runners.RayTaskRunner"],
    replacement: "RayTaskRunner lives in the prefect-ray package: from prefect_ray import RayTaskRunner.",
  },
  {
    names: ["prefect.flows.Flow.submit"],
    replacement:
      "Plain flows have no .submit(): call the flow as a subflow (it returns the result), or trigger a deployment " +
      "with run_deployment(...). Only infrastructure-bound flows (3.3.6+) can be submitted.",
  },
  {
    names: ["prefect.client.schemas.objects.FlowRun.wait", "prefect.client.schemas.objects.FlowRun.result"],
    replacement:
      "A FlowRun is a plain record: run_deployment(...) already waits for a final state unless timeout=0; to wait " +
      "later, await prefect.flow_runs.wait_for_flow_run(flow_run.id), then read flow_run.state.",
  },
  {
    names: ["prefect.client.OrionClient", "prefect.client.orion.OrionClient", "prefect.client.orion.*"],
    replacement: "OrionClient was renamed PrefectClient (2.8.1); get one with prefect.get_client().",
    removedIn: "2.8.1",
  },
  {
    names: ["prefect.orion", "prefect.orion.*"],
    replacement: "prefect.orion was renamed prefect.server in 2.8.1.",
    removedIn: "2.8.1",
  },
];

/** Heuristic deprecation flags that are wrong (a parameter is deprecated, not the callable). */
/** The classes `@flow` and `@task` make: what an asker's flows and tasks are, and the parameters they take. */
export const FLOW_AND_TASK_CLASSES = ["prefect.flows.Flow", "prefect.tasks.Task"] as const;

export const NOT_DEPRECATED: ReadonlySet<string> = new Set([
  "prefect.flow_runs.wait_for_flow_run",
  "prefect.deployments.deployments.run_deployment",
  "prefect.deployments.flow_runs.run_deployment",
  "prefect.flows.Flow.to_deployment",
  "prefect.client.schemas.objects.State.result",
  "prefect.states.get_state_result",
]);

/**
 * Callables whose parameters live elsewhere: from 3.1.9 `flow` is an instance of FlowDecorator, so its
 * parameters are those of FlowDecorator.__call__.
 */
export const CALLABLE_ALIASES: Readonly<Record<string, string>> = {
  "prefect.flows.flow": "prefect.flows.FlowDecorator.__call__",
};

/** Root `prefect <command>`s the newer CLI surfaces do not list under a group (cyclopts/typer root commands). */
export const ROOT_COMMANDS: Readonly<Record<string, { since: string }>> = {
  deploy: { since: "2.10.0" },
  init: { since: "2.10.0" },
  version: { since: "2.0.0" },
};

/** First releases of CLI groups and commands, for 2.x releases older than the oldest full surface. */
export const CLI_SINCE: Readonly<Record<string, string>> = {
  "task-run": "2.16.5",
  "flow-run logs": "2.7.5",
  "work-pool": "2.7.11",
  worker: "2.10.0",
  deploy: "2.10.0",
  init: "2.10.0",
  server: "2.8.1",
};

/** Removed CLI commands and what to run instead. Keys are "group command". */
export const CLI_REPLACEMENTS: Readonly<Record<string, string>> = {
  "agent start": "Prefect 3 has no agents: run `prefect worker start --pool <work-pool-name>`.",
  "deployment build": "Removed in Prefect 3: describe deployments in prefect.yaml and run `prefect deploy`.",
  "deployment apply": "Removed in Prefect 3: run `prefect deploy` (or flow.deploy(...) in Python).",
  "orion start": "Renamed in 2.8.1: run `prefect server start`.",
};

export function curatedNote(fq: string): CuratedNote | undefined {
  let best: CuratedNote | undefined;
  let bestLength = -1;
  for (const note of CURATED_NOTES) {
    for (const pattern of note.names) {
      const length = matchLength(pattern, fq);
      if (length > bestLength) {
        best = note;
        bestLength = length;
      }
    }
  }
  return best;
}

/** How specifically `pattern` matches `fq`: -1 no match, exact matches beat wildcard ones. */
function matchLength(pattern: string, fq: string): number {
  if (pattern === fq) return Number.MAX_SAFE_INTEGER;
  if (!pattern.endsWith(".*")) return -1;
  const parts = pattern.slice(0, -2).split(".");
  const target = fq.split(".");
  if (target.length <= parts.length) return -1;
  return parts.every((p, i) => p === "*" || p === target[i]) ? parts.length : -1;
}

/**
 * Callable attributes Prefect sets on instances at run time (`Task.fn`, `Flow.fn`, a task's `cache_key_fn`), which the
 * class facts read from the source cannot list: their absence from a class's members proves nothing.
 */
export const INSTANCE_CALLABLES: ReadonlySet<string> = new Set([
  "fn",
  "cache_key_fn",
  "result_serializer",
  "task_runner",
]);
