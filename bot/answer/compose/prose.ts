// The prose answer to a conceptual or "how do I" question: the best-matching curated note, the sentences of it
// that answer the question (from the sections for the asker's Prefect major), and its most relevant example,
// included only when it lints clean for the asker's release.
import { escapeRegExp, type PrefectMajor, type SearchHit } from "../../../core/index.js";
import type { QuestionKind } from "../../../knowledge/index.js";
import {
  type NoteCode,
  type NoteLibrary,
  type NoteSection,
  type PackNote,
  tokenize,
} from "../../../knowledge/index.js";
import { adaptExample, type StatedValue, statedValuesSentence } from "../code/index.js";
import type { SnippetLinter } from "../ports.js";
import { clip, type Unit, units } from "../retrieve/index.js";
import {
  errorSubjectWords,
  GENERIC_NAMES,
  namesErrorSubject,
  questionTerms,
  withoutVersions,
} from "../understand/index.js";

export interface ProseAnswer {
  note: PackNote;
  /** The direct answer: one or two sentences. */
  lead: string;
  /** Further sentences or bullets that bear on the question, in note order. */
  points: string[];
  example: { language: string; code: string } | null;
}

/**
 * What the question's matching answer units say about it: search words for its everyday phrasing (their `about`
 * names), the words the answering sentence should hold (the best unit's key names, first one strongest), and the
 * kind of answer wanted. The vocabulary lives in the units, not here.
 */
export interface Hints {
  expansions: string[];
  cues: string[];
  kind: QuestionKind | null;
  /** Opens with "what" ("what is X", "what's the default"): a definition answers it. */
  asksWhat: boolean;
}

export const NO_HINTS: Hints = { expansions: [], cues: [], kind: null, asksWhat: false };

export interface ProseInput {
  hints?: Hints;
  /** The asker's own values for the example's literal slots. */
  values?: StatedValue[];
  question: string;
  apiNames: string[];
  major: PrefectMajor;
  release: string;
  /** Docs passages the index returned for the question: a note that the index also ranks high is preferred. */
  retrieved: SearchHit[];
  /** The names a pasted error quotes ("cannot import name 'Cron'"): a note that names none of them explains another. */
  errorSubjects?: string[];
}

/** Below this share of the question's weighted terms, a note is not about the question. */
const MIN_COVERAGE = 0.34;
const MAX_POINTS = 3;
const MAX_GROUP_ROWS = 12;
const MAX_EXAMPLE_LINES = 45;
const ABOUT_VERSIONS =
  /\b(?:since|removed|deprecated|added|introduced|renamed|upgrad\w*|migrat\w*|still (?:work|exist|use)\w*)\b/i;
const DANGLING =
  /^(?:[Ii]ts?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Tt]hey|[Tt]hem|[Ss]o|[Tt]hen|[Aa]lso|[Hh]ere|[Uu]se it|[Ss]ame|However|But|And|Instead|Otherwise|Besides|Finally|Next|Likewise|Similarly|Thus|Hence|Therefore|Meanwhile|Again|Still|Plus|Or)\b|^[a-z]/;
/** A sentence about older releases answers "what changed", not "how do I". */
const OLDER =
  /\b(?:before|older than|earlier than|prior to|up to|until)\s+(?:\d|[Pp]refect \d|the \d|releases?|versions?)|\bon (?:older|earlier) (?:releases|versions|3\.x|2\.x)\b|^(?:In|On) (?:2|3)\.\d/;
