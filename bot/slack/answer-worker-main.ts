// Entry of the answer thread: builds its own Orca (facts, linter, knowledge base) from the host's config and
// serves answers and past-conversation writes over the parent port. The knowledge base lives only here.
import { parentPort, workerData } from "node:worker_threads";
import type { OrcaConfig } from "../../core/index.js";
import { createLogger } from "../../core/index.js";
import { createOrca } from "../answer/index.js";
import { serveAnswers } from "./answer-protocol.js";
import { lowerThreadPriority } from "./thread-priority.js";

export interface AnswerWorkerData {
  config: OrcaConfig;
}

const ANSWER_THREAD_NICENESS = 10;

const port = parentPort;
if (!port) throw new Error("answer-worker-main must run in a worker thread");
const { config } = workerData as AnswerWorkerData;
const logger = createLogger({ level: config.logLevel, secrets: config.secrets }).child({ component: "answers" });

// Acknowledging within Slack's limits matters more than answering a few milliseconds sooner.
lowerThreadPriority(ANSWER_THREAD_NICENESS);

await serveAnswers(port, async () => {
  const orca = await createOrca({ config, logger });
  return {
    engine: orca.engine,
    addConversation: (record) => orca.knowledge.addConversation(record),
    conversationIds: () => orca.knowledge.conversationIds(),
    removeConversations: async (ids) => (await orca.knowledge.removeConversations(ids)).removed,
    close: () => orca.close(),
  };
});
