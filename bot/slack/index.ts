// Public surface of the Slack app.
export { checkDataDir } from "./data-dir.js";
export { type ConversationSink, conversationChannel, conversationId, type FinishedConversation } from "./feedback.js";
export { EVENTS_PATH, HEALTH_PATH, MAX_BODY_BYTES, OrcaHttpReceiver } from "./http-receiver.js";
export { markdownToMrkdwn } from "./mrkdwn.js";
export {
  FEEDBACK_BLOCK_ID,
  FEEDBACK_DOWN,
  FEEDBACK_UP,
  MAX_BLOCKS,
  renderAnswer,
  type SlackMessage,
} from "./render-answer.js";
export { type RunningSlackApp, type SlackAppOptions, startSlackApp } from "./slack-app.js";
export { SECTION_LIMIT, splitMrkdwn } from "./split-mrkdwn.js";
export { type FeedbackRecord, openStateDatabase, SlackStateStore, STATE_DATABASE } from "./state-store.js";
export { WorkerAnswerEngine, type WorkerAnswerEngineOptions } from "./worker-answer-engine.js";
