// The words the claim extractors read: cue words of each claim shape, the nouns that name Prefect types, and the
// behaviours from the fact sheet that support threads get wrong. Knowledge lives here as data; the extractors stay
// general.

import { compareVersions } from "../../core/index.js";
import {
  GC_FUTURE_WARNING_UNTIL,
  JSON_VARIABLES_FROM_MAJOR,
  PAUSE_IN_TASK_FROM,
  TASK_OUTSIDE_FLOW_FROM,
} from "../facts/runtime-facts.js";

const majorOf = (release: string) => Number(release.split(".")[0]);

/** Words that negate a clause: a negated claim is not a false claim. */
export const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "cannot",
  "can't",
  "don't",
  "doesn't",
  "isn't",
  "aren't",
  "won't",
  "didn't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "without",
  "neither",
  "nor",
  "lacks",
  "lack",
  "none",
  "instead",
  "unlike",
  "avoid",
  "avoids",
  "avoiding",
  "wrong",
  "incorrect",
  "invalid",
  "nonexistent",
  "missing",
  "absent",
  // Errors: "`from prefect import wait` raises `ImportError`" states that something does not work.
  "importerror",
  "attributeerror",
  "modulenotfounderror",
  "fails",
  // Retractions talk about an earlier wrong statement rather than make one.
  "confusion",
  "mistake",
  "mistakenly",
  "incorrectly",
  "sorry",
]);

/** Negations that, next to an existence word, deny that something exists ("no longer exists", "never existed"). */
export const DENIALS = new Set([
  "not",
  "no",
  "never",
  "cannot",
  "can't",
  "doesn't",
  "don't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "didn't",
  "hasn't",
  "haven't",
  "won't",
]);

/** Words that say something exists or imports; "works" is left out, as it is as often about behaviour. */
export const EXISTENCE_WORDS = new Set([
  "exist",
  "exists",
  "existed",
  "available",
  "importable",
  "import",
  "imports",
  "imported",
  "present",
]);

/** Nouns for the core package as a place ("isn't in core", "not part of Prefect"): being there is existing. */
export const CORE_PLACES = new Set(["core", "prefect"]);

/**
 * Verbs that, denied and followed by a name in code, deny a parameter ("`run_deployment` doesn't accept
 * `as_subflow`", "`@task` does not take a `retries_delay` argument").
 */
export const TAKING_WORDS = new Set(["accept", "accepts", "take", "takes", "support", "supports"]);

/** Words that say a name is gone: a sentence with one merely naming an API does not claim it exists. */
export const REMOVAL_WORDS = new Set([
  "removed",
  "gone",
  "deprecated",
  "dropped",
  "replaced",
  "renamed",
  "legacy",
  "longer",
  "migrate",
  "migrating",
  "old",
  "older",
  "moved",
  // History: "`submit_to_runner` accepted a list … while it existed".
  "was",
  "were",
  "existed",
  "used",
  "previously",
  "formerly",
  "while",
]);

/** Words that carry no predicate: a clause of names and these alone ("`A` and `B`", a list label) asserts nothing. */
export const FILLER_WORDS = new Set([
  "and",
  "or",
  "the",
  "a",
  "an",
  "of",
  "in",
  "on",
  "for",
  "to",
  "with",
  "e.g",
  "etc",
  "here",
  "also",
  "see",
  "via",
  "vs",
]);

/**
 * Two-word phrases read as another of the same meaning: "X rather than Y" negates Y exactly as "X instead of Y" does.
 */
export const PHRASE_SYNONYMS = new Map<string, readonly [string, string]>([["rather than", ["instead", "of"]]]);

/**
 * Verbs and adverbs of a value's change, read before "to" / "from" ("…, up from 30 before 2.12", "… and only drops to
 * 10 in 3.6.23"): a part opening with one states another release's value, a statement with its own version.
 */
export const VALUE_CHANGE_WORDS = new Set([
  "up",
  "down",
  "drops",
  "dropped",
  "rises",
  "rose",
  "falls",
  "fell",
  "goes",
  "went",
  "changes",
  "changed",
  "raised",
  "lowered",
  "increased",
  "decreased",
  "reduced",
  "jumps",
  "jumped",
  "climbs",
  "moves",
  "moved",
]);
/** Words that may stand between the start of such a part and its change word ("and only drops to", ", then rises"). */
export const VALUE_CHANGE_LEADS = new Set([
  "and",
  "only",
  "then",
  "later",
  "it",
  "was",
  "is",
  "gets",
  "got",
  "eventually",
]);

/** Nouns of what Prefect reports, after a type noun that says which ("the future warning", "a flow error"). */
export const REPORT_NOUNS = new Set(["warning", "warnings", "message", "messages", "error", "errors", "log", "logs"]);

/** Nouns for a change of behaviour: "…, a change that landed in 3.6.3" dates the change, not a name before it. */
export const CHANGE_NOUNS = new Set([
  "change",
  "changes",
  "fix",
  "fixes",
  "bugfix",
  "behaviour",
  "behavior",
  "improvement",
  "update",
  "tweak",
  "shift",
]);

/** Claim kinds that only say a name exists: a sentence that denies or tells history makes none of them. */
export const EXISTENCE_KINDS = new Set(["exists", "cli", "setting", "import"]);

/** Words that start a new clause: what follows may have its own polarity and subject. */
export const CLAUSE_BREAKS = new Set(["so", "but", "whereas", "however", "although", "though", "unlike", "otherwise"]);

/** Words that set off an alternative or a contrast: a version past one of them belongs to that part of the sentence. */
export const ASIDE_WORDS = new Set([
  "or",
  "but",
  "whereas",
  "while",
  "however",
  "although",
  "though",
  "unlike",
  "instead",
  "otherwise",
]);

/** Last components that make a dotted word a file or host name (prefect.yaml, prefect.io), not an API. */
export const FILE_SUFFIXES = new Set([
  "html",
  "htm",
  "yaml",
  "yml",
  "toml",
  "json",
  "io",
  "cloud",
  "md",
  "txt",
  "py",
  "com",
  "org",
  "dev",
]);

/**
 * Words after a type noun that make it a modifier, not the owner of a name: a "flow run", the "task runner", "flow
 * parameters" (the flow function's inputs) are things of their own.
 */
export const RUN_WORDS: ReadonlySet<string> = new Set([
  "run",
  "runs",
  "run's",
  "run’s",
  "parameter",
  "parameters",
  "runner",
  "runners",
]);

/**
 * Second parts of a hyphenated compound that qualify the noun before them ("task-only", "tag-based", "flow-level"): the
 * noun stays the noun. Any other second part ("task-run", "work-pool") makes the first a modifier.
 */
export const NOUN_QUALIFIERS = new Set(["only", "based", "level", "side", "specific", "wide", "scoped", "bound"]);

/** Plural or singular nouns that name a Prefect type in prose. */
export const TYPE_NOUNS: Record<string, string> = {
  flow: "prefect.flows.Flow",
  flows: "prefect.flows.Flow",
  subflow: "prefect.flows.Flow",
  subflows: "prefect.flows.Flow",
  task: "prefect.tasks.Task",
  tasks: "prefect.tasks.Task",
  future: "prefect.futures.PrefectFuture",
  futures: "prefect.futures.PrefectFuture",
};

/**
 * Features named by a plain noun whose history is one module's or one command's ("Variables were introduced in 2.12":
 * `prefect.variables` arrived in 2.10.0; "agents were removed in 2.19": `prefect agent start` ran until 2.20.25). Only
 * nouns whose feature and its module (or command) arrived together: "schedules" or "deployments" existed long before
 * their modules of today, and `prefect.agent` outlived agents as a stub, so agents are dated by their command.
 */
