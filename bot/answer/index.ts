// Public surface of the answer pipeline.
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
} from "./llm/index.js";
export { createOpenAIChatModel } from "./llm/index.js";
export type { AnswerDeps, AnswerLimits, SnippetLinter, ThreadReader } from "./ports.js";
export { DEFAULT_LIMITS } from "./ports.js";
export type { ApiFinding } from "./retrieve/index.js";
export { type Concept, conceptsIn, warmConcepts } from "./understand/index.js";
