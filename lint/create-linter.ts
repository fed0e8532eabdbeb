// The snippet linter: undo Slack mangling and repair the entry-point guard as text, parse, then check the snippet
// against the API facts of the asker's exact release. Positions and fixes refer to the code as given.
import type { Diagnosis, LintResult, Snippet, TextEdit } from "../core/index.js";
import { InputError, parseVersion } from "../core/index.js";
import type { PrefectFacts } from "../knowledge/index.js";
import { PythonModel } from "./analysis/python-model.js";
import { applyFixes, Rewrite } from "./apply-fixes.js";
import { withElidedParameters } from "./elided-code.js";
import { lineOfOffset } from "./line-of-offset.js";
import { memoizeFacts } from "./memoized-facts.js";
import { parseableRegion } from "./parseable-region.js";
import { withoutPastedOutput } from "./pasted-output.js";
import { emptyBlock, firstSyntaxError, type Node, nodeAt, PARSE_TIMEOUT_MS, parsePython } from "./python-parser.js";
import { reindentPython } from "./reindent-python.js";
import { checkAttributes, checkImports, checkKeywords } from "./rules/api-rules.js";
import { checkMissingAsyncWith } from "./rules/async-with-rules.js";
import { checkRunLoggerOutsideRun } from "./rules/context-rules.js";
import { checkDeployWithoutSource } from "./rules/deploy-rules.js";
import { checkResultOfDirectCall } from "./rules/direct-call-rules.js";
import type { Draft } from "./rules/draft.js";
import { checkUnguardedFlowCall } from "./rules/entrypoint-rules.js";
import { checkUncalledFactory } from "./rules/factory-rules.js";
import { checkSerialSubmit, checkUnresolvedFutures } from "./rules/future-rules.js";
import { checkFutureUsedAsValue, checkStateUsedAsValue } from "./rules/future-value-rules.js";
import { checkStateHookList, checkStateHookSignature } from "./rules/hook-rules.js";
import { checkMapUnmappedList, checkUnmappedMutated } from "./rules/map-rules.js";
import { checkRecordUsedAsValue } from "./rules/record-rules.js";
import { checkRetryDelayWithoutRetries } from "./rules/retry-rules.js";
import type { RuleContext } from "./rules/rule-context.js";
import { checkAsyncTaskInSyncFlow, checkProcessPoolPickling } from "./rules/runner-rules.js";
import {
  checkMissingAwait,
  checkNotAwaitable,
  checkPauseInTask,
  checkTaskOutsideFlow,
  checkVariableSetOverwrite,
  checkVariableValue,
} from "./rules/runtime-rules.js";
import { checkSecretFieldUsedAsValue } from "./rules/secret-rules.js";
import { checkServeBlocks } from "./rules/serve-rules.js";
import { findBrokenMainGuard, findSlackMangling } from "./rules/text-rules.js";
import { unmangleSlack } from "./unmangle-slack.js";

/** Snippets larger than this are not checked (a clear diagnosis says so): support snippets are a few KB. */
export const MAX_LINT_CHARS = 200_000;

export interface LintOptions {
  /** Index of the snippet in its thread, copied onto each diagnosis. */
  snippet?: number;
  /**
   * Names the asker's message writes outside the code ("weights is a list of 5 floats", "it iterates my `model`"),
   * lower-cased: what they say about one of the code's names points at where the code does not do what they expect.
   */
  spoken?: readonly string[];
}

/** The linter itself (the answer engine depends only on the narrower SnippetLinter port in bot/answer/ports.ts). */
export interface Linter {
  /** Lints one Python snippet against the release the version resolves to ("3.4", "2", "3.4.20"). */
  lint(code: string, version: string, options?: LintOptions): LintResult;
  /** Lints an extracted snippet, keeping Slack mangling visible (so it is reported and fixed) when there was any. */
  lintSnippet(snippet: Snippet, version: string, options?: LintOptions): LintResult;
  applyFixes(code: string, diagnoses: readonly Diagnosis[]): string;
}

type TreeRule = (ctx: RuleContext) => void;
const TREE_RULES: TreeRule[] = [
  checkImports,
  checkAttributes,
  checkKeywords,
  checkUnresolvedFutures,
  checkSerialSubmit,
  checkProcessPoolPickling,
  checkAsyncTaskInSyncFlow,
  checkMissingAwait,
  checkMissingAsyncWith,
  checkNotAwaitable,
  checkPauseInTask,
  checkTaskOutsideFlow,
  checkVariableValue,
  checkVariableSetOverwrite,
  checkRetryDelayWithoutRetries,
  checkServeBlocks,
  checkRecordUsedAsValue,
  checkFutureUsedAsValue,
  checkStateUsedAsValue,
  checkStateHookSignature,
  checkStateHookList,
  checkSecretFieldUsedAsValue,
  checkResultOfDirectCall,
  checkRunLoggerOutsideRun,
  checkDeployWithoutSource,
  checkMapUnmappedList,
  checkUnmappedMutated,
  checkUnguardedFlowCall,
  checkUncalledFactory,
];

