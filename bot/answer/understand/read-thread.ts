// Step 1: what is asked, by whom, with which code, on which Prefect version. Work is bounded: long questions and
// threads are cut (with a note), and only a few snippets are checked.
import { parseVersion, type Snippet, type Thread, type ThreadMessage, type VersionGuess } from "../../../core/index.js";
import type { AnswerLimits, ThreadReader } from "../ports.js";
import {
  foreignLanguage,
  looksPrefectRelated,
  type QuestionShape,
  questionShape,
  stripMentions,
} from "./input-guard.js";

export interface CodeUnderReview {
  snippet: Snippet;
  author: string;
  /** True when the code comes from the question itself (the asker's own code). */
  fromQuestion: boolean;
  fromBot: boolean;
}

export interface ThreadReading {
  question: string;
  /** The question without its code: what API names are asked about is read from here. */
  prose: string;
  /** Shell and YAML snippets of the question (CLI commands name a topic as well as words do). */
  commands: string;
  shape: QuestionShape;
  messages: ThreadMessage[];
  asker: string;
  code: CodeUnderReview[];
  /** A non-Python language found in the question's code, when any. */
  foreignLanguage: string | null;
  /** The question, its code and the thread say nothing about Prefect or workflows. */
  offTopic: boolean;
  version: VersionGuess;
  /** All text read (question and human messages), for error-message matching. */
  text: string;
  notes: string[];
}

const REFERS_TO_CODE =
  /\b(?:this|that|above|my|the|our|these)\s+(?:\w+\s+)?(?:code|flow|snippet|example|answer|script|function|task|deployment)s?\b|\bis\s+(?:this|it|that)\s+(?:right|correct|ok|okay|valid|done properly|fine)\b|\b(?:debug|review|check|fix|wrong|broken|error|crash\w*|fail\w*|why)\b/i;

/** "moving our 2.x code to 3", "upgrade from v2": a question about Prefect's major lines even without its name. */
const MAJOR_UPGRADE =
  /\b(?:upgrad\w*|migrat\w*|mov\w+|port\w*|breaking changes?)\b[^.?!]*\b(?:v?[23]\.x|v[23]|[23]\.\d+)\b|\b(?:v?[23]\.x|v[23])\b[^.?!]*\b(?:upgrad\w*|migrat\w*|breaking changes?)\b/i;

function boundedThread(messages: ThreadMessage[], maxChars: number): { kept: ThreadMessage[]; dropped: number } {
  const kept: ThreadMessage[] = [];
  let total = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (total + m.text.length > maxChars) return { kept, dropped: i + 1 };
    total += m.text.length;
    kept.unshift(m);
  }
  return { kept, dropped: 0 };
}

/** Python snippets; code the extractor took for Python but that reads as another language is left out. */
function pythonOnly(snippets: Snippet[]): Snippet[] {
  return snippets.filter((s) => s.language === "python" && s.code.trim() !== "" && foreignLanguage(s.code) === null);
}

/**
 * The code a question without code points at ("this", "my code", "why does it fail"): the asker's newest message
 * with code first, then code posted after it by others (a bot's or a colleague's suggested fix), newest first. Long
 * threads hold many snippets; the asker's own is what they run, so it is checked before anyone else's.
 */
export function codeInThread(messages: ThreadMessage[], asker: string, reader: ThreadReader): CodeUnderReview[] {
  const withCode = messages
    .map((m, i) => ({ m, i, snippets: pythonOnly(reader.extractSnippets(m.text, i)) }))
    .filter((x) => x.snippets.length > 0);
  const own = [...withCode].reverse().find((x) => !x.m.isBot && x.m.author === asker);
  const others = withCode.filter((x) => x !== own && (!own || x.i > own.i)).reverse();
  const picked = own ? [own, ...others] : others.slice(0, 1);
  return picked.flatMap((x) =>
    x.snippets.map((snippet) => ({ snippet, author: x.m.author, fromQuestion: false, fromBot: x.m.isBot })),
  );
}

