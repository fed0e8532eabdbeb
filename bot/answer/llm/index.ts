// Public surface of the LLM mode: the chat model, its tools and prompt, and the verify-and-repair loop.
export { answerWithModel, type ModelAnswer } from "./answer-with-model.js";
export {
  type ChatMessage,
  type ChatModel,
  type ChatRequest,
  type ChatTurn,
  createOpenAIChatModel,
  type OpenAIChatOptions,
  type ToolCall,
  type ToolSpec,
} from "./chat-model.js";
