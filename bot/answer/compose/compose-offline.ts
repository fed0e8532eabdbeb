// Step 4 (offline): a deterministic answer that reads like a support reply: verdict first, then the problems with
// the facts behind them, one corrected code block, the API facts asked about, a few sources, and the version used.
import {
  compareVersions,
  type RuleId,
  type SearchHit,
  SOURCES_HEADING,
  type SourceRef,
  type VersionGuess,
} from "../../../core/index.js";
import { tokenize } from "../../../knowledge/index.js";
import { quotesTraceback } from "../../../lint/index.js";
import { type CheckedSnippet, hasCode } from "../code/index.js";
import type { ErrorFact, Explanation } from "../plan/index.js";
import type { ApiFinding, Retrieved } from "../retrieve/index.js";
import { brief, clip, codeNames, isReferencePage, keyPoints, relevantSources } from "../retrieve/index.js";
import { type NamedTopic, topicLabel, topicText } from "../topics/index.js";
import {
  asksOpenQuestion,
  identifiersIn,
  type Question,
  reportsTroubleIn,
  type ThreadReading,
  withoutConditions,
} from "../understand/index.js";
import { describeProblems } from "../verify/index.js";
import { apiDetails, apiVerdict, verdictFinding } from "./api-text.js";
import type { ProseAnswer } from "./prose.js";

export interface OfflineInput {
  /** What the asker asked, when known: a request to review the code is answered yes or no. */
  question?: Pick<Question, "kind" | "asking" | "asksExistence" | "asksGone">;
  reading: ThreadReading;
  checked: CheckedSnippet[];
  apis: ApiFinding[];
  /** Topics recognised from error messages quoted in the thread. */
  errorTopics: NamedTopic[];
  retrieved: Retrieved;
  /** For questions without code: the passages of the best note, in order. */
  notePassages?: SearchHit[];
  /** For questions without code: the answer drawn from the best curated note, when one matches. */
  prose?: ProseAnswer | null;
  /** Quoted errors explained from the facts for the asker's release. */
  errorFacts?: ErrorFact[];
}

export interface Draft {
  markdown: string;
  sources: SourceRef[];
  correctedCode: string | null;
  /** The snippet whose correction is shown. */
  primary: CheckedSnippet | null;
}

const RULE_LABELS: Record<RuleId, string> = {
  "syntax-error": "the code does not parse",
  "unknown-symbol": "an import that does not exist",
  "wrong-module": "a name imported from the wrong module",
  "unknown-attribute": "a method or attribute that does not exist",
  "unknown-parameter": "a parameter the callable does not take",
  "removed-in-version": "an API that was removed by this version",
  "not-yet-available": "an API newer than this version",
  deprecated: "a deprecated API",
  "unresolved-futures": topicLabel("unresolved-futures"),
  "serial-submit": "`.result()` right after `.submit()` serialises the loop",
  "process-pool-pickling": "work a process pool cannot pickle",
  "main-guard": "the `__main__` guard is broken",
  "slack-mangled": "Slack mangled the code",
  "async-task-in-sync-flow": "an async task called from a sync flow",
  "missing-await": "an async-only call that is never awaited",
  "missing-async-with": "an async context manager entered with a plain `with`",
  "not-awaitable": "`await` on something that cannot be awaited",
  "record-used-as-value": "a Prefect object used as if it were its value",
  "hook-signature": "a state hook Prefect cannot call",
  "missing-run-context": "the run logger used where no flow or task run is active",
  "deploy-without-source": "a deployment with no image and no code source",
  "map-unmapped-list": "a list meant for every mapped run, mapped element by element",
  "uncalled-factory": "a Prefect factory passed where the value it makes belongs",
  "unmapped-mutated": "one object shared by every mapped run, changed by each",
  "hook-not-a-list": "a hook passed alone where Prefect expects a list",
  "unguarded-flow-call": "a flow called when the file is imported",
  "variable-exists": "a variable set again without overwrite=True",
  "retry-delay-without-retries": "a retry delay without a number of retries",
  "serve-blocks": "a `.serve()` call that the one before it never lets run",
};

const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);

