// Slack rate-limits per method (tiers), so a 429 on one method must not hold up the others. The stock WebClient
// pauses its whole request queue on any 429; this client rejects rate-limited calls instead and keeps the wait per
// method: later calls of the same method wait out the Retry-After (up to a cap), other methods go on at once.
import { ErrorCode, type WebAPICallResult, WebClient, type WebClientOptions } from "@slack/web-api";
import { OrcaError } from "../../core/index.js";

/** A Retry-After longer than the cap: the caller should reschedule the work rather than wait. */
export class SlackRateLimitedError extends OrcaError {
  constructor(
    readonly method: string,
    readonly retryAfterMs: number,
  ) {
    super("rate_limited", `Slack rate-limited ${method} for ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** Per-method "not before" times, shared by every client of one workspace. */
export class MethodLimits {
  private readonly until = new Map<string, number>();

  constructor(
    /** The longest wait honoured in place; longer ones throw SlackRateLimitedError. */
    readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `method` may be called again (0 when it may be called now). */
  waitFor(method: string): number {
    const until = this.until.get(method);
    if (until === undefined) return 0;
    const wait = until - this.now();
    if (wait <= 0) this.until.delete(method);
    return Math.max(0, wait);
  }

  limited(method: string, retryAfterMs: number): void {
    const until = this.now() + retryAfterMs;
    this.until.set(method, Math.max(until, this.until.get(method) ?? 0));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class MethodLimitedClient extends WebClient {
  constructor(
    token: string,
    options: WebClientOptions,
    private readonly limits: MethodLimits,
    /** Whether a short rate limit is waited out here (false: throw at once, for calls that must not linger). */
    private readonly waitOutLimits = true,
  ) {
    super(token, { ...options, rejectRateLimitedCalls: true });
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    // A few rounds at most: each 429 names its own wait, and a method that stays limited is given back to the caller.
    for (let round = 0; ; round++) {
      const wait = this.limits.waitFor(method);
      if (wait > 0) {
        if (!this.waitOutLimits || wait > this.limits.maxWaitMs || round >= 3)
          throw new SlackRateLimitedError(method, wait);
        await sleep(wait);
      }
      try {
        return await super.apiCall(method, options);
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number };
        if (e.code !== ErrorCode.RateLimitedError) throw error;
        this.limits.limited(method, Math.max(0, (e.retryAfter ?? 1) * 1000));
      }
    }
  }
}
