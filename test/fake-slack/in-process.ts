// Starts Orca's real Slack app in this process against a fake Slack, with an engine chosen by the test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { type ConversationSink, type RunningSlackApp, startSlackApp } from "../../bot/slack/index.js";
import { type AnswerEngine, createLogger, loadConfig, type OrcaConfig } from "../../core/index.js";
import type { FakeSlack } from "./fake-slack-server.js";

export const SIGNING_SECRET = "test-signing-secret-6f1d2c";

export interface InProcessOrca {
  app: RunningSlackApp;
  config: OrcaConfig;
  /** POST target for signed events. */
  url: string;
  base: string;
  dataDir: string;
  /** Every log line written so far. */
  logs: string[];
  stop(): Promise<void>;
}

export function tempDataDir(prefix = "orca-slack-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startInProcess(
  fake: FakeSlack,
  engine: AnswerEngine,
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    sink?: ConversationSink;
    concurrency?: number;
    /** Drives triage's SLA clock; ticks then happen only when the test calls `app.triage.tick()`. */
    triageClock?: () => number;
  } = {},
): Promise<InProcessOrca> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({
    SLACK_BOT_TOKEN: fake.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    ORCA_DATA_DIR: dataDir,
    ...options.env,
  });
  config.slack.port = 0;
  const logs: string[] = [];
  const logger = createLogger({
    level: "info",
    secrets: config.secrets,
    destination: new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const app = await startSlackApp({
    config,
    engine,
    logger,
    host: "127.0.0.1",
    ...(options.sink ? { feedbackSink: options.sink } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.triageClock ? { triageClock: options.triageClock, triageTickMs: 0 } : {}),
  });
  const base = `http://127.0.0.1:${app.port}`;
  return { app, config, url: `${base}/slack/events`, base, dataDir, logs, stop: () => app.stop() };
}
