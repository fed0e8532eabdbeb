// The only module that reads the environment. Everything else receives a typed OrcaConfig.
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "./errors.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: `must be a positive whole number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const urlString = (fallback?: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = v === undefined || v.trim() === "" ? fallback : v.trim();
      if (value === undefined) return undefined;
      try {
        const url = new URL(value);
        if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("protocol");
      } catch {
        ctx.addIssue({ code: "custom", message: `must be an http(s) URL, got "${value}"` });
        return z.NEVER;
      }
      return value.endsWith("/") ? value : `${value}/`;
    });

/** A public channel id (C…) or name (#name or name); DMs (D…) and private or group conversations (G…) are refused. */
const CHANNEL_REF = /^(?:C[A-Z0-9]{2,}|#?[a-z0-9][a-z0-9._-]{0,79})$/;

const channelList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const items = (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    for (const item of items) {
      if (/^[DG][A-Z0-9]{2,}$/.test(item)) {
        ctx.addIssue({
          code: "custom",
          message: `lists "${item}", a direct or private conversation; only public channels can be indexed`,
        });
        return z.NEVER;
      }
      if (!CHANNEL_REF.test(item)) {
        ctx.addIssue({
          code: "custom",
          message: `must be public channel ids (C…) or names, comma-separated; got "${item}"`,
        });
        return z.NEVER;
      }
    }
    return items.map((s) => s.replace(/^#/, ""));
  });

const schema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^xox[a-z]-/.test(v), {
    message: "must be a Slack bot token (xoxb-...)",
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xapp-"), {
    message: "must be a Slack app-level token (xapp-...)",
  }),
  SLACK_API_URL: urlString("https://slack.com/api/"),
  SLACK_BOT_USER_ID: optionalString,
  PORT: positiveInt(3000).refine((n) => n < 65536, { message: "must be a TCP port below 65536" }),
  ORCA_DATA_DIR: z
    .string()
    .optional()
    .transform((v) => path.resolve(v === undefined || v.trim() === "" ? ".orca" : v.trim())),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: urlString(),
  OPENAI_MODEL: optionalString.transform((v) => v ?? "gpt-4o-mini"),
  OPENAI_EMBEDDING_MODEL: optionalString,
  LOG_LEVEL: optionalString.transform((v) => v ?? "info").pipe(z.enum(LOG_LEVELS)),
  ORCA_RATE_LIMIT_PER_MINUTE: positiveInt(10),
  ORCA_ANSWER_TIMEOUT_MS: positiveInt(60_000),
  ORCA_THREAD_MAX_MESSAGES: positiveInt(200),
  ORCA_THREAD_MAX_CHARS: positiveInt(60_000),
  ORCA_DOCS_DIR: optionalString,
  ORCA_INDEX_CHANNELS: channelList,
  ORCA_RETENTION_DAYS: positiveInt(30),
  ORCA_DELIVERY_RETRY_MS: positiveInt(600_000),
  ORCA_DELIVERY_BACKOFF_MS: positiveInt(1_000),
  ORCA_MAX_RETRY_AFTER_MS: positiveInt(10_000),
  ORCA_QUEUE_CAP: positiveInt(5_000),
  ORCA_TRIAGE_CONFIG: optionalString,
  GITHUB_TOKEN: optionalString,
  GITHUB_API_URL: urlString("https://api.github.com/"),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SlackConfig {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl: string;
  botUserId?: string;
  port: number;
}

export interface LlmConfig {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  embeddingModel?: string;
}

export interface OrcaConfig {
  slack: SlackConfig;
  llm: LlmConfig;
  /** True when a key or a base URL is configured: answers use the model, with offline fallback. */
  llmEnabled: boolean;
  dataDir: string;
  logLevel: LogLevel;
  rateLimitPerMinute: number;
  answerTimeoutMs: number;
  threadMaxMessages: number;
  threadMaxChars: number;
  /** Extra docs folder to index with the default knowledge (for example a checkout of the Prefect docs). */
  docsDir?: string;
  /**
   * Public channels (ids or names, without "#") whose helpful or resolved threads may enter the shared
   * past-conversation index. Empty: nothing from Slack is indexed. DMs and private channels never are.
   */
  indexChannels: string[];
  /** Finished jobs, feedback and resolved-thread records older than this are deleted from the state store. */
  retentionDays: number;
  /** How long a reply is retried (with backoff, across restarts) before the asker gets an apology instead. */
  deliveryRetryMs: number;
  /** First wait between delivery attempts; it doubles up to a minute. */
  deliveryBackoffMs: number;
  /** The longest Slack Retry-After honoured by waiting; a longer one reschedules the job instead. */
  maxRetryAfterMs: number;
  /** Pending jobs beyond which new questions are not acknowledged (Slack delivers them again later). */
  queueCap: number;
  /** Support triage settings file (watched channels, routing, SLA); triage is off without it. */
  triageConfigFile?: string;
  github: { token?: string; apiUrl: string };
  /** Every secret value, for log and reply redaction. */
  secrets: string[];
}

/** Reads and validates configuration; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): OrcaConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new ConfigError(variable, `${variable} ${issue?.message ?? "is invalid"}`);
  }
  const e = parsed.data;
  const secrets = [
    e.SLACK_BOT_TOKEN,
    e.SLACK_SIGNING_SECRET,
    e.SLACK_APP_TOKEN,
    e.OPENAI_API_KEY,
    e.GITHUB_TOKEN,
  ].filter((s): s is string => s !== undefined);
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL ?? "https://slack.com/api/",
      botUserId: e.SLACK_BOT_USER_ID,
      port: e.PORT,
    },
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL,
    },
    llmEnabled: e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined,
    dataDir: e.ORCA_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.ORCA_RATE_LIMIT_PER_MINUTE,
    answerTimeoutMs: e.ORCA_ANSWER_TIMEOUT_MS,
    threadMaxMessages: e.ORCA_THREAD_MAX_MESSAGES,
    threadMaxChars: e.ORCA_THREAD_MAX_CHARS,
    docsDir: e.ORCA_DOCS_DIR,
    indexChannels: e.ORCA_INDEX_CHANNELS,
    retentionDays: e.ORCA_RETENTION_DAYS,
    deliveryRetryMs: e.ORCA_DELIVERY_RETRY_MS,
    deliveryBackoffMs: e.ORCA_DELIVERY_BACKOFF_MS,
    maxRetryAfterMs: e.ORCA_MAX_RETRY_AFTER_MS,
    queueCap: e.ORCA_QUEUE_CAP,
    ...(e.ORCA_TRIAGE_CONFIG ? { triageConfigFile: path.resolve(e.ORCA_TRIAGE_CONFIG) } : {}),
    github: {
      ...(e.GITHUB_TOKEN ? { token: e.GITHUB_TOKEN } : {}),
      apiUrl: e.GITHUB_API_URL ?? "https://api.github.com/",
    },
    secrets,
  };
}

/** Slack serving needs a bot token plus either a signing secret (HTTP) or an app token (Socket Mode). */
export function slackMode(config: OrcaConfig): "http" | "socket" | "none" {
  const { botToken, signingSecret, appToken } = config.slack;
  if (!botToken) return "none";
  if (appToken) return "socket";
  if (signingSecret) return "http";
  return "none";
}