export const FEATURE_NOUNS: Record<string, string> = {
  variables: "prefect.variables",
  artifacts: "prefect.artifacts",
  transactions: "prefect.transactions",
  workers: "prefect.workers",
  agents: "cli:agent start",
};

/** A word before a type noun that names a narrower type ("infrastructure-bound flows" have `.submit()`). */
export const TYPE_QUALIFIERS: Record<string, string> = {
  bound: "prefect.flows.InfrastructureBoundFlow",
  infrastructure: "prefect.flows.InfrastructureBoundFlow",
};

/** Classes a bare `.member()` may belong to when no noun says which: the one that has it is meant. */
export const MEMBER_OWNERS = [
  "prefect.flows.Flow",
  "prefect.tasks.Task",
  "prefect.futures.PrefectFuture",
  "prefect.client.schemas.objects.FlowRun",
];

/** Suffixes of variable names in answers' inline code that say what the variable holds (`a_flow.submit()`). */
export const VARIABLE_SUFFIXES: [suffix: string, fq: string][] = [
  ["flow_run", "prefect.client.schemas.objects.FlowRun"],
  ["subflow", "prefect.flows.Flow"],
  ["flow", "prefect.flows.Flow"],
  ["task", "prefect.tasks.Task"],
  ["future", "prefect.futures.PrefectFuture"],
  ["fut", "prefect.futures.PrefectFuture"],
  ["state", "prefect.client.schemas.objects.State"],
];

/**
 * A noun after a bare name that says which of its readings is meant: "the `DateTime` block" is the block, not the
 * type. By a part of the defining module's path or by the kind of symbol.
 */
export const NAME_NOUNS: Record<string, { path?: string; kinds?: string[] }> = {
  block: { path: ".blocks." },
  blocks: { path: ".blocks." },
  type: { kinds: ["class", "reexport", "variable"] },
  class: { kinds: ["class"] },
  model: { kinds: ["class"] },
  function: { kinds: ["function"] },
  helper: { kinds: ["function"] },
  decorator: { kinds: ["function"] },
  method: { kinds: ["method", "classmethod"] },
  module: { kinds: ["module"] },
};

/** "… on the flow run": a type noun followed by "run" names the run's record, not the type. */
export const RUN_OWNERS: Record<string, string> = {
  flow: "prefect.client.schemas.objects.FlowRun",
  subflow: "prefect.client.schemas.objects.FlowRun",
  task: "prefect.client.schemas.objects.TaskRun",
};

/** "flows can be submitted": a passive verb that names a method. */
export const PASSIVE_MEMBERS: Record<string, string> = {
  submitted: "submit",
  mapped: "map",
  served: "serve",
  deployed: "deploy",
  delayed: "delay",
};

/** Words that, with a member named near a type noun, assert the type has it. */
export const MEMBER_CUES = new Set([
  "have",
  "has",
  "support",
  "supports",
  "supported",
  "provide",
  "provides",
  "expose",
  "exposes",
  "offer",
  "offers",
  "use",
  "using",
  "call",
  "calling",
  "via",
  "with",
  "can",
  "on",
  "method",
]);

export const RETURN_CUES = new Set([
  "returns",
  "return",
  "returned",
  "gives",
  "give",
  "yields",
  "yield",
  "produces",
  "hands",
]);

/** Verbs that, with "back" after them ("hand back", "pass back", "send you back"), say what is returned. */
export const BACK_VERBS = new Set(["hand", "hands", "handed", "pass", "passes", "send", "sends", "give", "gives"]);

/** A returned object described by a noun: the class name it must contain. */
export const RETURN_NOUNS: Record<string, string> = {
  future: "Future",
  futures: "Future",
  prefectfuture: "Future",
  state: "State",
  flowrun: "FlowRun",
};

export const IMPORT_CUES = new Set([
  "import",
  "importable",
  "imported",
  "exported",
  "exports",
  "lives",
  "defined",
  // "grab `wait` from the top-level `prefect` package".
  "grab",
  "pull",
]);

export const DEFAULT_CUES = new Set(["default", "defaults", "defaulting"]);

/**
 * Trailing conditions that say what a callable does when nobody asks otherwise, i.e. by default ("`Variable.set`
 * overwrites … unless you tell it not to"): the verb before them names a switch that is on by default. Lower case,
 * spaced, matched in the sentence's words.
 */
export const UNLESS_TOLD_OTHERWISE = [
  " unless you tell it not to ",
  " unless you ask it not to ",
  " unless you tell it otherwise ",
  " unless you say otherwise ",
  " unless told otherwise ",
  " unless asked not to ",
  " unless you opt out ",
];

/**
 * Units prose states a quantity in ("30 seconds", "10 KB"), as the factors that turn it into the bare number a
 * setting or parameter default is written in (sizes may be meant in 1000s or 1024s).
 */
export const QUANTITY_UNITS: Record<string, number[]> = {
  s: [1],
  sec: [1],
  secs: [1],
  second: [1],
  seconds: [1],
  min: [60],
  mins: [60],
  minute: [60],
  minutes: [60],
  h: [3_600],
  hour: [3_600],
  hours: [3_600],
  day: [86_400],
  days: [86_400],
  ms: [0.001],
  milliseconds: [0.001],
  bytes: [1],
  // Sizes of text (log messages) are counted in characters, as the setting's bare number.
  characters: [1],
  chars: [1],
  // Counts ("retried up to three times", "5 retries") are the setting's bare number.
  times: [1],
  retries: [1],
  kb: [1_000, 1_024],
  kib: [1_024],
  mb: [1_000_000, 1_048_576],
  mib: [1_048_576],
  gb: [1_000_000_000, 1_073_741_824],
  gib: [1_073_741_824],
};

export const PARAM_CUES = new Set([
  "pass",
  "passing",
  // "hand `.deploy()` a list via `schedules=[...]`", "supply `x=`": verbs of passing ("hands back" is returning).
  "hand",
  "supply",
  "supplies",
  "accepts",
  "accept",
  "takes",
  "take",
  "parameter",
  "argument",
  "kwarg",
  "option",
  "set",
]);

export const VERSION_EVENTS: Record<string, "added" | "removed" | "available"> = {
  added: "added",
  introduced: "added",
  since: "added",
  new: "added",
  arrived: "added",
  // Told in the present ("the newer `X` only arrives in 3.5").
  arrives: "added",
  appears: "added",
  lands: "added",
  debuts: "added",
  appeared: "added",
  // "only shows up in 2.16.0", "flows gain `x` in 3.5": present tenses of "showed", "gained".
  shows: "added",
  gains: "added",
  landed: "added",
  shipped: "added",
  showed: "added",
  debuted: "added",
  became: "added",
  // "`Flow.deploy` came in 2.14", "tasks gained `on_running` in 3.5" ("came back" is a return, not an arrival).
  came: "added",
  gained: "added",
  // "`Task.delay()` needs Prefect 3.2 or later": what a name needs is the release it arrived in.
  needs: "added",
  requires: "added",
  available: "available",
  // "a name that only exists from 3.2.0 onward", "`X` already existed in 2.x".
  exists: "available",
  existed: "available",
  removed: "removed",
  dropped: "removed",
  gone: "removed",
  deleted: "removed",
  still: "available",
  // "`X` is deprecated in 3.0": a deprecation dates a release that still has the name.
  deprecated: "available",
};

/**
 * Words between an event and its version that bound it rather than date it: "dropped after 2.12.1" (it was still
 * there in 2.12.1), "gone since 3.0" / "removed before 3.0" (gone by then), "available since 2.15" (there from then).
 */
export const EVENT_BOUNDS: Record<string, "after" | "before" | "since" | "throughout"> = {
  // "available throughout 3.x": in every release of the line, not only in one of them.
  throughout: "throughout",
  after: "after",
  later: "after",
  beyond: "after",
  since: "since",
  from: "since",
  starting: "since",
  ">=": "since",
  before: "before",
  prior: "before",
  until: "before",
  earlier: "before",
  pre: "before",
  by: "before",
};

