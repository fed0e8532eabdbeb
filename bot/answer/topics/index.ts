// Public surface of the topic registry: one definition of each named topic, used by every stage.
export {
  type NamedTopic,
  type TopicContext,
  type TopicId,
  topicLabel,
  topicOfDiagnosis,
  topicSearchTerms,
  topicsFromErrorText,
  topicsOfThreadErrors,
  topicText,
} from "./topics.js";