function label(e: Explanation): string {
  if (e.topic !== "generic") return topicLabel(e.topic);
  const d = e.diagnoses[0];
  return d ? RULE_LABELS[d.rule] : "a problem";
}

export function versionLine(v: VersionGuess): string {
  const evidence = v.evidence.length > 0 ? `: ${v.evidence.slice(0, 2).join("; ")}` : "";
  if (v.how === "stated") return `_Prefect ${v.resolved} (stated${evidence})._`;
  if (v.how === "inferred") return `_Prefect ${v.resolved} (inferred${evidence})._`;
  return `_Prefect ${v.resolved} (assumed: nothing in the thread says which version, so Orca used the newest ${v.major}.x release; tell me yours and I will re-check)._`;
}

function sourceOf(hit: SearchHit): SourceRef {
  const section = hit.section.filter(Boolean).join(" › ");
  return { title: hit.title, url: hit.url, kind: hit.kind, ...(section ? { section } : {}) };
}

function pickPrimary(checked: CheckedSnippet[], asker: string): CheckedSnippet | null {
  // Most problems first; on a tie the asker's own code, and among theirs the latest snippet (their newest attempt).
  const own = (c: CheckedSnippet) => c.review.fromQuestion || (!c.review.fromBot && c.review.author === asker);
  const weight = (c: CheckedSnippet) => c.explanations.length * 10 + (c.changed ? 1 : 0) + (own(c) ? 0.5 : 0);
  let best: CheckedSnippet | null = null;
  for (const c of checked) if (!best || weight(c) >= weight(best)) best = c;
  return best;
}

function scopedReply(reading: ThreadReading, apis: ApiFinding[]): string | null {
  if (reading.shape === "empty")
    return "Hi, I'm Orca. Ask me a Prefect question (paste your code and your Prefect version if you have them) and I'll answer with code checked against that version.";
  if (reading.shape === "emoji-only")
    return "I only see emoji here. 🙂 What would you like to know about Prefect? Paste your code and your Prefect version if you have them, and I'll check it.";
  if (reading.offTopic && apis.length === 0)
    return "I'm Orca, and I only answer questions about Prefect: flows, tasks, deployments, workers, the server and the UI. This question looks outside that, so I'll leave it to someone better placed. If it is about Prefect after all, tell me how and I'll take a look.";
  return null;
}

function problemsSection(checked: CheckedSnippet[], primary: CheckedSnippet): string[] {
  const whose = primary.review.fromQuestion
    ? "your code"
    : `the code from ${primary.review.author}${primary.review.fromBot ? " (a bot's answer)" : ""} above`;
  // The primary snippet's problems, plus the named mistakes found in the other snippets (not their noise).
  const explanations: Explanation[] = [...primary.explanations];
  for (const c of checked.filter((c) => c !== primary))
    for (const e of c.explanations)
      if (e.topic !== "generic" && !explanations.some((x) => x.topic === e.topic))
        explanations.push({ ...e, lines: [] });
  const out = [`**What's wrong in ${whose}:**`];
  explanations.slice(0, 6).forEach((e, i) => {
    const lines =
      e.lines.length > 0 && checked.length === 1
        ? ` (line${e.lines.length > 1 ? "s" : ""} ${e.lines.slice(0, 6).join(", ")})`
        : "";
    out.push(`${i + 1}. **${label(e)}**${lines}. ${e.text}`);
  });
  if (explanations.length > 6) out.push(`…and ${explanations.length - 6} more.`);
  return out;
}

function conceptual(
  input: OfflineInput,
  major: 2 | 3,
): { first: string | null; points: string[]; from: SearchHit | null } {
  const best = input.retrieved.docs[0] ?? input.retrieved.conversations[0] ?? null;
  if (!best) return { first: null, points: [], from: null };
  // Summarise the whole note (its passages in document order), not just the best-ranked section.
  const passages = (input.notePassages ?? []).filter((h) => h.docId === best.docId);
  const text = passages.length > 0 ? passages.map((h) => h.text).join("\n\n") : best.text;
  // The sentence closest to the question (early ones preferred) is the short answer; the next ones are key points.
  const first = keyPoints(text, input.reading.question, major, 1)[0] ?? null;
  const points = keyPoints(text, input.reading.question, major, 5)
    .filter((p) => p !== first)
    .slice(0, 4);
  return { first, points, from: best };
}

