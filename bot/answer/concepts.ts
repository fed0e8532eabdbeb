// A small vocabulary of support concepts: the everyday ways people ask for one Prefect feature ("give up after five
// minutes", "turn the caching off", "every 15 minutes") mapped to the terms its docs use, the note topic that names
// it, and the words the answering sentence should contain. Searching on the asker's words alone picks notes that
// share the incidental words ("whole flow" → tasks vs subflows) rather than the feature.

export interface Concept {
  id: string;
  /** Search terms added to the question. */
  terms: string;
  /** A topic listed by the note that covers the concept. */
  topic: string;
  /** Words the sentence that answers should contain (compared case-insensitively). */
  cues: string[];
}

/** "5 minutes", "an hour", "90s": a spoken or written duration. */
export const DURATION =
  /\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|sixty)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|days?)\b/i;

const STOP_VERB =
  /\b(?:give up|giv(?:e|es|ing) up|abort\w*|kill\w*|stop\w*|terminat\w*|cancel\w*|time\w* out|bail\w*|cut\w* off|interrupt\w*)\b/i;

interface Rule {
  concept: Concept;
  test(question: string): boolean;
}

const RULES: Rule[] = [
  {
    concept: {
      id: "timeout",
      terms: "timeout timeout_seconds",
      topic: "timeout_seconds",
      cues: ["timeout_seconds"],
    },
    test: (q) =>
      (STOP_VERB.test(q) && /\b(?:after|once|if|when|beyond|past|longer|more than)\b/i.test(q) && DURATION.test(q)) ||
      /\b(?:runs?|running|takes?|taking) (?:longer|more) than\b|\bmax(?:imum)? (?:run ?time|runtime|duration)\b|\btime ?limit\b/i.test(
        q,
      ),
  },
  {
    concept: {
      id: "retries",
      terms: "retries",
      topic: "retries",
      cues: ["retries=N", "retries"],
    },
    test: (q) =>
      /\bretr(?:y|ies|ied|ying)\b|\btry (?:it )?again\b|\bre-?attempt\w*\b|\b(?:re-?run|run again)\w* (?:it )?automatically\b|\b\d+ (?:attempts|tries)\b|\bagain\b[^.?!]*\b(?:\d+|several|a few) times\b|\b(?:again|re-?run)\b[^.?!]*\b(?:if|when) (?:it )?(?:fails|errors|crashes|blows up)\b/i.test(
        q,
      ),
  },
  {
    concept: {
      id: "cache-off",
      terms: "cache_policy NONE NO_CACHE",
      topic: "cache_policy",
      cues: ["cache_policy=NONE", "NONE", "no automatic caching"],
    },
    test: (q) =>
      /\b(?:disabl\w*|turn\w* off|switch\w* off|bypass\w*|opt\w* out|stop\w*|avoid\w*|prevent\w*|without)\b[^.?!]*\bcach\w*|\bskip\w* (?:the |all )?cach\w*|\bno[- ]cach\w*|\bcach\w*\b[^.?!]*\b(?:off|disabled?)\b|\b(?:old|stale|same) (?:value|result)s?\b/i.test(
        q,
      ),
  },
  {
    concept: {
      id: "interval-schedule",
      terms: "schedule interval cron",
      topic: "interval",
      cues: ["interval=", "interval", "cron"],
    },
    test: (q) =>
      /\bevery\s+(?:\d+|few|couple of|other|single)?\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|days?|weeks?|mornings?|nights?|weekdays?)\b|\bonce an? (?:minute|hour|day|week)\b|\b(?:hourly|daily|nightly|weekly)\b|\bon a schedule\b|\bperiodically\b/i.test(
        q,
      ),
  },
  {
    concept: {
      id: "unmapped",
      terms: "unmapped map",
      topic: "unmapped",
      cues: ["unmapped"],
    },
    test: (q) =>
      /\bmap\w*\b[^.?!]*\b(?:same|constant|shared|fixed|every (?:run|element|item))\b|\b(?:same|constant|shared|fixed)\b[^.?!]*\bmap\w*\b/i.test(
        q,
      ),
  },
  {
    concept: { id: "cache-hit", terms: "cache Cached cache_policy", topic: "cache", cues: ["Cached"] },
    test: (q) =>
      /\b(?:never|not|did ?n[o']?t|does ?n[o']?t|won'?t)\b[^.?!]*\b(?:run|re-?run|execut\w*)\b[^.?!]*\b(?:again|second time|twice|same (?:inputs?|arguments?))\b|\b(?:state|shows?|says?|marked|mean\w*)\b[^.?!]*\bCached\b|\bCached\b[^.?!]*\b(?:state|mean\w*)\b/i.test(
        q,
      ) && !/\b(?:disabl\w*|turn\w* off|switch\w* off)\b/i.test(q),
  },
  {
    concept: { id: "unresolved-futures", terms: "unresolved futures wait", topic: "unresolved futures", cues: [] },
    test: (q) =>
      /\bfutures?\b[^.?!]*\b(?:never|not|don'?t|do not|forget|forgot|without)\b[^.?!]*\b(?:wait\w*|resolv\w*|result)\b|\b(?:never|not|don'?t|forget|forgot)\b[^.?!]*\b(?:wait\w*|resolv\w*) (?:on|for) (?:the |my )?futures?\b/i.test(
        q,
      ),
  },
  {
    concept: {
      id: "concurrent-subflows",
      terms: "subflow concurrent subflows",
      topic: "concurrent subflows",
      cues: [],
    },
    test: (q) =>
      /\b(?:sub-?flows?|child flows?|nested flows?)\b[^.?!]*\b(?:at the same time|in parallel|concurrently|simultaneously|side by side)\b|\b(?:in parallel|concurrently|simultaneously)\b[^.?!]*\b(?:sub-?flows?|child flows?)\b/i.test(
        q,
      ),
  },
  {
    concept: { id: "secrets", terms: "secret Secret block", topic: "Secret block", cues: ["Secret"] },
    test: (q) =>
      /\b(?:passwords?|credentials?|api[- ]?keys?|tokens?|secrets?)\b[^.?!]*\b(?:pass\w*|stor\w*|keep\w*|sav\w*|safe\w*|secur\w*|hid\w*|where)\b|\b(?:pass\w*|stor\w*|keep\w*|sav\w*|hid\w*)\b[^.?!]*\b(?:passwords?|credentials?|api[- ]?keys?|tokens?)\b/i.test(
        q,
      ),
  },
  {
    concept: {
      id: "deployment-concurrency",
      terms: "concurrency_limit deployment concurrency limit",
      topic: "concurrency limit",
      cues: ["concurrency_limit"],
    },
    test: (q) =>
      /\b(?:limit\w*|cap\w*|max\w*|at most|only one|no more than|prevent\w* overlapp\w*|overlap\w*)\b[^.?!]*\bruns?\b[^.?!]*\bdeployments?\b|\bdeployments?\b[^.?!]*\b(?:at most|only one|no more than|overlap\w*)\b[^.?!]*\bruns?\b/i.test(
        q,
      ),
  },
  {
    concept: { id: "late-runs", terms: "Late worker polls work pool", topic: "worker", cues: ["Late"] },
    test: (q) =>
      /\b(?:stuck|sits?|sitting|stays?|remain\w*|shows?)\b[^.?!]*\b(?:late|scheduled|pending)\b|\bnever (?:start|get picked|picked)\w*\b|\bnot (?:being )?picked up\b/i.test(
        q,
      ),
  },
  {
    // "ping us on Slack when the nightly job fails": notifications are automations (triggers plus actions).
    concept: {
      id: "failure-alerts",
      terms: "automations notifications trigger action",
      topic: "automations",
      cues: ["automation"],
    },
    test: (q) =>
      /\b(?:notif\w*|alert\w*|(?:ping|page|email|e-mail|message|tell|warn) (?:me|us|the team|someone)|send (?:me|us|an?|the) \w*)\b[^.?!]*\b(?:fails?|failed|failing|failures?|crash\w*|breaks?|goes? wrong)\b|\b(?:fails?|failed|failures?|crash\w*)\b[^.?!]*\b(?:notif\w*|alert\w*|email alert|slack message|slack msg)\b/i.test(
        q,
      ),
  },
  {
    // "how do I see a task run's logs from the terminal": the CLI's logs commands, not the logging API.
    concept: {
      id: "cli-logs",
      terms: "prefect task-run logs prefect flow-run logs cli",
      topic: "prefect task-run logs",
      cues: ["task-run logs", "flow-run logs"],
    },
    test: (q) =>
      /\blogs?\b/i.test(q) &&
      /\b(?:cli|command(?:[- ]line)?|terminal|shell|console)\b/i.test(q) &&
      /\b(?:task[- ]?runs?|flow[- ]?runs?|a run|one run|the run)\b/i.test(q),
  },
];

/** The concepts a question asks about, in table order. */
export function conceptsIn(question: string): Concept[] {
  return RULES.filter((r) => r.test(question)).map((r) => r.concept);
}
