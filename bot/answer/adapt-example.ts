// Values the asker states ("give up after 5 minutes", "every 15 minutes", "retry 3 times") carried into a note's
// example. Only a literal keyword argument with a number (`timeout_seconds=300`) is replaced, and only when the example
// has exactly one: anything else keeps the example as written and the value is stated in words instead.
import { conceptsIn, DURATION } from "./concepts.js";

export interface StatedValue {
  keyword: string;
  /** The Python literal to pass. */
  value: string;
  /** How the asker put it ("5 minutes"). */
  said: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
};

function unitSeconds(unit: string): number {
  const u = unit.toLowerCase();
  if (/^d/.test(u)) return 86_400;
  if (/^h/.test(u)) return 3600;
  if (/^m/.test(u)) return 60;
  return 1;
}

/** "5 minutes" → 300; null when the text holds no duration. */
export function durationSeconds(text: string): { seconds: number; said: string } | null {
  const m = /\b(\d+(?:\.\d+)?|[a-z]+)\s*([a-z]+)\b/i.exec(DURATION.exec(text)?.[0] ?? "");
  if (!m) return null;
  const count = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()];
  if (count === undefined || !Number.isFinite(count)) return null;
  const seconds = Math.round(count * unitSeconds(m[2]!));
  return seconds > 0 ? { seconds, said: m[0]!.trim() } : null;
}

/** The parameters the question gives a value for, as keyword arguments. */
export function statedValues(question: string): StatedValue[] {
  const out: StatedValue[] = [];
  for (const concept of conceptsIn(question)) {
    if (concept.id === "timeout") {
      const d = durationSeconds(question);
      if (d) out.push({ keyword: "timeout_seconds", value: String(d.seconds), said: d.said });
    } else if (concept.id === "interval-schedule") {
      const every = /\bevery\s+((?:\d+(?:\.\d+)?|[a-z]+)\s*[a-z]+)/i.exec(question);
      const d = every ? durationSeconds(every[1]!) : null;
      if (d) out.push({ keyword: "interval", value: String(d.seconds), said: `every ${d.said}` });
    } else if (concept.id === "retries") {
      const times = /\b(\d+)\s+(?:times|retries)\b/i.exec(question);
      if (times) out.push({ keyword: "retries", value: times[1]!, said: `${times[1]} retries` });
      const pause = /\b(\d+(?:\.\d+)?)[- ]?(?:s|secs?|seconds?)\b[^.?!]*\b(?:delay|pause|wait|between|apart)\b/i.exec(
        question,
      );
      if (pause) out.push({ keyword: "retry_delay_seconds", value: pause[1]!, said: `${pause[1]} seconds apart` });
    }
  }
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
  for (const v of values) {
    const slot = new RegExp(`(?<![\\w.])${v.keyword}=(\\d+(?:\\.\\d+)?)(?![\\w.])`, "g");
    const hits = [...out.matchAll(slot)];
    if (hits.length !== 1) {
      unapplied.push(v);
      continue;
    }
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
