// LLM mode for one question: numbered sources from step 3, the tools, the prompt, the loop with verification.
import type { SourceRef } from "../../../core/index.js";
import type { CheckedSnippet } from "../code/index.js";
import type { ErrorFact } from "../plan/index.js";
import type { AnswerDeps, AnswerLimits } from "../ports.js";
import type { ApiFinding, Retrieved } from "../retrieve/index.js";
import { relevantSources } from "../retrieve/index.js";
import { type NamedTopic, topicText } from "../topics/index.js";
import type { Question, ThreadReading } from "../understand/index.js";
import { type Enforced, pythonBlocks, verifyDraft } from "../verify/index.js";
import type { ChatModel } from "./chat-model.js";
import { composeWithModel } from "./compose-llm.js";
import { buildUserMessage, SYSTEM_PROMPT } from "./prompt.js";
import { createTools, SourceBook, toToolSpecs } from "./tools.js";

export interface ModelAnswerInput {
  reading: ThreadReading;
  checked: CheckedSnippet[];
  apis: ApiFinding[];
  retrieved: Retrieved;
  /** Topics and facts Orca recognised in errors quoted in the thread. */
  errorTopics?: NamedTopic[];
  errorFacts?: ErrorFact[];
  /** The typed question (kind, focus) the model is told about. */
  question?: Question;
  signal?: AbortSignal;
}

export interface ModelAnswer {
  markdown: string;
  sources: SourceRef[];
  correctedCode: string | null;
  notes: string[];
}

/** What Orca already knows about the errors quoted in the thread, in its own words. */
function errorNotes(input: ModelAnswerInput): string[] {
  const context = { major: input.reading.version.major, release: input.reading.version.resolved };
  return [
    ...(input.errorTopics ?? []).map((t) => topicText(t, context)),
    ...(input.errorFacts ?? []).map((f) => `${f.error}: ${f.text}`),
  ];
}

/** Notes that tell what happened: passed (after how many rounds), or what was removed and why. */
export function modelNotes(rounds: number, passed: boolean, enforced?: Enforced): string[] {
  const after = rounds > 0 ? ` after ${rounds} repair round(s)` : "";
  if (passed) return rounds > 0 ? [`The model's draft passed Orca's checks${after}.`] : [];
  const parts = [
    ...(enforced?.blocks ?? []).map((why) => `a code block (${why})`),
    ...(enforced?.statements ?? []).map((s) => `the statement ${s}`),
  ];
  const what = parts.length ? `: ${parts.join("; ")}` : "";
  return [`The model's draft still failed Orca's checks${after}, so Orca removed what failed${what}.`];
}

export async function answerWithModel(
  chat: ChatModel,
  deps: AnswerDeps,
  limits: AnswerLimits,
  input: ModelAnswerInput,
): Promise<ModelAnswer> {
  const { reading, checked } = input;
  const release = reading.version.resolved;
  const signal = AbortSignal.any([
    ...(input.signal ? [input.signal] : []),
    AbortSignal.timeout(limits.answerTimeoutMs),
  ]);
  const sources = new SourceBook();
  // Past threads are offered only when their title is about the question (docs are ranked for it already).
  const about = [reading.prose, ...checked.flatMap((c) => c.explanations.map((e) => e.text))].join(" ");
  const threads = relevantSources(input.retrieved.conversations, about, 2);
  for (const hit of [...input.retrieved.docs.slice(0, 4), ...threads]) sources.add(hit);
  const units = input.question && deps.units ? deps.units.match(input.question, release, 2) : [];
  const tools = createTools({
    ...deps,
    release,
    major: reading.version.major,
    sources,
    ...(input.question ? { question: input.question } : {}),
  });
  const result = await composeWithModel({
    chat,
    tools,
    specs: toToolSpecs(tools),
    system: SYSTEM_PROMPT,
    user: buildUserMessage({
      reading,
      checked,
      apis: input.apis,
      sources,
      errors: errorNotes(input),
      ...(input.question ? { question: input.question } : {}),
      units,
    }),
    release,
    limits,
    verify: (md) => verifyDraft(md, deps, release),
    signal,
  });
  const firstBlock = pythonBlocks(result.markdown)[0]?.code.trim();
  const notes = modelNotes(result.repairRounds, result.verified.ok, result.enforced);
  return {
    markdown: result.markdown,
    sources: sources.cited(result.markdown),
    correctedCode: checked.length > 0 ? (firstBlock ?? null) : null, // failing blocks were removed
    notes,
  };
}
