// Runs the CLI in process through main(argv, io) and captures what it prints, for command tests.
import { PassThrough, Readable } from "node:stream";
import { main } from "../../cli/main.js";

export interface OrcaRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOrcaOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  /** Makes stderr claim to be a terminal (progress bars draw only there). */
  tty?: boolean;
}

export async function runOrca(args: string[], options: RunOrcaOptions = {}): Promise<OrcaRun> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += String(chunk);
  });
  stderr.on("data", (chunk) => {
    err += String(chunk);
  });
  const stdin = Readable.from([options.stdin ?? ""]);
  const code = await main(["node", "orca", ...args], { stdout, stderr, stdin, env: options.env ?? {} });
  return { code, stdout: out, stderr: err };
}
