// `orca serve` as a child process, the way it runs in production: started from bin/orca.mjs, probed on /healthz.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "../../core/index.js";

export interface ServeProcess {
  pid: number;
  url: string;
  /** The last lines the process wrote, for error messages. */
  outputTail(): string;
  /** Peak resident memory (VmHWM) in MB, or undefined where /proc is not available. */
  peakRssMB(): Promise<number | undefined>;
  stop(): Promise<void>;
}

export async function readPeakRssMB(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

export async function startServe(env: NodeJS.ProcessEnv, port: number, readyTimeoutMs: number): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, "bin", "orca.mjs"), "serve"], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const serve: ServeProcess = {
    pid: child.pid ?? -1,
    url: `http://127.0.0.1:${port}`,
    outputTail: () => tail.join("\n"),
    peakRssMB: () => readPeakRssMB(child.pid ?? -1),
    stop: () => stopChild(child),
  };
  try {
    await waitHealthy(child, serve, readyTimeoutMs);
  } catch (error) {
    await serve.stop();
    throw error;
  }
  return serve;
}

async function waitHealthy(child: ChildProcess, serve: ServeProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`orca serve exited with code ${child.exitCode}: ${lastLine(serve.outputTail())}`);
    }
    try {
      const res = await fetch(`${serve.url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`orca serve not healthy after ${timeoutMs} ms: ${lastLine(serve.outputTail())}`);
}

function lastLine(text: string): string {
  return text.split("\n").filter(Boolean).at(-1)?.slice(0, 300) ?? "(no output)";
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
