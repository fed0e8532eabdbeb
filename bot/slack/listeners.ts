// Bolt listeners: questions go to the worker (the job is already on disk), feedback to the recorder.
import type { App } from "@slack/bolt";
import type { Logger } from "../../core/index.js";
import type { AnswerWorker } from "./answer-worker.js";
import { type AssistantDeps, orcaAssistant } from "./assistant.js";
import type { FeedbackRecorder } from "./feedback.js";
import { FEEDBACK_BLOCK_ID, FEEDBACK_HUMAN } from "./render-answer.js";

export interface ListenerDeps {
  worker: AnswerWorker;
  feedback: FeedbackRecorder;
  /** Stored jobs, for the assistant thread's title. */
  jobs: AssistantDeps["jobs"];
  logger: Logger;
}

export function registerListeners(app: App, { worker, feedback, jobs, logger: log }: ListenerDeps): void {
  // Global middleware: it takes assistant_thread_* events and DM messages in a thread (the assistant view) and does
  // not pass them on, so app.message below sees only top-level DMs.
  app.assistant(orcaAssistant({ enqueue: (jobId) => worker.enqueue(jobId), jobs, logger: log }));
  app.event("app_mention", async ({ body }) => worker.enqueue(body.event_id));
  app.message(async ({ body }) => worker.enqueue(body.event_id));
  app.event("reaction_added", async ({ event }) => {
    if (event.item.type !== "message") return;
    await feedback.reaction({
      user: event.user,
      reaction: event.reaction,
      channel: event.item.channel,
      ts: event.item.ts,
    });
  });
  app.action({ block_id: FEEDBACK_BLOCK_ID }, async ({ ack, body, action }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button" || !("action_id" in action)) return;
    // Handled by triage at intake; it is a request for a person, not a rating of the answer.
    if (action.action_id === FEEDBACK_HUMAN) return;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const messageTs = body.message?.ts ?? body.container?.message_ts;
    if (!channel || !messageTs) {
      log.warn("feedback click without channel or message; ignored");
      return;
    }
    await feedback.click({
      jobId: action.value ?? "",
      actionId: action.action_id,
      user: body.user.id,
      channel,
      messageTs,
      threadTs: body.message?.thread_ts,
      blocks: body.message?.blocks,
    });
  });
  app.error(async (error) => {
    log.error({ code: (error as { code?: string }).code, err: error.message }, "Slack listener failed");
  });
}
