import { it } from "vitest";
import { deliver, mentionEvent, startFakeSlack } from "./fake-slack/index.js";
import { SIGNING_SECRET, startInProcess } from "./fake-slack/in-process.js";
import { RecordingEngine } from "./fake-slack/test-engines.js";
it("exp", async () => {
  const fake = await startFakeSlack();
  const orca = await startInProcess(fake, new RecordingEngine(), { env: { LOG_LEVEL: "info" } });
  for (const round of [1, 2, 3]) {
    const events = Array.from({ length: 200 }, (_, i) => mentionEvent({ user: `U${round}x${i}`, text: `<@${fake.botUserId}> q ${i}` }));
    const t = performance.now();
    const acks = await Promise.all(events.map((e) => deliver(orca.url, SIGNING_SECRET, e)));
    const ms = acks.map((a) => a.ms).sort((a, b) => a - b);
    await fake.waitFor(() => fake.posts().length === 200 * round, 60000);
    console.info(`round ${round}: p50 ${ms[99]?.toFixed(0)} max ${ms[199]?.toFixed(0)} answered ${(performance.now() - t).toFixed(0)}`);
  }
  // concurrency 20
  const all: number[] = [];
  const events = Array.from({ length: 200 }, (_, i) => mentionEvent({ user: `Uc${i}`, text: `<@${fake.botUserId}> q ${i}` }));
  let next = 0;
  await Promise.all(Array.from({ length: 20 }, async () => { while (next < events.length) { const e = events[next++]; all.push((await deliver(orca.url, SIGNING_SECRET, e)).ms); } }));
  all.sort((a, b) => a - b);
  console.info(`conc20: p50 ${all[99]?.toFixed(1)} p99 ${all[197]?.toFixed(1)} max ${all[199]?.toFixed(1)}`);
  await orca.stop(); await fake.close();
});