/** "… still works", "is still there": said of the asker's release when no version is named. */
export const STILL_WORDS = new Set([
  "works",
  "work",
  "exists",
  "exist",
  "there",
  "available",
  "supported",
  "around",
  "accepted",
  "honoured",
  "honored",
]);

/** Names before a version that make it another product's ("Python 3.9", "pydantic 2.0", "Helm 3"). */
export const OTHER_PRODUCTS = new Set([
  "python",
  "py",
  "pydantic",
  "pip",
  "uv",
  "node",
  "docker",
  "kubernetes",
  "k8s",
  "helm",
  "postgres",
  "postgresql",
  "sqlite",
  "sqlalchemy",
  "fastapi",
  "httpx",
  "dask",
  "ray",
  "redis",
  "ubuntu",
  "debian",
  "http",
  "tls",
  "pendulum",
  "typer",
]);

/** Words before a version that make it a lower bound ("from 3.2", "3.2+"). */
export const FROM_WORDS = new Set(["since", "from", "after", "starting", ">="]);
export const UNTIL_WORDS = new Set(["before", "until", "prior", "below", "pre", "older", "earlier"]);

/**
 * A behaviour of Prefect stated in prose: every group of words must appear in one clause (any of a group's
 * alternatives, as whole words or phrases), and none of `unless`.
 */
export interface Behaviour {
  id: string;
  groups: string[][];
  /** Words that, anywhere in the clause, make it a different statement. */
  unless: string[];
  /** Words that, anywhere in the sentence, make it about something else (a migration's list of changes). */
  sentenceUnless?: string[];
  /** The groups must appear in this order (the subject before its verb: "the flow waits", not "wait … the flow"). */
  ordered?: boolean;
  /** Whether the stated behaviour holds in a release. */
  holds: (release: string) => boolean;
  fact: (release: string) => string;
}

const CALLING_TASK = ["calling a task", "calling tasks", "calling the task", "call a task", "task call", "direct call"];
const TASK_OUTSIDE = [
  "calling a task",
  "call a task",
  "task called",
  "tasks called",
  "invoking a task",
  "invoke a task",
  "running a task",
  "run a task",
  "calling tasks",
];
const OUTSIDE_FLOW = ["outside a flow", "outside of a flow", "outside any flow", "outside flows", "without a flow"];
const FAILS = ["raises", "raise", "fails", "fail", "error", "errors", "runtimeerror", "not allowed"];
const outsideFact = (r: string) =>
  `in Prefect ${r} a task called outside a flow ${compareVersions(r, TASK_OUTSIDE_FLOW_FROM) >= 0 ? "runs" : "raises RuntimeError"} (it raised RuntimeError up to 2.16.x and runs from ${TASK_OUTSIDE_FLOW_FROM})`;
const flowCachingFact = (r: string) =>
  `in Prefect ${r} flows have no caching options (\`@flow\` takes no cache_policy, cache_key_fn or cache_expiration); caching is per task`;
const FLOW_SUBJECT = ["flows", "a flow", "the flow", "flow's", "@flow", "subflows", "your flow"];
const CALLING_FLOW = ["calling a subflow", "calling subflows", "calling a flow", "calling flows", "subflow call"];
/** Words of a text about what changes across releases (a migration guide's "main breaks"), not about one release. */
const CHANGE_WORDS = [
  "breaks",
  "breaking",
  "changes",
  "changed",
  "migrate",
  "migrating",
  "migration",
  "upgrade",
  "upgrading",
];
/** Docs v3 concepts/tag-based-concurrency-limits: tag-based limits are backed by global limits from this release. */
const TAG_LIMITS_GLOBAL_FROM = "3.4.19";
/** Docs v3 concepts/settings-and-profiles and the 3.1.0 release notes: `prefect.toml` / `pyproject.toml` settings. */
const TOML_SETTINGS_FROM = "3.1.0";
const TAG_LIMITS = [
  "tag-based limits",
  "tag-based limit",
  "tag-based concurrency limits",
  "tag-based concurrency limit",
  "tag limits",
  "tag concurrency limits",
  "concurrency-limit create",
];
const RETURNS = ["returns", "return", "gives", "yields", "hands", "hand back", "produces", "get back", "gets you"];

/**
 * Fact sheet 13b (`cache_policies.py`): the policies a 3.x task's `DEFAULT` cache policy is made of. The policy names
 * themselves come from the facts (the constants of `prefect.cache_policies`).
 */
export const DEFAULT_CACHE_POLICY_PARTS: ReadonlySet<string> = new Set(["INPUTS", "TASK_SOURCE", "RUN_ID"]);
export const CACHE_POLICY_MODULE = "prefect.cache_policies";
const defaultPolicyFact = (r: string) =>
  majorOf(r) >= 3
    ? `in Prefect ${r} the DEFAULT cache policy is INPUTS + TASK_SOURCE + RUN_ID`
    : `Prefect ${r} has no cache policies (\`prefect.cache_policies\` arrived in 3.0.0; 2.x caches only with a cache_key_fn)`;

