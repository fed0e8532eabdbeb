// The kind of answer a question wants, read from the sentence that asks: its opening words and a few cue words.
// The cue lists are the grammar of asking (auxiliary verbs, "how", "vs", "env var"), not topics: topic vocabulary
// lives in the answer units' phrasings.
import { eng as englishStopwords } from "stopword";
import { stripPunctuation } from "../../../core/index.js";
import { choosesBetween, isName, namedAlternatives } from "./compare-sides.js";
import type { QuestionKind } from "./question.js";
import { identifiersIn } from "./question-terms.js";
import { endsWithAbbreviation } from "./split-sentences.js";

/** Auxiliaries with "not" ("doesn't"), also as chat writes them without the apostrophe ("doesnt prefect wait…?"). */
const NEGATED_AUXILIARIES = [
  "isn't doesn't don't can't won't aren't wasn't didn't shouldn't couldn't wouldn't hasn't haven't",
  "isnt doesnt dont cant wont arent wasnt didnt shouldnt couldnt wouldnt hasnt havent",
]
  .join(" ")
  .split(" ");
/** Opening words of a yes/no question. */
const AUXILIARIES = new Set([
  ..."does do is are can could will would should has have did was were am may must shall".split(" "),
  ...NEGATED_AUXILIARIES,
]);
/** Leading words that carry no meaning for the kind ("hey, quick question: does …"). */
const PREAMBLE = new Set(
  "hi hey hello quick question so ok okay also and but please pls q btw orca folks all team".split(" "),
);
const REVIEW = new Set(
  "correct right ok okay fine valid legit wrong review check fix broken look work works".split(" "),
);
const COMPARE = new Set(["vs", "versus", "difference", "differences", "diff", "compare", "compared", "better"]);
const LIST = new Set(["list", "checklist"]);
/** Words that close a statement into a question of whether it is so ("…, right?", "…, correct?"). */
const TAGS = new Set(["right", "correct", "true", "yeah", "yes", "no", "ok", "okay"]);
/** "what", as chat writes it with its verb. */
const WHAT = new Set(["what", "whats", "what's"]);
/** Words that, after "what", ask for a cause ("what am I missing", "what's going wrong", "what causes this"). */
const CAUSE = new Set(["missing", "wrong", "cause", "causes", "causing"]);
/** Requests to be shown something ("show me all the pool types"). */
const SHOW = new Set(["show", "give", "tell", "name", "enumerate"]);
/** Words that ask for a setting ("env var", "configurable", "turn it on everywhere"). */
export const SETTING_WORDS: ReadonlySet<string> = new Set([
  "env",
  "environment",
  "setting",
  "settings",
  "toml",
  "config",
  "configure",
  "configurable",
  "envvar",
  // "one switch to turn it on everywhere": for every flow at once, which is what a setting does.
  "globally",
  "everywhere",
]);
/** Words that ask for what to use in place of something ("what do I replace it with?", "what's the equivalent?"). */
const REPLACEMENT = new Set(["replace", "replacement", "replaced", "instead", "equivalent", "alternative"]);
/** "what do i …", "what should we …": the auxiliary and the person of a question that asks what to do. */
const DO_AUXILIARIES = new Set(["do", "should", "must", "can", "could"]);
const PERSONS = new Set(["i", "we", "you"]);
const HOW_PHRASES = ["how to ", "way to ", "want to ", "trying to ", "need to ", "best practice"];

/** Words that make what follows a thing named ("the prefect api", "in **my** flow", "each task"). */
export const DETERMINERS: ReadonlySet<string> = new Set(
  "a an the my our your their its this that each every one".split(" "),
);

export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9_'.-]+/g) ?? [];
}

/** Words that set what follows against what the asker wants ("one at a time **instead of** concurrently"). */
const CONTRASTS = [
  ["instead", "of"],
  ["rather", "than"],
];
/**
 * The manner the asker sets aside for another ("run one at a time instead of **concurrently**"): a unit about working
 * that way answers the opposite wish. Only an adverb: a thing set aside ("postgres instead of sqlite") is what an
 * answer moves them from, and a unit about the move names it too.
 */
export function contrastedWords(text: string): string[] {
  const said = words(text);
  return contrastsIn(said)
    .map((i) => said[i + 2]!)
    .filter((w) => w.endsWith("ly"));
}

/** Where the words open a contrast ("instead of", "rather than") with at least a word after it. */
function contrastsIn(said: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + 2 < said.length; i++)
    if (CONTRASTS.some(([a, b]) => said[i] === a && said[i + 1] === b)) at.push(i);
  return at;
}

/** Words that set what happens against what was expected ("I submit each task **but** they still run one at a time"). */
const DESPITE = new Set(["but", "yet"]);
/** Words that only say it happens again or regardless ("still", "keeps"): the manner of the complaint, not its content. */
const REGARDLESS = new Set(["still", "anyway", "anyways", "always", "keep", "keeps", "kept"]);

/** Words that deny what follows ("isn't any faster", "never runs"). */
const NEGATIONS = new Set([..."not no never none nothing cannot nor".split(" "), ...NEGATED_AUXILIARIES]);
const denies = (w: string) => NEGATIONS.has(w) || w.endsWith("n't");

/**
 * What a sentence says happens against the wish, after its last "but" ("I submit each task but they still run one at
 * a time" → "they run one at a time"); empty when it sets nothing against anything, or when what follows is denied
 * ("… but the flow isn't any faster" wants what it denies, as a goal would).
 */
export function happensAgainstWish(sentence: string): string {
  const said = words(sentence);
  const at = said.findLastIndex((w) => DESPITE.has(w));
  if (at < 0) return "";
  const after = said.slice(at + 1);
  return after.some(denies) ? "" : after.filter((w) => !REGARDLESS.has(w)).join(" ");
}

/** Words that ask what causes something, or tell that it happens regardless: a symptom, not a goal. */
const SYMPTOM_WORDS = new Set(["why", ...DESPITE, ...REGARDLESS]);
const GOAL_WORDS = new Set(["want", "wanna", "need"]);

