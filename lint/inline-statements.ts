// Code quoted inline in a Slack message ("`from prefect.infrastructure import KubernetesJob` gives ImportError"): when a
// message has no code block, the Prefect statements it quotes are the code to check.
import { isPythonLine } from "./classify-language.js";
import { parsesCleanly } from "./python-parser.js";
import { unmangleSlack } from "./unmangle-slack.js";

const INLINE_CODE = /(?<!`)`([^`\n]{3,300})`(?!`)/g;
/** Longest message whose inline statements are read as its code (a question, not an essay). */
const MAX_INLINE_MESSAGE = 2_000;
/** A Prefect name a statement must use to be worth checking: an import of prefect, `prefect.` or a well-known name. */
const PREFECT_WORDS =
  /\b(?:prefect|flow|task|run_deployment|wait_for_flow_run|pause_flow_run|suspend_flow_run|Variable|\w+TaskRunner|get_run_logger|get_client)\b/;

/**
 * Orca's own answers are Markdown (bold, links) and quote wrong code inline on purpose ("`from prefect import wait`
 * fails"); Slack messages use mrkdwn. Inline statements are read from messages only.
 */
export function isMarkdownDocument(text: string): boolean {
  return text.length > MAX_INLINE_MESSAGE || /\*\*[^*\n]+\*\*|\]\((?:https?:|\/)/.test(text);
}

/**
 * Statements quoted inline in prose ("I have `from prefect.infrastructure import KubernetesJob` and ..."), read only
 * when the message has no code block: then they are the code. Names and dotted paths alone are mentions, not code.
 * The statements of one message are checked together, so a name bound in one is known in the next.
 */
export function inlineStatements(text: string): string[] {
  const statements: string[] = [];
  const bound = new Set<string>();
  for (const m of text.matchAll(INLINE_CODE)) {
    const code = unmangleSlack(m[1]!).text.trim();
    const statement = /^(from\s+[\w.]+\s+import\s|import\s+[\w.]+)/.test(code) || /[\w)\]]\s*\(/.test(code);
    const relevant = PREFECT_WORDS.test(code) || (code.match(/[A-Za-z_]\w*/g) ?? []).some((w) => bound.has(w));
    if (!statement || !relevant || !isPythonLine(code) || !parsesCleanly(code)) continue;
    statements.push(m[1]!.trim());
    const target = /^([A-Za-z_]\w*)\s*=[^=]/.exec(code)?.[1];
    if (target) bound.add(target);
  }
  if (statements.length === 0) return [];
  const joined = statements.join("\n");
  return parsesCleanly(unmangleSlack(joined).text) ? [joined] : statements;
}