export const BEHAVIOURS: Behaviour[] = [
  {
    // Read by `readDefaultPolicy`, not by phrase: the parts stated for the default policy are all of its parts.
    id: "default-cache-policy-parts",
    groups: [],
    unless: [],
    holds: (r) => majorOf(r) >= 3,
    fact: defaultPolicyFact,
  },
  {
    // … and a part stated that it lacks, or "just `INPUTS`".
    id: "default-cache-policy-wrong-parts",
    groups: [],
    unless: [],
    holds: () => false,
    fact: defaultPolicyFact,
  },
  {
    id: "task-call-future",
    groups: [CALLING_TASK, RETURNS, ["future", "futures", "prefectfuture", "prefectfutures"]],
    unless: ["submit", "submitting", ".submit()", "map", ".map()", "delay", "return_state"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} calling a task directly runs it and returns its result; only .submit() and .map() return futures`,
  },
  {
    // Fact sheet: `.submit()` and `.map()` hand back futures at once; the value comes from `.result()`.
    id: "submit-returns-value",
    groups: [
      ["submit", "submit()", ".submit()", "submitting", "map", ".map()"],
      RETURNS,
      // "the task's return value", "its return value": the value by whoever's possessive.
      ["the value", "its value", "the result", "its result", "return value", "the results", "their results"],
    ],
    ordered: true,
    unless: [
      "future",
      "futures",
      "prefectfuture",
      "prefectfuturelist",
      ".result()",
      "result()",
      ".wait()",
      "once",
      "after",
      "when",
    ],
    holds: () => false,
    fact: (r) => `in Prefect ${r} .submit() and .map() return futures at once; the value comes from .result() on them`,
  },
  {
    id: "subflow-call-future",
    groups: [CALLING_FLOW, RETURNS, ["future", "futures", "prefectflowrunfuture", "prefectflowrunfutures"]],
    unless: ["submit", "work_pool", "submit_to_work_pool", "infrastructure"],
    holds: () => false,
    fact: (r) => `in Prefect ${r} calling a subflow runs it and returns its result, never a PrefectFlowRunFuture`,
  },
  {
    // Only flows yield PrefectFlowRunFuture, so "each call returns a PrefectFlowRunFuture" is about calling flows.
    id: "subflow-call-future",
    groups: [["call", "calls", "calling"], RETURNS, ["prefectflowrunfuture", "prefectflowrunfutures"]],
    unless: ["submit", "work_pool", "submit_to_work_pool", "infrastructure", "worker"],
    holds: () => false,
    fact: (r) => `in Prefect ${r} calling a subflow runs it and returns its result, never a PrefectFlowRunFuture`,
  },
  {
    id: "flow-waits-for-futures",
    groups: [
      [
        "prefect will",
        "prefect waits",
        "prefect automatically",
        "the engine",
        "prefect tracks",
        "the flow",
        "a flow",
        "flows",
        "your flow",
        "the parent flow",
      ],
      ["wait for", "waits for", "will wait", "track", "tracks", "will track", "block on", "blocks on"],
      [
        "submitted",
        "futures",
        "every future",
        "each future",
        "unresolved",
        "pending",
        "all tasks",
        "every task",
        "outstanding",
      ],
    ],
    unless: ["if you", "when you", "call", "calling", "return", "returning", "wait(", "wait()", ".result()", "use"],
    ordered: true,
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      `a Prefect ${r} flow does not wait for futures it did not resolve: unreturned, unwaited task runs are cancelled when it returns`,
  },
  {
    // The same, said in the passive: "unreturned futures are awaited by the engine before the flow completes".
    id: "flow-waits-for-futures",
    groups: [
      ["unreturned", "unresolved", "pending", "submitted", "outstanding", "leftover", "remaining"],
      ["futures", "tasks", "task runs"],
      [
        "awaited",
        "waited on",
        "waited for",
        "resolved automatically",
        "automatically resolved",
        "finished automatically",
      ],
      ["engine", "flow", "prefect", "runtime"],
    ],
    unless: ["if you", "when you", "return", "returning", "wait(", "wait()", ".result()", "use"],
    ordered: true,
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      `a Prefect ${r} flow does not wait for futures it did not resolve: unreturned, unwaited task runs are cancelled when it returns`,
  },
  {
    // The other side: unwaited futures said to be dropped when the flow returns is true only from 3.x (2.x flows
    // wait for every submitted task before their final state).
    id: "flow-abandons-futures",
    groups: [
      ["unreturned", "unresolved", "pending", "submitted", "outstanding", "leftover", "remaining", "unwaited"],
      ["futures", "tasks", "task runs"],
      ["abandoned", "cancelled", "canceled", "dropped", "discarded", "killed", "orphaned", "left behind"],
    ],
    unless: ["if you", "unless you", "wait(", "wait()", ".result()", "use", "crash", "crashes"],
    ordered: true,
    holds: (release) => majorOf(release) >= 3,
    fact: (r) =>
      `a Prefect ${r} flow waits for every submitted task run to finish before it takes its final state; nothing is abandoned`,
  },
  {
    id: "subflows-on-task-runner",
    groups: [
      ["subflow", "subflows", "child flows"],
      [
        "concurrently",
        "concurrent",
        "in parallel",
        "parallel",
        "parallelizes",
        "parallelises",
        "parallelize",
        "parallelise",
        "simultaneously",
        "at the same time",
      ],
      ["task runner", "task runners", "task_runner", "max_workers", "threadpooltaskrunner"],
    ],
    unless: ["wrap", "wrapper", "wrapping", "inside a task", "in a task", "run_deployment", "deployment", "asyncio"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} a subflow call runs in the parent's thread and returns its result; the task runner only runs submitted tasks, so it does not make subflows concurrent`,
  },
  {
    id: "wait-timeout-raises",
    groups: [
      ["wait", "prefect.futures.wait"],
      ["timeout", "times out", "timed out"],
      ["raise", "raises", "throws"],
    ],
    unless: ["as_completed", "result(", ".result()", "wait_for_flow_run", "flowrunwaittimeout"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} prefect.futures.wait does not raise on timeout: it returns the done/not_done split (as_completed is the one that raises)`,
  },
  {
    id: "await-submit-future",
    groups: [
      ["await", "awaiting", "awaited"],
      ["future", "futures"],
      ["submit", ".submit()", "submit()"],
    ],
    unless: ["wait_for_flow_run", "asyncio.to_thread", "to_thread", "wrap"],
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      `in Prefect ${r} a future from .submit() cannot be awaited (TypeError); call .result() or .wait() on it`,
  },
  {
    id: "delay-blocks",
    groups: [
      ["delay()", ".delay()", "delay"],
      ["blocks", "waits until", "waits for", "block until"],
    ],
    unless: ["result", ".result()", ".wait()", "wait()"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} Task.delay() returns a PrefectDistributedFuture at once; the task runs on a task worker`,
  },
  {
    id: "pause-task-run",
    groups: [
      ["pause_flow_run", "pause_flow_run()", "pausing"],
      ["inside a task", "in a task", "from a task"],
      ["just that task", "only that task", "the task run", "pauses the task", "pause the task"],
    ],
    unless: [],
    holds: () => false,
    fact: (r) =>
      `task runs cannot be paused in Prefect ${r}: pause_flow_run in a task ${compareVersions(r, PAUSE_IN_TASK_FROM) >= 0 ? "pauses the parent flow run" : 'raises "Cannot pause task runs."'}`,
  },
  {
    id: "task-outside-flow-fails",
    groups: [TASK_OUTSIDE, OUTSIDE_FLOW, FAILS],
    unless: [],
    holds: (release) => compareVersions(release, TASK_OUTSIDE_FLOW_FROM) < 0,
    fact: outsideFact,
  },
  {
    id: "task-outside-flow-runs",
    groups: [
      TASK_OUTSIDE,
      OUTSIDE_FLOW,
      ["works", "work", "runs", "run", "fine", "allowed", "supported", "just", "can"],
    ],
    unless: FAILS,
    holds: (release) => compareVersions(release, TASK_OUTSIDE_FLOW_FROM) >= 0,
    fact: outsideFact,
  },
  {
    // Caching options are the task's: Flow takes no cache_policy, cache_key_fn or cache_expiration in any release.
    id: "flow-caching",
    groups: [
      FLOW_SUBJECT,
      ["support", "supports", "can", "accept", "accepts", "take", "takes", "have", "has", "also"],
      ["caching", "cache", "cached", "cache_key_fn", "cache_policy", "cache_expiration"],
    ],
    unless: [
      "flow's tasks",
      "flow tasks",
      "flows' tasks",
      "cached task",
      "cached tasks",
      "cache a task",
      "task caching",
      "task-level",
      "inside",
      "within",
      "call",
      "calls",
      "calling",
      "its tasks",
      "their tasks",
      "per task",
      "only tasks",
    ],
    ordered: true,
    holds: () => false,
    fact: (r) => flowCachingFact(r),
  },
  {
    id: "flow-caching",
    groups: [
      [
        "cache a flow",
        "cache a flow's",
        "cache the flow",
        "cache the flow's",
        "cache flows",
        "cache your flow",
        "caching a flow",
        "caching flows",
      ],
    ],
    unless: ["task", "tasks"],
    holds: () => false,
    fact: (r) => flowCachingFact(r),
  },
  {
    id: "pause-in-task-pauses-parent",
    groups: [
      ["pausing", "pause_flow_run", "pause_flow_run()"],
      ["inside a task", "in a task", "from a task"],
      [
        "parent flow",
        "the flow run",
        "parent flow run",
        "surrounding flow",
        "enclosing flow",
        "calling flow",
        "its flow",
      ],
    ],
    unless: ["cannot", "raises"],
    ordered: true,
    holds: (release) => compareVersions(release, PAUSE_IN_TASK_FROM) >= 0,
    fact: (r) =>
      `in Prefect ${r} pause_flow_run inside a task raises "Cannot pause task runs." (it pauses the parent flow run from ${PAUSE_IN_TASK_FROM})`,
  },
  {
    // The other side of the same change: "`pause_flow_run` in a task raises `Cannot pause task runs.`" holds only
    // before the release that made it pause the parent flow run.
    id: "pause-in-task-raises",
    groups: [
      ["pausing", "pause_flow_run", "pause_flow_run()"],
      ["inside a task", "in a task", "from a task", "within a task"],
      ["raises", "raise", "throws", "errors", "fails", "cannot pause task runs"],
    ],
    unless: ["parent flow", "parent flow run", "suspend_flow_run"],
    ordered: true,
    holds: (release) => compareVersions(release, PAUSE_IN_TASK_FROM) < 0,
    fact: (r) =>
      compareVersions(r, PAUSE_IN_TASK_FROM) >= 0
        ? `in Prefect ${r} pause_flow_run inside a task pauses the parent flow run (it raises "Cannot pause task runs." only before ${PAUSE_IN_TASK_FROM})`
        : `in Prefect ${r} pause_flow_run inside a task raises "Cannot pause task runs."`,
  },
  {
    id: "suspend-task-run",
    groups: [
      ["suspend_flow_run", "suspend_flow_run()", "suspending"],
      ["inside a task", "in a task", "from a task", "inside tasks", "in tasks", "from tasks"],
      [
        "the task run",
        "that task",
        "suspend the task",
        "suspends the task",
        "parent flow",
        "the flow run",
        // "… works the same way inside a task": that it works there at all is the claim.
        "same way",
        "the same",
        "works",
        "behaves",
      ],
    ],
    unless: ["cannot", "raises", "error", "fails"],
    holds: () => false,
    fact: (r) => `in Prefect ${r} suspend_flow_run inside a task raises "Cannot suspend task runs."`,
  },
  {
    id: "cache-policy-wins",
    groups: [
      ["both"],
      ["cache_policy wins", "cache_policy takes precedence", "cache_policy overrides", "cache_policy is used"],
    ],
    unless: [],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r}, when a task sets both cache_policy and cache_key_fn, cache_key_fn wins (with a warning)`,
  },
  {
    // Fact sheet 13b: a 3.x task's default cache key includes the flow run id (DEFAULT = INPUTS + TASK_SOURCE +
    // RUN_ID), and 2.x tasks cache only with a cache_key_fn: the same inputs in another flow run are no cache hit
    // unless a policy or key function says so.
    id: "cross-run-cache-by-default",
    groups: [
      ["same inputs", "same input", "same arguments", "same parameters", "same args", "identical inputs"],
      ["flow runs", "across runs", "other runs", "different runs", "another run", "another flow run", "later runs"],
      ["cache", "cached", "cache hit"],
      // Said of the default: after "use `cache_policy=INPUTS`." the next sentence may rightly say the same.
      ["automatically", "default", "by default", "out of the box", "always", "on its own"],
    ],
    unless: [
      "cache_key_fn",
      "task_input_hash",
      "cache_policy",
      "no_cache",
      "run_id",
      "policy=",
      "if you",
      "when you set",
    ],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} a task's default caching does not carry across flow runs (3.x's DEFAULT policy includes RUN_ID; 2.x caches only with a cache_key_fn)`,
  },
  {
    // Settings docs (v3 settings-and-profiles, v2 guides/settings): environment variables, `.env`, `prefect.toml` and
    // `pyproject.toml` all win over the active profile; a profile said to win over one of them is false.
    id: "profile-loses-to-other-sources",
    groups: [
      ["profile", "profiles", "profile's"],
      [
        "wins over",
        "win over",
        "will win over",
        "takes precedence over",
        "take precedence over",
        "overrides",
        "override",
        "beats",
        "beat",
        "outranks",
      ],
      ["environment variable", "environment variables", "env var", "env vars", "prefect.toml", "toml", ".env"],
    ],
    // A chain of sources ("the profile overrides the defaults, and environment variables override the profile")
    // says the profile loses too.
    unless: [
      "defaults",
      "default values",
      "overridden",
      "override the profile",
      "overrides the profile",
      "over the profile",
      "over your profile",
      "over the active profile",
      "override your profile",
      "overrides your profile",
    ],
    ordered: true,
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} environment variables${r.startsWith("2.") ? "" : ", `.env`, `prefect.toml` and `pyproject.toml`"} take precedence over the active profile`,
  },
  {
    // v2 docs concepts/flows.md ("when the flow run resumes, the flow code will execute again from the beginning of the
    // flow"); v3 concepts/states.mdx: a suspended run's process has exited, so nothing is left to continue.
    id: "suspended-run-restarts",
    groups: [
      ["suspended", "suspend", "suspending", "suspend_flow_run"],
      ["resumed", "resume", "resumes", "resuming"],
      [
        "continues from",
        "continue from",
        "picks up",
        "pick up",
        "where it left off",
        "line after",
        "line right after",
        "same point",
        "same line",
        "continues where",
        "carries on",
      ],
    ],
    unless: ["pause_flow_run", "paused", "pausing", "from the beginning", "from the start", "from the top", "again"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} a suspended flow run's process has exited: when it resumes, the flow code runs again from the beginning (use tasks and caching to skip finished work)`,
  },
  {
    // … and it is no error to set both: "setting both raises a ValueError" is as false as "cache_policy wins".
    id: "cache-policy-wins",
    groups: [["both"], ["cache_key_fn"], ["cache_policy"], [...FAILS, "valueerror", "rejected", "refuses"]],
    unless: ["warning", "warns"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r}, when a task sets both cache_policy and cache_key_fn, cache_key_fn wins (with a warning, no error)`,
  },
  {
    id: "variable-get-value-2x",
    groups: [
      ["variable.get", "variable.get()"],
      ["returns", "returned", "gives", "gave"],
      ["raw value", "value itself", "the value", "plain value"],
    ],
    unless: [".value", "object"],
    holds: (release) => majorOf(release) >= 3,
    fact: (r) =>
      `in Prefect ${r} Variable.get returns a Variable object (read its .value); only 3.x returns the value itself`,
  },
  {
    // The warning for a future dropped unresolved was logged in 3.0–3.3 only.
    id: "gc-future-warning",
    groups: [
      ["future", "futures"],
      ["garbage collected", "garbage-collected", "garbage collection"],
      ["warning", "warns", "warn", "logged", "logs", "log", "see", "shows", "prints"],
    ],
    unless: ["removed", "dropped", "gone", "used to", "until", "older", "earlier", "silenced", "suppressed"],
    holds: (release) => majorOf(release) < 3 || compareVersions(release, GC_FUTURE_WARNING_UNTIL) < 0,
    fact: (r) =>
      `Prefect ${r} does not log "A future was garbage collected before it resolved": that warning existed in 3.0–3.3 and was removed in ${GC_FUTURE_WARNING_UNTIL}`,
  },
  {
    // 2.x Variables held strings only; 3.x Variables hold any JSON value. Environment and job variables are
    // strings in every release, and are other things.
    id: "variables-string-only",
    groups: [
      ["variable", "variables", "variable values"],
      [
        "string values",
        "strings only",
        "only strings",
        "string-only",
        "only string",
        "limited to strings",
        "limited to string",
        "must be strings",
        "must be a string",
        "only hold strings",
        "only store strings",
      ],
    ],
    unless: [
      "environment",
      "env",
      "os.environ",
      "job",
      "job_variables",
      "template",
      "json",
      "dict",
      "dicts",
      "any",
      "numbers",
      "lists",
      "as well as",
    ],
    ordered: true,
    holds: (release) => majorOf(release) < JSON_VARIABLES_FROM_MAJOR,
    fact: (r) =>
      `in Prefect ${r} Variables hold any JSON value (strings, numbers, booleans, lists, dicts); string-only values were 2.x`,
  },
  {
    // Fact sheet 5b: `as_completed` raises TimeoutError on timeout; `wait` is the one that returns a partial split.
    id: "as-completed-timeout-silent",
    groups: [
      ["as_completed"],
      ["timeout", "times out", "timed out", "time out"],
      [
        "stops yielding",
        "just stops",
        "simply stops",
        "leaves the rest",
        "returns whatever",
        "returns the finished",
        "returns the done",
        "silently",
        "quietly",
        "partial",
      ],
    ],
    unless: ["raise", "raises", "throws", "timeouterror", "error", "exception"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} as_completed raises TimeoutError when its timeout passes with futures unfinished (prefect.futures.wait is the one that returns the done/not_done split)`,
  },
  {
    // CLI history: `prefect concurrency-limit create` takes a tag and a limit (tag-based task concurrency); named
    // global limits are `prefect global-concurrency-limit create`.
    id: "tag-limit-command-is-global",
    groups: [
      ["prefect concurrency-limit create", "prefect concurrency-limit", "concurrency-limit create"],
      ["global limit", "global limits", "global concurrency limit", "global concurrency limits", "named limit"],
    ],
    unless: ["global-concurrency-limit", "prefect gcl", "tag-based", "tag based", "tags", "tag"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} \`prefect concurrency-limit create\` makes a tag-based task concurrency limit (a tag and a limit); named global limits are \`prefect global-concurrency-limit create\``,
  },
  {
    // v3 concepts/deployments: a deployment's concurrency limit queues the runs over it unless told otherwise
    // (collision strategy ENQUEUE when unset; CANCEL_NEW must be chosen).
    id: "deployment-limit-cancels",
    groups: [
      [
        "deployment limit",
        "deployment's limit",
        "deployment concurrency",
        "concurrency limit",
        "over the limit",
        "collision",
      ],
      [
        "cancelled by default",
        "canceled by default",
        "cancel them by default",
        "cancels them by default",
        "dropped by default",
      ],
    ],
    unless: ["cancel_new", "if you set", "once you set", "when you set", "tag", "tags", "task"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} runs over a deployment's concurrency limit are queued by default (collision strategy ENQUEUE); cancelling them is CANCEL_NEW, which must be chosen`,
  },
  {
    // v3 API reference (prefect.artifacts): progress is a percentage, a float between 0 and 100.
    id: "progress-is-fraction",
    groups: [
      ["progress", "progress artifact", "update_progress_artifact", "create_progress_artifact"],
      ["fraction", "fractions", "ratio"],
    ],
    unless: ["percent", "percentage", "percentages"],
    ordered: true,
    holds: () => false,
    fact: (r) => `in Prefect ${r} a progress artifact's progress is a percentage, a float between 0 and 100`,
  },
  {
    // v2 guides/variables.md and the v3 API reference (prefect.variables): getting a variable that does not exist
    // returns the default (None unless one is passed); it does not raise.
    id: "missing-variable-raises",
    groups: [
      ["variable", "variables", "variable.get", "variables.get", "variable.get()", "variables.get()"],
      ["exist", "exists", "missing", "nonexistent", "unknown variable"],
      ["raises", "raise", "objectnotfound", "keyerror", "valueerror", "throws", "error"],
    ],
    unless: [
      "returns none",
      "return none",
      "returns the default",
      "return the default",
      "environment",
      "env",
      "job",
      "job_variables",
      "template",
      "block",
      "set",
      "create",
      "overwrite",
    ],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} getting a variable that does not exist returns the default you pass (None if you pass none); it does not raise`,
  },
  {
    // API reference (prefect.logging.loggers): get_run_logger raises MissingContextError when no run context is found.
    id: "run-logger-outside-run",
    groups: [
      ["get_run_logger", "get_run_logger()"],
      [
        "outside a run",
        "outside of a run",
        "outside a flow",
        "outside of a flow",
        "outside any flow",
        "outside any run",
        "outside a task",
        "outside the run context",
        "outside a run context",
        "anywhere",
      ],
      [
        "falls back",
        "fall back",
        "returns a plain",
        "returns a standard",
        "plain logger",
        "module logger",
        "standard logger",
        "safe to call",
        "still works",
        "works fine",
        "just works",
      ],
    ],
    unless: ["raise", "raises", "missingcontexterror", "error", "get_logger", "fails", "fail"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} get_run_logger raises MissingContextError when no flow or task run context is active (outside a run, use get_logger)`,
  },
  {
    // Fact sheet B18: the 2.x open-source server takes events only with PREFECT_EXPERIMENTAL_EVENTS (otherwise they
    // are Cloud's); from 3.0 it has events and automations natively.
    id: "oss-server-events",
    groups: [
      ["server", "open source", "oss"],
      ["events", "automations"],
      ["out of the box", "natively", "same as cloud", "just like cloud", "like cloud", "by default"],
    ],
    ordered: true,
    unless: [
      "cloud only",
      "only on cloud",
      "only in cloud",
      "experimental",
      "prefect_experimental_events",
      "enable",
      "enabled",
      "flag",
      "setting",
    ],
    holds: (release) => majorOf(release) >= 3,
    fact: (r) =>
      `in Prefect ${r} the open-source server does not store events or run automations out of the box: in 2.x events need PREFECT_EXPERIMENTAL_EVENTS (2.16.7+) and are otherwise Cloud's; the server has them natively from 3.0`,
  },
  {
    // Fact sheet 7: run_deployment blocks by default (timeout=None polls until a final state); timeout=0 returns at once.
    id: "run-deployment-returns-at-once",
    groups: [
      ["run_deployment", "run_deployment()"],
      [
        "non-blocking",
        "returns immediately",
        "returns right away",
        "returns at once",
        "immediately returns",
        "fire and forget",
        "fire-and-forget",
        "in the background",
        "doesn't wait",
      ],
    ],
    unless: ["timeout", "timeout=0", "timeout=0)", "if you pass", "when you pass"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} run_deployment blocks by default: with timeout=None it polls until the run reaches a final state (pass timeout=0 to return at once)`,
  },
  {
    // Fact sheet B46 (upgrade guide): an async task called from a sync flow is not supported in 3.x.
    id: "async-task-in-sync-flow",
    groups: [
      ["async task", "async tasks", "asynchronous task", "asynchronous tasks"],
      ["sync flow", "sync flows", "synchronous flow", "synchronous flows", "regular flow", "non-async flow"],
      [
        "works",
        "work",
        "fine",
        "supported",
        "is allowed",
        "are allowed",
        "just call",
        "can call",
        "keep working",
        "keeps working",
        "still working",
        "continue to work",
        "continues to work",
      ],
    ],
    unless: ["asyncio.run", "run_coro_as_sync", "wrap", "wrapper"],
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      majorOf(r) < 3
        ? `in Prefect ${r} an async task can be called from a sync flow (3.x no longer supports it)`
        : `in Prefect ${r} calling an async task from a sync flow is not supported (2.x allowed it)`,
  },
  {
    // Fact sheet B44 and the upgrade guide: a 3.x flow's final state comes from its return value and the exceptions
    // it raises, never from task states.
    id: "none-returning-flow-fails-with-task",
    groups: [
      ["flow", "flows", "the parent flow", "your flow"],
      ["returns none", "return none", "returns nothing", "returns no value", "no return value", "returning none"],
      ["fails", "fail", "is failed", "marked failed", "ends failed", "ends up failed", "will fail"],
      ["task", "tasks"],
    ],
    unless: ["raise", "raises", "exception", "return_state", "allow_failure", "re-raise"],
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      `in Prefect ${r} a flow's final state comes only from its return value and the exceptions it raises: a failed task it does not return or re-raise leaves it Completed`,
  },
  {
    // Docs v3 concepts/tag-based-concurrency-limits: tag-based limits cap concurrent *task* runs that carry the tag
    // (deployment and work-pool limits are the ones for flow runs).
    id: "tag-limits-flow-runs",
    groups: [
      TAG_LIMITS,
      [
        "only apply to flow runs",
        "only applies to flow runs",
        "apply only to flow runs",
        "applies only to flow runs",
        "only limit flow runs",
        "only limits flow runs",
        "only affect flow runs",
        "only affects flow runs",
        "only count flow runs",
      ],
    ],
    unless: ["deployment", "deployments", "work pool", "work pools", "work queue", "work queues"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} tag-based concurrency limits cap concurrent task runs that carry the tag; deployment and work-pool limits are the ones for flow runs`,
  },
  {
    // Docs v3 concepts/tag-based-concurrency-limits: "As of Prefect 3.4.19, tag-based concurrency limits are backed by
    // global concurrency limits" named `tag:{tag_name}`.
    id: "tag-limits-backed-by-global",
    groups: [
      TAG_LIMITS,
      [
        "stored as",
        "backed by",
        "implemented as",
        "show up in",
        "shows up in",
        "show up as",
        "appear in",
        "appear as",
        "listed in",
        "mirrored",
      ],
      [
        "global concurrency limit",
        "global concurrency limits",
        "global limit",
        "global limits",
        "global-concurrency-limit",
      ],
    ],
    ordered: true,
    unless: [],
    holds: (release) => compareVersions(release, TAG_LIMITS_GLOBAL_FROM) >= 0,
    fact: (r) =>
      `in Prefect ${r} tag-based limits are ${compareVersions(r, TAG_LIMITS_GLOBAL_FROM) >= 0 ? "" : "not yet "}backed by global concurrency limits (named tag:{tag}; that began in ${TAG_LIMITS_GLOBAL_FROM})`,
  },
  {
    // Fact sheet 13b: with both set, `cache_key_fn` wins (with a warning) over `cache_policy`; said with both names
    // and the policy's win in other words ("the policy wins and the key function is ignored").
    id: "cache-policy-wins",
    groups: [
      ["cache_policy"],
      ["cache_key_fn"],
      [
        "the policy wins",
        "policy wins",
        "cache_policy wins",
        "the policy takes precedence",
        "cache_policy takes precedence",
        "the policy overrides",
        "cache_policy overrides",
        "the key function is ignored",
        "key function is ignored",
        "cache_key_fn is ignored",
        "ignores the key function",
        "ignores cache_key_fn",
      ],
    ],
    unless: [
      "cache_key_fn wins",
      "key function wins",
      "cache_key_fn takes precedence",
      "key function takes precedence",
      "cache_key_fn overrides",
    ],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r}, when a task sets both cache_policy and cache_key_fn, cache_key_fn wins (with a warning)`,
  },
  {
    // Fact sheet B18: the 3.x open-source server has events and automations natively; in 2.x they were Cloud's.
    id: "automations-cloud-only",
    groups: [
      ["automations", "automation"],
      [
        "require prefect cloud",
        "requires prefect cloud",
        "need prefect cloud",
        "needs prefect cloud",
        "cloud-only",
        "only on cloud",
        "only in cloud",
        "only on prefect cloud",
        "only in prefect cloud",
        "only available in prefect cloud",
        "only available on prefect cloud",
        "only available in cloud",
        "only available on cloud",
        "a cloud feature",
        "a prefect cloud feature",
      ],
    ],
    unless: ["webhook", "webhooks", "sla", "slas", "incident", "incidents"],
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      `in Prefect ${r} the open-source server runs automations itself (events and automations are native to the 3.x server); they were Cloud's in 2.x`,
  },
  {
    // Fact sheet B18: `emit_event` (prefect.events, 2.8.7+) can be called anywhere: in flows, in tasks, in plain code.
    id: "emit-event-flows-only",
    groups: [
      ["emit_event", "emit_event()", "emitting events", "events emitted", "emitting custom events", "custom events"],
      [
        "only worked in flows",
        "only works in flows",
        "only work in flows",
        "only works inside flows",
        "only worked inside flows",
        "only works inside a flow",
        "only in flows",
        "only inside flows",
        "only inside a flow",
        "only from flows",
        "only from a flow",
        "only within flows",
        "only within a flow",
      ],
    ],
    unless: ["or tasks", "or a task", "and tasks", "and in tasks", "or in tasks", "or task", "and task", "outside"],
    holds: () => false,
    fact: (r) => `in Prefect ${r} emit_event can be called anywhere: in a flow, in a task, or outside any run`,
  },
  {
    // Fact sheet 3: a direct task call returns the result and raises when the task fails; only return_state=True
    // gives a State.
    id: "task-call-returns-state",
    groups: [
      [...CALLING_TASK, "calling the task"],
      [
        "returns a state",
        "returns a failed state",
        "returns its state",
        "returns the state",
        "returns a state object",
        "returns a failed state object",
        "gives you a state",
        "gives you a failed state",
        "hands back a state",
        "hands back a failed state",
      ],
    ],
    unless: ["return_state", "return_state=true", "submit", ".submit()", ".map()", "future", "futures", ".wait()"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} calling a task directly returns its result and raises if the task fails; only return_state=True gives you its State`,
  },
  {
    // Docs v3 concepts/settings-and-profiles: "To use prefect.toml or pyproject.toml for configuration, prefect>=3.1
    // must be installed"; 3.1.0's release notes add both.
    id: "toml-settings-files",
    // Settings said to be kept in one of the files ("keep … settings in a `prefect.toml` file"), not the files named
    // in passing ("… outranks `prefect.toml`").
    groups: [
      ["keep", "put", "store", "write", "add", "place", "define", "set"],
      ["settings", "setting", "configuration", "config", "values", "keys"],
      [
        "in a prefect.toml",
        "in prefect.toml",
        "in your prefect.toml",
        "in a pyproject.toml",
        "in pyproject.toml",
        "in your pyproject.toml",
        "to prefect.toml",
        "to pyproject.toml",
        "under [tool.prefect]",
      ],
    ],
    ordered: true,
    unless: ["upgrade", "upgrading", "newer", "later"],
    holds: (release) => compareVersions(release, TOML_SETTINGS_FROM) >= 0,
    fact: (r) =>
      `Prefect ${r} does not read settings from prefect.toml or pyproject.toml: both arrived in ${TOML_SETTINGS_FROM}`,
  },
  {
    // Fact sheet 8: `wait_for_flow_run` is async only (must be awaited; no sync wrapper).
    id: "wait-for-flow-run-sync",
    groups: [
      ["wait_for_flow_run", "wait_for_flow_run()"],
      [
        "synchronously",
        "from sync code",
        "in sync code",
        "from a sync flow",
        "in a sync flow",
        "from a sync function",
        "in a sync function",
        "is sync",
        "is synchronous",
        "has a sync",
        "sync wrapper",
      ],
    ],
    unless: [
      "await",
      "awaited",
      "awaiting",
      "asyncio.run",
      "run_coro_as_sync",
      "async def",
      "async-only",
      "async only",
    ],
    holds: () => false,
    fact: (r) => `in Prefect ${r} wait_for_flow_run is async only: it must be awaited (there is no sync wrapper)`,
  },
  {
    // Fact sheet B48 and the 3.0 upgrade guide: Prefect 3 is built on pydantic >= 2.7; pydantic 1 models only work in
    // code that does not touch Prefect. 2.x supported both.
    id: "pydantic-v1-supported",
    groups: [
      ["pydantic v1", "pydantic.v1", "pydantic version 1", "pydantic one"],
      [
        "supports",
        "supported",
        "still supports",
        "works with",
        "compatible with",
        "is compatible",
        "runs on",
        "install",
      ],
    ],
    unless: ["your own code", "own models", "own code", "interact", "pydantic v2", "pydantic.v2"],
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      majorOf(r) < 3
        ? `Prefect ${r} works with pydantic 1 or 2`
        : `Prefect ${r} requires pydantic 2 (>= 2.7); pydantic 1 models only work in your own code that does not touch Prefect`,
  },
  {
    // Fact sheet B45: automatic task caching (the DEFAULT policy) is 3.x only; 2.x tasks are uncached unless a
    // cache_key_fn is set.
    id: "tasks-cached-by-default",
    groups: [
      ["tasks", "task results", "task runs", "a task", "your tasks"],
      ["cached by default", "cached automatically", "automatically cached", "cache automatically", "cache by default"],
    ],
    unless: ["cache_key_fn", "cache_policy", "no_cache", "if you", "once you", "when you"],
    sentenceUnless: CHANGE_WORDS,
    holds: (release) => majorOf(release) >= 3,
    fact: (r) =>
      majorOf(r) >= 3
        ? `in Prefect ${r} tasks are cached by default (the DEFAULT cache policy)`
        : `in Prefect ${r} tasks are not cached unless they set a cache_key_fn (automatic caching came with 3.0's DEFAULT cache policy)`,
  },
  {
    // The 3.0 upgrade guide ("Unmapped mutable objects in mapped tasks"): `unmapped()` objects are shared by
    // reference across mapped runs in 3.x; 2.x runs appeared to get independent copies.
    id: "unmapped-copies",
    groups: [
      ["unmapped", "unmapped()"],
      [
        "its own copy",
        "a copy",
        "an independent copy",
        "a separate copy",
        "a fresh copy",
        "copied",
        "copies",
        "deep copy",
        "deep-copies",
        "deepcopy",
      ],
    ],
    unless: ["shared", "by reference", "same object"],
    sentenceUnless: CHANGE_WORDS,
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      majorOf(r) < 3
        ? `in Prefect ${r} each mapped run appeared to get its own copy of an unmapped() object`
        : `in Prefect ${r} an unmapped() object is shared by reference across all mapped runs (no copy; mutations are seen by every run)`,
  },
  {
    // Fact sheet 9: on 2.x `submit_to_runner` (and `wait_for_submitted_runs`) is experimental and needs
    // PREFECT_EXPERIMENTAL_ENABLE_EXTRA_RUNNER_ENDPOINTS=True; 3.x needs no flag (until its removal in 3.5.0).
    id: "submit-to-runner-no-flag",
    groups: [
      ["submit_to_runner", "prefect.runner.submit_to_runner", "wait_for_submitted_runs"],
      [
        "no extra configuration",
        "no configuration",
        "no extra config",
        "no config",
        "no extra setup",
        "no setup",
        "no extra settings",
        "no settings",
        "no flag",
        "without any extra configuration",
        "without any configuration",
        "without configuration",
        "without any flag",
        "without a flag",
        "without any setting",
        "out of the box",
        "just works",
      ],
    ],
    unless: ["prefect_experimental_enable_extra_runner_endpoints", "experimental"],
    holds: (release) => majorOf(release) >= 3,
    fact: (r) =>
      majorOf(r) >= 3
        ? `in Prefect ${r} submit_to_runner needs no experimental flag (only 2.x needed PREFECT_EXPERIMENTAL_ENABLE_EXTRA_RUNNER_ENDPOINTS=True)`
        : `in Prefect ${r} submit_to_runner is experimental: it needs PREFECT_EXPERIMENTAL_ENABLE_EXTRA_RUNNER_ENDPOINTS=True (3.x needs no flag)`,
  },
  {
    id: "upstream-failure-fails-downstream",
    groups: [["downstream", "dependent"], ["fail with", "fails with", "raise", "raises"], ["upstreamtaskerror"]],
    unless: [],
    holds: (release) => majorOf(release) < 3,
    fact: (r) =>
      `in Prefect ${r} a task whose upstream failed is left Pending ("NotReady"); it does not fail with UpstreamTaskError`,
  },
];

