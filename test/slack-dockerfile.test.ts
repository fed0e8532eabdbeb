// No Docker engine runs here, so the Dockerfile is tested by what can run on this machine: its HEALTHCHECK probe
// against a live Orca, and the start command and user it declares.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../core/index.js";
import { startInProcess } from "./fake-slack/in-process.js";
import { startFakeSlack } from "./fake-slack/index.js";
import { freePort } from "./fake-slack/serve-process.js";
import { RecordingEngine } from "./fake-slack/test-engines.js";

const run = promisify(execFile);
const dockerfile = fs.readFileSync(path.join(repoRoot, "Dockerfile"), "utf8");

/** The exec-form array of an instruction such as `CMD [...]` or `HEALTHCHECK ... CMD [...]`. */
function execForm(instruction: RegExp): string[] {
  const joined = dockerfile.replace(/\\\n\s*/g, " ");
  const match = instruction.exec(joined);
  if (!match?.[1]) throw new Error(`instruction ${instruction} not found in the Dockerfile`);
  return JSON.parse(match[1]) as string[];
}

describe("Dockerfile", () => {
  it("runs as a non-root user on Node 20 and starts orca serve", () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    const cmd = execForm(/^CMD (\[.*\])$/m);
    expect(cmd).toEqual(["node", "bin/orca.mjs", "serve"]);
    expect(fs.existsSync(path.join(repoRoot, cmd[1] as string))).toBe(true);
  });

  it("has a HEALTHCHECK probe that passes against a running Orca and fails when nothing listens", async () => {
    const [exe, ...args] = execForm(/HEALTHCHECK [^\n]*?CMD (\[.*\])/);
    expect(exe).toBe("node");
    const fake = await startFakeSlack();
    const orca = await startInProcess(fake, new RecordingEngine());
    try {
      const ok = await run(process.execPath, args, { env: { PORT: String(orca.app.port) } });
      expect(ok.stderr).toBe("");
      const down = run(process.execPath, args, { env: { PORT: String(await freePort()) } });
      await expect(down).rejects.toMatchObject({ code: 1 });
    } finally {
      await orca.stop();
      await fake.close();
    }
  });
});
