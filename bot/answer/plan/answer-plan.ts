// The one place that decides what a reply holds: the direct answer (from an answer unit, a setting, or a lead
// statement a hook offers), the fixes to the asker's code, an example, a clarifying question, the sources; or an
// honest abstention with the closest passages quoted. Compose renders the plan; verify checks the rendering.
import { satisfies } from "@renovatebot/pep440";
import {
  compareVersions,
  containsWord,
  majorOf,
  opensWithInstruction,
  type SearchHit,
  type SourceRef,
  type VersionGuess,
} from "../../../core/index.js";
import {
  type AnswerUnit,
  fillSlots,
  SETTING_NAMES,
  type SettingsFacts,
  settingWords,
  tokenize,
  wholeUnit,
} from "../../../knowledge/index.js";
import { adaptExample, statedValues, statedValuesSentence } from "../code/index.js";
import { type UnitMatch, unitText } from "../retrieve/index.js";
import {
  asksForDefault,
  asksForQuantity,
  asksOnlyForReview,
  asSentenceStart,
  bareName,
  codeSpans,
  identifiersIn,
  type OwnNames,
  opensWithQuestionWord,
  pointsBack,
  type Question,
  questionKind,
  splitSentences,
  wantsAsDefault,
  words,
} from "../understand/index.js";
import { defaultSentence, misnamedSetting, renderSettingRefs, settingAnswer } from "./setting-answer.js";
import { upgradeCounterpart } from "./upgrade-counterpart.js";

/** Words that ask whether code is right as written ("does it work?", "is this legit?", "is that valid on 3.0?"). */
const WORKS_WORDS = new Set(["work", "works", "legit", "valid", "correct", "right", "ok", "okay", "fine", "allowed"]);

/** Below this, a unit is not trusted to be about the question. */
export const CONFIDENT = 0.45;
/**
 * A setting's generated unit needs more: its phrasings come from a docstring ("path to an SSL certificate file"), so
 * a few shared everyday words ("file", "configure") reach a moderate score without being about the setting.
 */
const CONFIDENT_SETTING = 0.5;
const trusted = (m: UnitMatch) => m.confidence >= (m.unit.setting ? CONFIDENT_SETTING : CONFIDENT);
/**
 * A setting's unit far ahead of every other match is trusted at the bar of a written unit: shared everyday words
 * lift many units alike, not one alone, and a hair's difference in word weights should not turn an answer into none.
 */
const trustedAmong = (matches: readonly UnitMatch[], m: UnitMatch) =>
  trusted(m) || (m.confidence >= CONFIDENT && m === matches[0] && standsOut(matches));
/**
 * When the asker's code has problems, the checked code already answers "why does this fail": a unit leads only when
 * it matches the question clearly better than that, or the reply would open on a neighbouring topic.
 */
export const CONFIDENT_OVER_FIXES = 0.75;
/**
 * Code the checks find clean answers nothing the asker asked when they describe a problem ("my rollback hook never
 * runs, what am I missing?"): a unit matched well, if less surely than one that would displace actual fixes, says
 * more than "no problems found". Asked only "is this right?", the clean verdict is the answer.
 */
const CONFIDENT_OVER_CLEAN = 0.62;
/**
 * Or one trusted that stands this far ahead of the next unit ("`.delay()`… shows up as Scheduled and sits there. what am
 * I missing?": the background-task unit far ahead of anything else): the problem described has one topic.
 */
const STANDS_OUT_OVER_CLEAN = 0.15;
/**
 * A version trap on a unit the question names nothing of ("is there a cli command to retry a run?"): the unit must
 * match this clearly, this far ahead of the best unit in the asker's range, and the facts must confirm that a name it
 * is about is missing from the asker's release.
 */
const TRAP_UNNAMED = 0.7;
const TRAP_MARGIN = 0.2;
/**
 * A unit in the asker's range matched this surely answers a how-to for their release ("how do i pause the schedule
 * from the command line?" on 2.15: `pause-schedule`), however much better a later release's unit matches: the asker
 * named nothing only the later release has. Asked anything else ("is there…?", "on 3.1.4 i get no such command"), the
 * later release's unit still answers.
 */
const IN_RANGE_SURE = 0.62;
/**
 * A version trap read from what the question's words are about ("declare that a task materializes an asset" on a
 * release before assets): the out-of-range unit covers most of the question, rarest word included, while the best
 * unit in range covers next to nothing of it — that unit matched on shared phrasing, not on the topic. Confidences may be
 * close: it is the coverage that tells the two apart. A unit in range matched surely answers the question for the
 * asker's release, though a long setup around it leaves its coverage low.
 */
const TRAP_COVERED = { share: 0.6, inRange: 0.2, margin: 0.4, confidence: 0.4, behind: 0.15 } as const;

/** One of the questions a message asks, with the units that match it alone. */
export interface PartMatches {
  question: Question;
  matches: UnitMatch[];
  /** How surely the part's best unit matches the whole message (0 when it is not among its closest units). */
  whole?: number;
}

/** An out-of-range unit, with the names it is about that the asker's release lacks (checked against the facts). */
export interface OutsideMatch extends UnitMatch {
  missing?: string[];
  /** The names it is about that the facts know in some release (a concept or a file name is not one). */
  known?: string[];
  /** How much of the question the unit's text covers (as `LegacyDraft.unitCoverage` for the best unit in range). */
  coverage?: { share: number; rarest: boolean } | null;
  /** For a missing API the facts know a later release of: that release (it may precede the unit's range). */
  arrives?: Record<string, string>;
}
/** Words besides an API's own a question may have and still ask only about that API ("wait(futures)?"). */
const BARE_API_WORDS = 2;

/** The docs pages a unit cites, as the reply's sources. */
const sourcesOf = (...units: AnswerUnit[]): SourceRef[] =>
  units.flatMap((u) => u.sources).map((s) => ({ title: s.title, url: s.url, kind: "docs" as const }));
/** A thin question is offered the best unit's phrasing as an example from this confidence on. */
const SUGGEST = 0.3;

/** A statement another component offers as the reply's first line (release notes: "X was removed in 3.5"). */
export interface LeadCandidate {
  text: string;
  confidence: number;
  sources: SourceRef[];
  /** Where the statement comes from: the release notes, or the API facts for the release. */
  basis?: "release-note" | "facts";
  /** The names the statement is about (a parameter): a unit about one of them says how to use it, after it. */
  about?: string[];
  /** The statement says the asker's release lacks what was asked: what to do instead follows it. */
  lacks?: boolean;
  /**
   * Its yes or no is the answer to a yes/no question about that thing ("does 3.8.3 run on Python 3.9?"), not only
   * that a name exists: it leads over a unit about the same thing that says neither.
   */
  decides?: boolean;
  /**
   * Only that the release lacks a name is said ("can i call `submit_to_work_pool` on it?"): a unit about it that
   * already opens with a yes or no says that and what to do instead, so it keeps the lead.
   */
  yieldsToDecided?: boolean;
}

/** Where the reply's first sentence may come from besides units: hooks such as a release-notes lookup. */
export type LeadHook = (question: Question, version: VersionGuess) => LeadCandidate | null;

export interface LegacyDraft {
  markdown: string;
  sources: SourceRef[];
  /** The draft has findings of its own: code problems, API facts, an explained error or a matching note. */
  substantive: boolean;
  /** The asker's code has problems the draft lists (with fixes). */
  fixes: boolean;
  /**
   * What each problem found in the asker's code is about: the keyword of a parameter problem, else the API's name
   * (its last part). A unit about one of them explains that fix.
   */
  diagnosed?: string[];
  /** The Python exceptions the errors found in the asker's code raise when it runs (`AttributeError`). */
  raises?: string[];
  /** The thread has code the draft checked. */
  hasCode: boolean;
  /** What the API facts say about names the question asks about: nothing, all present, or a version problem. */
  apiFacts: "none" | "present" | "version";
  /** The draft explains an error quoted in the thread (from the facts for the release). */
  explainsError: boolean;
  /** The draft explains code in another language (Prefect's SDK is Python). */
  foreignCode: boolean;
  /**
   * When the draft's substance is only a curated note (no code, API facts or explained error): how well the note
   * covers the question. A note that misses the question's most specific word is about something else.
   */
  noteCoverage?: { share: number; rarest: boolean; topicMissed?: boolean } | null;
  /** The same measure for the best unit's text (phrasings, answer, details). */
  unitCoverage?: { share: number; rarest: boolean; topicMissed?: boolean } | null;
}

/** How much more of the question a note must cover than a moderately matched unit to answer instead of it. */
const NOTE_MARGIN = 0.2;

/** A note covering less than this share of the question (rarity-weighted) is not quoted as the answer. */
export const NOTE_COVERAGE = 0.3;

/**
 * Whether a text Orca would quote (a note, a passage) is about the question: it has the question's most specific word
 * or enough of its words, and says one of the Prefect words its everyday phrases stand for.
 */
function coversQuestion(c: { share: number; rarest: boolean; topicMissed?: boolean }): boolean {
  return (c.rarest || c.share >= NOTE_COVERAGE) && c.topicMissed !== true;
}

