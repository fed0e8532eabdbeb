// "Is there `prefect flow-run retry` in 3.4.20?", "does 3.4.10 ship a process pool task runner?", "is there a CLI for
// emitting events?": a yes/no question about a command or a class that the facts follow release by release. Whether
// the asker's release has it is the answer's first fact, before anything a unit says about how it works.
import { compareVersions } from "../../../core/index.js";
import {
  describeApi,
  identifierParts,
  type PrefectApiFacts,
  type PrefectFacts,
  stem,
} from "../../../knowledge/index.js";
import type { Question } from "../understand/index.js";
import {
  asSentenceStart,
  bareName,
  codeSpans,
  identifiersIn,
  sentenceBeforeAsking,
  sentencesOf,
  withoutAvoided,
  words,
} from "../understand/index.js";
import type { LeadCandidate } from "./answer-plan.js";
import { OWNERS, ownerNamed } from "./param-default.js";

/** Words that say the asker wants a command rather than Python. */
const WANTS_COMMAND = new Set(["cli", "command", "commands", "cmd", "terminal", "shell", "bash"]);
/** Words that say the question is about moving to another release ("when we upgrade to prefect 3"). */
const MOVING = new Set(["upgrade", "upgrading", "upgraded", "migrate", "migrating", "migration", "bump", "bumping"]);
/** A class spelled out in words is recognisable only with three parts or more ("process pool task runner"). */
const MIN_PARTS = 3;

/** How sure each way of naming the thing is: written in the asking sentence, elsewhere, or spelled in words. */
const CONFIDENCE = { asked: 1, pointed: 0.9, written: 0.6, words: 0.8 } as const;
/** The share of that confidence left for a name pointed to that the release has. */
const POINTED_PRESENT = 0.6;

type Candidate = { kind: "command" | "group" | "class"; name: string; how: keyof typeof CONFIDENCE };

/**
 * A command group written as code on its own ("is there a `prefect automation` command?"), or in words followed by
 * what it is ("a prefect automation cli?"): "drop a value into a prefect variable" names no command.
 */
const WRITTEN_GROUP = /`prefect ([a-z][a-z-]*)`|\bprefect ([a-z][a-z-]*) (?:cli|sub-?commands?|commands?|cmds?)\b/g;

const hasCommands = (facts: PrefectFacts): facts is PrefectFacts & PrefectApiFacts =>
  typeof (facts as Partial<PrefectApiFacts>).commandKeys === "function";

export function availabilityLead(question: Question, release: string, facts: PrefectFacts): LeadCandidate | null {
  if (!hasCommands(facts)) return null;
  const yesNo = question.kind === "yes-no";
  // Asked another way ("our systemd unit fails: `prefect agent start` …, what now?"), a command the release lacks is
  // still the first fact; a guess from words, or a "yes", answers only a yes/no question.
  const returned = yesNo ? returnedMemberLead(question, release, facts) : null;
  if (returned) return returned;
  // A command spelled in words answers a how-to only when the asker wants a command ("from a bash script") and the
  // release lacks it: then that is the first fact, before the way in Python.
  const candidates = candidatesOf(question, facts).filter((c) => yesNo || c.how !== "words" || c.kind === "command");
  // "If we bump to prefect 3 will that import keep working?" asks about the line the asker is moving to: its newest
  // release says.
  const at = yesNo && question.upgradeTo ? question.upgradeTo.release : release;
  for (const candidate of candidates) {
    const found =
      candidate.kind === "class"
        ? classStatement(facts, candidate, at, !!question.asksExistence)
        : commandStatement(facts, candidate, at, !!question.asksGone);
    if (!found || (!yesNo && !found.lacks)) continue;
    // A how-to in words for a command gone from the release is asked of its successor, which a unit gives.
    if (!yesNo && candidate.how === "words" && found.gone) continue;
    // Asked whether something can be done (not whether it exists), only a name written as code that the release
    // lacks (by its history, not "no such method in any release") answers it: a name in the story ("class
    // JobCfg(BaseModel)") does not, unless the question is about the line the asker moves to ("can we keep our
    // KubernetesJob setup when we upgrade to 3?").
    const possibility = candidate.kind === "class" && candidate.how !== "words" && !question.asksExistence;
    const named =
      writtenAsCode(question.asking, candidate.name) ||
      (candidate.how === "asked" && (!!question.upgradeTo || words(question.asking).some((w) => MOVING.has(w))));
    if (possibility && !(found.lacks && found.dated && named)) continue;
    return {
      text: yesNo ? `${yesOrNo(found, !!question.asksGone)} — ${found.fact}` : found.fact,
      // That a name "that" points to is there says less than a unit that matches the question well ("does that still
      // work on 2.x, or are we forced onto workers?"); that it is missing is the first fact whatever else matches.
      confidence: CONFIDENCE[candidate.how] * (candidate.how === "pointed" && !found.lacks ? POINTED_PRESENT : 1),
      sources: [],
      basis: "facts",
      lacks: found.lacks,
      about: [candidate.kind === "class" ? candidate.name : `prefect ${candidate.name}`],
      ...(possibility ? { yieldsToDecided: true } : {}),
    };
  }
  return null;
}

