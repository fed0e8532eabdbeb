// The answer pipeline: read → lint → retrieve → compose → verify, timed per step. The offline answer is always
// built (it is cheap) so that a failing or slow model never leaves a question unanswered.
import { satisfies } from "@renovatebot/pep440";
import { LRUCache } from "lru-cache";
import type {
  Answer,
  AnswerBasis,
  AnswerEngine,
  AnswerOptions,
  SearchHit,
  SourceRef,
  Thread,
} from "../../core/index.js";
import { compareVersions, isOrcaError, majorOf, toOrcaError } from "../../core/index.js";
import { describeApi, keywordTakers, type PrefectApiFacts, SettingsFacts, tokenize } from "../../knowledge/index.js";
import {
  type CheckedSnippet,
  checkSnippet,
  diagnosedKeywords,
  diagnosedRaises,
  diagnosedSubjects,
  hasCode,
  ownMethodCalls,
  statedValues,
} from "./code/index.js";
import {
  apiDetails,
  composeOffline,
  type Draft,
  gatherProse,
  logsHint,
  noteWords,
  renderPlan,
} from "./compose/index.js";
import { answerWithModel, type ModelAnswer } from "./llm/index.js";
import {
  type AnswerPlan,
  availabilityLead,
  CONFIDENT_OVER_FIXES,
  changeLeadFor,
  type ErrorFact,
  explainErrors,
  flagLead,
  type OutsideMatch,
  type PartMatches,
  paramDefaultLead,
  paramPresenceLead,
  planAnswer,
  pythonSupportLead,
  upgradeChecklistLead,
  withChangeLead,
} from "./plan/index.js";
import { type AnswerDeps, type AnswerLimits, DEFAULT_LIMITS } from "./ports.js";
import {
  type ApiFinding,
  codeNames,
  findAskedApis,
  hintsFor,
  notePassages,
  type Retrieved,
  retrieve,
  type UnitMatch,
  unitText,
} from "./retrieve/index.js";
import { StepTimer } from "./step-timer.js";
import { type NamedTopic, topicsOfThreadErrors } from "./topics/index.js";
import {
  bareName,
  commandsWritten,
  isCliName,
  looksPrefectRelated,
  plainQuestion,
  type Question,
  readFocus,
  readThread,
  type ThreadReading,
  understand,
  withoutAvoided,
  withoutLogLines,
  words,
} from "./understand/index.js";
import { enforce, verifyDraft, withReleaseSettingNames } from "./verify/index.js";

const NOTHING_RETRIEVED: Retrieved = { query: "", docs: [], docPassages: [], conversations: [] };
const NO_SETTINGS = new SettingsFacts([]);
/** How many units a question's answer is chosen from. */
const TOP_MATCHES = 3;
/** How many units the whole message is matched against when its parts are answered apart. */
const WIDE_MATCHES = 12;

/** Questions answered by a fixed, polite reply: nothing asked, only emoji, or not about Prefect. */
function isScoped(reading: ThreadReading, apis: ApiFinding[]): boolean {
  return reading.shape !== "text" || (reading.offTopic && apis.length === 0);
}

function fallbackNote(error: unknown): string {
  const e = toOrcaError(error);
  const why = e.code === "provider_timeout" || e.code === "timeout" ? "did not answer in time" : "was unavailable";
  return `The language model ${why}, so Orca answered offline.`;
}

/** What steps 1–3 found, shared by both composers. */
interface Findings {
  reading: ThreadReading;
  question: Question;
  /** Answer units that match the question, best first. */
  matches: UnitMatch[];
  /** For a comparison: the best unit for each side, when any. */
  sideMatches: (UnitMatch | null)[] | null;
  /** For a message that asks several things: each part, with the units that match it alone. */
  partMatches: PartMatches[] | null;
  apis: ApiFinding[];
  checked: CheckedSnippet[];
  errorTopics: NamedTopic[];
  errorFacts: ErrorFact[];
  retrieved: Retrieved;
  scoped: boolean;
}

