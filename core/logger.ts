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

export function createLogger(options: LoggerOptions): Logger {
  const redactor = new Redactor(options.secrets);
  const out = options.destination ?? process.stderr;
  const stream = { write: (line: string) => out.write(redactor.redact(line)) };
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
