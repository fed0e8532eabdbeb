// Step 2: lint the code under review for the asker's release, apply the linter's safe fixes and Orca's repairs,
// and lint the result again so the corrected code is known to be clean (or its remaining problems are known).
import { type Diagnosis, type LintResult, NAME_RULE_IDS, type PrefectMajor, RULE_RAISES } from "../../../core/index.js";
import type { PrefectFacts } from "../../../knowledge/index.js";
import { codeAbovePastedOutput, field, named, walk } from "../../../lint/index.js";
import { type Explanation, explainDiagnoses } from "../plan/index.js";
import type { SnippetLinter } from "../ports.js";
import { topicText } from "../topics/index.js";
import type { CodeUnderReview } from "../understand/index.js";
import { type RepairNote, repairCode } from "./code-repairs.js";
import { tidyTopLevel } from "./python-text.js";
import { lineAt, parseTree } from "./python-tree.js";
import { fallBackToThreads } from "./structural-repairs.js";
import { hasTreeRepair, repairOnTree } from "./tree-repairs.js";

export interface CheckedSnippet {
  review: CodeUnderReview;
  /** The code as checked (un-mangled, re-indented by the extractor when Slack had flattened it). */
  code: string;
  diagnoses: Diagnosis[];
  explanations: Explanation[];
  corrected: string;
  /** Problems still present in the corrected code (blocking ones). */
  remaining: Diagnosis[];
  /** Warnings still present in the corrected code (deprecations with no safe rewrite, for instance). */
  warnings: Diagnosis[];
  changed: boolean;
}

/** What the linter names when a flow is submitted or mapped like a task (a Flow has neither method). */
const FLOW_SUBMITS = new Set(["prefect.flows.Flow.submit", "prefect.flows.Flow.map"]);

/** Top-level nodes that are not code to show: comments and imports. */
const NOT_CODE = new Set(["comment", "import_statement", "import_from_statement", "future_import_statement"]);

/** Whether code has a statement left (not just blank lines, comments and imports); broken code counts as code. */
export function hasCode(code: string): boolean {
  const tree = parseTree(code);
  if (!tree) return code.trim() !== "";
  return named(tree.root).some((n) => !NOT_CODE.has(n.type));
}

/** Diagnoses that make code wrong (as opposed to style or deprecation notes). */
export function isBlocking(d: Diagnosis): boolean {
  return d.severity === "error" || d.rule === "unresolved-futures";
}

/** Problems that are about a name the release lacks or places elsewhere. */
const NAME_RULES = new Set<string>(NAME_RULE_IDS);

/**
 * What the problems found in checked code are about: a parameter problem's keyword, else the API's last name part
 * (and of where it really lives). A text about one of them explains that problem.
 */
export function diagnosedSubjects(checked: readonly CheckedSnippet[]): string[] {
  const out = new Set<string>();
  for (const d of checked.flatMap((c) => c.explanations.flatMap((e) => e.diagnoses))) {
    // Only a name the release lacks is what the problem is about; a hook's signature or a missing await is about
    // how a name is used, which many texts about that name do not explain.
    if (!NAME_RULES.has(d.rule)) continue;
    // A name the release has under another path, only imported from where it moved later, is a matter of where:
    // the fix says it, and a text about the name itself (its timeout, its uses) explains something else.
    if (d.rule === "not-yet-available" && d.subject?.home && d.fix) continue;
    if (d.subject?.keyword) out.add(d.subject.keyword);
    else for (const name of [d.subject?.name, d.subject?.home]) if (name) out.add(name.split(".").pop()!);
  }
  return [...out];
}

/** The Python exceptions the errors found in checked code raise when it runs (`AttributeError` for `FlowRun.wait`). */
export function diagnosedRaises(checked: readonly CheckedSnippet[]): string[] {
  const out = new Set<string>();
  for (const d of checked.flatMap((c) => c.explanations.flatMap((e) => e.diagnoses)))
    if (d.severity === "error") for (const raised of RULE_RAISES[d.rule] ?? []) out.add(raised);
  return [...out];
}

/** The keywords the asker's release does not take (`reschedule=` on 3.x's `pause_flow_run`), from the checked code. */
export function diagnosedKeywords(checked: readonly CheckedSnippet[]): string[] {
  const out = new Set<string>();
  for (const d of checked.flatMap((c) => c.explanations.flatMap((e) => e.diagnoses)))
    if (NAME_RULES.has(d.rule) && d.subject?.keyword) out.add(d.subject.keyword);
  return [...out];
}

/**
 * Adds what a repair changed to the explanation of the problem it answers: the one naming the same API, else the
 * first one of the same rule; a repair nothing explains yet gets its own explanation.
 */
function attachNotes(explanations: Explanation[], notes: RepairNote[]): void {
  for (const note of notes) {
    const short = note.name?.split(".").pop();
    const names = (d: Diagnosis) => [d.subject?.name, d.subject?.home].map((n) => n?.split(".").pop());
    const target =
      (short && explanations.find((e) => e.diagnoses.some((d) => names(d).includes(short)))) ||
      explanations.find((e) => e.diagnoses.some((d) => d.rule === note.rule));
    if (target) {
      if (!target.text.includes(note.text)) target.text = `${target.text} ${note.text}`;
    } else explanations.push({ topic: "generic", text: note.text, lines: [], diagnoses: [] });
  }
}

