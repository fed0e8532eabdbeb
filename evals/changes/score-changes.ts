// Scores "fixed in / added in" statements against a set of questions whose correct answer is one release-notes
// entry (or none): a statement is correct when it names the expected release or the expected pull request.
import { z } from "zod";
import { InputError } from "../../core/index.js";
import { type ChangeLead, comparePep440, isPep440 } from "../../knowledge/index.js";

export const changeCaseSchema = z.object({
  id: z.string().min(1),
  prefect_version: z.string().nullable().optional(),
  question: z.string().min(1),
  expect: z.object({
    release: z.string().nullable().optional(),
    pr: z.number().int().nullable().optional(),
    kind: z.string().nullable().optional(),
  }),
});

export type ChangeCase = z.infer<typeof changeCaseSchema>;

export interface ChangeCaseResult {
  id: string;
  expected: { release: string | null; pr: number | null };
  stated: { release: string | null; pr: number | null } | null;
  correct: boolean;
  lead: string | null;
}

export interface ChangeEvalReport {
  cases: number;
  /** Cases whose answer is an entry. */
  positives: number;
  statements: number;
  correct: number;
  precision: number;
  recall: number;
  /** Statements made where the expected answer was "not in the release notes". */
  falseOnNegatives: number;
  skipped: string[];
  results: ChangeCaseResult[];
}

/** Parses JSONL; a malformed line is skipped with a note, never fatal. */
export function parseChangeCases(text: string): { cases: ChangeCase[]; skipped: string[] } {
  const cases: ChangeCase[] = [];
  const skipped: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      const parsed = changeCaseSchema.safeParse(JSON.parse(line));
      if (parsed.success) cases.push(parsed.data);
      else skipped.push(`line ${i + 1}: ${parsed.error.issues[0]?.message ?? "invalid case"}`);
    } catch {
      skipped.push(`line ${i + 1}: not JSON`);
    }
  });
  if (cases.length === 0 && skipped.length === 0) throw new InputError("the change eval file has no cases");
  return { cases, skipped };
}

export function scoreChangeCases(
  cases: readonly ChangeCase[],
  answer: (c: ChangeCase) => ChangeLead,
  skipped: string[] = [],
): ChangeEvalReport {
  const results = cases.map((c): ChangeCaseResult => {
    const expected = { release: c.expect.release ?? null, pr: c.expect.pr ?? null };
    const lead = answer(c);
    const stated = lead.lead === null ? null : { release: lead.release, pr: lead.pr };
    const correct =
      stated !== null &&
      ((expected.pr !== null && stated.pr === expected.pr) ||
        (expected.release !== null && stated.release !== null && sameRelease(stated.release, expected.release)));
    return { id: c.id, expected, stated, correct, lead: lead.lead };
  });
  const positives = results.filter((r) => r.expected.release !== null || r.expected.pr !== null).length;
  const statements = results.filter((r) => r.stated !== null).length;
  const correct = results.filter((r) => r.correct).length;
  return {
    cases: results.length,
    positives,
    statements,
    correct,
    precision: statements === 0 ? 0 : correct / statements,
    recall: positives === 0 ? 0 : correct / positives,
    falseOnNegatives: results.filter((r) => r.stated && r.expected.release === null && r.expected.pr === null).length,
    skipped,
    results,
  };
}

/** "3.4.25" = "3.4.25"; "prefect-aws 0.7.11" and "prefect-aws==0.7.11" name the integration release "0.7.11". */
function sameRelease(stated: string, expected: string): boolean {
  const bare = expected.replace(/^[a-z][\w-]*(?:==|\s+)/i, "").trim();
  if (isPep440(bare) && isPep440(stated)) return comparePep440(bare, stated) === 0;
  return bare === stated;
}

export function renderChangeReport(report: ChangeEvalReport, verbose: boolean): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `change statements over ${report.cases} cases (${report.positives} answered by a release-notes entry)`,
    `  statements made   ${report.statements}`,
    `  correct           ${report.correct}`,
    `  precision         ${report.precision.toFixed(3)} (${pct(report.precision)})`,
    `  recall            ${report.recall.toFixed(3)} (${pct(report.recall)})`,
    `  stated on a "not in the notes" case: ${report.falseOnNegatives}`,
  ];
  for (const s of report.skipped) lines.push(`  skipped ${s}`);
  if (verbose) {
    for (const r of report.results) {
      const want =
        r.expected.release || r.expected.pr ? `${r.expected.release ?? "?"} #${r.expected.pr ?? "?"}` : "none";
      const got = r.stated ? `${r.stated.release ?? "?"} #${r.stated.pr ?? "?"}` : "none";
      lines.push(
        `${r.correct ? "ok  " : want === "none" && got === "none" ? "ok  " : "MISS"} ${r.id}: want ${want}, said ${got}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
