// An AnswerEngine whose answers are computed on a worker thread, so the CPU work of answering (lint, search,
// compose) never delays the HTTP acknowledgements on the main event loop. One worker; if it dies, the questions
// it held fail (the caller posts an apology) and the next question starts a fresh one.
import { Worker } from "node:worker_threads";
import type { Answer, AnswerEngine, AnswerOptions, Logger, OrcaConfig, Thread } from "../../core/index.js";
import { OrcaError, silentLogger } from "../../core/index.js";
import type { ConversationRecord } from "../../knowledge/index.js";
import type { HostMessage, WireError, WorkerMessage } from "./answer-protocol.js";

const BOOT = new URL("./answer-worker-boot.mjs", import.meta.url);
const DEFAULT_ENTRY = new URL("./answer-worker-main.ts", import.meta.url);

export interface WorkerAnswerEngineOptions {
  config: OrcaConfig;
  logger?: Logger;
  /** Module the worker runs (default: the real answer thread); tests pass a small stand-in. */
  entry?: URL;
  /**
   * A question the worker holds longer than this is given up on and the worker is replaced: an abort cannot
   * interrupt a synchronous loop, and one stuck question must not hold up every later one. Default: twice the
   * answer timeout, at least a minute.
   */
  hardTimeoutMs?: number;
  /** Time allowed for building the index and facts when a worker starts. */
  startTimeoutMs?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function fromWire(error: WireError): OrcaError {
  return new OrcaError(error.code, error.message);
}

export class WorkerAnswerEngine implements AnswerEngine {
  private worker: Worker | undefined;
  private starting: Promise<Worker> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private readonly logger: Logger;

  constructor(private readonly o: WorkerAnswerEngineOptions) {
    this.logger = o.logger ?? silentLogger();
  }

  /** Starts the worker and waits until its engine is built; a failure to build is reported here. */
  async start(): Promise<void> {
    await this.ready();
  }

  async answer(thread: Thread, options: AnswerOptions = {}): Promise<Answer> {
    const { signal } = options;
    const worker = await this.ready();
    // Starting a worker can take a while: the caller may have given up meanwhile.
    if (signal?.aborted) throw new OrcaError("timeout", "the answer was cancelled before it started");
    const id = this.nextId++;
    const result = this.track(id);
    const onAbort = () => {
      this.post(worker, { type: "abort", id });
      this.settle(id, new OrcaError("timeout", "the answer was cancelled"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const hard = setTimeout(
      () => this.replaceStuck(worker, id),
      this.o.hardTimeoutMs ?? Math.max(60_000, 2 * this.o.config.answerTimeoutMs),
    );
    try {
      this.post(worker, { type: "answer", id, thread });
      return (await result) as Answer;
    } finally {
      clearTimeout(hard);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Adds a past conversation through the worker's knowledge base, so the index that answers sees it at once. */
  async addConversation(record: ConversationRecord): Promise<void> {
    const worker = await this.ready();
    const id = this.nextId++;
    const result = this.track(id);
    this.post(worker, { type: "conversation", id, record });
    await result;
  }

  /** Ids of the past conversations added live, from the worker's knowledge base. */
  async conversationIds(): Promise<string[]> {
    return (await this.request({ type: "conversation_ids" })) as string[];
  }

  /** Removes past conversations through the worker's knowledge base; resolves with how many were there. */
  async removeConversations(ids: string[]): Promise<number> {
    return (await this.request({ type: "remove_conversations", ids })) as number;
  }

  private async request(message: { type: "conversation_ids" } | { type: "remove_conversations"; ids: string[] }) {
    const worker = await this.ready();
    const id = this.nextId++;
    const result = this.track(id);
    this.post(worker, { ...message, id });
    return result;
  }

  /** Lets the worker close its knowledge base, then ends it. */
  async close(graceMs = 5_000): Promise<void> {
    this.closed = true;
    const worker = this.worker ?? (await this.starting?.catch(() => undefined));
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    this.post(worker, { type: "close" });
    const timer = setTimeout(() => void worker.terminate(), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private ready(): Promise<Worker> {
    if (this.closed) return Promise.reject(new OrcaError("not_available", "the answer engine is closed"));
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= this.spawn().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private spawn(): Promise<Worker> {
    const entry = (this.o.entry ?? DEFAULT_ENTRY).href;
    const worker = new Worker(BOOT, { workerData: { entry, config: this.o.config } });
    return new Promise<Worker>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new OrcaError("timeout", "the answer worker did not start in time"));
        void worker.terminate();
      }, this.o.startTimeoutMs ?? 300_000);
      const fail = (error: OrcaError) => {
        clearTimeout(timer);
        reject(error);
      };
      worker.on("message", (message: WorkerMessage) => {
        if (message.type === "ready") {
          clearTimeout(timer);
          this.worker = worker;
          resolve(worker);
        } else if (message.type === "start_failed") fail(fromWire(message.error));
        else this.onMessage(message);
      });
      worker.on("error", (error) => this.logger.error({ err: error.message }, "answer worker failed"));
      worker.on("exit", (code) => {
        fail(new OrcaError("internal", `the answer worker exited (code ${code}) before it was ready`));
        this.onExit(worker, code);
      });
    });
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === "answered") this.settle(message.id, undefined, message.answer);
    else if (message.type === "done") this.settle(message.id, undefined, undefined);
    else if (message.type === "result") this.settle(message.id, undefined, message.value);
    else if (message.type === "failed") this.settle(message.id, fromWire(message.error));
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (!this.closed) this.logger.error({ code, inFlight: this.pending.size }, "answer worker exited; restarting");
    for (const id of [...this.pending.keys()])
      this.settle(id, new OrcaError("internal", "the answer worker stopped while answering"));
    // Restart at once, so the next question does not pay for building the engine.
    if (!this.closed) this.ready().catch((error: Error) => this.logger.error({ err: error.message }, "restart failed"));
  }

  private replaceStuck(worker: Worker, id: number): void {
    if (!this.pending.has(id)) return;
    this.logger.error({ id }, "answer worker stuck on one question; replacing it");
    void worker.terminate();
  }

  private track(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private settle(id: number, error: Error | undefined, value?: unknown): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (error) entry.reject(error);
    else entry.resolve(value);
  }

  private post(worker: Worker, message: HostMessage): void {
    worker.postMessage(message);
  }
}