/** The id of the claim that an API carries no deprecation in a release. */
export const NOT_DEPRECATED = "api-not-deprecated";
/** The behaviour subject of "`X` has been deprecated since V": the API's deprecation dated (version on the claim). */
export const DEPRECATED_SINCE = "api-deprecated-since";
/** Words right before a version that date the start of a state ("deprecated since / ever since / as of / from V"). */
export const STATE_START_WORDS = new Set(["since", "from", "of", "starting"]);

/** The id of the claim that a Python version works with a release. */
export const PYTHON_SUPPORT = "python-version-supported";

/** Verbs and adjectives that say a Python version works with a release ("Python 3.8 is still supported"). */
export const PYTHON_SUPPORT_WORDS = new Set([
  "supported",
  "supports",
  "support",
  "compatible",
  "works",
  "work",
  "runs",
  "run",
]);

/**
 * What prose says a setting's value is without naming it ("workers poll every 15 seconds", "the scheduler loop runs
 * every five minutes"): word groups (one word of each, in any order) and the settings that hold the value, newest name
 * first (the first one the release has is judged).
 */
export interface SettingTopic {
  groups: string[][];
  settings: string[];
  /** Words that say the quantity is this value (a period: "every"; a delay: "after"). */
  cues: string[];
}

const PERIOD_CUES = ["every", "interval", "each"];

