// The answer pipeline: read → lint → retrieve → compose → verify, timed per step. The offline answer is always
// built (it is cheap) so that a failing or slow model never leaves a question unanswered.
import type { Answer, AnswerEngine, AnswerOptions, Thread } from "../../core/index.js";
import { isOrcaError, toOrcaError } from "../../core/index.js";
import { type ApiFinding, findAskedApis } from "./api-lookup.js";
import { type CheckedSnippet, checkSnippet } from "./check-code.js";
import { composeOffline } from "./compose-offline.js";
import { topicsFromErrorText } from "./explain.js";
import { answerWithModel } from "./llm/answer-with-model.js";
import { type AnswerDeps, type AnswerLimits, DEFAULT_LIMITS } from "./ports.js";
import { readThread, type ThreadReading } from "./read-thread.js";
import { notePassages, type Retrieved, retrieve } from "./retrieve.js";
import { StepTimer } from "./step-timer.js";
import { enforce, verifyDraft } from "./verify.js";

/** Questions answered by a fixed, polite reply: nothing asked, only emoji, or not about Prefect. */
function isScoped(reading: ThreadReading, apis: ApiFinding[]): boolean {
  return reading.shape !== "text" || (reading.offTopic && apis.length === 0);
}

function fallbackNote(error: unknown): string {
  const e = toOrcaError(error);
  const why = e.code === "provider_timeout" || e.code === "timeout" ? "did not answer in time" : "was unavailable";
  return `The language model ${why}, so Orca answered offline.`;
}

export function createAnswerEngine(deps: AnswerDeps): AnswerEngine {
  const limits: AnswerLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.logger;

  async function safeRetrieve(
    reading: ThreadReading,
    checked: CheckedSnippet[],
    apis: ApiFinding[],
    notes: string[],
    signal?: AbortSignal,
  ): Promise<Retrieved> {
    try {
      return await retrieve(
        deps.retriever,
        {
          question: reading.question,
          code: checked.map((c) => c.code),
          explanations: checked.flatMap((c) => c.explanations),
          apiNames: apis.map((a) => a.fq ?? a.asked),
          major: reading.version.major,
        },
        signal,
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      log?.warn({ err: toOrcaError(error).message }, "retrieval failed; answering without passages");
      notes.push("Search was unavailable, so this answer cites no passages.");
      return { query: "", docs: [], docPassages: [], conversations: [] };
    }
  }

  return {
    async answer(thread: Thread, options: AnswerOptions = {}): Promise<Answer> {
      const timer = new StepTimer();
      const notes: string[] = [];
      const reading = await timer.run("read", () => readThread(thread, deps.reader, limits));
      const { version } = reading;
      const release = version.resolved;
      const apis = reading.shape === "text" ? findAskedApis(reading.prose, deps.facts, release) : [];
      const scoped = isScoped(reading, apis);

      const checked: CheckedSnippet[] = [];
      await timer.run("lint", async () => {
        if (scoped) return;
        for (const [i, review] of reading.code.entries())
          checked.push(await checkSnippet(review, i, deps, { resolved: release, major: version.major }));
      });
      const errorTopics = scoped ? [] : topicsFromErrorText(reading.text);
      const retrieved: Retrieved = scoped
        ? { query: "", docs: [], docPassages: [], conversations: [] }
        : await timer.run("retrieve", () => safeRetrieve(reading, checked, apis, notes, options.signal));

      const conceptual = !scoped && checked.length === 0 && apis.length === 0 && errorTopics.length === 0;
      const best = retrieved.docs[0] ?? retrieved.conversations[0];
      const passages =
        conceptual && best
          ? await timer.run("retrieve", () =>
              notePassages(deps.retriever, best, retrieved, version.major).catch(() => []),
            )
          : [];
      const draft = await timer.run("compose", () =>
        composeOffline({ reading, checked, apis, errorTopics, retrieved, notePassages: passages }),
      );
      let markdown = draft.markdown;
      await timer.run("verify", async () => {
        const result = await verifyDraft(markdown, deps, release);
        if (!result.ok) markdown = enforce(markdown, result, release, "flag");
      });

      let mode: Answer["mode"] = "offline";
      let { correctedCode, sources } = draft;
      if (deps.chat && !scoped) {
        try {
          const llm = await timer.run("llm", () =>
            answerWithModel(deps.chat!, deps, limits, { reading, checked, apis, retrieved, signal: options.signal }),
          );
          mode = "llm";
          markdown = llm.markdown;
          sources = llm.sources;
          correctedCode = llm.correctedCode ?? correctedCode;
          notes.push(...llm.notes);
        } catch (error) {
          if (options.signal?.aborted) throw toOrcaError(error);
          if (!isOrcaError(error)) log?.error({ err: toOrcaError(error).message }, "LLM answer failed");
          else log?.warn({ code: error.code, err: error.message }, "LLM answer failed; answering offline");
          const note = fallbackNote(error);
          notes.push(note);
          markdown = `${markdown}\n\n_${note}_`;
        }
      }

      return {
        markdown,
        sources,
        diagnoses: checked.flatMap((c) => c.diagnoses),
        correctedCode,
        version,
        mode,
        timings: timer.finish(),
        notes: [...reading.notes, ...notes],
      };
    },
  };
}
