// A time of day and a time zone the asker states ("every weekday at 9 berlin time", "daily at 02:30 UTC",
// "6am New York"), for adapting a schedule example. Zones come from the runtime's own IANA list
// (`Intl.supportedValuesOf`), so "berlin" is Europe/Berlin without a table of cities in Orca.

import { words } from "./question-kind.js";

export interface Clock {
  hour: number;
  minute: number;
  /** The days of the week it runs on, as a cron day-of-week field ("1", "1-5", "*"), when the asker says. */
  days?: string;
}

/** Day names, singular and plural, as cron counts them (Sunday 0). */
const DAY_NUMBERS = new Map(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].flatMap((day, i) => [
    [day, i],
    [`${day}s`, i],
  ]),
);
/** Words that say every day ("daily", "every night") or every working day ("weekdays"). */
const EVERY_DAY = new Set(["daily", "nightly", "day", "night", "morning", "evening"]);
const WEEKDAYS = new Set(["weekdays", "weekday", "workdays", "workday"]);
const WEEKENDS = new Set(["weekends", "weekend"]);

/**
 * The days of the week the asker states ("every monday" → "1", "mon and thu" is not read, "on weekdays" → "1-5",
 * "every night" → "*"), as a cron day-of-week field; null when they name none, so an example keeps its own.
 */
export function statedDays(prose: string): string | null {
  // A full stop or comma after a day ("every monday.") is not part of it.
  const said = words(prose).map((w) => w.split(".")[0]!);
  const days = [...new Set(said.flatMap((w) => (DAY_NUMBERS.has(w) ? [DAY_NUMBERS.get(w)!] : [])))].sort();
  if (days.length > 0) return days.join(",");
  if (said.some((w) => WEEKDAYS.has(w))) return "1-5";
  if (said.some((w) => WEEKENDS.has(w))) return "0,6";
  // "every day", "every night", "daily": only after "every"/"each", or as the adverb itself.
  const everyDay = said.some(
    (w, i) => w === "daily" || w === "nightly" || (EVERY_DAY.has(w) && ["every", "each"].includes(said[i - 1] ?? "")),
  );
  return everyDay ? "*" : null;
}

/** "02:30", "17:45": a clock time by its form. */
const HH_MM = /(?<![\d:])\b([01]?\d|2[0-3]):([0-5]\d)\b(?!:\d)(?:\s*([ap])\.?m\.?\b)?/i;
/** "6am", "7 pm", "9 in the morning", "6 o'clock". */
const HOUR_OF_DAY =
  /\b(\d{1,2})(?:\s*([ap])\.?m\.?\b|\s+in\s+the\s+(morning|afternoon|evening|night)\b|\s*o'?clock\b)/i;
/** "at 9" followed by nothing that makes the number a count or an amount ("at 3 retries", "at 5 min"). */
const AT_HOUR = /\bat\s+(\d{1,2})\b(?!\.\d|\s*[%x]|\s+(?!(?:on|in|every|each|sharp|local|utc|daily)\b)[a-z])/i;
/** "at 9 berlin time", "at 6 new york time": an hour followed by a place's time (a zone the runtime knows). */
const AT_HOUR_IN_ZONE = /\bat\s+(\d{1,2})\s+([a-z]+(?:\s[a-z]+)?)\s+time\b/i;

export function statedClock(prose: string): Clock | null {
  const clock = timeOfDay(prose);
  const days = clock ? statedDays(prose) : null;
  return clock && days !== null ? { ...clock, days } : clock;
}

function timeOfDay(prose: string): Clock | null {
  const hm = HH_MM.exec(prose);
  if (hm) return onClock(Number(hm[1]), Number(hm[2]), hm[3]);
  const hd = HOUR_OF_DAY.exec(prose);
  if (hd) return onClock(Number(hd[1]), 0, hd[2] ?? (hd[3] && hd[3].toLowerCase() !== "morning" ? "p" : undefined));
  const inZone = AT_HOUR_IN_ZONE.exec(prose);
  const at = AT_HOUR.exec(prose) ?? (inZone && zoneNames().has(inZone[2]!.toLowerCase()) ? inZone : null);
  return at ? onClock(Number(at[1]), 0, undefined) : null;
}

/** An hour on a 24-hour clock from an hour, its minute and "a"/"p" when the asker wrote am or pm. */
function onClock(written: number, minute: number, half: string | undefined): Clock | null {
  let hour = written;
  if (half?.toLowerCase() === "p" && hour < 12) hour += 12;
  if (half?.toLowerCase() === "a" && hour === 12) hour = 0;
  return hour <= 23 ? { hour, minute } : null;
}

let zones: Map<string, string> | undefined;

/** Lower-case city (the zone's last part, "new york") and full zone name → IANA zone. */
function zoneNames(): Map<string, string> {
  if (zones) return zones;
  zones = new Map([["utc", "UTC"]]);
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    zones.set(zone.toLowerCase(), zone);
    const city = zone.split("/").pop()!.replace(/_/g, " ").toLowerCase();
    if (!zones.has(city)) zones.set(city, zone);
  }
  return zones;
}

/**
 * The IANA zones a text writes out, by area and city ("Europe/Berlin", "America/Argentina/Buenos_Aires"), as written:
 * a name with a slash counts only when it is a zone ("flow-name/deployment-name" is not).
 */
export function zonesWritten(text: string): string[] {
  const names = zoneNames();
  return [...text.matchAll(/\b[A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/g)]
    .map((m) => m[0])
    .filter((z) => names.has(z.toLowerCase()));
}

/**
 * A zone written out ("Europe/Berlin") anywhere, or a city followed by "time"/"timezone"/"tz" ("berlin time") or
 * preceded by "tz"/"timezone". A bare city elsewhere may be anything. "UTC" only when no other zone is stated: next to
 * another one it is what the asker gets now ("6am Chicago time? it keeps running at 6 UTC").
 */
export function statedTimezone(prose: string): string | null {
  const names = zoneNames();
  const written = zonesWritten(prose)[0];
  if (written) return names.get(written.toLowerCase())!;
  const words = prose.toLowerCase().match(/[a-z]+/g) ?? [];
  for (let i = 0; i < words.length; i++)
    for (const span of [3, 2, 1]) {
      const city = words.slice(i, i + span).join(" ");
      const zone = names.get(city);
      if (!zone?.includes("/")) continue;
      const after = words[i + span];
      const before = words[i - 1];
      if (after === "time" || after === "timezone" || after === "tz" || before === "tz" || before === "timezone")
        return zone;
    }
  return /\bUTC\b/.test(prose) ? "UTC" : null;
}