/**
 * Whether the asking sentence asks how to bring something about ("how do i make submitted tasks run one at a time?",
 * "i want them to run one at a time") rather than why it happens: a unit written for the asker who sees that very thing
 * happen against their wish answers the opposite question.
 */
export function asksToBringAbout(asking: string): boolean {
  const w = wordsAfterPreamble(asking);
  if (w.some((x) => SYMPTOM_WORDS.has(x))) return false;
  return (w[0] === "how" && ASKING_VERBS.has(w[1] ?? "")) || w.some((x) => GOAL_WORDS.has(x));
}

/** Most words of the thing a contrast sets aside ("instead of **the cli**", "rather than **a webhook block**"). */
const SET_ASIDE_WORDS = 4;

/**
 * The two sides of a contrast in a sentence: what it wants, before "instead of"/"rather than", and the thing it sets
 * aside, after it ("can I create work pools from terraform instead of the cli?" → wants "can I create work pools from
 * terraform", sets aside "the cli"); null when it sets nothing aside.
 */
export function contrastSides(sentence: string): { wanted: string; setAside: string } | null {
  const said = words(sentence);
  const [i] = contrastsIn(said);
  if (i === undefined) return null;
  return { wanted: said.slice(0, i).join(" "), setAside: said.slice(i + 2, i + 2 + SET_ASIDE_WORDS).join(" ") };
}

/** Words that ask for a default value. */
const DEFAULT_WORDS = new Set(["default", "defaults", "defaulted"]);

/** Whether the text asks for a default value ("what does it default to", "the default level"). */
export function asksForDefault(text: string): boolean {
  return words(text).some((w) => DEFAULT_WORDS.has(w));
}

/**
 * "Which setting makes prefect persist every result **by default**?", "how do i turn it on by default?": every
 * "default" the text says is "by default", the behaviour wanted; asked for a setting or a way, no value is asked for.
 */
export function wantsAsDefault(text: string): boolean {
  const w = words(text);
  return w.some((x) => DEFAULT_WORDS.has(x)) && w.every((x, i) => !DEFAULT_WORDS.has(x) || w[i - 1] === "by");
}

/**
 * Words that open a condition ("branch on **whether** the task failed", "**if** it crashes, page us"), also before the
 * question proper.
 */
const CONDITIONS = new Set(["if", "whether", "when", "whenever", "unless", "until", "once"]);

/**
 * The text without its conditions: each clause (between punctuation) cut where a condition opens. "I want to branch
 * on whether the task failed" tells what the code handles, not what went wrong; "it fails when I run it" still says
 * it fails.
 */
export function withoutConditions(text: string): string {
  return [...text]
    .map((c) => (".,;:!?\n".includes(c) ? "\n" : c))
    .join("")
    .split("\n")
    .map((clause) => {
      const w = clause.split(" ");
      const at = w.findIndex((x) => CONDITIONS.has(x.toLowerCase()));
      return at < 0 ? clause : w.slice(0, at).join(" ");
    })
    .join(". ");
}

/** "how long", "how many", "how often", "how much": a question for a quantity, which a setting's default answers. */
const QUANTITY = new Set(["long", "many", "often", "much", "frequently"]);

/** Whether the asking sentence asks for a quantity ("how long does the server keep events?"). */
export function asksForQuantity(text: string): boolean {
  const w = wordsAfterPreamble(askingSentence(text));
  return w.some((x, i) => x === "how" && QUANTITY.has(w[i + 1] ?? ""));
}

/** The sentence that asks: the last one ending in "?", else the first sentence. */
export function askingSentence(text: string): string {
  return askingOf(sentencesOf(text));
}

function askingOf(sentences: readonly string[]): string {
  const asked = sentences.filter((s) => s.endsWith("?"));
  // Of several questions, the last one that asks ("is there a cli command to create a variable? something like
  // `prefect variable set`?"): a trailing fragment only illustrates it. Without a question mark, the sentence that
  // asks for something ("want the task to give up after 5 min") rather than the background before it ("our vendor
  // api hangs sometimes"). A question mark on a mere nudge ("this retries everything, ideas?") asks nothing itself:
  // the sentence that says what is wanted ("i only want to retry on 429") is the question.
  const real = asked.filter((s) => !NUDGES.has(words(s).at(-1) ?? ""));
  return (
    real.filter(requests).pop() ??
    real[real.length - 1] ??
    // Without a question mark, "when one of the tasks fails the run goes Failed." is a condition told, not asked;
    // "if the load fails i want the file deleted" asks for something under its condition.
    sentences.find((s) => requests(s) && !conditionTold(s)) ??
    asked[asked.length - 1] ??
    // With nothing asked, the sentence that reports what goes wrong ("`prefect worker start` just errors that …") is
    // the question, not the setup before it ("made a kubernetes work pool in the ui.").
    sentences.find(reportsTrouble) ??
    sentences[0] ??
    ""
  );
}

/**
 * Words that report something going wrong (as verbs: "Error" alone heads pasted output), and what the asker sees
 * missing or refused ("the ui loads but it's empty", "can't connect to server api").
 */
const TROUBLE = new Set(
  (
    "errors errored erroring fails failed failing crashes crashed crashing stuck hangs hanging broken never forever " +
    "empty blank missing nothing can't cant cannot won't wont doesn't doesnt unable"
  ).split(" "),
);

/** An error named as something the asker gets ("i get a length mismatch error", "it throws an exception"). */
const TROUBLE_NOUNS = new Set(["error", "errors", "exception", "exceptions", "traceback"]);
const GETTING = new Set(
  "get gets getting got throws throw throwing threw raises raise raising raised hit hitting see seeing".split(" "),
);
/** How far before the error word the verb that gets it may stand ("get a length mismatch error"). */
const GETTING_REACH = 4;