const POLL_WORDS = ["poll", "polls", "polling", "query", "queries", "querying", "check", "checks", "checking"];

export const SETTING_TOPICS: SettingTopic[] = [
  { groups: [["worker", "workers"], POLL_WORDS], settings: ["PREFECT_WORKER_QUERY_SECONDS"], cues: PERIOD_CUES },
  { groups: [["agent", "agents"], POLL_WORDS], settings: ["PREFECT_AGENT_QUERY_INTERVAL"], cues: PERIOD_CUES },
  { groups: [["runner", "runners"], POLL_WORDS], settings: ["PREFECT_RUNNER_POLL_FREQUENCY"], cues: PERIOD_CUES },
  {
    groups: [
      ["worker", "workers"],
      ["heartbeat", "heartbeats"],
    ],
    settings: ["PREFECT_WORKER_HEARTBEAT_SECONDS"],
    cues: PERIOD_CUES,
  },
  {
    groups: [["scheduler"], ["loop", "service", "runs", "wakes"]],
    settings: [
      "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS",
      "PREFECT_API_SERVICES_SCHEDULER_LOOP_SECONDS",
      "PREFECT_ORION_SERVICES_SCHEDULER_LOOP_SECONDS",
    ],
    cues: PERIOD_CUES,
  },
  {
    groups: [
      ["logs", "log"],
      ["batch", "batches", "batched", "flushed", "flushes", "flush", "shipped", "sent", "sends", "uploaded"],
    ],
    settings: ["PREFECT_LOGGING_TO_API_BATCH_INTERVAL", "PREFECT_LOGGING_ORION_BATCH_INTERVAL"],
    cues: PERIOD_CUES,
  },
  {
    groups: [["late"], ["marked", "marks", "considered"]],
    settings: [
      "PREFECT_SERVER_SERVICES_LATE_RUNS_AFTER_SECONDS",
      "PREFECT_API_SERVICES_LATE_RUNS_AFTER_SECONDS",
      "PREFECT_ORION_SERVICES_LATE_RUNS_AFTER_SECONDS",
    ],
    cues: ["after"],
  },
];

/**
 * What a callable does, said in words, that one of its parameters sets ("`wait_for_flow_run` polls every 10 seconds":
 * `poll_interval`; "… times out after an hour": `timeout`): the stated quantity is that parameter's default.
 */
export interface ParamTopic {
  words: string[];
  /** Words that say the quantity is this value (a period: "every"; a delay: "after"). */
  cues: string[];
  /** The parameters that set it, the first one the callable takes being meant. */
  params: string[];
}

export const PARAM_TOPICS: ParamTopic[] = [
  { words: POLL_WORDS, cues: PERIOD_CUES, params: ["poll_interval", "poll_interval_seconds"] },
  {
    words: ["times", "timeout", "gives"],
    cues: ["after"],
    params: ["timeout", "timeout_seconds"],
  },
];
