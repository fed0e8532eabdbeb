// Threaded replies the fake Slack received, indexed as they arrive (its call log only grows).
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeSlack } from "../../test/fake-slack/index.js";

const POLL_MS = 5;

export class ReplyLog {
  private read = 0;
  private readonly byThread = new Map<string, number[]>();

  constructor(private readonly fake: FakeSlack) {}

  /** When each reply in the thread reached the fake (its Date.now()), oldest first. */
  times(channel: string, threadTs: string): number[] {
    this.catchUp();
    return this.byThread.get(`${channel}/${threadTs}`) ?? [];
  }

  /** Resolves true once the thread has a reply, false after `timeoutMs`. */
  async waitFor(channel: string, threadTs: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.times(channel, threadTs).length === 0) {
      if (Date.now() > deadline) return false;
      await sleep(POLL_MS);
    }
    return true;
  }

  private catchUp(): void {
    const calls = this.fake.calls;
    for (; this.read < calls.length; this.read++) {
      const call = calls[this.read]!;
      if (call.method !== "chat.postMessage" || call.status !== 200 || call.error) continue;
      const key = `${String(call.params.channel)}/${String(call.params.thread_ts)}`;
      this.byThread.set(key, [...(this.byThread.get(key) ?? []), call.at]);
    }
  }
}