export interface PlanInput {
  question: Question;
  version: VersionGuess;
  matches: UnitMatch[];
  /** For a comparison: the best unit for each side. */
  sideMatches?: (UnitMatch | null)[] | null;
  /** For a message that asks several things: each part, read alone, with the units that match it. */
  parts?: PartMatches[] | null;
  /**
   * The best unit among those whose release range leaves out the asker's release, when none of the names it shares
   * with the question exists in that release (a name the release has is no version trap).
   */
  outside?: OutsideMatch | null;
  /** Every release the facts know, oldest first (to say where a unit's range starts and ends). */
  releases?: readonly string[];
  /** The checked-code and notes draft. */
  legacy: LegacyDraft;
  /** Passages the index returned for the question, best first. */
  passages: SearchHit[];
  /**
   * How much of the question a text covers (the unit index's measure); when given, an abstention quotes only the
   * passages that are about the question: quoting passages on another topic is an off-topic answer too.
   */
  coverage?: (text: string, whole?: boolean) => { share: number; rarest: boolean; topicMissed: boolean };
  /** The example of the best unit passed the linter for the asker's release. */
  exampleClean: boolean;
  settings?: SettingsFacts;
  hooks?: LeadHook[];
  /** The question is too thin to act on (one word, only a link). */
  thin: boolean;
  /** Where to find the real error, when a failure is described without one. */
  logsHint?: string | null;
  /** One line per API the question names, for the asker's release. */
  apiLines?: string[];
  /** Whether a text names a CLI command gone before the asker's major line began (`prefect agent start` on 3.x). */
  commandOfOtherLine?: (text: string) => boolean;
  /** The asker's own module and logger names the question writes, for a unit's `modules` slot. */
  askerModules?: readonly string[];
  /** Written units about any of these names (a setting and its other names) that hold for the asker's release. */
  unitsAbout?: (names: readonly string[]) => AnswerUnit[];
  /** The same, at another release (the one the asker moves to). */
  unitsAboutAt?: (names: readonly string[], release: string) => AnswerUnit[];
  /** Written units in the asker's range about a name like this one (what replaced a name the release lacks). */
  unitsNamedLike?: (name: string) => AnswerUnit[][];
}

export type PlanMode = "answer" | "legacy" | "abstain" | "need-more";

export interface AnswerPlan {
  mode: PlanMode;
  /** The first paragraph: the direct answer, or the one-line abstention. */
  lead: string;
  details: string[];
  example: { language: string; code: string } | null;
  /** Rendered code check (problems, corrected code) or error explanation to follow the answer. */
  fixes: string | null;
  /** What `fixes` is about: the asker's code, or the error they quoted. */
  fixesAbout?: "code" | "error";
  clarify: string | null;
  /** API facts for the names the question asks about. */
  apiLines: string[];
  /** Verbatim passages quoted when abstaining. */
  quotes: SearchHit[];
  sources: SourceRef[];
  confidence: number;
  unit: string | null;
  /** For a lead offered by a hook: where it comes from. */
  leadBasis?: "release-note" | "facts";
  /**
   * The answers to the other questions the message asks, one paragraph each in the asker's order, after the lead
   * (which answers the message as a whole, so it stays first).
   */
  also?: string[];
}

const CLARIFY_VERSION =
  "Which Prefect version are you on (`prefect version`), and what are you running it on (work pool type)?";

function clarifyingQuestion(input: PlanInput): string {
  if (input.version.how === "assumed") return CLARIFY_VERSION;
  const unit = input.matches[0]?.unit;
  if (unit)
    return `Is your question closer to “${unit.asks[0]}”? If so, say so and I'll answer that; otherwise add the API or error you are dealing with.`;
  return "Could you add the API, command or error message you are dealing with?";
}

/** The words of a setting's name, as a question would write them (`PREFECT_LOGGING_LEVEL`: "logging", "level"). */
const settingNameWords = (name: string) => tokenize(settingWords(name)).filter((w) => w !== "prefect");

/**
 * The detail naming the setting the question is about: one whose name shares a word with the question ("log prints",
 * "timeout"). A detail that names a setting only as an example (`PREFECT_API_URL` is `api.url` in toml) answers no
 * "can I keep settings in a file?". -1 when none does.
 */
function askedSettingDetail(details: readonly string[], question: string, settings?: SettingsFacts): number {
  const asked = new Set(tokenize(question));
  let best = -1;
  let bestShared = 0;
  let bestName = "";
  details.forEach((d, i) => {
    for (const name of d.match(SETTING_NAMES) ?? []) {
      const shared = new Set(settingNameWords(name).filter((w) => asked.has(w))).size;
      if (shared > bestShared) [best, bestShared, bestName] = [i, shared, name];
    }
  });
  // "Can we keep our settings (api url, logging level) in a file?": the question names several settings as examples of
  // what it asks about, so a detail about one of them answers none of it.
  if (best < 0) return -1;
  const own = new Set(settingNameWords(bestName));
  const another = settings?.settings.some((s) => {
    const w = settingNameWords(s.name);
    return w.length >= 2 && w.every((t) => asked.has(t)) && w.some((t) => !own.has(t));
  });
  return another ? -1 : best;
}

/** Words after which a number is the asker's release ("on 2.19", "prefect 3.4"). */
const RELEASE_BEFORE = new Set(["prefect", "on", "in", "to", "from", "v", "version", "using", "running", "latest"]);
/** Shortest plain number read as a value asked about ("4200", not "3"). */
const MIN_VALUE_LENGTH = 3;
/** Whether a word has a digit in it ("3.8", "4200"). */
const hasDigit = (w: string) => [...w].some((c) => c >= "0" && c <= "9");

/**
 * "Can I install prefect 3.0.0 on python 3.8?": the detail naming the value a yes/no question names and the unit's
 * answer does not ("No Prefect 3 release installs on Python 3.8") answers it; the answer, a range, only implies it. The
 * release the asker states names their Prefect, not what is asked. -1 when no single detail does.
 */
function askedValueDetail(details: readonly string[], asking: string, lead: string, release: string): number {
  const said = words(asking);
  const values = said
    // A sentence's full stop after a number ("on python 3.8.") is not part of it.
    .map((w, i) => ({ w: w.split(".").filter(Boolean).join("."), i }))
    .filter(
      ({ w, i }) =>
        hasDigit(w) &&
        // A count ("3 child flows") is no value of its own; nor is a release, said after where or what it is.
        (w.includes(".") || w.length >= MIN_VALUE_LENGTH) &&
        !w.endsWith(".x") &&
        !RELEASE_BEFORE.has(said[i - 1] ?? "") &&
        w !== release &&
        !containsWord(lead, w),
    )
    .map(({ w }) => w);
  if (values.length === 0) return -1;
  const naming = details.flatMap((d, i) => (values.every((v) => containsWord(d.toLowerCase(), v)) ? [i] : []));
  return naming.length === 1 ? naming[0]! : -1;
}

/**
 * The releases a text marks what it names with ("`Cron(...)` (3.2+)", "`NO_CACHE` (3.1.12+)"), read without a pattern:
 * a parenthesis holding a release number and a plus.
 */
function sinceMarks(text: string): string[] {
  const out: string[] = [];
  for (let end = text.indexOf("+)"); end >= 0; end = text.indexOf("+)", end + 2)) {
    const start = text.lastIndexOf("(", end);
    const inner = start >= 0 ? text.slice(start + 1, end) : "";
    const parts = inner.split(".");
    if (parts.length >= 2 && parts.every((p) => p !== "" && [...p].every((c) => c >= "0" && c <= "9"))) out.push(inner);
  }
  return out;
}

/**
 * A detail whose every name is marked as arriving after the asker's release ("`prefect.schedules.Cron(...)` (3.2+)
 * carries the timezone" to someone on 2.19.3) tells them of something they cannot use, unless it says what to do on
 * older releases.
 */
function onlyNewer(detail: string, input: PlanInput): boolean {
  const marks = sinceMarks(detail);
  if (marks.length === 0 || !marks.every((m) => compareVersions(input.version.resolved, m) < 0)) return false;
  // Said with another way ("… (3.1+), or `prefect config set …` in a profile"), or about what the asker names
  // ("`--workers N` (3.4.20+) …" asked about `--workers` on 3.4.11: that it comes later is the answer), it stays.
  const asked = input.question.text.toLowerCase();
  const named = codeSpans(detail).some((code) => {
    const name = [...code].findIndex((c) => c === " " || c === "(" || c === "=");
    return asked.includes((name < 0 ? code : code.slice(0, name)).toLowerCase());
  });
  return !named && !words(detail).some((w) => OLDER_WORDS.has(w) || w === "or");
}
/** Words with which a detail says what holds before a release ("earlier releases use …"). */
const OLDER_WORDS = new Set(["before", "earlier", "older", "until", "prior"]);

/**
 * Whether a detail names a setting or command that was gone before the asker's major line began ("run an agent:
 * `prefect agent start`" to a 3.x asker, `PREFECT_ORION_API_HOST` to one): it is about a line they left, unless they
 * ask about moving between lines. One that only a later line has says what upgrading gives them, and stays.
 */
function aboutOtherLine(detail: string, input: PlanInput): boolean {
  if (input.question.upgradeTo) return false;
  if (onlyNewer(detail, input)) return true;
  if (input.commandOfOtherLine?.(detail)) return true;
  const facts = input.settings;
  if (!facts) return false;
  const major = majorOf(input.version.resolved);
  return (detail.match(SETTING_NAMES) ?? []).some(
    (name) => facts.get(name)?.present.every(([, last]) => majorOf(last) < major) === true,
  );
}

