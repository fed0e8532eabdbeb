import { describe, expect, it } from "vitest";
import { describeDefault, timedeltaSeconds } from "./default-text.js";

describe("describeDefault", () => {
  it.each([
    ["timedelta(days=7)", "7 days (604800 seconds), written `timedelta(days=7)`"],
    ["timedelta(seconds=15)", "15 seconds, written `timedelta(seconds=15)`"],
    ["timedelta(minutes=5)", "5 minutes (300 seconds), written `timedelta(minutes=5)`"],
    ["timedelta(hours=1)", "1 hour (3600 seconds), written `timedelta(hours=1)`"],
    ["timedelta(0)", "0 seconds, written `timedelta(0)`"],
    ["Path('~') / '.prefect'", "`~/.prefect`"],
    ["default_local_storage_path()", "computed at run time (`default_local_storage_path()`)"],
    ["dict()", "empty (`{}`)"],
    ["30", "`30`"],
    ["None", "`None`"],
    ["'INFO'", "`'INFO'`"],
  ])("%s → %s", (expression, words) => {
    expect(describeDefault(expression)).toBe(words);
  });

  it.each([
    ["timedelta(days=1, hours=2)", 93_600],
    ["timedelta(weeks=x)", null],
    ["15", null],
  ])("timedeltaSeconds(%s) = %s", (expression, seconds) => {
    expect(timedeltaSeconds(expression)).toBe(seconds);
  });
});
