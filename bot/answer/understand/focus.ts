// What a question is about, as names Orca can look up exactly: APIs, PREFECT_* settings, `prefect` CLI commands and
// quoted error lines; and the asker's own names (flows, pools, deployments, images) for adapting examples.

import {
  type CommandHistoryFact,
  keywordTakers,
  type PrefectApiFacts,
  type PrefectFacts,
  SETTING_NAMES,
  type SettingsFacts,
  tokenize,
} from "../../../knowledge/index.js";
import type { AskerValues, Focus, OwnNames } from "./question.js";
import { DETERMINERS, ownVariables, words } from "./question-kind.js";
import { bareName, GENERIC_NAMES, identifiersIn } from "./question-terms.js";
import { statedServerUrl } from "./stated-server.js";
import { statedParam, statedTag } from "./stated-tag.js";
import { statedClock, statedTimezone } from "./stated-time.js";

/** "ValueError: …", "prefect.exceptions.MissingResult: …": an exception name and its message, on one line. */
const ERROR_LINE = /\b((?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Timeout|Result)): ([^\n]{1,160})/g;
const CLI = /\bprefect\s+([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?/g;

/** Assignments and flags that name the asker's things: `name="etl"`, `work_pool_name="k8s"`, `--pool k8s`. */
const NAMED_VALUE =
  /\b(?:name|work_pool_name|work_queue_name|image|deployment_name|flow_name)\s*=\s*["']([^"'\n]{2,60})["']|--(?:pool|name|work-queue|image)[ =]["']?([\w./:-]{2,60})/g;
const DEFINED = /^\s*(?:async\s+)?def\s+([a-z_]\w*)\s*\(/gm;
/** A task the code runs through a task's own methods (`refresh_cache.submit()`), defined in the snippet or not. */
const TASK_CALLED = /\b([a-z_]\w*)\.(?:submit|map|delay|with_options)\(/g;
/** A name of the asker's in their code or commands, by what it names: `work_pool_name="etl"`, `--work-queue high`. */
const OWN_IN_CODE =
  /\b(work_pool|work_queue)_name\s*=\s*["']([\w./:-]{2,60})["']|--(pool|work-queue)[ =]["']?([\w./:-]{2,60})/g;
/**
 * The same in prose, quoted next to the word for what it is ("our `etl-docker` work pool", "deployment 'etl/prod'"), or
 * after "called"/"named" ("a pool called k8s-prod").
 */
const OWN_BEFORE = /[`'"]([\w./:-]{2,60})[`'"]\s+(?:work\s+)?(pool|queue|deployment)\b/gi;
const OWN_AFTER =
  /(?<![-\w])(pool|queue|deployment)\s+(?:(?:called|named)\s+[`'"]?([\w./:-]{2,60})|[`'"]([\w./:-]{2,60})[`'"]|([a-z0-9]+(?:[-_][a-z0-9]+)+)(?![\w./:-]))/gi;
/**
 * Unquoted, a name joined by dashes, underscores or a slash after a determiner ("our k8s-prod pool", "the nightly_sync
 * deployment", "our backfill/prod deployment": a flow/deployment pair): plain words are not joined that way, except adjectives ("a repo-based deployment"), left out by their end.
 */
const OWN_PLAIN =
  /\b(?:our|my|the|a|an|this|that)\s+([a-z0-9]+(?:[-_/][a-z0-9]+)+)\s+(?:work\s+)?(pool|queue|deployment)\b/gi;
/** A joined name's first part ("set" of "set-concurrency-limit"). */
const firstPart = (name: string) => {
  const at = [...name].findIndex((c) => c === "-" || c === "_");
  return at < 0 ? name : name.slice(0, at);
};
/** First words of the hyphenated CLI commands that follow "pool"/"queue" (`work-queue set-concurrency-limit`). */
const COMMAND_VERBS = new Set([
  "set",
  "get",
  "clear",
  "create",
  "delete",
  "update",
  "inspect",
  "preview",
  "pause",
  "resume",
]);
const ADJECTIVE_END = /-(?:based|hosted|running|managed|level|wide|only|specific|driven|side|like|style|ready|scale)$/i;

/**
 * A decorator named in prose: `@` before a name, not inside an e-mail address or a dotted path, or a name before the
 * word "decorator" ("a materialize decorator").
 */
const DECORATOR = /(?<![\w.@])@([A-Za-z_]\w*)\b|\b([A-Za-z_]\w*)\s+decorators?\b/g;

/** One word in quotes or backticks, the quotes not part of a contraction ("don't", "it's"). */
const QUOTED_TERM = /(?<![\w'`"])['`"‘“]([A-Za-z][\w-]{2,40})['`"’”](?![\w'`"])/g;

/** A command line tool's own error line (`Error: No such command 'build'.`), which names no exception class. */
const CLI_ERROR_LINE = /^\s*(Error): ([^\n]{1,160})/gm;

/**
 * The words of each name a pasted error quotes (`Focus.errorSubjects`), read once for every text they are looked for
 * in; names of no words of their own are left out.
 */
export function errorSubjectWords(names: readonly string[]): string[][] {
  return names.map((n) => tokenize(n)).filter((t) => t.length > 0);
}

/**
 * Whether a text's words name one of the error's subjects, every word of it: a unit or a note that names none of them
 * explains another error of the same kind.
 */
export function namesErrorSubject(subjects: readonly string[][], vocabulary: ReadonlySet<string>): boolean {
  return subjects.some((t) => t.every((w) => vocabulary.has(w)));
}

export function quotedErrors(text: string): string[] {
  const out = new Set<string>();
  // An error written in inline code ("-> `ImportError: cannot import name 'Cron'`. 3.1.10") ends at its backtick.
  for (const m of text.matchAll(ERROR_LINE)) out.add(`${m[1]}: ${m[2]!.split("`")[0]!.trim()}`);
  for (const m of text.matchAll(CLI_ERROR_LINE)) out.add(`${m[1]}: ${m[2]!.trim()}`);
  return [...out].slice(0, 4);
}

/** A `prefect` CLI command's name ("prefect deploy", "prefect server start"), as units and the facts write it. */
export function isCliName(name: string): boolean {
  return /^prefect [a-z]/.test(name);
}

/**
 * Whether a text writes a CLI command group's name as a command rather than as the name of what it runs: "the prefect
 * server", "a prefect worker", "prefect cloud" in a sentence name the server, a worker and the product; a hyphenated
 * group (`prefect work-pool`), one in inline code or one after a shell prompt is the command.
 */
export function writesCommand(text: string, group: string): boolean {
  if (group.includes("-")) return true;
  const escaped = group.replace(/\s+/g, "\\s+");
  return new RegExp(`\`[^\`\n]*\\b${escaped}\\b|\\$\\s*${escaped}\\b`, "i").test(text);
}

/** "prefect version -> 3.4.20", "prefect version: 2.20.3": the command's output quoted as the asker's release. */
const VERSION_SAID = /\bprefect\s+version\s*(?:->|=>|→|:|=|is|says|shows|gives|prints)?\s*v?\d+\.\d+(?:\.\d+)?/gi;

/**
 * The text without the `prefect version` output it quotes to say which release the asker has: that names their
 * release, not the command as what is asked about.
 */
export function withoutVersionSaid(text: string): string {
  return text.replace(VERSION_SAID, " ");
}

export function readFocus(
  prose: string,
  text: string,
  facts: PrefectFacts,
  settings: SettingsFacts,
  release: string,
): Focus {
  const settingNames = new Set<string>();
  for (const m of `${prose}\n${text}`.matchAll(SETTING_NAMES)) if (settings.get(m[0])) settingNames.add(m[0]);
  const cli = new Set<string>();
  const commands = new Set<string>();
  // The core facts contract has no CLI; the compiled store does.
  const api = facts as Partial<PrefectApiFacts>;
  const parts = (m: RegExpMatchArray) => [m[1]!, ...(m[2] ? [m[2]] : [])];
  for (const m of api.cliCommand ? prose.matchAll(CLI) : []) {
    const fact = api.cliCommand!(parts(m), release) ?? api.cliCommand!(parts(m).slice(0, 1), release);
    if (fact) cli.add([fact.group, fact.command].filter(Boolean).join(" "));
  }
  // Every command written anywhere in the message, pasted shell sessions included ("$ prefect agent start -q x").
  for (const fact of commandsWritten(`${prose}\n${text}`, facts, release)) commands.add(fact.key);
  // A decorator written in a sentence ("keeps using @materialize") names the Prefect function it applies, when
  // Prefect has one by that name; the everyday ones (@flow, @task) say where, not what about.
  const decorators = [...prose.matchAll(DECORATOR)]
    .map((m) => (m[1] ?? m[2])!)
    .filter((n) => !GENERIC_NAMES.has(n.toLowerCase()) && knownToPrefect(facts, n));
  const written = [...new Set([...identifiersIn(prose), ...decorators])].filter((n) => !n.startsWith("PREFECT_"));
  // A module named only inside a pasted error ("cannot import name 'GitHub' from 'prefect.filesystems'") says what
  // failed, not what the asker wants now; one their own sentence names does.
  const errors = quotedErrors(text);
  const own = errors.reduce((rest, e) => rest.split(e).join(" "), prose);
  const ownNames = errors.length === 0 ? written : identifiersIn(own);
  const apis = [...new Set([...written, ...membersNamed(ownNames, own, facts), ...classesSpelled(own, facts)])];
  const foreign = apis.filter((n) => !knownToPrefect(facts, n));
  // A plain word the asker puts in quotes ("we should use prefect 'assets'") is a term they name, as they name an API;
  // the words a pasted error quotes ("'Flow' object has no attribute 'submit'") are the error's.
  const terms = [...new Set([...own.matchAll(QUOTED_TERM)].map((m) => m[1]!.toLowerCase()))];
  const errorSubjects = [...new Set(errors.flatMap((e) => [...e.matchAll(QUOTED_TERM)].map((m) => m[1]!)))];
  return {
    apis,
    settings: [...settingNames],
    cli: [...cli],
    commands: [...commands],
    errors,
    ...(foreign.length > 0 ? { foreign } : {}),
    ...(terms.length > 0 ? { terms } : {}),
    ...(errorSubjects.length > 0 ? { errorSubjects } : {}),
  };
}

/** Words after it that call it a command after all ("the prefect deploy command", "the prefect worker start flags"). */
const COMMAND_WORDS = new Set(["command", "commands", "cli", "subcommand", "flag", "flags", "option", "options"]);

/**
 * "3 replicas of the prefect api", "restart our prefect server", "our self-hosted prefect api": in a sentence,
 * "prefect" after a determiner (and at most one word describing it) names the thing, not a command typed. Written as
 * code, or called a command or given flags after it, it is one.
 */
function namedAsThing(text: string, at: number, written: string): boolean {
  const before = text.slice(0, at);
  if ((before.split("`").length - 1) % 2 === 1) return false;
  const said = words(before);
  if (!DETERMINERS.has(said.at(-1) ?? "") && !DETERMINERS.has(said.at(-2) ?? "")) return false;
  const after = text.slice(at + written.length).trimStart();
  return !after.startsWith("-") && ![...words(written), ...words(after).slice(0, 1)].some((w) => COMMAND_WORDS.has(w));
}

/** The CLI commands a text writes ("prefect agent start -q x"), each with its history as of the release. */
export function commandsWritten(text: string, facts: PrefectFacts, release: string): CommandHistoryFact[] {
  const api = facts as Partial<PrefectApiFacts>;
  if (!api.commandHistory) return [];
  const found = new Map<string, CommandHistoryFact>();
  for (const m of text.matchAll(CLI)) {
    if (namedAsThing(text, m.index, m[0])) continue;
    const keys = [[m[1]!, ...(m[2] ? [m[2]] : [])].join(" "), m[1]!];
    for (const key of keys) {
      const fact = api.commandHistory(key, release);
      if (fact) {
        found.set(fact.key, fact);
        break;
      }
    }
  }
  return [...found.values()];
}

/**
 * "The S3 storage block from `prefect.filesystems`": a word of the sentence that names a class or function of a module
 * the question writes is that module's member (`prefect.filesystems.S3`), which the facts and units know by that name.
 */
function membersNamed(names: readonly string[], prose: string, facts: PrefectFacts): string[] {
  const modules = names.filter((n) => facts.symbol(n)?.kind === "module");
  if (modules.length === 0) return [];
  const said = new Set(prose.match(/\b[A-Za-z]\w*\b/g) ?? []);
  return modules.flatMap((module) =>
    [...said]
      .map((word) => `${module}.${word}`)
      .filter((fq) => ["class", "function"].includes(facts.symbol(fq)?.kind ?? "")),
  );
}

/** Words a class name must join at least, to be read as spelled out: "flow run" is a thing, not `FlowRun`. */
const SPELLED_WORDS = 3;

/** Where Prefect keeps the classes of its API client, server and CLI, which askers do not import. */
const INTERNAL_MODULE = /^prefect\.(?:client|server|cli)\b/;

/**
 * "Is there a built in process pool task runner?": words that spell out a class an asker imports
 * (`prefect.task_runners.ProcessPoolTaskRunner`) name it, when the newest release of either major line has it (the
 * asker's own release may not: that is often what they ask).
 */
function classesSpelled(prose: string, facts: PrefectFacts): string[] {
  // Each word capitalised once, and the two releases read once: this runs over every word of every question.
  const said = (prose.match(/[A-Za-z]+/g) ?? []).map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  const releases = [facts.latest, facts.latestOfMajor(2)];
  const found = new Set<string>();
  for (let from = 0; from < said.length; from++)
    for (let n = SPELLED_WORDS; n <= SPELLED_WORDS + 2 && from + n <= said.length; n++) {
      const name = said.slice(from, from + n).join("");
      const fq = releases.flatMap((r) => facts.locate(name, r))[0];
      if (fq && !INTERNAL_MODULE.test(fq) && facts.symbol(fq)?.kind === "class") found.add(fq);
    }
  return [...found];
}

/**
 * Whether the newest release of either major has the name as a Prefect function, class or module (`String.load` by its
 * class), or it is a path into `prefect`. A library a Prefect module happens to import (`boto3`) is not Prefect's.
 */
function knownToPrefect(facts: PrefectFacts, name: string): boolean {
  const bare = bareName(name);
  if (/^prefect\b/.test(bare)) return true;
  const parts = bare.split(".");
  const own = (fq: string) => facts.symbol(fq)?.kind !== "variable";
  // A keyword a Prefect callable takes (`on_rollback`, `asset_deps`) is Prefect's too.
  return (
    keywordTakers(facts, bare).length > 0 ||
    [parts[0]!, parts[parts.length - 1]!].some((part) =>
      [facts.latest, facts.latestOfMajor(2)].some((r) => facts.locate(part, r).some(own)),
    )
  );
}

/**
 * "15 minutes", "an hour": a number word needs a space before its unit ("and" is not "an d"). "A second" is an
 * ordinal far more often than a duration ("without making a second pool").
 */
const DURATION =
  /\b(\d+(?:\.\d+)?(?=\s*[a-z])|(?:an?(?!\s+second\b)|one|two|three|five|ten|fifteen|twenty|thirty)(?=\s))\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?)\b/i;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

const DURATIONS = new RegExp(DURATION.source, "gi");

/**
 * The text with every stated duration written as the one word "duration" ("after 5 min", "after five minutes" →
 * "after duration"), so phrasings and questions that differ only in their numbers match.
 */
export function withDurationsAsWords(text: string): string {
  return text.replace(DURATIONS, "duration");
}

/**
 * A count the asker wants as a bound ("no more than 5 tasks", "at most 3 at once", "limit it to 10", "stop more than 5
 * runs from starting"): what they ask for, not what they see, so it says nothing of a default they run into.
 */
const WANTED_BOUND =
  /\b(?:no more than|not more than|(?:stop|prevent|avoid|block)\s+(?:\w+\s+)?more than|at most|up to|fewer than|limit(?:ed)?(?: it| them)? to|cap(?:ped)?(?: it| them)? at)\s+(\d+)\b/gi;

/**
 * Every number a message states, as durations in seconds ("~30s", "after 5 minutes") and as plain counts ("max 5
 * runs", "size 5"); release numbers ("3.4.20", "2.14") are neither.
 */
export function statedNumbers(text: string): { seconds: Set<number>; counts: Set<number>; wanted: Set<number> } {
  const seconds = new Set<number>();
  const rest = text.replace(DURATIONS, (said) => {
    const d = statedDuration(said);
    if (d) seconds.add(d.seconds);
    return " ";
  });
  const counts = new Set<number>();
  for (const m of rest.matchAll(/(?<![\d.])(\d+)(?![\d.]*\d|\.\d)/g)) counts.add(Number(m[1]));
  const wanted = new Set([...rest.matchAll(WANTED_BOUND)].map((m) => Number(m[1])));
  return { seconds, counts, wanted };
}

export function statedDuration(text: string): { seconds: number; said: string } | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  const count = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const per = UNIT_SECONDS[unit.startsWith("mi") ? "m" : unit[0]!] ?? 1;
  const seconds = Math.round(count * per);
  return Number.isFinite(seconds) && seconds > 0 ? { seconds, said: m[0]! } : null;
}

/** Work pool types as people name them → the `--type` value. */
const POOL_TYPES: Record<string, string> = {
  process: "process",
  docker: "docker",
  kubernetes: "kubernetes",
  k8s: "kubernetes",
  ecs: "ecs",
  fargate: "ecs",
  "cloud-run": "cloud-run",
  "cloud run": "cloud-run",
  "vertex ai": "vertex-ai",
  aci: "azure-container-instance",
  "azure container instances": "azure-container-instance",
};

/**
 * Words that, as a part of a name the asker gave their own thing (`gpu-pool`, `etl_flow`, `k8s-prod`), say what kind of
 * thing it is. The other parts (`nightly-dbt`, `billing_sync`) say what the asker's thing does, not what they ask.
 */
const KIND_WORDS = new Set([
  "pool",
  "queue",
  "deployment",
  "flow",
  "subflow",
  "task",
  "worker",
  "agent",
  "block",
  ...Object.keys(POOL_TYPES).filter((k) => !k.includes(" ")),
]);
export const namesKind = (word: string): boolean => KIND_WORDS.has(word.toLowerCase());

function poolType(prose: string): string | null {
  const lower = ` ${prose.toLowerCase().replace(/[^a-z0-9-]+/g, " ")} `;
  for (const [said, type] of Object.entries(POOL_TYPES)) if (lower.includes(` ${said} `)) return type;
  return null;
}

const COUNT = /\b(\d{1,2})\s+(?:times|retries|attempts|tries)\b/i;

function statedCount(prose: string): number | null {
  const m = COUNT.exec(prose);
  return m ? Number(m[1]) : null;
}

/**
 * The number the asker gives a thing, by the word that names it ("every task should default to 2 retries", "retries
 * of 2"): a number right before or after the word (its stem), one word apart at most. None when they give none or
 * several.
 */
/** Words after a number that count the same thing as the word before it ("retries 3 times", "timeout 30 seconds"). */
const SAME_COUNT = new Set([
  "times",
  "attempts",
  "tries",
  "seconds",
  "secs",
  "minutes",
  "mins",
  "hours",
  "per",
  "each",
]);

export function numberGivenFor(word: string, text: string): string | undefined {
  const stemmed = tokenize(word)[0];
  const w = words(text);
  const isNumber = (x: string | undefined) => x !== undefined && x !== "" && Number.isFinite(Number(x));
  const found = new Set<string>();
  // A number followed by another thing it counts ("add retries= to ~200 tasks") is that thing's.
  const countsOther = (j: number) => {
    const next = w[j + 1] ?? "";
    const plainWord = next.length >= 3 && [...next].every((c) => c >= "a" && c <= "z");
    return plainWord && tokenize(next)[0] !== stemmed && !SAME_COUNT.has(next);
  };
  w.forEach((x, i) => {
    if (tokenize(x)[0] !== stemmed) return;
    for (const j of [i - 1, i - 2, i + 1, i + 2]) if (isNumber(w[j]) && (j < i || !countsOther(j))) found.add(w[j]!);
  });
  return found.size === 1 ? [...found][0] : undefined;
}

/** Words before a number that make it a cap ("max 3", "at most 5", "cap it at 10", "no more than 4"). */
const CAP_BEFORE = new Set(["max", "most", "maximum", "than", "to"]);
/** Words after a number that make it a cap ("3 at a time", "10 concurrent", "5 in parallel"). */
const CAP_AFTER = ["at a time", "at once", "concurrent", "concurrently", "in parallel", "parallel", "simultaneous"];
/** Words before a number that make it a count seen, not a cap wanted ("it's firing like 200 at once"). */
const ROUGHLY = new Set(["like", "about", "around", "roughly", "approximately", "nearly", "almost", "over", "~"]);

/**
 * How many may run at once, as the asker states it ("cap it at 10 concurrent", "max 3 at a time"); null when they state
 * no cap, or two different ones. "To" counts only after a word that caps ("limit it to 4"), "at" only after "cap".
 */
export function statedLimit(prose: string): number | null {
  const said = words(prose);
  const found = new Set<number>();
  for (let i = 0; i < said.length; i++) {
    const n = Number(said[i]);
    if (!Number.isInteger(n) || n <= 0 || n > 10_000 || said[i]!.includes(".")) continue;
    const before = said[i - 1] ?? "";
    if (ROUGHLY.has(before)) continue;
    const after = ` ${said.slice(i + 1, i + 4).join(" ")} `;
    const capped =
      (CAP_BEFORE.has(before) && (before !== "to" || ["limit", "it", "them"].includes(said[i - 2] ?? ""))) ||
      (before === "at" && ["cap", "it", "capped"].includes(said[i - 2] ?? "")) ||
      CAP_AFTER.some((w) => after.startsWith(` ${w} `));
    if (capped) found.add(n);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Each kind of the asker's own names, kept only when they name exactly one of that kind. */
function ownNames(code: string[], commands: string, prose: string): OwnNames {
  const found: Record<keyof OwnNames, Set<string>> = { pool: new Set(), queue: new Set(), deployment: new Set() };
  const kindOf = (word: string): keyof OwnNames | null => {
    const w = word.toLowerCase();
    if (w.endsWith("pool")) return "pool";
    if (w.endsWith("queue")) return "queue";
    return w === "deployment" ? "deployment" : null;
  };
  const add = (word: string | undefined, name: string | undefined) => {
    const kind = word ? kindOf(word) : null;
    // A stand-in the asker copied ("<pool>") is not a name of theirs.
    if (kind && name && !name.startsWith("<")) found[kind].add(name.replace(/[.:]$/, ""));
  };
  for (const c of [...code, commands]) for (const m of c.matchAll(OWN_IN_CODE)) add(m[1] ?? m[3], m[2] ?? m[4]);
  for (const m of prose.matchAll(OWN_BEFORE)) add(m[2], m[1]);
  // Unquoted after the word, a name is not an adjective ("pool self-hosted") nor a command's verb ("work queue
  // set-concurrency-limit").
  const plainName = (n: string | undefined) =>
    n && !ADJECTIVE_END.test(n) && !COMMAND_VERBS.has(firstPart(n).toLowerCase()) ? n : undefined;
  for (const m of prose.matchAll(OWN_AFTER)) add(m[1], m[2] ?? m[3] ?? plainName(m[4]));
  for (const m of prose.matchAll(OWN_PLAIN)) if (!ADJECTIVE_END.test(m[1]!)) add(m[2], m[1]);
  const own: OwnNames = {};
  for (const kind of ["pool", "queue", "deployment"] as const)
    if (found[kind].size === 1) own[kind] = [...found[kind]][0]!;
  // A deployment is addressed as `flow/deployment`: a bare deployment name cannot fill that.
  if (own.deployment && !own.deployment.includes("/")) delete own.deployment;
  return own;
}

/** The one environment variable of their own the asker writes (`$IMAGE_TAG`), or null when none or several. */
function statedVariable(text: string): string | null {
  const found = new Set(ownVariables(text));
  return found.size === 1 ? [...found][0]! : null;
}

export function readValues(code: string[], commands: string, prose = ""): AskerValues {
  const names = new Set<string>();
  for (const c of [...code, commands]) {
    for (const m of c.matchAll(NAMED_VALUE)) names.add((m[1] ?? m[2])!);
    for (const m of c.matchAll(DEFINED)) if (!m[1]!.startsWith("_")) names.add(m[1]!);
    for (const m of c.matchAll(TASK_CALLED)) if (!m[1]!.startsWith("_")) names.add(m[1]!);
  }
  const duration = statedDuration(prose);
  return {
    names: [...names].slice(0, 12),
    seconds: duration?.seconds ?? null,
    said: duration?.said ?? null,
    times: statedCount(prose),
    limit: statedLimit(prose),
    poolType: poolType(prose),
    own: ownNames(code, commands, prose),
    clock: statedClock(prose),
    timezone: statedTimezone(prose),
    serverUrl: statedServerUrl(prose),
    tag: statedTag(prose, code),
    param: statedParam(prose),
    env: statedVariable([prose, ...code, commands].join("\n")),
  };
}
