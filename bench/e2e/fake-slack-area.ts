// The part of test/fake-slack's public surface the bench uses (the Slack helper's fake Web API and signed delivery).
import { areaFunction, importArea } from "../areas.js";

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  status: number;
  error?: string;
  /** Date.now() when the fake received the call. */
  at: number;
}

export interface FakeSlack {
  url: string;
  token: string;
  botUserId: string;
  calls: RecordedCall[];
  seedThread(channel: string, messages: Array<{ ts?: string; user?: string; text: string }>): string[];
  close(): Promise<void>;
}

export interface FakeSlackArea {
  startFakeSlack(): Promise<FakeSlack>;
  slackTs(): string;
  mentionEvent(spec: { channel: string; user: string; text: string; ts: string }): unknown;
  deliver(url: string, secret: string, envelope: unknown): Promise<{ status: number; ms: number }>;
}

export async function fakeSlackArea(): Promise<FakeSlackArea> {
  const where = "test/fake-slack/index.ts";
  const mod = await importArea(where);
  return {
    startFakeSlack: areaFunction(mod, "startFakeSlack", where),
    slackTs: areaFunction(mod, "slackTs", where),
    mentionEvent: areaFunction(mod, "mentionEvent", where),
    deliver: areaFunction(mod, "deliver", where),
  };
}