/** Whether a sentence names an exception class ("AttributeError", "MappingLengthMismatch" is none). */
function namesException(sentence: string): boolean {
  return letterRuns(sentence).some(
    (w) => (w.endsWith("Error") || w.endsWith("Exception")) && w.length > 6 && w[0] === w[0]!.toUpperCase(),
  );
}

/** A text's runs of ASCII letters, in their case ("`AttributeError:`" → "AttributeError"). */
function letterRuns(text: string): string[] {
  const runs: string[] = [];
  let current = "";
  for (const c of text) {
    if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z")) current += c;
    else if (current !== "") {
      runs.push(current);
      current = "";
    }
  }
  if (current !== "") runs.push(current);
  return runs;
}

/** Whether any sentence of a text reports trouble ("this fan-out takes forever", "the worker keeps crashing"). */
export function reportsTroubleIn(text: string): boolean {
  return sentencesOf(text).some(reportsTrouble);
}

/** A sentence of the asker's that reports trouble; a pasted log line opens with its timestamp or a box drawing. */
function reportsTrouble(sentence: string): boolean {
  const first = sentence.trimStart().charAt(0).toLowerCase();
  const prose = (first >= "a" && first <= "z") || first === "`";
  if (!prose) return false;
  const w = words(sentence).map((x) => (x.endsWith(".") ? x.slice(0, -1) : x));
  return w.some(
    (x, i) =>
      TROUBLE.has(x) ||
      (TROUBLE_NOUNS.has(x) && w.slice(Math.max(0, i - GETTING_REACH), i).some((y) => GETTING.has(y))),
  );
}

/** Words that close a sentence only to ask for help with what came before ("…, ideas?", "thoughts?"). */
const NUDGES = new Set(["ideas", "idea", "thoughts", "help", "suggestions", "pointers", "advice"]);
/** Words that ask for a way out of a problem told before them ("fix?", "any workaround?"). */
const WAY_OUT = new Set(["fix", "fixes", "solution", "solutions", "workaround", "workarounds", "remedy"]);

const STOPWORDS = new Set(englishStopwords);

/**
 * The asking sentence with what it refers back to: "… acme_utils logs don't show up in the UI. how do i get them in
 * there?" asks about the sentence before it. An asking sentence of at most one word of its own (not a stop word)
 * gets the sentence before it; its kind is still read from the asking sentence alone.
 */
export function askingInContext(text: string): string {
  const sentences = sentencesOf(text);
  const asking = askingOf(sentences);
  const own = ownWords(asking);
  const at = sentences.indexOf(asking);
  // "does X work inside a task now? and what about Y?": a question that opens by adding to the one before it asks
  // both, and the one before says what about.
  if (at > 0 && sentences[at - 1]!.endsWith("?") && continuesQuestion(asking)) return `${sentences[at - 1]} ${asking}`;
  // "want postgres instead of sqlite. which env var do i set and what does the url look like?": a question for the
  // setting to use asks it for the aim stated right before it. ("is there one setting?" asks whether there is one.)
  const said = wordsAfterPreamble(asking);
  if (at > 0 && WH.has(said[0] ?? "") && said.some((w) => SETTING_WORDS.has(w))) {
    const aim = sentences[referentOf(sentences, at, setsScene)]!;
    if (!aim.endsWith("?") && statesAim(aim)) return `${aim} ${asking}`;
  }
  if (own.length > 1) return asking;
  // Past a scene ("prefect 2.20.2, self hosted."): a release and a word or two of setup say where, not what about.
  return at > 0 ? `${sentences[referentOf(sentences, at, setsScene)]} ${asking}` : asking;
}

/**
 * The sentence before `at` that a question leaning on it is about: past the scene in between (`scene`: "prefect
 * 2.20.2, self hosted."), and past setup to what the asker is after ("we want it every weekday at 7am berlin time. we
 * deploy with `flow.deploy(...)` to a process pool. cleanest way to do that?").
 */
export function referentOf(sentences: readonly string[], at: number, scene: (sentence: string) => boolean): number {
  let from = at - 1;
  while (from > 0 && scene(sentences[from]!)) from--;
  if (from <= 0 || statesAim(sentences[from]!)) return from;
  const aim = sentences.slice(0, from).findLastIndex((t) => statesAim(t) && !scene(t));
  return aim >= 0 ? aim : from;
}

/** A sentence's words of its own: neither stop words, nor numbers, nor shorter than three letters. */
function ownWords(sentence: string): string[] {
  // "prefect." at a sentence's end is the word "prefect".
  return words(sentence)
    .map(stripPunctuation)
    .filter((w) => w.length >= 3 && !/\d/.test(w) && !STOPWORDS.has(w));
}

/** Most words of its own a statement that sets the scene has ("self hosted", "on k8s"). */
const SCENE_OWN_WORDS = 2;

/** A statement of a release and a word or two of setup: "prefect 2.20.2, self hosted.", "we're on k8s." */
function setsScene(sentence: string): boolean {
  if (sentence.endsWith("?")) return false;
  return ownWords(sentence).filter((w) => w !== "prefect").length <= SCENE_OWN_WORDS;
}

/** Words that open a question adding to the one before it ("and what about …", "also, can I …"). */
const CONTINUES = new Set(["and", "also", "plus"]);

/** Whether a question adds to the one before it: "and …", "also …", "what about …", "how about …". */
function continuesQuestion(sentence: string): boolean {
  const w = words(sentence);
  return CONTINUES.has(w[0] ?? "") || ((w[0] === "what" || w[0] === "how") && w[1] === "about");
}

/** The sentence before the asking one, which a short or pointing question ("does that still exist?") refers to. */
export function sentenceBeforeAsking(text: string): string {
  const sentences = sentencesOf(text);
  const at = sentences.indexOf(askingOf(sentences));
  return at > 0 ? sentences[at - 1]! : "";
}

