// The triage vocabulary: the kind and topic ids every classification, report and labelled set uses.

export const KINDS = ["question", "bug", "feature", "incident", "discussion", "off-topic"] as const;
export type ThreadKind = (typeof KINDS)[number];

export const TOPICS = [
  "deployments",
  "workers-and-pools",
  "task-runners-and-futures",
  "caching-and-results",
  "scheduling",
  "automations-and-events",
  "server-and-database",
  "cloud-and-auth",
  "integrations",
  "cli",
  "migration",
  "logging",
  "blocks-variables-secrets",
  "retries-and-timeouts",
  "concurrency",
  "states-and-cancellation",
  "other",
] as const;
export type ThreadTopic = (typeof TOPICS)[number];

export function isKind(value: unknown): value is ThreadKind {
  return typeof value === "string" && (KINDS as readonly string[]).includes(value);
}

export function isTopic(value: unknown): value is ThreadTopic {
  return typeof value === "string" && (TOPICS as readonly string[]).includes(value);
}
