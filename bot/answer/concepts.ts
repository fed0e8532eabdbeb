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
      cues: ["cache_policy=NONE", "NONE"],
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
];

/** The concepts a question asks about, in table order. */
export function conceptsIn(question: string): Concept[] {
  return RULES.filter((r) => r.test(question)).map((r) => r.concept);
}
