// End to end through the real HTTP path: signed app_mention events posted to `orca serve` (a child process, offline,
// full index) with a fixed number of mentions in flight: each simulated asker posts a mention and waits for its reply
// before posting the next. Acknowledgement latency, event-to-reply latency at the fake Slack, replies per second,
// exactly one reply per event, and the serve process' peak memory.
import { randomBytes } from "node:crypto";
import { cp } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pMap from "p-map";
import {
  childEnv,
  deliver,
  type FakeSlack,
  freePort,
  mentionEvent,
  slackTs,
  startFakeSlack,
} from "../../test/fake-slack/index.js";
import { ReplyLog } from "../e2e/reply-log.js";
import { type ServeProcess, startServe } from "../e2e/serve-process.js";
import { BENCH_QUESTIONS } from "../fixtures/questions.js";
import type { Section, SectionOutput } from "../section.js";
import { sampleStats } from "../stats.js";

const WARMUP_EVENTS = 3;
const READY_TIMEOUT_MS = 180_000;
/** How long one asker waits for its reply before counting it missing and moving on. */
const REPLY_TIMEOUT_MS = 60_000;
/** Extra wait after the last expected reply, so late duplicates are seen. */
const DUPLICATE_GRACE_MS = 1_000;

interface SentEvent {
  channel: string;
  ts: string;
  sentAt: number;
  ackMs: number;
  status: number;
}

export const e2eSection: Section = {
  name: "e2e",
  async run(ctx) {
    const indexed = await ctx.indexes.served();
    const dataDir = path.join(ctx.workDir, "e2e-data");
    await cp(indexed, dataDir, { recursive: true });

    const fake = await startFakeSlack();
    const secret = randomBytes(16).toString("hex");
    let serve: ServeProcess | undefined;
    try {
      // Only what serve needs: no OpenAI settings, so answers are offline. The index is already built in the data
      // folder (corpus with version tags and public URLs, plus the pack), so serve only loads it.
      const env = childEnv({
        SLACK_BOT_TOKEN: fake.token,
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: fake.url,
        SLACK_BOT_USER_ID: fake.botUserId,
        ORCA_DATA_DIR: dataDir,
        ORCA_RATE_LIMIT_PER_MINUTE: "100000",
        LOG_LEVEL: "warn",
      });
      const startedAt = performance.now();
      serve = await startServe(env, await freePort(), READY_TIMEOUT_MS);
      const startMs = performance.now() - startedAt;
      const eventsUrl = `${serve.url}/slack/events`;
      const replies = new ReplyLog(fake);
      const ask = async (e: { channel: string; ts: string }, i: number) => {
        const sent = await sendMention(fake, eventsUrl, secret, e, i);
        await replies.waitFor(e.channel, e.ts, REPLY_TIMEOUT_MS);
        return sent;
      };

      const warmup = plan(WARMUP_EVENTS, "CWARM");
      for (const [i, e] of warmup.entries()) await ask(e, i);

      const events = plan(ctx.config.e2e.events, "CBENCH");
      ctx.log(`bench: e2e posting ${events.length} events, ${ctx.config.e2e.concurrency} in flight...`);
      const sent = await pMap(events, ask, { concurrency: ctx.config.e2e.concurrency });
      await sleep(DUPLICATE_GRACE_MS);
      const peakRssMB = await serve.peakRssMB();
      const result = measure(replies, sent);
      result.figures.push({ name: "orca serve start to healthy", unit: "ms", value: startMs });
      if (peakRssMB === undefined) result.notes.push("peak memory skipped: /proc not available");
      else
        result.figures.push({
          name: "orca serve peak memory (VmHWM)",
          unit: "MB",
          value: peakRssMB,
          target: { stat: "value", below: 600 },
        });
      return result;
    } finally {
      await serve?.stop();
      await fake.close();
    }
  },
};

function plan(count: number, channelPrefix: string) {
  return Array.from({ length: count }, (_, i) => ({ channel: `${channelPrefix}${i % 5}`, ts: slackTs() }));
}

async function sendMention(
  fake: FakeSlack,
  url: string,
  secret: string,
  e: { channel: string; ts: string },
  i: number,
): Promise<SentEvent> {
  // Each mention comes from its own user in its own thread, so the per-user rate limit does not shape the figures.
  const user = `UBENCH${String(i).padStart(5, "0")}`;
  const text = `<@${fake.botUserId}> ${BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]}`;
  fake.seedThread(e.channel, [{ ts: e.ts, user, text }]);
  const sentAt = Date.now();
  const delivery = await deliver(url, secret, mentionEvent({ channel: e.channel, user, text, ts: e.ts }));
  return { ...e, sentAt, ackMs: delivery.ms, status: delivery.status };
}

function measure(replies: ReplyLog, sent: SentEvent[]): Required<SectionOutput> {
  const replyMs: number[] = [];
  let once = 0;
  let missing = 0;
  let duplicated = 0;
  let lastReply = 0;
  for (const e of sent) {
    const times = replies.times(e.channel, e.ts);
    if (times.length === 0) missing++;
    else if (times.length === 1) once++;
    else duplicated++;
    if (times[0] !== undefined) {
      replyMs.push(times[0] - e.sentAt);
      lastReply = Math.max(lastReply, times[0]);
    }
  }
  const firstSent = Math.min(...sent.map((e) => e.sentAt));
  const windowS = Math.max(1, lastReply - firstSent) / 1000;
  const rejected = sent.filter((e) => e.status !== 200).length;
  return {
    figures: [
      {
        name: "acknowledgement",
        unit: "ms",
        stats: sampleStats(sent.map((e) => e.ackMs)),
        target: { stat: "p99", below: 50 },
      },
      {
        name: "event to reply at fake Slack",
        unit: "ms",
        stats: sampleStats(replyMs),
        target: { stat: "p95", below: 500 },
      },
      { name: "replies per second", unit: "/s", value: replyMs.length / windowS },
      {
        name: `events answered exactly once (of ${sent.length})`,
        unit: "",
        value: once,
        target: { stat: "value", atLeast: sent.length },
      },
    ],
    notes: missing > 0 ? [`${missing} replies missing after waiting ${REPLY_TIMEOUT_MS / 1000} s each`] : [],
    tables: [
      {
        title: "exactly one reply per event",
        header: ["events", "acknowledged 200", "answered once", "missing", "duplicated"],
        rows: [[sent.length, sent.length - rejected, once, missing, duplicated].map(String)],
      },
    ],
    details: { events: sent.length, rejected, once, missing, duplicated },
  };
}