function sameSubject(a: Diagnosis, b: Diagnosis): boolean {
  return a.subject?.name === b.subject?.name && a.subject?.keyword === b.subject?.keyword;
}

/** The line of the first `keyword=` argument in the code, when it parses that far. */
function keywordLine(code: string, keyword: string): number | undefined {
  const tree = parseTree(code);
  let at: number | undefined;
  if (tree)
    walk(tree.root, (node) => {
      if (at !== undefined) return false;
      if (node.type === "keyword_argument" && field(node, "name")?.text === keyword) at = node.startIndex;
      return true;
    });
  return at === undefined ? undefined : lineAt(code, at);
}

/** Lints code Orca wrote or corrected: the asker's words are about their own code (linted with them, below). */
async function lintOnce(linter: SnippetLinter, code: string, release: string, index: number): Promise<LintResult> {
  return await linter.lint(code, release, { snippet: index });
}

export async function checkSnippet(
  review: CodeUnderReview,
  index: number,
  deps: { linter: SnippetLinter; facts: PrefectFacts },
  version: { resolved: string; major: PrefectMajor },
  /** The words of the asker's message outside its code (`LintOptions.spoken`). */
  spoken: readonly string[] = [],
): Promise<CheckedSnippet> {
  // The extractor has already undone Slack's mangling and re-indented flattened code where that parses; the raw
  // text is linted when the linter can read it, so the mangling itself is reported (its fix restores the code).
  // A traceback pasted under the code is what the asker saw, not code: the repairs and the code shown back leave it out
  // (repairing around it once merged its words into the fixed import).
  const code = codeAbovePastedOutput(review.snippet.code);
  const withOutput = code !== review.snippet.code;
  // A snippet cut to the line limit is linted as cut (its raw text is the whole paste).
  const cut = review.snippet.raw.split("\n").length > review.snippet.code.split("\n").length;
  const first =
    deps.linter.lintSnippet && review.snippet.mangled && !cut && !withOutput
      ? await deps.linter.lintSnippet(review.snippet, version.resolved, { snippet: index, spoken })
      : await deps.linter.lint(code, version.resolved, { snippet: index, spoken });
  const context = { major: version.major, release: version.resolved };
  const flowNames = first.diagnoses
    .filter((d) => d.rule === "unknown-attribute" && FLOW_SUBMITS.has(d.subject?.name ?? ""))
    .map((d) => d.subject?.receiver)
    .filter((x): x is string => !!x);
  const hasFuturesWait = deps.facts.presence("prefect.futures.wait", version.resolved).status === "present";
  const repaired = repairCode(first.fixedCode, {
    major: version.major,
    hasFuturesWait,
    flowNames,
    facts: deps.facts,
    release: version.resolved,
    diagnoses: first.diagnoses,
  });
  const explanations = explainDiagnoses(first.diagnoses, context);
  for (const finding of repaired.findings) {
    if (explanations.some((e) => e.topic === finding.topic)) continue;
    // The unresolved-futures rule belongs to 3.x; in 2.x the engine waits, so no explanation is needed.
    explanations.push({
      topic: finding.topic,
      text: topicText(finding.topic, context),
      lines: finding.lines,
      diagnoses: [],
    });
  }
  attachNotes(explanations, repaired.notes);
  let finalSource = repaired.code;
  let final = await lintOnce(deps.linter, finalSource, version.resolved, index);
  // Pickling problems the safe moves could not remove: the flow falls back to threads.
  if (final.diagnoses.some((d) => d.rule === "process-pool-pickling")) {
    const threads = fallBackToThreads(final.fixedCode);
    if (threads) {
      finalSource = threads.code;
      final = await lintOnce(deps.linter, finalSource, version.resolved, index);
      attachNotes(explanations, [{ rule: "process-pool-pickling", text: threads.text }]);
    }
  }
  // The repairs on the tree run on the code the text-level repairs produced, with the diagnoses of linting exactly
  // that code (their ranges are offsets in it); the linter's own fixes are applied in the same pass. A diagnosis the
  // asker's code did not have (a keyword only checked once an earlier fix made its receiver known: `fut.wait()` →
  // `fut.state`, whose `.result(fetch=...)` is then checked) gets its own explanation, at the asker's line.
  if (final.diagnoses.some(hasTreeRepair)) {
    const treeContext = { facts: deps.facts, release: version.resolved, major: version.major };
    const onTree = repairOnTree(finalSource, final.diagnoses, treeContext);
    if (onTree.code !== repaired.code) {
      const late = final.diagnoses
        .filter(hasTreeRepair)
        .filter((d) => !first.diagnoses.some((f) => f.rule === d.rule && sameSubject(f, d)))
        .map((d) => {
          const line = d.subject?.keyword ? keywordLine(code, d.subject.keyword) : undefined;
          return line ? { ...d, line } : d;
        });
      final = await lintOnce(deps.linter, onTree.code, version.resolved, index);
      explanations.push(...explainDiagnoses(late, context));
      attachNotes(explanations, onTree.notes);
    }
  }
  const corrected = final.fixedCode.trim() === code.trim() ? final.fixedCode : tidyTopLevel(final.fixedCode);
  return {
    review,
    code,
    diagnoses: first.diagnoses.map((d) => ({ ...d, snippet: index })),
    explanations,
    corrected,
    remaining: final.diagnoses.filter(isBlocking),
    warnings: final.diagnoses.filter((d) => !isBlocking(d) && d.severity === "warning"),
    changed: corrected.trim() !== code.trim(),
  };
}