function unitLead(input: PlanInput, match: UnitMatch): { lead: string; details: string[] } {
  const { unit } = match;
  if (unit.setting && input.settings) {
    // "How long does the server keep events?" asks for the value the setting has unless changed.
    // "Which setting makes prefect persist results by default?" wants the behaviour: it asks for the setting, not its
    // default value.
    const wantsBehaviour =
      (input.question.kind === "which-setting" || input.question.kind === "how-to") &&
      wantsAsDefault(input.question.asking);
    const asksDefault =
      (words(input.question.asking).includes("default") && !wantsBehaviour) || asksForQuantity(input.question.asking);
    const s = settingAnswer(
      input.settings,
      unit.setting,
      input.version.resolved,
      input.question.kind,
      asksDefault,
      input.question.text,
    );
    if (s) return { lead: s.lead, details: s.details };
  }
  // The asker's own clock time and zone go wherever the text names its example ones, however the unit is used (as the
  // answer, a guess at the reading, a side of a comparison): the prose around them stays true.
  const proseValues = statedValues(input.question.values).filter((v) => v.prose);
  const render = (t: string) =>
    adaptExample(
      renderValues(renderSettingRefs(t, input.settings, input.version.resolved), input.question.values),
      proseValues,
    ).code;
  let lead = forKind(render(unit.answer), input.question);
  // "Is there a way to get a Slack message when a run fails?" — "Create an automation …" says how, so it is a yes;
  // but only as sure as the unit is the one that answers: close in words, and clearly ahead of the next one (a unit
  // about the command the asker names is not one about what they ask to do with it).
  const runnerUp = nextConfidence(input.matches, unit.id);
  const saysHow =
    input.question.kind === "yes-no" &&
    input.question.asksPossibility === true &&
    opensWithInstruction(lead) &&
    match.similarity >= SURE_SIMILARITY &&
    match.confidence - runnerUp >= CLEAR_MARGIN;
  let details = unit.details.map(render).filter((d) => !aboutOtherLine(d, input));
  // "Is that configurable?" asks for the setting: when the unit's answer names none but a detail does, that detail
  // answers the question and leads; the unit's own answer follows as the first detail.
  const settingDetail =
    (input.question.kind === "which-setting" || input.question.asksSetting) &&
    !lead.includes("PREFECT_") &&
    // "No — before 3.6.19 the server does not delete old runs": a setting named in a detail is not the one asked for.
    !NO_OPENER.test(lead)
      ? askedSettingDetail(details, input.question.text, input.settings)
      : -1;
  // The same for a yes/no question about a value the answer leaves implied.
  const valueDetail =
    settingDetail < 0 && input.question.kind === "yes-no" && !YES_NO_OPENER.test(lead)
      ? askedValueDetail(details, input.question.asking, lead, input.version.resolved)
      : -1;
  const leading = settingDetail >= 0 ? settingDetail : valueDetail;
  if (leading >= 0) {
    [lead, details] = [details[leading]!, [lead, ...details.filter((_, i) => i !== leading)]];
  }
  // "What level is it by default, and how do I get more?": a unit about a setting says how to change it; the default
  // it was asked for comes from the facts for the release, unless the unit already states it.
  const asked =
    input.settings && asksForDefault(input.question.text)
      ? unit.about.find((n) => input.settings!.get(n) !== undefined)
      : undefined;
  const stated = asked ? defaultSentence(input.settings!, asked, input.version.resolved) : null;
  // Asked for, the default is part of the answer: it opens the first paragraph, before how to change it.
  // A lead that opens with its yes or no keeps it first: the default follows the sentence that gives it.
  if (stated && ![lead, ...details].some((t) => t.includes(stated.value))) {
    const [first, ...rest] = splitSentences(lead);
    lead = YES_NO_OPENER.test(lead) && first ? [first, stated.text, ...rest].join(" ") : `${stated.text} ${lead}`;
  }
  // Asked which setting it is ("gives up after exactly 30s, which setting is that?"), its default in the asker's
  // release tells them whether that is what they see: the first detail, unless the unit says it.
  else if (!asked && input.settings && input.question.kind === "which-setting") {
    const named = (lead.match(SETTING_NAMES) ?? [])[0];
    const value = named ? defaultSentence(input.settings, named, input.version.resolved) : null;
    const said = (t: string) => splitSentences(t).some((x) => x.includes(named!) && x.includes("default"));
    if (value && ![lead, ...details].some(said)) details = [value.text, ...details];
  }
  // "Is there an env var for the thread pool size?" on 3.0.4, answered by a unit whose setting arrives in 3.0.11: the
  // way it says (pass it in code) is no "yes" to the setting asked for, and the setting's absence is the "no".
  const laterSetting = input.question.asksSetting && input.settings ? settingNotYet(lead, input) : null;
  if (laterSetting && input.question.kind === "yes-no")
    lead = `No — Prefect ${input.version.resolved} has no setting for this (\`${laterSetting.name}\` arrives in ${laterSetting.first}). ${lead}`;
  else if (saysHow && !laterSetting) lead = `Yes — ${lead.charAt(0).toLowerCase()}${lead.slice(1)}`;
  // "Is that a bug?" answered by a unit that explains the behaviour (and says nothing of a bug) is answered "not a
  // bug": the unit's own "Yes" agreed with a question about how it works, not with this one.
  // A "No —" (task runs cannot be paused) already denies it.
  // Asked whether it is expected, the same explanation says yes to that first.
  const asDesigned = input.question.asksIfBug
    ? "Not a bug"
    : input.question.asksIfExpected
      ? "Yes, that is expected"
      : null;
  if (asDesigned && !NO_OPENER.test(lead) && !BUG_WORD.test([unit.answer, ...unit.details].join(" "))) {
    const rest = lead.replace(YES_OPENER, "");
    // An instruction ("Return something: …") reads as its own sentence after the verdict.
    lead = opensWithInstruction(rest)
      ? `${asDesigned}. ${rest}`
      : `${asDesigned} — ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
  }
  return { lead, details };
}

/** The first setting a text names that the asker's release has under no name but a later release has, with when. */
function settingNotYet(text: string, input: PlanInput): { name: string; first: string } | null {
  const settings = input.settings!;
  const release = input.version.resolved;
  for (const name of text.match(SETTING_NAMES) ?? []) {
    const record = settings.get(name);
    if (!record || settings.counterpartAt(name, release)) continue;
    const first = record.present.find(([from]) => compareVersions(from, release) > 0)?.[0];
    if (first) return { name, first };
  }
  return null;
}

/**
 * "Yes — `.deploy()` takes `schedule` in 3.2.10" says that it exists, not how to use it: a unit the question matches
 * that is about the same name says that, after the statement.
 */
function companionOf(
  input: PlanInput,
  hooked: LeadCandidate,
): { details: string[]; unit: string } | Record<string, never> {
  const names = new Set((hooked.about ?? []).map((n) => n.toLowerCase()));
  if (names.size === 0) return {};
  // After a "No — not in your release", what the asker can do instead matters as much: the unit that matches the
  // question best says it, when no unit is about the name itself.
  const match =
    input.matches.find((m) => trusted(m) && !m.unit.setting && m.unit.about.some((a) => names.has(a.toLowerCase()))) ??
    (hooked.lacks ? replacementOf(input, hooked) : undefined);
  if (!match) return {};
  const { lead, details } = unitLead({ ...input, question: { ...input.question, kind: "how-to" } }, match);
  // The unit's answer is kept whole, its own "No —" too: without it, "a single `--no-services` flag arrives in
  // 3.1.13; before it, pass …" reads to the claim checker as a statement about the releases before 3.1.13.
  return { details: [lead, ...details], unit: match.unit.id };
}

/**
 * "Prefect 2.8.0 has no `prefect server start`: it arrived in 2.8.1. … **On 2.8.0, run `prefect orion start` …**": after
 * a statement that the release lacks what was asked, a companion that says what to do in it belongs in the same first
 * paragraph, as the answer's other half; one that only describes stays among the details.
 */
function withWayInRelease(
  hooked: LeadCandidate,
  companion: { details: string[] } | Record<string, never>,
  release: string,
): string {
  const way = "details" in companion ? companion.details[0] : undefined;
  if (!hooked.lacks || way === undefined || !opensWithInstruction(way)) return hooked.text;
  return `${hooked.text} On ${release}, ${way[0]!.toLowerCase()}${way.slice(1)}`;
}

/**
 * What takes the place of a name gone from the release, for this question. First a unit the question matches that is
 * about a name like the one gone (`pause-schedule` → `prefect deployment schedule pause`), even when another unit
 * matches the question's other words better: from the most alike tier that has one, the best-matched. Then the unit
 * the question matches best. Failing both ("what's the new way?"), the unit about the name most like the one gone.
 */
function replacementOf(input: PlanInput, hooked: LeadCandidate): UnitMatch | undefined {
  const tiersPerName = (hooked.about ?? []).map((name) => input.unitsNamedLike?.(name) ?? []);
  for (const tiers of tiersPerName)
    for (const tier of tiers) {
      const ids = new Set(tier.map((u) => u.id));
      const match = input.matches.find((m) => ids.has(m.unit.id));
      if (match) return match;
    }
  const best = input.matches.find((m) => trusted(m) && !m.unit.setting);
  if (best) return best;
  const unit = tiersPerName.find((tiers) => tiers.length > 0)?.[0]?.[0];
  return unit ? { unit, confidence: CONFIDENT, exact: [], similarity: 0 } : undefined;
}

function namesInErrors(errors: readonly string[], names: readonly string[]): boolean {
  const text = errors.join("\n").toLowerCase();
  // An error quotes an attribute by its own name ("'dict' object has no attribute 'result'"): `PrefectFuture.result`.
  const member = (n: string) => n.slice(n.lastIndexOf(".") + 1).toLowerCase();
  return names.some((n) => text.includes(n.toLowerCase()) || (n.includes(".") && text.includes(`'${member(n)}'`)));
}

/** The confidence of the best match about another unit than `id`: what a unit's lead is measured against. */
function nextConfidence(matches: readonly UnitMatch[], id: string): number {
  return matches.find((m) => m.unit.id !== id)?.confidence ?? 0;
}

/** Whether the best unit leads the next one by enough to say the question has its topic. */
function standsOut(matches: readonly UnitMatch[]): boolean {
  const [best] = matches;
  return !!best && best.confidence - nextConfidence(matches, best.unit.id) >= STANDS_OUT_OVER_CLEAN;
}

/** How far the best unit must lead the next one, and how close its words must be, for its how-to to be a yes. */
const CLEAR_MARGIN = 0.1;
const SURE_SIMILARITY = 0.7;

/** A unit answer's opening "Yes —" / "Yes," (said to the unit's own yes/no phrasings). */
const YES_OPENER = /^Yes\s*(?:[—–:-]|,)\s*/;
const NO_OPENER = /^No\b/;
const YES_NO_OPENER = /^(?:Yes|No)\b/;
/** A unit answer's opening "Yes —" or "No —", for a question that asks neither. */
const YES_NO_DASH = /^(?:Yes|No)\s*(?:[—–:-]|,)\s*/;
/** Words a verdict may carry before its colon ("No — not by itself: …"). */
const VERDICT_WORDS = 4;

/** A unit's lead without its yes or no and the few words that qualify it: the statement under the verdict. */
function withoutVerdict(lead: string): string {
  const rest = lead.replace(YES_NO_DASH, "");
  if (rest === lead) return lead;
  const colon = rest.indexOf(": ");
  const qualifier = colon > 0 ? rest.slice(0, colon) : "";
  return asSentenceStart(qualifier && qualifier.split(" ").length <= VERDICT_WORDS ? rest.slice(colon + 2) : rest);
}
const BUG_WORD = /\bbugs?\b/i;

/**
 * A unit's "Yes —" answers the yes/no phrasings it was written for; asked as a how-to or a comparison ("tasks vs
 * subflows?") the same answer starts at its substance. "No —" stays for a how-to or a setting asked for: it says the
 * asked-for thing cannot be done.
 */
function forKind(lead: string, question: Question): string {
  const { kind } = question;
  if (kind === "yes-no") return lead;
  // "Why does this import fail?" is not answered with a no: the reason follows it; nor is "where do results go by
  // default?" or "what happens to running flows?" (a no says nothing to a question that asks what or where; "still
  // the case in 3?" is a yes/no question all the same).
  const verdictless =
    kind === "why-error" || ((kind === "other" || kind === "list") && opensWithQuestionWord(question.asking));
  const rest = lead.replace(verdictless ? YES_NO_DASH : YES_OPENER, "");
  return rest === lead ? lead : asSentenceStart(rest);
}

/**
 * `{{seconds|600}}`, `{{timedelta|hours=6}}`, `{{pool_type|kubernetes}}`, `{{limit|3}}` in a unit become the
 * asker's own value (the duration they state, in seconds or as `timedelta` arguments, the work pool type they name,
 * the cap they state), else the unit's default.
 */
function renderValues(text: string, values: Question["values"]): string {
  const own: Record<string, string | null> = {
    seconds: values.seconds === null ? null : String(values.seconds),
    pool_type: values.poolType,
    // The cap the asker states ("cap our pool at 5 concurrent flow runs") where a unit writes an example cap.
    limit: values.limit == null ? null : String(values.limit),
    // Their duration as `timedelta` arguments ("for a day" → `days=1`), where a unit writes `timedelta(hours=6)`.
    timedelta: values.seconds === null ? null : timedeltaArguments(values.seconds),
    // Their tag ("tasks tagged `snowflake`") where a unit writes an example tag.
    tag: values.tag ?? null,
    // Their parameter ("name runs after the `run_date` param") where a unit writes an example one.
    param: values.param ?? null,
    // Their environment variable ("`{{ $IMAGE_TAG }}` in prefect.yaml") where a unit writes an example one.
    env: values.env ?? null,
  };
  const filled = fillSlots(text, own);
  return ownNamesIn(filled, values.own ?? {});
}

/** Seconds as `timedelta` keyword arguments in the largest whole unit: 86400 → "days=1", 5400 → "minutes=90". */
function timedeltaArguments(seconds: number): string {
  const { unit, count } = wholeUnit(seconds);
  return `${unit}s=${count}`;
}

/**
 * The stand-ins units write for the asker's own things (`prefect worker start --pool <pool>`), by what they stand for.
 * A deployment is addressed as `flow/deployment`, so only that whole pair stands for one.
 */
const STAND_INS: Record<keyof OwnNames, readonly string[]> = {
  pool: ["<pool>", "<pool-name>", "<work-pool>", "<work-pool-name>"],
  queue: ["<queue>", "<queue-name>", "<work-queue>"],
  deployment: ["<flow>/<deployment>", "<flow-name>/<deployment-name>"],
};

/** A unit's stand-ins replaced by the names the asker gave (their pool, queue, deployment). */
export function ownNamesIn(text: string, own: OwnNames): string {
  let out = text;
  for (const kind of Object.keys(STAND_INS) as Array<keyof OwnNames>) {
    const name = own[kind];
    if (name) for (const standIn of STAND_INS[kind]) out = out.split(standIn).join(name);
  }
  return out;
}

/** How far behind the best match a unit about both sides of a comparison may be and still answer it. */
const COMPARISON_MARGIN = 0.1;
/** The same for a unit written as a comparison (`shape: compare`). */
const WRITTEN_COMPARISON_MARGIN = 0.15;

/**
 * "What's the difference between `my_flow.serve()` and `my_flow.deploy()`?": a unit written about that difference
 * answers it, ahead of a unit about one side that happens to match the words a little better.
 */
function withComparisonFirst(input: PlanInput): PlanInput {
  const { sides, kind } = input.question;
  const [best] = input.matches;
  if (kind !== "compare" || !sides || !best) return input;
  // A unit written as a comparison says what sets the two apart, which is what was asked: it may be further behind than
  // a list about both (the CLI commands for each), which only names them.
  const written = (m: UnitMatch) => m.unit.shape === "compare";
  const comparing = (m: UnitMatch) =>
    trusted(m) &&
    aboutBothSides(m.unit, sides) &&
    m.confidence >= best.confidence - (written(m) ? WRITTEN_COMPARISON_MARGIN : COMPARISON_MARGIN);
  if (aboutBothSides(best.unit, sides) && (written(best) || !input.matches.some((m) => comparing(m) && written(m))))
    return input;
  const both = input.matches.find((m) => comparing(m) && written(m)) ?? input.matches.find(comparing);
  if (!both) return input;
  // The best unit changed: how much of the question it covers is the new unit's, not the one it moved ahead of.
  const unitCoverage = input.coverage ? input.coverage(unitText(both.unit)) : input.legacy.unitCoverage;
  return {
    ...input,
    matches: [both, ...input.matches.filter((m) => m !== both)],
    legacy: { ...input.legacy, unitCoverage },
  };
}

export function planAnswer(raw: PlanInput): AnswerPlan {
  const input = withComparisonFirst(raw);
  const { question, legacy } = input;
  const base: AnswerPlan = {
    mode: "legacy",
    lead: "",
    details: [],
    example: null,
    fixes: null,
    clarify: null,
    apiLines: [],
    quotes: [],
    sources: legacy.sources,
    confidence: 0,
    unit: null,
  };
  const best = input.matches[0];
  const hooked = (input.hooks ?? [])
    .map((h) => h(question, input.version))
    .filter((c): c is LeadCandidate => c !== null && c.confidence >= CONFIDENT)
    .sort((a, b) => b.confidence - a.confidence)[0];
  // A setting named in the question that the asker's release lacks under that name is the answer's first fact.
  const misnamed = input.settings
    ? misnamedSetting(input.settings, question.focus.settings, input.version.resolved)
    : null;
  const renamed = misnamed ? settingAnswer(input.settings!, misnamed, input.version.resolved, question.kind) : null;
  if (renamed && !legacy.fixes) {
    // The setting's own unit would repeat the lead: the best hand-written unit says how to use it.
    const written = input.matches.find((m) => !m.unit.setting && m.confidence >= CONFIDENT);
    const extra = written ? unitLead(input, written) : null;
    // A name the release knows under no other name leaves what to use instead to the unit: when it says what to do
    // ("Rename `PREFECT_ORION_…` to …"), that is the lead's other half.
    const way = renamed.unknownThere && extra && opensWithInstruction(extra.lead) ? extra.lead : null;
    return {
      ...base,
      mode: "answer",
      lead: way ? `${renamed.lead} ${way}` : renamed.lead,
      details: [...renamed.details, ...(extra ? [...(way ? [] : [extra.lead]), ...extra.details] : [])],
      fixes: legacy.hasCode ? legacy.markdown : null,
      sources: [
        ...(written ? written.unit.sources : []),
        { title: "Settings reference", url: "https://docs.prefect.io/v3/api-ref/settings-ref" },
      ].map((s) => ({ ...s, kind: "docs" as const })),
      confidence: 1,
      unit: written ? written.unit.id : `setting:${misnamed}`,
    };
  }
  // An API the question names that the asker's release lacks (or has under another name) is answered by the facts
  // for that release. One the release has is not: that it exists is rarely what a question about it asks ("do I get a
  // PrefectFuture back without .submit()?"), so a trusted unit answers, and the facts follow it.
  // The facts say whether a name exists and what it takes; they do not compare two things or say how to do something.
  const factsAnswerKind = !["compare", "how-to", "list"].includes(question.kind);
  // A question that is little more than the API's name ("wait(futures)?", "is `wait` deprecated?") asks what the
  // facts say: that it exists, where, and what it takes.
  const apiWords = new Set(tokenize(question.focus.apis.join(" ").replace(/[._]/g, " ")));
  // The sentence must write the API itself (a call, a dotted or snake_case name, inline code): "can i give it
  // longer?" is as short and asks about its context.
  const writesApi = identifiersIn(question.asking).length > 0 || /\b[A-Za-z_]\w*\(/.test(question.asking);
  const onlyTheApi = writesApi && tokenize(question.asking).filter((t) => !apiWords.has(t)).length <= BARE_API_WORDS;
  // Not when a unit about the API and what is asked of it matches surely ("can i pass max_workers to
  // ConcurrentTaskRunner?": a unit on both names says no and what to do instead).
  const unitOnBoth = !!best && best.confidence >= CONFIDENT_OVER_FIXES && best.exact.length >= 2;
  const apiAnswered =
    factsAnswerKind &&
    !unitOnBoth &&
    (legacy.apiFacts === "version" ||
      // "Does that import still exist?" asks exactly what the facts say.
      (legacy.apiFacts === "present" && (onlyTheApi || !!question.asksExistence)));
  // A unit matched only moderately well yields to a curated note that covers the question clearly better; not a unit
  // whose answer is a yes or a no to a yes/no question ("can I still await the future?"): a note can only say more
  // about the topic, not answer it.
  const answersYesNo = question.kind === "yes-no" && !!best && YES_NO_OPENER.test(best.unit.answer);
  // Nor a unit about both sides of a comparison: a note about one of them says more, not what sets them apart.
  const answersComparison =
    question.kind === "compare" && !!best && !!question.sides && aboutBothSides(best.unit, question.sides);
  // A unit about what the fixes are about (`reschedule=` that `pause_flow_run` no longer takes) explains them: it
  // answers first, and the fixes follow. It must be about every one of them: a unit about the `KubernetesJob` block
  // does not explain code whose `Deployment.build_from_flow` is gone too.
  const diagnosed = legacy.diagnosed ?? [];
  const explainsFix =
    legacy.fixes &&
    diagnosed.length > 0 &&
    !!best &&
    trusted(best) &&
    diagnosed.every((n) => aboutDiagnosed(best.unit, [n]));
  // (Nor does such a unit yield to a note: the note can only say more about the topic, the unit explains the fix. Nor
  // does a trusted unit about a name the question writes: the note shares more of its words, the unit its subject.)
  const namesMatched = !!best && trusted(best) && best.exact.length > 0;
  const noteCoversBetter =
    !answersYesNo &&
    !answersComparison &&
    !explainsFix &&
    !namesMatched &&
    !!legacy.noteCoverage?.rarest &&
    legacy.noteCoverage.share >= (legacy.unitCoverage?.share ?? 0) + NOTE_MARGIN &&
    (best?.confidence ?? 0) < CONFIDENT_OVER_FIXES;
  // "Why does this crash with AttributeError on `.wait()`?": asked why the very thing a fix is about fails, the fix is
  // the answer; a unit leads only when it says that thing too (`timezone=` in a unit on passing schedules).
  // So is a question naming the exception a found error raises ("why does this fail with AttributeError?"), unless
  // the unit is about the very name the check faults or matched a name the question writes (the quoted error's API).
  const asksWhyFixed =
    legacy.fixes &&
    question.kind === "why-error" &&
    !!best &&
    ((namesDiagnosed(question.asking, diagnosed) && !saysDiagnosed(best.unit, diagnosed)) ||
      (namesDiagnosed(question.asking, legacy.raises ?? []) &&
        best.exact.length === 0 &&
        !aboutDiagnosed(best.unit, diagnosed)));
  // Asked whether that very thing works ("does `from prefect import wait` work?", "is this legit?" about the line the
  // check faults), the checked code's verdict is the answer, whatever a unit says about the topic.
  const askedWords = words(question.asking);
  const asksVerdictOnFix =
    legacy.fixes &&
    (question.kind === "yes-no" || question.kind === "review-code") &&
    askedWords.some((w) => WORKS_WORDS.has(w)) &&
    (namesDiagnosed(question.asking, legacy.diagnosed ?? []) || pointsBack(question.asking));
  // Asked whether their code is right ("is this valid on 3.2.14, or do i need X?") and the checks find nothing wrong:
  // that yes opens the answer, and what the unit says follows it.
  const cleanYes =
    question.kind === "yes-no" &&
    legacy.hasCode &&
    !legacy.fixes &&
    !legacy.explainsError &&
    askedWords.some((w) => WORKS_WORDS.has(w)) &&
    pointsBack(question.asking);
  const unitUsable =
    best &&
    !noteCoversBetter &&
    (legacy.fixes
      ? (best.confidence >= CONFIDENT_OVER_FIXES && !asksWhyFixed) || explainsFix
      : trustedAmong(input.matches, best)) &&
    // Code the checks find clean leaves the question open ("what's wrong here?"): a unit that matches it clearly
    // answers it, and the clean check follows.
    (question.kind !== "review-code" ||
      (!legacy.fixes &&
        (asksOnlyForReview(question.text)
          ? best.confidence >= CONFIDENT_OVER_FIXES
          : best.confidence >= CONFIDENT_OVER_CLEAN || (trusted(best) && standsOut(input.matches)))) ||
      explainsFix) &&
    !apiAnswered &&
    !asksVerdictOnFix &&
    // One word or only a link says what about, not what is asked: the reply asks, with the best unit as an example.
    !input.thin &&
    // A quoted error is about the names in it: a unit that names none of them explains another error.
    (question.focus.errors.length === 0 || best.explainsError || namesInErrors(question.focus.errors, best.exact)) &&
    !legacy.foreignCode;
  // A hook's statement is precise about what it answers: at equal confidence it leads over a unit. That the release
  // lacks the very name the best unit is about leads whatever the unit's confidence: the unit explains, the facts say
  // yes or no ("is there a cli command for one task run's logs?" on 2.14: no, then the unit's way round it).
  const aboutSame = (u: AnswerUnit) =>
    (hooked?.about ?? []).some((n) => u.about.some((a) => a.toLowerCase() === n.toLowerCase()));
  // Nor does a unit about the same thing that gives no yes or no to a yes/no question the hook answers with one.
  const hookSaysYesNo =
    !!hooked?.decides &&
    question.kind === "yes-no" &&
    YES_NO_OPENER.test(hooked.text) &&
    !!best &&
    !YES_NO_OPENER.test(best.unit.answer) &&
    aboutSame(best.unit);
  const unitDecides = !!hooked?.yieldsToDecided && !!unitUsable && YES_NO_OPENER.test(best.unit.answer);
  if (
    hooked &&
    !unitDecides &&
    (!unitUsable || hooked.confidence >= best.confidence || (hooked.lacks && aboutSame(best.unit)) || hookSaysYesNo)
  ) {
    const companion = companionOf(input, hooked);
    const lead = withWayInRelease(hooked, companion, input.version.resolved);
    // The message's other questions ("is there a ProcessPoolTaskRunner in 3.4.11? … also if i stay on threads how do
    // i cap them"), answered after the facts as after a unit: the best unit stands for the part the facts answer.
    const said = [lead, ...("details" in companion ? companion.details : [])].join("\n");
    const others = best ? otherParts(input, best, said) : null;
    return {
      ...base,
      mode: "answer",
      lead,
      ...companion,
      ...(lead !== hooked.text && "details" in companion ? { details: companion.details.slice(1) } : {}),
      ...(others ? { also: others.also } : {}),
      fixes: legacy.fixes ? legacy.markdown : null,
      sources: [...hooked.sources, ...legacy.sources, ...(others ? sourcesOf(...others.units) : [])],
      confidence: hooked.confidence,
      leadBasis: hooked.basis ?? "release-note",
    };
  }
  const compared = question.kind === "review-code" || legacy.fixes ? null : comparison(input);
  // A unit about both sides asked for, matched clearly, answers the comparison whole: split into sides, one side would
  // be its own and the other a unit about something else.
  const comparesAsked =
    !!unitUsable &&
    best.confidence >= CONFIDENT_OVER_FIXES &&
    !!question.sides &&
    aboutBothSides(best.unit, question.sides);
  if (
    compared &&
    !comparesAsked &&
    (!unitUsable ||
      compared.units.includes(best.unit) ||
      (best.confidence < compared.confidence && !aboutBothSides(best.unit, question.sides!)))
  ) {
    const sides = compared.matches.map((m, i) => ({
      side: question.sides![i]!,
      ...unitLead(input, m),
    }));
    return {
      ...base,
      mode: "answer",
      // One line per side, in the asker's order and words: what each one is, so the difference reads off the lines.
      lead: sides.map((s) => `*${s.side}*: ${s.lead}`).join("\n"),
      details: sides.flatMap((s) => s.details.slice(0, 2)),
      fixes: legacy.hasCode || legacy.explainsError ? legacy.markdown : null,
      fixesAbout: legacy.hasCode ? "code" : "error",
      sources: sourcesOf(...compared.units),
      confidence: compared.confidence,
      unit: compared.units.map((u) => u.id).join("+"),
    };
  }
  // A name the question writes that the asker's release lacks (or no longer has) is the answer's first fact.
  // Only for a dotted or snake-case name (`prefect.toml`, `submit_to_runner`): a capitalised word such as "GitHub" is
  // as often the company as the block.
  const writtenName = (input.outside?.exact ?? []).some((n) => n.includes(".") || n.includes("_"));
  // So is what a unit the question names nothing of says, when it is matched far better than anything in range, or
  // covers the question's words where the best unit in range does not.
  const preempts = (writtenName && best?.exact.length === 0) || unnamedTrap(input);
  const namedTrap = unitUsable && preempts && !legacy.fixes && !apiAnswered ? versionTrap(input) : null;
  if (namedTrap) return { ...base, mode: "answer", ...namedTrap };
  const counterpart =
    unitUsable && !legacy.fixes
      ? upgradeCounterpart(question, input.version.resolved, input.matches, input.unitsAboutAt)
      : null;
  if (counterpart) {
    // How it works on the line they move to leads, read at that release; how it works now follows.
    const then = unitLead(
      { ...input, version: { ...input.version, resolved: counterpart.target } },
      { ...counterpart.now, unit: counterpart.then },
    );
    const now = unitLead(input, counterpart.now);
    return {
      ...base,
      mode: "answer",
      lead: `${counterpart.opener} — this changes in Prefect ${majorOf(counterpart.target)}. ${withoutVerdict(then.lead)}`,
      details: [`On ${input.version.resolved} (now): ${now.lead}`, ...then.details],
      sources: sourcesOf(counterpart.then, counterpart.now.unit),
      confidence: counterpart.now.confidence,
      unit: counterpart.then.id,
    };
  }
  if (unitUsable) {
    const unit = unitLead(input, best);
    // The asker's own values ("at 9 berlin time", "give up after 5 min") go into the unit's example where it has
    // exactly one slot for each, and into its lead only where the prose around the slot stays true.
    const stated = statedValues(question.values);
    const proseValues = stated.filter((v) => v.prose);
    const lead = adaptExample(withAskerNames(unit.lead, best.unit, input.askerModules), proseValues);
    const shown = best.unit.example && input.exampleClean && !legacy.fixes ? best.unit.example : null;
    const example = shown ? adaptExample(withAskerNames(shown.code, best.unit, input.askerModules), stated) : null;
    const onlyInExample = (example?.applied ?? []).filter((v) => !lead.applied.includes(v));
    const uses = statedValuesSentence({ code: "", applied: onlyInExample, unapplied: [] }, onlyInExample);
    const sibling = siblingSetting(input, best);
    const companion = settingCompanion(input, best);
    // (The unit's details already carry the asker's clock time and zone: `unitLead` renders them.)
    const details = [...(sibling ? [sibling] : []), ...unit.details, ...companion, ...(uses ? [uses] : [])];
    const others = otherParts(input, best, [lead.code, ...details].join("\n"));
    return {
      ...base,
      mode: "answer",
      ...(others ? { also: others.also } : {}),
      lead: cleanYes
        ? `Yes — Orca's checks find no API or version problems in this code for Prefect ${input.version.resolved}. ${lead.code}`
        : lead.code,
      details: input.logsHint && !legacy.hasCode ? [...details, input.logsHint] : details,
      apiLines: legacy.hasCode ? [] : (input.apiLines ?? []),
      example: shown && example ? { ...shown, code: example.code } : null,
      // Checked code follows the answer (its problems and fixes, or that it checked clean); a notes-only draft
      // would repeat the answer, so it is left out.
      fixes: legacy.hasCode || legacy.explainsError ? legacy.markdown : null,
      fixesAbout: legacy.hasCode ? "code" : "error",
      sources: sourcesOf(best.unit, ...(others?.units ?? [])),
      confidence: best.confidence,
      unit: best.unit.id,
    };
  }
  const trap = legacy.fixes || apiAnswered ? null : versionTrap(input);
  if (trap) return { ...base, mode: "answer", ...trap };
  if (input.thin && !legacy.fixes)
    return {
      ...base,
      mode: "need-more",
      lead: linkTopic(question.text)
        ? `That link is about ${linkedTitle(input) ?? linkTopic(question.text)}. What would you like to know about it, or what are you trying to do?`
        : saidTopic(question.text)
          ? `I need a little more to go on: what would you like to know about *${saidTopic(question.text)}*, and what are you trying to do?`
          : "I need a little more to go on: what would you like to know, or what are you trying to do?",
      clarify: best && best.confidence >= SUGGEST ? `For example: “${best.unit.asks[0]}”` : null,
      // The linked page, when the index holds it, is the one source worth showing.
      sources: [linkedPage(input)]
        .filter((h): h is SearchHit => h !== undefined)
        .map((h) => ({ title: h.title, url: h.url, kind: h.kind })),
      confidence: best?.confidence ?? 0,
    };
  const cover = legacy.noteCoverage;
  const offTopicNote = cover != null && !coversQuestion(cover);
  // And the other way round from a note that covers better: a unit nearly confident enough whose text covers the
  // question clearly better than the note's answers (as a reading of the question) before the note does.
  const unitCoversBetter =
    cover != null &&
    legacy.unitCoverage != null &&
    coversQuestion(legacy.unitCoverage) &&
    legacy.unitCoverage.share >= cover.share + NOTE_MARGIN;
  const preferred = legacy.hasCode || !unitCoversBetter ? null : tentativeAnswer(input, null);
  if (preferred) return { ...base, ...preferred };
  if (legacy.substantive && !offTopicNote) return { ...base, confidence: best?.confidence ?? 0 };
  const tentative = legacy.hasCode ? null : tentativeAnswer(input);
  if (tentative) return { ...base, ...tentative };
  const onTopic = (h: SearchHit) =>
    !input.coverage || coversQuestion(input.coverage(`${h.title} ${h.section.join(" ")} ${h.text}`));
  const quotes = input.passages.filter(onTopic).slice(0, 3);
  return {
    ...base,
    mode: "abstain",
    lead:
      quotes.length > 0
        ? "I'm not confident I have a direct answer to this; here are the closest passages from the docs and past threads."
        : "I'm not confident I have an answer to this, and nothing in the docs or past threads matches it closely.",
    quotes,
    clarify: clarifyingQuestion(input),
    sources: quotes.map((h) => ({ title: h.title, url: h.url, kind: h.kind })),
    confidence: best?.confidence ?? 0,
  };
}

