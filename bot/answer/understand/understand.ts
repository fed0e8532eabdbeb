// Stage 1: the thread, as read, becomes a typed Question; the version statement corrects the detected version.

import { satisfies } from "@renovatebot/pep440";
import { majorOf, type ThreadMessage, type VersionGuess } from "../../../core/index.js";
import { type Glossary, glossed, type PrefectFacts, type SettingsFacts, tokenize } from "../../../knowledge/index.js";
import { compareSides } from "./compare-sides.js";
import { readFocus, readValues } from "./focus.js";
import { nonEnglish } from "./language.js";
import type { Question, VersionStatement } from "./question.js";
import {
  askingInContext,
  askingSentence,
  asksAboutSetting,
  asksExistence,
  asksGone,
  asksIfBug,
  asksIfExpected,
  asksPossibility,
  continuesPrevious,
  pointsBack,
  questionKind,
  refersBack,
  resolvePointer,
  sentencesOf,
} from "./question-kind.js";
import { questionParts } from "./question-parts.js";
import type { ThreadReading } from "./read-thread.js";
import { readUpgradeTarget, readVersionStatement } from "./version-statement.js";

export interface UnderstandDeps {
  facts: PrefectFacts;
  settings: SettingsFacts;
  /** Support words of other languages in English, so a question in German is matched by its meaning. */
  glossary?: Glossary;
}

/**
 * The version to check against, given what the detector found and what the asker said. A range ("prefect<3",
 * ">=2.14,<3") means the newest release in it unless the detector found a release inside it; "latest" outranks what
 * the code merely suggests (old tutorial code on a fresh install is still checked against the newest release); a
 * named major line outranks a detection from another line.
 */
export function reconcileVersion(
  guess: VersionGuess,
  statement: VersionStatement | null,
  facts: PrefectFacts,
): VersionGuess {
  if (!statement) return guess;
  const release = statement.release;
  const major = majorOf(release) === 2 ? 2 : 3;
  const stated: VersionGuess = {
    version: release,
    resolved: facts.resolveRelease(release),
    major,
    how: "stated",
    evidence: [
      statement.named
        ? `“${statement.said}”, on ${statement.named}`
        : statement.specifier
          ? `“${statement.said}” allows up to ${release}`
          : `“${statement.said}” means ${release}`,
    ],
  };
  if (statement.specifier === null) return guess.how === "stated" ? guess : stated;
  const inside = satisfies(guess.resolved, statement.specifier);
  if (inside && guess.how === "stated" && guess.version.split(".").length >= 2) return guess;
  if (inside && guess.major === major && guess.how !== "assumed") return guess;
  // A named major line ("we're on 2") corrects a guess, not a release the thread states.
  if (statement.specifier.startsWith(">=") && !statement.specifier.includes(".") && guess.how === "stated")
    return guess;
  return stated;
}

const withoutLinks = (text: string) => text.replace(/<?https?:\/\/\S+/g, " ");

/** Content words a sentence needs to say a topic of its own ("one deployment needs 4 vcpu / 16gb …"). */
const OWN_TOPIC_WORDS = 4;

/** A focus with no API, setting, command or error in it. */
const namesNothing = (focus: Question["focus"]) =>
  [prefectApis(focus), focus.settings, focus.cli, focus.errors].every((names) => names.length === 0);

/** The API names of a focus that some Prefect release has (not `print`, `boto3` or the asker's `validate_batch`). */
const prefectApis = (focus: Question["focus"]) => focus.apis.filter((name) => !focus.foreign?.includes(name));

/** Words that carry meaning (not "any", "idea", "the"). */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function contentWords(text: string): number {
  return tokenize(withoutLinks(text)).length;
}

/**
 * The Prefect names the bot's replies give in their opening paragraph: callables, classes and settings, not the
 * modules they are imported from, and a dotted name only when its last part is not named on its own. `narrow`: of
 * several, the one the last reply's first sentence names alone, when it names one.
 */
function repliedNames(
  replies: readonly ThreadMessage[],
  deps: UnderstandDeps,
  release: string,
  narrow: boolean,
): string[] {
  const openings = replies.map((reply) => reply.text.split("\n\n")[0] ?? "");
  const named = namesIn(openings, deps, release);
  if (named.length <= 1 || !narrow) return named;
  // "Use `pause_flow_run` …: the run goes to Paused … You can also pass a `RunInput` class": the reply's first
  // sentence states what it is about; a name only the sentences after it give is a detail.
  const first = namesIn([sentencesOf(openings.at(-1) ?? "")[0] ?? ""], deps, release);
  return first.length === 1 ? first : named;
}