export function readThread(thread: Thread, reader: ThreadReader, limits: AnswerLimits): ThreadReading {
  const notes: string[] = [];
  let raw = thread.question ?? "";
  if (raw.length > limits.maxQuestionChars) {
    // A long paste is usually a log whose error sits at the end: read its opening (the question) and its tail.
    const head = Math.floor(limits.maxQuestionChars * 0.4);
    const tail = limits.maxQuestionChars - head;
    notes.push(
      `The message is ${raw.length.toLocaleString("en-US")} characters long; Orca read its first ${head.toLocaleString("en-US")} and last ${tail.toLocaleString("en-US")} characters.`,
    );
    // Cut at line ends, so no half line of a log is read as prose.
    const start = raw.slice(0, head);
    const end = raw.slice(raw.length - tail);
    const headEnd = start.lastIndexOf("\n");
    const tailStart = end.indexOf("\n");
    raw = `${headEnd > 0 ? start.slice(0, headEnd) : start}\n…\n${tailStart >= 0 ? end.slice(tailStart + 1) : end}`;
  }
  const question = stripMentions(reader.unmangle(raw));
  const shape = questionShape(question);
  const { kept, dropped } = boundedThread(thread.messages ?? [], limits.maxThreadChars);
  if (dropped > 0) notes.push(`The thread is long; Orca read its newest ${kept.length} messages.`);
  const messages = kept.map((m) => ({ ...m, text: reader.unmangle(m.text) }));
  const asker = thread.asker ?? [...messages].reverse().find((m) => !m.isBot)?.author ?? "you";

  const questionSnippets = reader.extractSnippets(raw, messages.length);
  const questionCode = pythonOnly(questionSnippets);
  let prose = raw;
  // A block of code is not prose; a call written inline in a sentence ("has `task_runner=ConcurrentTaskRunner()`")
  // is part of it: checked as code, and read as the name the sentence is about.
  for (const s of questionSnippets) if (s.language !== "text" && !s.inline) prose = prose.replace(s.raw, " ");
  prose = stripMentions(reader.unmangle(prose.replace(/```[^\n`]*/g, " ")));
  const foreign =
    questionCode.length === 0
      ? (questionSnippets.map((s) => foreignLanguage(s.code)).find((l) => l !== null) ?? foreignLanguage(question))
      : null;

  let code: CodeUnderReview[] = questionCode.map((snippet) => ({
    snippet,
    author: asker,
    fromQuestion: true,
    fromBot: false,
  }));
  if (code.length === 0 && shape === "text" && REFERS_TO_CODE.test(question))
    code = codeInThread(messages, asker, reader);
  if (code.length > limits.maxSnippets) {
    // The asker's own code comes first in the list (it is what "my code" means); the question's own snippets are
    // all theirs, and the newest of them are the ones being asked about.
    const fromThread = code.some((c) => !c.fromQuestion);
    notes.push(
      `Orca checked the ${fromThread ? "first" : "last"} ${limits.maxSnippets} of ${code.length} code snippets${fromThread ? " (the asker's own first)" : ""}.`,
    );
    code = fromThread ? code.slice(0, limits.maxSnippets) : code.slice(-limits.maxSnippets);
  }
  code = code.map((c) => {
    const lines = c.snippet.code.split("\n");
    if (lines.length <= limits.maxSnippetLines) return c;
    notes.push(`A snippet has ${lines.length} lines; Orca checked the first ${limits.maxSnippetLines}.`);
    return { ...c, snippet: { ...c.snippet, code: lines.slice(0, limits.maxSnippetLines).join("\n") } };
  });

  const humanTexts = messages.filter((m) => !m.isBot).map((m) => m.text);
  const versionTexts = [...humanTexts, question, ...code.map((c) => c.snippet.code)];
  let forced = thread.prefectVersion ?? null;
  if (forced !== null && parseVersion(forced) === null) {
    notes.push(
      `“${forced.slice(0, 40)}” is not a Prefect version, so Orca detected the version from the thread instead.`,
    );
    forced = null;
  }
  const version = reader.detectVersion(versionTexts, forced);
  const text = [...humanTexts, question].join("\n");
  // Off-topic unless something ties it to Prefect (a Prefect version given by the caller does); the engine also
  // keeps questions that name a Prefect API.
  const offTopic =
    shape === "text" &&
    code.length === 0 &&
    foreign === null &&
    forced === null &&
    !looksPrefectRelated(question) &&
    !MAJOR_UPGRADE.test(question) &&
    !messages.some((m) => /\bprefect\b/i.test(m.text));
  const commands = questionSnippets
    .filter((s) => s.language === "shell" || s.language === "yaml")
    .map((s) => s.code)
    .join("\n");
  return {
    question,
    prose,
    commands,
    shape,
    messages,
    asker,
    code,
    foreignLanguage: foreign,
    offTopic,
    version,
    text,
    notes,
  };
}