/**
 * How close to a part's best unit the lead's unit may match that part and be taken to answer it already: a second
 * paragraph from a neighbouring unit would say the same thing again.
 */
const PART_MARGIN = 0.1;

/**
 * The other questions a message asks, answered by the units that match each alone ("where are results written by
 * default, and how do I move them to S3?": the default storage, then the setting for S3). A part is answered when its
 * best unit is trusted, is not the lead's, and the lead's unit does not match the part nearly as well; a part about
 * a setting the answer already names is answered by it. The lead's own part is the one its unit matches best. (Put
 * before the lead when asked first, a part's paragraph often restated what the thread had already said, and the
 * lead, matched on the whole message, is its likeliest answer.)
 */
function otherParts(input: PlanInput, best: UnitMatch, said: string): { also: string[]; units: AnswerUnit[] } | null {
  const parts = input.parts;
  // A comparison asked in two sentences ("A or B? whats the diff") is one question: its sides answer it. Code with
  // problems has its fixes under the answer: they answer what else it asks about the code.
  if (!parts || parts.length < 2 || parts.some((p) => p.question.kind === "compare") || input.legacy.fixes) return null;
  const confidenceOf = (matches: readonly UnitMatch[], id: string) =>
    matches.find((m) => m.unit.id === id)?.confidence ?? 0;
  const ownPart = parts.reduce(
    (at, p, i) => (confidenceOf(p.matches, best.unit.id) > confidenceOf(parts[at]!.matches, best.unit.id) ? i : at),
    0,
  );
  const also: string[] = [];
  const units: AnswerUnit[] = [best.unit];
  parts.forEach((part, i) => {
    const top = part.matches[0];
    if (i === ownPart || !top || !trusted(top) || units.some((u) => u.id === top.unit.id)) return;
    // A unit the message as a whole does not call for matched the part's few words, not its topic.
    if ((part.whole ?? 0) < CONFIDENT) return;
    if (confidenceOf(part.matches, best.unit.id) >= top.confidence - PART_MARGIN) return;
    if (top.unit.setting && (said.includes(top.unit.setting) || !asksAboutSetting(part.question, top.unit.setting)))
      return;
    const answer = unitLead({ ...input, question: part.question, matches: part.matches }, top);
    also.push(answer.lead);
    units.push(top.unit);
  });
  return also.length > 0 ? { also, units: units.slice(1) } : null;
}