/** The Prefect names in texts, as `repliedNames` reads them. */
function namesIn(texts: readonly string[], deps: UnderstandDeps, release: string): string[] {
  const names = new Set<string>();
  for (const opening of texts) {
    const focus = readFocus(opening, opening, deps.facts, deps.settings, release);
    for (const name of prefectApis(focus)) if (deps.facts.resolve(name, release)?.kind !== "module") names.add(name);
    for (const name of focus.settings) names.add(name);
    for (const command of focus.cli) names.add(`prefect ${command}`);
  }
  const named = [...names].filter((name) => !name.includes(".") || !names.has(name.split(".").pop()!));
  // "Set PREFECT_API_URL in the job, then run `prefect deployment run …`": beside a command or an API, the settings a
  // reply names are the setup around it, not what a follow-up's "it" stands for.
  const acts = named.filter((name) => !deps.settings.get(name));
  return acts.length > 0 ? acts : named;
}

/**
 * A sentence before the asking one that says something of its own: no aside, and nothing in it points back, not even
 * a "that" before a noun ("after bumping that image the flow fails at the import line" is about the thread's image).
 */
function saysItsOwnTopic(message: string): boolean {
  const sentences = sentencesOf(message);
  const at = sentences.indexOf(askingSentence(message));
  return sentences.slice(0, Math.max(0, at)).some((s) => !refersBack(s) && contentWords(s) >= OWN_TOPIC_WORDS);
}

/** The follow-up with the pointer of its asking sentence (else of its first one) read as `name`. */
function resolvePointers(prose: string, name: string): string {
  const asking = askingSentence(prose);
  const sentence = pointsBack(asking) ? asking : (sentencesOf(prose)[0] ?? "");
  return sentence === "" ? prose : prose.replace(sentence, resolvePointer(sentence, name));
}

