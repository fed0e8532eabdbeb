// Whether the state store can be written. A full disk must not crash Orca: while writes fail, new work is refused
// (Slack delivers it again later), /healthz says why, and a probe notices when space comes back.
import fs from "node:fs";
import type { Logger } from "../../core/index.js";

export type DiskState = "ok" | "full" | "error";

const FULL_CODES = new Set(["SQLITE_FULL", "ENOSPC", "EDQUOT"]);

/** The disk-related failure an error stands for, or null when it is something else. */
export function diskFailure(error: unknown): Exclude<DiskState, "ok"> | null {
  const code = String((error as { code?: unknown })?.code ?? "");
  if (FULL_CODES.has(code)) return "full";
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT)/.test(code) || code === "EROFS" || code === "EIO") return "error";
  return null;
}

export interface DiskHealthOptions {
  dataDir: string;
  /** A small write that fails while the disk cannot take writes. */
  probe: () => void;
  /** Called once writes work again (to record what could not be recorded meanwhile). */
  onRecovered: () => void;
  logger: Logger;
  probeEveryMs?: number;
}

export class DiskHealth {
  private current: DiskState = "ok";
  private lastError: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: DiskHealthOptions) {}

  get state(): DiskState {
    return this.current;
  }

  /** Notes a failed write; true when it was the disk (then new work is refused until a probe succeeds). */
  failed(error: unknown): boolean {
    const kind = diskFailure(error);
    if (!kind) return false;
    if (this.current === "ok")
      this.o.logger.error({ disk: kind, err: String(error) }, "state store cannot write; refusing new work");
    this.current = kind;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.timer ??= setInterval(() => this.probe(), this.o.probeEveryMs ?? 1_000);
    this.timer.unref();
    return true;
  }

  /** Facts for /healthz. */
  report(): { state: DiskState; freeBytes: number | null; error?: string } {
    let freeBytes: number | null = null;
    try {
      const s = fs.statfsSync(this.o.dataDir);
      freeBytes = s.bavail * s.bsize;
    } catch {
      freeBytes = null;
    }
    return {
      state: this.current,
      freeBytes,
      ...(this.current !== "ok" && this.lastError ? { error: this.lastError } : {}),
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private probe(): void {
    try {
      this.o.probe();
    } catch {
      return;
    }
    this.stop();
    this.current = "ok";
    this.lastError = undefined;
    this.o.logger.info("state store writes again; accepting new work");
    this.o.onRecovered();
  }
}