/** "How do I …": the sentence that names the thing to do (code or an imperative) answers it. */
const ACTION = /`[^`]+`|^(?:To |Use |Set |Pass |Call |Give |Add |Run |Wrap |Put |Create |Import |Define |Start )/;
/** "Why …": the sentence that gives the cause answers it. */
const CAUSE = /^(?:Why|Cause|Because)\b|\bbecause\b|\bcaused by\b|\bthe reason\b/i;

interface Scored {
  text: string;
  order: number;
  score: number;
  table?: string;
  list?: string;
  /** From a section about one major: version differences rather than the topic itself. */
  delta?: boolean;
}

const sum = (rows: Scored[]) => rows.reduce((total, r) => total + r.score, 0);

/** Picks the note: the note search's order, nudged by agreement with the main index's ranking. */
export function pickNote(
  notes: NoteLibrary,
  query: string,
  major: PrefectMajor,
  retrieved: SearchHit[],
  question = query,
  pairs: string[] = [],
  asked: { names: string[]; text: string; subjects?: string[] } = { names: [], text: "" },
): PackNote | null {
  const subjects = errorSubjectWords(asked.subjects ?? []);
  const all = notes
    .match(query, { major, k: 8, coverageOf: knownWords(notes, question), titleTerms: pairs })
    .filter((m) => subjects.length === 0 || namesErrorSubject(subjects, noteVocabulary(m.note)));
  // A note that lists a name the asker uses (`Variable`, `as_completed`) among its topics is about the question even
  // when the question's other words are vague.
  const named = (n: PackNote) => topicHits(n, asked.names, asked.text);
  const matches = all.filter((m) => m.coverage >= MIN_COVERAGE || named(m.note) > 0).slice(0, 6);
  const top = Math.max(...matches.map((m) => m.score), 0);
  if (top <= 0) return null;
  const rankInIndex = (n: PackNote) => retrieved.slice(0, 6).findIndex((h) => h.title === n.title);
  const scored = matches.map((m) => {
    const r = rankInIndex(m.note);
    const agreement = r >= 0 ? 0.35 * (1 - r / 6) : 0;
    const score = m.score / top + m.coverage * 0.5 + m.titleCoverage * 0.5 + agreement + 0.5 * named(m.note);
    return { note: m.note, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.note ?? null;
}

/**
 * How many of the names (at most two count) a note lists among its topics, whole or as a part of a dotted topic, plus
 * its multi-word topics written out in the question.
 */
export function topicHits(note: PackNote, names: string[], question = ""): number {
  const topics = new Set(
    note.topics.flatMap((t) => {
      const lower = t.toLowerCase().replace(/`/g, "");
      return [lower, lower.split(".")[0]!, lower.split(".").pop()!];
    }),
  );
  const hits = new Set(
    names.map((n) => n.toLowerCase()).filter((n) => n.length > 3 && !GENERIC_NAMES.has(n) && topics.has(n)),
  );
  // A topic of several words written out in the question ("prefect deployment build") names the note as well.
  const lower = question.toLowerCase();
  // So does a dotted or hyphenated one ("prefect.yaml", "prefect-dask"), which no everyday word spells by chance.
  for (const t of note.topics)
    if (/[\s.-]/.test(t.trim()) && t.length > 8 && lower.includes(t.toLowerCase())) hits.add(t);
  return Math.min(2, hits.size);
}

const vocabularies = new WeakMap<NoteLibrary, Set<string>>();
const noteVocabularies = new WeakMap<PackNote, Set<string>>();

/** Every word a note says (title, topics, prose, code), read once per note. */
function noteVocabulary(note: PackNote): Set<string> {
  let vocabulary = noteVocabularies.get(note);
  if (!vocabulary) {
    vocabulary = new Set(tokenize(noteWords(note)));
    noteVocabularies.set(note, vocabulary);
  }
  return vocabulary;
}

/** A note's words as one text: its title, topics, headings, prose and code. */
export function noteWords(n: PackNote): string {
  return [
    n.title,
    n.topics.join(" "),
    ...n.sections.map((s) => `${s.heading.join(" ")} ${s.prose} ${s.code.map((c) => c.code).join(" ")}`),
  ].join(" ");
}

/**
 * The words of a question that some note uses. Words no note knows ("VM", "flaky", "a year") cannot tell notes apart,
 * yet they would count against every note's coverage; they are left out of it.
 */