interface Situation {
  release: string;
  primary: CheckedSnippet | null;
  /** Explanations of every checked snippet. */
  problems: Explanation[];
  /** Error topics quoted in the thread that the code check did not already explain. */
  errorTopics: NamedTopic[];
}

function verdictLine(input: OfflineInput, s: Situation): string {
  if (s.primary && s.problems.length > 0) {
    const shown = [...s.primary.explanations, ...s.problems.filter((e) => e.topic !== "generic")];
    const labels = [...new Set(shown.map(label))];
    // One problem without a topic of its own: its own sentence is the answer ("`Flow.serve` does not accept
    // `schedule=` …"), not the name of its rule.
    const only = shown.length === 1 && shown[0]!.topic === "generic" ? shown[0]!.text : null;
    if (only) return `**No, this needs fixing for Prefect ${s.release}:** ${only.replace(/^In Prefect [\w.]+, /, "")}`;
    // One kind of problem, one fix: the fix belongs in the verdict ("… used as if it were its value: read it with
    // `pw.get()`"), so the first lines say what to do, not only what is wrong.
    const fixes = [
      ...new Set(
        shown
          .flatMap((e) => e.diagnoses)
          .map((d) => d.fix?.description)
          .filter(Boolean),
      ),
    ];
    const said = labels.join(" ").replace(/`/g, "").toLowerCase();
    // What the fix names in code (`.value`, `.get()`) is what it adds; a label that names it already says the fix.
    const fixWords = fixes[0]?.toLowerCase().match(/[\w]*[.(][\w.()]*/g) ?? [];
    const fix =
      labels.length === 1 && fixes.length === 1 && !(fixWords.length > 0 && fixWords.every((w) => said.includes(w)))
        ? `: ${lowerFirst(fixes[0]!.replace(/\.$/, ""))}`
        : "";
    return `**No, this needs fixing for Prefect ${s.release}:** ${labels.slice(0, 4).join("; ")}${fix}.`;
  }
  const topic = s.errorTopics[0];
  const topicVerdict = topic ? `**${topicLabel(topic)[0]!.toUpperCase()}${topicLabel(topic).slice(1)}.**` : "";
  // Clean code with a quoted error: the error is the answer. Without code, the API asked about comes first.
  if (s.primary) return topicVerdict || cleanVerdict(input, s.release);
  // An error the asker quotes in this message, which Orca explains, is what they need first; that the API they name
  // exists comes after. An error from earlier in the thread is context for a follow-up ("wait(futures)?").
  if (topicVerdict && quotedError(input.reading.prose)) return topicVerdict;
  if (input.apis.length > 0) return apiVerdict(verdictFinding(input.apis)!, !!input.question?.asksGone);
  return topicVerdict;
}

/** The error line a user pasted ("TimeoutError: 3 (of 10) futures unfinished"), when there is one. */
export function quotedError(text: string): string | null {
  const m = /\b([A-Z]\w*(?:Error|Exception|Timeout)): ([^\n]{1,160})/.exec(text);
  return m ? `${m[1]}: ${m[2]!.trim()}` : null;
}

/** Clean code is not the whole answer: say what was checked, then what the error or the question is about. */
function cleanVerdict(input: OfflineInput, release: string): string {
  const checked = `Orca's checks found no API or version problems in this code for Prefect ${release}`;
  const error = quotedError(input.reading.text);
  if (error) {
    const name = error.slice(0, error.indexOf(":"));
    return `**${checked}**, so the \`${name}\` comes from what the code does at run time, not from a missing or misspelt API.`;
  }
  // "Is this right?" gets its answer first; the check is what the answer stands on. Not when the asker reports a
  // failure: then the code's API use is fine and the problem is elsewhere, which is no "yes".
  // Nor is it one to an open question ("whats wrong").
  if (
    input.question?.kind === "review-code" &&
    !REPORTS_FAILURE.test(withoutConditions(input.reading.prose)) &&
    !reportsTroubleIn(withoutConditions(input.reading.prose)) &&
    !asksOpenQuestion(input.reading.prose) &&
    !hasTraceback(input.reading.text)
  )
    return `**Yes, as far as Orca's checks go: no API or version problems in this code for Prefect ${release}.**`;
  return `**${checked}.**`;
}

/** How the draft's own answer from a note opens (the plan's renderer leaves it out under a unit's answer). */
export const NOTE_ANSWER = "**About your question**";
/** How the draft's API facts open, before the release. */
export const API_CHECK = "**API check for Prefect";

/** The curated note's answer to what was asked, shown under checked code (clean, or with an error quoted). */
function aboutQuestion(prose: ProseAnswer, input: OfflineInput, release: string): string[] {
  const lines = [`${NOTE_ANSWER} (from Orca's notes on “${prose.note.title}”): ${prose.lead}`];
  if (prose.points.length > 0) lines.push(prose.points.map((p) => `- ${p}`).join("\n"));
  const out = [lines.join("\n\n")];
  if (prose.example && WANTS.test(input.reading.prose))
    out.push(...proseSections({ ...prose, points: [] }, [], release));
  return out;
}

/** The asker describes a goal (so an example helps), not only a check. */
const WANTS = /\b(?:how|want|need|instead|way to|should I|what do I|is there)\b/i;

function codeSections(input: OfflineInput, s: Situation): string[] {
  const { primary } = s;
  if (!primary) return [];
  if (s.problems.length === 0)
    return primary.changed && primary.review.snippet.mangled
      ? [`Tidied code (checked clean for Prefect ${s.release}):\n\n\`\`\`python\n${primary.corrected.trim()}\n\`\`\``]
      : [];
  // Code that still fails the check is never presented as corrected: say what is left to fix instead.
  if (primary.remaining.length > 0)
    return [problemsSection(input.checked, primary).join("\n"), unfixedNote(primary, s.release)];
  if (!hasCode(primary.corrected))
    return [
      problemsSection(input.checked, primary).join("\n"),
      "Once that import goes, nothing in the snippet is left to correct; what to use instead is below.",
    ];
  const state =
    primary.warnings.length === 0
      ? `checked clean for Prefect ${s.release}`
      : `no errors for Prefect ${s.release}; still warns: ${describeProblems(primary.warnings)}`;
  return [
    problemsSection(input.checked, primary).join("\n"),
    `**Corrected code** (${state}):\n\n\`\`\`python\n${primary.corrected.trim()}\n\`\`\``,
  ];
}

function unfixedNote(primary: CheckedSnippet, release: string): string {
  // Problems already explained above are referred to by number; others are spelled out with their line.
  const numbered = primary.remaining.map((d) => {
    const i = primary.explanations.findIndex((e) =>
      e.diagnoses.some((x) => x.rule === d.rule && x.message === d.message),
    );
    return i >= 0 ? `problem ${i + 1} above` : `line ${d.line}: ${d.message.replace(/\s+/g, " ").replace(/\.$/, "")}`;
  });
  const what = [...new Set(numbered)].slice(0, 3).join("; ");
  return `**No corrected code:** Orca found no safe automatic fix for ${what}, and it does not show code that fails its check for Prefect ${release}. Fix that by hand as described, then ask again and Orca will re-check the rest.`;
}

function apiSection(input: OfflineInput, s: Situation): string[] {
  if (input.apis.length === 0) return [];
  const major = input.reading.version.major;
  const lines = [`${API_CHECK} ${s.release}:**`, ...input.apis.map(apiDetails)];
  const asksFlowSubmit = input.apis.some((f) => /(^|\.)Flow\.submit$/.test(f.asked) && f.status === "unknown");
  if (asksFlowSubmit && !s.problems.some((e) => e.topic === "flow-submit"))
    lines.push("", topicText("flow-submit", { major, release: s.release }));
  return [lines.join("\n")];
}

/** What the answer is about, for judging which passages are worth citing. */
function answerTopic(input: OfflineInput): string {
  const problems = input.checked.flatMap((c) => c.explanations);
  const named = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]).join(" ");
  return [
    input.reading.prose,
    ...problems.map((e) => `${label(e)} ${named(e.text)}`),
    ...input.errorTopics.map(topicLabel),
    ...input.apis.map((a) => a.fq ?? a.asked),
    // With problems found, they are the topic; clean code is about the names it uses.
    ...(problems.length > 0 ? [] : input.checked.flatMap((c) => codeNames(c.code))),
  ].join(" ");
}

