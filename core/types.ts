// Shared vocabulary of Orca. Every area speaks in these types; each area's index.ts re-exports what it needs.

export type PrefectMajor = 2 | 3;

/** The Prefect version an answer is about, and how Orca decided it. */
export interface VersionGuess {
  /** What was found or assumed: "3.4.20", "3" (major only) or "2.20". */
  version: string;
  /** The concrete release the facts are checked against (for example "3.8.3" when only "3" is known). */
  resolved: string;
  major: PrefectMajor;
  how: "stated" | "inferred" | "assumed";
  /** Human-readable reasons, e.g. `"prefect version" output says 3.4.20`, `uses ThreadPoolTaskRunner (3.x only)`. */
  evidence: string[];
}

export type Severity = "error" | "warning" | "info";

/** Snippet-lint rule ids. A contract: eval cases and other tools refer to them. */
export const RULE_IDS = [
  "syntax-error",
  "unknown-symbol",
  "wrong-module",
  "unknown-attribute",
  "unknown-parameter",
  "removed-in-version",
  "not-yet-available",
  "deprecated",
  "unresolved-futures",
  "serial-submit",
  "process-pool-pickling",
  "main-guard",
  "slack-mangled",
  "async-task-in-sync-flow",
  // Beyond the table: runtime traps that no API check sees.
  "missing-await",
  "missing-async-with",
  "not-awaitable",
  "record-used-as-value",
  "hook-signature",
  "missing-run-context",
  "deploy-without-source",
  "map-unmapped-list",
  "uncalled-factory",
  "unmapped-mutated",
  "hook-not-a-list",
  "unguarded-flow-call",
  "variable-exists",
  "retry-delay-without-retries",
  "serve-blocks",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Rules that judge a named API: whether it exists, where and with which parameters, in the release. */
export const NAME_RULE_IDS: readonly RuleId[] = [
  "unknown-symbol",
  "wrong-module",
  "unknown-attribute",
  "unknown-parameter",
  "removed-in-version",
  "not-yet-available",
];

/**
 * The Python exceptions the problem a rule finds raises when the code runs: asked "why does this fail with
 * AttributeError?", the finding that predicts an `AttributeError` is the answer. Only rules whose problem surely ends
 * in that exception are listed.
 */
export const RULE_RAISES: Partial<Record<RuleId, readonly string[]>> = {
  "syntax-error": ["SyntaxError", "IndentationError"],
  "unknown-symbol": ["ImportError", "AttributeError"],
  "wrong-module": ["ImportError", "ModuleNotFoundError"],
  "unknown-attribute": ["AttributeError"],
  "unknown-parameter": ["TypeError"],
  "removed-in-version": ["ImportError", "ModuleNotFoundError", "AttributeError"],
  "not-yet-available": ["ImportError", "ModuleNotFoundError", "AttributeError", "TypeError"],
  "not-awaitable": ["TypeError"],
  "record-used-as-value": ["TypeError", "AttributeError"],
  "hook-signature": ["TypeError"],
  "variable-exists": ["ValueError"],
};

/** A replacement of the half-open character range [start, end) of a snippet's code. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

/**
 * What a diagnosis is about, as data: callers read these fields, never the message (which is prose for people).
 */
export interface DiagnosisSubject {
  /** The Prefect name as the code reaches it, fully qualified (`prefect.futures.wait`, `prefect.flows.Flow.submit`). */
  name?: string;
  /** Where that name really lives or lived, when the code looked in the wrong place. */
  home?: string;
  /** The keyword argument the diagnosis is about (unknown-parameter). */
  keyword?: string;
  /** The expression the member was reached through, as written (`child` in `child.submit(...)`). */
  receiver?: string;
  /** The kind of function the call sits in, when that is the problem (`pause_flow_run` inside a task). */
  within?: "task" | "flow";
}

export interface Diagnosis {
  rule: RuleId;
  severity: Severity;
  /** 1-based line and column in the snippet's code (after un-mangling). */
  line: number;
  column: number;
  /** The node the diagnosis is about: the half-open character range [start, end) in the code as given. */
  range?: { start: number; end: number };
  subject?: DiagnosisSubject;
  message: string;
  fix?: Fix;
  /** Index of the snippet in the thread this diagnosis belongs to, when known. */
  snippet?: number;
}

export type SnippetLanguage = "python" | "yaml" | "shell" | "text";

export interface Snippet {
  /** The code after Slack un-mangling. */
  code: string;
  /** The code exactly as it appeared in the message. */
  raw: string;
  language: SnippetLanguage;
  fenced: boolean;
  /** A statement written inline in the prose (`flow.serve()`): a name the question mentions, not code pasted for review. */
  inline?: boolean;
  /** True when un-mangling changed anything (autolinks, entities, smart quotes...). */
  mangled: boolean;
  /** Index of the thread message it came from, when extracted from a thread. */
  messageIndex?: number;
}

export interface LintResult {
  version: string;
  diagnoses: Diagnosis[];
  /** The code with every safe fix applied. */
  fixedCode: string;
}

export interface ThreadMessage {
  /** Display name or pseudonym. */
  author: string;
  text: string;
  /** True for Orca's own or any other bot's messages. */
  isBot: boolean;
  ts?: string;
}

/** A conversation as the answer pipeline sees it. */
export interface Thread {
  /** Earlier messages, oldest first (the question is not repeated here). */
  messages: ThreadMessage[];
  /** The message that asks Orca (the mention, the DM, the console line). */
  question: string;
  /** Author of the question, when known. */
  asker?: string;
  /** A version forced by the caller (CLI flag, eval case); wins over detection. */
  prefectVersion?: string | null;
}

export type DocKind = "docs" | "conversation";

export interface SourceRef {
  title: string;
  url: string;
  kind: DocKind;
  section?: string;
}

export type AnswerMode = "offline" | "llm";

/**
 * What the reply stands on, so that runs can count how often Orca answers directly and how often it abstains:
 * an answer unit (or a setting's facts), the API facts (a parameter's default), a release-notes lead, the check of the asker's code or quoted error, the
 * curated notes, an honest abstention, a request for more, or the model's draft (LLM mode).
 */
export type AnswerBasis =
  | "unit"
  | "facts"
  | "release-note"
  | "checked-code"
  | "notes"
  | "abstain"
  | "need-more"
  | "model";

export interface Answer {
  /** Markdown body (converted to Slack mrkdwn at the Slack edge). */
  markdown: string;
  sources: SourceRef[];
  /** Diagnoses of the asker's code. */
  diagnoses: Diagnosis[];
  /** The asker's code with all fixes applied, when there was code to fix. */
  correctedCode: string | null;
  version: VersionGuess;
  mode: AnswerMode;
  basis?: AnswerBasis;
  /** The answer unit the reply stands on, and how sure the match was (for evals and logs). */
  unit?: { id: string; confidence: number } | null;
  /** Milliseconds per pipeline step (read, lint, retrieve, compose, verify, total). */
  timings: Record<string, number>;
  /** One-line notes such as "LLM unavailable, answered offline". */
  notes: string[];
}

export interface AnswerOptions {
  signal?: AbortSignal;
}

/** The one call the Slack app, the console, `orca ask` and the evals make. */
export interface AnswerEngine {
  answer(thread: Thread, options?: AnswerOptions): Promise<Answer>;
}

export interface SearchHit {
  /** Chunk id. */
  id: string;
  docId: string;
  title: string;
  url: string;
  /** Heading path inside the document. */
  section: string[];
  kind: DocKind;
  /** Prefect major the document is about ("2", "3") or null when unknown. */
  versionTag: string | null;
  score: number;
  /** A short extract for display. */
  snippet: string;
  /** The whole chunk text. */
  text: string;
}

export type RetrievalMode = "hybrid" | "bm25" | "vector";

export interface SearchOptions {
  k?: number;
  /** Prefer (boost) documents of this Prefect major. */
  prefectMajor?: PrefectMajor;
  kind?: DocKind;
  mode?: RetrievalMode;
}

export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

/** Turns texts into vectors. Implementations: the embedded offline hasher, an OpenAI-compatible client. */
export interface Embedder {
  /** Stable identity stored with an index; two embedders with different ids never share one index. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}
