// Question -> expected page pairs over the shared Prefect docs corpus (paths relative to the corpus root), one JSON
// object per line in cases.jsonl: {"question", "prefect_major": 2 | 3, "expected": [paths]}. Questions are phrased
// the way people ask in support threads, not copied from page titles. A case passes when any of its expected pages is
// retrieved.
import { readFileSync } from "node:fs";
import { z } from "zod";

export interface RetrievalCase {
  question: string;
  prefectMajor: 2 | 3;
  expected: string[];
}

const caseSchema = z
  .object({
    question: z.string().min(1),
    prefect_major: z.union([z.literal(2), z.literal(3)]),
    expected: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** Reads a retrieval-case file; a bad line stops with its line number. */
export function readRetrievalCases(file: string | URL): RetrievalCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => {
      if (line.trim() === "") return [];
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${String(file)}:${i + 1}: not JSON (${(error as Error).message})`);
      }
      const parsed = caseSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${String(file)}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      const { question, prefect_major, expected } = parsed.data;
      return [{ question, prefectMajor: prefect_major, expected }];
    });
}

export const RETRIEVAL_CASES: RetrievalCase[] = readRetrievalCases(new URL("./cases.jsonl", import.meta.url));
