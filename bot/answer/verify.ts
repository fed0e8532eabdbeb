// Step 5: nothing leaves Orca unchecked. Every Python block of a draft is linted for the asker's release and every
// `prefect…` name in its prose is looked up in the facts. Failing blocks are flagged (offline) or removed (LLM).
import type { Diagnosis } from "../../core/index.js";
import type { PrefectFacts } from "../../knowledge/index.js";
import { isBlocking } from "./check-code.js";
import type { SnippetLinter } from "./ports.js";

export interface BlockCheck {
  /** Character range of the whole fenced block in the draft. */
  start: number;
  end: number;
  code: string;
  problems: Diagnosis[];
}

export interface NameCheck {
  name: string;
  status: "removed" | "not-yet" | "unknown";
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  blocks: BlockCheck[];
  names: NameCheck[];
}

const FENCE = /```([\w+-]*)[^\n]*\n([\s\S]*?)```/g;
const PYTHONISH = /^\s*(?:from\s+[\w.]+\s+import|import\s+\w|def\s+\w+\(|@\w+|\w+\s*=\s*\w)/m;
const NEGATIVE =
  /\b(?:no|not|never|n't|without|removed|instead of|rather than|wrong|invalid|does not exist|isn't|don't|doesn't|gone)\b/i;
const FILE_LIKE = /^prefect\.(?:yaml|yml|toml|json|io|cloud|md|txt|py)$/;

export function pythonBlocks(markdown: string): { start: number; end: number; code: string }[] {
  const blocks: { start: number; end: number; code: string }[] = [];
  for (const m of markdown.matchAll(FENCE)) {
    const lang = m[1]!.toLowerCase();
    const code = m[2]!;
    const isPython = lang === "python" || lang === "py" || (lang === "" && PYTHONISH.test(code));
    if (isPython) blocks.push({ start: m.index!, end: m.index! + m[0].length, code });
  }
  return blocks;
}

function checkName(name: string, facts: PrefectFacts, release: string): NameCheck | null {
  if (FILE_LIKE.test(name)) return null;
  const presence = facts.presence(name, release);
  if (presence.status === "present") return null;
  if (presence.status === "removed")
    return { name, status: "removed", detail: `removed after ${presence.lastRelease}` };
  if (presence.status === "not-yet") return { name, status: "not-yet", detail: `first in ${presence.firstRelease}` };
  // Unknown: only a claim about a member of something known is checkable (prefect.futures.wiat, Flow.submitt).
  const parent = name.slice(0, name.lastIndexOf("."));
  const parentFact = facts.symbol(parent) ?? (parent ? facts.resolve(parent, release) : undefined);
  if (!parentFact) return null;
  if (parentFact.kind === "class") {
    const members = facts.members(parentFact.name, release);
    if (!members?.complete) return null;
  }
  return { name, status: "unknown", detail: `not in Prefect's public API in ${release}` };
}

export async function verifyDraft(
  markdown: string,
  deps: { linter: SnippetLinter; facts: PrefectFacts },
  release: string,
): Promise<VerifyResult> {
  const blocks: BlockCheck[] = [];
  for (const [i, b] of pythonBlocks(markdown).entries()) {
    const result = await deps.linter.lint(b.code, release, { snippet: i });
    blocks.push({ ...b, problems: result.diagnoses.filter(isBlocking) });
  }
  const prose = markdown.replace(FENCE, (m) => " ".repeat(m.length));
  const names: NameCheck[] = [];
  const seen = new Set<string>();
  for (const line of prose.split("\n")) {
    if (NEGATIVE.test(line)) continue;
    for (const m of line.matchAll(/(?<![\w/.-])prefect(?:\.[A-Za-z_]\w*)+/g)) {
      const name = m[0];
      if (seen.has(name)) continue;
      seen.add(name);
      const issue = checkName(name, deps.facts, release);
      if (issue) names.push(issue);
    }
  }
  return { ok: blocks.every((b) => b.problems.length === 0) && names.length === 0, blocks, names };
}

export function describeProblems(problems: Diagnosis[]): string {
  return problems
    .slice(0, 3)
    .map((d) => `line ${d.line}: ${d.message.replace(/\s+/g, " ").replace(/\.$/, "")}`)
    .join("; ");
}

/** Makes a draft safe to send: failing blocks are flagged or removed, failing names are called out. */
export function enforce(markdown: string, result: VerifyResult, release: string, mode: "flag" | "remove"): string {
  let out = markdown;
  for (const b of [...result.blocks].reverse()) {
    if (b.problems.length === 0) continue;
    const what = describeProblems(b.problems);
    const replacement =
      mode === "remove"
        ? `_(A code block was removed here: it did not pass Orca's check for Prefect ${release} — ${what}.)_`
        : `> ⚠️ **Not verified:** this code still fails Orca's check for Prefect ${release} (${what}). Treat it as a starting point, not a fix.\n\n${out.slice(b.start, b.end)}`;
    out = out.slice(0, b.start) + replacement + out.slice(b.end);
  }
  if (result.names.length > 0) {
    const list = result.names.map((n) => `\`${n.name}\` (${n.detail})`).join(", ");
    out += `\n\n> ⚠️ Check failed for ${list}: ${result.names.length === 1 ? "it does" : "they do"} not exist in Prefect ${release}; do not rely on ${result.names.length === 1 ? "it" : "them"}.`;
  }
  return out;
}
