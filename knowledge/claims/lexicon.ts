// The words the claim extractors read: cue words of each claim shape, the nouns that name Prefect types, and the
// behaviours from the fact sheet that support threads get wrong. Knowledge lives here as data; the extractors stay
// general.

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
  "wrong",
  "incorrect",
  "invalid",
  "nonexistent",
  // Retractions talk about an earlier wrong statement rather than make one.
  "confusion",
  "mistake",
  "mistakenly",
  "incorrectly",
  "sorry",
]);

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
]);

/** Words that start a new clause: what follows may have its own polarity and subject. */
export const CLAUSE_BREAKS = new Set(["so", "but", "whereas", "however", "although", "though", "unlike", "otherwise"]);

/** Last components that make a dotted word a file or host name (prefect.yaml, prefect.io), not an API. */
export const FILE_SUFFIXES = new Set([
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

/** A word before a type noun that names a narrower type ("infrastructure-bound flows" have `.submit()`). */
export const TYPE_QUALIFIERS: Record<string, string> = {
  bound: "prefect.flows.InfrastructureBoundFlow",
  infrastructure: "prefect.flows.InfrastructureBoundFlow",
};

/** Suffixes of variable names in answers' inline code that say what the variable holds (`a_flow.submit()`). */
export const VARIABLE_SUFFIXES: [suffix: string, fq: string][] = [
  ["subflow", "prefect.flows.Flow"],
  ["flow", "prefect.flows.Flow"],
  ["task", "prefect.tasks.Task"],
  ["future", "prefect.futures.PrefectFuture"],
  ["fut", "prefect.futures.PrefectFuture"],
];

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

export const RETURN_CUES = new Set(["returns", "return", "returned", "gives", "give", "yields", "yield", "produces"]);

/** A returned object described by a noun: the class name it must contain. */
export const RETURN_NOUNS: Record<string, string> = {
  future: "Future",
  futures: "Future",
  prefectfuture: "Future",
  state: "State",
  flowrun: "FlowRun",
};

export const IMPORT_CUES = new Set(["import", "importable", "imported", "exported", "exports", "lives", "defined"]);

export const DEFAULT_CUES = new Set(["default", "defaults", "defaulting"]);

export const PARAM_CUES = new Set([
  "pass",
  "passing",
  "accepts",
  "accept",
  "takes",
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
  removed: "removed",
  dropped: "removed",
  gone: "removed",
  deleted: "removed",
  still: "available",
};

/** Words before a version that make it a lower bound ("from 3.2", "3.2+"). */
export const FROM_WORDS = new Set(["since", "from", "after", "starting", ">="]);
export const UNTIL_WORDS = new Set(["before", "until", "prior", "below", "pre", "older", "earlier"]);

/** A behaviour of Prefect stated in prose: subject words, then a relation, then an object, all in one clause. */
export interface Behaviour {
  id: string;
  /** Each entry: words that must appear in order (a phrase); any entry may match. */
  subject: string[];
  relation: string[];
  object: string[];
  /** Words that, anywhere in the clause, make it a different statement. */
  unless: string[];
  /** Whether the stated behaviour holds in a major line. */
  holds: (major: number) => boolean;
  fact: (release: string) => string;
}

export const BEHAVIOURS: Behaviour[] = [
  {
    id: "task-call-future",
    subject: ["calling a task", "calling tasks", "calling the task", "call a task", "task call", "direct call"],
    relation: ["returns", "return", "gives", "yields"],
    object: ["future", "futures", "prefectfuture", "prefectfutures"],
    unless: ["submit", "submitting", ".submit()", "map", ".map()", "delay"],
    holds: () => false,
    fact: (r) =>
      `in Prefect ${r} calling a task directly runs it and returns its result; only .submit() and .map() return futures`,
  },
  {
    id: "subflow-call-future",
    subject: ["calling a subflow", "calling subflows", "calling a flow", "calling flows", "subflow call", "flow call"],
    relation: ["returns", "return", "gives", "yields"],
    object: ["future", "futures", "prefectflowrunfuture", "prefectflowrunfutures", "prefectfuture"],
    unless: ["submit", "work_pool", "submit_to_work_pool", "infrastructure"],
    holds: () => false,
    fact: (r) => `in Prefect ${r} calling a subflow runs it and returns its result, never a PrefectFlowRunFuture`,
  },
  {
    // Only flows yield PrefectFlowRunFuture, so "each call returns a PrefectFlowRunFuture" is about calling flows.
    id: "subflow-call-future",
    subject: ["call", "calls", "calling"],
    relation: ["returns", "return", "gives", "yields"],
    object: ["prefectflowrunfuture", "prefectflowrunfutures"],
    unless: ["submit", "work_pool", "submit_to_work_pool", "infrastructure"],
    holds: () => false,
    fact: (r) => `in Prefect ${r} calling a subflow runs it and returns its result, never a PrefectFlowRunFuture`,
  },
  {
    id: "flow-waits-for-futures",
    subject: ["prefect", "the flow", "a flow", "flows", "your flow", "the parent flow", "the engine"],
    relation: ["wait for", "waits for", "will wait", "track", "tracks", "will track", "block on", "blocks on"],
    object: ["submitted", "futures", "unresolved", "pending", "all tasks", "every task", "outstanding"],
    unless: ["if you", "when you", "call", "calling", "return", "returning", "wait(", "wait()", ".result()", "use"],
    holds: (major) => major < 3,
    fact: (r) =>
      `a Prefect ${r} flow does not wait for futures it did not resolve: unreturned, unwaited task runs are cancelled when it returns`,
  },
];
