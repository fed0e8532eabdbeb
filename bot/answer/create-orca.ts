// Composition root: the one place that wires the real facts, linter, knowledge base and (optionally) the model
// into an AnswerEngine. The Slack app, the console, `orca ask` and the evals all start here.
import path from "node:path";
import type { AnswerEngine, Logger, OrcaConfig } from "../../core/index.js";
import {
  createEmbedder,
  DEFAULT_PACK_DIR,
  ensureDefaultKnowledge,
  type KnowledgeBase,
  loadAlternatives,
  loadAnswerUnits,
  loadChangeFacts,
  loadGlossary,
  loadNoteLibrary,
  loadParaphrases,
  loadPrefectFacts,
  loadSettingsFacts,
  openKnowledgeBase,
} from "../../knowledge/index.js";
import { createLinter, detectVersion, extractSnippets, unmangleSlack } from "../../lint/index.js";
import { memoizedLinter } from "./code/index.js";
import { createAnswerEngine } from "./engine.js";
import { createOpenAIChatModel } from "./llm/index.js";
import { type AnswerLimits, DEFAULT_LIMITS, type ThreadReader } from "./ports.js";
import { UnitIndex } from "./retrieve/index.js";

export interface CreateOrcaOptions {
  config: OrcaConfig;
  logger: Logger;
  /** Overrides for tests and benchmarks (tighter timeouts, faster backoff). */
  limits?: Partial<AnswerLimits>;
}

export interface Orca {
  engine: AnswerEngine;
  knowledge: KnowledgeBase;
  close(): Promise<void>;
}

export async function createOrca({ config, logger, limits }: CreateOrcaOptions): Promise<Orca> {
  const facts = loadPrefectFacts();
  const changes = loadChangeFacts();
  // The change index is built at start (a few hundred ms) rather than inside the first answer.
  void changes.index;
  const linter = await createLinter(facts);
  const reader: ThreadReader = {
    unmangle: (text) => unmangleSlack(text).text,
    extractSnippets: (text, index) => extractSnippets(text, index),
    detectVersion: (texts, forced) => detectVersion(texts, facts, forced ?? undefined),
  };
  const knowledge = await openKnowledgeBase({
    dataDir: config.dataDir,
    embedder: createEmbedder({ llm: config.llm }),
    logger,
  });
  try {
    const summary = await ensureDefaultKnowledge(knowledge, {
      extraDocsDirs: config.docsDir ? [config.docsDir] : [],
      stampFile: path.join(config.dataDir, "pack-stamp.json"),
    });
    if (summary) logger.info({ summary }, "built the default knowledge index");
  } catch (error) {
    await knowledge.close();
    throw error;
  }
  const answerLimits: Partial<AnswerLimits> = { answerTimeoutMs: config.answerTimeoutMs, ...limits };
  const chat = config.llmEnabled
    ? createOpenAIChatModel({
        baseUrl: config.llm.baseUrl,
        apiKey: config.llm.apiKey,
        model: config.llm.model,
        timeoutMs: answerLimits.callTimeoutMs ?? DEFAULT_LIMITS.callTimeoutMs,
        maxAttempts: answerLimits.maxAttempts ?? DEFAULT_LIMITS.maxAttempts,
        backoffMs: answerLimits.backoffMs ?? DEFAULT_LIMITS.backoffMs,
      })
    : undefined;
  logger.debug({ mode: chat ? "llm" : "offline", model: chat?.id }, "answer engine ready");
  const notes = loadNoteLibrary(DEFAULT_PACK_DIR);
  const settings = loadSettingsFacts();
  const engine = createAnswerEngine({
    facts,
    linter: memoizedLinter(linter),
    reader,
    retriever: knowledge,
    notes,
    units: new UnitIndex(
      loadAnswerUnits(DEFAULT_PACK_DIR),
      notes.notes.map((n) => [n.title, ...n.sections.map((s) => s.prose)].join("\n")),
      loadParaphrases(),
      settings,
      loadAlternatives(),
    ),
    settings,
    glossary: loadGlossary(),
    changes,
    chat,
    logger,
    limits: answerLimits,
  });
  return { engine, knowledge, close: () => knowledge.close() };
}
