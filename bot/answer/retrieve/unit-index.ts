// Selection by focus: the question is matched against every answer unit's phrasings (BM25 over the words, hashed
// vectors over the phrasing as a whole), and a unit that names one of the question's focus entities exactly
// outranks units that only share words. The result carries a calibrated confidence in [0, 1]; the plan abstains
// below its threshold rather than answer from a unit about something else.
import { satisfies } from "@renovatebot/pep440";
import { LRUCache } from "lru-cache";
import { containsWord, opensWithInstruction, stripPunctuation } from "../../../core/index.js";
import {
  type Alternatives,
  type AnswerUnit,
  Bm25Index,
  HashingEmbedder,
  NO_ALTERNATIVES,
  NO_PARAPHRASES,
  namesOtherAlternative,
  type Paraphrases,
  SETTING_NAMES,
  type SettingsFacts,
  settingWords,
  timedeltaSeconds,
  tokenize,
} from "../../../knowledge/index.js";
import type { Question } from "../understand/index.js";
import {
  actionBeforePurpose,
  asksForQuantity,
  asksSomething,
  asksToBringAbout,
  bareName,
  callsAsCallees,
  codeSpans,
  contrastedWords,
  contrastSides,
  DETERMINERS,
  errorSubjectWords,
  happensAgainstWish,
  isCliName,
  mapInlineCalls,
  namesErrorSubject,
  namesKind,
  opensQuestion,
  pointsBack,
  referentOf,
  SETTING_WORDS,
  sentencesOf,
  splitPractice,
  statedLimit,
  statedNumbers,
  withDurationsAsWords,
  withoutAvoided,
  withoutVersionSaid,
  withoutVersions,
  words,
  writesCommand,
} from "../understand/index.js";
import { passingWords, wordKinds } from "./conversation-words.js";

/** Everything a unit says, for how much of a question it covers. */
export function unitText(unit: AnswerUnit): string {
  return [unit.asks.join("\n"), unit.about.join(" "), unit.answer, ...unit.details].join("\n");
}

export interface UnitMatch {
  unit: AnswerUnit;
  /** Calibrated: 1 is a phrasing asked almost word for word, or an exact focus match with shared words. */
  confidence: number;
  /** The focus entities the unit names exactly. */
  exact: string[];
  /** How closely a phrasing matches the question's words, before the bonus for an exact focus match. */
  similarity: number;
  /** The error message the unit explains appears in the thread (the unit's `errors`). */
  explainsError?: boolean;
  /**
   * The share of the asking sentence's word weight the unit's text says (1 for a phrasing said word for word); absent
   * when the asking sentence says too few words of its own to measure it.
   */
  askedCover?: number;
}

/**
 * Error text compared loosely: case, runs of spaces and quote marks do not matter (a message quotes a name with
 * straight quotes in one release, backticks in another, and Slack turns them curly).
 */