/**
 * Whether a part asks about a setting: it names it, or the most specific word of its name ("where does the server
 * keep its database?" is not about `PREFECT_SERVER_DATABASE_PASSWORD`, whose docstring shares "server" and "database").
 */
function asksAboutSetting(question: Question, name: string): boolean {
  const last = settingNameWords(name).at(-1);
  return question.focus.settings.includes(name) || (!!last && tokenize(question.text).includes(last));
}

/**
 * Below the confidence that answers outright, a unit still well matched and clearly ahead of every other is nearly
 * always the one asked about (on the development sets, every such unit was on the question's topic, while the units
 * a little lower or less clearly ahead answered neighbouring questions). It answers, saying first that it is a reading
 * of the question, and asks for more if the reading is wrong: better than an abstention that only suggests it.
 */
const TENTATIVE = 0.38;
const TENTATIVE_MARGIN = 0.04;
/**
 * A guess must say at least this share of what the asking sentence says: "make my flows go faster on a TPU" is not
 * about listing flows because both say "flows", and a word nothing Orca knows says ("TPU") is most of the question.
 */
const TENTATIVE_COVER = 0.35;
export const TENTATIVE_OPENER = "If I read the question right:";
const TENTATIVE_CHECK =
  "If that is not what you are asking, say what you are trying to do, or the API or error involved.";

