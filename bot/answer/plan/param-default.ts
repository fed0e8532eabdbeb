// "What does `max_workers` default to?": answer units generated from the API facts. When the question asks for a
// default and names a parameter of a callable it is about, the facts for the asker's release say the default (as
// written in Prefect's source), and a PREFECT_* setting whose name carries the parameter's words (the process pool's
// `max_workers` and PREFECT_TASKS_RUNNER_PROCESS_POOL_MAX_WORKERS) is named as the way to change it everywhere.
import { compareVersions } from "../../../core/index.js";
import {
  asyncOnlyLookup,
  describeApi,
  describeDefault,
  FLOW_AND_TASK_CLASSES,
  identifierParts,
  type PrefectFacts,
  type SettingsFacts,
} from "../../../knowledge/index.js";
import type { Question } from "../understand/index.js";
import {
  asksForDefault,
  bareName,
  callsAsCallees,
  keywordsIn,
  numberGivenFor,
  sentencesOf,
  withoutAvoided,
  words,
} from "../understand/index.js";
import type { LeadCandidate } from "./answer-plan.js";

/** Words that give a name as an example of what is wanted, not as what is wanted. */
const LIKENESS = ["like", "unlike", "besides", "than"];
/** At most this many words, an asking sentence leans on the one before it for what it asks about. */
const ELLIPTICAL = 4;
/** The decorators a question means when it says "task" or "flow" without naming an API. */
const IMPLIED = { task: "prefect.tasks.task", flow: "prefect.flows.flow" } as const;
/** A default that is a plain value (a call or a name is shown as Prefect's source writes it). */
const LITERAL = /^(?:-?\d+(?:\.\d+)?|True|False|'[^']*'|"[^"]*")$/;

interface Callable {
  /** As the asker wrote it (or the decorator they meant). */
  written: string;
  fq: string;
}

/** The classes whose methods askers call on their own objects (`my_flow.deploy()`, `load.submit()`). */
export const OWNERS = FLOW_AND_TASK_CLASSES;

/**
 * The class an asker's object is, when its name says so: it is that word or ends in it (`task`, `load_task`,
 * `etl_flow`); `flow_run` is not a flow. Null for a name that says neither.
 */
export function ownerNamed(receiver: string): (typeof OWNERS)[number] | null {
  if (receiver !== receiver.toLowerCase()) return null;
  const [flow, task] = OWNERS;
  const named = (word: string) => receiver === word || receiver.endsWith(`_${word}`);
  return named("task") ? task : named("flow") ? flow : null;
}

/** A dotted name's segment that is a class (`Variable` of `Variable.get`), as against a module (`flow_runs`). */
const isClassName = (segment: string) => segment !== segment.toLowerCase();

/** The callables the question is about, in the asker's release: named APIs first, then an implied decorator. */
function callablesOf(question: Question, facts: PrefectFacts, release: string): Callable[] {
  const out: Callable[] = [];
  for (const name of question.focus.apis) {
    const path = bareName(name).split(".");
    const short = path.pop()!;
    // A method written on its class (`Variable.get`) is that class's method, not a function of the same name.
    const owner = path.at(-1);
    const method =
      owner && isClassName(owner)
        ? facts
            .locate(owner, release)
            .map((cls) => `${cls}.${short}`)
            .find((fq) => facts.symbol(fq))
        : undefined;
    const located = method ? [method] : facts.locate(short, release).slice(0, 2);
    for (const fq of located) out.push({ written: method ? `${owner}.${short}` : short, fq });
  }
  // A method written on no object or on the asker's own (`.deploy()`, `etl.serve(`) is a class's method: the flow's
  // `deploy`, not the module function of the same name.
  for (const m of question.text.matchAll(/(?<![\w.])([a-z_]\w*)?\.([a-z_]\w*)\(/g)) {
    const receiver = (m[1] ?? "").toLowerCase();
    const named = ownerNamed(receiver);
    const owners = named ? [named, ...OWNERS.filter((o) => o !== named)] : OWNERS;
    for (const owner of owners) {
      const fq = `${owner}.${m[2]}`;
      if (facts.symbol(fq) && !out.some((c) => c.fq === fq)) out.push({ written: `.${m[2]}()`, fq });
    }
  }
  const said = new Set(words(question.text).map(singular));
  for (const [word, fq] of Object.entries(IMPLIED)) if (said.has(word)) out.push({ written: `@${word}`, fq });
  return out;
}

/** Words of an identifier: "ProcessPoolTaskRunner" → process pool task runner; "max_workers" → max workers. */
function identifierWords(name: string): string[] {
  return identifierParts(name)
    .map((p) => p.toLowerCase())
    .filter((w) => w.length > 1);
}

/** "tasks" and "task" are one word when names are compared. */
const singular = (w: string) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w);

