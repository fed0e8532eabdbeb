// Grades the bot answers recorded in a transcript: lints their code for the thread's version, checks every Prefect
// API they name and every claim they make about behaviour, and locates each defect in its message.
import {
  type Diagnosis,
  NAME_RULE_IDS,
  type Snippet,
  type ThreadMessage,
  type VersionGuess,
} from "../../core/index.js";
import type { PrefectFacts } from "../../knowledge/index.js";
import { shorten } from "../score-case.js";
import type { AuditedTranscript, Defect } from "../types.js";
import { type AuditFinding, checkApiNames } from "./api-check.js";
import { checkClaims } from "./claim-check.js";

/** What the audit needs from snippet-lint and the facts, passed in so it can be assembled once per run. */
export interface AuditTools {
  facts: PrefectFacts;
  extractSnippets(text: string, messageIndex?: number): Snippet[];
  /** Diagnoses of one snippet (mangling included) for a concrete release. */
  lintSnippet(snippet: Snippet, release: string): Diagnosis[];
  detectVersion(texts: string[], forced?: string | null): VersionGuess;
  unmangle(text: string): string;
  isAsyncOnly?: (fq: string, release: string) => boolean | undefined;
}

/** Claims about a name alone, which the API check also finds in the text. */
const NAME_CLAIMS = new Set(["exists-claim", "import-claim"]);

/** Lint rules about what Slack did to a pasted message rather than about the code the author wrote. */
const ARCHIVE_RULES = new Set(["slack-mangled"]);

/** Lint rules that judge a named API; an API-check finding about the same name in the same message repeats them. */
const API_RULES = new Set<string>([...NAME_RULE_IDS, "deprecated"]);

export function auditTranscript(
  file: string,
  messages: ThreadMessage[],
  tools: AuditTools,
  forcedVersion?: string | null,
): AuditedTranscript {
  const version = tools.detectVersion(
    messages.map((m) => m.text),
    forcedVersion,
  );
  const defects: Defect[] = [];
  messages.forEach((message, index) => {
    if (message.isBot) defects.push(...auditMessage(message, index, version.resolved, tools));
  });
  return { file, version, messages: messages.length, botMessages: messages.filter((m) => m.isBot).length, defects };
}

export function auditMessage(message: ThreadMessage, index: number, release: string, tools: AuditTools): Defect[] {
  const at = { messageIndex: index, author: message.author, ...(message.ts ? { ts: message.ts } : {}) };
  const snippets = tools.extractSnippets(message.text, index).filter((s) => s.language === "python");
  const defects: Defect[] = [];
  const lintNames: string[] = [];
  // One finding per defect: a line the linter already reported is not reported again by the API check.
  const lintedLines = new Set<string>();
  for (const snippet of snippets) {
    const diagnoses = tools.lintSnippet(snippet, release);
    for (const d of diagnoses) {
      if (API_RULES.has(d.rule)) lintNames.push(...[d.subject?.name, d.subject?.home].filter((n) => n !== undefined));
      const line = snippet.code.split("\n")[d.line - 1] ?? snippet.raw;
      const archive = ARCHIVE_RULES.has(d.rule);
      if (!archive) lintedLines.add(line.trim());
      defects.push({
        ...at,
        kind: archive ? "archive" : "lint",
        code: d.rule,
        // Slack rewrote the archived copy; the bot's own message was not wrong, so it is not graded as an error.
        severity: archive ? "info" : d.severity,
        message: archive ? `Archive artefact, not the bot's error: ${d.message}` : d.message,
        excerpt: shorten(line, 160),
      });
    }
  }
  const text = tools.unmangle(message.text);
  const code = snippets.map((s) => s.code);
  const apiFindings = checkApiNames(text, code, {
    facts: tools.facts,
    version: release,
    isAsyncOnly: tools.isAsyncOnly,
  });
  const claims = proseParts(text, snippets).flatMap((p) => checkClaims(p, tools.facts, release));
  const symbols = new Set<string>();
  for (const f of [...apiFindings, ...claims]) {
    const claim = f.code.endsWith("-claim");
    if ((!claim && repeatsLint(f, lintNames)) || lintedLines.has(f.excerpt.trim())) continue;
    // A name in the prose that the API check already reported (it reads dotted names and imports in the text too) is
    // the same defect; a sentence claiming what code misuses is a defect of its own.
    if (claim && NAME_CLAIMS.has(f.code) && f.symbol && symbols.has(f.symbol)) continue;
    if (f.symbol) symbols.add(f.symbol);
    defects.push({
      ...at,
      kind: f.code.endsWith("-claim") ? "claim" : "api",
      code: f.code,
      severity: f.severity,
      message: f.message,
      excerpt: shorten(f.excerpt, 160),
    });
  }
  return defects;
}

/** True when a lint diagnosis is already about the finding's owner and member (read from its subject, not its text). */
function repeatsLint(f: AuditFinding, lintNames: string[]): boolean {
  if (!f.symbol) return false;
  // The member alone is too common ("submit", "wait"); with its owner ("Flow", "FlowRun", "prefect.runner") it is not.
  const [owner, member] = f.symbol.split(".").slice(-2);
  return lintNames.some((n) => n.endsWith(`${owner}.${member}`));
}

/**
 * The prose of a message (its code removed) plus the comments inside its code: answers make claims in both, and
 * code joined into prose would make sentences no claim rule can read.
 */
function proseParts(text: string, snippets: Snippet[]): string[] {
  // Drop the lines that belong to code (matched by content: extraction may re-indent or trim them).
  const codeLines = new Set(snippets.flatMap((s) => s.raw.split("\n").map((l) => l.trim())).filter(Boolean));
  const prose = text
    .split("\n")
    .filter((l) => !codeLines.has(l.trim()))
    .join("\n");
  const comments = snippets.flatMap((s) =>
    s.code.split("\n").flatMap((line) => {
      const comment = /(?:^|\s)#\s?(.*)$/.exec(line)?.[1];
      return comment ? [comment] : [];
    }),
  );
  return [prose, ...comments];
}
