// Synthetic `app_mention` event callbacks: each one a new top-level mention in its own thread, from its own user
// (so the per-user rate limit does not shape the figures).

export interface MentionEvent {
  eventId: string;
  channel: string;
  /** The mention's ts, which is also the thread the reply must land in. */
  ts: string;
  body: string;
}

const QUESTIONS = [
  "how do I run two tasks at the same time and wait for both?",
  "why does my flow say Crash detected when it finishes before the tasks?",
  "what replaced agents in Prefect 3?",
  "how do I add retries with a delay to a task?",
  "how can I deploy a flow from a git repository with a work pool?",
  'is `run_deployment(...).wait()` a thing?\n```python\nfrom prefect.deployments import run_deployment\nrun = run_deployment("etl/prod")\nrun.wait()\n```',
  "how do I limit how many tasks run at once with a tag?",
  "I use prefect 2.20, how do I build a deployment from a flow?",
  "how do I cache a task result across runs?",
  "```python\nfrom prefect import flow, task, wait\n\n@task\ndef f(x):\n    return x\n\n@flow\ndef main():\n    futures = [f.submit(i) for i in range(3)]\n    wait(futures)\n```\nwhy does this import fail?",
];

export function mentionEvents(count: number, botUserId: string, teamId = "TBENCH"): MentionEvent[] {
  const base = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const channel = `CBENCH${i % 7}`;
    const ts = `${base}.${String(100000 + i).padStart(6, "0")}`;
    const eventId = `EvBENCH${String(i).padStart(6, "0")}`;
    const user = `UBENCH${String(i).padStart(4, "0")}`;
    const text = `<@${botUserId}> ${QUESTIONS[i % QUESTIONS.length]}`;
    const body = JSON.stringify({
      token: "unused",
      team_id: teamId,
      api_app_id: "ABENCH",
      type: "event_callback",
      event_id: eventId,
      event_time: base,
      event: { type: "app_mention", user, text, ts, channel, event_ts: ts },
      authorizations: [{ team_id: teamId, user_id: botUserId, is_bot: true }],
    });
    return { eventId, channel, ts, body };
  });
}
