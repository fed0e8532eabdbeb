import { it } from "vitest";
import { deliver, mentionEvent, startFakeSlack } from "./fake-slack/index.js";
import { SIGNING_SECRET, startInProcess } from "./fake-slack/in-process.js";
import { RecordingEngine } from "./fake-slack/test-engines.js";
it("exp", async () => {
  const fake = await startFakeSlack();
  const orca = await startInProcess(fake, new RecordingEngine());
  for (const round of [1, 2]) {
    const events = Array.from({ length: 200 }, (_, i) => mentionEvent({ user: `U${round}x${i}`, text: `<@${fake.botUserId}> q ${i}` }));
    const acks = await Promise.all(events.map((e) => deliver(orca.url, SIGNING_SECRET, e)));
    const ms = acks.map((a) => a.ms).sort((a, b) => a - b);
    console.info(`round ${round}: p50 ${ms[99]?.toFixed(0)} max ${ms[199]?.toFixed(0)}`);
    await fake.waitFor(() => fake.posts().length === 200 * round, 60000);
  }
  await orca.stop(); await fake.close();
});
