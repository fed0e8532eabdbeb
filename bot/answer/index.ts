// Public surface of the answer pipeline.
export type { ApiFinding } from "./api-lookup.js";
export { type Concept, conceptsIn } from "./concepts-in.js";
export { type CreateOrcaOptions, createOrca, type Orca } from "./create-orca.js";
export { createAnswerEngine } from "./engine.js";
export type {
  ChatMessage,
  ChatModel,
  ChatRequest,
  ChatTurn,
  OpenAIChatOptions,
  ToolCall,
  ToolSpec,
} from "./llm/chat-model.js";
export { createOpenAIChatModel } from "./llm/chat-model.js";
export type { AnswerDeps, AnswerLimits, SnippetLinter, ThreadReader } from "./ports.js";
export { DEFAULT_LIMITS } from "./ports.js";
