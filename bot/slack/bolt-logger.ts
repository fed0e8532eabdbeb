// Bolt and the Web API client log through their own Logger interface; this routes them into Orca's pino logger
// (which redacts secrets), so there is one log stream with one format.
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../core/index.js";

function line(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");
}

export function boltLogger(logger: Logger): BoltLogger {
  let named = logger.child({ component: "slack" });
  return {
    debug: (...msg: unknown[]) => named.debug(line(msg)),
    info: (...msg: unknown[]) => named.info(line(msg)),
    warn: (...msg: unknown[]) => named.warn(line(msg)),
    error: (...msg: unknown[]) => named.error(line(msg)),
    // Orca's LOG_LEVEL governs; Bolt asking to change it is ignored.
    setLevel: () => {},
    getLevel: () => {
      const level = named.level;
      if (level === "debug" || level === "trace") return LogLevel.DEBUG;
      if (level === "info") return LogLevel.INFO;
      if (level === "warn") return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: (name: string) => {
      named = logger.child({ component: name });
    },
  };
}
