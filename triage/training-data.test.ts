// The training data the classifier and the duplicate model are fitted on: well-formed, labelled with the taxonomy's
// ids, and disjoint from the development sets in evals/triage (which must stay a check).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePairCases, parseThreadCases } from "./evaluate-triage.js";
import { isKind, isTopic } from "./taxonomy.js";

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const read = (relative: string) => readFileSync(file(relative), "utf8");
const rows = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const threadsText = read("./data/training/threads.jsonl");
const pairsText = read("./data/training/duplicates.jsonl");
const threads = parseThreadCases(threadsText, "threads.jsonl");
const pairs = parsePairCases(pairsText, "duplicates.jsonl");

describe("training data", () => {
  it("labels every message with taxonomy ids and a problem, under unique ids", () => {
    expect(threads.length).toBeGreaterThanOrEqual(300);
    expect(new Set(threads.map((t) => t.id)).size).toBe(threads.length);
    expect(threads.every((t) => isKind(t.kind) && isTopic(t.topic))).toBe(true);
    expect(rows(threadsText).every((r) => typeof r.problem === "string" && r.problem !== "")).toBe(true);
    expect(threads.filter((t) => t.kind === "off-topic").every((t) => t.topic === "other")).toBe(true);
  });

  it("pairs messages of the set, same exactly when they describe one problem", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    const problem = new Map(rows(threadsText).map((r) => [String(r.id), String(r.problem)]));
    const text = new Map(threads.map((t) => [t.id, t.text]));
    for (const [i, r] of rows(pairsText).entries()) {
      const pair = pairs[i] as (typeof pairs)[number];
      expect(text.get(String(r.a_id))).toBe(pair.a);
      expect(text.get(String(r.b_id))).toBe(pair.b);
      expect(problem.get(String(r.a_id)) === problem.get(String(r.b_id))).toBe(pair.same);
    }
  });

  it("shares no message with the development sets", () => {
    const dev = new Set([
      ...parseThreadCases(read("../evals/triage/threads.jsonl"), "dev threads").map((t) => t.text.trim()),
      ...parsePairCases(read("../evals/triage/duplicates.jsonl"), "dev pairs").flatMap((p) => [p.a.trim(), p.b.trim()]),
      ...parseThreadCases(read("../evals/triage/threads-2.jsonl"), "second set").map((t) => t.text.trim()),
      ...parsePairCases(read("../evals/triage/duplicates-2.jsonl"), "second pairs").flatMap((p) => [
        p.a.trim(),
        p.b.trim(),
      ]),
    ]);
    expect(threads.filter((t) => dev.has(t.text.trim())).map((t) => t.id)).toEqual([]);
  });
});
