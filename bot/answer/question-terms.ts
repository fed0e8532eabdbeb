// What a question is about, as search terms: its words, the identifiers it names, adjacent words joined the way
// Prefect spells its APIs ("run a deployment" → run_deployment), and the support vocabulary people use for
// Prefect's terms ("password" → secret, "takes too long" → timeout).

import { conceptsIn } from "./concepts.js";

/** Everyday phrasing → the words Prefect's docs use for it. */
const SYNONYMS: Array<[RegExp, string]> = [
  [/\b(?:passwords?|credentials?|api[- ]?keys?|tokens?)\b/i, "secret block Secret"],
  [/\b(?:longer than|too long|hangs?|hanging|time ?limit)\b/i, "timeout timeout_seconds"],
  [/\bwait(?:s|ed|ing)? (?:for|until|on)\b|\buntil\b[^.?!]*\b(?:finish|complete|done)/i, "blocks final state wait"],
  [
    /\b(?:back ?off|exponential\w*|grow\w*|increas\w*|doubl\w*|longer each)\b[^.?!]*\b(?:retr\w*|wait|delay)|\bretr\w*\b[^.?!]*\b(?:back ?off|exponential\w*|grow\w*|increas\w*|doubl\w*|longer each)/i,
    "retries retry_delay_seconds exponential_backoff",
  ],
  [/\bjitter\b/i, "retry_jitter_factor"],
  [/\bagents?\b/i, "agent prefect agent start worker prefect worker start"],
  [/\b(?:approv\w*|human|sign[- ]off|form)\b/i, "pause_flow_run wait_for_input RunInput resume"],
  [/\bclean ?up\b|\bwhen (?:a |the )?(?:flow|task) (?:fails|crashes)/i, "state hooks on_failure on_crashed"],
  [/\b(?:notif\w*|alert\w*|slack message|email)\b/i, "automation trigger notification"],
  [/\b(?:at most|at the same time|simultaneous\w*|in parallel at once)\b/i, "concurrency limit"],
  [/\bper (?:second|minute)\b|\brate\b/i, "rate_limit slot decay"],
  [/\b(?:every day|nightly|weekdays?|daily|hourly|cron|[0-9]{1,2} ?(?:am|pm))\b/i, "schedule cron timezone"],
  [/\b(?:hand off|fire and forget|return immediately|background)\b/i, "background tasks delay task worker"],
  [/\btable\b.*\bui\b|\bui\b.*\btable\b|\breport\b/i, "artifact create_table_artifact"],
  [/\bprivate (?:github|git|repo)\w*|\bgit repo\w*/i, "from_source git entrypoint"],
  [/\b(?:which|what) (?:prefect )?version\b/i, "prefect version cli"],
  [/\b(?:switch between|local server and (?:prefect )?cloud)\b/i, "profile PREFECT_API_URL"],
  [/\bbreaking changes?\b|\bmov\w+ .*\b2(?:\.x)? to 3\b|\bupgrad\w+ to (?:prefect )?3\b/i, "migrate upgrade 2 to 3"],
  [/\bundo\b|\broll ?back\b|\brevert\b|\ball or nothing\b/i, "transaction on_rollback rollback"],
  [/\bsame (?:value|result)\b|\bstale\b|\bdid(?:n'?t| not) (?:re)?run\b|\bskipp?ed\b/i, "cache cache_policy Cached"],
  [
    /\b(?:librar(?:y|ies)|third[- ]party|module'?s?)\b[^.?!]*\blog|\blog\w*\b[^.?!]*\b(?:librar(?:y|ies)|third[- ]party)\b/i,
    "logging extra loggers PREFECT_LOGGING_EXTRA_LOGGERS",
  ],
  [/\b(?:disabl\w*|turn\w* off|switch\w* off|bypass\w*|opt out)\b[^.?!]*\bcach/i, "cache_policy NONE NO_CACHE"],
  [/\b(?:in parallel|parallel(?:ism|i[sz]e)?|concurrently)\b/i, "concurrently submit map task runner"],
  [/\b(?:faster|speed\w* (?:it |this )?up|too slow|(?:is|runs?|so) slow)\b/i, "concurrently submit map task runner"],
  [/\b(?:late|stuck in scheduled|never start\w*|not (?:being )?picked up)\b/i, "Late Scheduled worker polls work pool"],
  [/\bdask cluster\b|\bexisting cluster\b/i, "DaskTaskRunner address prefect-dask"],
  [/\b(?:i\/o|io)[- ]bound\b|\bcpu[- ](?:heavy|bound)\b/i, "task runner ThreadPoolTaskRunner ProcessPoolTaskRunner"],
];

const STOP = new Set(
  "a an and are as at be but by can do does for from has have how i if in into is it its me my no not of on or our so that the their then there these they this to was we were what when where which while who why will with would you your should could just also any all get".split(
    " ",
  ),
);

/** Words that shape a question without saying what it is about; left out of the search so they cannot pick a note. */
const FILLER =
  /\b(?:difference|differences|between|best|better|way|ways|want|wants|need|needs|needed|keep|possible|correct|correctly|right|proper|properly|recommended|recommend|good|idea|actually|really|someone|anyone|thing|things|something|stuff|help|please|thanks|trying|tried|able|instead|still|should|supposed)\b/gi;

/** "don't" → "do not", "it's" → "it": contractions would otherwise leave stray tokens ("don", "t"). */
function withoutContractions(text: string): string {
  return text.replace(/(\w)n['’]t\b/gi, "$1 not").replace(/['’](?:s|re|m|ve|ll|d)\b/gi, "");
}

/** Identifiers written in the question: `code`, snake_case, dotted and CamelCase names. */
export function identifiersIn(question: string): string[] {
  const out = new Set<string>();
  for (const m of question.matchAll(/`([^`\n]{2,80})`/g)) {
    const inner = /^@?([A-Za-z_][\w.]*)/.exec(m[1]!.trim());
    if (inner) out.add(inner[1]!);
  }
  for (const m of question.matchAll(
    /\b[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+\b|\b[a-z]+(?:_[a-z0-9]+)+\b|\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g,
  ))
    out.add(m[0]);
  // Not identifiers: versions ("3.x"), file names ("prefect.yaml"), abbreviations ("e.g", "i.e").
  return [...out].filter((n) => !/^\d/.test(n) && !/\.(?:py|yaml|yml|toml|json)$/.test(n) && !/^\w\.\w$/.test(n));
}

/** Version numbers ("prefect==2.19.8") say which release, not what a question is about. */
export function withoutVersions(text: string): string {
  return text.replace(/\bprefect(?:==|\s+)v?\d+(?:\.\d+)*\b|\bv?\d+\.\d+(?:\.\d+)*\b/gi, " ");
}

/** Names too common to say what a question is about. */
export const GENERIC_NAMES = new Set(["flow", "task", "prefect", "result", "submit", "map", "wait"]);

/** Adjacent content words joined with `_`: the way the same idea is spelt as an API name. */
function joinedPairs(question: string): string[] {
  const words = (question.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !STOP.has(w));
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  return out;
}

export interface QuestionTerms {
  /** Text for searching: the question plus expansions (without the joined pairs, which only help name a page). */
  query: string;
  /** Adjacent words joined like API names (run_deployment): matched against titles and topics only. */
  pairs: string[];
  /** The question with its identifiers and vocabulary expansions, without the joined word pairs. */
  expanded: string;
  /** Identifiers named in the question (weighted higher when matching sentences and code). */
  identifiers: string[];
}

export function questionTerms(question: string, apiNames: string[] = []): QuestionTerms {
  const identifiers = [...new Set([...identifiersIn(question), ...apiNames.map((n) => n.split(".").pop()!)])];
  const extra: string[] = [];
  for (const [pattern, words] of SYNONYMS) if (pattern.test(question)) extra.push(words);
  for (const concept of conceptsIn(question)) extra.push(concept.terms);
  // Expansions name the topic more precisely than the asker's words, so they count twice.
  const about = withoutContractions(question).replace(FILLER, " ");
  const expanded = [about, ...identifiers, ...extra, ...extra].join(" ").replace(/\s+/g, " ").trim();
  // Names the asker uses in code or asks about are the surest sign of the topic: they weigh double in the search.
  const named = apiNames.map((n) => n.split(".").pop()!).filter((n) => !GENERIC_NAMES.has(n.toLowerCase()));
  const query = [expanded, ...named].join(" ").trim();
  return { query, expanded, pairs: joinedPairs(about), identifiers };
}
