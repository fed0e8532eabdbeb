// Runs the real `orca serve` (node bin/orca.mjs serve) as a child process against a fake Slack, on a free
// loopback port. Used by end-to-end, load and fault tests, and reusable by the benchmark.
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { repoRoot } from "../../core/index.js";
import type { FakeSlack } from "./fake-slack-server.js";

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  /** POST target for signed events. */
  url: string;
  base: string;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL if it does not leave within `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
}

export interface SpawnServeOptions {
  fake: FakeSlack;
  signingSecret: string;
  dataDir: string;
  env?: Record<string, string>;
  /** How long to wait for the "serving" line (first start builds the default index). */
  readyTimeoutMs?: number;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment of a child Orca: only what it needs (no OpenAI settings, so answers are offline). */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8", CI: "true" };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/**
 * Children still running when the test worker exits (a test that timed out before its `stop()`) would live on as
 * orphans and load the machine for every later run: they are killed with the worker.
 */
const live = new Set<ChildProcess>();
process.once("exit", () => killLiveChildren());

/**
 * Kills every Orca child still running. For `afterEach`: a test that times out while a child is starting (before
 * `spawnServe` returned it) has no handle to stop, and a test worker ended by a signal runs no exit handlers.
 */
export function killLiveChildren(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

export function runOrca(args: string[], env: NodeJS.ProcessEnv, extra: SpawnOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [path.join(repoRoot, "bin", "orca.mjs"), ...args], {
    cwd: repoRoot,
    env,
    stdio: ["pipe", "pipe", "pipe"],
    ...extra,
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  // A pipe to a child that has exited (or whose reader a test destroyed on purpose) may report ECONNRESET or EPIPE;
  // the child's exit code is what the tests judge, so the pipe's own error is not an unhandled one.
  for (const pipe of [child.stdin, child.stdout, child.stderr]) pipe?.on("error", () => {});
  return child;
}

export function collect(child: ChildProcess) {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return { output: () => ({ stdout, stderr }), exited };
}

export async function spawnServe(options: SpawnServeOptions): Promise<ServeProcess> {
  const port = await freePort();
  const child = runOrca(
    ["serve"],
    childEnv({
      SLACK_BOT_TOKEN: options.fake.token,
      SLACK_SIGNING_SECRET: options.signingSecret,
      SLACK_API_URL: options.fake.url,
      SLACK_BOT_USER_ID: options.fake.botUserId,
      PORT: String(port),
      ORCA_DATA_DIR: options.dataDir,
      LOG_LEVEL: "info",
      ...options.env,
    }),
  );
  const { output, exited } = collect(child);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (!output().stdout.includes("orca: serving Slack")) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 50))]);
    if (early !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const { stderr } = output();
      throw new Error(`orca serve did not start (exit ${String(early)}): ${stderr.slice(-2000)}`);
    }
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    url: `${base}/slack/events`,
    base,
    output,
    exited,
    stop: async (graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}
