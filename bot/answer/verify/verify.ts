// Step 5: nothing leaves Orca unchecked. Every Python block of a draft is linted for the asker's release and every
// claim of its prose (APIs, imports, members, versions, parameters, settings, commands, behaviours) is checked by the
// claim checker. Failing blocks are flagged (offline) or removed (LLM); false statements are always removed, with the
// correct fact in their place.
import { codeFences, type Diagnosis, replaceCodeFences } from "../../../core/index.js";
import {
  type ClaimChecker,
  type ClaimReport,
  createClaimChecker,
  falseClaimEdits,
} from "../../../knowledge/claims/index.js";
import { describeApi, type PrefectApiFacts, type PrefectFacts } from "../../../knowledge/index.js";
import { isBlocking } from "../code/index.js";
import type { SnippetLinter } from "../ports.js";

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
  /** The claim check of the prose (absent when the facts offer no settings/CLI history, e.g. test doubles). */
  claims?: ClaimReport;
}

const PYTHONISH = /^\s*(?:from\s+[\w.]+\s+import|import\s+\w|def\s+\w+\(|@\w+|\w+\s*=\s*\w)/m;
const NEGATIVE =
  /\b(?:no|not|never|n't|without|removed|instead of|rather than|wrong|invalid|does not exist|isn't|don't|doesn't|gone)\b/i;
const FILE_LIKE = /^prefect\.(?:yaml|yml|toml|json|io|cloud|md|txt|py)$/;

/** The claim checker needs the compiled store's histories; a bare PrefectFacts (a test double) gets names only. */
function apiFacts(facts: PrefectFacts): PrefectApiFacts | undefined {
  return "commandHistory" in facts && "cliGroups" in facts ? (facts as PrefectApiFacts) : undefined;
}

/**
 * One claim checker per facts store, kept: its name resolvers and verdicts are what make a check cheap, and a
 * draft, its rendered plan and the next question restate the same names and claims. Keyed weakly, so a store that
 * is dropped (tests, a reload) takes its checker with it.
 */
const checkers = new WeakMap<PrefectApiFacts, ClaimChecker>();

function claimCheckerFor(facts: PrefectApiFacts): ClaimChecker {
  let checker = checkers.get(facts);
  if (!checker) {
    checker = createClaimChecker(facts);
    checkers.set(facts, checker);
  }
  return checker;
}

export function pythonBlocks(markdown: string): { start: number; end: number; code: string }[] {
  const blocks: { start: number; end: number; code: string }[] = [];
  for (const { start, end, lang, body: code, closed } of codeFences(markdown)) {
    const isPython = lang === "python" || lang === "py" || (lang === "" && PYTHONISH.test(code));
    if (closed && isPython) blocks.push({ start, end, code });
  }
  return blocks;
}

function checkName(name: string, facts: PrefectFacts, release: string): NameCheck | null {
  if (FILE_LIKE.test(name)) return null;
  // The facts' one answer (as `orca api` gives it); what counts as a wrong name is the verifier's call.
  const report = describeApi(facts, name, release, { details: false });
  if (report.status === "present" || report.status === "integration") return null;
  if (report.status === "removed") return { name, status: "removed", detail: `removed after ${report.lastRelease}` };
  if (report.status === "not-yet") return { name, status: "not-yet", detail: `first in ${report.firstRelease}` };
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
  const full = apiFacts(deps.facts);
  if (full) {
    // Names are claims too ("`prefect.futures.wait` exists"): the checker reports them with everything else.
    const claims = claimCheckerFor(full).check(markdown, release);
    const names = claims.falseSentences
      .flatMap((f) => f.claims)
      .filter((c) => c.claim.kind === "exists")
      .map((c) => nameCheck(c.claim.subject, deps.facts, release));
    const ok = blocks.every((b) => b.problems.length === 0) && claims.falseSentences.length === 0;
    return { ok, blocks, names, claims };
  }
  const prose = replaceCodeFences(markdown, (f) =>
    f.closed ? " ".repeat(f.end - f.start) : markdown.slice(f.start, f.end),
  );
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

function nameCheck(name: string, facts: PrefectFacts, release: string): NameCheck {
  return checkName(name, facts, release) ?? { name, status: "unknown", detail: `not in Prefect ${release}` };
}

export function describeProblems(problems: Diagnosis[]): string {
  return problems
    .slice(0, 3)
    .map((d) => `line ${d.line}: ${d.message.replace(/\s+/g, " ").replace(/\.$/, "")}`)
    .join("; ");
}

export interface Enforced {
  markdown: string;
  /** Blocks removed (remove mode) or flagged (flag mode), with why. */
  blocks: string[];
  /** False statements removed, each with the fact that replaced it. */
  statements: string[];
}

/**
 * Renumbers a numbered list whose item a removal took out ("1.", "3." → "1.", "2."): a line-by-line mapper that counts
 * on from each list's first number and restarts after any line that is not an item.
 */
function renumbered(): (line: string) => string {
  let next: number | null = null;
  return (line) => {
    const item = /^(\d+)\.(\s)/.exec(line);
    if (!item) {
      next = null;
      return line;
    }
    const n: number = next ?? Number(item[1]);
    next = n + 1;
    return `${n}.${line.slice(item[1]!.length + 1)}`;
  };
}

/** Makes a draft safe to send: failing blocks are flagged or removed, false statements removed with the fact. */
export function enforce(markdown: string, result: VerifyResult, release: string, mode: "flag" | "remove"): string {
  return enforceDetailed(markdown, result, release, mode).markdown;
}

export function enforceDetailed(
  markdown: string,
  result: VerifyResult,
  release: string,
  mode: "flag" | "remove",
): Enforced {
  // Claims live in the prose, blocks in the fences: the edits never overlap, so all are applied from the end.
  const claimEdits = result.claims ? falseClaimEdits(result.claims) : [];
  // A false statement is taken out where it stands and its correction goes to the end, so that a removal never
  // becomes the answer's first line (the reader gets the rest of the answer first, then what was corrected).
  const edits: { start: number; end: number; replacement: string }[] = claimEdits.map((e) => ({
    ...e,
    replacement: "",
  }));
  const blocks: string[] = [];
  for (const b of result.blocks) {
    if (b.problems.length === 0) continue;
    const what = describeProblems(b.problems);
    blocks.push(what);
    const replacement =
      mode === "remove"
        ? `_(A code block was removed here: it did not pass Orca's check for Prefect ${release} — ${what}.)_`
        : `> ⚠️ **Not verified:** this code still fails Orca's check for Prefect ${release} (${what}). Treat it as a starting point, not a fix.\n\n${markdown.slice(b.start, b.end)}`;
    edits.push({ start: b.start, end: b.end, replacement });
  }
  let out = markdown;
  for (const e of edits.sort((x, y) => y.start - x.start))
    out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  if (claimEdits.length > 0) {
    // Lines left empty by a removal (a bullet with nothing after it, a blank paragraph) go with it.
    out = out
      .split("\n")
      .filter((line) => !/^\s*(?:[-*]|\d+\.)\s*$/.test(line))
      .map(renumbered())
      .join("\n")
      .replace(/^[ \t]+(?=\S)/, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    out += `\n\n${claimEdits.map((e) => e.replacement).join("\n")}`;
  }
  if (!result.claims && result.names.length > 0) {
    const list = result.names.map((n) => `\`${n.name}\` (${n.detail})`).join(", ");
    out += `\n\n> ⚠️ Check failed for ${list}: ${result.names.length === 1 ? "it does" : "they do"} not exist in Prefect ${release}; do not rely on ${result.names.length === 1 ? "it" : "them"}.`;
  }
  return { markdown: out, blocks, statements: claimEdits.map((e) => e.removed) };
}
