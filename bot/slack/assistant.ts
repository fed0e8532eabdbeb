// The assistant surface (the split view Slack opens from Orca's icon; manifest.yml turns it on), through Bolt's own
// Assistant class. A question asked there takes the same road as any DM: the intake stored the job before Bolt
// acknowledged the event, and the answer worker answers it exactly once (its 👀 marker step also sets the
// assistant status, "is looking into it…", while it answers; Slack clears it with the reply). This class adds what only
// the assistant view has: suggested prompts when a thread opens, and the thread's title.
import { Assistant } from "@slack/bolt";
import type { Logger } from "../../core/index.js";
import type { Job } from "./state-store.js";

/** Shown when a user opens a new assistant thread (Slack shows at most four). */
export const SUGGESTED_PROMPTS: ReadonlyArray<{ title: string; message: string }> = [
  { title: "Retry a task", message: "How do I make a task retry 3 times with a delay?" },
  { title: "Deploy to a work pool", message: "How do I deploy a flow to a work pool with prefect.yaml?" },
  { title: "Upgrade from Prefect 2", message: "What changes when I upgrade from Prefect 2 to Prefect 3?" },
  { title: "Run tasks concurrently", message: "How can I run tasks concurrently in a flow?" },
];
const PROMPTS_TITLE = "Ask about Prefect: tell me your version and paste your code or traceback.";
/** Slack shows a short title in the thread list. */
const TITLE_CHARS = 60;

export interface AssistantDeps {
  /** Schedules a stored job (a no-op for one already queued, running or finished). */
  enqueue(jobId: string): void;
  jobs: {
    getJob(eventId: string): Job | undefined;
    firstJobInThread(channel: string, threadTs: string): Job | undefined;
  };
  logger: Logger;
}

/** The first line of the (scrubbed) question, short enough for a thread title. */
export function threadTitle(question: string): string {
  const line = question.trim().split("\n")[0]?.replace(/\s+/g, " ").trim() ?? "";
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1).trimEnd()}…` : line;
}

export function orcaAssistant({ enqueue, jobs, logger }: AssistantDeps): Assistant {
  const log = logger.child({ surface: "assistant" });
  return new Assistant({
    threadStarted: async ({ setSuggestedPrompts }) => {
      try {
        await setSuggestedPrompts({ title: PROMPTS_TITLE, prompts: [...SUGGESTED_PROMPTS] });
      } catch (error) {
        // A courtesy: the thread works without them.
        log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not set suggested prompts");
      }
    },
    // Orca does not use the channel the user is looking at. Bolt's default handler would also rewrite the metadata
    // of Orca's first message in the thread, which is how a reply is found again after a lost response.
    threadContextChanged: async () => {},
    userMessage: async ({ body, context, setTitle }) => {
      const eventId = (body as { event_id?: string }).event_id ?? "";
      // No job means the intake acknowledged and dropped it (an edit, a bot's message): nothing to answer.
      const job = jobs.getJob(eventId);
      if (!job) return;
      enqueue(eventId);
      // The first question names the thread; later ones, and redeliveries, leave the title alone. The stored text is
      // already scrubbed of secrets and personal data.
      if (context.retryNum !== undefined) return;
      if (jobs.firstJobInThread(job.channel, job.threadTs)?.eventId !== eventId) return;
      const title = threadTitle(job.text);
      if (title === "") return;
      try {
        await setTitle(title);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not set the thread title");
      }
    },
  });
}
