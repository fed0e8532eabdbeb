// Finds the code in a Slack message: fenced blocks, and code pasted straight into the prose (which archived threads
// are full of, often with the indentation gone and a timestamp glued to the first line).
import { codeFences, type Snippet, type SnippetLanguage } from "../core/index.js";
import { classifyBlock, isPythonLine, isShellLine, isYamlLine, isYamlRootLine } from "./classify-language.js";
import { withElidedParameters } from "./elided-code.js";
import { inlineStatements, isMarkdownDocument } from "./inline-statements.js";
import { withoutPastedOutput } from "./pasted-output.js";
import { parsesCleanly } from "./python-parser.js";
import { reindentPython } from "./reindent-python.js";
import { unmangleSlack } from "./unmangle-slack.js";

const LANGUAGE_TAG = /^(python3?|py|ya?ml|bash|sh|shell|zsh|console|text|txt|toml|json|dockerfile|ini)\s*$/i;
// "09/02/2025, 3:11 PM" immediately followed by what someone pasted.
const GLUED_TIMESTAMP = /^(.*?\d{1,2}\/\d{1,2}\/\d{2,4},\s*\d{1,2}:\d{2}\s*[AP]M)(\S.*)$/;
/** "@Orca from prefect import flow", "<@U0123ABC> from prefect import flow": a mention typed before the code. */
const MENTION_PREFIX = /^(\s*(?:<@[^>\s]+>|@[\w.-]+)[,:]?)[ \t]+(\S.*)$/;
/** A Slack user or channel mention as Slack stores it: never code, even though it reads as `@U0123ABC` unwrapped. */
const SLACK_MENTION = /^\s*<[@#!][^>\s]*>/;
/** How many lines may be trimmed from each end of an unfenced block to make it parse (prose that looked like code). */
const MAX_EDGE_TRIM = 3;
/** Longest unfenced block considered, in lines. */
const MAX_BLOCK_LINES = 5_000;
/** Larger blocks are not re-indented (the linter reports them as too large anyway). */
const MAX_REPAIR_CHARS = 100_000;

interface Candidate {
  raw: string;
  hint?: string;
  fenced: boolean;
  inline?: boolean;
  language?: SnippetLanguage;
}

export function extractSnippets(messageText: string, messageIndex?: number): Snippet[] {
  const text = messageText.replace(/\r\n?/g, "\n");
  const candidates: Candidate[] = [];
  let last = 0;
  for (const fence of codeFences(text)) {
    candidates.push(...unfencedBlocks(text.slice(last, fence.start)));
    const firstLine = fence.info;
    const tagged = LANGUAGE_TAG.test(firstLine.trim()) || firstLine.trim() === "";
    const body = tagged ? fence.body : `${firstLine}\n${fence.body}`;
    if (body.trim() !== "") candidates.push(...fencedBlocks(body, tagged ? firstLine.trim() : undefined));
    last = fence.end;
  }
  candidates.push(...unfencedBlocks(text.slice(last)));
  if (!candidates.some((c) => c.fenced || c.language === "python") && !isMarkdownDocument(text)) {
    candidates.push(
      ...inlineStatements(text).map((raw) => ({ raw, fenced: false, inline: true, language: "python" as const })),
    );
  }
  return candidates.map((c) => toSnippet(c, messageIndex));
}

/**
 * A fenced block is normally one snippet. When it holds Python that cannot parse even after repair, the fence most
 * likely swallowed prose too (an unclosed fence, messages run together), so the code inside is looked for line by line.
 */
function fencedBlocks(body: string, hint: string | undefined): Candidate[] {
  const raw = trimBlankLines(body);
  const code = dedent(unmangleSlack(raw).text);
  // Output pasted under the code that raised it leaves the block one snippet: the linter checks the code above it.
  const parsesWithoutOutput = () => {
    const cut = withoutPastedOutput(code);
    return cut !== null && parsesCleanly(cut);
  };
  if (classifyBlock(code, hint) !== "python" || parsesAsWritten(repairIndentation(code)) || parsesWithoutOutput()) {
    return [{ raw, hint, fenced: true }];
  }
  const inner = unfencedBlocks(raw);
  if (inner.length === 0) return [{ raw, hint, fenced: true }];
  return inner.map((c) => ({ ...c, fenced: true }));
}

function toSnippet(candidate: Candidate, messageIndex: number | undefined): Snippet {
  const unmangled = unmangleSlack(candidate.raw);
  let code = dedent(unmangled.text);
  const language = candidate.language ?? classifyBlock(code, candidate.hint);
  if (language === "python") code = repairIndentation(code);
  const snippet: Snippet = { code, raw: candidate.raw, language, fenced: candidate.fenced, mangled: unmangled.changed };
  if (candidate.inline) snippet.inline = true;
  if (messageIndex !== undefined) snippet.messageIndex = messageIndex;
  return snippet;
}

/** Returns the re-indented code when the original does not parse and the re-indented version does. */
export function repairIndentation(code: string): string {
  if (code.length > MAX_REPAIR_CHARS || parsesAsWritten(code)) return code;
  const reindented = reindentPython(code);
  return reindented !== code && parsesAsWritten(reindented) ? reindented : code;
}

/** Parses as the asker meant it: with an elided parameter list (`def f(...)`) read as any parameters. */
function parsesAsWritten(code: string): boolean {
  if (parsesCleanly(code)) return true;
  const filled = withElidedParameters(code);
  return filled !== null && parsesCleanly(filled);
}

function unfencedBlocks(segment: string): Candidate[] {
  const lines = splitGlued(segment.split("\n"));
  const clean = lines.map((l) => unmangleSlack(l).text);
  const blocks: Candidate[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = clean[i]!;
    let end = i;
    let language: SnippetLanguage | undefined;
    if (isCodeLine(clean, i) && !isShellLine(line) && !SLACK_MENTION.test(lines[i]!)) {
      end = pythonBlockEnd(clean, i);
      const codeLines = clean.slice(i, end).filter((l) => isPythonLine(l)).length;
      if (codeLines >= 2 || /^(from|import)\s/.test(line.trim()) || isLoneStatement(line)) language = "python";
      if (language) [i, end] = parseableRange(clean, i, end);
    } else if (isShellLine(line)) {
      end = i + 1;
      while (end < lines.length && (isShellLine(clean[end]!) || clean[end - 1]!.trimEnd().endsWith("\\"))) end++;
      language = "shell";
    } else if (isYamlRootLine(line)) {
      end = i + 1;
      while (end < lines.length && clean[end]!.trim() !== "" && isYamlLine(clean[end]!)) end++;
      if (end - i >= 2 && classifyBlock(clean.slice(i, end).join("\n")) === "yaml") language = "yaml";
    }
    if (language) {
      blocks.push({ raw: trimBlankLines(lines.slice(i, end).join("\n")), fenced: false, language });
      i = end;
    } else {
      i++;
    }
  }
  return blocks;
}

/** Index just past the Python block starting at `start`: code lines, bracket continuations, inner comments. */
function pythonBlockEnd(lines: string[], start: number): number {
  let depth = 0;
  let end = start;
  let i = start;
  while (i < lines.length && i - start < MAX_BLOCK_LINES) {
    const line = lines[i]!;
    const t = line.trim();
    const continues = depth > 0 || (i > start && lines[i - 1]!.trimEnd().endsWith("\\"));
    if (continues || isCodeLine(lines, i)) {
      depth = Math.max(0, depth + bracketDelta(line));
      end = ++i;
      continue;
    }
    if (t === "" || t.startsWith("#")) {
      // Blank lines and comments belong to the block only when more code follows them.
      let j = i;
      while (j < lines.length && (lines[j]!.trim() === "" || lines[j]!.trim().startsWith("#"))) j++;
      if (j < lines.length && isCodeLine(lines, j) && j - i <= 3) {
        i = j;
        continue;
      }
    }
    break;
  }
  return end;
}

/**
 * A Python line in context: a decorator counts only when a definition or another decorator follows it (else it is a
 * mention such as "@Orca"), or when it is a lone decorator call pasted on its own.
 */
function isCodeLine(lines: string[], i: number): boolean {
  const line = lines[i]!;
  if (!isPythonLine(line)) return false;
  if (!line.trim().startsWith("@")) return true;
  let j = i + 1;
  while (j < lines.length && (lines[j]!.trim() === "" || lines[j]!.trim().startsWith("#"))) j++;
  if (j >= lines.length || !isPythonLine(lines[j]!)) return isLoneStatement(line);
  return /^(@|(async\s+)?def\s|class\s)/.test(lines[j]!.trim());
}

/** One line that is plainly code on its own: a call with keyword arguments, or a decorator call with them. */
function isLoneStatement(line: string): boolean {
  const t = line.trim();
  if (!/[\w)]\s*\(.*\b[A-Za-z_]\w*\s*=[^=]/.test(t) || t.length > 400) return false;
  return parsesCleanly(t.startsWith("@") ? `${t}\ndef _f(): ...` : t);
}

/** Lines that are unmistakably code: never trimmed off a block, however badly it parses. */
const STRONG_CODE =
  /^\s*(?:(?:async\s+)?def\s|class\s|@|from\s+[\w.]+\s+import\s|import\s|return\b|raise\b|yield\b|pass\b)/;

/**
 * The lines of [start, end) to keep: all of them when they parse (after re-indenting), else the longest range left
 * after trimming a few weak lines (a sentence such as "for example:" that starts like code) off either end that does
 * parse, else all of them (the linter then reports the syntax error).
 */
function parseableRange(lines: string[], start: number, end: number): [number, number] {
  const parses = (a: number, b: number, fragment: boolean) => {
    const text = dedent(lines.slice(a, b).join("\n"));
    return parsesAsWritten(text) || parsesAsWritten(repairIndentation(text)) || (fragment && isFragmentOk(text));
  };
  if (end - start > MAX_BLOCK_LINES / 10 || parses(start, end, true)) return [start, end];
  let best: [number, number] | null = null;
  for (let a = start; a <= Math.min(start + MAX_EDGE_TRIM, end - 1); a++) {
    if (a > start && STRONG_CODE.test(lines[a - 1]!)) break;
    for (let b = end; b >= Math.max(end - MAX_EDGE_TRIM, a + 1); b--) {
      if (b < end && STRONG_CODE.test(lines[b]!)) break;
      if (best && b - a <= best[1] - best[0]) break;
      if (hasCode(lines, a, b) && parses(a, b, false)) best = [a, b];
    }
  }
  return best ?? [start, end];
}

function hasCode(lines: string[], a: number, b: number): boolean {
  return lines.slice(a, b).some((l) => isPythonLine(l));
}

/** A block ending in a dangling decorator parses once a definition follows it. */
function isFragmentOk(text: string): boolean {
  return /(^|\n)@[^\n]*\s*$/.test(text) && parsesCleanly(`${text}\ndef _f(): ...`);
}

function bracketDelta(line: string): number {
  let delta = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === "#") break;
    else if (ch === '"' || ch === "'") quote = ch;
    else if ("([{".includes(ch)) delta++;
    else if (")]}".includes(ch)) delta--;
  }
  return delta;
}

/** Splits "…3:11 PMfrom prefect import flow" into the timestamp and the code glued to it. */
function splitGlued(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const m = line.length < 2_000 ? (GLUED_TIMESTAMP.exec(line) ?? MENTION_PREFIX.exec(line)) : null;
    if (m && (isPythonLine(m[2]!) || isShellLine(m[2]!))) out.push(m[1]!, m[2]!);
    else out.push(line);
  }
  return out;
}

function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "");
}

/** Removes the indentation every non-blank line shares. */
function dedent(text: string): string {
  const lines = text.split("\n");
  let common = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.trim() === "") continue;
    common = Math.min(common, /^[ \t]*/.exec(line)![0].length);
  }
  if (!Number.isFinite(common) || common === 0) return text;
  return lines.map((l) => l.slice(common)).join("\n");
}
