// `orca serve` with an ORCA_DATA_DIR it cannot write (read-only, not a directory, disk full) or with Slack
// settings missing: one clear line on stderr and a non-zero exit, before anything listens.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { SIGNING_SECRET, tempDataDir } from "./fake-slack/in-process.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack/index.js";
import { childEnv, collect, freePort, runOrca } from "./fake-slack/serve-process.js";

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});

afterAll(async () => {
  await fake.close();
});

const isRoot = process.getuid?.() === 0;

function serveEnv(dataDir: string, extra: Record<string, string | undefined>) {
  return childEnv({
    SLACK_BOT_TOKEN: fake.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    SLACK_BOT_USER_ID: fake.botUserId,
    ORCA_DATA_DIR: dataDir,
    ...extra,
  });
}

/** `orca serve` in a child process, as another user when `uid` is given. */
async function spawnServeWith(dataDir: string, extra: Record<string, string | undefined>, uid?: number) {
  const env = serveEnv(dataDir, { ...extra, PORT: String(await freePort()) });
  const child = runOrca(["serve"], env, uid === undefined ? {} : { uid, gid: uid });
  const { output, exited } = collect(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await exited;
  clearTimeout(timer);
  return { code, ...output() };
}

/** `orca serve` through the CLI entry in this process (it fails before listening in every case here). */
async function serveWith(dataDir: string, extra: Record<string, string | undefined> = {}) {
  let stderr = "";
  let stdout = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(["node", "orca", "serve"], {
    stdin: new PassThrough(),
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
    env: serveEnv(dataDir, extra),
  });
  return { code, stdout, stderr };
}

function expectOneClearLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split("\n");
  expect(lines.some((l) => pattern.test(l))).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(stderr).not.toContain(fake.token);
}

describe("orca serve refuses to start without a usable data dir or Slack settings", () => {
  it("exits non-zero naming a read-only ORCA_DATA_DIR", async () => {
    const dir = tempDataDir("orca-ro-");
    fs.chmodSync(dir, 0o555);
    // root ignores permission bits, so the server runs as an unprivileged user there.
    const result = await spawnServeWith(dir, { HOME: "/tmp" }, isRoot ? 65534 : undefined);
    expect(result.code).not.toBe(0);
    expectOneClearLine(result.stderr, /ORCA_DATA_DIR .* is not writable: permission denied/);
  });

  it("exits non-zero when ORCA_DATA_DIR is not a directory", async () => {
    const file = path.join(tempDataDir(), "a-file");
    fs.writeFileSync(file, "x");
    const result = await serveWith(path.join(file, "data"));
    expect(result.code).not.toBe(0);
    expectOneClearLine(result.stderr, /ORCA_DATA_DIR .*a-file\/data is not writable/);
  });

  it.skipIf(!isRoot)("exits non-zero when the disk is full (a full 64 KiB tmpfs)", async () => {
    const mountPoint = tempDataDir("orca-full-");
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint], { stdio: "ignore" });
    } catch {
      console.warn("skipping the disk-full case: cannot mount a tmpfs here");
      return;
    }
    try {
      // Fill it completely.
      try {
        fs.writeFileSync(path.join(mountPoint, "filler"), Buffer.alloc(128 * 1024));
      } catch {
        // ENOSPC is the point.
      }
      const result = await serveWith(mountPoint);
      expect(result.code).not.toBe(0);
      expectOneClearLine(result.stderr, /ORCA_DATA_DIR .* is not writable: the disk is full/);
    } finally {
      execFileSync("umount", [mountPoint], { stdio: "ignore" });
    }
  });

  it("exits non-zero with one line naming the missing Slack setting", async () => {
    const result = await serveWith(tempDataDir(), { SLACK_SIGNING_SECRET: "" });
    expect(result.code).not.toBe(0);
    expectOneClearLine(result.stderr, /SLACK_SIGNING_SECRET/);
  });

  it("exits non-zero naming a malformed token variable", async () => {
    const result = await serveWith(tempDataDir(), { SLACK_BOT_TOKEN: "not-a-token" });
    expect(result.code).toBe(78);
    expectOneClearLine(result.stderr, /^orca: SLACK_BOT_TOKEN must be a Slack bot token/);
  });
});
