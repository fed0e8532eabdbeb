// Scores one answer against its case's expectations. Pure: the linter is passed in.
import { type Answer, type Diagnosis, leadParagraph, ownText, type RuleId } from "../core/index.js";
import type { AnswerDigest, Check, EvalCase, Metrics } from "./types.js";

/** Lints the Python blocks of an answer; implemented over snippet-lint, faked in unit tests. */
export interface AnswerCodeLinter {
  lintAnswer(markdown: string, version: string): Promise<AnswerBlockLint[]>;
}

export interface AnswerBlockLint {
  /** 0-based index of the Python block in the answer. */
  block: number;
  diagnoses: Diagnosis[];
}

export interface Score {
  pass: boolean;
  checks: Check[];
  metrics: Metrics;
}

export async function scoreAnswer(c: EvalCase, answer: Answer, linter: AnswerCodeLinter): Promise<Score> {
  const checks: Check[] = [{ name: "no_error", pass: true, detail: "answered" }];
  const metrics: Metrics = { no_error: 1 };
  const e = c.expect;
  if (e.diagnoses) scoreDiagnoses(e.diagnoses, answer.diagnoses, checks, metrics);
  if (e.lead?.length) {
    const lead = leadParagraph(answer.markdown);
    scoreRequired("lead", e.lead, lead, `first paragraph "${shorten(lead, 80)}": `, checks, metrics);
  }
  if (e.mentions?.length) scoreRequired("mentions", e.mentions, ownText(answer.markdown), "", checks, metrics);
  if (e.mustNot?.length) scoreMustNot(e.mustNot, answer.markdown, checks, metrics);
  if (e.sources?.length) scoreSources(e.sources, answer, checks, metrics);
  if (e.codeLintsClean) {
    scoreCode(await linter.lintAnswer(answer.markdown, c.prefectVersion ?? answer.version.resolved), checks, metrics);
  }
  return { pass: checks.every((k) => k.pass), checks, metrics };
}

/** A case whose answer could not be produced fails every expectation it has. */
export function scoreFailure(error: string): Score {
  return { pass: false, checks: [{ name: "no_error", pass: false, detail: error }], metrics: { no_error: 0 } };
}

/**
 * The expected list is the exact set of rules: every expected rule must be reported (recall) and nothing else at
 * warning or error severity (precision). Info-level notes are not claims of a defect, so they never count as false
 * alarms.
 */
function scoreDiagnoses(expected: RuleId[], diagnoses: Diagnosis[], checks: Check[], metrics: Metrics): void {
  const want = new Set(expected);
  const reported = new Set(diagnoses.map((d) => d.rule));
  const claimed = new Set(diagnoses.filter((d) => d.severity !== "info").map((d) => d.rule));
  const found = [...want].filter((r) => reported.has(r));
  const extra = [...claimed].filter((r) => !want.has(r));
  metrics.diagnoses_recall = want.size === 0 ? 1 : found.length / want.size;
  const hits = [...claimed].filter((r) => want.has(r)).length;
  if (claimed.size > 0) metrics.diagnoses_precision = hits / claimed.size;
  else if (want.size === 0) metrics.diagnoses_precision = 1;
  const missing = [...want].filter((r) => !reported.has(r));
  const problems = [
    missing.length ? `missed ${missing.join(", ")}` : "",
    extra.length ? `false alarm ${extra.join(", ")}` : "",
  ].filter(Boolean);
  checks.push({
    name: "diagnoses",
    pass: problems.length === 0,
    detail: problems.length ? problems.join("; ") : `reported ${[...reported].join(", ") || "nothing, as expected"}`,
  });
}

/** Every pattern must match `text`; `where` names the text in the failure line. */
function scoreRequired(
  name: "lead" | "mentions",
  patterns: string[],
  text: string,
  where: string,
  checks: Check[],
  metrics: Metrics,
): void {
  const missing = patterns.filter((p) => !new RegExp(p, "i").test(text));
  metrics[name] = (patterns.length - missing.length) / patterns.length;
  checks.push({
    name,
    pass: missing.length === 0,
    detail: missing.length ? `${where}no match for ${missing.map((p) => `/${p}/`).join(", ")}` : "all matched",
  });
}

function scoreMustNot(patterns: string[], text: string, checks: Check[], metrics: Metrics): void {
  const hits = patterns.flatMap((p) => {
    const m = new RegExp(p, "i").exec(text);
    return m ? [`/${p}/ matched "${shorten(m[0], 60)}"`] : [];
  });
  metrics.must_not = (patterns.length - hits.length) / patterns.length;
  checks.push({ name: "must_not", pass: hits.length === 0, detail: hits.length ? hits.join(", ") : "none matched" });
}

function scoreSources(wanted: string[], answer: Answer, checks: Check[], metrics: Metrics): void {
  const needles = wanted.map((w) => w.toLowerCase());
  const hit = answer.sources.find((s) => {
    const hay = `${s.url} ${s.title} ${s.section ?? ""}`.toLowerCase();
    return needles.some((n) => hay.includes(n));
  });
  metrics.sources = hit ? 1 : 0;
  checks.push({
    name: "sources",
    pass: hit !== undefined,
    detail: hit
      ? `cited ${hit.url}`
      : `no cited source contains ${wanted.map((w) => `"${w}"`).join(" or ")} (cited: ${
          answer.sources.map((s) => s.url).join(", ") || "none"
        })`,
  });
}

function scoreCode(blocks: AnswerBlockLint[], checks: Check[], metrics: Metrics): void {
  const dirty = blocks.filter((b) => b.diagnoses.some((d) => d.severity !== "info"));
  metrics.code_lints_clean = blocks.length === 0 ? 1 : (blocks.length - dirty.length) / blocks.length;
  const detail = dirty
    .map((b) => {
      const d = b.diagnoses.find((x) => x.severity !== "info")!;
      return `block ${b.block + 1} line ${d.line}: ${d.rule} (${shorten(d.message, 80)})`;
    })
    .join("; ");
  checks.push({
    name: "code_lints_clean",
    pass: dirty.length === 0,
    detail: dirty.length ? detail : `${blocks.length} python block(s) clean`,
  });
}

export function digestAnswer(answer: Answer): AnswerDigest {
  return {
    markdown: answer.markdown,
    sources: answer.sources,
    diagnoses: answer.diagnoses.map((d) => d.rule),
    version: answer.version.resolved,
    mode: answer.mode,
    basis: answer.basis ?? answer.mode,
    unit: answer.unit ?? null,
    notes: answer.notes,
  };
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
