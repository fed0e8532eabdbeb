// Structured logs (pino). Every line passes through the Redactor so no token or secret is ever printed.
import { type Logger, pino } from "pino";
import type { LogLevel } from "./config.js";
import { Redactor } from "./redact.js";

export type { Logger } from "pino";

export interface LoggerOptions {
  level: LogLevel;
  secrets: string[];
  /** Where lines go; defaults to stderr so stdout stays free for command output. */
  destination?: NodeJS.WritableStream;
}

/** Destinations whose reader has gone away (a write failed), shared by every logger writing to them. */
const broken = new WeakSet<NodeJS.WritableStream>();
const watched = new WeakSet<NodeJS.WritableStream>();

/**
 * A log line must never take its process down or keep it busy: when the reader of the destination goes away (the
 * parent that piped our stderr died: EPIPE), every later write would fail again, and each failure surfaces as an
 * uncaught error that is logged again, a loop that spins a core. Lines to a broken destination are dropped instead;
 * the process owner decides whether to stop (`orca serve` does, see `outputClosed`).
 */
function watch(out: NodeJS.WritableStream): void {
  if (watched.has(out)) return;
  watched.add(out);
  out.on("error", () => broken.add(out));
}

/** Whether a write to this stream has failed (its reader is gone). */
export function isBrokenOutput(out: NodeJS.WritableStream): boolean {
  return broken.has(out);
}

export function createLogger(options: LoggerOptions): Logger {
  const redactor = new Redactor(options.secrets);
  const out = options.destination ?? process.stderr;
  watch(out);
  const stream = {
    write: (line: string) => {
      if (!broken.has(out)) out.write(redactor.redact(line));
    },
  };
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: {
        paths: ["token", "*.token", "authorization", "*.authorization", "headers.authorization", "apiKey", "*.apiKey"],
        censor: "[redacted]",
      },
    },
    stream,
  );
}

/** A logger that drops everything, for tests and library callers that do not care. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