/** The sentences of a message, in order: split after a stop and at line breaks. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  // An emoji between words ends a sentence as a stop does ("… reruns the 40 min extract 😩 how do i only retry the
  // upload?"), whether pasted or as Slack writes it (`:sob:`).
  for (const piece of text.split(
    /(?<=[.?!])\s+|\n+|\s*\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})*\s*|\s+:[a-z0-9_+'-]+:(?=\s|$)/u,
  )) {
    const s = piece.trim();
    if (s === "") continue;
    // "(e.g. DBT_TARGET=prod)" goes on with the sentence it sits in.
    if (out.length > 0 && endsWithAbbreviation(out.at(-1)!)) out[out.length - 1] += ` ${s}`;
    else out.push(s);
  }
  return out;
}

/** Words that open a question, and words that ask for something anywhere in a sentence. */
const OPENS_QUESTION = new Set(
  "how what whats what's which where when why who can could should shall is are does do did will would any anyone".split(
    " ",
  ),
);
const ASKS_FOR = new Set("want wanna need needs trying looking howto".split(" "));

/** Whether a word is a question word ("how", "what's", "where", "who"), not an auxiliary that may open a question. */
export function isQuestionWord(word: string): boolean {
  return WH.has(word) || WHAT.has(word);
}

/** Whether a sentence opens with a question word ("where do results go?", "what happens to …?"), past its filler. */
export function opensWithQuestionWord(sentence: string): boolean {
  return isQuestionWord(wordsAfterPreamble(sentence)[0] ?? "");
}

/** Whether a word opens a question ("how", "what", "can", "does"): what kind of thing the question asks for. */
export function opensQuestion(word: string): boolean {
  return OPENS_QUESTION.has(word);
}

/** A sentence's words after the greeting and filler it opens with ("hi quick question so how …" → "how …"). */
function wordsAfterPreamble(sentence: string): string[] {
  const w = words(sentence);
  for (;;) {
    while (w.length > 1 && PREAMBLE.has(w[0]!)) w.shift();
    // "on 3.4.20 does that still exist?", "in prefect 2.x, can I …": the release it is asked for opens the sentence.
    const release = ["on", "in", "with", "for"].includes(w[0] ?? "") ? (w[1] === "prefect" ? 2 : 1) : 0;
    if (release === 0 || !/^v?\d+(?:\.[\dx*]+)*,?$/.test(w[release] ?? "") || w.length <= release + 2) return w;
    w.splice(0, release + 1);
  }
}

/** Pronouns that stand for what a sentence before said ("… across all of them?"). */
const POINTERS = new Set(["it", "them", "those", "these"]);
/** Those of them that are also determiners ("those results"). */
const PLURAL_DETERMINERS = new Set(["those", "these"]);
/**
 * "that" and "this" stand for it right after a verb that asks ("is that supported?", "does this work?") or where no
 * noun follows ("how do i wire that?", "what controls that and what's the default?").
 */
const DEMONSTRATIVES = new Set(["that", "this"]);
/** Words after which a "that" has no noun of its own. */
const CLAUSE_JOINS = new Set(["and", "or", "but", "so", "then"]);
const ASKING_VERBS = new Set(["is", "are", "was", "does", "do", "did", "can", "could", "will", "would", "should"]);
/** Verbs whose object a bare "that" or "this" is ("make that the default", "turn this off", "set that globally"). */
const OBJECT_VERBS = new Set(["make", "set", "turn", "change", "configure", "enable", "disable", "apply", "keep"]);
/** Words that start a place or manner after a bare "that" ("call that inside the task", "use this with docker"). */
const PLACE_WORDS = new Set(["inside", "into", "within", "from", "without", "instead", "per"]);
/** Verbs after which "that" opens a clause ("we know that in prefect 3 …"), not a pointer. */
const CLAUSE_VERBS = new Set(
  "know knew think thought read said says saw see seems seemed noticed mean means assume assumed heard hope guess found realized".split(
    " ",
  ),
);

/**
 * Whether a sentence refers back to what an earlier one said ("is that supported in 3.3?", "throttle across all of
 * them?"): its own words then say less of its topic than the sentence before.
 */
export function pointsBack(sentence: string): boolean {
  return pointerAt(words(sentence)) >= 0;
}

/** The index of the first word that points back, or -1. */
function pointerAt(w: readonly string[]): number {
  return w.findIndex(
    (x, i) =>
      // "those results", "these runs": a determiner before a plural noun refers back to the things, not stands for a
      // name ("how do i get those to show up?" does).
      (POINTERS.has(x) && !(PLURAL_DETERMINERS.has(x) && (w[i + 1] ?? "").length > 3 && w[i + 1]!.endsWith("s"))) ||
      (DEMONSTRATIVES.has(x) &&
        (ASKING_VERBS.has(w[i - 1] ?? "") ||
          OBJECT_VERBS.has(w[i - 1] ?? "") ||
          i === w.length - 1 ||
          CLAUSE_JOINS.has(w[i + 1] ?? "") ||
          (PLACE_WORDS.has(w[i + 1] ?? "") && !CLAUSE_VERBS.has(w[i - 1] ?? "")))),
  );
}

/** Subjects after which "so" opens what the asker wants to come of it ("… so that …", "… so the flow doesn't …"). */
const PURPOSE_SUBJECTS = new Set(["that", "i", "we", "it", "they", "the", "my", "our", "its", "their"]);
/** Fewest words the action before a purpose clause needs to be read on its own. */
const ACTION_WORDS = 3;

/**
 * The action a how-to asks how to do, without the purpose it gives for it: "how do i persist task results to s3 so
 * that when the flow retries it doesn't recompute the expensive tasks?" asks how to persist results to S3; the retries
 * are why. Null when the sentence gives no purpose or asks something else than how.
 */