/** Words any setting's name may add to its parameter's and owner's words ("PREFECT_TASK_DEFAULT_RETRIES"). */
const SETTING_NAME_FILLER = new Set(["prefect", "default", "by"]);
/**
 * Words a setting's name may say beyond the parameter, its owner and the filler and still be the parameter's
 * everywhere-default: one ("PREFECT_TASKS_RUNNER_…" says "runner" for `ThreadPoolTaskRunner`). A name that says more
 * is another thing's setting that happens to share a word ("PREFECT_API_SERVICES_FOREMAN_DEPLOYMENT_LAST_POLLED_
 * TIMEOUT_SECONDS" is no default of `run_deployment`'s `timeout`).
 */
const SETTING_EXTRA_WORDS = 1;

/**
 * The setting whose name holds every word of the parameter and the most words of the callable's name (at least one),
 * and little else: `retries` of `@task` → PREFECT_TASK_DEFAULT_RETRIES, not PREFECT_CLIENT_MAX_RETRIES.
 */
function settingFor(settings: SettingsFacts, callable: Callable, param: string, release: string): string | null {
  const wanted = identifierWords(param).map(singular);
  const owner = new Set(identifierWords(callable.fq.split(".").pop()!).map(singular));
  let best: { name: string; shared: number } | null = null;
  for (const s of settings.settings) {
    const name = identifierWords(s.name).map(singular);
    if (!wanted.every((w) => name.includes(w))) continue;
    const shared = name.filter((w) => owner.has(w)).length;
    if (shared === 0 || (best && best.shared >= shared)) continue;
    const extra = name.filter((w) => !wanted.includes(w) && !owner.has(w) && !SETTING_NAME_FILLER.has(w));
    if (extra.length > SETTING_EXTRA_WORDS) continue;
    if (settings.at(s.name, release)?.exists) best = { name: s.name, shared };
  }
  return best?.name ?? null;
}

/**
 * The sentences that ask for a default, each with the one before it when it is too short to name what it means
 * ("we set `retries=3`. what's the default?"), or null when none does. A parameter written elsewhere in the question
 * (`cache_expiration=` in code before "what's the difference between the default policy and INPUTS") is context,
 * not what the default is asked of.
 */