export async function createLinter(rawFacts: PrefectFacts): Promise<Linter> {
  const facts = memoizeFacts(rawFacts);
  return {
    lint: (code, version, options) => lintCode(facts, code, version, options),
    lintSnippet: (snippet, version, options) => lintCode(facts, snippetSource(snippet), version, options),
    applyFixes,
  };
}

/**
 * The text to lint for an extracted snippet: the raw text when Slack mangled it (so the mangling is reported), laid
 * out like the extracted code when that was re-indented (mangling never changes line structure).
 */
function snippetSource(snippet: Snippet): string {
  if (!snippet.mangled) return snippet.code;
  const unmangled = unmangleSlack(snippet.raw).text;
  if (unmangled === snippet.code) return snippet.raw;
  const reindented = reindentPython(snippet.raw);
  return unmangleSlack(reindented).text === snippet.code ? reindented : snippet.code;
}

function resolveRelease(facts: PrefectFacts, version: string): string {
  if (!parseVersion(version))
    throw new InputError(`"${version}" is not a Prefect version (expected e.g. 3.4.20, 3.4 or 2)`);
  return facts.resolveRelease(version);
}

function lintCode(facts: PrefectFacts, code: string, version: string, options: LintOptions = {}): LintResult {
  const release = resolveRelease(facts, version);
  if (code.length > MAX_LINT_CHARS) {
    return finish(code, release, [tooLarge(code.length)], options);
  }
  const slack = findSlackMangling(code);
  const unmangled = new Rewrite(
    code,
    slack.flatMap((d) => d.fix?.edits ?? []),
  );
  const guards = findBrokenMainGuard(unmangled.text);
  const prepared = new Rewrite(
    unmangled.text,
    guards.flatMap((d) => d.fix?.edits ?? []),
  );
  // Code copied from an indented context (a list item, a docs tab) is parsed as if it started at column 0.
  const dedent = dedentEdits(prepared.text);
  const dedented = new Rewrite(prepared.text, dedent);
  const indent = dedent.length > 0 ? prepared.text.slice(dedent[0]!.start, dedent[0]!.end) : "";
  const drafts: Draft[] = [...slack, ...guards.map((d) => mapDraft(d, unmangled))];
  const treeDrafts = analyze(facts, dedented.text, release, new Set(options.spoken ?? [])).map((d) =>
    withIndent(d, indent),
  );
  drafts.push(...treeDrafts.map((d) => mapDraft(mapDraft(mapDraft(d, dedented), prepared), unmangled)));
  return finish(code, release, drafts, options);
}

/** Lines a fix inserts get the indentation that was taken off before parsing. */
function withIndent(draft: Draft, indent: string): Draft {
  if (!indent || !draft.fix) return draft;
  const edits = draft.fix.edits.map((e) => ({ ...e, text: e.text.replaceAll("\n", `\n${indent}`) }));
  return { ...draft, fix: { ...draft.fix, edits } };
}

/** Edits removing the indentation every non-blank line shares (none when some line starts at column 0). */
function dedentEdits(code: string): TextEdit[] {
  const lines = code.split("\n");
  let common = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.trim() === "") continue;
    common = Math.min(common, /^[ \t]*/.exec(line)![0].length);
    if (common === 0) return [];
  }
  if (!Number.isFinite(common)) return [];
  const edits: TextEdit[] = [];
  let offset = 0;
  for (const line of lines) {
    if (line.trim() !== "") edits.push({ start: offset, end: offset + common, text: "" });
    offset += line.length + 1;
  }
  return edits;
}

/** Appended (for analysis only) after a dangling decorator, so a one-line `@flow(...)` fragment can be checked. */
const FRAGMENT_STUB = "\ndef _orca_fragment():\n    ...\n";

