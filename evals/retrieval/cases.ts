// Question -> expected page pairs over the shared Prefect docs corpus (paths relative to the corpus root).
// Questions are phrased the way people ask in support threads, not copied from page titles. A case passes
// when any of its expected pages is retrieved.

export interface RetrievalCase {
  question: string;
  prefectMajor: 2 | 3;
  expected: string[];
}

export const RETRIEVAL_CASES: RetrievalCase[] = [
  // Prefect 3
  {
    question: "how do I run tasks in parallel threads inside a flow with ThreadPoolTaskRunner",
    prefectMajor: 3,
    expected: ["v3/concepts/task-runners.mdx", "v3/how-to-guides/workflows/run-work-concurrently.mdx"],
  },
  {
    question: "what is the difference between calling .submit and .map on a task",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/run-work-concurrently.mdx", "v3/concepts/task-runners.mdx"],
  },
  {
    question: "my task should retry 3 times with a delay when an API call fails",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/retries.mdx"],
  },
  {
    question: "skip re-running a task when its inputs did not change, cache key from inputs",
    prefectMajor: 3,
    expected: [
      "v3/concepts/caching.mdx",
      "v3/how-to-guides/workflows/cache-workflow-steps.mdx",
      "v3/advanced/caching.mdx",
    ],
  },
  {
    question: "write a custom cache policy and set cache expiration",
    prefectMajor: 3,
    expected: [
      "v3/advanced/caching.mdx",
      "v3/concepts/caching.mdx",
      "v3/how-to-guides/workflows/cache-workflow-steps.mdx",
    ],
  },
  {
    question: "persist task results to S3 storage so they survive a restart",
    prefectMajor: 3,
    expected: ["v3/advanced/results.mdx"],
  },
  {
    question: "how do I use the logger inside a task and print statements as logs",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/add-logging.mdx", "v3/advanced/logging-customization.mdx"],
  },
  {
    question: "limit how many tasks with a given tag run at the same time",
    prefectMajor: 3,
    expected: [
      "v3/concepts/tag-based-concurrency-limits.mdx",
      "v3/how-to-guides/workflows/tag-based-concurrency-limits.mdx",
    ],
  },
  {
    question: "global concurrency limit with the concurrency context manager to throttle a database",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/global-concurrency-limits.mdx", "v3/concepts/global-concurrency-limits.mdx"],
  },
  {
    question: "rate limit calls to an external API with rate_limit",
    prefectMajor: 3,
    expected: [
      "v3/concepts/rate-limits.mdx",
      "v3/how-to-guides/workflows/global-concurrency-limits.mdx",
      "v3/concepts/global-concurrency-limits.mdx",
    ],
  },
  {
    question: "run a function when a flow run fails, on_failure hook",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/state-change-hooks.mdx"],
  },
  {
    question: "pause a flow run and wait for a human to approve with input",
    prefectMajor: 3,
    expected: ["v3/advanced/interactive.mdx"],
  },
  {
    question: "cancel a running flow run from the CLI and what happens to the infrastructure",
    prefectMajor: 3,
    expected: ["v3/advanced/cancel-workflows.mdx"],
  },
  {
    question: "flows stuck in Running after the worker crashed, detect zombie runs",
    prefectMajor: 3,
    expected: ["v3/advanced/detect-zombie-flows.mdx"],
  },
  {
    question: "difference between flow.serve and flow.deploy for creating a deployment",
    prefectMajor: 3,
    expected: [
      "v3/how-to-guides/deployments/create-deployments.mdx",
      "v3/concepts/deployments.mdx",
      "v3/how-to-guides/deployment_infra/run-flows-in-local-processes.mdx",
    ],
  },
  {
    question: "what goes in prefect.yaml pull steps build push sections",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/deployments/prefect-yaml.mdx"],
  },
  {
    question: "deploy a flow whose code lives in a GitHub repository using from_source",
    prefectMajor: 3,
    expected: [
      "v3/how-to-guides/deployments/store-flow-code.mdx",
      "v3/how-to-guides/deployments/deploy-via-python.mdx",
    ],
  },
  {
    question: "trigger a deployment from another flow with run_deployment and wait for it",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/deployments/run-deployments.mdx"],
  },
  {
    question: "add a cron schedule to my deployment",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/deployments/create-schedules.mdx", "v3/concepts/schedules.mdx"],
  },
  {
    question: "override job variables like image or env vars for one deployment",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/deployments/customize-job-variables.mdx"],
  },
  {
    question: "run a worker that polls a Kubernetes work pool",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/deployment_infra/kubernetes.mdx"],
  },
  {
    question: "what is a work pool and how do workers pick up scheduled runs",
    prefectMajor: 3,
    expected: ["v3/concepts/work-pools.mdx", "v3/concepts/workers.mdx"],
  },
  {
    question: "run flows in Docker containers with a docker work pool",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/deployment_infra/docker.mdx"],
  },
  {
    question: "edit the base job template of a work pool",
    prefectMajor: 3,
    expected: [
      "v3/advanced/customize-base-job-templates.mdx",
      "v3/how-to-guides/deployment_infra/manage-work-pools.mdx",
    ],
  },
  {
    question: "keep a worker running as a systemd service on Linux",
    prefectMajor: 3,
    expected: ["v3/advanced/daemonize-processes.mdx"],
  },
  {
    question: "self-host the Prefect server with a PostgreSQL database",
    prefectMajor: 3,
    expected: [
      "v3/how-to-guides/self-hosted/server-cli.mdx",
      "v3/advanced/self-hosted.mdx",
      "v3/how-to-guides/self-hosted/docker-compose.mdx",
    ],
  },
  {
    question: "serve the Prefect UI behind nginx under a sub path, PREFECT_UI_SERVE_BASE",
    prefectMajor: 3,
    expected: [
      "v3/advanced/security-settings.mdx",
      "v3/how-to-guides/self-hosted/server-cli.mdx",
      "v3/advanced/self-hosted.mdx",
    ],
  },
  {
    question: "switch between profiles and set PREFECT_API_URL",
    prefectMajor: 3,
    expected: ["v3/concepts/settings-and-profiles.mdx", "v3/how-to-guides/configuration/manage-settings.mdx"],
  },
  {
    question: "store an API token as a Secret block and load it in a flow",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/configuration/store-secrets.mdx", "v3/concepts/blocks.mdx"],
  },
  {
    question: "set and read a Prefect variable from code",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/configuration/variables.mdx", "v3/concepts/variables.mdx"],
  },
  {
    question: "create an automation that sends a notification when a flow run fails",
    prefectMajor: 3,
    expected: [
      "v3/how-to-guides/automations/creating-automations.mdx",
      "v3/concepts/automations.mdx",
      "v3/how-to-guides/automations/custom-notifications.mdx",
    ],
  },
  {
    question: "start a deployment when an event happens, deployment trigger",
    prefectMajor: 3,
    expected: [
      "v3/how-to-guides/automations/creating-deployment-triggers.mdx",
      "v3/concepts/event-triggers.mdx",
      "v3/how-to-guides/automations/chaining-deployments-with-events.mdx",
    ],
  },
  { question: "emit a custom event from my code", prefectMajor: 3, expected: ["v3/concepts/events.mdx"] },
  {
    question: "run background tasks with .delay and a task worker",
    prefectMajor: 3,
    expected: ["v3/advanced/background-tasks.mdx", "v3/how-to-guides/workflows/run-background-tasks.mdx"],
  },
  {
    question: "transactions with rollback hooks so side effects are undone",
    prefectMajor: 3,
    expected: ["v3/advanced/transactions.mdx"],
  },
  {
    question: "get the flow run id and name at runtime",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/access-runtime-info.mdx", "v3/concepts/runtime-context.mdx"],
  },
  {
    question: "upgrade from agents to workers when moving to Prefect 3",
    prefectMajor: 3,
    expected: [
      "v3/how-to-guides/migrate/upgrade-agents-to-workers.mdx",
      "v3/how-to-guides/migrate/upgrade-to-prefect-3.mdx",
    ],
  },
  {
    question: "what changed in Prefect 3 compared to 2, breaking changes when upgrading",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/migrate/upgrade-to-prefect-3.mdx", "v3/get-started/whats-new-prefect-3.mdx"],
  },
  {
    question: "publish a markdown table artifact from a task",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/artifacts.mdx", "v3/concepts/artifacts.mdx"],
  },
  {
    question: "unit test my flows with prefect_test_harness",
    prefectMajor: 3,
    expected: ["v3/how-to-guides/workflows/test-workflows.mdx"],
  },
  {
    question: "Dask task runner for distributed execution",
    prefectMajor: 3,
    expected: ["v3/concepts/task-runners.mdx", "v3/integrations/prefect-dask/index.mdx"],
  },
  {
    question: "what are the possible states of a flow run, Completed Failed Crashed",
    prefectMajor: 3,
    expected: ["v3/concepts/states.mdx"],
  },
  // Prefect 2
  {
    question: "how do I start an agent to pick up work from a work queue",
    prefectMajor: 2,
    expected: ["v2/concepts/agents.md", "v2/concepts/work-pools.md"],
  },
  {
    question: "build a deployment with Deployment.build_from_flow",
    prefectMajor: 2,
    expected: ["v2/concepts/deployments-block-based.md"],
  },
  {
    question: "ConcurrentTaskRunner versus SequentialTaskRunner",
    prefectMajor: 2,
    expected: ["v2/concepts/task-runners.md"],
  },
  {
    question: "use DaskTaskRunner and RayTaskRunner in Prefect 2",
    prefectMajor: 2,
    expected: ["v2/guides/dask-ray-task-runners.md", "v2/concepts/task-runners.md"],
  },
  {
    question: "configure storage blocks like S3 for deployment code in 2.x",
    prefectMajor: 2,
    expected: ["v2/concepts/storage.md", "v2/concepts/filesystems.md", "v2/guides/deployment/storage-guide.md"],
  },
  {
    question: "infrastructure blocks such as Process, DockerContainer and KubernetesJob",
    prefectMajor: 2,
    expected: ["v2/concepts/infrastructure.md"],
  },
  {
    question: "upgrade guide for replacing agents with workers",
    prefectMajor: 2,
    expected: ["v2/guides/upgrade-guide-agents-to-workers.md"],
  },
  {
    question: "persist results and configure result storage in Prefect 2",
    prefectMajor: 2,
    expected: ["v2/concepts/results.md"],
  },
  {
    question: "state change hooks on_completion in Prefect 2",
    prefectMajor: 2,
    expected: ["v2/guides/state-change-hooks.md"],
  },
  { question: "host a Prefect 2 server and configure the database", prefectMajor: 2, expected: ["v2/guides/host.md"] },
  {
    question: "prefect deploy command with prefect.yaml in 2.x",
    prefectMajor: 2,
    expected: ["v2/guides/prefect-deploy.md"],
  },
];
