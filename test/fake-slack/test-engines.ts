// Small AnswerEngine implementations for tests that exercise the Slack side, passed in through the constructor.
import type { Answer, AnswerEngine, AnswerOptions, Thread } from "../../core/index.js";

export function answerOf(markdown: string, extra: Partial<Answer> = {}): Answer {
  return {
    markdown,
    sources: [],
    diagnoses: [],
    correctedCode: null,
    version: { version: "3", resolved: "3.0.0", major: 3, how: "assumed", evidence: [] },
    mode: "offline",
    timings: {},
    notes: [],
    ...extra,
  };
}

/** Answers with the question and how many earlier messages it saw; records every thread it was given. */
export class RecordingEngine implements AnswerEngine {
  readonly threads: Thread[] = [];

  constructor(private readonly respond: (thread: Thread) => Answer | Promise<Answer> = defaultReply) {}

  async answer(thread: Thread, _options?: AnswerOptions): Promise<Answer> {
    this.threads.push(thread);
    return this.respond(thread);
  }
}

function defaultReply(thread: Thread): Answer {
  return answerOf(`**Answer** to: ${thread.question} (saw ${thread.messages.length} earlier messages)`, {
    sources: [{ title: "Retries", url: "https://docs.prefect.io/v3/develop/write-tasks", kind: "docs" }],
  });
}

export class FailingEngine implements AnswerEngine {
  async answer(): Promise<Answer> {
    throw new Error("index exploded");
  }
}

/** Never answers unless aborted; counts aborts so a test can see the deadline reached the engine. */
export class StallingEngine implements AnswerEngine {
  aborted = 0;

  answer(_thread: Thread, options?: AnswerOptions): Promise<Answer> {
    return new Promise((_resolve, reject) => {
      options?.signal?.addEventListener("abort", () => {
        this.aborted++;
        reject(new Error("aborted"));
      });
    });
  }
}

/** Holds every answer until `release()` is called, to create "still in progress" windows. */
export class GatedEngine implements AnswerEngine {
  private gate: Promise<void>;
  private open!: () => void;
  started = 0;

  constructor(private readonly inner: AnswerEngine = new RecordingEngine()) {
    this.gate = new Promise((r) => {
      this.open = r;
    });
  }

  release(): void {
    this.open();
  }

  async answer(thread: Thread, options?: AnswerOptions): Promise<Answer> {
    this.started++;
    await this.gate;
    return this.inner.answer(thread, options);
  }
}