export function actionBeforePurpose(sentence: string): string | null {
  // Only a how-to names an action apart from its purpose: in "where should i keep the password so the flow can read
  // it?" or "does that give me a future so they run in parallel?" the purpose is what is asked.
  if (wordsAfterPreamble(sentence)[0] !== "how") return null;
  const tokens = sentence.split(" ");
  const lower = tokens.map((t) => t.toLowerCase());
  const at = lower.findIndex(
    (t, i) =>
      i >= ACTION_WORDS &&
      ((t === "so" && PURPOSE_SUBJECTS.has(lower[i + 1] ?? "")) || (t === "in" && lower[i + 1] === "order")),
  );
  if (at < 0) return null;
  const kept = tokens.slice(0, at);
  const action = [...kept.slice(0, -1), stripPunctuation(kept.at(-1) ?? "")].join(" ");
  return words(action).length >= ACTION_WORDS ? `${action}?` : null;
}

/** Words a reply to an answer opens with before its question ("ok", "cool thanks"). */
const ACKNOWLEDGEMENTS = new Set("ok okay cool thanks thx great nice right gotcha perfect".split(" "));
/** Words that join a message to the one before it ("and on 3.6.5?", "but what if the pool is k8s?"). */
const CONTINUERS = new Set(["and", "or", "but", "also", "plus"]);
/** Subjects after which "then" is the next step of what was said ("would i then …", "can we then …"). */
const SEQUENCE_SUBJECTS = new Set(["i", "we", "you"]);
/** At most this many words, a sentence with "same" in it asks whether what was said before holds here too. */
const SHORT_SAME = 8;
/** Words that, before "about", ask the same again of something else ("what about flows?", "how about on 2.x?"). */
const ABOUT_OPENERS = new Set(["what", "how"]);

/**
 * Whether a message carries on from the one before it ("and on 3.6.5? same code in the task", "what about for
 * flows?", "same for subflows?"): it asks the earlier question again of what it names.
 */
export function continuesPrevious(sentence: string): boolean {
  const w = words(sentence);
  while (w.length > 1 && ACKNOWLEDGEMENTS.has(w[0]!)) w.shift();
  const [first = "", second = ""] = w;
  // "prod is on 3.6.5, same thing there?": a short sentence that asks whether it is the same.
  const same = w.includes("same") && w.length <= SHORT_SAME;
  // "how would i then wait on all of them?": the step after the one just answered; "which setting do i set then?":
  // what follows from it.
  const next = w.some((x, i) => x === "then" && (SEQUENCE_SUBJECTS.has(w[i - 1] ?? "") || i === w.length - 1));
  return CONTINUERS.has(first) || (ABOUT_OPENERS.has(first) && second === "about") || same || next;
}

/** Whether a sentence has a word that refers to something said before, anywhere ("after bumping that image …"). */
export function refersBack(sentence: string): boolean {
  return words(sentence).some((w) => POINTERS.has(w) || DEMONSTRATIVES.has(w));
}

/**
 * The sentence with its pointer replaced by what it stands for ("can i call that inside the task?" → "can i call
 * `pause_flow_run` inside the task?"); the sentence unchanged when nothing in it points back.
 */
export function resolvePointer(sentence: string, name: string): string {
  const w = words(sentence);
  const at = pointerAt(w);
  if (at < 0) return sentence;
  const pointer = w[at]!;
  // The pointer is the n-th time its word is written in the sentence.
  let seen = w.slice(0, at).filter((x) => x === pointer).length;
  const lower = sentence.toLowerCase();
  const isWordChar = (c: string | undefined) =>
    c !== undefined && ((c >= "a" && c <= "z") || (c >= "0" && c <= "9") || "_'.-".includes(c));
  for (let i = lower.indexOf(pointer); i >= 0; i = lower.indexOf(pointer, i + 1)) {
    if (isWordChar(lower[i - 1]) || isWordChar(lower[i + pointer.length])) continue;
    if (seen-- > 0) continue;
    return `${sentence.slice(0, i)}\`${name}\`${sentence.slice(i + pointer.length)}`;
  }
  return sentence;
}

/**
 * A sentence that says what the asker is after: it asks or wants something ("we want it every weekday at 7am"), as
 * opposed to one that sets the scene or says what they do now. (Trouble reported is no aim: what they did before it,
 * "we used it to pull code from our private repo", says what they want back.)
 */
export function statesAim(sentence: string): boolean {
  // "security wants it gone" says what is after as much as "we want …" does, though it asks nothing of Orca itself.
  return asksSomething(sentence) || words(sentence).includes("wants");
}

/** A sentence that asks, or asks for something ("how do i turn that off?", "want it to give up after 5 min"). */
export function asksSomething(sentence: string): boolean {
  return sentence.trim().endsWith("?") || requests(sentence);
}

function requests(sentence: string): boolean {
  const w = wordsAfterPreamble(sentence);
  return OPENS_QUESTION.has(w[0] ?? "") || w.some((x) => ASKS_FOR.has(x));
}

export interface KindInput {
  /** The question text without code. */
  text: string;
  hasCode: boolean;
  /** An error line is quoted in the thread. */
  quotesError: boolean;
  /** A PREFECT_* setting is named. */
  namesSetting: boolean;
}

/**
 * The clause that asks, when a sentence opens with an aside ("quick one - is there …?", "context: does …?"): the last
 * clause after a dash or colon, if it has a few words of its own.
 */
function askingClause(sentence: string): string {
  const clauses = sentence.split(/\s[-–—]\s|:\s/);
  const last = clauses[clauses.length - 1]!.trim();
  return clauses.length > 1 && words(last).length >= 3 ? last : sentence;
}

/** Question words that open a question of their own ("on 2.20, how do I …"). */
const WH = new Set("how what which where why who".split(" "));
/** The same words run together with "is" as askers type them ("whats wrong", "hows that"). */
const WH_IS = new Set(["whats", "what's", "hows", "how's", "wheres", "where's", "whys"]);

/**
 * Whether the asking sentence asks an open question ("whats wrong", "why does this hang?") rather than one answered
 * with a yes or a no ("is this right?"): a verdict such as "Yes, no problems found" answers only the latter.
 */
