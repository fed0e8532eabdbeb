import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  it("allows `limit` per window per key and frees slots as the window slides", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a"), limiter.take("b")]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now = 30_000;
    expect(limiter.retryAfterMs("a")).toBe(30_000);
    now = 60_001;
    expect(limiter.take("a")).toBe(true);
  });
});
