// Orca's own triage posts (suggestions, owner mentions, nudges, escalations, digests) go out through one queue:
// in order, at most one per channel per spacing interval, so a flood of threads never becomes a flood of posts
// that trips Slack's rate limits (the Web API client still honours Retry-After on any 429 that gets through).
import type { Logger } from "../core/index.js";

export class PostQueue {
  private readonly lastAt = new Map<string, number>();
  private readonly chains = new Map<string, Promise<void>>();
  private pending = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly spacingMs: number,
    private readonly logger: Logger,
  ) {}

  /** Queues `send` for `channel`; failures are logged, never thrown at the caller. */
  push(channel: string, what: string, send: () => Promise<unknown>): void {
    this.pending++;
    const previous = this.chains.get(channel) ?? Promise.resolve();
    const next = previous.then(async () => {
      const wait = (this.lastAt.get(channel) ?? 0) + this.spacingMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        await send();
      } catch (error) {
        this.logger.warn({ channel, what, err: String(error) }, "triage post failed");
      } finally {
        this.lastAt.set(channel, Date.now());
        this.pending--;
        if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
      }
    });
    this.chains.set(channel, next);
  }

  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
