// Measures the classifier against a labelled set: accuracy and confusion matrices for kind and topic (plus version
// and has_code agreement), and precision/recall of duplicate detection over labelled pairs.
import { z } from "zod";
import { InputError } from "../core/index.js";
import type { ThreadClassifier } from "./classify-thread.js";
import type { LabelledFeatures } from "./fit-duplicate-model.js";
import { DUPLICATE_THRESHOLD, type DuplicateModel, type SimilarityDoc, SimilarityIndex } from "./similarity.js";

const threadCase = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().min(1),
  kind: z.string(),
  topic: z.string(),
  version: z.string().nullable().optional(),
  has_code: z.boolean().optional(),
});
const pairCase = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  a: z.string().min(1),
  b: z.string().min(1),
  same: z.boolean(),
});

export type ThreadCase = z.infer<typeof threadCase>;
export type PairCase = z.infer<typeof pairCase>;

/** Parses JSONL; a bad line is an InputError naming the file and line, never a partial silent read. */
export function parseJsonl<T>(text: string, schema: z.ZodType<T>, name: string): T[] {
  const out: T[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${name}:${i + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${name}:${i + 1}: ${issue?.path.join(".") || "line"} ${issue?.message ?? "invalid"}`);
    }
    out.push(parsed.data);
  });
  return out;
}

export const parseThreadCases = (text: string, name: string) => parseJsonl(text, threadCase, name);
export const parsePairCases = (text: string, name: string) => parseJsonl(text, pairCase, name);

export interface Confusion {
  labels: string[];
  /** matrix[expected][predicted] = count */
  matrix: Record<string, Record<string, number>>;
}

export interface ClassificationReport {
  total: number;
  kindAccuracy: number;
  topicAccuracy: number;
  /** Over cases with a labelled version: same major (null = null). */
  versionAccuracy: number | null;
  /** Over cases with a labelled version: exactly the same string (a release, a line, a major, or null). */
  versionExactAccuracy: number | null;
  hasCodeAccuracy: number | null;
  kindConfusion: Confusion;
  topicConfusion: Confusion;
  misses: Array<{ id: string; expected: string; got: string; field: "kind" | "topic" }>;
}

export interface DuplicateReport {
  pairs: number;
  threshold: number;
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Precision and recall at other thresholds, for choosing one (never used to report first contact). */
  sweep: Array<{ threshold: number; precision: number; recall: number }>;
}

function confusion(pairs: Array<[string, string]>): Confusion {
  const labels = [...new Set(pairs.flat())].sort();
  const matrix: Record<string, Record<string, number>> = {};
  for (const e of labels) matrix[e] = Object.fromEntries(labels.map((p) => [p, 0]));
  for (const [e, p] of pairs) (matrix[e] as Record<string, number>)[p]! += 1;
  return { labels, matrix };
}

function majorOf(version: string | null | undefined): string | null {
  if (version === null || version === undefined) return null;
  return version.split(".")[0] ?? null;
}

export function evaluateClassifier(classifier: ThreadClassifier, cases: readonly ThreadCase[]): ClassificationReport {
  const kinds: Array<[string, string]> = [];
  const topics: Array<[string, string]> = [];
  const misses: ClassificationReport["misses"] = [];
  let versionHits = 0;
  let versionExact = 0;
  let versionTotal = 0;
  let codeHits = 0;
  let codeTotal = 0;
  for (const c of cases) {
    const r = classifier.classify(c.text);
    kinds.push([c.kind, r.kind]);
    topics.push([c.topic, r.topic]);
    if (c.kind !== r.kind) misses.push({ id: c.id, expected: c.kind, got: r.kind, field: "kind" });
    if (c.topic !== r.topic) misses.push({ id: c.id, expected: c.topic, got: r.topic, field: "topic" });
    if (c.version !== undefined) {
      versionTotal++;
      if (majorOf(c.version) === majorOf(r.version)) versionHits++;
      if ((c.version ?? null) === r.version) versionExact++;
    }
    if (c.has_code !== undefined) {
      codeTotal++;
      if (c.has_code === r.has_code) codeHits++;
    }
  }
  const accuracy = (pairs: Array<[string, string]>) =>
    pairs.length === 0 ? 0 : pairs.filter(([e, p]) => e === p).length / pairs.length;
  return {
    total: cases.length,
    kindAccuracy: accuracy(kinds),
    topicAccuracy: accuracy(topics),
    versionAccuracy: versionTotal === 0 ? null : versionHits / versionTotal,
    versionExactAccuracy: versionTotal === 0 ? null : versionExact / versionTotal,
    hasCodeAccuracy: codeTotal === 0 ? null : codeHits / codeTotal,
    kindConfusion: confusion(kinds),
    topicConfusion: confusion(topics),
    misses,
  };
}

/** Each labelled pair's features, with every text of the set as the background for word rarity. */
export function duplicateFeatureRows(
  classifier: ThreadClassifier,
  pairs: readonly PairCase[],
  duplicateModel?: DuplicateModel,
): { index: SimilarityIndex; docs: Map<string, SimilarityDoc>; rows: LabelledFeatures[] } {
  const texts = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const docs = new Map<string, SimilarityDoc>(
    texts.map((text, i) => {
      const c = classifier.classify(text);
      return [text, { id: String(i), text, topic: c.topic, version: c.version, concepts: c.concepts ?? null }];
    }),
  );
  const index = new SimilarityIndex([...docs.values()], duplicateModel);
  const rows = pairs.map((p) => ({
    same: p.same,
    features: index.features(docs.get(p.a) as SimilarityDoc, docs.get(p.b) as SimilarityDoc),
  }));
  return { index, docs, rows };
}

export function evaluateDuplicates(
  classifier: ThreadClassifier,
  pairs: readonly PairCase[],
  threshold = DUPLICATE_THRESHOLD,
): DuplicateReport {
  const { index, docs } = duplicateFeatureRows(classifier, pairs);
  const scored = pairs.map((p) => ({
    same: p.same,
    score: index.score(docs.get(p.a) as SimilarityDoc, docs.get(p.b) as SimilarityDoc),
  }));
  const at = (t: number) => {
    const tp = scored.filter((s) => s.same && s.score >= t).length;
    const fp = scored.filter((s) => !s.same && s.score >= t).length;
    const fn = scored.filter((s) => s.same && s.score < t).length;
    return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
  };
  const main = at(threshold);
  const sweep = [];
  for (let t = 0.1; t <= 0.7001; t += 0.05) {
    const r = at(t);
    sweep.push({ threshold: Math.round(t * 100) / 100, precision: r.precision, recall: r.recall });
  }
  return {
    pairs: pairs.length,
    threshold,
    precision: main.precision,
    recall: main.recall,
    truePositives: main.tp,
    falsePositives: main.fp,
    falseNegatives: main.fn,
    sweep,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function formatConfusion(title: string, c: Confusion): string {
  const short = (s: string) => s.slice(0, 8);
  const head = `${"expected \\ got".padEnd(26)}${c.labels.map((l) => short(l).padStart(9)).join("")}`;
  const rows = c.labels.map(
    (e) => `${e.padEnd(26)}${c.labels.map((p) => String(c.matrix[e]?.[p] ?? 0).padStart(9)).join("")}`,
  );
  return [`${title}`, head, ...rows].join("\n");
}

export function formatTriageEval(cls?: ClassificationReport, dup?: DuplicateReport): string {
  const out: string[] = [];
  if (cls) {
    out.push(
      `threads: ${cls.total}`,
      `kind accuracy:  ${pct(cls.kindAccuracy)}`,
      `topic accuracy: ${pct(cls.topicAccuracy)}`,
      `version (major) agreement: ${cls.versionAccuracy === null ? "n/a" : pct(cls.versionAccuracy)}`,
      `version (exact) agreement: ${cls.versionExactAccuracy === null ? "n/a" : pct(cls.versionExactAccuracy)}`,
      `has_code agreement: ${cls.hasCodeAccuracy === null ? "n/a" : pct(cls.hasCodeAccuracy)}`,
      "",
      formatConfusion("kind confusion (rows expected, columns predicted):", cls.kindConfusion),
      "",
      formatConfusion("topic confusion (rows expected, columns predicted):", cls.topicConfusion),
      "",
    );
  }
  if (dup) {
    out.push(
      `duplicate pairs: ${dup.pairs} at threshold ${dup.threshold}`,
      `precision: ${pct(dup.precision)}  recall: ${pct(dup.recall)}  (tp ${dup.truePositives}, fp ${dup.falsePositives}, fn ${dup.falseNegatives})`,
      "",
    );
  }
  return out.join("\n");
}