function defaultAskingText(text: string): string | null {
  const sentences = sentencesOf(text);
  const parts: string[] = [];
  sentences.forEach((s, i) => {
    // `Variable.get("batch_size", default=500)` passes a keyword named "default": it asks for no default.
    const keywordOnly = givesValue(s, "default") && words(s).filter((w) => w === "default").length === 1;
    if (!asksForDefault(s) || keywordOnly) return;
    if (i > 0 && words(s).length <= ELLIPTICAL + 2) parts.push(sentences[i - 1]!);
    parts.push(s);
  });
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The direct answer to "what does parameter P of API A default to" in the asker's release, or null. */
/** How sure a default is as the answer when the facts give it only as an unset `None`. */
const UNDECIDED_DEFAULT = 0.6;

export function paramDefaultLead(
  question: Question,
  release: string,
  facts: PrefectFacts,
  settings?: SettingsFacts,
): LeadCandidate | null {
  // A parameter the asker wants to do without ("without adding persist_result=True everywhere") is not asked about.
  const asking = defaultAskingText(withoutAvoided(question.text));
  if (asking === null) return null;
  const said = words(asking);
  // A parameter counts as named when written as a name (`max_workers`, persist_result) or as a long plain word
  // ("retries"); short everyday words ("name", "tags") say too little about which parameter is meant.
  const named = new Set([
    ...said.filter((w) => w.includes("_") || w.length >= 7),
    ...question.focus.apis.map((a) => a.toLowerCase()).filter((a) => said.includes(a)),
  ]);
  // "Want all results persisted by default so ui retries dont recompute. is there one setting?" asks for a setting
  // for what the first sentence wants: a parameter only the context names ("retries") is not what its default is
  // asked of.
  const settingAsked = question.asksSetting === true && question.focus.settings.length === 0;
  const inAsking = new Set(words(question.asking));
  for (const callable of callablesOf(question, facts, release)) {
    const params = facts.params(callable.fq, release) ?? [];
    const param = params.find(
      (p) =>
        p.hasDefault &&
        p.defaultValue !== undefined &&
        named.has(p.name.toLowerCase()) &&
        (!settingAsked || inAsking.has(p.name.toLowerCase())),
    );
    if (!param?.defaultValue) continue;
    const value = param.defaultValue;
    const setting = settings ? settingFor(settings, callable, param.name, release) : null;
    const settingAt = setting ? settings!.at(setting, release) : undefined;
    const where = `\`${param.name}\` of \`${callable.written}\` defaults to \`${value}\` in Prefect ${release}`;
    const statement =
      value === "None"
        ? setting
          ? `${where}, which leaves it to the setting \`${setting}\` (default ${describeDefault(settingAt?.default ?? "None")}).`
          : `${where} (not set).`
        : LITERAL.test(value)
          ? `${where}.`
          : `${where} (as written in Prefect's source).`;
    // The value the asker gives it ("every task should default to 2 retries") is the one to write.
    const given = numberGivenFor(param.name.split("_").at(-1)!, question.text) ?? "";
    const change = setting
      ? ` Pass \`${param.name}=${given}\` to change it for one call, or set \`${setting}${given ? `=${given}` : ""}\` to change it everywhere (as an environment variable where the flow runs, or with \`prefect config set\`).`
      : ` Pass \`${param.name}=${given}\` to change it.`;
    // An async-only callable called without `await` never runs: said with its default, as the asker needs both.
    const awaited = asyncOnlyLookup(facts)(callable.fq, release)
      ? ` \`${callable.written}\` is async only: \`await\` it inside an \`async def\`, or run it with \`asyncio.run(...)\`; called without \`await\` it only makes a coroutine that never runs ("was never awaited").`
      : "";
    return {
      text: `${statement}${change}${awaited}`,
      // The facts answer exactly what was asked; only a parameter the surfaces do not show is less certain, and a
      // `None` no setting fills says only that something else decides ("where do results go by default?"): a unit
      // matched as well says what.
      confidence: param.inferred || (value === "None" && !setting) ? UNDECIDED_DEFAULT : 1,
      sources: [],
      basis: "facts",
    };
  }
  return null;
}

/** Words with which a yes/no asks whether something is there to use ("does it take", "is there", "still works"). */
const PRESENCE = new Set(
  "take takes accept accepts support supports supported have has exist exists there pass available allow allows still option parameter param argument keyword".split(
    " ",
  ),
);
const asksPresence = (asking: string) => words(asking).some((w) => PRESENCE.has(w));

/** Whether the text passes a value to the keyword (`retries=2`, `tags=["a"]`), not just names it (`schedule=`). */
const givesValue = (text: string, keyword: string) => new RegExp(`\\b${keyword}\\s?=\\s?[\\w"'[({]`).test(text);

/** The compiled facts also know when each parameter of a callable came and went. */
interface ParamHistory {
  paramSpan(callableFq: string, param: string): { first: string; last: string } | undefined;
  paramRanges(callableFq: string, param: string): Array<[first: string, last: string]> | undefined;
  /** Every public callable that has ever taken the parameter. */
  callablesTaking(param: string): string[];
}

export const hasParamHistory = (facts: PrefectFacts): facts is PrefectFacts & ParamHistory =>
  typeof (facts as Partial<ParamHistory>).paramSpan === "function";

/**
 * Whether two callables of one name live in the same kind of home: a method of the same class, or functions of
 * modules (`prefect.engine.pause_flow_run` became `prefect.flow_runs.pause_flow_run`). A method of another class
 * (`Transaction.get`) is another callable that happens to share the name.
 */
function sameKindOfHome(a: string, b: string): boolean {
  const home = (fq: string) => fq.split(".").at(-2) ?? "";
  const [x, y] = [home(a), home(b)];
  return x === y || (!isClassName(x) && !isClassName(y));
}

/** The other decorator, for "flows have had it since …" when a task asks (and the other way round). */
const SIBLING: Record<string, { fq: string; plural: string; written: string }> = {
  "prefect.tasks.task": { fq: "prefect.flows.flow", plural: "flows", written: "@flow" },
  "prefect.flows.flow": { fq: "prefect.tasks.task", plural: "tasks", written: "@task" },
};

/**
 * "Is there an `on_running` hook for tasks?" on 3.4.11: a yes/no question about a parameter (written as a name) of a
 * callable it is about is answered from the parameter's history — present in the asker's release, not there yet
 * (and since when), or gone (and when).
 */
export function paramPresenceLead(question: Question, release: string, facts: PrefectFacts): LeadCandidate | null {
  if (question.kind !== "yes-no" || !hasParamHistory(facts)) return null;
  // "Is there a global setting for how many times tasks retry when they don't give `retries=`?" asks for a setting:
  // that `@task` takes the keyword is what the asker already knows.
  if (question.asksSetting && question.focus.settings.length === 0) return null;
  // Only a name the asking sentence writes is what the yes/no is about: "is there a hook for when a task starts? we
  // have on_failure on our tasks" asks about another hook than the one it names as context.
  // A keyword written with its `=` ("schedule=") is a parameter name however plain the word.
  const keywords = keywordsIn(question.text);
  const candidates = [...new Set([...words(question.text), ...question.focus.apis.map((a) => a.toLowerCase())])].filter(
    (w) => /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(w) || keywords.has(w),
  );
  // A name given as a likeness ("a hook like on_failure that fires when a task starts") is not the one asked about.
  // Nor is one the asker wants to do without ("rather not add `persist_result` to each task, is there a setting?").
  const writtenIn = (sentence: string) => {
    const said = ` ${words(withoutAvoided(sentence)).join(" ")} `;
    return candidates.filter((w) => said.includes(` ${w} `) && !LIKENESS.some((l) => said.includes(` ${l} ${w} `)));
  };
  // An elliptical asking sentence ("still true?") asks about what the sentence before it says.
  const sentences = sentencesOf(question.text);
  const at = sentences.indexOf(question.asking);
  let asking = question.asking;
  if (writtenIn(asking).length === 0 && at > 0 && words(asking).length <= ELLIPTICAL) asking = sentences[at - 1]!;
  const named = writtenIn(asking);
  if (named.length === 0) return null;
  // A keyword only inside a call written inline ("does `run_deployment("x", parameters=...)` wait?", "can i call
  // `pause_flow_run(timeout=3600)` inside a task?") is what the asker passes: that the release lacks it is the answer,
  // but "Yes, it takes it" answers another question than the one asked.
  const asked = new Set(writtenIn(callsAsCallees(asking)));
  const passedOnly = new Set(named.filter((w) => !asked.has(w)));
  // "Can I pass `task_runner=ThreadPoolTaskRunner(...)`?" on 2.x: the keyword exists, but a named API the release does
  // not have is the answer; a "Yes" about the keyword would hide it.
  const missing = question.focus.apis.some((a) => {
    const status = describeApi(facts, bareName(a), release, { details: false }).status;
    return status === "not-yet" || status === "removed";
  });
  if (missing) return null;
  // The decorators the question means by a word ("every task") rather than names.
  const implied = new Set<string>(
    Object.values(IMPLIED).filter(
      (fq) => !question.focus.apis.some((a) => fq.endsWith(`.${a.replace(/^@|\(\)$/g, "")}`)),
    ),
  );
  // A hook named with no owner ("is there an on_cancellation hook on 2.9.0?") belongs to the decorators that take it.
  const written = callablesOf(question, facts, release);
  const callables =
    written.length > 0
      ? written
      : Object.entries(IMPLIED)
          .reverse() // flows first: a hook asked about with no owner is most often a flow's
          .filter(([, fq]) => named.some((p) => facts.paramSpan(fq, p)))
          .map(([word, fq]) => ({ written: `@${word}`, fq }));
  for (const callable of callables) {
    for (const param of named) {
      // A re-export (`prefect.pause_flow_run`) is read as the function it stands for in the release
      // (`prefect.flow_runs.pause_flow_run` on 3.x); only when that does not take the keyword is the same function
      // under its older home (`prefect.engine.pause_flow_run` in 2.x) looked at, which may have taken it.
      const short = callable.fq.slice(callable.fq.lastIndexOf(".") + 1);
      const defining = facts.resolve(callable.fq, release)?.name;
      const fq =
        [defining, callable.fq].find((n) => n !== undefined && facts.paramSpan(n, param)) ??
        facts.callablesTaking(param).find((other) => other.endsWith(`.${short}`) && sameKindOfHome(other, callable.fq));
      const span = fq ? facts.paramSpan(fq, param) : undefined;
      const who = `\`${callable.written}\``;
      const sibling = SIBLING[callable.fq];
      const siblingSpan = sibling ? facts.paramSpan(sibling.fq, param) : undefined;
      // "Can I put `on_crashed=` on a @task?": a keyword the other decorator takes and this one never has is a no in
      // every release, and the other decorator is where it goes.
      if (!span && siblingSpan && compareVersions(release, siblingSpan.first) >= 0)
        return {
          text: `No — ${who} takes no \`${param}\` in any Prefect release; it is a parameter of \`${sibling!.written}\` (since ${siblingSpan.first}).`,
          confidence: 1,
          sources: [],
          basis: "facts",
          about: [param],
          lacks: true,
        };
      if (!span) continue;
      const also = siblingSpan ? ` (${sibling!.plural} have taken \`${param}\` since ${siblingSpan.first})` : "";
      let text: string;
      const { within, before, after } = placeIn(facts.paramRanges(fq!, param) ?? [], release);
      if (!within && before && after)
        text = `No — ${who} has no \`${param}\` in Prefect ${release}: it was dropped after ${before[1]} and came back in ${after[0]}.`;
      else if (compareVersions(release, span.first) < 0)
        text = `No — ${who} has no \`${param}\` in Prefect ${release}: it arrived in ${span.first}${also}. Upgrade to ${span.first} or later to use it.`;
      else if (compareVersions(release, span.last) > 0)
        text = `No — ${who} no longer takes \`${param}\` in Prefect ${release}: the last release with it was ${span.last}.`;
      // "Can I set retries=2 for every task?" uses the keyword on a decorator it does not name: the asker knows the
      // parameter exists, and "Yes, `@task` takes it" would answer another question than the one asked.
      else if (implied.has(callable.fq) && givesValue(question.text, param)) continue;
      else if (passedOnly.has(param)) continue;
      // "Does `wait(futures, timeout=300)` raise when the timeout hits?" asks what it does, not whether it takes the
      // keyword: that it is there is an answer only to a question about having it.
      else if (!asksPresence(question.asking)) continue;
      else
        text =
          within && before
            ? `Yes — ${who} takes \`${param}\` in Prefect ${release}: it was dropped after ${before[1]} and came back in ${within[0]}.`
            : `Yes — ${who} takes \`${param}\` in Prefect ${release} (since ${span.first}).`;
      return { text, confidence: 1, sources: [], basis: "facts", about: [param], lacks: !within };
    }
  }
  return null;
}

/**
 * Where a release falls among a parameter's release ranges (oldest first): the range holding it, and the nearest
 * ranges before and after it. A release in no range between two is in a gap (`Flow.deploy(schedule=)`: 2.x, then 3.2
 * on); one in a later range came back after one.
 */
export function placeIn(
  ranges: ReadonlyArray<readonly [string, string]>,
  release: string,
): { within?: readonly [string, string]; before?: readonly [string, string]; after?: readonly [string, string] } {
  const within = ranges.findIndex(
    ([first, last]) => compareVersions(release, first) >= 0 && compareVersions(release, last) <= 0,
  );
  if (within >= 0) return { within: ranges[within]!, ...(within > 0 ? { before: ranges[within - 1]! } : {}) };
  const next = ranges.findIndex(([first]) => compareVersions(release, first) < 0);
  const after = next < 0 ? undefined : ranges[next];
  const before = (next < 0 ? ranges[ranges.length - 1] : ranges[next - 1]) ?? undefined;
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}
