// Prefect's integration packages (pip install prefect-aws, ...). They are not in the core API data, so the linter
// must not call their imports unknown; the main exports listed are the well-known entry points, not a full API.

export interface IntegrationPackage {
  /** Import name, e.g. "prefect_aws". */
  module: string;
  /** pip distribution name. */
  pip: string;
  /** Well-known public names importable from the package root (or the submodule given as "sub.Name"). */
  exports: readonly string[];
}

export const INTEGRATIONS: readonly IntegrationPackage[] = [
  {
    module: "prefect_aws",
    pip: "prefect-aws",
    exports: [
      "AwsClientParameters",
      "AwsCredentials",
      "AwsSecret",
      "ECSWorker",
      "LambdaFunction",
      "MinIOCredentials",
      "S3Bucket",
      "s3.s3_download",
      "s3.s3_upload",
      "s3.s3_list_objects",
      "s3.s3_copy",
      "s3.s3_move",
      "secrets_manager.read_secret",
      "deployments.steps.push_to_s3",
      "deployments.steps.pull_from_s3",
    ],
  },
  {
    module: "prefect_gcp",
    pip: "prefect-gcp",
    exports: [
      "BigQueryWarehouse",
      "CloudRunJob",
      "CloudRunWorker",
      "CloudRunWorkerV2",
      "GcpCredentials",
      "GcpSecret",
      "GcsBucket",
      "VertexAIWorker",
      "bigquery.bigquery_query",
      "cloud_storage.cloud_storage_upload_blob_from_file",
      "cloud_storage.cloud_storage_download_blob_as_bytes",
    ],
  },
  {
    module: "prefect_azure",
    pip: "prefect-azure",
    exports: [
      "AzureBlobStorageContainer",
      "AzureBlobStorageCredentials",
      "AzureContainerInstanceCredentials",
      "AzureContainerWorker",
      "AzureCosmosDbCredentials",
      "AzureMlCredentials",
      "blob_storage.blob_storage_download",
      "blob_storage.blob_storage_upload",
      "blob_storage.blob_storage_list",
    ],
  },
  {
    module: "prefect_dask",
    pip: "prefect-dask",
    exports: ["DaskTaskRunner", "get_dask_client", "get_async_dask_client"],
  },
  { module: "prefect_ray", pip: "prefect-ray", exports: ["RayTaskRunner", "context.remote_options"] },
  {
    module: "prefect_kubernetes",
    pip: "prefect-kubernetes",
    exports: ["KubernetesClusterConfig", "KubernetesCredentials", "KubernetesJob", "KubernetesWorker", "kubernetes"],
  },
  {
    module: "prefect_docker",
    pip: "prefect-docker",
    exports: [
      "DockerHost",
      "DockerRegistryCredentials",
      "DockerWorker",
      "docker",
      "deployments.steps.build_docker_image",
      "deployments.steps.push_docker_image",
    ],
  },
  { module: "prefect_shell", pip: "prefect-shell", exports: ["ShellOperation", "shell_run_command"] },
  {
    module: "prefect_sqlalchemy",
    pip: "prefect-sqlalchemy",
    exports: ["AsyncDriver", "ConnectionComponents", "DatabaseCredentials", "SqlAlchemyConnector", "SyncDriver"],
  },
  {
    module: "prefect_dbt",
    pip: "prefect-dbt",
    exports: [
      "BigQueryTargetConfigs",
      "DbtCliProfile",
      "DbtCloudCredentials",
      "DbtCloudJob",
      "DbtCoreOperation",
      "PostgresTargetConfigs",
      "PrefectDbtRunner",
      "PrefectDbtSettings",
      "SnowflakeTargetConfigs",
      "TargetConfigs",
      "cloud.jobs.run_dbt_cloud_job",
      "cli.commands.trigger_dbt_cli_command",
    ],
  },
  {
    module: "prefect_snowflake",
    pip: "prefect-snowflake",
    exports: [
      "SnowflakeConnector",
      "SnowflakeCredentials",
      "database.snowflake_query",
      "database.snowflake_multiquery",
      "database.snowflake_query_sync",
    ],
  },
  { module: "prefect_github", pip: "prefect-github", exports: ["GitHubCredentials", "GitHubRepository"] },
  { module: "prefect_gitlab", pip: "prefect-gitlab", exports: ["GitLabCredentials", "GitLabRepository"] },
  { module: "prefect_bitbucket", pip: "prefect-bitbucket", exports: ["BitBucketCredentials", "BitBucketRepository"] },
  {
    module: "prefect_slack",
    pip: "prefect-slack",
    exports: [
      "SlackCredentials",
      "SlackWebhook",
      "messages.send_chat_message",
      "messages.send_incoming_webhook_message",
    ],
  },
  {
    module: "prefect_email",
    pip: "prefect-email",
    exports: ["EmailServerCredentials", "SMTPServer", "SMTPType", "email_send_message"],
  },
  { module: "prefect_databricks", pip: "prefect-databricks", exports: ["DatabricksCredentials"] },
  { module: "prefect_redis", pip: "prefect-redis", exports: ["RedisDatabase"] },
  { module: "prefect_twilio", pip: "prefect-twilio", exports: ["TwilioCredentials"] },
  { module: "prefect_openai", pip: "prefect-openai", exports: ["OpenAICredentials"] },
];

const BY_MODULE = new Map(INTEGRATIONS.map((p) => [p.module, p]));

/** The integration package a dotted module belongs to ("prefect_aws.s3" -> prefect_aws), if any. */
export function integrationFor(module: string): IntegrationPackage | undefined {
  const root = module.split(".", 1)[0] ?? "";
  return BY_MODULE.get(root);
}

/** True for a module of a known Prefect integration package, e.g. "prefect_dask" or "prefect_aws.s3". */
export function isIntegrationModule(module: string): boolean {
  return integrationFor(module) !== undefined;
}

/** True when `name` is one of the well-known exports of the integration module (root or listed submodule). */
export function isKnownIntegrationExport(module: string, name: string): boolean {
  const pkg = integrationFor(module);
  if (!pkg) return false;
  const sub = module.slice(pkg.module.length + 1);
  const key = sub ? `${sub}.${name}` : name;
  return pkg.exports.includes(key);
}