/** `margin`: how far ahead of the runner-up the unit must be; null when its lead over the note decides instead. */
function tentativeAnswer(input: PlanInput, margin: number | null = TENTATIVE_MARGIN): Partial<AnswerPlan> | null {
  const [best] = input.matches;
  if (!best || best.confidence < TENTATIVE || (best.askedCover ?? 1) < TENTATIVE_COVER) return null;
  const next = nextConfidence(input.matches, best.unit.id);
  if (margin !== null && best.confidence - next < margin) return null;
  const { lead, details } = unitLead(input, best);
  return {
    mode: "answer",
    lead: `${TENTATIVE_OPENER} ${lead}`,
    details: [...details, TENTATIVE_CHECK],
    sources: sourcesOf(best.unit),
    confidence: best.confidence,
    unit: best.unit.id,
  };
}

/**
 * A setting's own unit says what the setting is, its default and release range; a written unit about the same setting
 * (under any of its names) says how it is used ("the URL must name the async driver"): its answer and details follow.
 */
const COMPANION_DETAILS = 2;

function settingCompanion(input: PlanInput, best: UnitMatch): string[] {
  const name = best.unit.setting;
  if (!name || !input.settings || !input.unitsAbout) return [];
  const record = input.settings.get(name);
  const heir = input.settings.renamedTo(name)?.name;
  const names = [name, ...(record?.aliases ?? []), ...(heir ? [heir] : [])];
  const unit = input.unitsAbout(names)[0];
  if (!unit) return [];
  const { lead, details } = unitLead(
    { ...input, question: { ...input.question, kind: "how-to" } },
    { unit, confidence: best.confidence, exact: [], similarity: best.similarity },
  );
  // The setting's own unit gives the default for the asker's release; a written unit's default may be another
  // release's.
  return [lead, ...details]
    .filter((t) => !words(t).some((w) => w.startsWith("default")))
    .slice(0, 1 + COMPANION_DETAILS);
}