const normalError = (text: string) =>
  text
    .toLowerCase()
    .replace(/[`'"‘’“”]/g, "")
    .replace(/\s+/g, " ");

/** Rarity-weighted words a question needs before a phrasing match counts fully ("how do I run this flow" has few). */
const SPECIFIC_ENOUGH = 7;
/** Confidence added for a focus name the unit is about, written in the question or used in the asker's code. */
const EXACT_NAME = 0.25;
const NAME_IN_CODE = 0.15;
/**
 * A unit about a name the asking sentence's everyday phrases stand for ("where do i hook that in" → `on_failure`,
 * "save my task return values" → `persist_result`): a match on the name, by way of the paraphrase table, which is
 * less sure than the asker writing it.
 */
const NAME_MEANT = 0.05;
/**
 * Share of that bonus kept when every name the unit is about is written only in the setting of the scene ("we deploy
 * with `prefect deploy` and tasks use `.submit()`. how do we keep secrets out of the image?"), while the asking
 * sentence says enough of its own: the asker has that thing already and asks about another.
 */
const NAMED_IN_PASSING = 0.5;
/** An asking sentence with at most this many words of its own points at the code rather than naming a topic. */
const POINTING_WORDS = 1;
/** An asking sentence that points back ("is that supported in 3.3?") with at most this many words of its own. */
const POINTING_OWN_WORDS = 2;
/**
 * A pointing asking sentence with more words of its own than this says what it points at itself ("… is there a
 * setting to shorten it?"); with fewer ("how do i read it inside my flow code?") the pointer stands for a sentence
 * before.
 */
const POINTED_OWN_WORDS = 4;
/**
 * An asking sentence with at most this many words of its own after a sentence that says the subject ("i map a task over
 * 500 urls and it hammers the api. how do i cap how many run in parallel?") is read mainly with that sentence: alone,
 * "how many run in parallel" fits flow runs as well as tasks.
 */
const SHORT_ASKING = 3;
/** How a command the units are about is written ("prefect deploy"). */
const CLI_PREFIX = "prefect ";
/** Units that may share a name before its bonus shrinks. */
const SHARED_NAME = 3;
/**
 * A setting's generated unit for a question with no word of settings in it ("how long are events kept?"): matched,
 * a little less surely, since its phrasings come from the setting's docstring.
 */
const SETTING_UNASKED = 0.9;
/** Confidence added to a setting's unit when the question states that setting's default at the asker's release. */
const DEFAULT_SEEN = 0.15;
/** Settings whose numbers are seconds. */
const SECONDS_NAME = /SECONDS|TIMEOUT|INTERVAL|_TTL/;
/** Units a question's paraphrased variant adds as candidates, beyond those its own words find. */
const PARAPHRASE_CANDIDATES = 10;
/** How many words after (or before) a call with no receiver may say what it is called on ("`.submit()`'d tasks"). */
const TYPE_WORDS_NEAR = 3;
/** Words that only say how many of a thing follow ("a bunch of", "all my", "a few"). */
const AMOUNT_WORDS = new Set("a an the my our all some several many few bunch lot lots couple of".split(" "));
/** Words that stand for something named before ("i `.submit()` **them**"). */
const PRONOUNS = new Set(["them", "it", "those", "these"]);
/** Words that make the type named after them a place ("in my flow", "inside the task"). */
const PLACE_WORDS = new Set(["in", "inside", "within", "into", "from", "across"]);

/** Whether the word at `k` is named as a place: right after a place word, or after one and a determiner. */
function placed(words: readonly string[], k: number): boolean {
  const prev = words[k - 1]?.toLowerCase();
  if (prev === undefined) return false;
  if (PLACE_WORDS.has(prev)) return true;
  return DETERMINERS.has(prev) && PLACE_WORDS.has(words[k - 2]?.toLowerCase() ?? "");
}

/** Weight of a match on a sentence other than the asking one. */
const OTHER_SENTENCE = 0.85;
/** A statement of at most this many words, and no question, sets the scene. */
const SCENE_WORDS = 3;
/** Weight of a match on the asking sentence read with the Prefect words its everyday phrases stand for. */
const PARAPHRASED = 0.8;
/**
 * How much of a unit's rank rests on its whole text (phrasings, answer, details, example) containing the asking
 * sentence's words: a unit matched through the context ("we deploy with prefect.yaml") that says nothing of what is
 * asked ("every weekday at 9 berlin time") is about the context.
 */
const ASKED_COVER = 0.15;
/**
 * The same for the sentence a pointing asking sentence stands on ("…a variable called 'target_bucket'. how do i read
 * it?"): a unit that says none of its words answers "how do i read" about something else.
 */
const POINTED_COVER = 0.25;
/**
 * The same for the Prefect words the asker's everyday phrases stand for ("5 req/sec": `rate_limit`,
 * `slot_decay_per_second`): of two units that match the asker's words alike, the one that says more of what the
 * phrases mean answers them.
 */
const MEANING_COVER = 0.15;
/** How much the whole message, read as one, counts beside the best-matching sentence. */
const WHOLE_MESSAGE = 0.15;
/**
 * How much lower a unit ranks when its whole text says none of the Prefect words the asking sentence's everyday phrases
 * stand for ("more than 3 runs at once": concurrency): it matched on words the phrase is made of ("once"), not on it.
 */
const TOPIC_MISSED = 0.85;
/** A unit that holds only for the release the asker plans to leave, when they ask about the move. */
const LEFT_BEHIND = 0.85;
/** A unit about another member of a family of alternatives than the question names (Dask for a Ray question). */
const OTHER_ALTERNATIVE = 0.85;
/**
 * Share of its match kept by a unit that names none of the names a pasted error quotes ("cannot import name 'Cron'"),
 * unless it explains that error's message: it matched the error's common words, which every error of its kind shares.
 */
const ERROR_SUBJECT_MISSED = 0.8;
/** A unit needs this many phrasings before the words they all share say what it is about. */
const CORE_MIN_ASKS = 4;
/** Share of a unit's phrasings a word must be in to be one of its core words. */
const CORE_SHARE = 0.8;
/** A core word is at least this rare (its idf against the largest): "flow" and "task" say where, not what about. */
const CORE_RARITY = 0.35;
/** Rank kept by a unit one of whose core words the question never says. */
const CORE_MISSED = 0.9;
/** Rank kept by a unit whose plain-word topic is the way the asker sets aside ("instead of concurrently"). */
const ABOUT_SET_ASIDE = 0.85;
/** Fewest words of its own an asking sentence needs for the share a unit says of them to mean anything. */
const COVER_OWN_WORDS = 4;
/** Fewest words a phrasing's "but …" clause says for it to be read as the opposite of a goal ("but it fails" is too few). */
const OPPOSITE_MIN_WORDS = 2;
/** Rank kept by a unit whose answer opens by telling the asker to do what they say they already do. */
const ALREADY_DONE = 0.92;
/** Rank kept by a unit whose answer names no setting, for a question asking which setting to use. */
const NAMES_NO_SETTING = 0.9;

/**
 * Questions that want one thing done or decided ("how do I cancel this run?", "can a task pause?"): a unit that lists
 * a whole family (every `flow-run` command) or compares two things ranks below one that answers that thing, when both
 * match.
 */
const ONE_ANSWER_KINDS = new Set<Question["kind"]>(["how-to", "yes-no", "why-error"]);
const SHAPE_FOR_ONE: Record<string, number> = {
  list: 0.9,
  compare: 0.9,
};

/** What an everyday word used only in passing weighs, against its rarity. */
const PASSING_WEIGHT = 0.5;

/** Rank kept by a unit that does not compare, for a question that asks which of two. */
const NOT_COMPARING = 0.9;

/**
 * Words that say the asker wants a setting: the question kind's `SETTING_WORDS` (an environment variable, a toml key,
 * "everywhere"), and anywhere in the message also these.
 */
const MORE_SETTING_CUES = new Set(["variable", "var", "vars", "default"]);
const settingCue = (word: string) => SETTING_WORDS.has(word) || MORE_SETTING_CUES.has(word);

const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

export class UnitIndex {
  /** Words of conversation for this pack (tokenized): what phrasings and questions are not matched on. */
  private readonly conversation: ReadonlySet<string>;
  /** The pack's own words ("variable", "pool"), as against everyday ones ("made", "bunch"). */
  private readonly topicWords: ReadonlySet<string>;
  private readonly bm25: Bm25Index;
  private readonly embedder = new HashingEmbedder();
  private readonly vectors: Float32Array[][];
  private readonly vocab: Set<string>[];
  /** Every word of each unit: phrasings, names, answer, details and example. */
  private readonly fullVocab: Set<string>[];
  /** Per unit, the rarer words nearly all its phrasings say. */
  private readonly core: string[][];
  /** The names in inline code of a unit answer's first instruction ("Call the tasks with `.submit(...)`": submit). */
  private readonly instructs: string[][];
  /** Per unit, each phrasing's words as one key (`phrasingKey`), to tell a question asked in exactly those words. */
  private readonly askKeys: Set<string>[];
  /** The units each phrasing key belongs to. */
  private readonly byAskKey = new Map<string, number[]>();
  private readonly about: string[][];
  /** Per unit, each `about` name's words (`nameWords`), for telling which names are alike. */
  private readonly aboutWords: string[][][];
  /** How many units are about each name (lower case). */
  private readonly aboutCount = new Map<string, number>();
  /** The hyphenated words the units write ("self-hosted", "re-run"): English compounds, not anyone's names. */
  private readonly compounds = new Set<string>();
  /** The owners of the methods units are about (`flow` of `Flow.serve`, `task_worker` of `prefect.task_worker.serve`). */
  private readonly owners: string[];
  /** The stemmed words of the topics each unit names in plain words ("concurrently"), not as API names. */
  private readonly plainTopics: string[][];
  /** Per unit, per phrasing: the words of what happens against the asker's wish in it, if it says any. */
  private readonly againstWish: string[][][];
  /** Per unit, per phrasing: the two sides of a contrast it draws ("… from terraform instead of the cli"), if any. */
  private readonly contrasts: ({ wanted: string[]; setAside: string[] } | null)[][];
  /** CLI command groups the units name ("prefect server"): in a sentence, the thing they run. */
  private readonly groups: Set<string>;
  /**
   * Per unit and `about` name: whether it is a distinctive name (an identifier, a flag, a package) long enough to
   * count when written out in the question; and the lower-cased such names to look for in the asker's code. Read at
   * build, not per candidate per question.
   */
  private readonly writable: boolean[][];
  private readonly namesForCode: string[][];
  /** Each unit's error messages as compared (normalised), leaving out those too short to say which error it is. */
  private readonly errorTexts: string[][];
  /** Per unit, the members of each family of alternatives it is about (`docker`, `kubernetes`; `dask`, `ray`). */
  private readonly alternativesNamed: ReadonlyMap<string, ReadonlySet<string>>[];
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  /** Everyday words the units use only in passing ("unless", "says"): see `passingWords`. */
  private readonly passing: ReadonlySet<string>;

  /**
   * How much a word counts in the share of a question a text says: its rarity, less for an everyday word used only in
   * passing ("unless it says otherwise" against "retries"). How specific a question is counts every word in full.
   */
  private inShare(word: string, rarity: number): number {
    return this.passing.has(word) ? rarity * PASSING_WEIGHT : rarity;
  }

  /** How much a word says: its rarity; a word no unit or note knows may be everyday English ("external") or the very
   * topic ("GPU"), so it weighs half the rarest. */
  private rarity(word: string): number {
    return this.idf.get(word) ?? this.maxIdf / 2;
  }

  /** The words' rarity, summed: how much a set of the question's words weighs. */
  private weightOf(words: readonly string[]): number {
    return words.reduce((sum, t) => sum + this.rarity(t), 0);
  }

  /** The words' weight in a share (`inShare`), summed. */
  private shareWeightOf(words: readonly string[]): number {
    return words.reduce((sum, t) => sum + this.inShare(t, this.rarity(t)), 0);
  }

  /**
   * The share of the words' weight (`weight`, from `shareWeightOf`, computed once per question) that a unit's
   * vocabulary says; 1 of none.
   */
  private coveredShare(words: readonly string[], weight: number, vocabulary: ReadonlySet<string>): number {
    return weight === 0 ? 1 : this.shareWeightOf(words.filter((t) => vocabulary.has(t))) / weight;
  }

  /** Whether a release satisfies a unit's range, remembered: a few dozen ranges are asked about on every question. */
  private readonly ranges = new LRUCache<string, boolean>({ max: 20_000 });
  private holds(release: string, versions: string): boolean {
    const key = `${release} ${versions}`;
    let held = this.ranges.get(key);
    if (held === undefined) {
      held = satisfies(release, versions);
      this.ranges.set(key, held);
    }
    return held;
  }

  /**
   * `vocabulary`: further texts (the notes) that tell common words from specific ones. `paraphrases`: everyday phrasings → the Prefect words they stand for. They say what a question is about when a
   * text is checked for covering it (a note on schedules does not answer "runs past 5 minutes"); they are not added
   * to what units are matched on: tried as a fallback for unsure matches, inferred words ("gpu" → job variables)
   * made confident answers to questions nothing answers, for no gain on the development sets.
   */
  constructor(
    readonly units: readonly AnswerUnit[],
    vocabulary: readonly string[] = [],
    private readonly paraphrases: Paraphrases = NO_PARAPHRASES,
    private readonly settings?: SettingsFacts,
    private readonly alternatives: Alternatives = NO_ALTERNATIVES,
  ) {
    // Whether a word is conversation is read from how askers' phrasings and the direct answers use it: details are
    // reference prose whose wording ("changes it in place") grows with every fact added.
    const kinds = wordKinds([...units.map((u) => [...u.asks, u.answer].join("\n")), ...vocabulary]);
    this.conversation = kinds.conversation;
    this.topicWords = kinds.topical;
    this.bm25 = Bm25Index.build(
      units.map((u) => [
        { text: this.topical(withDurationsAsWords(u.asks.join("\n"))), weight: 2 },
        { text: topicalAbout(u.about).join(" "), weight: 2 },
        { text: u.answer, weight: 0.5 },
      ]),
    );
    this.vectors = units.map((u) => u.asks.map((a) => this.embedder.embedOne(this.topical(withDurationsAsWords(a)))));
    this.vocab = units.map(
      (u) => new Set(tokenize(withDurationsAsWords(`${u.asks.join(" ")} ${topicalAbout(u.about).join(" ")}`))),
    );
    for (const u of units)
      for (const text of [...u.asks, u.answer, ...u.details])
        for (const t of text.toLowerCase().split(" ")) if (t.includes("-")) this.compounds.add(stripPunctuation(t));
    this.fullVocab = units.map(
      (u, i) =>
        new Set([
          ...this.vocab[i]!,
          ...tokenize(withDurationsAsWords([u.answer, ...u.details, u.example?.code ?? ""].join("\n"))),
        ]),
    );
    this.about = units.map((u) => u.about.map((a) => a.toLowerCase()));
    this.againstWish = units.map((u) => u.asks.map((a) => plainTokens(happensAgainstWish(a))));
    this.contrasts = units.map((u) =>
      u.asks.map((a) => {
        const sides = contrastSides(a);
        return sides && { wanted: plainTokens(sides.wanted), setAside: plainTokens(sides.setAside) };
      }),
    );
    this.plainTopics = units.map((u) => u.about.filter((a) => !isDistinctiveName(a)).flatMap((a) => tokenize(a)));
    this.aboutWords = this.about.map((names) => names.map(nameWords));
    for (const names of this.about)
      for (const n of new Set(names)) this.aboutCount.set(n, (this.aboutCount.get(n) ?? 0) + 1);
    this.owners = [
      ...new Set(
        this.about.flat().flatMap((n) => {
          const parts = n.split(".");
          return parts.length >= 2 && parts[parts.length - 2]!.length >= 4 ? [parts[parts.length - 2]!] : [];
        }),
      ),
    ];
    // A CLI name other units' names extend with a command ("prefect server" → "prefect server start") is a group.
    const cliNames = this.about.flat().filter(isCliName);
    this.groups = new Set(
      cliNames.filter(
        (n) => !n.includes("-") && cliNames.some((m) => m.startsWith(`${n} `) && /[a-z]/.test(m[n.length + 1]!)),
      ),
    );
    this.writable = units.map((u, i) => u.about.map((n, j) => this.about[i]![j]!.length >= 5 && isDistinctiveName(n)));
    this.namesForCode = this.about.map((names, i) => names.filter((_n, j) => this.writable[i]![j]));
    this.errorTexts = units.map((u) => u.errors.map((e) => normalError(e).trim()).filter(specificError));
    // What a unit is about among alternatives is read from its names and direct answer: its phrasings give examples
    // in the asker's setting ("worker start cmd for pool k8s-pool") and its details may name other members to say
    // what differs.
    this.alternativesNamed = units.map((u) => alternatives.membersIn([...u.about, u.answer].join("\n")));
    // Rare words say more about what a unit is for than words every unit shares ("prefect", "flow").
    const df = new Map<string, number>();
    // Units split by release (the same question answered before and after a release) share their phrasings: they are
    // one document, or every split would make its own words look common.
    const seen = new Set<string>();
    const distinct = this.vocab.filter((v) => {
      const key = [...v].sort().join(" ");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const documents = [...distinct, ...vocabulary.map((v) => new Set(tokenize(v)))];
    for (const v of documents) for (const t of v) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, n] of df) this.idf.set(t, Math.log(1 + documents.length / n));
    this.maxIdf = Math.log(1 + documents.length);
    this.passing = passingWords(units.map((u) => [...u.asks, [u.answer, ...u.details].join("\n")]));
    // The words nearly every phrasing of a unit says ("server" in every way of asking for the server's log level) are
    // what it is about: a question that says none of them asks about something next to it. A setting's unit is
    // written from the setting's few words and is left out.
    const rareTopic = (t: string) =>
      this.topicWords.has(t) && !numeric(t) && (this.idf.get(t) ?? 0) >= CORE_RARITY * this.maxIdf;
    this.core = units.map((u) => (u.setting ? [] : coreWords(u.asks, rareTopic)));
    this.instructs = units.map((u) => instructedNames(u.answer));
    // A setting's unit has phrasings generated from its name and docstring, not written as questions: none is exact.
    // A plain first question's key keeps the word it opens with: "what is a flow?" and "how do I run this flow?" share
    // every other word ("flow"), and only the first is asking what a flow is.
    this.askKeys = units.map(
      (u) =>
        new Set(
          u.setting
            ? []
            : [...u.asks.map((a) => phrasingKey(plainTokens(a))), ...(u.basics ?? []).map((b) => basicKey(b))],
        ),
    );
    this.units.forEach((_u, i) => {
      for (const key of this.askKeys[i]!) this.byAskKey.set(key, [...(this.byAskKey.get(key) ?? []), i]);
    });
  }

  /**
   * How well a text (a note Orca would quote) covers a question: the rarity-weighted share of the question's words it
   * contains, and whether it contains the question's most specific word. `whole`: measured against the whole message
   * rather than its asking sentence, which may say little of the topic ("i have a ton of `print()` calls …. is there a
   * global switch rather than editing every decorator").
   */
  coverage(question: Question, text: string, whole = false): { share: number; rarest: boolean; topicMissed: boolean } {
    const asked = !whole && tokenize(question.asking).length >= 3 ? question.asking : question.text;
    const have = new Set(tokenize(text));
    // The asking sentence's everyday phrases name its topic ("runs past 5 minutes": a timeout); a text that says none
    // of the Prefect words for it is about something else, however many other words it shares.
    const topic = tokenize(this.paraphrases.meaningOf(asked));
    const topicMissed = missesTopic(topic, have);
    // Release numbers say which version, not what about, and the words of conversation say nothing about it.
    const tokens = [...new Set(tokenize(asked))].filter((t) => !numeric(t) && !this.conversation.has(t));
    if (tokens.length === 0) return { share: 1, rarest: true, topicMissed };
    const weight = (t: string) => this.inShare(t, this.rarity(t));
    const total = tokens.reduce((sum, t) => sum + weight(t), 0);
    const share = tokens.filter((t) => have.has(t)).reduce((sum, t) => sum + weight(t), 0) / total;
    const rarest = [...tokens].sort((a, b) => weight(b) - weight(a))[0]!;
    return { share, rarest: have.has(rarest), topicMissed };
  }

  /**
   * The asker's own names that no unit or note knows (`acme_utils`, the `nightly_sync2` flow, the `docker-prod` pool):
   * they say whose code it is, not what is asked, and as unknown words they would weigh like the rarest topic word in
   * every unit's share of the question.
   */
  private ownNames(question: Question): Map<string, string> {
    // A hyphenated name in inline code or quotes that no unit is about (`gpu-pool`, 'nightly-sync/prod') is the
    // asker's too, as are the pool, queue and deployment they name.
    const inline = [...question.text.matchAll(/[`'"]([a-z][\w.]*-[\w./-]+)[`'"]/gi)]
      .map((m) => m[1]!)
      .filter((n) => !this.aboutCount.has(n.toLowerCase()));
    // So is a hyphenated name given after "called" or "named" ("a Secret block called sf-prod-pass").
    const spoken = question.text.replaceAll("\n", " ").split(" ");
    const called = spoken
      .map((t, i) => (NAMING.has(spoken[i - 1]?.toLowerCase() ?? "") ? stripPunctuation(t) : ""))
      .filter((n) => n.includes("-") && !this.aboutCount.has(n.toLowerCase()));
    // So is one written plainly that no unit writes: "nightly-dbt", "etl-main" are names, "self-hosted" is a word.
    const plain = spoken
      .map(stripPunctuation)
      .filter(
        (t) => isHyphenatedName(t) && !this.compounds.has(t.toLowerCase()) && !this.aboutCount.has(t.toLowerCase()),
      );
    const identifiers = [
      ...(question.text.match(/\b\w*_\w*\b/g) ?? []),
      ...called,
      ...plain,
      ...question.values.names,
      ...inline,
      ...Object.values(question.values.own ?? {}),
    ];
    // The whole name is what no unit knows; its parts that are words units use stay ("child_flow": child flow), since
    // askers name code for what it does. A thing's name with a hyphen (a deployment, a pool, an image) keeps only the
    // parts that say what kind of thing it is ("gpu-pool": pool): the others say what the asker runs on it
    // (`nightly-dbt` is no question about dbt, `k8s-prod` none about production).
    const own = new Map<string, string>();
    // A function the asker's code defines or runs as a task is theirs, even one named like a Prefect keyword
    // (`refresh_cache.submit()` is their task, not the `refresh_cache=` option): its words, a Prefect name's, go too.
    const theirs = new Set(question.values.names.filter((n) => n.includes("_")));
    for (const name of new Set(identifiers)) {
      const prefectName = this.idf.has(name.toLowerCase());
      if (name.length < 3 || (prefectName && !theirs.has(name))) continue;
      const spaced = [...name].map((c) => ("_-./".includes(c) ? " " : c)).join("");
      const parts = name.includes("-") || prefectName ? spaced.split(" ").filter(namesKind) : [spaced];
      own.set(
        name,
        tokenize(parts.join(" "))
          .filter((t) => this.idf.has(t) && !numeric(t))
          .join(" "),
      );
    }
    // A setting the asker told they have set ("turned on basic auth with PREFECT_SERVER_API_AUTH_STRING. now the
    // workers get 401s") is where they stand, not what they ask for: its name, though units know it, is left out.
    const { practice, rest } = splitPractice(question.text);
    for (const name of practice.match(SETTING_NAMES) ?? []) if (!rest.includes(name)) own.set(name, "");
    return own;
  }

  /**
   * Written units that hold for the release about a name like this one, in tiers of equally alike units, most alike
   * first: what took the place of a name the release no longer has (`prefect deployment set-schedule` →
   * `prefect deployment schedule create`). Names are alike when they share at least two words besides "prefect"; of
   * two sharing as many, the one with fewer words of its own is more alike (`pause-schedule` is `schedule pause`
   * rather than `schedule pause --all`).
   */
  unitsNamedLike(name: string, release: string): AnswerUnit[][] {
    const wanted = new Set(nameWords(name));
    const tiers = new Map<string, { shared: number; extra: number; units: AnswerUnit[] }>();
    this.units.forEach((u, i) => {
      if (u.setting || (u.versions && !this.holds(release, u.versions))) return;
      let best = { shared: 0, extra: 0 };
      for (const own of this.aboutWords[i]!) {
        const shared = own.filter((w) => wanted.has(w)).length;
        const extra = own.length - shared;
        if (shared > best.shared || (shared === best.shared && extra < best.extra)) best = { shared, extra };
      }
      if (best.shared < NAME_WORDS_ALIKE) return;
      const key = `${best.shared}/${best.extra}`;
      const tier = tiers.get(key) ?? { ...best, units: [] };
      tier.units.push(u);
      tiers.set(key, tier);
    });
    return [...tiers.values()].sort((a, b) => b.shared - a.shared || a.extra - b.extra).map((t) => t.units);
  }

  /** Written units (not generated setting units) about any of these names that hold for the release. */
  unitsAbout(names: readonly string[], release: string): AnswerUnit[] {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    return this.units.filter(
      (u, i) =>
        !u.setting && this.about[i]!.some((n) => wanted.has(n)) && (!u.versions || this.holds(release, u.versions)),
    );
  }

  /**
   * The asker's own module and logger names the question writes (`acme.etl`, `dwh_utils`): dotted or snake-case
   * lower-case names that no unit is about and no unit or note uses as a word, Prefect's own excepted.
   */
  askerModules(question: Question): string[] {
    const out = new Set<string>();
    for (const m of question.text.matchAll(/(?<![\w./-])[a-z][a-z0-9]*(?:[._][a-z0-9]+)+(?![\w/-]|\.\w)/g)) {
      const name = m[0];
      if (name.startsWith("prefect") || this.aboutCount.has(name) || this.idf.has(name)) continue;
      if (/\.(?:py|ya?ml|toml|json|txt|cfg|ini|sh)$/.test(name)) continue;
      out.add(name);
    }
    return [...out];
  }

  /** The text with the asker's own names replaced by their known words. */
  private static without(text: string, names: ReadonlyMap<string, string>): string {
    let out = text;
    for (const [name, known] of names) out = out.split(name).join(` ${known} `);
    return out;
  }

  /**
   * Whether the question states a setting's default at the release: the value askers see is the default they have
   * not changed ("runs flip to Late after 5 seconds" on 2.14, "only 5 runs at once"). A duration counts for a setting
   * of seconds, a plain number for one of counts.
   */
  private statesDefault(setting: string, release: string, stated: ReturnType<typeof statedNumbers>): boolean {
    if (!this.settings || (stated.seconds.size === 0 && stated.counts.size === 0)) return false;
    const record = this.settings.counterpartAt(setting, release);
    const written = record && this.settings.at(record.name, release)?.default;
    if (!written) return false;
    const delta = timedeltaSeconds(written);
    if (delta !== null) return stated.seconds.has(delta);
    const value = Number(written);
    if (!Number.isFinite(value) || value <= 1 || written.trim() === "") return false;
    // A bound the asker wants ("no more than 5 tasks") is not a default they see.
    return SECONDS_NAME.test(record.name)
      ? stated.seconds.has(value)
      : stated.counts.has(value) && !stated.wanted.has(value);
  }

  /**
   * The type a receiver that names none is said to be ("the upload task", "`.submit()`'d tasks"): an owner's word
   * right after the receiver's name elsewhere in the text, or, for a call with no receiver, among the few words after
   * the call, else the few before it ("50 tasks with `.submit()`"), leaving out a type named as the place of the call
   * ("in a flow"). Null when the words say no type.
   */
  private typeNamed(receiver: string, text: string, after: string, before: string): string | null {
    const ownerOf = (word: string | undefined) => {
      const w = word?.toLowerCase().replace(/s$/, "");
      return w && this.owners.includes(w) ? w : null;
    };
    const wordsOf = (t: string) => t.match(/[A-Za-z_]\w*/g) ?? [];
    // A type named as a place ("tasks i `.submit()` in a flow") is where the call happens, not what it is called on.
    const ownersOf = (words: string[]) => words.map((w, k) => (placed(words, k) ? null : ownerOf(w)));
    if (receiver === "") {
      const afterWords = wordsOf(after);
      // Nearest first.
      const ownersBefore = ownersOf(wordsOf(before)).reverse();
      // How many there are says nothing of what they are: "i `.submit()` a bunch of tasks" calls a task's method.
      const counted = afterWords.filter((w) => !AMOUNT_WORDS.has(w.toLowerCase()));
      return (
        ownersOf(counted.slice(0, TYPE_WORDS_NEAR + 2))
          .slice(0, TYPE_WORDS_NEAR)
          .find((o) => o !== null) ??
        ownersBefore.slice(0, TYPE_WORDS_NEAR).find((o) => o !== null) ??
        // "i `.submit()` them": a pronoun after the call stands for the nearest type named before it, however far.
        (PRONOUNS.has(afterWords[0]?.toLowerCase() ?? "") ? (ownersBefore.find((o) => o !== null) ?? null) : null)
      );
    }
    const all = wordsOf(text);
    for (let n = 0; n + 1 < all.length; n++) {
      const owner = all[n] === receiver ? ownerOf(all[n + 1]) : null;
      if (owner) return owner;
    }
    return null;
  }

  /**
   * The sentence an asking sentence that points back stands on ("made a variable called 'target_bucket' in the UI. how
   * do i read it inside my flow code?"): the nearest one before it that says more than a release or a scene
   * ("everything works on 2.20."). Undefined when the asking sentence points nowhere, or says enough of its own for
   * the pointer to stand for that ("how long does the server keep events and is there a setting to shorten it?").
   */
  private pointedSentence(sentences: readonly string[], asking: string): string | undefined {
    const at = sentences.indexOf(asking);
    if (at <= 0 || !pointsBack(asking)) return undefined;
    const own = new Set(tokenize(asking).filter((t) => !this.conversation.has(t) && !numeric(t)));
    if (own.size > POINTED_OWN_WORDS) return undefined;
    // Only a sentence of the question's own words can be pointed at: a scene or a bare release cannot.
    const passed = (t: string) => !isVariant(t) || scene(withoutVersions(t));
    const found = referentOf(sentences, at, passed);
    return found < 0 || passed(sentences[found]!) ? undefined : withItsReferent(sentences, found);
  }

  /** The text without its words of conversation: what phrasings and questions are matched on. */
  private topical(text: string): string {
    return text.replace(/[A-Za-z']+/g, (word) => (this.conversation.has(tokenize(word)[0] ?? "") ? " " : word));
  }

  /** Units that hold for the release, best first; at most k. */
  /**
   * `outside`: match only the units whose release range excludes `release` instead (a question about something the
   * asker's release does not have yet, or no longer has).
   */
  /**
   * `code`: the asker's code, when any. A distinctive name a unit is about that the code uses (`Variable.get`) says
   * what the question is about, a little less surely than a name the question writes out.
   */
  /**
   * `planned`: the release of the major line the asker plans to move to, when they plan one: units that hold there
   * answer as well as those that hold for the release they are on ("what happens to our build_from_flow script in 3?").
   */
  match(question: Question, release: string, k = 3, outside = false, code = "", planned?: string): UnitMatch[] {
    const lowerCode = code === "" ? "" : ` ${code.toLowerCase()} `;
    // A short asking sentence ("What do I set?") leans on the rest of the message for what it is about.
    const own = this.ownNames(question);
    const ownLower = new Set([...own.keys()].map((n) => n.toLowerCase()));
    const asked = withDurationsAsWords(
      UnitIndex.without(tokenize(question.asking).length >= 3 ? question.asking : question.text, own),
    );
    if (asked.trim() === "") return [];
    const lowerText = ` ${question.text.toLowerCase()} `;
    // `prefect version` output quoted to say which release the asker has names no command they ask about.
    const withoutOutput = withoutVersionSaid(question.text);
    // What the asker wants to do without ("without adding `result_storage=` to each decorator") names no topic.
    const kept = withoutAvoided(withoutOutput);
    const keptText = ` ${kept.toLowerCase()} `;
    // A plain word the asker puts in quotes ("we should use prefect 'assets'") names what they ask about, as a name does.
    const quotedTerms = new Set(question.focus.terms ?? []);
    const errorSubjects = errorSubjectWords(question.focus.errorSubjects ?? []);
    const avoided = (name: string) => containsWord(lowerText, name) && !containsWord(keptText, name);
    const askingText = ` ${question.asking.toLowerCase()} `;
    // The way the asker sets aside for another ("… run one at a time instead of concurrently").
    const contrasted = new Set(tokenize(contrastedWords(question.text).join(" ")));
    // What the asker wants brought about ("how do i make submitted tasks run one at a time?"): a phrasing that tells
    // those very words as happening against the wish ("… but they still run one at a time") is the opposite ask.
    const wanted = asksToBringAbout(question.asking) ? new Set(plainTokens(question.asking)) : null;
    const opposite = (against: string[]) =>
      wanted !== null && against.length >= OPPOSITE_MIN_WORDS && against.every((t) => wanted.has(t));
    // A phrasing that sets aside what the question asks for ("… from terraform instead of **the cli**" to "cli to
    // create an ecs work pool?") asks for another way, unless the question names that way too or draws its own contrast.
    // (With the Prefect words its everyday phrases stand for: "postgres" says "postgresql" too.)
    const textMeaning = this.paraphrases.meaningOf(question.text);
    const questionWords = new Set(plainTokens(`${question.text}\n${textMeaning}`));
    const drawsContrast = contrastSides(question.text) !== null;
    const rarest = (tokens: string[]) =>
      tokens.reduce<string | null>(
        (a, t) => (a === null || (this.idf.get(t) ?? 0) > (this.idf.get(a) ?? 0) ? t : a),
        null,
      );
    const asksSetAside = (c: { wanted: string[]; setAside: string[] } | null) => {
      if (c === null || drawsContrast || c.setAside.length === 0) return false;
      if (!c.setAside.every((t) => questionWords.has(t))) return false;
      const way = rarest(c.wanted.filter((t) => !c.setAside.includes(t)));
      return way !== null && !questionWords.has(way);
    };
    const foreign = new Set((question.focus.foreign ?? []).map((n) => n.toLowerCase()));
    const focus = new Set(
      [...question.focus.apis, ...question.focus.settings, ...question.focus.cli].map((n) => n.toLowerCase()),
    );
    const wantsSetting =
      question.focus.settings.length > 0 ||
      question.kind === "which-setting" ||
      words(question.text).some(settingCue) ||
      // "How long does the server keep events?" asks for a value, which is a setting's.
      asksForQuantity(question.asking);
    // The asking sentence first; the message's other sentences may say it better ("how does caching work in 3").
    // What the asker says about their version ("prefect version -> 3.4.20", "we pin prefect<3") is not the topic.
    const said = question.version?.said;
    const others = sentencesOf(UnitIndex.without(withoutOutput, own)).filter((t) => !(said && t.includes(said)));
    // The asking sentence's own words, to check each candidate's whole text against: even a short one ("how do I kill
    // it from the terminal?") says what is asked, while the sentences before it say about what.
    // The asker's own names say whose thing it is, not what is asked: their words (`gpu-pool`: "gpu") are left out.
    const unnamed = new Map([...own.keys()].map((name) => [name, ""]));
    const ownAsking = plainTokens(UnitIndex.without(question.asking, unnamed)).filter(
      (t) => !this.conversation.has(t) && !numeric(t) && (question.language === null || this.idf.has(t)),
    );
    // The asking sentence read with the one before it ("runs flip to Late fast. how long until that happens?"): a
    // question often names its subject first and asks about it after, in words that name no topic.
    const at = others.indexOf(asked);
    // Past a scene in between ("… at the same time, across different deployments. prefect 2.20.2, self hosted. how?"):
    // a release and a word or two of setup say where, not what about.
    const from = referentOf(others, at, (t) => scene(withoutVersions(t)));
    const before = at > 0 && isVariant(others[from]!) ? withItsReferent(others, from) : null;
    // One that points back ("is that supported in prefect 3.3?") has the sentence before for its topic, past a scene
    // ("everything works on 2.20."), and the release it names says which version, not what about ("supported in 3.3"
    // is not Python support).
    const pointing = before !== null && pointsBack(asked) && ownAsking.length <= POINTING_OWN_WORDS;
    const pointedAt = this.pointedSentence(others, asked);
    const referent = pointedAt ?? before;
    const ownPart = pointing ? withoutVersions(asked) : asked;
    // What any pointing asking sentence stands on, however many words of its own: a unit that says none of its words
    // answers the same verb about another thing. Only the pack's own words count ("variable", not "made").
    const pointedTokens = pointedAt
      ? plainTokens(withoutVersions(pointedAt)).filter((t) => this.topicWords.has(t) && !numeric(t))
      : [];
    const pointedWeight = this.shareWeightOf(pointedTokens);
    const inContext = referent !== null ? [`${referent} ${ownPart}`] : [];
    // The action a how-to asks for, without the purpose it gives ("persist task results to s3 so that a retry does not
    // recompute them"): read alone as well, trusted as another sentence is, since a purpose may also say what is
    // asked ("configure the pull step so the worker can clone it without the token").
    const action = actionBeforePurpose(ownPart);
    const actionRead = action ? [action] : [];
    // The asking sentence with the Prefect words its everyday phrases stand for ("10 requests/sec": a rate limit) is
    // one more variant, trusted less: it finds units that use those words, without outweighing the asker's own.
    // A short asking sentence read with the one before it ("…instead of the sqlite file. which env var do i set?")
    // says what its phrases are about; on its own, "env var" means only "a setting".
    const paraphrased = inContext[0] ?? asked;
    const meaning = this.paraphrases.meaningOf(paraphrased);
    const meaningTokens = meaning ? [...new Set(tokenize(meaning))] : [];
    // A sentence after the asking one that points back ("… keep our api key out of code? want to read it inside a
    // flow.") goes on asking about what the one before it names: alone, "read it" would find every unit that reads
    // anything back. (One before the asking sentence that points back is context, read as it stands.)
    const read = others.map((t, j) => (at >= 0 && j > at && pointsBack(t) ? `${others[j - 1]} ${t}` : t));
    const texts = [
      ownPart,
      ...inContext,
      ...actionRead,
      ...read.filter((t) => t !== asked && isVariant(t) && !scene(withoutVersions(t))),
    ].slice(0, 4 + inContext.length + actionRead.length);
    // The asking sentence's own phrases, read apart from the context's ("shows Cached … never use the cache"): what
    // the sentence that asks means is what is asked, while the sentences before it add their own topics.
    // Words that only say "a setting" ("which env var do i set?", with at most one word of its own) name no topic:
    // glossed alone, they would match every setting's unit alike.
    const ownTopicWords = ownAsking.filter((t) => !settingCue(t)).length;
    const ownMeaning =
      paraphrased === ownPart || ownTopicWords <= POINTING_WORDS ? "" : this.paraphrases.meaningOf(ownPart);
    const glossed = [
      ...(meaning ? [`${paraphrased} ${meaning}`] : []),
      ...(ownMeaning && ownMeaning !== meaning ? [`${ownPart} ${ownMeaning}`] : []),
    ];
    const meaningAll = [...new Set(tokenize(`${meaning} ${ownMeaning}`))].filter((t) => !numeric(t));
    const meaningWeight = this.shareWeightOf(meaningAll);
    // The names (not plain words) those phrases stand for, to credit a unit that is about one of them.
    const namesMeant = new Set(
      `${meaning} ${ownMeaning}`
        .split(" ")
        .filter((w) => w.includes("_") || w.includes(".") || (w !== w.toLowerCase() && w !== w.toUpperCase()))
        .map((w) => w.toLowerCase()),
    );
    // A text as it is matched: its words (numbers too, unless left out), their weight, how specific it is and its vector.
    const readAs = (text: string, trust: number, withNumbers = true) => {
      // In a question glossed from another language, the words the glossary left as written and no unit or note
      // knows are that language's own ("bekomme", "lassen"), not the topic.
      const tokens = plainTokens(text).filter(
        (t) =>
          !this.conversation.has(t) && (withNumbers || !numeric(t)) && (question.language === null || this.idf.has(t)),
      );
      return {
        tokens,
        // The weight of all its words, whatever the unit: the share a unit covers is taken of it.
        total: tokens.reduce((sum, t) => sum + this.inShare(t, this.idf.get(t) ?? this.maxIdf), 0),
        specific: Math.min(1, this.weightOf(tokens) / SPECIFIC_ENOUGH) * trust,
        vector: this.embedder.embedOne(this.topical(withDurationsAsWords(text))),
      };
    };
    // Other sentences count slightly less than the one that asks: they are often context ("self hosted"); the asking
    // sentence read with its predecessor counts as the asking one.
    // A pointing asking sentence alone counts as another sentence: it says its topic only with the one before it.
    // Words that only say "a setting" ("which env var do i give the server?") name no topic of their own.
    const trustOf = (n: number) =>
      n >= texts.length
        ? PARAPHRASED
        : n === 0 && (pointing || (inContext.length > 0 && ownTopicWords <= SHORT_ASKING))
          ? OTHER_SENTENCE
          : n <= inContext.length
            ? 1
            : OTHER_SENTENCE;
    const variants = [...texts, ...glossed].map((text, n) => readAs(text, trustOf(n)));
    // The version statement is left out of the words too: "prefect 3.4" would pick units that happen to name 3.4.
    const unversioned = said ? withoutOutput.split(said).join(" ") : withoutOutput;
    const aboutText = UnitIndex.without(unversioned, own);
    // The whole message, read as one: what the asking sentence leaves open ("what's the prefect way?"), the sentences
    // around it say, and a unit that fits the asking sentence alone fits the whole less.
    const whole = readAs(withoutVersions(aboutText), 1, false);
    const askedTokens = ownAsking.length > 0 ? ownAsking : variants[0]!.tokens.filter((t) => !numeric(t));
    const askedWeight = this.shareWeightOf(askedTokens);
    const bm25 = this.bm25.search(this.topical(`${asked}\n${withDurationsAsWords(aboutText)}`), 40);
    // Scores are relative to the best unit this reading may pick (in the asker's release, or outside it for the
    // version-trap reading): a unit it skips would only scale the others by how its own text happens to be written.
    const eligible = (i: number) => {
      const versions = this.units[i]!.versions;
      const holds =
        !versions ||
        this.holds(release, versions) ||
        (!outside && planned !== undefined && this.holds(planned, versions));
      return holds !== outside;
    };
    const top = bm25.find((h) => eligible(h.index))?.score ?? 0;
    const candidates = new Map<number, number>(bm25.map((h) => [h.index, top > 0 ? Math.min(1, h.score / top) : 0]));
    // Units that the everyday phrases' Prefect words find are candidates too ("when someone pushes to main" finds the
    // webhook units), ranked on their own so that the asker's words keep deciding the others' relative scores.
    if (meaning)
      for (const h of this.bm25.search(this.topical(`${paraphrased} ${meaning}`), PARAPHRASE_CANDIDATES))
        if (!candidates.has(h.index)) candidates.set(h.index, 0);
    // Units one of whose phrasings the whole message says word for word (stop words and its release aside).
    const plainText = withoutVersions(aboutText);
    const exactly = new Set([
      ...(this.byAskKey.get(phrasingKey(plainTokens(plainText))) ?? []),
      ...(this.byAskKey.get(basicKey(plainText)) ?? []),
    ]);
    for (const i of exactly) candidates.set(i, candidates.get(i) ?? 1);
    // Units naming a focus entity are candidates even when the words differ.
    this.about.forEach((names, i) => {
      if (names.some((n) => focus.has(n))) candidates.set(i, candidates.get(i) ?? 0);
    });
    // So are units about a distinctive name the asker's code uses.
    const namedInCode = new Set<number>();
    // A keyword the code already passes (`retry_delay_seconds=30`) is what the asker has, not what they ask about: an
    // API the code calls or imports says what it is about.
    // Unless the asking sentence names nothing of its own ("which one actually wins here?"): then what the code
    // passes is what it points at.
    const withoutKeywords = (code: string) =>
      ownAsking.length <= POINTING_WORDS ? code : code.replace(/\b[a-z_]\w*\s*=(?!=)/g, " ");
    const codeNames = withoutKeywords(lowerCode);
    // The same holds for a call written inline in a sentence ("`flow.deploy(name='etl', work_pool_name='docker-pool')`
    // keeps trying to push"): its keywords are what the asker passes.
    const proseNames = ` ${mapInlineCalls(kept, withoutKeywords).toLowerCase()} `;
    // A keyword written only inside a call in the prose ("flow.deploy(name='etl', work_pool_name='docker-pool') fails
    // to push") is what the asker passes: a unit about that keyword answers another question.
    const calleesText = ` ${callsAsCallees(question.text).toLowerCase()} `;
    const passedOnly = (name: string) =>
      containsWord(lowerText, name) && !containsWord(calleesText, name) && !containsWord(lowerCode, name);
    if (lowerCode !== "")
      this.namesForCode.forEach((names, i) => {
        if (names.some((n) => containsWord(codeNames, n))) namedInCode.add(i);
      });
    for (const i of namedInCode) candidates.set(i, candidates.get(i) ?? 0);
    // A unit whose error message the thread quotes explains it, whatever the words around it.
    const quoted = normalError([question.text, ...question.focus.errors].join("\n"));
    // A unit that matches only by the exception's class name ("PrefectImportError") explains the class, not this
    // error, when another unit matches the message itself: it then ranks as any other unit.
    const byMessage = new Set<number>();
    const byClass = new Set<number>();
    this.errorTexts.forEach((errors, i) => {
      const hits = errors.filter((e) => containsWord(quoted, e, true));
      if (hits.some((e) => e.includes(" "))) byMessage.add(i);
      else if (hits.length > 0) byClass.add(i);
    });
    const explaining = byMessage.size > 0 ? byMessage : byClass;
    for (const i of [...byMessage, ...byClass]) candidates.set(i, candidates.get(i) ?? 0);
    const stated = statedNumbers(unversioned);
    // A cap asked for ("how do i cap our pool at 5 concurrent flow runs?") is wanted, not a default run into.
    const cap = wanted !== null ? statedLimit(question.asking) : null;
    if (cap !== null) stated.wanted.add(cap);
    // The place, runner or cloud the asker names: a unit about another one only answers someone else's question.
    const namedAlternatives = this.alternatives.membersIn(kept);
    // A method called on the asker's own object (`my_flow.serve()`, `etl.deploy(...)`) names the API `Flow.serve`.
    const called = new Map<string, { receiver: string; type: string | null }>();
    // A method written with no receiver (`.serve()`) is called on whatever the asker has: any owner's, unless the
    // words say which ("`.submit()`'d tasks"); so is one on a name that names no type, unless the text calls that name
    // a type elsewhere ("does `upload.submit(key)` … the upload task runs": `upload` is a task).
    for (const m of kept.matchAll(/(?:([A-Za-z_]\w*)|(?<![\w.)\]]))\.([A-Za-z_]\w*)\(/g)) {
      const receiver = m[1] ?? "";
      const after = kept.slice((m.index ?? 0) + m[0].length);
      const before = kept.slice(0, m.index ?? 0);
      const method = m[2]!.toLowerCase();
      const named = this.typeNamed(receiver, question.text, after, before);
      // "still keep `.submit()`" beside code that runs `write_parquet.submit(day)`: the asker's own calls say whose
      // method it is, and only a task is submitted or mapped by name.
      const inCode = receiver === "" && named === null && TASK_METHODS.has(method) && lowerCode.includes(`.${method}(`);
      called.set(method, { receiver, type: inCode ? "task" : named });
    }
    // Whose method it is: a receiver that names a type (`my_flow`, `task_fn`) calls that type's method only, and a
    // class (`String.load(...)`) calls its own: `Secret.load` is not the method `String.load` is asked about.
    const callsMethodOf = (name: string) => {
      const dot = name.lastIndexOf(".");
      const written = dot > 0 ? called.get(name.slice(dot + 1)) : undefined;
      if (written === undefined) return false;
      const owner = name.slice(name.lastIndexOf(".", dot - 1) + 1, dot);
      const receiver = written.receiver.toLowerCase();
      if (/^[A-Z][a-z]/.test(written.receiver)) return receiver === owner;
      if (receiver.includes(owner)) return true;
      if (this.owners.some((o) => receiver.includes(o))) return false;
      return written.type === null || written.type === owner;
    };
    // Whether the text writes a group as a command, read once per group: many candidates share one.
    const groupWritten = new Map<string, boolean>();
    const writesGroup = (group: string) => {
      if (!groupWritten.has(group)) groupWritten.set(group, writesCommand(question.text, group));
      return groupWritten.get(group)!;
    };
    // Where a name counts as asked about: the sentences that ask (and what a pointing one stands on) and the code.
    // A comparison names its sides wherever it likes ("confused between `a` and `b`. which do i want?"); a message
    // with no question mark has no asking sentence to tell the setting from ("… `prefect transfer` … no such command").
    const askedAbout =
      ownAsking.length > POINTED_OWN_WORDS && question.kind !== "compare" && question.asking.includes("?")
        ? ` ${[question.asking, ...others.filter((t) => t.includes("?")), pointedAt ?? "", lowerCode].join(" ").toLowerCase()} `
        : null;
    const askedWords = new Set(askedAbout === null ? [] : tokenize(askedAbout));
    // A command counts as asked about by any of its words ("what do agents become?" for `prefect agent start`), a
    // method by its own name (`.submit()`), a setting by its words as well ("logging level").
    const askedName = (name: string) => {
      const lower = name.toLowerCase();
      if (containsWord(askedAbout!, lower)) return true;
      if (lower.startsWith(CLI_PREFIX)) return tokenize(lower.slice(CLI_PREFIX.length)).some((t) => askedWords.has(t));
      if (name.startsWith("PREFECT_")) return containsWord(askedAbout!, settingWords(name));
      return containsWord(askedAbout!, lower.slice(lower.lastIndexOf(".") + 1));
    };
    // A name written only where the asker says what they already do ("we use `.submit()` everywhere … but i want the
    // tasks one at a time") is what they have, not what they ask for.
    const practice = splitPractice(kept);
    const practiceText = ` ${practice.practice.toLowerCase()} `;
    const restText = ` ${practice.rest.toLowerCase()} `;
    const practiced = (name: string) => {
      // A dotted name is read by its last part (`Task.submit` as "submit"); a command or flag with a value
      // ("--host 0.0.0.0") as written.
      const bare = bareName(name.toLowerCase());
      const last = bare.includes(" ") ? bare : bare.split(".").pop()!;
      return containsWord(practiceText, last) && !containsWord(restText, last) && !containsWord(lowerCode, last);
    };
    // Everything the message says, its code and the Prefect words its phrases stand for: what a unit's core words are
    // looked for in.
    const saidTokens = new Set(tokenize(withDurationsAsWords([question.text, lowerCode, textMeaning].join("\n"))));
    const inPassing = (names: string[]) =>
      (askedAbout !== null && !names.some(askedName)) || (names.length > 0 && names.every(practiced));
    const ranked: { match: UnitMatch; rank: number }[] = [];
    for (const [i, relative] of candidates) {
      const unit = this.units[i]!;
      const seesDefault = unit.setting !== undefined && this.statesDefault(unit.setting, release, stated);
      const unasked = unit.setting && !wantsSetting && !seesDefault ? SETTING_UNASKED : 1;
      // A written unit about that setting ("served flows run 5 at a time: pass `limit=`") explains what the asker sees
      // as well as the setting's own unit does.
      const seesDefaultOf =
        seesDefault ||
        (unit.setting === undefined &&
          unit.about.some((n) => n.startsWith("PREFECT_") && this.statesDefault(n, release, stated)));
      if (!eligible(i)) continue;
      const holdsPlanned = !outside && planned !== undefined && !!unit.versions && this.holds(planned, unit.versions);
      const lowerAbout = this.about[i]!;
      const writable = this.writable[i]!;
      const exact = unit.about.filter((_n, j) => {
        const lower = lowerAbout[j]!;
        // The asker's own function named like a Prefect name (`refresh_cache`) names their task, not the option.
        if (ownLower.has(lower)) return false;
        // A command group's name in a sentence ("the open source prefect server") names what it runs.
        if (this.groups.has(lower) && !writesGroup(lower)) return false;
        // Another library's name written in the background ("logs from `boto3` don't show up") says where the asker
        // is; it names the topic when the asking sentence writes it.
        if (focus.has(lower))
          return !avoided(lower) && !passedOnly(lower) && (!foreign.has(lower) || containsWord(askingText, lower));
        // A distinctive name written out in the question counts too: an identifier (dotted, snake or camel case), a
        // CLI flag or command, a package. A hyphenated English compound ("self-hosted") is a word, not a name.
        if (writable[j]! && containsWord(proseNames, lower)) return true;
        if (quotedTerms.has(lower)) return !avoided(lower);
        return callsMethodOf(lower);
      });
      // A setting's name in words ("api url", "logging level") written out in the question names it as well.
      // Of two words at least: one ("home" for `PREFECT_HOME`) is as often the plain word ("the home dir").
      const inWords = unit.setting ? settingWords(unit.setting) : "";
      if (unit.setting && inWords.includes(" ") && containsWord(keptText, inWords)) exact.push(unit.setting);
      const vocab = this.vocab[i]!;
      const weight = (t: string) => this.inShare(t, this.idf.get(t) ?? this.maxIdf);
      // A phrasing that asks the opposite of what is wanted says nothing of how near the unit is to this question.
      const against = this.againstWish[i]!.map((a, j) => opposite(a) || asksSetAside(this.contrasts[i]![j]!));
      const phrasings = this.vectors[i]!.filter((_u, j) => !against[j]);
      const scoreOf = (v: typeof whole) => {
        const cosine = Math.max(0, ...phrasings.map((u) => dot(u, v.vector)));
        const covered =
          v.tokens.filter((t) => vocab.has(t)).reduce((sum, t) => sum + weight(t), 0) / Math.max(1e-9, v.total);
        return Math.max(cosine, 0.55 * covered + 0.45 * cosine) * (0.75 + 0.25 * relative) * v.specific;
      };
      const best = Math.max(0, ...variants.map(scoreOf));
      // Units that explain the quoted error rank among themselves by how well they match the rest of the question.
      const explainsError = explaining.has(i);
      // (A message that is, word for word, one of the unit's phrasings, "what is a deployment?", is answered by it,
      // however short: as short as the phrasing, it is not vague about this unit.)
      // A unit that names nothing the pasted error quotes matched the words every error of its kind shares.
      const subjectMissed =
        !explainsError && errorSubjects.length > 0 && !namesErrorSubject(errorSubjects, this.fullVocab[i]!)
          ? ERROR_SUBJECT_MISSED
          : 1;
      // (A setting's unit, written from the setting's own few words, is read against its best sentence only.)
      const similarity = exactly.has(i)
        ? 1
        : subjectMissed *
          (unit.setting ? best : (1 - WHOLE_MESSAGE) * best + WHOLE_MESSAGE * Math.min(best, scoreOf(whole)));
      const inCode = exact.length === 0 && namedInCode.has(i);
      // A name many units are about (`prefect.yaml`, `run_deployment`) is where the question is asked, not which of
      // them answers it: its bonus shrinks with the number of units sharing it.
      const shared = Math.min(...exact.map((n) => this.aboutCount.get(n.toLowerCase()) ?? 1));
      const bonus =
        exact.length > 0
          ? EXACT_NAME * Math.min(1, Math.sqrt(SHARED_NAME / shared)) * (inPassing(exact) ? NAMED_IN_PASSING : 1)
          : inCode
            ? NAME_IN_CODE
            : // Not for units outside the release: a version trap is what the asker writes, not what a phrase suggests.
              !outside && lowerAbout.some((n) => namesMeant.has(n))
              ? NAME_MEANT
              : 0;
      const elsewhere = namesOtherAlternative(namedAlternatives, this.alternativesNamed[i]!) ? OTHER_ALTERNATIVE : 1;
      const confidence =
        elsewhere *
        unasked *
        Math.min(1, explainsError ? 0.75 + similarity : similarity + bonus + (seesDefaultOf ? DEFAULT_SEEN : 0));
      const full = this.fullVocab[i]!;
      // A phrasing said word for word is the author's word that the unit answers it: whether the unit's text repeats
      // the asker's words ("self host") no longer counts.
      const said = exactly.has(i);
      const askedCover = said ? 1 : this.coveredShare(askedTokens, askedWeight, full);
      // And the other way round: a comparison is answered by a unit that compares, when one matches nearly as well.
      const offShape =
        unit.shape && ONE_ANSWER_KINDS.has(question.kind)
          ? (SHAPE_FOR_ONE[unit.shape] ?? 1)
          : question.kind === "compare" && unit.shape !== "compare"
            ? NOT_COMPARING
            : 1;
      // "Which setting changes where results go?", "is there one switch for it?": a unit whose direct answer names no
      // setting answers another question. (A question that names its setting asks something else about it.)
      const wantsUnnamed = question.asksSetting === true && question.focus.settings.length === 0;
      const noSetting =
        (question.kind === "which-setting" || wantsUnnamed) && !unit.setting && !unit.answer.includes("PREFECT_")
          ? NAMES_NO_SETTING
          : 1;
      const topicMissed = missesTopic(meaningTokens, full) ? TOPIC_MISSED : 1;
      const coreMissed = this.core[i]!.some((t) => !saidTokens.has(t)) ? CORE_MISSED : 1;
      // "i `.submit()` a bunch of tasks but they need to run one after another": a unit that says to submit them
      // answers someone who does not yet.
      const instructs = this.instructs[i]!;
      const alreadyDone = instructs.length > 0 && containsWord(practiceText, instructs[0]!) ? ALREADY_DONE : 1;

      // A unit about the very way the asker sets aside ("concurrently") answers the opposite wish; one that compares
      // the two ways answers both.
      // So does one written for the asker who sees what this asker wants happen against their wish.
      const aboutSetAside =
        unit.shape !== "compare" && (this.plainTopics[i]!.some((t) => contrasted.has(t)) || against.includes(true))
          ? ABOUT_SET_ASIDE
          : 1;
      const pointedCover = said ? 1 : this.coveredShare(pointedTokens, pointedWeight, full);
      // A setting's unit is written from the setting's own few words: it says what the setting is, not every way of
      // asking for it.
      const meaningCover = unit.setting || said ? 1 : this.coveredShare(meaningAll, meaningWeight, full);
      // Asked what a planned move changes, a unit that holds only before it says how things are, not what changes.
      const leftBehind = planned !== undefined && !outside && unit.versions && !holdsPlanned ? LEFT_BEHIND : 1;
      const rank =
        leftBehind *
        confidence *
        (1 - ASKED_COVER * (1 - askedCover)) *
        (1 - POINTED_COVER * (1 - pointedCover)) *
        (1 - MEANING_COVER * (1 - meaningCover)) *
        offShape *
        noSetting *
        topicMissed *
        coreMissed *
        alreadyDone *
        aboutSetAside;
      ranked.push({
        match: {
          unit,
          confidence,
          exact,
          similarity,
          // Measured only where the asking sentence says enough of its own ("anything built in?" says next to nothing).
          ...(ownAsking.length >= COVER_OWN_WORDS ? { askedCover } : {}),
          ...(explainsError ? { explainsError } : {}),
        },
        rank,
      });
    }
    return ranked
      .sort((a, b) => b.rank - a.rank)
      .slice(0, k)
      .map((r) => r.match);
  }
}

/**
 * The words (tokens) that nearly all of a unit's phrasings say, among those `keep` accepts: what the unit is about
 * whichever way it is asked. Too few phrasings say nothing of the kind.
 */
export function coreWords(asks: readonly string[], keep: (token: string) => boolean): string[] {
  if (asks.length < CORE_MIN_ASKS) return [];
  const counts = new Map<string, number>();
  for (const a of asks) for (const t of plainTokens(a)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].filter(([t, n]) => n >= CORE_SHARE * asks.length && keep(t)).map(([t]) => t);
}

/** Lower-case letters and digits in two or more parts joined by single hyphens ("etl-main", "k8s-prod-2"). */
function isHyphenatedName(t: string): boolean {
  const parts = t.split("-");
  return (
    parts.length >= 2 &&
    parts.every((p) => p.length > 0 && [...p].every((c) => (c >= "a" && c <= "z") || (c >= "0" && c <= "9"))) &&
    parts.some((p) => [...p].some((c) => c >= "a" && c <= "z"))
  );
}

/** A text's words, stop words aside, each once (durations read as words). */
const plainTokens = (text: string) => [...new Set(tokenize(withDurationsAsWords(text)))];

/** Words after which askers give a thing's own name ("a pool called ecs-prod"). */
const NAMING = new Set(["called", "named"]);

/** Words as one order-free key. */
const phrasingKey = (tokens: readonly string[]) => [...tokens].sort().join(" ");

/** A plain first question's key: the word it opens with, when that asks, then its words as `phrasingKey` has them. */
function basicKey(text: string): string {
  const first = words(text)[0] ?? "";
  return `${opensQuestion(first) ? first : ""}|${phrasingKey(plainTokens(text))}`;
}

/**
 * A sentence with the one before it when it points back itself ("want to wait max 10 min for all of them" after "i
 * submit ~50 tasks."): the two say together what a later "that" stands for.
 */
function withItsReferent(sentences: readonly string[], at: number): string {
  const sentence = sentences[at]!;
  const prior = at > 0 && pointsBack(sentence) ? sentences[at - 1]! : null;
  return prior !== null && isVariant(prior) ? `${prior} ${sentence}` : sentence;
}

/** Methods the asker's code calls on a task by its name (`load.submit(x)`, `load.map(xs)`). */
const TASK_METHODS = new Set(["submit", "map"]);

/** A token with a digit in it ("3", "2.20", "v3") is a release or a count, never a word of the question's topic. */
const numeric = (token: string) => /\d/.test(token);

/** A sentence of release numbers ("prefect 3.4") says which version, not what about: it is no variant of a question. */
function isVariant(sentence: string): boolean {
  const tokens = tokenize(sentence);
  return tokens.length >= 3 && tokens.some((w) => !numeric(w) && w !== "prefect");
}

/**
 * A short statement ("self hosted server.", "k8s worker here.") says where the asker is, not what they ask: alone it
 * would match every unit about that place better than the asking sentence matches the one it asks about.
 */
function scene(sentence: string): boolean {
  // A number inside a word ("k8s", "ec2") is no word of its own.
  return tokenize(sentence, { numbersInWords: false }).length <= SCENE_WORDS && !asksSomething(sentence);
}

/**
 * An error message specific enough to say which error the thread quotes (a status code alone is not); it is then
 * matched as whole words (a bare "401" inside "task-run 4012" is not it).
 */
function specificError(normalised: string): boolean {
  return normalised.length >= 10;
}

/** A text that says none of the Prefect words a question's everyday phrases stand for (when they stand for any). */
function missesTopic(topic: readonly string[], have: ReadonlySet<string>): boolean {
  return topic.length > 0 && !topic.some((t) => have.has(t));
}

/** How many words two names share to be alike (what replaced a name is usually named like it). */
const NAME_WORDS_ALIKE = 2;

/**
 * A name's words, stemmed and "prefect" left out: `prefect deployment set-schedule` → deployment, set, schedul; so
 * `emit_event` and `prefect events emit` share theirs.
 */
function nameWords(name: string): string[] {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .flatMap((w) => (w.length > 1 ? tokenize(w, { keepStopwords: true }) : []));
  return [...new Set(words)].filter((w) => w !== "prefect");
}

/** A release number or range written as a name ("2.20", "3.x"): it says which release, not what a unit is about. */
const isReleaseNumber = (name: string) => /^[\d.x*]+$/.test(name);

/** A unit's names without release numbers. */
function topicalAbout(about: readonly string[]): string[] {
  return about.filter((n) => !isReleaseNumber(n));
}

function isDistinctiveName(name: string): boolean {
  // "prefect-aws", "prefect deploy", a work pool type ("ecs:push") are names; "prefect 3" and "2.20" are versions,
  // which say which release, not what is asked.
  return !isReleaseNumber(name) && /[_.]|[a-z][A-Z]|^--|^prefect[- ][a-z]|^[a-z-]+:[a-z]+$/.test(name);
}

/**
 * The calls written in inline code in the first clause of an answer that opens with an instruction ("Call the tasks
 * with `.submit(...)` (or `.map(...)`): …" → submit, map), each as its last dotted part; the first is what it says to
 * do, the rest are alternatives. A plain value (`kubernetes`) is no call: one step of several may name what the asker
 * already has.
 */
function instructedNames(answer: string): string[] {
  if (!opensWithInstruction(answer)) return [];
  const clause = answer.split(":")[0]!.split(";")[0]!;
  // Odd pieces of a split at backticks are the inline code.
  // A command is told whole, flags and all: "started `prefect server start`" has done "Run `prefect server start`",
  // not "Run `prefect server start --host 0.0.0.0`".
  // "Pass `job_variables` to the deployment — `flow.deploy(...)`" tells what to pass, not to call `flow.deploy`: the
  // first thing named is what is instructed, whatever it is.
  return codeSpans(clause)
    .map((code) =>
      code.includes("(") ? code.split("(")[0]!.split(".").pop()!.toLowerCase() : code.trim().toLowerCase(),
    )
    .filter((n) => n.length > 1);
}