export function knownWords(notes: NoteLibrary, text: string): string {
  let vocabulary = vocabularies.get(notes);
  if (!vocabulary) {
    vocabulary = new Set(notes.notes.flatMap((n) => [...noteVocabulary(n)]));
    vocabularies.set(notes, vocabulary);
  }
  const known = vocabulary;
  const kept = text.split(/\s+/).filter((w) => tokenize(w).some((t) => known.has(t)));
  return kept.length > 0 ? kept.join(" ") : text;
}

/**
 * A note section's sentences and bullets with their tokens, and an example's tokens, read once: the note library is
 * loaded at start and never changes, and every question that picks a note would otherwise split and tokenize it again.
 */
const sectionReadings = new WeakMap<NoteSection, Array<{ unit: Unit; tokens: string[] }>>();
const exampleReadings = new WeakMap<NoteCode, string[]>();

function readSection(section: NoteSection): Array<{ unit: Unit; tokens: string[] }> {
  let read = sectionReadings.get(section);
  if (!read) {
    read = units(section.prose).map((unit) => ({ unit, tokens: tokenize(unit.text) }));
    sectionReadings.set(section, read);
  }
  return read;
}

function exampleTokens(example: NoteCode): string[] {
  let tokens = exampleReadings.get(example);
  if (!tokens) {
    tokens = tokenize(`${example.context}\n${example.code}`);
    exampleReadings.set(example, tokens);
  }
  return tokens;
}

/** Sections of the note that apply to the asker: the general ones and those about their major. */
function sectionsFor(note: PackNote, major: PrefectMajor) {
  return note.sections.filter((s) => s.major === null || s.major === major);
}

function weigher(query: string, identifiers: string[], documents: string[][]) {
  const q = new Set(tokenize(query));
  const ids = new Set(identifiers.flatMap((i) => tokenize(i)).filter((t) => t.includes("_") || t.length > 12));
  for (const i of identifiers) q.add(i.toLowerCase());
  const df = new Map<string, number>();
  for (const d of documents) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, documents.length);
  return (tokens: string[]) => {
    let score = 0;
    for (const t of new Set(tokens)) {
      if (!q.has(t)) continue;
      const idf = Math.log(1 + n / ((df.get(t) ?? 0) + 0.5));
      score += idf * (ids.has(t) ? 3 : 1);
    }
    return score;
  };
}

/** How strongly a text holds a word that answers the question (`cache_policy=NONE` for "turn off caching"). */
function cueMatcher(cueWords: string[]): (text: string) => number {
  // The first cue is the answer proper (`retries`), later ones go with it (`retry_delay_seconds`).
  const cues = cueWords.map((w, i) => ({
    // Underscores count as separators here, so `_Late_` (Markdown emphasis) still holds the cue "Late".
    re: new RegExp(`(?<![A-Za-z0-9.])${escapeRegExp(w)}${/\w$/.test(w) ? "(?![A-Za-z0-9])" : ""}`),
    weight: i === 0 ? 1 : 0.5,
  }));
  return (text) => Math.max(0, ...cues.filter((c) => c.re.test(text)).map((c) => c.weight));
}