/** Whether a sentence names one of the diagnosed subjects (`.wait()`, "wait"), word for word. */
function namesDiagnosed(sentence: string, diagnosed: readonly string[]): boolean {
  const said = new Set(tokenize(sentence));
  return diagnosed.some((n) => {
    const parts = tokenize(n);
    return parts.length > 0 && parts.every((p) => said.has(p));
  });
}

/** Whether a unit's text writes one of the diagnosed names as a word of its own (`timezone`, not "waiting"). */
function saysDiagnosed(unit: AnswerUnit, diagnosed: readonly string[]): boolean {
  const text = ` ${[unit.answer, ...unit.details].join(" ").toLowerCase()} `;
  return diagnosed.some((n) => containsWord(text, n.toLowerCase()));
}

/**
 * Whether a unit is about one of the diagnosed subjects, compared by the name's last part, or by its class for a
 * member (a unit about `Deployment.build_from_flow` is about the removed `Deployment`).
 */
function aboutDiagnosed(unit: AnswerUnit, diagnosed: readonly string[]): boolean {
  if (diagnosed.length === 0) return false;
  const wanted = new Set(diagnosed.map((n) => n.toLowerCase()));
  return unit.about.some((a) => {
    const parts = a.toLowerCase().split(".");
    const owner = parts.length === 2 && a[0] === a[0]!.toUpperCase() ? parts[0]! : null;
    return wanted.has(bareName(parts.at(-1)!)) || (owner !== null && wanted.has(owner));
  });
}

/**
 * A second setting of the same family (`PREFECT_TASK_DEFAULT_…`) matched nearly as well as the first is part of the
 * answer ("2 retries with a 30s delay").
 */
const SIBLING = 0.8;
const family = (name: string) => name.split("_").slice(1, 3).join("_");

/** The lead for a second setting the question asks about as well, or null. */
function siblingSetting(input: PlanInput, best: UnitMatch): string | null {
  const next = input.matches[1];
  if (!best.unit.setting || !next?.unit.setting || !input.settings) return null;
  if (next.confidence < best.confidence * SIBLING || family(next.unit.setting) !== family(best.unit.setting))
    return null;
  const s = settingAnswer(input.settings, next.unit.setting, input.version.resolved, input.question.kind, true);
  return s ? `Also: ${s.lead}` : null;
}

/**
 * A unit about both things a comparison names (`pause_flow_run` and `suspend_flow_run`) is about the comparison: it
 * answers it better than one line per side from two units, each about one of them.
 */
const askedKind = (text: string) => questionKind({ text, hasCode: false, quotesError: false, namesSetting: false });

function aboutBothSides(unit: AnswerUnit, sides: readonly [string, string]): boolean {
  // A unit about both names that answers another question (when each hook arrived) is not about their difference.
  if (unit.shape !== "compare" && !unit.asks.some((a) => askedKind(a) === "compare")) return false;
  const about = unit.about.map((n) => n.toLowerCase());
  // A method on the asker's own object (`my_flow.serve()`) names the method: its last part.
  const names = (side: string) =>
    (side.toLowerCase().match(/[a-z_][\w.]*/g) ?? []).flatMap((n) => [n, n.slice(n.lastIndexOf(".") + 1)]);
  // A side of one word ("pause or suspend?") names the function it starts (`pause_flow_run`).
  const starts = (side: string, n: string, a: string) => !side.trim().includes(" ") && a.startsWith(`${n}_`);
  const named = sides.every((side) =>
    names(side).some((n) => n.length >= 4 && about.some((a) => a === n || a.endsWith(`.${n}`) || starts(side, n, a))),
  );
  return named || namesWhatSetsSidesApart(unit, sides);
}

/**
 * "tag concurrency limits vs global concurrency limits?" and a unit about "tag limit vs global limit": each side's own
 * words (those the other side lacks: "tag", "global") are among the words the unit is about.
 */
function namesWhatSetsSidesApart(unit: AnswerUnit, sides: readonly [string, string]): boolean {
  const about = new Set(unit.about.flatMap((n) => tokenize(n)));
  const [a, b] = sides.map((side) => new Set(tokenize(side)));
  const own = (x: Set<string>, y: Set<string>) => [...x].filter((t) => !y.has(t));
  return own(a!, b!).some((t) => about.has(t)) && own(b!, a!).some((t) => about.has(t));
}

/**
 * A comparison whose two sides each match a different unit confidently: both units answer it together. When both
 * sides match the same unit, that unit is about the comparison itself and the usual unit path answers.
 */
function comparison(input: PlanInput): { units: AnswerUnit[]; matches: UnitMatch[]; confidence: number } | null {
  const [a, b] = input.sideMatches ?? [];
  if (!a || !b || !input.question.sides) return null;
  if (a.confidence < CONFIDENT || b.confidence < CONFIDENT || a.unit === b.unit) return null;
  return { units: [a.unit, b.unit], matches: [a, b], confidence: Math.min(a.confidence, b.confidence) };
}

const LINK = /https?:\/\/[^\s<>|]+/g;

function linkedUrls(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[0]);
}

/** The passage of the page the question links to, when the index holds it. */
function linkedPage(input: PlanInput): SearchHit | undefined {
  return input.passages.find((p) => linkedUrls(input.question.text).some((u) => sameUrl(u, p.url)));
}

/** The indexed page's own title for a linked page ("Define deployments with YAML"), in italics; null if not indexed. */
function linkedTitle(input: PlanInput): string | null {
  const page = linkedPage(input);
  return page ? `*${page.title}*` : null;
}

