import { describe, expect, it } from "vitest";
import { silentLogger } from "../core/index.js";
import { PostQueue } from "./post-queue.js";

describe("PostQueue", () => {
  it("sends one post at a time per channel, in order, and keeps going after a failure", async () => {
    const queue = new PostQueue(0, silentLogger());
    const inFlight = new Map<string, number>();
    let maxInFlight = 0;
    const sent: string[] = [];
    const send =
      (channel: string, id: string, fail = false) =>
      async () => {
        inFlight.set(channel, (inFlight.get(channel) ?? 0) + 1);
        maxInFlight = Math.max(maxInFlight, inFlight.get(channel) ?? 0);
        await new Promise((r) => setImmediate(r));
        inFlight.set(channel, (inFlight.get(channel) ?? 1) - 1);
        if (fail) throw new Error("ratelimited");
        sent.push(id);
      };
    for (let i = 0; i < 20; i++) queue.push("C1", "post", send("C1", `a${i}`, i === 3));
    for (let i = 0; i < 5; i++) queue.push("C2", "post", send("C2", `b${i}`));
    await queue.idle();
    expect(maxInFlight).toBe(1);
    expect(sent.filter((s) => s.startsWith("a"))).toEqual(
      Array.from({ length: 20 }, (_, i) => `a${i}`).filter((s) => s !== "a3"),
    );
    expect(sent.filter((s) => s.startsWith("b"))).toHaveLength(5);
  });
});