export function asksOpenQuestion(text: string): boolean {
  const first = wordsAfterPreamble(askingSentence(text))[0] ?? "";
  return WH.has(first) || WH_IS.has(first);
}
/** Words that open the subject of a question after its auxiliary ("can i", "does the", "is there"). */
const SUBJECTS = new Set("i we you it they he she this that these those the a an my our your there prefect".split(" "));

/**
 * The question after the context it opens with ("on 3.2 can i …", "just upgraded to 3.4, can i still …", "if i call a
 * subflow do i get …"): from the first auxiliary followed by a subject, when the clause does not open with one.
 */
function mainClause(clause: string): string {
  const w = wordsAfterPreamble(clause);
  if (w.length === 0 || AUXILIARIES.has(w[0]!) || OPENS_QUESTION.has(w[0]!) || !clause.trim().endsWith("?"))
    return clause;
  for (let i = 1; i + 1 < w.length; i++)
    if ((AUXILIARIES.has(w[i]!) && SUBJECTS.has(w[i + 1]!)) || WH.has(w[i]!)) return w.slice(i).join(" ");
  return clause;
}

/** The clause that asks, after its context: what decides the kind of answer wanted. */
function askingPart(text: string, hasCode: boolean): string {
  const sentence = askingSentence(text);
  // With code, what opens the sentence is often the code's situation ("we're staying on 2.20, is this fine?"): the
  // sentence as a whole decides whether the code is what is asked about. A condition that opens it ("if I call
  // `Variable.set(...)` and the name already exists, does it overwrite?") is not the question, code or not.
  const clause = askingClause(sentence);
  return hasCode && !CONDITIONS.has(wordsAfterPreamble(clause)[0] ?? "") ? clause : mainClause(clause);
}

/** The asking clause's words, after any greeting or release that opens it. */
function askingWords(input: KindInput): string[] {
  return wordsAfterPreamble(askingPart(input.text, input.hasCode));
}

/** A sentence that opens with a condition and asks for nothing under it ("when one task fails the run fails."). */
function conditionTold(sentence: string): boolean {
  const w = wordsAfterPreamble(sentence);
  return CONDITIONS.has(w[0] ?? "") && !w.some((x) => ASKS_FOR.has(x));
}

function settingCued(w: readonly string[], namesSetting: boolean, sentence: string): boolean {
  // "how do i set env vars (`DBT_TARGET=prod`) for one deployment?": the asker's own variables, not a Prefect setting.
  if (!namesSetting && writesOwnVariable(sentence)) return false;
  return namesSetting || w.some((x) => SETTING_WORDS.has(x)) || ` ${w.join(" ")} `.includes(" default value");
}

/** Whether a sentence writes an environment variable of the asker's own (`DBT_TARGET`), not a `PREFECT_*` one. */
function writesOwnVariable(sentence: string): boolean {
  return ownVariables(sentence).length > 0;
}