export function understand(
  reading: ThreadReading,
  deps: UnderstandDeps,
): { question: Question; version: VersionGuess } {
  const humanTexts = reading.messages.filter((m) => !m.isBot).map((m) => m.text);
  const statement = readVersionStatement(
    [...humanTexts, reading.question, ...reading.code.map((c) => c.snippet.code)],
    deps.facts.releases,
  );
  const version = reconcileVersion(reading.version, statement, deps.facts);
  // "any idea?", "bump", "@orca": the question is in an earlier message of the asker.
  // A message that is only a command line ("prefect profile commands") asks about that command.
  const prose =
    contentWords(withoutLinks(reading.prose)) < 2 && reading.commands.trim() !== ""
      ? `${reading.prose}\n${reading.commands}`.trim()
      : reading.prose;
  const own = withoutLinks(prose);
  const earlier =
    contentWords(own) < 2 && reading.code.length === 0
      ? [...reading.messages].reverse().find((m) => !m.isBot && m.author === reading.asker && contentWords(m.text) >= 4)
      : undefined;
  // "how do i get those to show up in the UI?": a follow-up that points back and names nothing itself is about the
  // last message before it in the thread, read as the sentences before the question.
  const previousAt = reading.messages.findLastIndex((m) => !m.isBot);
  const previous = reading.messages[previousAt];
  const followsUp =
    !earlier &&
    previous !== undefined &&
    !previous.text.includes("```") &&
    // "i did that but … how do i get the actual value?": the opening sentence points back as well as the asking one;
    // "which setting controls that threshold?" refers back with a noun after its "that".
    (pointsBack(askingSentence(own)) ||
      pointsBack(sentencesOf(own)[0] ?? "") ||
      refersBack(askingSentence(own)) ||
      continuesPrevious(sentencesOf(own)[0] ?? "") ||
      continuesPrevious(askingSentence(own))) &&
    namesNothing(readFocus(own, own, deps.facts, deps.settings, version.resolved));
  // What the reply to that message named ("use `ThreadPoolTaskRunner(max_workers=8)`") is what "it" or "that" most
  // often stands for, so a follow-up is read with those names too.
  const replies = reading.messages.slice(previousAt + 1).filter((m) => m.isBot);
  // (A message with code of its own points at that code, "Debug this flow. Is this done properly?": every name the
  // reply gives is read beside it, none taken for the pointer.)
  const replied = followsUp ? repliedNames(replies, deps, version.resolved, reading.code.length === 0) : [];
  // "one deployment needs 4 vcpu while the rest use the pool default. can i override that per deployment?" after a
  // message of setup nobody answered: what the message says before its question is what "that" stands for. (After a
  // reply, what it says first is what came of the reply: "boto3 complains … value: name='s3_bucket' …".)
  const ownTopic = followsUp && replies.length === 0 && saysItsOwnTopic(own);
  // With one name the pointer is read as it ("can i call that inside the task?" → "… call `pause_flow_run` inside …"),
  // and the message then says what it is about by itself: the earlier question would pull toward its own answer.
  // (Only when the message has such a pointer: "between those retries" refers back without standing for a name.)
  const resolved = replied.length === 1 && !ownTopic ? resolvePointers(prose, replied[0]!) : prose;
  const pointed = resolved !== prose;
  const repliedLine = pointed ? "" : replied.map((name) => `\`${name}\``).join(" ");
  const written = (
    earlier
      ? earlier.text
      : followsUp
        ? [ownTopic || pointed ? "" : previous.text, repliedLine, resolved].filter(Boolean).join("\n")
        : prose
  ).trim();
  const language = nonEnglish(written);
  // A question in another language is matched through the glossary's English words; the reply says it answers
  // in English.
  const text = language && deps.glossary ? glossed(written, language, deps.glossary) : written;
  const focus = readFocus(text, reading.text, deps.facts, deps.settings, version.resolved);
  const hasCode = reading.code.length > 0;
  const asked = askedAs(text, hasCode, focus);
  // A message that asks several things has each read as if it were the only question (its setup around it): in the
  // message's own words, after what a follow-up is read with.
  const ownText = followsUp ? resolved.trim() : written;
  const context = language || !text.endsWith(ownText) ? null : text.slice(0, text.length - ownText.length);
  // A comparison ("should i pause or suspend? whats the difference") is one question, however many sentences ask it.
  const sides = compareSides(askingSentence(text)) ?? compareSides(text);
  const parts =
    context === null || sides
      ? null
      : questionParts(ownText)?.map((part, i, all) => {
          const partText = `${context}${part.text}`;
          const partFocus = readFocus(partText, partText, deps.facts, deps.settings, version.resolved);
          // "…, and can i loosen that?": a part that points back asks about what the part before it asked.
          const leansOn = part.leansBack ? all[i - 1]!.asked : undefined;
          // Otherwise what the part asks is read in the message's own words: the thread before it has questions of
          // its own. (The part itself when the sentence that asks is not found in it: "also if i stay on threads how
          // do i cap them" opens with no question word and has no question mark.)
          const inContext = leansOn === undefined ? askingInContext(part.text) : "";
          const asking =
            leansOn !== undefined
              ? `${leansOn} ${part.asked}`
              : inContext.includes(part.asked)
                ? inContext
                : part.asked;
          return {
            ...askedAs(partText, hasCode, partFocus, asking),
            text: partText,
            focus: partFocus,
            ...(leansOn !== undefined ? { leansOn } : {}),
          };
        });
  const question: Question = {
    ...asked,
    text,
    focus,
    // A follow-up's own names may sit in the message it follows ("trigger my `reporting/prod` deployment"), even when
    // the question is read without it.
    values: readValues(
      reading.code.map((c) => c.snippet.code),
      reading.commands,
      followsUp && previous && !text.includes(previous.text) ? `${previous.text}\n${text}` : text,
    ),
    version: statement,
    upgradeTo: readUpgradeTarget(text, version.resolved, deps.facts.releases, asked.asking),
    // "workers?", "retries": a word or two. "what can an automation do?" has one topic word but asks a question.
    // ("wait(futures)?" is one word with two content words: an API to look up.)
    thin:
      !earlier &&
      (contentWords(own) === 0 || (contentWords(own) < 2 && wordCount(own) <= 2)) &&
      reading.code.length === 0,
    fromEarlierMessage: earlier !== undefined,
    language,
    sides,
  };
  if (parts) question.parts = parts.map((p) => ({ ...question, ...p, parts: null, sides: compareSides(p.asking) }));
  return { question, version };
}

/**
 * How a text asks: its asking sentence, its kind and what it asks about (a setting, existence, a bug …). `asking`: the
 * asking sentence when the caller has read it already (a message's part).
 */
function askedAs(text: string, hasCode: boolean, focus: Question["focus"], asking = askingInContext(text)) {
  const kindInput = { text, hasCode, quotesError: focus.errors.length > 0, namesSetting: focus.settings.length > 0 };
  const kind = questionKind(kindInput);
  return {
    asking,
    kind,
    asksSetting: asksAboutSetting(kindInput),
    asksExistence: asksExistence(kindInput, kind),
    asksGone: asksGone(kindInput, kind),
    asksPossibility: asksPossibility(kindInput, kind),
    asksIfBug: asksIfBug(kindInput),
    asksIfExpected: asksIfExpected(kindInput, kind),
  };
}
