// Cuts a recorded conversation into replayable cases: every user message the bot answered becomes a question, with
// everything before it as the thread. What the bot said at the time is kept for the audit.
import type { ThreadMessage } from "../core/index.js";
import type { TranscriptCase } from "./types.js";

export interface TranscriptCaseOptions {
  /** Prefix of the generated ids, usually the transcript's file name. */
  idPrefix: string;
  file?: string;
}

export function transcriptCases(messages: ThreadMessage[], options: TranscriptCaseOptions): TranscriptCase[] {
  const cases: TranscriptCase[] = [];
  messages.forEach((m, i) => {
    if (m.isBot || !messages[i + 1]?.isBot) return;
    // Archives often lose the text of a question; a case without one has nothing to replay.
    if (m.text.trim() === "") return;
    const recorded: TranscriptCase["recorded"] = [];
    for (let j = i + 1; j < messages.length && messages[j]!.isBot; j++) recorded.push({ ...messages[j]!, index: j });
    cases.push({
      id: `${options.idPrefix}#${i}`,
      prefectVersion: null,
      thread: messages.slice(0, i),
      question: m.text,
      // Transcripts carry no hand-written expectations; the code the bot writes must at least lint clean.
      expect: { codeLintsClean: true },
      tags: ["transcript"],
      ...(options.file ? { origin: { file: options.file, line: i + 1 } } : {}),
      recorded,
    });
  });
  return cases;
}