/** The environment variables of the asker's own a text writes (`DBT_TARGET`, `$IMAGE_TAG`), not `PREFECT_*` ones. */
export function ownVariables(text: string): string[] {
  const upper = (c: string) => (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "_";
  const found: string[] = [];
  let run = "";
  for (const c of `${text} `) {
    if (upper(c)) {
      run += c;
      continue;
    }
    if (run.length >= 3 && run.includes("_") && run[0]! >= "A" && run[0]! <= "Z" && !run.startsWith("PREFECT_"))
      found.push(run);
    run = "";
  }
  return found;
}

/** Words that ask whether a name is there at all in a release ("does that import still exist?", "is X gone in 3?"). */
const EXISTENCE = new Set(["exist", "exists", "existed", "available", "removed", "gone", "deprecated", "importable"]);

/** The same asked as whether old code goes on running ("will that keep working after the upgrade?"). */
const STILL_WORKS = [
  " keep working ",
  " still work ",
  " still works ",
  " continue to work ",
  " still supported ",
  " still use ",
  " still be used ",
];

/** Verbs of using a thing, after "can I still": "can I still await it?" asks what it does, not whether it is there. */
const STILL_USE = new Set([
  "use",
  "keep",
  "run",
  "call",
  "import",
  "pass",
  "load",
  "store",
  "start",
  "create",
  "deploy",
]);
/** "can i still use …", "can we still run …": "can" with "still" right after its subject and a verb of using. */
const canStill = (w: readonly string[]) =>
  w.some((x, i) => x === "can" && w[i + 2] === "still" && STILL_USE.has(w[i + 3] ?? ""));

/** Whether the asking sentence asks if something exists (in the asker's release), as a yes/no question. */
export function asksExistence(input: KindInput, kind: QuestionKind = questionKind(input)): boolean {
  if (kind !== "yes-no") return false;
  const clause = askingPart(input.text, input.hasCode);
  const w = wordsAfterPreamble(clause);
  const lower = ` ${w.join(" ")} `;
  return (
    w.some((x) => EXISTENCE.has(x)) ||
    STILL_WORKS.some((p) => lower.includes(p)) ||
    // "Can I still keep our flags in a `JSON` block?", "can we still run agents on 3?": whether a name can still be
    // used at all is whether the release has it.
    canStill(w) ||
    // "Does that work in prefect 2.19?": whether it works in a named release is whether the release has it.
    WORKS_IN_RELEASE.test(clause) ||
    // "Is there `flow.deploy()` on 2.13?" names the thing whose presence it asks about ("is there a way to …" does not,
    // nor does "is there a setting to cap `ThreadPoolTaskRunner` workers?": the setting is what it asks for).
    (w[0] === "is" &&
      w[1] === "there" &&
      !asksForMeans(w) &&
      identifiersIn(clause).some((n) => n.toLowerCase() !== "prefect"))
  );
}

/**
 * What "is there a …" asks for when it is no name's presence: a reason to do something ("is there a reason to switch
 * to `flow.deploy`?" asks whether it is worth it, not whether it exists).
 */
const REASONS = new Set(["reason", "point", "benefit", "advantage", "need", "downside", "catch", "difference"]);

/**
 * Words for another form of a thing ("is there a sync version of `wait_for_flow_run`?"): what is asked to exist is
 * that form, and the name after "of" only says of what.
 */
const VARIANTS = new Set(["version", "variant", "equivalent", "alternative", "replacement", "counterpart", "wrapper"]);
/** Words that end the phrase naming what "is there" asks for ("a sync version **of** …", "a setting **to** …"). */
const PHRASE_END = new Set(["of", "for", "to", "that", "which", "in", "on", "with", "like", "instead"]);
/** At most this many words name the thing asked for ("an async-safe sync version"). */
const THING_WORDS = 4;

/** "Is there a setting / an env var / a way to …": what is asked for is a means, named by the word after "there". */
function asksForMeans(w: readonly string[]): boolean {
  const from = DETERMINERS.has(w[2] ?? "") ? 3 : 2;
  const thing = w[from];
  if (thing === undefined) return false;
  if (SETTING_WORDS.has(thing) || thing === "way" || REASONS.has(thing)) return true;
  // The phrase's last word before "of", "for" … is what it names: "a sync version of X" asks for a version.
  const end = w.findIndex((x, i) => i > from && PHRASE_END.has(x));
  const head = end > from && end - from <= THING_WORDS ? w[end - 1]! : thing;
  return VARIANTS.has(head);
}

/** Words that ask whether a name was taken out ("did `submit_to_runner` go away?"): a yes is that it is gone. */
const GONE = new Set(["removed", "gone", "dropped", "deleted"]);
const GONE_PHRASES = [" go away ", " went away ", " taken out ", " get removed ", " got removed ", " been removed "];

/**
 * Whether a yes/no question asks if something was removed ("did X go away in 3.5?", "was X dropped?", "is X gone?"):
 * its yes and no are the reverse of "does X exist?".
 */
export function asksGone(input: KindInput, kind: QuestionKind = questionKind(input)): boolean {
  if (kind !== "yes-no") return false;
  const w = askingWords(input);
  // "Can I still pass it, or is that gone?" asks both ways; its first half ("can I still …") decides the yes.
  if (w.includes("or")) return false;
  const lower = ` ${w.join(" ")} `;
  return w.some((x) => GONE.has(x)) || GONE_PHRASES.some((p) => lower.includes(p));
}

/** "work in prefect 2.19", "works on 3.1": working in a release named by its number. */
const WORKS_IN_RELEASE = /\bworks? (?:in|on|with) (?:prefect )?v?\d+\.\d+/i;

/** Words that ask whether something can be done ("is it possible", "doable?"). */
const POSSIBLE = new Set(["possible", "doable", "feasible"]);

/**
 * Whether a yes/no question asks if something can be done at all ("can I …", "is there a way to …", "is it possible
 * to …"): a how-to answers it, and the answer is yes. Asked between alternatives ("does it wait or return at once?")
 * the how-to of one of them says nothing about the other.
 */
export function asksPossibility(input: KindInput, kind: QuestionKind = questionKind(input)): boolean {
  if (kind !== "yes-no") return false;
  const w = askingWords(input);
  if (w.includes("or")) return false;
  const [first, second] = w;
  return (
    ((first === "can" || first === "could") && SUBJECTS.has(second ?? "") && second !== "this" && second !== "that") ||
    ((first === "is" || first === "are") && second === "there") ||
    // "is it possible to …", "possible?", "is that doable?"
    w.some((x) => POSSIBLE.has(x))
  );
}

/**
 * Whether the asking clause asks if what the asker sees is a bug ("is that a bug?", "bug or intended?"): an answer that
 * explains the behaviour as designed says that it is not one, rather than a bare yes or no to some other question.
 */
export function asksIfBug(input: KindInput): boolean {
  const w = askingWords(input);
  return w.includes("bug") || w.includes("bugs");
}

/** Words that ask whether what the asker sees is how it is meant to work ("is that expected?", "is this normal?"). */
const AS_DESIGNED = new Set(["expected", "intended", "normal", "designed"]);
const AS_DESIGNED_PHRASES = [" by design ", " working as intended ", " supposed to happen "];

/**
 * Whether a yes/no question asks if the behaviour the asker sees is as designed ("is that expected on 2.20?", "is
 * this normal?"): an answer that explains the behaviour says yes to it before saying why. "What's the expected way
 * to …?" is no yes/no question and is not this.
 */
export function asksIfExpected(input: KindInput, kind: QuestionKind = questionKind(input)): boolean {
  if (kind !== "yes-no") return false;
  const w = askingWords(input);
  const lower = ` ${w.join(" ")} `;
  // Said of what the asker sees ("is that expected", "is this behaviour normal"), not of a thing ("is `wait_for_flow_run`
  // usable from normal sync code?").
  return (
    ["is", "isn't", "was", "are"].includes(w[0] ?? "") &&
    ["that", "this", "it"].includes(w[1] ?? "") &&
    (w.slice(2, 4).some((x) => AS_DESIGNED.has(x)) || AS_DESIGNED_PHRASES.some((p) => lower.includes(p)))
  );
}

/**
 * The asking clause is about a setting ("is that configurable?", "which env var …", "can I set it in prefect.toml?"),
 * whatever its kind: a yes/no about configuring something is answered with the setting.
 */
export function asksAboutSetting(input: KindInput): boolean {
  return settingCued(askingWords(input), input.namesSetting, askingPart(input.text, input.hasCode));
}

/**
 * Whether the message asks only whether its code is right ("is this ok?", or code with next to no words): then the
 * code check's verdict is the answer. Code sent with a problem described ("my hook never runs, what am I missing?")
 * asks more than that.
 */
export function asksOnlyForReview(text: string): boolean {
  const sentence = askingSentence(text);
  // The check may close a longer sentence ("using a global limit around our writes, ok?", "…; any issue here?").
  const tail = words(sentence.split(/[,;:]/).pop() ?? "");
  const w = wordsAfterPreamble(sentence);
  const reviews = (x: readonly string[]) => x.some((y) => REVIEW.has(y) || PROBLEM.has(y));
  return words(text).length < 4 || (w.length <= 8 && reviews(w)) || (tail.length <= 4 && reviews(tail));
}

/** Words that ask whether code has a problem at all ("any issue here?"). */
const PROBLEM = new Set(["issue", "issues", "problem", "problems", "good", "lgtm"]);

export function questionKind(input: KindInput): QuestionKind {
  const sentence = askingSentence(input.text);
  const asking = askingPart(input.text, input.hasCode);
  const all = words(input.text);
  const w = wordsAfterPreamble(asking);
  const first = w[0] ?? "";
  const lower = ` ${w.join(" ")} `;
  const settingCue = settingCued(w, input.namesSetting, asking);
  // Code with little or no question around it, or "is this right?": the code is what is asked about.
  // "can someone look at this, worked before we upgraded": a short request to review opens the sentence.
  const head = words(sentence.split(/[,;:]/)[0] ?? "");
  if (
    input.hasCode &&
    (all.length < 4 ||
      (w.length <= 8 && w.some((x) => REVIEW.has(x))) ||
      (head.length <= 6 && head.some((x) => REVIEW.has(x))))
  )
    return "review-code";
  if (first === "why" || lower.includes(" how come ")) return "why-error";
  // A comparison may sit in the aside ("serve vs deploy: which one for a single VM?").
  if (words(sentence).some((x) => COMPARE.has(x)) && !AUXILIARIES.has(first)) return "compare";
  // "Should I use a hook or an automation?" asks which of two, not for a yes.
  if (choosesBetween(sentence)) return "compare";
  // "serve vs deploy: we have ten flows on one vm. which should we use?": which of the two the message sets side by side.
  if (first === "which" && all.some((x) => COMPARE.has(x)) && !settingCue) return "compare";
  // "What are we missing?", "what's wrong here?", "what could cause this?": asked for the cause of what the message
  // describes, as a "why" is.
  if (WHAT.has(first) && w.some((x) => CAUSE.has(x))) return "why-error";
  if (AUXILIARIES.has(first)) return "yes-no";
  // A statement closed by a tag ("…returns straight away, right?") asks whether it is so.
  const closing = words(sentence);
  if (sentence.trim().endsWith("?") && TAGS.has(closing[closing.length - 1] ?? "") && !WH.has(first)) return "yes-no";
  if ((first === "which" || first === "what") && settingCue) return "which-setting";
  if (first === "what" && (w[1] === "are" || w[1] === "were") && (w.includes("the") || w.includes("all")))
    return "list";
  // "All" asks for every member only where the sentence asks what or asks to be shown ("which are all the hooks?",
  // "show me all the pool types"); "so all deployments get it" says where something applies.
  const listing =
    w.some((x) => LIST.has(x)) || (w.includes("all") && (first === "what" || first === "which" || SHOW.has(first)));
  if (listing && first !== "how") return "list";
  if (first === "how" && !["many", "much", "long", "often"].includes(w[1] ?? "")) return "how-to";
  // "What do I replace `Deployment.build_from_flow` with?" asks what to do now, not whether the old name exists.
  if ((WHAT.has(first) || first === "which") && w.some((x) => REPLACEMENT.has(x))) return "how-to";
  // "What do I add?", "what should we change?": asked what to do, as a "how" is (code or not).
  // ("What do I set?" asks for a setting and is left to the cues for one.)
  if (WHAT.has(first) && DO_AUXILIARIES.has(w[1] ?? "") && PERSONS.has(w[2] ?? "") && w[3] !== "set") return "how-to";
  if (settingCue && (w.includes("default") || w.includes("variable") || w.includes("var"))) return "which-setting";
  if (input.quotesError) return "why-error";
  if (HOW_PHRASES.some((p) => lower.includes(` ${p}`))) return "how-to";
  // Code with the trouble it gives told, nothing asked ("this maps over both args and i get a length mismatch
  // error."): why is the question, and the code's own defects come with the answer.
  // An exception the code raises named there ("this fails with AttributeError") is the code's to explain: its review
  // finds the defect that raises it.
  if (input.hasCode && !sentence.trim().endsWith("?") && reportsTrouble(sentence) && !namesException(sentence))
    return "why-error";
  if (input.hasCode) return "review-code";
  // A short question with no question word ("still true?", "doable on 2.x?", "any way around it?") is elliptical
  // for "is it …?": it wants a yes or a no.
  const tail = words(sentence.split(/[,;:]/).pop() ?? "");
  const wh = (x: string) => WH.has(x.replace(/'?s$/, ""));
  const elliptical = sentence.trim().endsWith("?") && tail.length > 0 && tail.length <= 4 && !w.some(wh);
  // "pause or suspend?" names two alternatives and asks which: a comparison ("still true or not?" is a yes or no).
  // So does one naming two APIs side by side, however long ("ThreadPoolTaskRunner or ProcessPoolTaskRunner for numpy?").
  // "… only listens on localhost. fix?", "ideas?", "any workaround?": asked for a way out of what was told, not for a
  // yes.
  if (elliptical && tail.every((x) => NUDGES.has(x) || WAY_OUT.has(x) || x === "any")) return "how-to";
  const alternatives = namedAlternatives(sentence);
  if (alternatives !== null && (elliptical || alternatives.every(isName))) return "compare";
  // "When does each fire?" asks when, not whether: "when" followed by its auxiliary opens a question for a time.
  const asksWhen = first === "when" && AUXILIARIES.has(w[1] ?? "");
  if (elliptical && !tail.some(wh) && !asksWhen) return "yes-no";
  // Nothing asked, trouble told ("the task run just sits in Scheduled forever."): the asker wants to know why.
  if (!sentence.trim().endsWith("?") && reportsTrouble(sentence)) return "why-error";
  return "other";
}
