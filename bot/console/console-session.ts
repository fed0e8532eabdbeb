// A local conversation with Orca in the terminal: the same answer pipeline as Slack, no workspace needed.
// On a terminal each line is a question (a trailing backslash or an open ``` block continues it) and the
// conversation is kept as one thread; piped input is read whole and answered as one question.
import readline from "node:readline";
import type { Answer, AnswerEngine, Thread, ThreadMessage } from "../../core/index.js";
import { toOrcaError } from "../../core/index.js";

export interface ConsoleOptions {
  engine: AnswerEngine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where errors go (defaults to output). */
  errors?: NodeJS.WritableStream;
  /** True on a terminal: prompt and answer line by line. */
  interactive: boolean;
  /** Applied to every printed answer (secret redaction). */
  redact?: (text: string) => string;
  /** Forces the Prefect version (as `--prefect-version` does elsewhere). */
  prefectVersion?: string;
}

export interface ConsoleResult {
  questions: number;
  failures: number;
}

const USER = "you";
const EXIT_WORDS = new Set(["exit", "quit", ":q"]);

/** Plain-text rendering for a terminal: the Markdown as is, then sources and notes. */
export function formatAnswer(answer: Answer): string {
  const parts = [answer.markdown.trim()];
  // Sources the answer already links are not listed twice.
  const sources = [...new Map(answer.sources.map((s) => [s.url, s])).values()]
    .filter((s) => !answer.markdown.includes(s.url))
    .slice(0, 5);
  if (sources.length > 0) parts.push(`Sources:\n${sources.map((s) => `- ${s.title}: ${s.url}`).join("\n")}`);
  if (answer.notes.length > 0) parts.push(answer.notes.map((n) => `(${n})`).join("\n"));
  return `${parts.join("\n\n")}\n`;
}

class Conversation {
  private readonly history: ThreadMessage[] = [];

  constructor(private readonly options: ConsoleOptions) {}

  async ask(question: string): Promise<boolean> {
    const { engine, output, redact = (t: string) => t } = this.options;
    const thread: Thread = {
      messages: [...this.history],
      question,
      asker: USER,
      ...(this.options.prefectVersion ? { prefectVersion: this.options.prefectVersion } : {}),
    };
    try {
      const answer = await engine.answer(thread);
      output.write(redact(formatAnswer(answer)));
      this.history.push(
        { author: USER, text: question, isBot: false },
        { author: "Orca", text: answer.markdown, isBot: true },
      );
      return true;
    } catch (error) {
      (this.options.errors ?? output).write(`orca: could not answer: ${redact(toOrcaError(error).message)}\n`);
      return false;
    }
  }
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export async function runConsole(options: ConsoleOptions): Promise<ConsoleResult> {
  const conversation = new Conversation(options);
  if (!options.interactive) {
    const question = (await readAll(options.input)).trim();
    if (question === "") {
      (options.errors ?? options.output).write("orca: no question on standard input\n");
      return { questions: 0, failures: 1 };
    }
    const ok = await conversation.ask(question);
    return { questions: 1, failures: ok ? 0 : 1 };
  }

  const rl = readline.createInterface({ input: options.input, output: options.output, terminal: true });
  const result: ConsoleResult = { questions: 0, failures: 0 };
  options.output.write(
    "Ask Orca about Prefect. One question per line (end a line with \\ to continue it; a ``` block continues\n" +
      "until it closes). 'exit' or Ctrl-D to leave.\n",
  );
  let pending: string[] = [];
  let inFence = false;
  rl.setPrompt("you › ");
  rl.prompt();
  for await (const line of rl) {
    if (!inFence && pending.length === 0 && EXIT_WORDS.has(line.trim())) break;
    const continued = !inFence && line.endsWith("\\");
    pending.push(continued ? line.slice(0, -1) : line);
    if ((line.match(/```/g) ?? []).length % 2 === 1) inFence = !inFence;
    if (inFence || continued) continue;
    const question = pending.join("\n").trim();
    pending = [];
    if (question !== "") {
      result.questions++;
      if (!(await conversation.ask(question))) result.failures++;
    }
    rl.prompt();
  }
  rl.close();
  return result;
}