/** Two links to one page: the same address without fragment, query or trailing slash. */
const pageOf = (url: string) => url.replace(/[#?].*$/, "").replace(/\/+$/, "");
const sameUrl = (a: string, b: string) => pageOf(a) === pageOf(b);

/**
 * What a message that is only a link is about, read from the link's path: ".../concepts/work-pools" → "work pools".
 * The page's own last path segment names its topic on docs sites, blogs and issue trackers alike.
 */
export function linkTopic(text: string): string | null {
  const url = linkedUrls(text)[0];
  if (!url) return null;
  let segments: string[];
  try {
    // A version segment ("v3") says nothing; a page named by a number (an issue) has no topic in its path.
    segments = new URL(url).pathname.split("/").filter((s) => s !== "" && !/^v\d+$/.test(s));
  } catch {
    return null;
  }
  const last = segments[segments.length - 1]?.replace(/\.(html?|mdx?)$/, "");
  if (!last || last === "index" || /^\d+$/.test(last)) return null;
  const words = decodeURIComponent(last)
    .replace(/[-_+]+/g, " ")
    .trim();
  return words.length >= 3 ? `*${words}*` : null;
}

/** A message of a word or two ("workers", "retries?") names a topic: the reply asks what about it. */
function saidTopic(text: string): string | null {
  const said = text
    .replace(/<[^>]*>|@\w+/g, " ")
    .replace(/[^\p{L}\p{N}_.\s-]/gu, " ")
    .trim();
  const parts = said.split(/\s+/).filter(Boolean);
  return parts.length >= 1 && parts.length <= 2 && said.length >= 3 ? said : null;
}

/** An out-of-range unit matched clearly, far ahead of the asker's range, about a name the release lacks. */
function clearUnnamedTrap(input: PlanInput): boolean {
  const out = input.outside;
  return (
    !!out &&
    (out.missing?.length ?? 0) > 0 &&
    out.confidence >= TRAP_UNNAMED &&
    out.confidence - (input.matches[0]?.confidence ?? 0) >= TRAP_MARGIN &&
    (input.question.kind !== "how-to" || (input.matches[0]?.confidence ?? 0) < IN_RANGE_SURE)
  );
}

/** A version trap on a unit the question names nothing of: matched far ahead, or about the question's words. */
function unnamedTrap(input: PlanInput): boolean {
  // "How do I schedule a served flow daily?" on 2.14: a unit built on a newer name (`Cron`) says how in later releases,
  // not that the release cannot do it; the asker named nothing the release lacks.
  if (input.question.kind === "how-to") return false;
  return clearUnnamedTrap(input) || coveredTrap(input) || existenceTrap(input);
}

/** How well an out-of-range unit must match for "is there …?" to be answered by the release it needs. */
const EXISTENCE_TRAP = 0.6;

/**
 * "Is there a command that copies deployments over?" on 3.4.11: asked whether something exists, the unit that matches
 * best, ahead of every unit in the asker's range, is about a name the release lacks; that it arrives later is the
 * answer.
 */
function existenceTrap(input: PlanInput): boolean {
  const out = input.outside;
  const best = input.matches[0];
  // What the unit is mainly about must be what the release lacks ("`timeout_seconds` on 3.x" is not 2.x lacking
  // timeouts), and a unit in range about a name like it is how the release does it (`start-services` before `start`).
  const main = out && (out.unit.setting ?? out.unit.about[0]);
  if (!out || !main || !out.missing?.includes(main)) return false;
  if (best && (input.unitsNamedLike?.(main) ?? []).some((tier) => tier.some((u) => u.id === best.unit.id)))
    return false;
  // A unit in range about that very name says what the release does without it; one whose answer says "No" to it
  // already says the release lacks it.
  const bare = main.slice(main.lastIndexOf(".") + 1);
  if (best?.unit.about.includes(main)) return false;
  if (best && NO_OPENER.test(best.unit.answer) && best.unit.answer.includes(bare)) return false;
  return (
    input.question.kind === "yes-no" &&
    (!!input.question.asksExistence || !!input.question.asksPossibility) &&
    out.confidence >= EXISTENCE_TRAP &&
    out.confidence > (best?.confidence ?? 0)
  );
}

/**
 * An out-of-range unit about the question's words, where the best unit in range is about other words. (The candidate
 * has passed the facts' check: a name it is about is missing from the release, or it names nothing the facts know.)
 */
function coveredTrap(input: PlanInput): boolean {
  const out = input.outside;
  const inRange = input.legacy.unitCoverage;
  const best = input.matches[0]?.confidence ?? 0;
  // What the unit is mainly about must be what the release lacks: a list of hooks, one of them newer, is no trap.
  const main = out && (out.unit.setting ?? out.unit.about[0]);
  const mainLacking = !!main && (!!out?.missing?.includes(main) || !out?.known?.includes(main));
  return (
    mainLacking &&
    !!out?.coverage?.rarest &&
    out.coverage.share >= TRAP_COVERED.share &&
    out.coverage.share - (inRange?.share ?? 0) >= TRAP_COVERED.margin &&
    // A best unit in range that covers a fair part of the question is about it, if loosely ("which setting controls
    // that?" is covered by any list of settings): only one that covers next to nothing is matched on phrasing alone.
    (inRange?.share ?? 0) <= TRAP_COVERED.inRange &&
    !inRange?.rarest &&
    out.confidence >= TRAP_COVERED.confidence &&
    best - out.confidence <= TRAP_COVERED.behind &&
    best < IN_RANGE_SURE &&
    !coversMessageLess(input)
  );
}

/**
 * Whether an out-of-range unit covers less of the whole message than the best unit in range (less of its weight, or
 * not its rarest word where the unit in range says it): it matched a short asking sentence ("is there a global switch
 * rather than editing every decorator") whose topic the sentence before says ("i have a ton of `print()` calls"), and
 * the unit in range is about that topic. Measured only here, for the few traps that get this far.
 */
function coversMessageLess(input: PlanInput): boolean {
  const best = input.matches[0];
  if (!best || !input.outside || !input.coverage) return false;
  const out = input.coverage(unitText(input.outside.unit), true);
  const inRange = input.coverage(unitText(best.unit), true);
  return (inRange.rarest && !out.rarest) || inRange.share > out.share;
}

/**
 * The question matches a unit clearly, but the unit holds only for other releases: what was asked for needs a newer
 * release, or is gone from the asker's. Said first, with the unit's answer for the releases it holds for.
 */
function versionTrap(
  input: PlanInput,
): Pick<AnswerPlan, "lead" | "details" | "sources" | "confidence" | "unit"> | null {
  const out = input.outside;
  const best = input.matches[0];
  if (!out?.unit.versions) return null;
  // Saying "not in your release" needs a unit about a name the question writes out, matched clearly enough; or one
  // matched far better than anything in the asker's range, about a name the facts say the release lacks.
  const named = out.exact.length > 0 && out.confidence >= CONFIDENT;
  const unnamed = unnamedTrap(input);
  // A setting's unit is bounded by the setting alone: a trap only when the release has it under no name.
  if (out.unit.setting && !out.missing?.includes(out.unit.setting)) return null;
  if (!named && !unnamed) return null;
  // A unit in the asker's range outranks the trap when it matches better and names a written name too: one that
  // only shares words ("configure … file") is about something else than the name the question writes.
  if (best && best.confidence >= out.confidence && (best.exact.length > 0 || best.confidence >= CONFIDENT_OVER_FIXES))
    return null;
  const within = (input.releases ?? []).filter((r) => satisfies(r, out.unit.versions!));
  const first = within[0];
  const last = within[within.length - 1];
  const release = input.version.resolved;
  if (!first || !last) return null;
  const newer = compareVersions(release, first) < 0;
  if (!newer && compareVersions(release, last) <= 0) return null;
  // The unit's main name, when the facts say the release lacks it, is what "this" is.
  const main = out.unit.setting ?? out.unit.about[0];
  const what = main && out.missing?.includes(main) ? `\`${main}\`` : "this";
  // Matched on names the asker wrote that the release has, or that no release's facts know (`TimeoutError`), a unit
  // whose main name is another one the release lacks (`PrefectFutureList.result`) says nothing of what they asked for.
  if (what !== "this" && out.exact.length > 0 && !out.exact.some((e) => out.missing?.includes(e))) return null;
  // How it works where it holds: read at that release (a setting's default then), as a statement, not a yes.
  const { lead, details } = unitLead(
    {
      ...input,
      version: { ...input.version, resolved: newer ? first : last },
      question: { ...input.question, kind: "how-to" },
    },
    out,
  );
  // The name's own arrival, by the facts, when it comes before the unit's range: "needs 3.0" would be false of it.
  const arrival = main ? out.arrives?.[main] : undefined;
  const needs =
    arrival && compareVersions(arrival, first) < 0 && compareVersions(arrival, release) > 0 ? arrival : first;
  // Gone from the asker's release, what replaced it is what they need now: a unit in their range that matches the
  // question well ("how do I pause a schedule now?" after `prefect deployment pause-schedule`) says it.
  const now = !newer && best && best.unit !== out.unit && trusted(best) ? unitLead(input, best).lead : null;
  return {
    lead: newer
      ? `Not in Prefect ${release}: ${what} needs Prefect ${needs} or later.`
      : `Not in Prefect ${release} any more: ${what} applied up to Prefect ${last}.${now ? ` In ${release}: ${now.charAt(0).toLowerCase()}${now.slice(1)}` : ""}`,
    details: [`${newer ? `From ${first}` : `Up to ${last}`}: ${lead}`, ...details],
    sources: sourcesOf(out.unit),
    confidence: out.confidence,
    unit: out.unit.id,
  };
}

/** A unit's text with its slot for the asker's module names filled with the names they wrote, when they wrote any. */
function withAskerNames(text: string, unit: AnswerUnit, modules: readonly string[] = []): string {
  const slot = unit.slots?.modules;
  return slot && modules.length > 0 ? text.split(slot).join(modules.join(",")) : text;
}
