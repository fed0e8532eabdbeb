// Optional LLM judge: faithfulness of an answer to the sources it cites, and correctness against a reference answer.
// Only built when a model is configured; its scores are reported, never used to pass or fail a case.
import OpenAI from "openai";
import type { Answer, LlmConfig, Retriever, SourceRef } from "../core/index.js";
import type { EvalCase, JudgeVerdict } from "./types.js";

export interface Judge {
  judge(c: EvalCase, answer: Answer): Promise<JudgeVerdict>;
}

export interface LlmJudgeOptions {
  llm: LlmConfig;
  /** Looks up the text of cited sources; without it the judge only sees their titles. */
  retriever?: Retriever;
  timeoutMs?: number;
}

const SYSTEM = [
  "You grade answers given by a Prefect support assistant.",
  "Reply with one JSON object and nothing else:",
  '{"faithfulness": number 0..1, "correctness": number 0..1 or null, "notes": "one sentence"}.',
  "faithfulness: how well every factual claim of the answer is supported by the cited source extracts",
  "(1 = all supported, 0 = contradicted or unsupported). correctness: agreement with the reference answer",
  "(null when there is no reference).",
].join(" ");

export function createLlmJudge(options: LlmJudgeOptions): Judge {
  const client = new OpenAI({
    apiKey: options.llm.apiKey ?? "not-needed",
    ...(options.llm.baseUrl ? { baseURL: options.llm.baseUrl } : {}),
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: 1,
  });
  return {
    async judge(c, answer) {
      const extracts = await sourceExtracts(answer.sources, options.retriever);
      const user = [
        `Question: ${c.question}`,
        `Answer:\n${answer.markdown}`,
        `Cited sources:\n${extracts || "(none)"}`,
        `Reference answer: ${c.reference ?? "(none)"}`,
      ].join("\n\n");
      let content: string;
      try {
        const completion = await client.chat.completions.create({
          model: options.llm.model,
          temperature: 0,
          messages: [
            { role: "system", content: SYSTEM },
            { role: "user", content: user },
          ],
        });
        content = completion.choices[0]?.message?.content ?? "";
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { notes: [`judge unavailable: ${message.slice(0, 200)}`] };
      }
      return parseVerdict(content, c.reference !== undefined);
    },
  };
}

/** Reads the judge's JSON reply; anything malformed becomes a note instead of a score. */
export function parseVerdict(content: string, hasReference: boolean): JudgeVerdict {
  const json = /\{[\s\S]*\}/.exec(content)?.[0];
  if (!json) return { notes: ["judge reply was not JSON"] };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { notes: ["judge reply was not JSON"] };
  }
  const verdict: JudgeVerdict = { notes: typeof raw.notes === "string" ? [raw.notes] : [] };
  const faithfulness = unit(raw.faithfulness);
  if (faithfulness !== undefined) verdict.faithfulness = faithfulness;
  const correctness = unit(raw.correctness);
  if (hasReference && correctness !== undefined) verdict.correctness = correctness;
  return verdict;
}

function unit(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : undefined;
}

async function sourceExtracts(sources: SourceRef[], retriever: Retriever | undefined): Promise<string> {
  const parts: string[] = [];
  for (const s of sources.slice(0, 5)) {
    let text = "";
    if (retriever) {
      const hits = await retriever.search([s.title, s.section].filter(Boolean).join(" "), { k: 8 }).catch(() => []);
      const sameDoc = hits.filter((h) => h.url === s.url);
      // A page has many chunks; the cited one is the one whose heading path matches the citation.
      const cited = sameDoc.find((h) => s.section !== undefined && h.section.filter(Boolean).join(" › ") === s.section);
      text = (cited ?? sameDoc[0])?.text ?? "";
    }
    parts.push(`- ${s.title} <${s.url}>${text ? `\n${text.slice(0, 1500)}` : ""}`);
  }
  return parts.join("\n");
}
