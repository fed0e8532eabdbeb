// Test doubles for Slack: the fake Web API server and signed event delivery. Reusable by the bench helper.
export {
  eventId,
  type FakeMessage,
  type FakeSlack,
  type FakeSlackOptions,
  type Fault,
  type RecordedCall,
  slackTs,
  startFakeSlack,
} from "./fake-slack-server.js";
export { childEnv, freePort } from "./serve-process.js";
export {
  assistantThreadStartedEvent,
  type DeliverOptions,
  type Delivery,
  deliver,
  deliverInteraction,
  deliverRaw,
  dmEvent,
  type Envelope,
  type MentionSpec,
  mentionEvent,
  reactionEvent,
  signature,
} from "./signed-events.js";
