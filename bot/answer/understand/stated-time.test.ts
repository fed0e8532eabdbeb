import { describe, expect, it } from "vitest";
import { statedClock, statedTimezone } from "./stated-time.js";

describe("statedClock", () => {
  it.each([
    ["every weekday at 9 berlin time", { hour: 9, minute: 0, days: "1-5" }],
    ["run daily at 02:30 UTC", { hour: 2, minute: 30, days: "*" }],
    ["6am New York time", { hour: 6, minute: 0 }],
    ["at 9 in the morning", { hour: 9, minute: 0 }],
    ["every day at 7pm", { hour: 19, minute: 0, days: "*" }],
    ["at 12am", { hour: 0, minute: 0 }],
    ["at 6 o'clock", { hour: 6, minute: 0 }],
    ["at 9 on weekdays", { hour: 9, minute: 0, days: "1-5" }],
    ["at 17:45 tz Asia/Tokyo", { hour: 17, minute: 45 }],
    // An hour followed by a place's time: any zone the runtime knows, no list of cities in Orca.
    ["every day at 7 new york time", { hour: 7, minute: 0, days: "*" }],
    ["at 8 tokyo time please", { hour: 8, minute: 0 }],
    ["at 3 batch time", null],
    // Counts, amounts and durations are not times of day; neither is a log line's timestamp.
    ["retry at 5 min", null],
    ["at 3 retries", null],
    ["cap it at 3 runs", null],
    ["max 3 at a time", null],
    ["at 10 workers", null],
    ["12:04:31.552 | INFO | Flow run finished", null],
    ["what is a work pool", null],
    // The days of the week it runs on, when the asker names them.
    ["every monday at 9am new york time", { hour: 9, minute: 0, days: "1" }],
    ["mondays and thursdays at 06:00", { hour: 6, minute: 0, days: "1,4" }],
    ["at 10 on weekends", { hour: 10, minute: 0, days: "0,6" }],
  ])("%j → %j", (text, clock) => {
    expect(statedClock(text)).toEqual(clock);
  });
});

describe("statedTimezone", () => {
  it.each([
    ["every weekday at 9 berlin time", "Europe/Berlin"],
    ["run daily at 02:30 UTC", "UTC"],
    ["6am New York time", "America/New_York"],
    ["schedule it with tz Asia/Tokyo", "Asia/Tokyo"],
    ["our timezone is America/Chicago", "America/Chicago"],
    // UTC next to another zone is what they get now, not what they want.
    ["how do I run it at 6am Chicago time? it keeps running at 6 UTC", "America/Chicago"],
    ["it runs at 6 UTC but should follow Europe/Paris", "Europe/Paris"],
    // A city alone may be anything: a region, a team, a customer.
    ["we deploy to the berlin cluster", null],
    ["what is a work pool", null],
  ])("%j → %j", (text, zone) => {
    expect(statedTimezone(text)).toBe(zone);
  });
});
