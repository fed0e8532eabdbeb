// Works out which Prefect release a thread is about: what people state (pins, `prefect version` output, image tags,
// "Prefect 2"), else what the code gives away (names that exist in only one major line), else the newest 3.x.
import type { PrefectMajor, VersionGuess } from "../core/index.js";
import { parseVersion } from "../core/index.js";
import type { PrefectFacts } from "../knowledge/index.js";

/** A thread text, optionally with who wrote it: statements in bot messages count only when no person states one. */
export type VersionText = string | { text: string; isBot?: boolean; author?: string };

interface Mention {
  version: string;
  evidence: string;
  /** Position of the text in the thread (later texts win). */
  textIndex: number;
  /** 3 = full release, 2 = minor line, 1 = major only. */
  specificity: number;
  /** How direct the source is: tool output and pins 3, "Prefect 3.4" 2, a bare number 1. */
  weight: number;
  index: number;
}

const VERSION_OUTPUT = /^\s*Version:\s+(\d+\.\d+\.\d+)\b/gm;
const PIN = /(?<![\w-])prefect\s*(==|>=|~=|<=|>|<|===)\s*v?(\d+(?:\.\d+){0,2})/gi;
const PIP_LIST = /^prefect[ \t]+(\d+\.\d+\.\d+)[ \t]*$/gim;
const DOCKER_TAG = /prefecthq\/prefect:(\d+)(?:\.(\d+))?(?:\.(\d+))?/gi;
// "prefect 3.4", "prefect server (3.3)", "prefect-2.19", "prefect v3".
const NAMED =
  /(?<![\w/.-])prefect(?:[ \t]+(?:version|v(?=\d)|core|server[ \t]*\()?[ \t]*|[-_]?v?)(\d+)(?:\.(\d+|x))?(?:\.(\d+))?(?![\w.]*\d)/gi;
const BARE_RELEASE = /(?<![\w./:-])v?([23])\.(\d{1,2})\.(\d{1,3})(?![\w.]*\d|\.\w)/g;
const BARE_MAJOR = /(?<![\w./:-])v([23])(?:\.(x|\d{1,2}))?(?![\w.]*\d)/gi;
/** "migrating to 3", "upgraded to 3.1": the target of a move, even without the word Prefect. */
const MOVE_TARGET =
  /\b(?:migrat|upgrad|downgrad|mov|switch|port|bump|roll\w*\s+back|revert|pinn?)\w*\s+(?:\w+\s+){0,2}?to\s+(?:prefect\s+)?v?([23])(?:\.(x|\d{1,2}))?(?:\.(\d{1,3}))?(?![\w.]*\d)/gi;
/**
 * "on 2.19", "running 3.4", "we're on 3.2.7", "my 2.19 flow": a release line that exists, right after a verb of use or
 * a possessive.
 */
const ON_MINOR =
  /\b(?:on|using|running|run|with|upgraded to|bumped to|we have|installed|version|my|our)\s+(?:prefect\s+)?v?([23])\.(\d{1,2}|x)(?:\.(\d{1,3}))?(?![\w.]*\d)/gi;
/** "since 3.5 it fails": usually the release that broke things, but also "since 3.0, X changed", so it is weak. */
const SINCE = /\bsince\s+(?:prefect\s+)?v?([23])\.(\d{1,2})(?:\.(\d{1,3}))?(?![\w.]*\d)/gi;
/** "planning to move to 3", "before we upgrade to 3": a move not made yet. */
const INTENT =
  /\b(?:plan\w*|want\w*|going|gonna|thinking|considering|hoping|hope|will|should|could|can|before|about|if)\s+(?:\w+\s+){0,2}$/i;
/**
 * "upgraded from 2.19 to 3.1", "was on 2.16", "it was fine on 3.4", "worked on 3.3", "we were running 2.19": what ran
 * before, not what runs now.
 */
const PAST =
  /\b(?:from|before|previously(?:\s+on)?|(?:was|were)(?:\s+(?:fine|ok|okay|good|great|working|perfectly|totally|all|right|stable|still|happily|running))*\s+(?:on|with|in|under|using|running)|(?:worked|ran|used\s+to\s+(?:work|run|be))(?:\s+(?:fine|ok|okay|well|perfectly|great|before))*\s+(?:on|with|in|under|using))\s*(?:prefect\s*)?v?$/i;
/** Software whose version a number beside its name may be. */
const SOFTWARE =
  "python|py|pydantic|node|nodejs|ubuntu|debian|alpine|postgres(?:ql)?|redis|docker|kubernetes|k8s|helm|sqlalchemy|fastapi|pandas|numpy|dask|ray|java|go|rust|api|openapi|http|tls|ssl|oauth|uvicorn|starlette|httpx|typer|cyclopts|pip|poetry|uv|macos|windows|ios|gcc|v8|schema|worker|agent";
/** Words that, right before a number, say it is some other software's version. */
const OTHER_SOFTWARE = new RegExp(`(${SOFTWARE})[\\s:=v-]*$`, "i");
/** The same words right after it ("my 3.12 python"). */
const OTHER_SOFTWARE_AFTER = new RegExp(`^\\s*(${SOFTWARE})\\b`, "i");
const CONDITIONAL = /\b(if|whether|assuming|in case)\b[^.!?\n]{0,40}$/i;

interface ApiEvidence {
  pattern: RegExp;
  major: PrefectMajor;
  what: string;
}

const API_EVIDENCE: ApiEvidence[] = [
  { pattern: /\bDeployment\.build_from_flow\b/, major: 2, what: "Deployment.build_from_flow (2.x only)" },
  {
    pattern: /from\s+prefect\.deployments\s+import\s+[^\n]*\bDeployment\b/,
    major: 2,
    what: "prefect.deployments.Deployment (2.x only)",
  },
  { pattern: /\bSequentialTaskRunner\b/, major: 2, what: "SequentialTaskRunner (2.x only)" },
  { pattern: /\bprefect\s+agent\s+start\b|from\s+prefect\.agent\s+import/, major: 2, what: "agents (2.x only)" },
  {
    pattern: /from\s+prefect\.engine\s+import\s+[^\n]*\b(pause_flow_run|resume_flow_run|suspend_flow_run)\b/,
    major: 2,
    what: "pause_flow_run from prefect.engine (2.x)",
  },
  {
    pattern: /from\s+prefect\.infrastructure\s+import\s+[^\n]*\b(Process|DockerContainer|KubernetesJob)\b/,
    major: 2,
    what: "infrastructure blocks (2.x only)",
  },
  {
    pattern: /from\s+prefect\.filesystems\s+import\s+[^\n]*\b(S3|GCS|Azure|GitHub)\b/,
    major: 2,
    what: "storage blocks in prefect.filesystems (2.x only)",
  },
  { pattern: /\bprefect\s+(orion\s+start|deployment\s+build)\b/, major: 2, what: "2.x-only CLI commands" },
  { pattern: /\bOrionClient\b|\bprefect\.orion\b/, major: 2, what: "Orion names (early 2.x)" },
  { pattern: /\bThreadPoolTaskRunner\b/, major: 3, what: "ThreadPoolTaskRunner (3.x only)" },
  { pattern: /\bProcessPoolTaskRunner\b/, major: 3, what: "ProcessPoolTaskRunner (3.x only)" },
  {
    pattern: /from\s+prefect\.futures\s+import\s+[^\n]*\b(wait|as_completed|PrefectFutureList)\b/,
    major: 3,
    what: "prefect.futures.wait / as_completed (3.x only)",
  },
  { pattern: /\bcache_policy\s*=|\bprefect\.cache_policies\b/, major: 3, what: "cache policies (3.x only)" },
  { pattern: /\.delay\(/, major: 3, what: "Task.delay() background tasks (3.x only)" },
  {
    pattern: /\bprefect\.transactions\b|from\s+prefect\s+import\s+[^\n]*\bTransaction\b/,
    major: 3,
    what: "transactions (3.x only)",
  },
  { pattern: /\bprefect\.task_worker\b/, major: 3, what: "task workers (3.x only)" },
];

/**
 * Guesses the version from thread texts (oldest first); `forced` (a CLI flag, an eval case) wins outright. A text may
 * say whether a bot wrote it: a person's statement beats any bot's.
 */
export function detectVersion(
  texts: readonly VersionText[],
  facts: PrefectFacts,
  forced?: string | null,
): VersionGuess {
  if (forced && parseVersion(forced)) return guess(forced, facts, "stated", [`version given explicitly: ${forced}`]);
  const items = texts.map((t) => (typeof t === "string" ? { text: t, isBot: false } : { ...t, isBot: !!t.isBot }));

  const human = items.flatMap((t, i) => (t.isBot ? [] : mentionsIn(t.text, i, facts)));
  const stated = pickStated(human.length > 0 ? human : items.flatMap((t, i) => mentionsIn(t.text, i, facts)));
  if (stated) return guess(stated.version, facts, "stated", [stated.evidence]);

  const ordered = [...items.filter((t) => t.isBot), ...items.filter((t) => !t.isBot)];
  for (let i = ordered.length - 1; i >= 0; i--) {
    const text = ordered[i]!.text;
    const hits = [...API_EVIDENCE.filter((e) => e.pattern.test(text)), ...importEvidence(text, facts)];
    const majors = new Set(hits.map((h) => h.major));
    if (majors.size === 1) {
      const major = hits[0]!.major;
      return guess(String(major), facts, "inferred", [...new Set(hits.map((h) => `uses ${h.what}`))]);
    }
  }

  return guess("3", facts, "assumed", [
    `no version stated; assuming the newest 3.x release (${facts.latestOfMajor(3)})`,
  ]);
}

/**
 * The newest direct statement decides the line ("just bumped to 3.1" after "we were on 2.19"); a more specific
 * version that agrees with it, anywhere in the thread, refines it ("Prefect 3" plus "3.4.20" is 3.4.20).
 */
function pickStated(mentions: Mention[]): Mention | null {
  if (mentions.length === 0) return null;
  const later = (a: Mention, b: Mention) => a.textIndex - b.textIndex || a.index - b.index;
  const strong = mentions.filter((m) => m.weight >= 2);
  const decisive = (strong.length > 0 ? strong : mentions).reduce((a, b) => (later(b, a) > 0 ? b : a));
  const agreeing = mentions.filter((m) => compatible(m.version, decisive.version));
  const rank = (m: Mention) => [m.specificity, m.weight, m.textIndex, m.index];
  return agreeing.reduce((best, m) => (compareRanks(rank(m), rank(best)) > 0 ? m : best));
}

/** One version refines the other: "3" and "3.4.20", "3.4" and "3.4.1". */
function compatible(a: string, b: string): boolean {
  const pa = a.split(".");
  const pb = b.split(".");
  return pa.slice(0, Math.min(pa.length, pb.length)).every((part, i) => part === pb[i]);
}

const FROM_IMPORT = /^\s*from\s+(prefect(?:\.\w+)*)\s+import\s+([\w\s,()]+)$/gm;

/** Imported prefect names whose whole history lies in one major line. */
function importEvidence(text: string, facts: PrefectFacts): ApiEvidence[] {
  const found: ApiEvidence[] = [];
  for (const m of text.matchAll(FROM_IMPORT)) {
    for (const name of m[2]!.replace(/[()]/g, "").split(",")) {
      const short = name.trim().split(/\s+/)[0];
      if (!short) continue;
      const fq = `${m[1]}.${short}`;
      const ranges = facts.symbol(fq)?.present ?? [];
      const majors = new Set(ranges.flatMap((r) => r.map((v) => parseVersion(v)?.[0])));
      if (majors.size !== 1) continue;
      const major = [...majors][0];
      if (major === 2 || major === 3) found.push({ pattern: FROM_IMPORT, major, what: `${fq} (${major}.x only)` });
    }
  }
  return found;
}

function guess(version: string, facts: PrefectFacts, how: VersionGuess["how"], evidence: string[]): VersionGuess {
  const resolved = facts.resolveRelease(version);
  const major: PrefectMajor = (parseVersion(resolved)?.[0] ?? 3) === 2 ? 2 : 3;
  return { version, resolved, major, how, evidence };
}

function mentionsIn(text: string, textIndex: number, facts: PrefectFacts): Mention[] {
  const mentions: Mention[] = [];
  const add = (version: string, specificity: number, index: number, evidence: string, weight = 3) => {
    const major = parseVersion(version)?.[0];
    if (major !== 2 && major !== 3) return;
    if (CONDITIONAL.test(lineBefore(text, index))) return;
    mentions.push({ version, specificity, weight, index, textIndex, evidence });
  };

  for (const m of text.matchAll(VERSION_OUTPUT)) add(m[1]!, 3, m.index, `"prefect version" output says ${m[1]}`);
  for (const m of text.matchAll(PIN)) {
    const exact = m[1] === "==" || m[1] === "===";
    const v = exact ? m[2]! : (m[2]!.split(".")[0] ?? m[2]!);
    add(v, exact ? specificityOf(v) : 1, m.index, `requirement ${m[0].trim()}`);
  }
  for (const m of text.matchAll(PIP_LIST)) add(m[1]!, 3, m.index, `installed package list shows prefect ${m[1]}`);
  for (const m of text.matchAll(DOCKER_TAG)) {
    const v = [m[1], m[2], m[3]].filter(Boolean).join(".");
    add(v, specificityOf(v), m.index, `Docker image ${m[0]}`);
  }
  for (const m of text.matchAll(NAMED)) {
    const v = [m[1], m[2] === "x" ? undefined : m[2], m[3]].filter(Boolean).join(".");
    // "does this work in Prefect 3?": a major line asked about is weaker than one stated.
    const weight = specificityOf(v) === 1 && inQuestion(text, m.index) ? 1 : 2;
    add(v, specificityOf(v), m.index, `the thread says "${m[0].trim()}"`, weight);
  }
  for (const m of text.matchAll(BARE_RELEASE)) {
    const v = `${m[1]}.${m[2]}.${m[3]}`;
    if (!facts.releases.includes(v) || OTHER_SOFTWARE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    add(v, 3, m.index, `the thread mentions release ${v}`, 1);
  }
  for (const m of text.matchAll(BARE_MAJOR)) {
    if (OTHER_SOFTWARE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const v = m[2] && m[2] !== "x" ? `${m[1]}.${m[2]}` : m[1]!;
    add(v, specificityOf(v), m.index, `the thread says "${m[0]}"`, 1);
  }
  for (const m of text.matchAll(MOVE_TARGET)) {
    if (INTENT.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const v = [m[1], m[2] === "x" ? undefined : m[2], m[3]].filter(Boolean).join(".");
    add(v, specificityOf(v), m.index + m[0].lastIndexOf(m[1]!), `the thread says "${m[0].trim()}"`, 2);
  }
  for (const m of text.matchAll(ON_MINOR)) {
    const minor = m[2] === "x" ? undefined : m[2];
    if (minor && !facts.releases.some((r) => r.startsWith(`${m[1]}.${minor}.`))) continue;
    if (OTHER_SOFTWARE_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const v = [m[1], minor, minor ? m[3] : undefined].filter(Boolean).join(".");
    add(v, specificityOf(v), m.index + m[0].lastIndexOf(m[1]!), `the thread says "${m[0].trim()}"`, 2);
  }
  for (const m of text.matchAll(SINCE)) {
    if (!facts.releases.some((r) => r.startsWith(`${m[1]}.${m[2]}.`))) continue;
    const v = [m[1], m[2], m[3]].filter(Boolean).join(".");
    add(v, specificityOf(v), m.index + m[0].lastIndexOf(m[1]!), `the thread says "${m[0].trim()}"`, 1);
  }
  // "upgraded from 2.19 to 3.1": the source of a move is what ran before, unless nothing else is said.
  const current = mentions.filter((m) => !PAST.test(text.slice(Math.max(0, m.index - 40), m.index)));
  return current.length > 0 ? current : mentions;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function specificityOf(version: string): number {
  return version.split(".").length;
}

/** True when the sentence around an offset ends with a question mark. */
function inQuestion(text: string, index: number): boolean {
  const end = /[.!?\n]/.exec(text.slice(index));
  return end?.[0] === "?";
}

function lineBefore(text: string, index: number): string {
  const start = text.lastIndexOf("\n", index - 1) + 1;
  return text.slice(start, index);
}
