// The small interfaces the answer pipeline depends on. The composition root (create-orca.ts) adapts the real lint
// and knowledge modules to them; tests pass small implementations.
import type { LintResult, Logger, Retriever, Snippet, VersionGuess } from "../../core/index.js";
import type { ChangeFactsStore, Glossary, NoteLibrary, PrefectFacts, SettingsFacts } from "../../knowledge/index.js";
import type { ChatModel } from "./llm/index.js";
import type { LeadHook } from "./plan/index.js";
import type { UnitIndex } from "./retrieve/index.js";

/** What a lint is told besides the code: the snippet's index, and the names the asker writes outside the code. */
export interface LintOptions {
  snippet?: number;
  spoken?: readonly string[];
}

export interface SnippetLinter {
  lint(code: string, version: string, options?: LintOptions): LintResult | Promise<LintResult>;
  /** Lints an extracted snippet from its raw text, so Slack mangling is reported (optional for small fakes). */
  lintSnippet?(snippet: Snippet, version: string, options?: LintOptions): LintResult | Promise<LintResult>;
}

/** Reads Slack text: un-mangling, snippet extraction and version detection (the lint area's functions). */
export interface ThreadReader {
  unmangle(text: string): string;
  extractSnippets(text: string, messageIndex?: number): Snippet[];
  detectVersion(texts: string[], forced?: string | null): VersionGuess;
}

export interface AnswerLimits {
  /** Characters of the question that are read; the rest is ignored with a note. */
  maxQuestionChars: number;
  /** Characters of the whole thread that are read (newest messages kept). */
  maxThreadChars: number;
  /** Snippets linted per answer. */
  maxSnippets: number;
  /** Lines of one snippet that are linted. */
  maxSnippetLines: number;
  /** Passages shown in an offline answer. */
  maxPassages: number;
  /** LLM: tool calls allowed in one turn. */
  maxToolCalls: number;
  /** LLM: rounds where a failing draft goes back to the model. */
  maxRepairRounds: number;
  /** LLM: milliseconds for one model call. */
  callTimeoutMs: number;
  /** LLM: milliseconds for the whole answer. */
  answerTimeoutMs: number;
  /** LLM: attempts per model call on 429/5xx. */
  maxAttempts: number;
  /** LLM: first backoff delay, doubled per attempt. */
  backoffMs: number;
}

export const DEFAULT_LIMITS: AnswerLimits = {
  maxQuestionChars: 12_000,
  maxThreadChars: 60_000,
  maxSnippets: 4,
  maxSnippetLines: 400,
  maxPassages: 3,
  maxToolCalls: 8,
  maxRepairRounds: 2,
  callTimeoutMs: 20_000,
  answerTimeoutMs: 60_000,
  maxAttempts: 3,
  backoffMs: 250,
};

export interface AnswerDeps {
  facts: PrefectFacts;
  linter: SnippetLinter;
  reader: ThreadReader;
  retriever: Retriever;
  /** Orca's curated topic notes, read whole for prose answers; without them conceptual answers use passages. */
  notes?: NoteLibrary;
  /** Answer units (pack and generated); without them answers come from the checked code and the notes only. */
  units?: UnitIndex;
  /** The PREFECT_* settings per release, for setting answers and version statements. */
  settings?: SettingsFacts;
  /** Support words of other languages in English (the pack's glossary). */
  glossary?: Glossary;
  /** Other sources of a reply's first statement (release notes), consulted by the plan. */
  leadHooks?: LeadHook[];
  /** Release-notes facts: "fixed in / added in" leads and the model's lookup_changes tool (optional). */
  changes?: ChangeFactsStore;
  /** When present, answers are composed by the model (with offline fallback). */
  chat?: ChatModel;
  logger?: Logger;
  limits?: Partial<AnswerLimits>;
}
