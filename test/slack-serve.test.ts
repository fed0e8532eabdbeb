// The real command end to end: `node bin/orca.mjs serve` with the real (offline) answer pipeline answers a signed
// mention through the fake Slack Web API, and shuts down cleanly on SIGTERM.
import { afterEach, describe, expect, it } from "vitest";
import { HashingEmbedder, openKnowledgeBase } from "../knowledge/index.js";
import { SIGNING_SECRET, tempDataDir } from "./fake-slack/in-process.js";
import { deliver, type FakeSlack, mentionEvent, startFakeSlack } from "./fake-slack/index.js";
import { killLiveChildren, type ServeProcess, spawnServe } from "./fake-slack/serve-process.js";

let fake: FakeSlack | undefined;
let serve: ServeProcess | undefined;

afterEach(async () => {
  await serve?.stop();
  killLiveChildren();
  await fake?.close();
  serve = undefined;
  fake = undefined;
});

describe("orca serve", () => {
  it("answers a signed mention in its thread with a grounded, formatted reply", async () => {
    fake = await startFakeSlack();
    // No SLACK_BOT_USER_ID: the identity comes from one auth.test call at start-up.
    serve = await spawnServe({
      fake,
      signingSecret: SIGNING_SECRET,
      dataDir: tempDataDir("orca-serve-"),
      env: { SLACK_BOT_USER_ID: "" },
    });
    const verify = await deliver(serve.url, SIGNING_SECRET, { type: "url_verification", challenge: "c-42" });
    expect(JSON.parse(verify.body)).toEqual({ challenge: "c-42" });

    const event = mentionEvent({
      text: `<@${fake.botUserId}> I'm on Prefect 3. How do I make a task retry 3 times with a delay?`,
    });
    const ack = await deliver(serve.url, SIGNING_SECRET, event);
    expect(ack.status).toBe(200);
    const f = fake;
    await f.waitFor(() => f.posts().length === 1, 60_000, "the reply");

    const post = f.posts()[0] as { thread_ts: string; text: string; blocks: Array<{ type: string }> };
    expect(post.thread_ts).toBe(event.event.ts);
    expect(post.text).toMatch(/retr/i);
    expect(JSON.stringify(post.blocks)).toMatch(/<https:\/\/docs\.prefect\.io\/[^|>]+\|[^>]+>/);
    expect(post.blocks.at(-1)?.type).toBe("actions");
    expect(JSON.stringify(post.blocks)).not.toMatch(/\*\*/); // Markdown bold was converted
    expect(f.callsTo("auth.test")).toHaveLength(1);
    await f.waitFor(() => f.callsTo("reactions.remove").length === 1, 10_000, "the marker cleared");

    expect(await serve.stop()).toBe(0);
  });

  it("stops on SIGTERM while Slack is unreachable without failing its jobs, and answers them after the restart", async () => {
    const dataDir = tempDataDir("orca-serve-term-");
    const gone = await startFakeSlack();
    serve = await spawnServe({ fake: gone, signingSecret: SIGNING_SECRET, dataDir });
    await gone.close();
    const events = [1, 2, 3].map((i) =>
      mentionEvent({ text: `<@${gone.botUserId}> on Prefect 3, how do I retry a task ${i} times?` }),
    );
    for (const e of events) expect((await deliver(serve.url, SIGNING_SECRET, e)).status).toBe(200);
    const s = serve;
    await gone.waitFor(() => s.output().stderr.includes("could not read the thread"), 60_000, "a job under way");
    expect(await serve.stop(30_000)).toBe(0);
    const { stderr } = serve.output();
    // Shutdown is not a failure: no apology, no error with a reference, for jobs cut short by it.
    expect(stderr).not.toMatch(/posting an apology|job failed unexpectedly/);
    serve = undefined;

    fake = await startFakeSlack();
    serve = await spawnServe({ fake, signingSecret: SIGNING_SECRET, dataDir });
    const f = fake;
    await f.waitFor(() => f.posts().length === events.length, 90_000, "the replies after the restart");
    const posts = f.posts() as Array<{ thread_ts: string; text: string }>;
    expect(posts.map((p) => p.thread_ts).sort()).toEqual(events.map((e) => e.event.ts).sort());
    for (const p of posts) expect(p.text).not.toMatch(/sorry|apolog/i);
    // Two start-ups of the real command (each opens the default index) and three answers: slow on a loaded machine.
  }, 240_000);

  it("stops, leaving its jobs pending, when whatever read its output goes away, instead of spinning on failed writes", async () => {
    const dataDir = tempDataDir("orca-serve-orphan-");
    const gone = await startFakeSlack();
    serve = await spawnServe({ fake: gone, signingSecret: SIGNING_SECRET, dataDir });
    // Start-up logs are written until the answer thread has built its index (later on a loaded machine): a write that
    // fails before the event arrives would stop the process before there is a job to keep.
    const s = serve;
    const startUp = ["Orca is serving Slack", "built the default knowledge index"];
    await gone.waitFor(() => startUp.every((line) => s.output().stderr.includes(line)), 90_000, "start-up logs");
    await gone.close();
    // The parent that piped Orca's stdout and stderr dies: the read ends close, and every later write fails (EPIPE).
    serve.child.stdout?.destroy();
    serve.child.stderr?.destroy();
    const event = mentionEvent({ text: `<@${gone.botUserId}> on Prefect 3, how do I retry a task?` });
    expect((await deliver(serve.url, SIGNING_SECRET, event)).status).toBe(200);
    // The job's Slack calls fail and are logged: the first failed write stops the process cleanly.
    expect(await serve.exited).toBe(0);
    serve = undefined;

    // The job was kept: a new start answers it.
    fake = await startFakeSlack();
    serve = await spawnServe({ fake, signingSecret: SIGNING_SECRET, dataDir });
    const f = fake;
    await f.waitFor(() => f.posts().length === 1, 90_000, "the reply after the restart");
    expect((f.posts()[0] as { thread_ts: string }).thread_ts).toBe(event.event.ts);
  }, 240_000);

  it("removes a DM thread an older version put in the index, through the answer thread's knowledge base", async () => {
    const dataDir = tempDataDir("orca-serve-sweep-");
    const kb = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    await kb.addConversation({
      id: "slack:DLEAKED:1700000000.000100",
      title: "my password is in here",
      messages: [{ author: "UASKER", text: "zeppelin password=hunter2-leak", isBot: false }],
    });
    await kb.addConversation({
      id: "slack:CHELP:1700000000.000200",
      title: "a public thread",
      messages: [{ author: "person-1", text: "zeppelin retries", isBot: false }],
    });
    await kb.close();

    fake = await startFakeSlack();
    serve = await spawnServe({ fake, signingSecret: SIGNING_SECRET, dataDir, env: { ORCA_INDEX_CHANNELS: "CHELP" } });
    const s = serve;
    await fake.waitFor(() => s.output().stderr.includes("removed past threads"), 60_000, "the sweep");
    expect(await serve.stop()).toBe(0);
    serve = undefined;

    const after = await openKnowledgeBase({ dataDir, embedder: new HashingEmbedder() });
    expect(await after.conversationIds()).toEqual(["slack:CHELP:1700000000.000200"]);
    await after.close();
  });
});