/** The sentences of the note that answer the question: a lead and a few supporting points. */
export function selectSentences(
  note: PackNote,
  question: string,
  major: PrefectMajor,
  apiNames: string[] = [],
  hints: Hints = NO_HINTS,
): { lead: string; points: string[]; leadScore: number } | null {
  const terms = questionTerms(question, apiNames, hints.expansions);
  const candidates: Array<{
    text: string;
    order: number;
    bonus: number;
    table?: string;
    list?: string;
    delta?: boolean;
  }> = [];
  let order = 0;
  // "What is X", "X vs Y": the note's opening definitions are the answer.
  const defines = hints.kind === "compare" || hints.asksWhat;
  const tokens: string[][] = [];
  for (const section of sectionsFor(note, major)) {
    for (const { unit: u, tokens: unitTokens } of readSection(section)) {
      tokens.push(unitTokens);
      // The opening sentence usually defines the topic; the asker's own major says what differs for them.
      // Notes are written for 3.x first, so a 2.x asker's own section weighs more than a 3.x asker's.
      const own = section.major === major ? (major === 2 ? 0.8 : 0.3) : 0;
      const opening = order < 2 ? (defines ? 2 : order === 0 ? 0.6 : 0) : 0;
      const bonus = opening + own - (/:$/.test(u.text) ? 1.5 : 0);
      const where = section.heading.join("/");
      const table = u.table === undefined ? undefined : `${where}#t${u.table}`;
      const list = u.list === undefined ? undefined : `${where}#l${u.list}`;
      const delta = section.major !== null && !ABOUT_VERSIONS.test(question);
      candidates.push({
        text: u.text,
        order: order++,
        bonus,
        delta,
        ...(table ? { table } : {}),
        ...(list ? { list } : {}),
      });
    }
  }
  if (candidates.length === 0) return null;
  const weigh = weigher(terms.query, terms.identifiers, tokens);
  const cued = cueMatcher(hints.cues);
  const scored: Scored[] = candidates.map((c, i) => ({
    text: c.text,
    order: c.order,
    score: weigh(tokens[i]!) + c.bonus + (c.text.includes("**") ? 0.3 : 0) + 2 * cued(c.text),
    ...(c.table ? { table: c.table } : {}),
    ...(c.list ? { list: c.list } : {}),
    ...(c.delta ? { delta: true } : {}),
  }));
  // "What are the breaking changes?" wants a whole list; "which package for each pool?" a whole table. A table is
  // shown whole when several of its rows match; a list when the question asks for one.
  const wantsList = hints.kind === "list";
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const key = s.table ?? (wantsList ? s.list : undefined);
    if (key) groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const table = [...groups.values()]
    .filter((rows) => rows.length >= 2 && (!rows[0]!.table || rows.filter((r) => r.score > 1).length >= 2))
    .sort((a, b) => sum(b) + b.length * 0.5 - (sum(a) + a.length * 0.5))[0]
    ?.slice(0, MAX_GROUP_ROWS);
  const prose = scored.filter((s) => !table?.includes(s) && !s.table);
  const ranked = [...prose].sort((a, b) => b.score - a.score || a.order - b.order);
  // A first line that leans on an earlier sentence ("Use it once per session") cannot open the answer.
  // The "Prefect 2/3" sections list deltas and history: the answer only when the question is about those.
  const aboutVersions = ABOUT_VERSIONS.test(question);
  const howTo = hints.kind === "how-to" && !defines;
  const why = hints.kind === "why-error";
  const leadFit = (s: Scored) =>
    s.score -
    (DANGLING.test(s.text) ? 2.5 : 0) -
    (s.delta ? 1.5 : 0) -
    (/:$/.test(s.text) ? 10 : 0) -
    (!aboutVersions && OLDER.test(s.text) ? 1.5 : 0) +
    (howTo && ACTION.test(s.text) ? 0.5 : 0);
  // Asked for a list, the sentence that introduces it ("The checklist of …:") opens the answer, the list follows.
  const intro =
    wantsList && table ? scored.find((s) => s.order === table[0]!.order - 1 && /:$/.test(s.text)) : undefined;
  // Asked why, the note's own statement of the cause is the answer, even when the symptom matches more words.
  const cause = why ? [...ranked].sort((a, b) => leadFit(b) - leadFit(a)).find((s) => CAUSE.test(s.text)) : undefined;
  const lead = intro ?? cause ?? [...ranked].sort((a, b) => leadFit(b) - leadFit(a))[0] ?? scored[0]!;
  const points = [
    ...ranked
      .filter((s) => s !== lead)
      .filter((s) => s.score >= Math.max(1, lead.score * 0.35) && !/:$/.test(s.text))
      .slice(0, table ? 1 : MAX_POINTS),
    ...(table ?? []),
  ].sort((a, b) => a.order - b.order);
  return { lead: clip(lead.text, 360), points: points.map((p) => clip(p.text, 300)), leadScore: lead.score };
}

