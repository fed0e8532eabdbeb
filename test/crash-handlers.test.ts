// `orca serve`'s last-resort handlers in a real child process: an unhandled rejection is logged with a reference id
// and the process keeps going; an uncaught exception is logged with a reference id and the process ends with 70.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../core/index.js";

it("logs unhandled rejections with a reference and keeps serving; exits 70 after an uncaught exception", async () => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(repoRoot, "test", "fixtures", "crash-handlers-child.ts")],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  const lines = stderr
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toEqual([
    expect.objectContaining({
      msg: "unhandled rejection; still serving",
      ref: expect.stringMatching(/^ORCA-[0-9A-F]{8}$/),
    }),
    expect.objectContaining({
      msg: "uncaught exception; stopping for a restart",
      ref: expect.stringMatching(/^ORCA-[0-9A-F]{8}$/),
      err: "an exception nobody caught",
    }),
  ]);
  expect(stdout).toBe("still serving after the rejection\nfatal handler ran\n");
  expect(code).toBe(70);
});
