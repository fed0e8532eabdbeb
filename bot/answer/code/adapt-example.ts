// Values the asker states ("give up after 5 minutes", "every 15 minutes", "retry 3 times") carried into an example.
// Only a literal keyword argument with a number (`timeout_seconds=300`) is replaced, and only when the example has
// exactly one: anything else keeps the example as written. A duration goes into the example's one duration slot,
// whichever parameter that is (`timeout_seconds`, `interval`, `retry_delay_seconds`); a count into `retries`.
import type { AskerValues } from "../understand/index.js";

export interface StatedValue {
  keyword: string;
  /** The Python literal to pass. */
  value: string;
  /** How the asker put it ("5 minutes"). */
  said: string;
  /** Values of one group are alternatives: the first whose slot the example has is used, the others dropped. */
  group?: string;
}

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
  return out;
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
    const slot = new RegExp(`(?<![\\w.])${v.keyword}=(\\d+(?:\\.\\d+)?)(?![\\w.])`, "g");
    const hits = [...out.matchAll(slot)];
    if (hits.length !== 1) {
      // An alternative without a slot is not a value the asker gave for that parameter.
      if (!v.group) unapplied.push(v);
      continue;
    }
    if (v.group) filled.add(v.group);
    out = out.replace(slot, `${v.keyword}=${v.value}`);
    applied.push(v);
  }
  return { code: out, applied, unapplied };
}

/** One sentence saying how the asker's values appear in (or go into) the example. */
export function statedValuesSentence(adapted: AdaptedExample | null, values: StatedValue[]): string | null {
  if (values.length === 0) return null;
  const list = (vs: StatedValue[]) => vs.map((v) => `\`${v.keyword}=${v.value}\` (${v.said})`).join(", ");
  const applied = adapted?.applied ?? [];
  const unapplied = adapted ? adapted.unapplied : values;
  const parts: string[] = [];
  if (applied.length > 0)
    parts.push(`The example below uses your value${applied.length > 1 ? "s" : ""}: ${list(applied)}.`);
  if (unapplied.length > 0) parts.push(`For your case, pass ${list(unapplied)}.`);
  return parts.join(" ");
}
