// The triage settings file (ORCA_TRIAGE_CONFIG, YAML or JSON): watched channels and their mode, the triage channel,
// topic → owner routing with a cap, the SLA clock and the digest. Validated once at start; a bad file is a
// ConfigError naming the field.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { ConfigError } from "../core/index.js";
import { type ThreadTopic, TOPICS } from "./taxonomy.js";

const slackId = z.string().regex(/^[A-Z0-9]{2,32}$/, "must be a Slack id such as C0123ABC or U0123ABC");
const route = z.object({ owners: z.array(slackId).min(1), cap: z.number().int().positive().default(10) });

const schema = z.object({
  channels: z.record(slackId, z.enum(["answer", "suggest", "silent"])).default({}),
  triage_channel: slackId.optional(),
  /** Below this classifier confidence Orca leaves a thread in an answer channel to humans. */
  answer_min_confidence: z.number().min(0).max(1).default(0.5),
  /** Kinds Orca answers in answer channels; the rest go to a human. */
  answer_kinds: z.array(z.string()).default(["question", "bug"]),
  routing: z
    .object({
      default: route.optional(),
      topics: z.record(z.string(), route).default({}),
    })
    .default({ topics: {} }),
  sla: z
    .object({
      nudge_after_hours: z.number().positive().default(4),
      escalate_after_hours: z.number().positive().default(24),
      stale_after_days: z.number().positive().default(7),
      business_hours: z
        .object({
          start_hour: z.number().int().min(0).max(23),
          end_hour: z.number().int().min(1).max(24),
          days: z.array(z.number().int().min(0).max(6)).default([1, 2, 3, 4, 5]),
          utc_offset_minutes: z.number().int().default(0),
        })
        .optional(),
    })
    .default({ nudge_after_hours: 4, escalate_after_hours: 24, stale_after_days: 7 }),
  digest_hour_utc: z.number().int().min(0).max(23).default(9),
  /** Minimum spacing of Orca's triage posts in one channel (Slack allows about one message per second). */
  post_spacing_ms: z.number().int().min(0).default(1100),
});

export type TriageSettings = z.infer<typeof schema>;
export type Route = z.infer<typeof route>;

export function parseTriageSettings(value: unknown, source = "triage settings"): TriageSettings {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "file";
    throw new ConfigError("ORCA_TRIAGE_CONFIG", `${source}: ${where} ${issue?.message ?? "is invalid"}`);
  }
  const settings = parsed.data;
  for (const topic of Object.keys(settings.routing.topics)) {
    if (!(TOPICS as readonly string[]).includes(topic)) {
      throw new ConfigError("ORCA_TRIAGE_CONFIG", `${source}: routing.topics.${topic} is not a topic id`);
    }
  }
  if (settings.sla.escalate_after_hours < settings.sla.nudge_after_hours) {
    throw new ConfigError("ORCA_TRIAGE_CONFIG", `${source}: sla.escalate_after_hours must not be before the nudge`);
  }
  return settings;
}

export function loadTriageSettings(file: string): TriageSettings {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(
      "ORCA_TRIAGE_CONFIG",
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new ConfigError("ORCA_TRIAGE_CONFIG", `${file} is not valid YAML/JSON: ${(error as Error).message}`);
  }
  return parseTriageSettings(value, file);
}

export function routeFor(settings: TriageSettings, topic: ThreadTopic): Route | undefined {
  return settings.routing.topics[topic] ?? settings.routing.default;
}

/**
 * Milliseconds of SLA time between two instants: all of it, or only the business hours when configured
 * (walked hour by hour, bounded, because SLA windows are hours to days long).
 */
export function slaElapsedMs(settings: TriageSettings, from: number, to: number): number {
  const hours = settings.sla.business_hours;
  if (!hours || to <= from) return Math.max(0, to - from);
  const offset = hours.utc_offset_minutes * 60_000;
  let elapsed = 0;
  const step = 15 * 60_000;
  for (let t = from; t < to && t - from < 60 * 86_400_000; t += step) {
    const local = new Date(t + offset);
    const h = local.getUTCHours();
    if (hours.days.includes(local.getUTCDay()) && h >= hours.start_hour && h < hours.end_hour) {
      elapsed += Math.min(step, to - t);
    }
  }
  return elapsed;
}
