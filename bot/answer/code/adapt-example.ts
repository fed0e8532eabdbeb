// Values the asker states ("give up after 5 minutes", "every 15 minutes", "retry 3 times", "at 9 berlin time")
// carried into an example.
// Only a literal keyword argument with a number (`timeout_seconds=300`) is replaced, and only when the example has
// exactly one: anything else keeps the example as written. A duration goes into the example's one duration slot,
// whichever parameter that is (`timeout_seconds`, `interval`, `retry_delay_seconds`); a count into `retries`; a time
// of day into the minute and hour of the example's one cron string; a time zone into its one `timezone`.
import { type AskerValues, exampleApiUrls, zonesWritten } from "../understand/index.js";

export interface StatedValue {
  keyword: string;
  /** The Python literal to pass. */
  value: string;
  /** How the asker put it ("5 minutes"). */
  said: string;
  /** Values of one group are alternatives: the first whose slot the example has is used, the others dropped. */
  group?: string;
  /**
   * The value may go into prose as well as code: filling it keeps the text around it true (a cron string moves the
   * clock time the text states for it). A number is not: "`interval=30` for sub-minute periods" would lie.
   */
  prose?: boolean;
}

/** Parameters that cap how many run at once. */
const LIMIT_KEYWORDS = ["max_workers", "concurrency_limit"];
/** Parameters that take a number of seconds. */
const DURATION_KEYWORDS = ["timeout_seconds", "interval", "retry_delay_seconds"];

/** The asker's values as keyword arguments an example may hold. */
export function statedValues(values: AskerValues): StatedValue[] {
  const out: StatedValue[] = [];
  if (values.seconds !== null && values.said)
    for (const keyword of DURATION_KEYWORDS)
      out.push({ keyword, value: String(values.seconds), said: values.said, group: "duration" });
  if (values.times !== null)
    out.push({ keyword: "retries", value: String(values.times), said: `${values.times} times` });
  // A cap on how many run at once goes into the example's one cap, whichever it has.
  if (values.limit)
    for (const keyword of LIMIT_KEYWORDS)
      out.push({ keyword, value: String(values.limit), said: `${values.limit} at a time`, group: "limit" });
  if (values.clock) {
    const { hour, minute, days } = values.clock;
    out.push({
      keyword: CRON,
      // The days of the week, when stated, replace the example's own day field ("every monday" is not "1-5").
      value: days ? `${minute} ${hour} ${days}` : `${minute} ${hour}`,
      said: `${hour}:${String(minute).padStart(2, "0")}${days ? `, ${daysSaid(days)}` : ""}`,
      prose: true,
    });
  }
  if (values.timezone) out.push({ keyword: TIMEZONE, value: values.timezone, said: values.timezone, prose: true });
  // Their server's address goes where the answer writes an example one (`http://prefect.internal:4200/api`).
  if (values.serverUrl)
    out.push({ keyword: SERVER_URL, value: `${values.serverUrl}/api`, said: values.serverUrl, prose: true });
  // Their own pool and queue go into the example's `work_pool_name=` / `work_queue_name=` string; an example without
  // one is not told to take it (the group keeps it out of "for your case, pass …").
  if (values.own?.pool)
    out.push({ keyword: "work_pool_name", value: JSON.stringify(values.own.pool), said: "your pool", group: "pool" });
  if (values.own?.queue)
    out.push({
      keyword: "work_queue_name",
      value: JSON.stringify(values.own.queue),
      said: "your queue",
      group: "queue",
    });
  return out;
}

/** Slots that are not a `keyword=` number: a cron string's minute and hour, a schedule's time zone. */
const CRON = "cron";
const TIMEZONE = "timezone";
const SERVER_URL = "server-url";
/** Values that fill a slot of their own rather than a `keyword=` argument: no answer is told to pass them as one. */
const OWN_SLOTS = new Set([CRON, TIMEZONE, SERVER_URL]);

