// The privacy and fault-handling settings in core/config.ts: defaults, parsing and refusals with the variable named.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../core/index.js";

describe("privacy and delivery settings", () => {
  it("defaults to indexing nothing, 30 days of retention, 10 minutes of retries", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      indexChannels: [],
      retentionDays: 30,
      deliveryRetryMs: 600_000,
      deliveryBackoffMs: 1_000,
      maxRetryAfterMs: 10_000,
      queueCap: 5_000,
    });
  });

  it("reads public channels by id or name, with or without #", () => {
    expect(loadConfig({ ORCA_INDEX_CHANNELS: "C0123ABCD, #prefect-help ,general" }).indexChannels).toEqual([
      "C0123ABCD",
      "prefect-help",
      "general",
    ]);
  });

  it.each([
    ["ORCA_INDEX_CHANNELS", "D0123ABCD", /direct or private conversation/],
    ["ORCA_INDEX_CHANNELS", "C0123ABCD,G0123ABCD", /direct or private conversation/],
    ["ORCA_INDEX_CHANNELS", "Not A Channel!", /public channel ids/],
    ["ORCA_RETENTION_DAYS", "0", /positive whole number/],
    ["ORCA_DELIVERY_RETRY_MS", "ten minutes", /positive whole number/],
    ["ORCA_QUEUE_CAP", "-5", /positive whole number/],
    ["ORCA_MAX_RETRY_AFTER_MS", "1.5", /positive whole number/],
  ])("refuses %s=%s, naming the variable", (variable, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(message);
  });
});
