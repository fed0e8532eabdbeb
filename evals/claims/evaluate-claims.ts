// Scores the claim checker on labelled sentences: {"id","thread","prefect_version","text","label","fact"} per line,
// label "false" | "true" | "uncheckable". A sentence is flagged when the checker finds a false claim in it. Reports
// recall on false sentences and precision of the flags, with every miss and every wrong flag listed.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { InputError } from "../../core/index.js";
import { createClaimChecker } from "../../knowledge/claims/index.js";
import type { PrefectApiFacts } from "../../knowledge/index.js";

const rowSchema = z.object({
  id: z.string(),
  thread: z.string().optional(),
  prefect_version: z.string(),
  text: z.string(),
  label: z.enum(["false", "true", "uncheckable"]),
  fact: z.string().optional(),
});

export type LabelledClaim = z.infer<typeof rowSchema>;

export interface ClaimRowResult {
  id: string;
  label: LabelledClaim["label"];
  flagged: boolean;
  /** What the checker said: the facts of its false claims, or its counts. */
  detail: string;
  text: string;
}

export interface ClaimEvalReport {
  file: string;
  rows: number;
  labelled: Record<LabelledClaim["label"], number>;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  recall: number;
  precision: number;
  /** Claims found but left undecided, over all rows. */
  undecidable: number;
  misses: ClaimRowResult[];
  wrongFlags: ClaimRowResult[];
}

export function parseLabelledClaims(text: string, file: string): LabelledClaim[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new InputError(`${file}:${n}: not JSON`);
      }
      const row = rowSchema.safeParse(json);
      if (!row.success) throw new InputError(`${file}:${n}: ${row.error.issues[0]?.message ?? "bad row"}`);
      return row.data;
    });
}

export interface ClaimEvalOptions {
  /**
   * Check each sentence after the sentences before it in its thread (as the checker reads a whole draft), judging
   * only the labelled sentence's own claims; false checks each sentence alone.
   */
  inContext?: boolean;
}

export function evaluateClaims(
  rows: LabelledClaim[],
  facts: PrefectApiFacts,
  file = "claims",
  options: ClaimEvalOptions = {},
): ClaimEvalReport {
  const checker = createClaimChecker(facts);
  const results: ClaimRowResult[] = [];
  let undecidable = 0;
  rows.forEach((row, i) => {
    const before = options.inContext ? threadBefore(rows, i) : [];
    const lead = before.length > 0 ? `${before.join("\n\n")}\n\n` : "";
    const report = checker.check(lead + row.text, row.prefect_version);
    const own = report.checked.filter((c) => c.start >= lead.length);
    undecidable += own.filter((c) => c.verdict.status === "undecidable").length;
    const wrong = report.falseSentences.filter((f) => f.start >= lead.length);
    const flagged = wrong.length > 0;
    const detail = flagged
      ? wrong.flatMap((f) => f.claims.map((c) => `${c.claim.statement} → ${c.verdict.fact}`)).join("; ")
      : JSON.stringify(report.counts);
    results.push({ id: row.id, label: row.label, flagged, detail, text: row.text });
  });
  const tp = results.filter((r) => r.flagged && r.label === "false").length;
  const fp = results.filter((r) => r.flagged && r.label !== "false").length;
  const fn = results.filter((r) => !r.flagged && r.label === "false").length;
  const count = (label: LabelledClaim["label"]) => rows.filter((r) => r.label === label).length;
  return {
    file,
    rows: rows.length,
    labelled: { false: count("false"), true: count("true"), uncheckable: count("uncheckable") },
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    undecidable,
    misses: results.filter((r) => !r.flagged && r.label === "false"),
    wrongFlags: results.filter((r) => r.flagged && r.label !== "false"),
  };
}

/** The texts of the rows right before row i that belong to its thread, in order (none without a thread). */
function threadBefore(rows: LabelledClaim[], i: number): string[] {
  const thread = rows[i]!.thread;
  if (thread === undefined) return [];
  let from = i;
  while (from > 0 && rows[from - 1]!.thread === thread && rows[from - 1]!.prefect_version === rows[i]!.prefect_version)
    from--;
  return rows.slice(from, i).map((r) => r.text);
}

export async function evaluateClaimsFile(
  file: string,
  facts: PrefectApiFacts,
  options: ClaimEvalOptions = {},
): Promise<ClaimEvalReport> {
  return evaluateClaims(parseLabelledClaims(await readFile(file, "utf8"), file), facts, file, options);
}

export function renderClaimEval(r: ClaimEvalReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${r.file}: ${r.rows} sentences (${r.labelled.false} false, ${r.labelled.true} true, ${r.labelled.uncheckable} uncheckable)`,
    `  recall on false claims ${pct(r.recall)} (${r.truePositives}/${r.truePositives + r.falseNegatives}) · precision of flags ${pct(r.precision)} (${r.truePositives}/${r.truePositives + r.falsePositives}) · undecidable claims ${r.undecidable}`,
  ];
  for (const m of r.misses) lines.push(`  missed    ${m.id}: ${m.text.slice(0, 140)}`);
  for (const w of r.wrongFlags)
    lines.push(`  wrong flag ${w.id} (${w.label}): ${w.text.slice(0, 100)} — ${w.detail.slice(0, 160)}`);
  return `${lines.join("\n")}\n`;
}