/** A method the asking sentence writes with no object before it ("have a `.result()` I can call?"). */
const BARE_METHOD = /(?<![\w.)\]])\.([a-z_]\w*)\(/g;

/**
 * "Does the thing `run_deployment` gives back have a `.result()`?": a yes/no question about a method of what an API the
 * question names returns. The facts know the return type and its members in the asker's release; a member it lacks is
 * the answer, with what to do instead where the facts say.
 */
function returnedMemberLead(
  question: Question,
  release: string,
  facts: PrefectFacts & PrefectApiFacts,
): LeadCandidate | null {
  const methods = [...question.asking.matchAll(BARE_METHOD)].map((m) => m[1]!);
  if (methods.length === 0) return null;
  for (const api of question.focus.apis) {
    const short = bareName(api).split(".").pop()!;
    if (methods.includes(short)) continue;
    for (const fq of facts.locate(short, release).slice(0, 1)) {
      const type = facts.returnType(fq, release);
      const members = type ? facts.members(type, release) : undefined;
      if (!type || !members?.complete) continue;
      const typeName = type.slice(type.lastIndexOf(".") + 1);
      const missing = methods.find((m) => !members.names.includes(m));
      if (missing === undefined) continue;
      const instead = facts.replacement(`${type}.${missing}`);
      return {
        // Said so that the claim checker does not read "no" as denying that the type itself exists.
        text: `No — what \`${short}\` returns in Prefect ${release} is a \`${typeName}\` object, and that object has no \`.${missing}()\` method.${instead ? ` ${sentence(instead)}` : ""}`,
        confidence: 1,
        sources: [],
        basis: "facts",
        lacks: true,
        about: [`${typeName}.${missing}`],
      };
    }
  }
  return null;
}

function candidatesOf(question: Question, facts: PrefectFacts & PrefectApiFacts): Candidate[] {
  // A command written inside a question ("something like `prefect variable set`?") is what it asks about; one in the
  // story around it may be context.
  const questions = sentencesOf(question.text).filter((s) => s.endsWith("?"));
  const asked = ` ${[question.asking, ...questions].flatMap(words).join(" ")} `;
  const written: Candidate[] = (question.focus.commands ?? []).map((name) => ({
    kind: "command",
    name,
    // Every word of it in what is asked: "only see `prefect flow-run logs`" beside "dump the logs of a task run" is
    // the asker's context, sharing one word with the question.
    how: name.split(" ").every((part) => asked.includes(` ${part} `)) ? "asked" : "written",
  }));
  // A group the history knows only through its commands ("automation ls", …), asked about as a whole.
  const groups: Candidate[] = [...question.asking.matchAll(WRITTEN_GROUP)]
    .map((m) => (m[1] ?? m[2])!)
    .filter((g) => !written.some((c) => c.name.split(" ")[0] === g) && facts.commandsInGroup(g).length > 0)
    .map((name) => ({ kind: "group", name, how: "asked" }));
  const said = words(question.asking);
  // A command spelled in the asking sentence's words is asked about even beside one written in the story around it.
  // The word that asks for a command belongs to the sentence that asks: "shows up in the terminal … is that a bug?"
  // says where output went, and asks nothing of a command.
  const lastAsked = words(sentencesOf(question.asking).at(-1) ?? question.asking);
  const inWords = written.every((c) => c.how !== "asked") && lastAsked.some((w) => WANTS_COMMAND.has(w));
  const spelled = inWords ? commandInWords(said, facts) : null;
  const cls = classInWords(said, facts);
  // "Is `ConcurrentTaskRunner` still there in 3?": the names the asking sentence writes. "… has
  // `task_runner=ConcurrentTaskRunner()`. does that import still exist?" points back to the sentence before it.
  const named: Candidate[] = [];
  // "can i call `submit_to_work_pool` on it?" asks whether it can be done with that name: only that the release lacks
  // the name answers it (a name it has says nothing of whether it does what they want).
  if (question.asksExistence || question.asksPossibility) {
    // A name the asker wants to do without ("… without rewriting to `get_run_logger`?") is not the one asked about.
    const inAsking = identifiersIn(withoutAvoided(question.asking));
    const pointed = inAsking.length === 0 ? identifiersIn(sentenceBeforeAsking(question.text)) : [];
    // `prefect` alone (the first word of a command written as code) names the package, not a thing in it; a name
    // given as a likeness ("`flow.submit()` like `task.submit()`") is what the asked thing would resemble.
    // "the `JSON` block": a name written before "block" is that block class, not another class of the name.
    const block = blockInWords(said, facts);
    const asBlock = (name: string) => (block?.endsWith(`.${name}`) ? block : name);
    for (const name of membersFirst(inAsking, facts))
      if (name.toLowerCase() !== "prefect" && !givenAsLikeness(question.asking, name))
        named.push({ kind: "class", name: asBlock(name), how: "asked" });
    for (const name of membersFirst(pointed, facts)) named.push({ kind: "class", name, how: "pointed" });
    // The block named in words is the thing asked about, ahead of the module an import beside it names.
    if (block && !named.some((c) => c.name === block)) named.unshift({ kind: "class", name: block, how: "asked" });
  }
  return [
    ...written.sort((a, b) => CONFIDENCE[b.how] - CONFIDENCE[a.how]),
    ...groups,
    ...named,
    ...(spelled && !written.some((c) => c.name === spelled)
      ? [{ kind: "command", name: spelled, how: "words" } as const]
      : []),
    ...(cls ? [{ kind: "class", name: cls, how: "words" } as const] : []),
  ];
}

/**
 * "`from prefect.task_runners import SequentialTaskRunner` -> ImportError. is it gone?": of a module and a name in the
 * same breath, the name is what is asked about; the module only says where it lived.
 */
function membersFirst(names: readonly string[], facts: PrefectFacts): string[] {
  const isModule = (n: string) => facts.symbol(n)?.kind === "module";
  return [...names.filter((n) => !isModule(n)), ...names.filter(isModule)];
}

/**
 * The command whose every word the asking sentence says, in any form ("emitting events" for `events emit`): the one
 * with the most words, when exactly one has that many.
 */
function commandInWords(said: readonly string[], facts: PrefectApiFacts): string | null {
  const stems = new Set(said.map(stem));
  const matched = facts
    .commandKeys()
    .map((key) => ({ key, parts: key.split(/[\s-]+/) }))
    .filter(({ parts }) => parts.length >= 2 && parts.every((p) => stems.has(stem(p))));
  const most = Math.max(0, ...matched.map((m) => m.parts.length));
  const best = matched.filter((m) => m.parts.length === most);
  return best.length === 1 ? best[0]!.key : null;
}

/** A public class name's words → its short name ("process pool task runner" → ProcessPoolTaskRunner), per facts. */
const phrasesOf = new WeakMap<object, Map<string, string>>();

function classPhrases(facts: PrefectApiFacts): Map<string, string> {
  let phrases = phrasesOf.get(facts);
  if (phrases) return phrases;
  phrases = new Map();
  for (const fq of facts.allNames()) {
    const parts = fq.split(".");
    const short = parts[parts.length - 1]!;
    if (parts.some((p) => p.startsWith("_"))) continue;
    const pieces = identifierParts(short);
    // Words only, each capitalised once: "HTTPServer" or "V2Schema" do not read as plain words.
    if (pieces.length < MIN_PARTS || !pieces.every((p) => /^[A-Z][a-z]+$/.test(p))) continue;
    phrases.set(pieces.join(" ").toLowerCase(), short);
  }
  phrasesOf.set(facts, phrases);
  return phrases;
}

/** Modules whose classes are blocks, named in words as "the JSON block", "the GitHub block". */
const BLOCK_MODULES = ["prefect.blocks.", "prefect.filesystems.", "prefect.infrastructure."];
const blocksOf = new WeakMap<PrefectApiFacts, Map<string, string>>();

/** "can i still use the JSON block?": a block class named by its own name before "block" (lower-cased → its name). */
function blockInWords(said: readonly string[], facts: PrefectApiFacts): string | null {
  let blocks = blocksOf.get(facts);
  if (!blocks) {
    blocks = new Map();
    for (const fq of facts.allNames())
      if (BLOCK_MODULES.some((m) => fq.startsWith(m)) && facts.symbol(fq)?.kind === "class")
        blocks.set(fq.split(".").pop()!.toLowerCase(), fq);
    blocksOf.set(facts, blocks);
  }
  const at = said.findIndex((w, i) => i > 0 && (w === "block" || w === "blocks") && blocks!.has(said[i - 1]!));
  return at > 0 ? blocks.get(said[at - 1]!)! : null;
}

function classInWords(said: readonly string[], facts: PrefectApiFacts): string | null {
  const text = ` ${said.map(stem).join(" ")} `;
  let found: string | null = null;
  for (const [phrase, short] of classPhrases(facts)) {
    if (!text.includes(` ${phrase.split(" ").map(stem).join(" ")} `)) continue;
    if (!found || phrase.length > found.length) found = short;
  }
  return found;
}

/** What the facts say of the asked thing in the release, whether the release lacks it, and whether it was taken out. */
/** `dated`: the release lacks it by the name's own history (it came later, or went earlier). */
type Finding = { fact: string; lacks: boolean; gone?: boolean; dated?: boolean } | null;
const lacks = (fact: string, dated = false): Finding => ({ fact, lacks: true, dated });
const gone = (fact: string): Finding => ({ fact, lacks: true, gone: true, dated: true });

/** The name is written as code in the sentence (`submit_to_work_pool`, `flow.submit_to_work_pool()`). */
function writtenAsCode(sentence: string, name: string): boolean {
  return codeSpans(sentence).some((code) => code.includes(name));
}

/** "Does it exist?" is answered yes when it is there; "did it go away?" yes when it was taken out. */
function yesOrNo(found: NonNullable<Finding>, asksGone: boolean): "Yes" | "No" {
  return (asksGone ? found.gone : !found.lacks) ? "Yes" : "No";
}

function commandStatement(facts: PrefectApiFacts, candidate: Candidate, release: string, asksGone = false): Finding {
  const history =
    candidate.kind === "group"
      ? facts.commandGroupHistory(candidate.name, release)
      : facts.commandHistory(candidate.name, release);
  if (!history) return null;
  const command = `\`prefect ${candidate.name}\``;
  // Asked whether it is gone ("is `prefect agent start` gone in 2.20.2?"), a command the release has is the answer,
  // with the release that drops it, when a later one does.
  if (history.present && asksGone && candidate.how !== "words") {
    const later = compareVersions(history.last, facts.releases.at(-1) ?? history.last) < 0;
    const replacement = later ? facts.cliReplacement(candidate.name.split(" ")) : undefined;
    return {
      fact: `${command} is still in Prefect ${release}${later ? `; ${removal(facts, history.last)}` : ""}.${replacement ? ` ${replacement}` : ""}`,
      lacks: false,
    };
  }
  if (history.present)
    // A command written out that the release has answers nothing by itself; one found from words is what was asked.
    return candidate.how === "words"
      ? { fact: `${command} does that in Prefect ${release} (it exists since ${history.first}).`, lacks: false }
      : null;
  if (compareVersions(release, history.first) < 0) {
    // What the release calls the same thing, when the curated advice for a removed command names this one as its
    // successor ("`prefect orion start`" on 2.7.12 for `prefect server start`).
    const before = facts.cliPredecessor(candidate.name.split(" "));
    const there = before ? facts.commandHistory(before, release) : undefined;
    const instead = there?.present ? ` On ${release} the same command is \`prefect ${before}\`.` : "";
    return lacks(
      `Prefect ${release} has no ${command}: it arrived in ${history.first}.${instead || ` Upgrade to ${history.first} or later to use it.`}`,
    );
  }
  const replacement = facts.cliReplacement(candidate.name.split(" "));
  if (compareVersions(release, history.last) > 0)
    return gone(
      `Prefect ${release} has no ${command}: ${removal(facts, history.last)}.${replacement ? ` ${replacement}` : ""}`,
    );
  return gone(
    `Prefect ${release} has no ${command}, though some releases between ${history.first} and ${history.last} do.`,
  );
}

/** The type a method's receiver (`etl_flow.serve`) names by its words. */
function ownerOf(name: string): (typeof OWNERS)[number] | null {
  const dot = name.indexOf(".");
  return ownerNamed(dot > 0 ? name.slice(0, dot) : "");
}

/**
 * A method on the asker's own object (`my_task.delay`, `flow.deploy`) is the method of the type the object is: the
 * receiver's words say which, else whichever of the two has the method in some release.
 */
function ownerMethod(facts: PrefectFacts, name: string): string {
  const bare = bareName(name);
  const dot = bare.indexOf(".");
  if (dot <= 0 || bare.indexOf(".", dot + 1) > 0) return name;
  const receiver = bare.slice(0, dot);
  if (facts.symbol(receiver) || receiver === "prefect" || receiver !== receiver.toLowerCase()) return name;
  const owner = ownerOf(bare);
  return (owner ? [owner] : OWNERS).map((o) => `${o}.${bare.slice(dot + 1)}`).find((fq) => facts.symbol(fq)) ?? name;
}

/** Words that give a name as an example of what is wanted, not as what is wanted. */
const LIKENESS = ["like", "unlike", "such as", "similar to"];

/**
 * Whether every place the text writes the name comes after a likeness word in the same clause ("a helper like
 * `from prefect.futures import wait`", "`flow.submit()` like `task.submit()`").
 */
function givenAsLikeness(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const wanted = name.toLowerCase();
  // An imported name is written as its import (`from prefect.futures import wait`): found by its module.
  const dot = wanted.lastIndexOf(".");
  const written = lower.includes(wanted) || dot < 0 ? wanted : `from ${wanted.slice(0, dot)} import`;
  const at: number[] = [];
  for (let i = lower.indexOf(written); i >= 0; i = lower.indexOf(written, i + 1)) at.push(i);
  const clauseBefore = (i: number) => {
    let from = i;
    while (from > 0 && !",;:?!".includes(lower[from - 1]!)) from--;
    return ` ${words(lower.slice(from, i)).join(" ")} `;
  };
  return at.length > 0 && at.every((i) => LIKENESS.some((l) => clauseBefore(i).includes(` ${l} `)));
}

function classStatement(facts: PrefectFacts, candidate: Candidate, release: string, existence = false): Finding {
  const lookup = ownerMethod(facts, candidate.name);
  // Said as the asker would look for it: `Task.delay`, not the module path.
  let name = lookup === candidate.name ? lookup : lookup.split(".").slice(-2).join(".");
  // Asked whether it exists, whether it is deprecated (and for what) is part of the answer: only then the details.
  // A method no release of the receiver's type has ("flow.submit()") is not there at all.
  const owner = lookup === candidate.name ? ownerOf(candidate.name) : null;
  if (owner)
    return lacks(
      `\`${owner.split(".").pop()}\` objects have no \`${bareName(candidate.name).slice(candidate.name.indexOf("."))}()\` in any Prefect release.`,
    );
  let report = describeApi(facts, lookup, release, { details: existence });
  // A bare method name (`submit_to_work_pool`) is found only through its class: the one member of that name.
  const last = (fq: string) => fq.slice(fq.lastIndexOf(".") + 1);
  const members = report.status === "unknown" ? facts.suggest(lookup).filter((fq) => last(fq) === last(lookup)) : [];
  if (members.length === 1 && members[0]!.includes(".")) {
    report = describeApi(facts, members[0]!, release, { details: existence });
    name = members[0]!.split(".").slice(-2).join(".");
  }
  // A module in the sentence before ("the S3 block from prefect.filesystems. does that block still exist?") says where
  // the thing lives, not which thing "that" is.
  if (candidate.how === "pointed" && report.kind === "module") return null;
  // Asked whether it exists, a name the release has is answered too: where to import it from.
  if (existence && report.status === "present") {
    const going = report.deprecated
      ? ` It is deprecated${report.replacement ? `: ${sentence(report.replacement)}` : "."}`
      : "";
    return {
      fact: `\`${name}\` exists in Prefect ${release}${report.importLine ? ` (\`${report.importLine}\`)` : ""}.${going}`,
      lacks: false,
    };
  }
  if (report.status === "not-yet" && report.firstRelease)
    return lacks(
      `Prefect ${release} has no \`${name}\`: it arrived in ${report.firstRelease}. Upgrade to ${report.firstRelease} or later to use it.`,
      true,
    );
  // What replaced it is what the asker needs next ("call the tasks directly"): only asked whether it exists does the
  // report carry it.
  if (report.status === "removed" && report.lastRelease)
    return gone(
      `Prefect ${release} has no \`${name}\`: ${removal(facts, report.lastRelease)}.${report.replacement ? ` ${sentence(report.replacement)}` : ""}`,
    );
  return null;
}

/** "it was removed in 3.0.0 (the last release with it was 2.20.25)": the release after the last one that had it. */
function removal(facts: PrefectFacts, last: string): string {
  const next = facts.releases[facts.releases.indexOf(last) + 1];
  return next
    ? `it was removed in ${next} (the last release with it was ${last})`
    : `the last release with it was ${last}`;
}

/** A fact's text as one sentence: its first letter capitalised, ending in a full stop. */
function sentence(text: string): string {
  const t = text.trim().replace(/[.\s]+$/, "");
  return `${asSentenceStart(t)}.`;
}