function sourcesSection(input: OfflineInput): { text: string[]; sources: SourceRef[] } {
  const { retrieved, reading } = input;
  const about = answerTopic(input);
  const docs = relevantSources(retrieved.docs, about, 2);
  const thread = relevantSources(
    retrieved.conversations.filter((c) => !docs.some((d) => d.url === c.url)),
    about,
    1,
  )[0];
  const passages = [...docs, ...(thread ? [thread] : [])];
  if (passages.length === 0) return { text: [], sources: [] };
  const lines = [SOURCES_HEADING];
  passages.forEach((hit, i) => {
    // A conversation's section is its question; the title says enough.
    const section = hit.kind === "conversation" ? undefined : hit.section.filter(Boolean).slice(-1)[0];
    const title = section && section !== hit.title ? `${hit.title} › ${section}` : hit.title;
    const about = brief(hit.text, reading.question, reading.version.major);
    lines.push(`${i + 1}. [${title}](${hit.url})${about ? `: ${about}` : ""}`);
  });
  return { text: [lines.join("\n")], sources: passages.map(sourceOf) };
}

/** "Does X exist?", "where is X now?", "can I still use X?": the API facts are the answer. */
const EXISTENCE =
  /\b(?:exists?|available|removed|deprecated|gone|renamed|moved|still|introduced|added)\b|\bcan I (?:still )?use\b|\bwhere (?:is|did|does)\b|\bwhat happened to\b|\bsince (?:which|what)\b|\bimport(?:ed|ing)?\b/i;