export function createAnswerEngine(deps: AnswerDeps): AnswerEngine {
  const limits: AnswerLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.logger;

  async function safeRetrieve(
    f: Omit<Findings, "retrieved">,
    notes: string[],
    signal?: AbortSignal,
  ): Promise<Retrieved> {
    try {
      return await retrieve(
        deps.retriever,
        {
          question: f.reading.question,
          code: f.checked.map((c) => c.code),
          explanations: f.checked.flatMap((c) => c.explanations),
          apiNames: f.apis.map((a) => a.fq ?? a.asked),
          major: f.reading.version.major,
          expansions: hintsFor(f.question, f.matches).expansions,
        },
        signal,
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      log?.warn({ err: toOrcaError(error).message }, "retrieval failed; answering without passages");
      notes.push("Search was unavailable, so this answer cites no passages.");
      return NOTHING_RETRIEVED;
    }
  }

  async function find(thread: Thread, timer: StepTimer, notes: string[], signal?: AbortSignal): Promise<Findings> {
    const read = await timer.run("read", () => readThread(thread, deps.reader, limits));
    // The typed question; its version statement ("prefect<3", "latest") corrects the detected version.
    const understood = understand(read, {
      facts: deps.facts,
      settings: deps.settings ?? NO_SETTINGS,
      ...(deps.glossary ? { glossary: deps.glossary } : {}),
    });
    const question = understood.question;
    // A nudge ("any idea?") is answered as the earlier question it points at.
    const earlier = question.fromEarlierMessage && looksPrefectRelated(question.text);
    const reading: ThreadReading = {
      ...read,
      version: understood.version,
      ...(earlier ? { question: question.text, prose: question.text, offTopic: false } : {}),
      // A question in another language is judged on its glossed English words ("tareas programadas" → scheduled tasks).
      ...(question.language !== null && looksPrefectRelated(question.text) ? { offTopic: false } : {}),
      // So is one whose focus is a Prefect API by the facts, in words no fixed list of topics knows ("@materialize").
      ...(question.focus.apis.length > 0 ? { offTopic: false } : {}),
    };
    const { resolved, major } = reading.version;
    // Logger and module names in pasted log records are not what the asker asks about, nor a name they want to do
    // without ("rather not add `persist_result` to each task"), nor the exception
    // class of a quoted error (the error is explained as a whole).
    const found = await timer.run("read", () =>
      reading.shape === "text"
        ? findAskedApis(withoutAvoided(withoutLogLines(reading.prose)), deps.facts, resolved)
        : [],
    );
    const errorClass = (e: string) => e.slice(0, e.indexOf(":")).split(".").pop();
    // An exception named in prose ("fails with MissingResult") is an error to explain, not an API to look up.
    const isException = (a: ApiFinding) =>
      deps.facts.locate(a.asked.split(".").pop()!, resolved).some((fq) => fq.startsWith("prefect.exceptions."));
    const apis = found.filter(
      (a) => !question.focus.errors.some((e) => errorClass(e) === a.asked.split(".").pop()) && !isException(a),
    );
    const scoped = isScoped(reading, apis);
    const checked: CheckedSnippet[] = [];
    await timer.run("lint", async () => {
      if (scoped) return;
      // What the asker says about one of the code's names ("weights is a list of 5 floats") is checked against the code.
      const spoken = [...new Set(words(reading.prose).flatMap((w) => w.split(".")))];
      for (const [i, review] of reading.code.entries()) {
        const result = await checkSnippet(review, i, deps, { resolved, major }, spoken);
        // A statement written inline in the prose ("`flow.serve()` vs `flow.deploy()`?") that checks clean is a name
        // the question mentions, not code to review: the question is answered as asked, with no "code checks clean".
        if (review.snippet.inline && result.explanations.length === 0 && result.diagnoses.length === 0) continue;
        checked.push(result);
      }
    });
    const errorTopics = scoped ? [] : topicsOfThreadErrors(reading.text, reading.question, resolved);
    const errorFacts = scoped ? [] : explainErrors(reading.text, deps.facts, resolved);
    // A move to the other major line the asker plans ("planning our move to prefect 3, what happens to our
    // build_from_flow script?") asks about that line too: its units answer as well, at its newest release.
    // A message that asks several things is matched wider once: its parts' units are looked up among these.
    const wide =
      scoped || !deps.units
        ? []
        : await timer.run("retrieve", () =>
            deps.units!.match(
              question,
              resolved,
              question.parts ? WIDE_MATCHES : TOP_MATCHES,
              false,
              // The methods the code calls on its own tasks and flows (`send_welcome.delay(...)`: `Task.delay`) name
              // Prefect APIs as much as those it writes out.
              checked.map((c) => [c.code, ...ownMethodCalls(c.code)].join("\n")).join("\n"),
              question.upgradeTo?.release,
            ),
          );
    const matches = wide.slice(0, TOP_MATCHES);
    // Why a unit was or was not chosen is the first thing to ask of a wrong answer: the candidates, at debug level.
    log?.debug(
      {
        kind: question.kind,
        asking: question.asking,
        said: question.version?.said,
        units: matches.map((m) => ({ id: m.unit.id, confidence: Number(m.confidence.toFixed(3)), exact: m.exact })),
      },
      "unit candidates",
    );
    // A comparison's sides are matched one by one, so that each can be answered (one unit rarely covers both).
    const sideMatches =
      scoped || !deps.units || !question.sides
        ? null
        : question.sides.map((side) => {
            const focus = readFocus(side, side, deps.facts, deps.settings ?? NO_SETTINGS, resolved);
            return deps.units!.match(plainQuestion(side, { kind: "compare", focus }), resolved, 1)[0] ?? null;
          });
    // So is each part of a message that asks several things: one unit rarely answers them all.
    const partMatches =
      scoped || !deps.units || !question.parts ? null : partsWithWhole(question.parts, resolved, wide);
    if (partMatches)
      log?.debug(
        {
          parts: partMatches.map((p) => ({
            asking: p.question.asking,
            units: p.matches.map((m) => ({ id: m.unit.id, confidence: Number(m.confidence.toFixed(3)) })),
            whole: Number((p.whole ?? 0).toFixed(3)),
          })),
        },
        "part candidates",
      );
    const partial = {
      reading,
      question,
      matches,
      sideMatches,
      partMatches,
      apis,
      checked,
      errorTopics,
      errorFacts,
      scoped,
    };
    const retrieved = scoped
      ? NOTHING_RETRIEVED
      : await timer.run("retrieve", () => safeRetrieve(partial, notes, signal));
    return { ...partial, retrieved };
  }

  async function composeOfflineDraft(
    f: Findings,
    timer: StepTimer,
  ): Promise<Draft & { substantive: boolean; noteText: string | null }> {
    // A question without code is answered from the best curated note, else from the best passage's document.
    const conceptual = !f.scoped && (f.checked.length === 0 || f.errorFacts.length > 0);
    // Code that checks clean still has a question behind it (an error, a goal): the notes may answer it.
    // So does code Orca could not fix, or whose fix leaves nothing to show (a lone import of a removed name).
    const cleanCode =
      !f.scoped &&
      f.errorTopics.length === 0 &&
      f.checked.length > 0 &&
      f.checked.some((c) => c.explanations.length === 0 || c.remaining.length > 0 || !hasCode(c.corrected));
    const { major, resolved } = f.reading.version;
    const prose =
      conceptual || cleanCode
        ? await timer.run("compose", () =>
            gatherProse(deps, {
              question: [f.reading.prose, f.reading.commands].filter(Boolean).join("\n"),
              // The names the checked code uses say what it is about as much as the question's words do.
              apiNames: [...f.apis.map((a) => a.asked), ...f.checked.flatMap((c) => codeNames(c.code))].filter(
                (n) => n.length > 3,
              ),
              major,
              release: resolved,
              retrieved: f.retrieved.docs,
              errorSubjects: f.question.focus.errorSubjects ?? [],
              hints: hintsFor(f.question, f.matches),
              values: statedValues(f.question.values),
            }).catch(() => null),
          )
        : null;
    const best = f.retrieved.docs[0] ?? f.retrieved.conversations[0];
    const passages: SearchHit[] =
      conceptual && f.errorTopics.length === 0 && !prose && f.apis.length === 0 && best
        ? await timer.run("retrieve", () => notePassages(deps.retriever, best, f.retrieved, major).catch(() => []))
        : [];
    const composed = await timer.run("compose", () => composeOffline({ ...f, notePassages: passages, prose }));
    // Substance: anything beyond a summary of the best passage (the case where Orca should rather abstain).
    const substantive =
      !conceptual || prose !== null || f.apis.length > 0 || f.errorTopics.length > 0 || f.errorFacts.length > 0;
    // A draft that stands on a note alone is checked for being about the question by the plan.
    const noteOnly =
      prose !== null &&
      f.checked.length === 0 &&
      f.apis.length === 0 &&
      f.errorTopics.length === 0 &&
      f.errorFacts.length === 0;
    const noteText = noteOnly ? noteWords(prose.note) : null;
    const release = f.reading.version.resolved;
    const draft = { ...composed, markdown: inRelease(composed.markdown, release), substantive, noteText };
    return timer.run("verify", async () => {
      const result = await verifyDraft(draft.markdown, deps, release);
      return result.ok ? draft : { ...draft, markdown: enforce(draft.markdown, result, release, "flag") };
    });
  }

  /** Settings in quoted code under the name the asker's release knows them by. */
  const inRelease = (markdown: string, release: string) =>
    deps.settings ? withReleaseSettingNames(markdown, deps.settings, release) : markdown;

  /**
   * Whether a release after `release` satisfies a unit's range: a PEP 440 check per later release (hundreds), and the
   * same few ranges and releases come up question after question, so the answer is remembered.
   */
  const laterReleases = new LRUCache<string, boolean>({ max: 5_000 });
  function laterReleaseIn(release: string, versions: string): boolean {
    const key = `${release}\u0000${versions}`;
    let later = laterReleases.get(key);
    if (later === undefined) {
      const at = deps.facts.releases.indexOf(release);
      later = deps.facts.releases.slice(at + 1).some((r) => satisfies(r, versions));
      laterReleases.set(key, later);
    }
    return later;
  }

  /**
   * Each part of a message that asks several things with the units that match it alone, and how surely the best of
   * them matches the whole message: a short part ("can i change it without touching code?") matches units on a
   * few everyday words, and one the message as a whole does not call for is about something else.
   */
  function partsWithWhole(parts: readonly Question[], release: string, wide: readonly UnitMatch[]): PartMatches[] {
    return parts.map((part) => {
      const matches = deps.units!.match(part, release, TOP_MATCHES);
      const top = matches[0];
      // A part that points back ("… and which ones need extra packages") asks about the part before it: a unit that
      // does not say that part's most specific word answers the part's own few words about something else.
      const aboutEarlier =
        !top ||
        part.leansOn === undefined ||
        deps.units!.coverage({ ...part, asking: part.leansOn }, unitText(top.unit)).rarest;
      const whole = top && aboutEarlier ? (wide.find((m) => m.unit.id === top.unit.id)?.confidence ?? 0) : 0;
      return { question: part, matches, whole };
    });
  }

  /** The out-of-range unit that may say "not in your release", unless a name it is matched on exists there. */
  function trapCandidate(question: Question, release: string): OutsideMatch | null {
    const out = deps.units?.match(question, release, 1, true)[0];
    log?.debug(
      out ? { unit: out.unit.id, confidence: Number(out.confidence.toFixed(3)), exact: out.exact } : {},
      "trap candidate",
    );
    if (!out) return null;
    // `prefect flow-run retry <id>` is looked up as its command ("flow-run retry"), or its root command ("deploy").
    const api = deps.facts as Partial<PrefectApiFacts>;
    const commandExists = (name: string) => {
      const words = name.split(/\s+/).slice(1);
      const key = (n: number) => words.slice(0, n).join(" ");
      return (
        api.commandHistory?.(key(2), release)?.present === true ||
        api.commandHistory?.(key(1), release)?.present === true ||
        api.cliCommand?.(words.slice(0, 2), release) !== undefined
      );
    };
    // A flag the unit is about (`--workers`) is one of its commands' options: known when one of them has ever taken
    // it, there when one takes it in the release.
    const isFlag = (name: string) => name.startsWith("--");
    const histories = out.unit.about
      .filter(isCliName)
      .map((c) => api.commandHistory?.(c.split(" ").slice(1).join(" "), release))
      .filter((h) => h !== undefined);
    const flagKnown = (flag: string) => histories.some((h) => h.optionRanges[flag] !== undefined);
    const flagThere = (flag: string) => histories.some((h) => h.options.includes(flag));
    // A bare keyword name (`asset_deps`, `on_completion`) is a parameter some callable takes in the releases it does.
    const takers = (name: string) => keywordTakers(deps.facts, name);
    const taken = (name: string) =>
      takers(name).some((fq) =>
        (api.paramRanges?.(fq, name) ?? []).some(
          ([first, last]) => compareVersions(first, release) <= 0 && compareVersions(release, last) <= 0,
        ),
      );
    // What the facts say of a name at the release (`wait()` read as `wait`): asked of the same few names by each check
    // below, so looked up once.
    const described = new Map<string, ReturnType<typeof describeApi>>();
    const describe = (name: string) => {
      let d = described.get(name);
      if (!d) {
        d = describeApi(deps.facts, bareName(name), release, { details: false });
        described.set(name, d);
      }
      return d;
    };
    // A setting exists in a release under its own name or a former or later one that still sets it.
    const exists = (name: string) =>
      isFlag(name)
        ? flagThere(name)
        : name.startsWith("PREFECT_")
          ? (deps.settings?.counterpartAt(name, release) ?? null) !== null
          : isCliName(name)
            ? commandExists(name)
            : deps.facts.locate(bareName(name).split(".").pop()!, release).length > 0 ||
              taken(name) ||
              // A method (`State.result`) is no top-level name: the facts say whether its class has it in the release.
              (name.includes(".") && describe(name).status === "present");
    // Only a name Prefect has had in some release can be missing from this one: a file name ("prefect.yaml") or a
    // concept the unit is about says nothing about the asker's release.
    const known = (name: string) =>
      isFlag(name)
        ? flagKnown(name)
        : name.startsWith("PREFECT_")
          ? deps.settings?.get(name) !== undefined
          : isCliName(name) ||
            takers(name).length > 0 ||
            (/^[\w.]+$/.test(bareName(name)) && describe(name).status !== "unknown");
    // A unit for a later release may still stand on a file or concept it introduces ("prefect.toml" from 3.1).
    const notYet = () => out.unit.versions !== undefined && laterReleaseIn(release, out.unit.versions);
    // A unit whose every known name the release has is bounded by something else (a default that changed, a
    // behaviour): "needs a later release" would be false about the names the asker can already use. Unless the
    // question names what the unit introduces that no facts know (a file: "prefect.toml").
    const knownAbout = [...new Set([...out.unit.about, ...(out.unit.setting ? [out.unit.setting] : [])])].filter(known);
    const missing = knownAbout.filter((n) => !exists(n));
    // A name other units holding for the release are about is no newcomer there ("prefect.yaml" on 2.10.6, where a
    // comparison unit from 2.14 is bounded by `flow.deploy`).
    const introduced =
      out.exact.some((n) => !known(n) && deps.units!.unitsAbout([n], release).length === 0) && notYet();
    log?.debug({ missing }, "trap names missing from the release");
    if (knownAbout.length > 0 && missing.length === 0 && !introduced) return null;
    // Only a plain word missing ("analytics", the last part of some later module's name) while a name of the unit's
    // own that says more (a setting, a dotted or snake-case API, a command) is in the release: the release has what
    // the unit is about under that name ("phones home?" on 2.20.10 has `PREFECT_SERVER_ANALYTICS_ENABLED`).
    const plainWord = (n: string) => !isCliName(n) && [...n].every((c) => c >= "a" && c <= "z");
    if (missing.length > 0 && missing.every(plainWord) && knownAbout.some((n) => !plainWord(n) && exists(n)))
      return null;
    // A command the asker names is no veto when what the release lacks is a flag of it (`--workers` on
    // `prefect server start` before 3.4.20).
    const flagMissing = missing.some(isFlag);
    const vetoes = (name: string) => exists(name) && !(flagMissing && isCliName(name));
    if (out.exact.some(vetoes) || !(out.exact.some(known) || notYet())) return null;
    // When a missing API arrives, by the facts: the unit's range may start later (a 3.x unit about a 2.6 name).
    const arrives: Record<string, string> = {};
    for (const name of missing) {
      if (name.startsWith("PREFECT_") || isCliName(name)) continue;
      const d = describe(name);
      if (d.status === "not-yet" && d.firstRelease) arrives[name] = d.firstRelease;
    }
    return {
      ...out,
      missing,
      known: knownAbout,
      arrives,
      coverage: deps.units?.coverage(question, unitText(out.unit)) ?? null,
    };
  }

  /** Steps 4–5 of the unit path: match units, lint the best one's example, plan, render, verify. */
  async function planned(
    f: Findings,
    draft: Draft & { substantive: boolean; noteText: string | null },
    timer: StepTimer,
  ): Promise<{ plan: AnswerPlan; markdown: string; sources: SourceRef[] } | null> {
    if (f.scoped || !deps.units) return null;
    const first = await plannedWith(f, f.matches, draft, timer);
    // A unit whose direct answer the verifier finds false for the release (its range is wrong, or it says more than
    // the facts allow) must not leave a reply with its lead cut out: the next unit gets the question instead, if it
    // matches clearly; else the notes' draft answers (or Orca abstains).
    if (!first?.leadFalse || !first.plan.unit) return first;
    log?.warn({ unit: first.plan.unit }, "unit lead failed verification");
    const rest = f.matches.filter((m) => m.unit.id !== first.plan.unit && m.confidence >= CONFIDENT_OVER_FIXES);
    const second = rest.length > 0 ? await plannedWith(f, rest, draft, timer) : null;
    return second && !second.leadFalse ? second : null;
  }

  /**
   * A keyword the asker's release no longer takes (`reschedule=` on 3.x's `pause_flow_run`) is what one of the fixes is
   * about, and dropping it is rarely the whole fix: the one written unit about that keyword for the release says what
   * to do instead. When no unit answers the question clearly ("anything wrong here?"), it goes first, trusted as an
   * exact name match, so it explains the fix; a question some unit answers clearly keeps that answer.
   */
  function withUnitForFix(matches: UnitMatch[], checked: readonly CheckedSnippet[], release: string): UnitMatch[] {
    const keywords = diagnosedKeywords(checked);
    if (keywords.length === 0 || !deps.units || (matches[0]?.confidence ?? 0) >= CONFIDENT_OVER_FIXES) return matches;
    const about = deps.units.unitsAbout(keywords, release);
    if (about.length !== 1) return matches;
    const unit = about[0]!;
    const exact = unit.about.filter((n) => keywords.includes(n.toLowerCase()));
    const fix: UnitMatch = { unit, confidence: CONFIDENT_OVER_FIXES, similarity: 0, exact };
    return [fix, ...matches.filter((m) => m.unit.id !== unit.id)];
  }

  async function plannedWith(
    f: Findings,
    matches: UnitMatch[],
    draft: Draft & { substantive: boolean; noteText: string | null },
    timer: StepTimer,
  ): Promise<{ plan: AnswerPlan; markdown: string; sources: SourceRef[]; leadFalse: boolean } | null> {
    if (!deps.units) return null;
    const release = f.reading.version.resolved;
    matches = withUnitForFix(matches, f.checked, release);
    const example = matches[0]?.unit.example;
    const exampleClean =
      example?.language !== "python" ||
      (await timer.run("lint", async () => (await deps.linter.lint(example.code, release)).diagnoses.length === 0));
    const problems = f.checked.some((c) => c.explanations.length > 0);
    // The APIs the asking sentence names are what the question is about; one named only in the context ("some big
    // read_flow_runs calls time out") does not make the API facts the answer.
    // A short asking sentence ("?") leans on the whole message, as in unit matching.
    const { asking, text } = f.question;
    const about = (tokenize(asking).length >= 3 ? asking : text).toLowerCase();
    const asked = f.apis.filter((a) => about.includes(a.asked.toLowerCase()));
    const plan = planAnswer({
      question: f.question,
      version: f.reading.version,
      matches,
      sideMatches: f.sideMatches,
      parts: f.partMatches,
      // Only looked for when nothing in the asker's range answers well (the best-ranked unit need not be the most
      // confident one): a version trap, not a second opinion.
      outside:
        Math.max(0, ...matches.map((m) => m.confidence)) < CONFIDENT_OVER_FIXES
          ? trapCandidate(f.question, release)
          : null,
      releases: deps.facts.releases,
      legacy: {
        markdown: draft.markdown,
        sources: draft.sources,
        substantive: draft.substantive,
        fixes: problems,
        diagnosed: diagnosedSubjects(f.checked),
        raises: diagnosedRaises(f.checked),
        hasCode: f.checked.length > 0,
        apiFacts: asked.length === 0 ? "none" : asked.every((a) => a.status === "present") ? "present" : "version",
        foreignCode: f.reading.foreignLanguage !== null,
        explainsError: f.errorTopics.length > 0 || f.errorFacts.length > 0,
        noteCoverage: draft.noteText ? deps.units.coverage(f.question, draft.noteText) : null,
        unitCoverage: matches[0] ? deps.units.coverage(f.question, unitText(matches[0].unit)) : null,
      },
      passages: [...f.retrieved.docs.slice(0, 2), ...f.retrieved.conversations.slice(0, 1)],
      coverage: (text, whole) => deps.units!.coverage(f.question, text, whole),
      exampleClean,
      ...(deps.settings ? { settings: deps.settings } : {}),
      hooks: [
        ...(deps.leadHooks ?? []),
        (question, version) => paramDefaultLead(question, version.resolved, deps.facts, deps.settings),
        (question, version) => paramPresenceLead(question, version.resolved, deps.facts),
        (question, version) => availabilityLead(question, version.resolved, deps.facts),
        (question, version) => upgradeChecklistLead(question, version.resolved, deps.facts),
        (question, version) => flagLead(question, version.resolved, deps.facts),
        (question, version) => pythonSupportLead(question, version.resolved),
      ],
      thin: f.question.thin,
      askerModules: deps.units.askerModules(f.question),
      unitsAbout: (names) => deps.units!.unitsAbout(names, release),
      unitsAboutAt: (names, at) => deps.units!.unitsAbout(names, at),
      unitsNamedLike: (name) => deps.units!.unitsNamedLike(name, release),
      logsHint: logsHint(f.reading, f.question),
      apiLines: f.apis.map(apiDetails),
      commandOfOtherLine: (text) =>
        commandsWritten(text, deps.facts, release).some((c) => majorOf(c.last) < majorOf(release)),
    });
    if (plan.mode === "legacy" && !f.question.language) return null;
    const markdown = inRelease(
      renderPlan(plan, {
        version: f.reading.version,
        legacyMarkdown: draft.markdown,
        notes: f.reading.notes,
        language: f.question.language,
      }),
      release,
    );
    const result = await timer.run("verify", () => verifyDraft(markdown, deps, release));
    const leadEnd = markdown.indexOf("\n\n");
    const leadFalse =
      plan.mode === "answer" && (result.claims?.falseSentences ?? []).some((s) => leadEnd < 0 || s.start < leadEnd);
    return {
      plan,
      markdown: result.ok ? markdown : enforce(markdown, result, release, "flag"),
      sources: plan.mode === "legacy" ? draft.sources : plan.sources,
      leadFalse,
    };
  }

  async function tryModel(f: Findings, timer: StepTimer, signal?: AbortSignal): Promise<ModelAnswer | Error> {
    try {
      return await timer.run("llm", () => answerWithModel(deps.chat!, deps, limits, { ...f, signal }));
    } catch (error) {
      if (signal?.aborted) throw toOrcaError(error);
      if (isOrcaError(error))
        log?.warn({ code: error.code, err: error.message }, "LLM answer failed; answering offline");
      else log?.error({ err: toOrcaError(error).message }, "LLM answer failed");
      return toOrcaError(error);
    }
  }

  return {
    async answer(thread: Thread, options: AnswerOptions = {}): Promise<Answer> {
      const timer = new StepTimer();
      const notes: string[] = [];
      const f = await find(thread, timer, notes, options.signal);
      const legacy = await composeOfflineDraft(f, timer);
      const unitPath = await planned(f, legacy, timer);
      const draft = unitPath ? { ...legacy, markdown: unitPath.markdown, sources: unitPath.sources } : legacy;
      const base = {
        diagnoses: f.checked.flatMap((c) => c.diagnoses),
        version: f.reading.version,
      };
      let answer: Omit<Answer, "timings" | "notes" | keyof typeof base> = {
        // Release-notes hook (one place): a strong "fixed in / added in" match leads the offline answer.
        // A direct answer from an answer unit already leads; a release note does not push it down.
        markdown:
          unitPath?.plan.mode === "answer" ? draft.markdown : withChangeLead(draft.markdown, changeLeadFor(deps, f)),
        sources: draft.sources,
        correctedCode: draft.correctedCode,
        mode: "offline",
        basis: basisOf(unitPath?.plan ?? null, f),
        unit: unitPath?.plan.unit ? { id: unitPath.plan.unit, confidence: unitPath.plan.confidence } : null,
      };
      if (deps.chat && !f.scoped) {
        const llm = await tryModel(f, timer, options.signal);
        if (llm instanceof Error) {
          const note = fallbackNote(llm);
          notes.push(note);
          answer = { ...answer, markdown: `${answer.markdown}\n\n_${note}_` };
        } else {
          notes.push(...llm.notes);
          answer = {
            markdown: llm.markdown,
            sources: llm.sources,
            correctedCode: llm.correctedCode ?? draft.correctedCode,
            mode: "llm",
            basis: "model",
          };
        }
      }
      return { ...answer, ...base, timings: timer.finish(), notes: [...f.reading.notes, ...notes] };
    },
  };
}

function basisOf(plan: AnswerPlan | null, f: Findings): AnswerBasis {
  switch (plan?.mode) {
    case "answer":
      return plan.unit ? "unit" : plan.leadBasis === "facts" ? "facts" : "release-note";
    case "abstain":
      return "abstain";
    case "need-more":
      return "need-more";
    default:
      return f.checked.length > 0 || f.errorTopics.length > 0 || f.errorFacts.length > 0 ? "checked-code" : "notes";
  }
}
