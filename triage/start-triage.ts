// Wires triage into the running Slack app when a triage settings file is configured.
import type { WebClient } from "@slack/web-api";
import { createOpenAIChatModel, warmConcepts } from "../bot/answer/index.js";
import type { Logger, OrcaConfig } from "../core/index.js";
import { loadChangeFacts, loadPrefectFacts } from "../knowledge/index.js";
import { createClassifier, type ThreadClassifier } from "./classify-thread.js";
import { createFixFinder, type FixFinder } from "./fix-links.js";
import { type AsyncThreadClassifier, createLlmClassifier } from "./llm-classifier.js";
import { type JobLedger, TriageDesk } from "./triage-desk.js";
import { loadTriageSettings } from "./triage-settings.js";
import { TriageStore } from "./triage-store.js";

export interface RunningTriage {
  desk: TriageDesk;
  close(): void;
}

export function startTriage(options: {
  config: OrcaConfig;
  client: WebClient;
  jobs: JobLedger;
  botUserId: string;
  logger: Logger;
  clock?: () => number;
  /** The answer intake's scrub (secrets and personal data out): applied to every text triage keeps or shows. */
  scrub: (text: string) => string;
  /** How often the SLA clock ticks (default one minute; 0 = only when `tick()` is called). */
  tickMs?: number;
}): RunningTriage | undefined {
  const file = options.config.triageConfigFile;
  if (!file) return undefined;
  const settings = loadTriageSettings(file);
  const store = TriageStore.open(options.config.dataDir);
  const facts = loadPrefectFacts();
  const classifier = createClassifier({ facts });
  // What a thread is about is read from the answer units; index them before the first message arrives.
  warmConcepts();
  const fixes = fixFinder(facts, options.logger);
  const refine = modelClassifier(options.config, classifier);
  const desk = new TriageDesk({
    ...(refine ? { refine } : {}),
    ...(fixes ? { fixes } : {}),
    settings,
    store,
    scrub: options.scrub,
    jobs: options.jobs,
    classifier,
    client: options.client,
    botUserId: options.botUserId,
    logger: options.logger.child({ component: "triage" }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  desk.forgetUnwatched();
  desk.start(options.tickMs ?? 60_000);
  options.logger.info({ channels: Object.keys(settings.channels).length }, "triage is watching support channels");
  return {
    desk,
    close: () => {
      desk.stop();
      store.close();
    },
  };
}

/** The fix finder over the committed change facts; triage runs without fix links when they cannot be read. */
function fixFinder(facts: ReturnType<typeof loadPrefectFacts>, logger: Logger): FixFinder | undefined {
  try {
    return createFixFinder({ changes: loadChangeFacts(), facts });
  } catch (error) {
    logger.warn({ err: String(error) }, "no change facts: triage records no fix links");
    return undefined;
  }
}

/** The model-backed classifier when a model is configured (it refines stored classifications after intake). */
export function modelClassifier(config: OrcaConfig, offline: ThreadClassifier): AsyncThreadClassifier | undefined {
  if (!config.llmEnabled) return undefined;
  const model = createOpenAIChatModel({
    ...(config.llm.baseUrl ? { baseUrl: config.llm.baseUrl } : {}),
    ...(config.llm.apiKey ? { apiKey: config.llm.apiKey } : {}),
    model: config.llm.model,
    timeoutMs: Math.min(config.answerTimeoutMs, 15_000),
    maxAttempts: 2,
    backoffMs: 500,
  });
  return createLlmClassifier(model, offline);
}
