// Classification by a language model when one is configured, always with the offline classifier underneath:
// the model proposes kind, topic and confidence; version and has_code stay the offline features (they are
// deterministic and checked against the facts); any failure or an id outside the taxonomy falls back to the
// offline result. The classifier version names both, so stored classifications say which made them.
import { z } from "zod";
import type { Classification, ThreadClassifier } from "./classify-thread.js";
import { isKind, isTopic, KINDS, TOPICS } from "./taxonomy.js";

/** The one call needed from a chat model (bot/answer's ChatModel satisfies it). */
export interface TriageChatModel {
  readonly id: string;
  complete(request: {
    messages: Array<{ role: "system" | "user"; content: string }>;
    signal?: AbortSignal;
  }): Promise<{ content: string | null }>;
}

export interface AsyncThreadClassifier {
  readonly version: string;
  classify(text: string, signal?: AbortSignal): Promise<Classification>;
}

const PROMPT = `You triage messages from a Prefect (Python workflow orchestrator) community support channel.
Reply with one JSON object and nothing else: {"kind": K, "topic": T, "confidence": C}
K is one of: ${KINDS.join(", ")}.
T is one of: ${TOPICS.join(", ")}.
C is a number from 0 to 1: how sure you are of both.
"incident" means a service or production outage affecting many runs now; "bug" a defect report; "question" a how-to;
"feature" a request for something Prefect lacks; "discussion" opinions or practices; "off-topic" not about Prefect.`;

const reply = z.object({ kind: z.string(), topic: z.string(), confidence: z.number().min(0).max(1) });

export function createLlmClassifier(model: TriageChatModel, offline: ThreadClassifier): AsyncThreadClassifier {
  const version = `llm:${model.id}/${offline.version}`;
  return {
    version,
    async classify(text, signal) {
      const base = offline.classify(text);
      const fallback = (why: string): Classification => ({
        ...base,
        evidence: { ...base.evidence, features: [...base.evidence.features, `model not used: ${why}`] },
      });
      let content: string | null;
      try {
        const turn = await model.complete({
          messages: [
            { role: "system", content: PROMPT },
            { role: "user", content: text.slice(0, 8_000) },
          ],
          ...(signal ? { signal } : {}),
        });
        content = turn.content;
      } catch (error) {
        return fallback((error as Error).message.slice(0, 120));
      }
      const json = content?.match(/\{[\s\S]*\}/)?.[0];
      let parsed: z.infer<typeof reply> | undefined;
      try {
        parsed = json ? reply.parse(JSON.parse(json)) : undefined;
      } catch {
        parsed = undefined;
      }
      if (!parsed || !isKind(parsed.kind) || !isTopic(parsed.topic))
        return fallback("reply was not a valid classification");
      return {
        ...base,
        kind: parsed.kind,
        topic: parsed.topic,
        confidence: Math.round(parsed.confidence * 100) / 100,
        classifier: version,
        evidence: {
          ...base.evidence,
          features: [...base.evidence.features, `model ${model.id}: ${parsed.kind} / ${parsed.topic}`],
        },
      };
    },
  };
}
