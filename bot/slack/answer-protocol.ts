// The messages between the Slack process and its answer thread. Everything here survives structured cloning:
// plain objects, no class instances, errors reduced to a code and a message.
import type { MessagePort } from "node:worker_threads";
import type { Answer, AnswerEngine, ErrorCode, Thread } from "../../core/index.js";
import { OrcaError, toOrcaError } from "../../core/index.js";
import type { ConversationRecord } from "../../knowledge/index.js";

export type HostMessage =
  | { type: "answer"; id: number; thread: Thread }
  | { type: "abort"; id: number }
  | { type: "conversation"; id: number; record: ConversationRecord }
  | { type: "conversation_ids"; id: number }
  | { type: "remove_conversations"; id: number; ids: string[] }
  | { type: "close" };

export interface WireError {
  code: ErrorCode;
  message: string;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "start_failed"; error: WireError }
  | { type: "answered"; id: number; answer: Answer }
  | { type: "done"; id: number }
  | { type: "result"; id: number; value: unknown }
  | { type: "failed"; id: number; error: WireError }
  | { type: "closed" };

/** What a worker thread offers: the answer engine plus the one writer of past conversations. */
export interface AnswerService {
  engine: AnswerEngine;
  addConversation(record: ConversationRecord): Promise<unknown>;
  /** Ids of the past conversations added live (for the sweep of threads that may no longer be indexed). */
  conversationIds?(): Promise<string[]>;
  /** Removes past conversations; resolves with how many were there. */
  removeConversations?(ids: string[]): Promise<number>;
  close(): Promise<void>;
}

export function toWireError(error: unknown): WireError {
  const e = toOrcaError(error);
  return { code: e.code, message: e.message };
}

/** Worker side: starts the service, then answers the host's messages until told to close. */
export async function serveAnswers(port: MessagePort, start: () => Promise<AnswerService>): Promise<void> {
  const send = (message: WorkerMessage) => port.postMessage(message);
  let service: AnswerService;
  try {
    service = await start();
  } catch (error) {
    send({ type: "start_failed", error: toWireError(error) });
    port.close();
    return;
  }
  const running = new Map<number, AbortController>();
  port.on("message", (message: HostMessage) => {
    switch (message.type) {
      case "answer": {
        const controller = new AbortController();
        running.set(message.id, controller);
        service.engine
          .answer(message.thread, { signal: controller.signal })
          .then((answer) => send({ type: "answered", id: message.id, answer }))
          .catch((error: unknown) => send({ type: "failed", id: message.id, error: toWireError(error) }))
          .finally(() => running.delete(message.id));
        return;
      }
      case "abort":
        running.get(message.id)?.abort();
        return;
      case "conversation":
        service
          .addConversation(message.record)
          .then(() => send({ type: "done", id: message.id }))
          .catch((error: unknown) => send({ type: "failed", id: message.id, error: toWireError(error) }));
        return;
      case "conversation_ids":
      case "remove_conversations": {
        const work =
          message.type === "conversation_ids"
            ? service.conversationIds?.()
            : service.removeConversations?.(message.ids);
        (work ?? Promise.reject(new OrcaError("not_available", `${message.type} is not offered by this worker`)))
          .then((value) => send({ type: "result", id: message.id, value }))
          .catch((error: unknown) => send({ type: "failed", id: message.id, error: toWireError(error) }));
        return;
      }
      case "close":
        for (const controller of running.values()) controller.abort();
        void service.close().finally(() => {
          send({ type: "closed" });
          port.close();
        });
        return;
    }
  });
  send({ type: "ready" });
}