/** Parses and runs the tree rules; returns drafts located in `code`. */
function analyze(facts: PrefectFacts, code: string, release: string, spoken: ReadonlySet<string>): Draft[] {
  const source = endsWithDecorator(code) ? code + FRAGMENT_STUB : code;
  const root = parsePython(source);
  if (!root) {
    return [
      {
        rule: "syntax-error",
        severity: "warning",
        offset: 0,
        message: `Not checked: parsing took longer than ${PARSE_TIMEOUT_MS} ms.`,
      },
    ];
  }
  const syntax = syntaxProblem(root, source);
  if (!syntax)
    return runRules({ facts, release, spoken }, root, source, TREE_RULES).filter((d) => d.offset < code.length);
  // A parameter list the asker elided (`def call_api(...): ...`) says the parameters do not matter: the code is
  // checked with it filled in, and the elision is no syntax error.
  const filled = withElidedParameters(source);
  const filledRoot = filled === null ? null : parsePython(filled);
  if (filled !== null && filledRoot && !syntaxProblem(filledRoot, filled))
    return runRules({ facts, release, spoken }, filledRoot, filled, TREE_RULES).filter((d) => d.offset < code.length);
  // The error the code raised, pasted into the same block ("TypeError: '<' not supported …" under the line that raised
  // it), is output, not code: the code above it is checked whole.
  const cut = withoutPastedOutput(source);
  const cutRoot = cut === null ? null : parsePython(cut);
  if (cut !== null && cutRoot && !syntaxProblem(cutRoot, cut))
    return runRules({ facts, release, spoken }, cutRoot, cut, TREE_RULES).filter((d) => d.offset < code.length);
  // The tree around a syntax error is a guess: there only the import checks run, and everything else is checked on
  // the largest part of the snippet that parses once the broken top-level statements are blanked out.
  const drafts = [syntax, ...runRules({ facts, release, spoken }, root, source, [checkImports])].filter(
    (d) => d.rule === "syntax-error" || !insideError(root, d.offset),
  );
  const region = parseableRegion(source, syntax.offset, (root, text) => syntaxProblem(root, text)?.offset ?? null);
  if (region) {
    const seen = new Set(drafts.map((d) => `${d.rule}:${d.offset}`));
    for (const d of runRules({ facts, release, spoken }, region.root, region.text, TREE_RULES)) {
      if (!seen.has(`${d.rule}:${d.offset}`)) drafts.push(d);
    }
  }
  return drafts.filter((d) => d.offset < code.length);
}

function runRules(
  { facts, release, spoken }: { facts: PrefectFacts; release: string; spoken: ReadonlySet<string> },
  root: Node,
  code: string,
  rules: TreeRule[],
): Draft[] {
  const drafts: Draft[] = [];
  const major = parseVersion(release)?.[0] === 2 ? 2 : 3;
  const model = new PythonModel(root, facts, release);
  const ctx: RuleContext = { facts, release, major, model, code, spoken, report: (d) => drafts.push(d) };
  for (const rule of rules) rule(ctx);
  return drafts;
}

function endsWithDecorator(code: string): boolean {
  const last = code
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("#"))
    .at(-1);
  return last !== undefined && /^@[A-Za-z_]/.test(last);
}

function syntaxProblem(root: Node, code: string): Draft | null {
  const error = firstSyntaxError(root);
  if (error) {
    const snippet = code.slice(error.startIndex, Math.min(error.endIndex, error.startIndex + 40)).split("\n")[0];
    const what = error.isMissing
      ? `missing \`${error.type}\``
      : snippet
        ? `unexpected \`${snippet}\``
        : "unexpected end of code";
    return {
      rule: "syntax-error",
      severity: "error",
      offset: error.startIndex,
      message: `The code does not parse as Python: ${what}.`,
    };
  }
  const empty = emptyBlock(root);
  if (empty) {
    return {
      rule: "syntax-error",
      severity: "error",
      offset: empty.startIndex,
      message:
        "The code does not parse as Python: a block has no indented body (the indentation may have been lost when it was copied).",
    };
  }
  return null;
}

function insideError(root: Node, offset: number): boolean {
  let node: Node | null = nodeAt(root, offset);
  while (node) {
    if (node.isError) return true;
    node = node.parent;
  }
  return false;
}

function mapDraft(draft: Draft, rewrite: Rewrite): Draft {
  const mapped: Draft = { ...draft, offset: rewrite.toSource(draft.offset) };
  if (draft.end !== undefined) mapped.end = Math.max(mapped.offset, rewrite.toSource(draft.end));
  if (draft.fix) {
    const edits = draft.fix.edits.map((e) => rewrite.editToSource(e));
    if (edits.every((e) => e !== null))
      mapped.fix = { ...draft.fix, edits: edits as NonNullable<(typeof edits)[number]>[] };
    else delete mapped.fix;
  }
  return mapped;
}

function tooLarge(length: number): Draft {
  return {
    rule: "syntax-error",
    severity: "warning",
    offset: 0,
    message: `Not checked: the snippet has ${length.toLocaleString("en-US")} characters, over the ${MAX_LINT_CHARS.toLocaleString("en-US")}-character limit for one snippet.`,
  };
}

function finish(code: string, release: string, drafts: Draft[], options: LintOptions): LintResult {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const seen = new Set<string>();
  const diagnoses: Diagnosis[] = [];
  for (const d of [...drafts].sort((a, b) => a.offset - b.offset)) {
    const key = `${d.rule}:${d.offset}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const line = lineOfOffset(lineStarts, d.offset);
    const diagnosis: Diagnosis = {
      rule: d.rule,
      severity: d.severity,
      line,
      column: d.offset - lineStarts[line - 1]! + 1,
      range: { start: d.offset, end: Math.min(code.length, d.end ?? d.offset) },
      message: d.message,
    };
    if (d.subject) diagnosis.subject = d.subject;
    if (d.fix) diagnosis.fix = d.fix;
    if (options.snippet !== undefined) diagnosis.snippet = options.snippet;
    diagnoses.push(diagnosis);
  }
  return { version: release, diagnoses, fixedCode: applyFixes(code, diagnoses) };
}
