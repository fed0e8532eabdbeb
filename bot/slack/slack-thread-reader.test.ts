import { describe, expect, it } from "vitest";
import { compareTs, stripMention } from "./slack-thread-reader.js";

describe("thread helpers", () => {
  it("orders Slack timestamps exactly, beyond double precision", () => {
    expect(compareTs("1700000000.000002", "1700000000.000001")).toBe(1);
    expect(compareTs("1700000000.1", "1700000000.099999")).toBe(1);
    expect(compareTs("1699999999.999999", "1700000000.000000")).toBe(-1);
    expect(compareTs("1700000000.000100", "1700000000.0001")).toBe(0);
  });

  it("strips the bot mention with or without a label", () => {
    expect(stripMention("<@UBOT> how?  <@UBOT|orca> now <@UOTHER>", "UBOT")).toBe("how? now <@UOTHER>");
  });
});
