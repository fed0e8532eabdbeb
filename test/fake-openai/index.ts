export type {
  ChatRequestBody,
  FakeOpenAI,
  FakeOpenAIOptions,
  FakeStep,
  RecordedRequest,
  ScriptedToolCall,
} from "./server.js";
export { startFakeOpenAI } from "./server.js";
