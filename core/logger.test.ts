import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, isBrokenOutput } from "./logger.js";

/** A destination whose reader has gone: every write fails as a pipe with no reader does (EPIPE). */
function brokenPipe(): Writable & { attempts: number } {
  const out = new Writable({
    write(_chunk, _encoding, done) {
      out.attempts += 1;
      done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    },
  }) as Writable & { attempts: number };
  out.attempts = 0;
  return out;
}

describe("createLogger", () => {
  it("redacts secrets from every line", () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger({ level: "info", secrets: ["xoxb-very-secret"], destination: out }).info("token xoxb-very-secret");
    expect(lines.join("")).not.toContain("xoxb-very-secret");
  });

  it("stops writing to a destination whose reader is gone, instead of failing on every line", async () => {
    const out = brokenPipe();
    const logger = createLogger({ level: "info", secrets: [], destination: out });
    logger.info("first");
    await new Promise((resolve) => setImmediate(resolve));
    expect(isBrokenOutput(out)).toBe(true);
    for (let i = 0; i < 100; i++) logger.warn({ i }, "later");
    await new Promise((resolve) => setImmediate(resolve));
    // The failed write is the only one: later lines are dropped, and no error escapes as an uncaught one.
    expect(out.attempts).toBe(1);
  });

  it("shares what it learnt between loggers on the same destination", async () => {
    const out = brokenPipe();
    createLogger({ level: "info", secrets: [], destination: out }).info("first");
    await new Promise((resolve) => setImmediate(resolve));
    createLogger({ level: "info", secrets: [], destination: out }).info("second");
    expect(out.attempts).toBe(1);
  });
});