/** Code examples of the note for the asker, most relevant first (a section about their major before others). */
export function rankExamples(
  note: PackNote,
  question: string,
  major: PrefectMajor,
  apiNames: string[] = [],
  minShared = 2,
  hints: Hints = NO_HINTS,
): NoteCode[] {
  const terms = questionTerms(question, apiNames, hints.expansions);
  const blocks = sectionsFor(note, major).flatMap((s) => s.code.map((c) => ({ c, own: s.major === major ? 1 : 0 })));
  if (blocks.length === 0) return [];
  const tokens = blocks.map((b) => exampleTokens(b.c));
  const weigh = weigher(terms.query, terms.identifiers, tokens);
  const cued = cueMatcher(hints.cues);
  // An example must show at least two of the question's terms (or one name it asks about) to be worth its space.
  const asked = new Set(tokenize(terms.query));
  const named = new Set(terms.identifiers.map((i) => i.toLowerCase()));
  const relevant = (t: string[]) => {
    const shared = new Set(t.filter((x) => asked.has(x) && x !== "prefect"));
    return shared.size >= minShared || t.some((x) => named.has(x));
  };
  return blocks
    .map((b, i) => ({
      c: b.c,
      score: weigh(tokens[i]!) + b.own + 3 * cued(b.c.code),
      relevant: relevant(tokens[i]!) || cued(b.c.code) > 0,
    }))
    .filter((b) => b.relevant && b.score > 0 && b.c.code.split("\n").length <= MAX_EXAMPLE_LINES)
    .sort((a, b) => b.score - a.score)
    .map((b) => b.c);
}

const PYTHON = new Set(["python", "py", ""]);

/** The first ranked example that is fit to show: Python that lints clean for the release, or a shell/YAML block. */
async function firstCleanExample(
  examples: NoteCode[],
  linter: SnippetLinter,
  release: string,
): Promise<{ language: string; code: string } | null> {
  for (const example of examples.slice(0, 3)) {
    if (!PYTHON.has(example.language)) return { language: example.language, code: example.code };
    const result = await linter.lint(example.code, release);
    if (result.diagnoses.length === 0) return { language: "python", code: example.code };
  }
  return null;
}

export async function gatherProse(
  deps: { notes?: NoteLibrary; linter: SnippetLinter },
  input: ProseInput,
): Promise<ProseAnswer | null> {
  if (!deps.notes || input.question.trim() === "") return null;
  const hints = input.hints ?? NO_HINTS;
  const terms = questionTerms(withoutVersions(input.question), input.apiNames, hints.expansions);
  // The key names of the units that match the question name its note as surely as an API name would.
  const names = [...terms.identifiers, ...input.apiNames, ...hints.cues.slice(0, 1)].map((n) => n.split(".").pop()!);
  const note = pickNote(deps.notes, terms.query, input.major, input.retrieved, terms.expanded, terms.pairs, {
    names,
    text: input.question,
    subjects: input.errorSubjects ?? [],
  });
  if (!note) return null;
  const sentences = selectSentences(note, input.question, input.major, input.apiNames, hints);
  if (!sentences) return null;
  // The asker's own numbers go into the example when it has a single literal slot for them; else into the text.
  const values = input.values ?? [];
  const ranked = rankExamples(note, input.question, input.major, input.apiNames, 2, hints).map((e) => ({
    example: e,
    adapted: adaptExample(e.code, values),
  }));
  const example = await firstCleanExample(
    ranked.map((r) => ({ ...r.example, code: r.adapted.code })),
    deps.linter,
    input.release,
  );
  const adapted = example ? (ranked.find((r) => r.adapted.code === example.code)?.adapted ?? null) : null;
  const stated = statedValuesSentence(adapted, values);
  const points = stated ? [stated, ...sentences.points] : sentences.points;
  return { note, lead: sentences.lead, points, example };
}
