// What a question is about, as search terms: its words, the identifiers it names, adjacent words joined the way
// Prefect spells its APIs ("run a deployment" → run_deployment), and Prefect's own words for it, which come from
// the answer units whose phrasings match the question ("password" → Secret, "takes too long" → timeout_seconds).

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
/**
 * The name each inline code span starts with (`Variable.get("x")` → `Variable.get`, `@flow(retries=2)` → `flow`). A
 * span that goes on with "-" or "/" is the asker's own name (`build-docs`, `etl/nightly`), not an API.
 */
export function inlineCodeNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/`([^`\n]{2,80})`/g)) {
    // An import written inline (`from prefect.futures import wait`) names what it imports, as the module has it.
    const imported = /^from\s+([A-Za-z_][\w.]*)\s+import\s+([\w\s,]+)$/.exec(m[1]!.trim());
    if (imported) {
      for (const name of imported[2]!.split(",").map((n) => n.trim().split(" ")[0]!))
        if (name) out.push(`${imported[1]}.${name}`);
      continue;
    }
    // The name ends where the identifier does: `task_runner=…` is a keyword argument, not the name `task_runne`.
    const inner = /^@?([A-Za-z_][\w.]*(?!\w))(?::([A-Za-z_]\w*))?(?![\w.:]*[-/])(?!\s?=(?!=))/.exec(m[1]!.trim());
    if (!inner) continue;
    // `prefect.filesystems:S3`, as Prefect's import errors write a module's attribute, is `prefect.filesystems.S3`; a
    // file's entry point (`etl.py:main`) is not an API.
    const [, module, attribute] = inner;
    out.push(attribute && module!.includes(".") && !/\.py$/.test(module!) ? `${module}.${attribute}` : module!);
  }
  return out;
}

/** The pieces of a text written as inline code: the odd pieces of a split at backticks. */
export function codeSpans(text: string): string[] {
  return text.split("`").filter((_, i) => i % 2 === 1);
}

/** Names written as keyword arguments (`schedule=`, `flow_run_id =`): parameters, however plain the word. */
export function keywordsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\b([a-z][a-z0-9_]*)\s?=(?!=)/g)].map((m) => m[1]!));
}

/**
 * The text with each call written inline passed through `f`: a piece of inline code with parentheses, or a call
 * written in the prose without backticks that reads as code ("flow.deploy(name='etl', image='etl:dev') fails").
 */
export function mapInlineCalls(text: string, f: (call: string) => string): string {
  return text
    .split("`")
    .map((piece, k) => (k % 2 === 1 ? (piece.includes("(") ? f(piece) : piece) : mapBareCalls(piece, f)))
    .join("`");
}

/** A name called with its parentheses on one line, outside backticks. */
const BARE_CALL = /[A-Za-z_][\w.]*\(/g;

function mapBareCalls(text: string, f: (call: string) => string): string {
  let out = "";
  let done = 0;
  for (const m of text.matchAll(BARE_CALL)) {
    const start = m.index;
    if (start < done) continue;
    let depth = 0;
    let end = -1;
    for (let j = start + m[0].length - 1; j < text.length && text[j] !== "\n"; j++) {
      if (text[j] === "(") depth++;
      else if (text[j] === ")" && --depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end < 0) continue;
    const call = text.slice(start, end);
    // Only what reads as code, a keyword or a quoted value inside: "the worker(s)" is prose.
    if (!call.includes("=") && !call.includes("'") && !call.includes('"')) continue;
    out += text.slice(done, start) + f(call);
    done = end;
  }
  return out + text.slice(done);
}

/**
 * The text with each call written inline cut to what it calls: "does `run_deployment("etl/prod", parameters=...)` wait
 * for the run?" asks about `run_deployment`; the arguments are what the asker passes, not what they ask about.
 */
export function callsAsCallees(text: string): string {
  return mapInlineCalls(text, (call) => call.slice(0, call.indexOf("(")));
}

/** A name as the facts know it: a call's parentheses dropped (`wait()` is `wait`, `my_task.delay()` is `my_task.delay`). */
export function bareName(name: string): string {
  return name.endsWith("()") ? name.slice(0, -2) : name;
}

export function identifiersIn(question: string): string[] {
  const out = new Set<string>();
  for (const name of inlineCodeNames(question)) out.add(name);
  for (const m of question.matchAll(
    /\b[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+\b|\b[a-z]+(?:_[a-z0-9]+)+\b(?!\s?=(?!=))|\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g,
  ))
    out.add(m[0]);
  // Not identifiers: versions ("3.x"), file names ("prefect.yaml"), abbreviations ("e.g", "i.e").
  return [...out].filter((n) => !/^\d/.test(n) && !/\.(?:py|yaml|yml|toml|json)$/.test(n) && !/^\w\.\w$/.test(n));
}

/** Version numbers ("prefect==2.19.8") say which release, not what a question is about. */
export function withoutVersions(text: string): string {
  return text.replace(/\bprefect(?:==|\s+)v?\d+(?:\.\d+)*\b|\bv?\d+\.\d+(?:\.\d+)*\b/gi, " ");
}

/**
 * Words that say the asker wants to do without what follows ("rather not add `persist_result` to each task",
 * "instead of adding `log_prints=True` everywhere"), or does without it already ("never call `.result()` on them",
 * "tasks that don't specify `retries=`").
 * "Instead of" only before a doing ("instead of adding …"): "what do I use instead of `Deployment`?" asks about the
 * name after it.
 */
const AVOIDING =
  /\b(without|rather not|don'?t want to|avoid(?:ing)?|instead of(?= \w+ing\b)|(?:never|don'?t|do not) (?:call|use|await|set|pass|specify)(?:s|ed)?)\b((?:[^.,;:?!\n]|\.(?=\w))*)/gi;
/** How many words after "without" can say what the asker wants to do without. */
const WITHOUT_REACH = 6;

/**
 * The text without what the asker wants to do without ("… without adding `result_storage=` to each decorator"): a
 * name written there is what the answer should spare them, not what it is about. The phrase ends at the clause's end
 * or after a few words; a dot before a name (`.result()`, `prefect.yaml`) ends nothing.
 */
export function withoutAvoided(text: string): string {
  return text.replace(AVOIDING, (_whole, avoiding: string, phrase: string) => {
    const kept = phrase.split(/(\s+)/).slice(WITHOUT_REACH * 2 + 1);
    return `${avoiding} ${kept.join("").trimStart()}`.trimEnd();
  });
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

/** `expansions`: the words Prefect uses for what the question asks (from the answer units that match it). */
export function questionTerms(question: string, apiNames: string[] = [], expansions: string[] = []): QuestionTerms {
  const identifiers = [...new Set([...identifiersIn(question), ...apiNames.map((n) => n.split(".").pop()!)])];
  const extra = expansions.filter((e) => e.trim() !== "");
  // Expansions name the topic more precisely than the asker's words, so they count twice.
  const about = withoutContractions(question).replace(FILLER, " ");
  const expanded = [about, ...identifiers, ...extra, ...extra].join(" ").replace(/\s+/g, " ").trim();
  // Names the asker uses in code or asks about are the surest sign of the topic: they weigh double in the search.
  const named = apiNames.map((n) => n.split(".").pop()!).filter((n) => !GENERIC_NAMES.has(n.toLowerCase()));
  const query = [expanded, ...named].join(" ").trim();
  return { query, expanded, pairs: joinedPairs(about), identifiers };
}