/** A quoted five-field cron string whose minute and hour are plain numbers ("0 7 * * 1-5"). */
const CRON_STRING = /(["'])(\d{1,2}) (\d{1,2}) (\S+ \S+ \S+)\1/g;
/** A time zone given as a string: `timezone="Europe/Berlin"`, `timezone: "UTC"` (YAML), `"timezone": "UTC"` (JSON). */
const TIMEZONE_STRING = /(\btimezone["']?\s*[=:]\s*)(["'])[A-Za-z_]+(?:\/[A-Za-z_+-]+)*\2/g;

/**
 * The text with the one slot for a value filled, or null when the text has none or several. A cron string also moves
 * the time of day the text states for it ("7:30" → "9:00"), so the prose around the example still agrees.
 */
function fill(text: string, v: StatedValue): string | null {
  if (v.keyword === CRON) {
    const hits = [...text.matchAll(CRON_STRING)];
    if (hits.length !== 1) return null;
    const [whole, quote, minute, hour, fields] = hits[0]!;
    const [newMinute, newHour, newDays] = v.value.split(" ");
    const rest = newDays ? `${fields!.split(" ").slice(0, 2).join(" ")} ${newDays}` : fields;
    const clock = (h: string, m: string) => `${Number(h)}:${m.padStart(2, "0")}`;
    const oldClock = new RegExp(`(?<![\\d:])${clock(hour!, minute!)}(?![\\d:])`, "g");
    return text
      .replace(whole, `${quote}${newMinute} ${newHour} ${rest}${quote}`)
      .replace(oldClock, clock(newHour!, newMinute!));
  }
  if (v.keyword === SERVER_URL) {
    const slots = exampleApiUrls(text);
    return slots.length === 1 ? text.split(slots[0]!).join(v.value) : null;
  }
  if (v.keyword === TIMEZONE) {
    const hits = [...text.matchAll(TIMEZONE_STRING)];
    if (hits.length === 1)
      return text.replace(TIMEZONE_STRING, (_, key: string, quote: string) => `${key}${quote}${v.value}${quote}`);
    if (hits.length > 1) return null;
    // Prose and CLI flags name the zone bare ("a `timezone` (`America/New_York`)", "--timezone America/New_York"):
    // one example zone, however often it is written, is the slot.
    const zones = new Set(zonesWritten(text));
    return zones.size === 1 ? text.split([...zones][0]!).join(v.value) : null;
  }
  // A string value fills a string slot (`work_pool_name="my-pool"`), a number a number slot.
  const literal = v.value.startsWith('"') ? `(["'])[^"'\\n]*\\1` : "(\\d+(?:\\.\\d+)?)(?![\\w.])";
  const slot = new RegExp(`(?<![\\w.])${v.keyword}=${literal}`, "g");
  const hits = [...text.matchAll(slot)];
  return hits.length === 1 ? text.replace(slot, `${v.keyword}=${v.value}`) : null;
}

export interface AdaptedExample {
  code: string;
  /** Values written into the code. */
  applied: StatedValue[];
  /** Values the code has no single literal slot for. */
  unapplied: StatedValue[];
}

/** Writes each stated value into the example's one numeric `keyword=` argument, when there is exactly one. */
export function adaptExample(code: string, values: StatedValue[]): AdaptedExample {
  let out = code;
  const applied: StatedValue[] = [];
  const unapplied: StatedValue[] = [];
  const filled = new Set<string>();
  for (const v of values) {
    if (v.group && filled.has(v.group)) continue;
    const next = fill(out, v);
    if (next === null) {
      // An alternative without a slot is not a value the asker gave for that parameter; a time of day or a zone
      // without a schedule in the example is not one for this answer.
      if (!v.group && !OWN_SLOTS.has(v.keyword)) unapplied.push(v);
      continue;
    }
    if (v.group) filled.add(v.group);
    out = next;
    applied.push(v);
  }
  return { code: out, applied, unapplied };
}

/** A cron day-of-week field in words: "1" → "Mondays", "1-5" → "weekdays", "*" → "every day". */
function daysSaid(days: string): string {
  if (days === "*") return "every day";
  if (days === "1-5") return "weekdays";
  if (days === "0,6") return "weekends";
  const names = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];
  return days
    .split(",")
    .map((d) => names[Number(d)] ?? d)
    .join(" and ");
}

/** How a cron value reads in the sentence: its minute and hour, and the weekday field when the asker gave days. */
function cronSaid(v: StatedValue): string {
  const [minute, hour, days] = v.value.split(" ");
  return days
    ? `the cron string's minute and hour \`${minute} ${hour}\` and day of the week \`${days}\` (${v.said})`
    : `the cron string's minute and hour \`${v.value}\` (${v.said})`;
}

/** One sentence saying how the asker's values appear in (or go into) the example. */
export function statedValuesSentence(adapted: AdaptedExample | null, values: StatedValue[]): string | null {
  if (values.length === 0) return null;
  const shown = (v: StatedValue) =>
    v.keyword === CRON
      ? cronSaid(v)
      : v.keyword === TIMEZONE
        ? `the time zone \`${v.value}\``
        : v.keyword === SERVER_URL
          ? `your server's API address \`${v.value}\``
          : `\`${v.keyword}=${v.value}\` (${v.said})`;
  const list = (vs: StatedValue[]) => vs.map(shown).join(", ");
  const applied = adapted?.applied ?? [];
  // With no example to fill, only a value for one known parameter can be suggested; a duration is an alternative for
  // several (`timeout_seconds`, `interval`, …) and a clock time or zone belongs to a schedule the text may not have.
  const unapplied = adapted ? adapted.unapplied : values.filter((v) => !v.group && !OWN_SLOTS.has(v.keyword));
  const parts: string[] = [];
  if (applied.length > 0)
    parts.push(`The example below uses your value${applied.length > 1 ? "s" : ""}: ${list(applied)}.`);
  if (unapplied.length > 0) parts.push(`For your case, pass ${list(unapplied)}.`);
  return parts.length > 0 ? parts.join(" ") : null;
}
