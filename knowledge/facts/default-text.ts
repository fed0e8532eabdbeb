// A setting's default as Prefect's source writes it ("timedelta(days=7)", "default_local_storage_path()") is not
// what an asker can use: they set the environment variable to seconds, or want to know where a path points.
// This turns the source expression into words for answers; the expression itself is kept alongside.

const UNIT_SECONDS: Record<string, number> = { weeks: 604_800, days: 86_400, hours: 3_600, minutes: 60, seconds: 1 };

/** `timedelta(days=7)` → 604800; `timedelta(0)` → 0; anything else → null. */
export function timedeltaSeconds(expression: string): number | null {
  const m = /^timedelta\((.*)\)$/.exec(expression.trim());
  if (!m) return null;
  const args = m[1]!.trim();
  if (args === "" || args === "0") return 0;
  let total = 0;
  for (const part of args.split(",")) {
    const kv = /^\s*(\w+)\s*=\s*([\d.]+)\s*$/.exec(part);
    if (!kv || !(kv[1]! in UNIT_SECONDS)) return null;
    total += Number(kv[2]) * UNIT_SECONDS[kv[1]!]!;
  }
  return total;
}

/** Seconds in the largest unit that holds them whole: 86400 → 1 day, 5400 → 90 minutes, 45 → 45 seconds. */
export function wholeUnit(seconds: number): { unit: "day" | "hour" | "minute" | "second"; count: number } {
  for (const [unit, size] of [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ] as const)
    if (seconds >= size && seconds % size === 0) return { unit, count: seconds / size };
  return { unit: "second", count: seconds };
}

function duration(seconds: number): string {
  const { unit, count } = wholeUnit(seconds);
  const said = `${count} ${unit}${count === 1 ? "" : "s"}`;
  return unit === "second" ? said : `${said} (${seconds} seconds)`;
}

/**
 * The default in words, with the source expression in code when they differ:
 * "7 days (604800 seconds; `timedelta(days=7)`)", "`~/.prefect`", "computed at run time (`default_profiles_path()`)".
 */
export function describeDefault(expression: string): string {
  const seconds = timedeltaSeconds(expression);
  if (seconds !== null) return `${duration(seconds)}, written \`${expression}\``;
  const home = /^Path\('~'\)\s*\/\s*'([^']+)'$/.exec(expression);
  if (home) return `\`~/${home[1]}\``;
  if (expression === "dict()" || expression === "{}") return "empty (`{}`)";
  if (expression === "set()") return "empty (`set()`)";
  if (/^[A-Za-z_][\w.]*\(.*\)$/.test(expression)) return `computed at run time (\`${expression}\`)`;
  return `\`${expression}\``;
}
