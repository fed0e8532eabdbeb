// Step 4 (LLM) with step 5 inside: the tool-calling loop, then verification; a failing draft goes back to the model
// with the diagnostics, at most `maxRepairRounds` times, and what still fails is removed before sending.
import type { StructuredToolInterface } from "@langchain/core/tools";
import { ProviderError } from "../../../core/index.js";
import { describeFalseClaims } from "../../../knowledge/claims/index.js";
import type { AnswerLimits } from "../ports.js";
import { describeProblems, type Enforced, enforceDetailed, type VerifyResult } from "../verify/index.js";
import type { ChatMessage, ChatModel, ToolCall, ToolSpec } from "./chat-model.js";
import { repairMessage } from "./prompt.js";

export interface LlmComposeInput {
  chat: ChatModel;
  tools: StructuredToolInterface[];
  specs: ToolSpec[];
  system: string;
  user: string;
  release: string;
  limits: Pick<AnswerLimits, "maxToolCalls" | "maxRepairRounds">;
  verify(markdown: string): Promise<VerifyResult>;
  signal: AbortSignal;
}

export interface LlmComposeResult {
  markdown: string;
  verified: VerifyResult;
  repairRounds: number;
  toolCalls: number;
  /** What enforcement removed from the last draft, when it still failed after the last repair round. */
  enforced?: Enforced;
}

async function runTool(tools: StructuredToolInterface[], call: ToolCall): Promise<string> {
  const t = tools.find((x) => x.name === call.name);
  if (!t) return `Error: there is no tool named "${call.name}".`;
  let args: unknown;
  try {
    args = call.arguments.trim() === "" ? {} : JSON.parse(call.arguments);
  } catch {
    return "Error: the arguments are not valid JSON.";
  }
  try {
    const out: unknown = await t.invoke(args as Record<string, unknown>);
    return typeof out === "string" ? out : JSON.stringify(out);
  } catch (error) {
    // Schema violations go back to the model as text so it can correct the call.
    const message = error instanceof Error ? error.message : String(error);
    return `Error: invalid arguments for ${call.name}: ${message.replace(/\s+/g, " ").slice(0, 300)}`;
  }
}

/** One turn: model calls, tool calls answered (at most maxToolCalls), until the model writes an answer. */
async function runTurn(input: LlmComposeInput, messages: ChatMessage[]): Promise<{ text: string; toolCalls: number }> {
  let calls = 0;
  for (let step = 0; step <= input.limits.maxToolCalls + 2; step++) {
    input.signal.throwIfAborted();
    const allowTools = calls < input.limits.maxToolCalls;
    const turn = await input.chat.complete({
      messages,
      tools: allowTools ? input.specs : undefined,
      signal: input.signal,
    });
    if (turn.toolCalls.length === 0) {
      const text = turn.content?.trim() ?? "";
      if (text === "") throw new ProviderError("the model returned an empty answer");
      return { text, toolCalls: calls };
    }
    messages.push({ role: "assistant", content: turn.content, toolCalls: turn.toolCalls });
    for (const call of turn.toolCalls) {
      if (calls >= input.limits.maxToolCalls) {
        messages.push({
          role: "tool",
          toolCallId: call.id,
          content: "Tool limit reached for this answer; answer now with what you have.",
        });
        continue;
      }
      calls++;
      messages.push({ role: "tool", toolCallId: call.id, content: await runTool(input.tools, call) });
    }
  }
  throw new ProviderError("the model kept calling tools without answering");
}

function problemsOf(result: VerifyResult, release: string): string[] {
  return [
    ...result.blocks
      .filter((b) => b.problems.length > 0)
      .map((b, i) => `code block ${i + 1} fails the check for Prefect ${release}: ${describeProblems(b.problems)}`),
    // With the claim check, names are among its claims; without it (a bare facts double) they come alone.
    ...(result.claims
      ? describeFalseClaims(result.claims)
      : result.names.map(
          (n) => `\`${n.name}\` is ${n.status === "unknown" ? "not a Prefect API" : n.detail} in ${release}`,
        )),
  ];
}

export async function composeWithModel(input: LlmComposeInput): Promise<LlmComposeResult> {
  const messages: ChatMessage[] = [
    { role: "system", content: input.system },
    { role: "user", content: input.user },
  ];
  let toolCalls = 0;
  for (let round = 0; ; round++) {
    const { text, toolCalls: used } = await runTurn(input, messages);
    toolCalls += used;
    const verified = await input.verify(text);
    if (verified.ok) return { markdown: text, verified, repairRounds: round, toolCalls };
    if (round >= input.limits.maxRepairRounds) {
      const enforced = enforceDetailed(text, verified, input.release, "remove");
      return { markdown: enforced.markdown, verified, repairRounds: round, toolCalls, enforced };
    }
    messages.push({ role: "assistant", content: text });
    messages.push({ role: "user", content: repairMessage(problemsOf(verified, input.release)) });
  }
}