/** API findings worth a line in a prose answer: names the asker wrote as code, or that exist. */
function askedApis(input: OfflineInput): ApiFinding[] {
  return input.apis.filter((f) => {
    if (f.status === "unknown") return /^[A-Z]\w*\.\w+$/.test(f.asked);
    return f.status === "present" || writtenAsCode(f.asked, input.reading.prose);
  });
}

/**
 * A name the asker wrote as code (`x`, snake_case, dotted, a call, a long CamelCase class name), as opposed to a
 * word that happens to match a symbol ("GitHub", "FastAPI").
 */
function writtenAsCode(name: string, prose: string): boolean {
  return /[._(]/.test(name) || prose.includes(`\`${name}`) || (name.match(/[A-Z][a-z0-9]+/g)?.length ?? 0) >= 3;
}

function leadsWithApis(input: OfflineInput, apis: ApiFinding[]): boolean {
  if (apis.length === 0) return false;
  if (!input.prose || EXISTENCE.test(input.reading.prose)) return true;
  return apis.some((f) => f.status !== "present" && writtenAsCode(f.asked, input.reading.prose));
}

/** Docs pages whose title or section names the question's or the note's topic first, then the index's order. */
function relatedFirst(hits: SearchHit[], about: string): SearchHit[] {
  const topic = new Set(tokenize(about).filter((t) => !GENERIC.has(t)));
  const related = (h: SearchHit) => {
    const words = new Set(tokenize(`${h.title} ${h.section.join(" ")}`).filter((t) => !GENERIC.has(t)));
    let shared = 0;
    for (const w of words) if (topic.has(w)) shared++;
    return words.size > 0 ? shared / words.size : 0;
  };
  return hits
    .map((h, i) => ({ h, related: related(h), score: 1 / (i + 2) + related(h) }))
    .filter((x) => x.h.kind === "docs" || x.related > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.h);
}

const GENERIC = new Set(["prefect", "flow", "task", "run", "how", "guide", "concept", "overview", "version"]);

function proseSources(input: OfflineInput, prose: ProseAnswer): { text: string[]; sources: SourceRef[] } {
  const { reading, retrieved } = input;
  const namesApi = identifiersIn(reading.prose).length > 0;
  const urls = new Set([prose.note.url]);
  // Past threads compete with docs pages on how closely they name the topic; a link already cited is not repeated.
  const candidates = [...retrieved.docs, ...retrieved.conversations.slice(0, 2)].filter((h) => {
    if (urls.has(h.url) || (isReferencePage(h.url) && !namesApi)) return false;
    urls.add(h.url);
    return true;
  });
  const about = `${answerTopic(input)} ${prose.note.title} ${prose.note.topics.join(" ")}`;
  const extra = relevantSources(relatedFirst(candidates, about), about, 2);
  const lines = [SOURCES_HEADING, `1. [${prose.note.title}](${prose.note.url}) (Orca's notes)`];
  extra.forEach((hit, i) => {
    const section = hit.kind === "conversation" ? undefined : hit.section.filter(Boolean).slice(-1)[0];
    const title = section && section !== hit.title ? `${hit.title} › ${section}` : hit.title;
    const about = brief(hit.text, reading.question, reading.version.major);
    lines.push(`${i + 2}. [${title}](${hit.url})${about ? `: ${clip(about, 160)}` : ""}`);
  });
  const note: SourceRef = { title: prose.note.title, url: prose.note.url, kind: "docs" };
  return { text: [lines.join("\n")], sources: [note, ...extra.map(sourceOf)] };
}

/** A conceptual answer: the short answer, the points that back it, an example checked for the release, API facts. */
function proseSections(prose: ProseAnswer, apis: ApiFinding[], release: string): string[] {
  const out: string[] = [];
  if (prose.points.length > 0) out.push(prose.points.map((p) => `- ${p}`).join("\n"));
  if (prose.example) {
    const checked = prose.example.language === "python" ? ` (checked clean for Prefect ${release})` : "";
    const fence = prose.example.language || "python";
    out.push(`**Example**${checked}:\n\n\`\`\`${fence}\n${prose.example.code.trim()}\n\`\`\``);
  }
  if (apis.length > 0) out.push([`**API facts for Prefect ${release}:**`, ...apis.map(apiDetails)].join("\n"));
  return out;
}

/** Words of someone whose code does not work (an exception's name counts: "a TypeError in the logs"). */
const REPORTS_FAILURE =
  /\b(?:\w*Error|fail\w*|crash\w*|errors?|broken|exception|doesn'?t work|not working|never works|stuck|hangs?)\b/i;
/** Kinds of question that ask for a choice or a value, not why something broke. */
const NO_FAILURE_KINDS = new Set<Question["kind"]>(["compare", "which-setting", "list"]);
const HAS_TRACEBACK =
  /Traceback \(most recent call last\)|\b\w+(?:Error|Exception): |object has no attribute|cannot import name|unexpected keyword argument/;

/** The error itself is in the thread: a traceback (its frames, or its header) or an exception's message. */
const hasTraceback = (text: string) => HAS_TRACEBACK.test(text) || quotesTraceback(text);

/**
 * A failure described without its error message: say where the real error is, for the asker's release. Not for a
 * question that asks whether something exists, which one, or for a list, unless its asking sentence says something
 * fails: "send slack on failure" or "stuck on pydantic v1" around such a question is no failure to look up.
 */
export function logsHint(
  reading: ThreadReading,
  question?: Pick<Question, "kind" | "asking" | "asksExistence" | "asksGone">,
): string | null {
  if (!REPORTS_FAILURE.test(reading.prose) || hasTraceback(reading.text)) return null;
  const asksOther = question && (question.asksExistence === true || NO_FAILURE_KINDS.has(question.kind));
  if (asksOther && !REPORTS_FAILURE.test(question.asking)) return null;
  const release = reading.version.resolved;
  const taskLogs = compareVersions(release, "2.16.5") >= 0 ? ", `prefect task-run logs <task-run-id>`" : "";
  return `To see the actual error, read the run's logs: \`prefect flow-run logs <flow-run-id>\`${taskLogs}, or the run's page in the UI. Paste the traceback here and I'll check it against Prefect ${release}.`;
}

export function composeOffline(input: OfflineInput): Draft {
  const { reading, checked } = input;
  const { version } = reading;
  const scoped = scopedReply(reading, input.apis);
  if (scoped)
    return {
      markdown: [scoped, ...reading.notes.map((n) => `_${n}_`)].join("\n\n"),
      sources: [],
      correctedCode: null,
      primary: null,
    };

  const primary = pickPrimary(checked, reading.asker);
  const problems = checked.flatMap((c) => c.explanations);
  const errorTopics = input.errorTopics.filter((t) => !problems.some((e) => e.topic === t));
  const situation: Situation = { release: version.resolved, primary, problems, errorTopics };
  let verdict = verdictLine(input, situation);
  const sections: string[] = [];
  if (reading.foreignLanguage)
    sections.push(
      `Prefect's SDK is Python, and the code here looks like ${reading.foreignLanguage}, so Orca could not check it. Here is what applies on the Python side.`,
    );
  sections.push(...codeSections(input, situation));
  if (errorTopics.length > 0) {
    const context = { major: version.major, release: version.resolved };
    sections.push(
      `**About the error quoted in this thread:** ${errorTopics.map((t) => topicText(t, context)).join("\n\n")}`,
    );
    if (primary && problems.length === 0)
      sections.push(`_Checked: no API or version problems in the code itself for Prefect ${version.resolved}._`);
  }
  // A quoted error nothing else explained is checked against the facts for the asker's release.
  const facts = problems.length === 0 && errorTopics.length === 0 ? (input.errorFacts ?? []) : [];
  if (facts.length > 0) {
    verdict = `**\`${clip(facts[0]!.error, 120)}\`:** ${facts[0]!.text}`;
    sections.push(...facts.slice(1).map((f) => `**\`${clip(f.error, 120)}\`:** ${f.text}`));
    if (primary)
      sections.push(`_Checked: no API or version problems in the code itself for Prefect ${version.resolved}._`);
  }
  // Checked code with nothing wrong in it still leaves the question open: answer it from the notes.
  // The question stays open when the code had nothing wrong, could not be fixed, or its fix leaves nothing to run.
  const open =
    (primary && (problems.length === 0 || primary.remaining.length > 0 || !hasCode(primary.corrected))) ||
    (!primary && facts.length > 0);
  // Without code, a quoted error's explanation is followed by the note on its topic (what to do instead).
  const cleanProse =
    (open && errorTopics.length === 0) || (!primary && errorTopics.length > 0) ? (input.prose ?? null) : null;
  if (cleanProse) sections.push(...aboutQuestion(cleanProse, input, version.resolved));
  const prose = !primary && errorTopics.length === 0 && facts.length === 0 ? (input.prose ?? null) : null;
  const apis = prose ? askedApis(input) : input.apis;
  if (prose && !leadsWithApis(input, apis)) {
    verdict = prose.lead;
    sections.push(...proseSections(prose, apis, version.resolved));
  } else if (prose) {
    verdict = apiVerdict(verdictFinding(apis)!, !!input.question?.asksGone);
    sections.push(
      ...apiSection({ ...input, apis }, situation),
      `${prose.lead}`,
      ...proseSections(prose, [], version.resolved),
    );
  } else sections.push(...apiSection(input, situation));
  if (!prose && !primary && input.apis.length === 0 && errorTopics.length === 0 && facts.length === 0) {
    const c = conceptual(input, version.major);
    verdict =
      c.first ??
      "I could not find anything on this in Orca's notes or docs. Could you add a detail or two (the API you are using, the error you see, your Prefect version)?";
    if (c.from && c.points.length > 0)
      sections.push(`**Key points** (from “${c.from.title}”):\n${c.points.map((p) => `- ${p}`).join("\n")}`);
  }
  const hint = !primary && errorTopics.length === 0 ? logsHint(reading, input.question) : null;
  if (hint) sections.push(hint);
  const sources = prose || cleanProse ? proseSources(input, (prose ?? cleanProse)!) : sourcesSection(input);
  sections.push(...sources.text, versionLine(version));
  if (version.how === "assumed" && problems.length > 0 && version.major === 3)
    sections.push("If you are on Prefect 2.x, say so and I will redo the check: some of these rules differ there.");
  sections.push(...reading.notes.map((n) => `_${n}_`));
  const markdown = [verdict, ...sections].filter((t) => t.trim() !== "").join("\n\n");
  const correctedCode =
    primary && primary.remaining.length === 0 && hasCode(primary.corrected) && (problems.length > 0 || primary.changed)
      ? primary.corrected.trim()
      : null;
  return { markdown, sources: sources.sources, correctedCode, primary };
}
