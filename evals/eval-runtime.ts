// Composition for evals: the real answer engine over a fresh index of what the run ingests, the real snippet-lint
// for scoring answer code.

import { createOrca } from "../bot/answer/index.js";
import type { AnswerEngine, Logger, OrcaConfig } from "../core/index.js";
import { createEmbedder, loadPrefectFacts, type PrefectFacts } from "../knowledge/index.js";
import { createLinter, extractSnippets, type Linter } from "../lint/index.js";
import { defaultEvalInputs, type EvalIndex, ingestInputsFor, prepareEvalIndex } from "./eval-knowledge.js";
import { createLlmJudge, type Judge } from "./judge.js";
import type { AnswerBlockLint, AnswerCodeLinter } from "./score-case.js";

export interface EvalRuntime {
  engine: AnswerEngine;
  linter: AnswerCodeLinter;
  judge?: Judge;
  /** "offline" or "llm (<model>)". */
  mode: string;
  index: EvalIndex;
  close(): Promise<void>;
}

export interface EvalRuntimeOptions {
  config: OrcaConfig;
  logger: Logger;
  /** Paths to index instead of the default knowledge pack and shared docs. */
  ingest?: string[];
  /** Answer offline even when a model is configured. */
  offline?: boolean;
  judge?: boolean;
  cacheDir?: string;
  timeoutMs?: number;
}

export async function createEvalRuntime(options: EvalRuntimeOptions): Promise<EvalRuntime> {
  const { config, logger } = options;
  const llm = config.llmEnabled && !options.offline;
  const inputs = options.ingest?.length ? ingestInputsFor(options.ingest) : defaultEvalInputs();
  const index = await prepareEvalIndex({
    inputs,
    embedder: createEmbedder({ llm: config.llm }),
    logger,
    cacheDir: options.cacheDir,
  });
  try {
    const orca = await createOrca({
      config: { ...config, dataDir: index.dataDir, llmEnabled: llm, docsDir: undefined },
      logger,
    });
    const facts = loadPrefectFacts();
    const linter = answerCodeLinter(facts, await createLinter(facts));
    const judge =
      options.judge && config.llmEnabled ? createLlmJudge({ llm: config.llm, retriever: orca.knowledge }) : undefined;
    return {
      engine: orca.engine,
      linter,
      ...(judge ? { judge } : {}),
      mode: llm ? `llm (${config.llm.model})` : "offline",
      index,
      close: async () => {
        await orca.close();
        await index.dispose();
      },
    };
  } catch (error) {
    await index.dispose();
    throw error;
  }
}

/** Scores answer code with snippet-lint: every Python block of the markdown, for the given version. */
export function answerCodeLinter(facts: PrefectFacts, linter: Linter): AnswerCodeLinter {
  return {
    async lintAnswer(markdown, version) {
      const release = facts.resolveRelease(version);
      const blocks = extractSnippets(markdown).filter((s) => s.language === "python");
      return blocks.map(
        (snippet, block): AnswerBlockLint => ({ block, diagnoses: linter.lintSnippet(snippet, release).diagnoses }),
      );
    },
  };
}
