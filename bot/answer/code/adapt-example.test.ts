import { describe, expect, it } from "vitest";
import { readValues } from "../understand/index.js";
import { adaptExample, statedValues, statedValuesSentence } from "./adapt-example.js";

const values = (prose: string) => statedValues(readValues([], "", prose));

describe("the asker's values in an example", () => {
  it.each([
    ["make the flow give up after 2 hours", "@flow(timeout_seconds=600)\ndef f(): ...", "timeout_seconds=7200"],
    ["run my flow every 15 minutes", 'f.serve(name="x", interval=60)', "interval=900"],
    ["retry the task 4 times", "@task(retries=2)\ndef t(): ...", "retries=4"],
    ["every weekday at 9, no later", 'f.serve(name="x", cron="30 7 * * 1-5")', 'cron="0 9 * * 1-5"'],
    ["daily at 17:45", "schedules:\n  - cron: '0 2 * * *'", "cron: '45 17 * * *'"],
    // The days the asker names replace the example's own day-of-week field.
    ["every monday at 9am", 'f.serve(name="x", cron="30 7 * * 1-5")', 'cron="0 9 * * 1"'],
    ["every night at 2am", 'f.serve(name="x", cron="30 7 * * 1-5")', 'cron="0 2 * * *"'],
    ["in berlin time", 'Cron("0 6 * * *", timezone="America/Chicago")', 'timezone="Europe/Berlin"'],
    ["tz UTC", "schedules:\n  - cron: '0 6 * * *'\n    timezone: 'America/Chicago'", "timezone: 'UTC'"],
    // A zone named bare in prose or a CLI flag is the slot too, every time that one zone is written.
    ["we're in Europe/Berlin", "a `timezone` (`America/New_York`)", "a `timezone` (`Europe/Berlin`)"],
    [
      "6am tokyo time",
      "--timezone America/New_York, not America/New_York's DST",
      "--timezone Asia/Tokyo, not Asia/Tokyo's",
    ],
    ["to our `gpu-pool` work pool", 'f.deploy(name="x", work_pool_name="my-pool")', 'work_pool_name="gpu-pool"'],
    ["from the queue called nightly", "f.deploy(name='x', work_queue_name='default')", 'work_queue_name="nightly"'],
    [
      "our server is at https://prefect.acme.internal",
      "export PREFECT_API_URL=http://prefect.internal:4200/api",
      "PREFECT_API_URL=https://prefect.acme.internal/api",
    ],
  ])("%s → %s", (prose, code, expected) => {
    const adapted = adaptExample(code, values(prose));
    expect(adapted.code).toContain(expected);
    expect(adapted.applied.length).toBe(1);
  });

  it("does not tell the asker to pass their pool when the example has no slot for it", () => {
    const adapted = adaptExample("prefect worker start --pool x", values("our `gpu-pool` work pool"));
    expect(adapted.unapplied).toEqual([]);
    expect(statedValuesSentence(null, values("our `gpu-pool` work pool"))).toBeNull();
  });

  it("leaves an example without a slot as written and reports nothing for alternatives", () => {
    const adapted = adaptExample("@task\ndef t(): ...", values("give up after 5 minutes"));
    expect(adapted.code).toBe("@task\ndef t(): ...");
    expect(adapted.unapplied).toEqual([]);
  });

  it("moves the time of day the prose states for the cron string along with it", () => {
    const text = 'Pass `Cron("30 7 * * 1-5")`: the run stays at 7:30 local time, not 17:30.';
    expect(adaptExample(text, values("at 9 in the morning")).code).toBe(
      'Pass `Cron("0 9 * * 1-5")`: the run stays at 9:00 local time, not 17:30.',
    );
  });

  it("leaves bare zones alone when the text names two", () => {
    const text = "`America/New_York` or `Europe/London`";
    expect(adaptExample(text, values("in berlin time")).code).toBe(text);
  });

  it("leaves cron strings alone when there are several or their hour is not a number", () => {
    for (const code of ['a(cron="0 6 * * *")\nb(cron="0 7 * * *")', 'a(cron="*/15 * * * *")'])
      expect(adaptExample(code, values("at 9")).code).toBe(code);
  });

  it("never touches an example with two slots of the same parameter", () => {
    const code = "@task(timeout_seconds=5)\ndef a(): ...\n@task(timeout_seconds=9)\ndef b(): ...";
    expect(adaptExample(code, values("after 10 minutes")).code).toBe(code);
  });

  it("reads nothing from a question without values", () => {
    expect(values("what is a work pool")).toEqual([]);
  });
});

describe("statedValuesSentence without an example", () => {
  // "2 days" could be any of several duration parameters: with no example to place it in, none is suggested.
  it.each([
    [{ names: [], seconds: 172_800, said: "2 days", times: null, poolType: null, clock: null }, null],
    [
      { names: [], seconds: null, said: null, times: 3, poolType: null, clock: null },
      "For your case, pass `retries=3` (3 times).",
    ],
  ])("%j → %s", (values, sentence) => {
    expect(statedValuesSentence(null, statedValues(values))).toBe(sentence);
  });
});
