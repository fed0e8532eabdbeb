// Checked code is not the whole answer: the offline engine says what it checked, then answers the error or the goal
// the asker described, and cites only sources about it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrca, type Orca } from "../bot/index.js";
import { loadConfig, silentLogger } from "../core/index.js";

let orca: Orca;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "orca-checked-"));
  orca = await createOrca({ config: loadConfig({ ORCA_DATA_DIR: dataDir }), logger: silentLogger() });
});

afterAll(async () => {
  await orca?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ask = (question: string, prefectVersion: string) =>
  orca.engine.answer({ messages: [], question, prefectVersion });

const fence = (...lines: string[]) => `\`\`\`\n${lines.join("\n")}\n\`\`\``;

describe("clean code", () => {
  it("answers the goal from the unit that explains the quoted error, then says what was checked", async () => {
    const answer = await ask(
      `I need results from whichever probes finish in 20 seconds, but I get TimeoutError: 2 (of 6) futures unfinished\n${fence(
        "from prefect import flow, task",
        "from prefect.futures import as_completed",
        "",
        "@task",
        "def ping(h):",
        "    return h",
        "",
        "@flow",
        "def sweep(hs):",
        "    fs = ping.map(hs)",
        "    return [f.result() for f in as_completed(fs, timeout=20)]",
      )}`,
      "3.4.20",
    );
    const first = answer.markdown.split("\n")[0]!;
    expect(first).not.toMatch(/looks right/i);
    expect(first).toMatch(/as_completed/);
    expect(answer.basis).toBe("unit");
    expect(answer.markdown).toMatch(/`timeout=`[^\n]*raises a `TimeoutError`/);
    expect(answer.markdown).toMatch(
      /no API or version problems in this code for Prefect 3\.4\.20\*\*, so the `TimeoutError`/,
    );
  });

  it("explains a pasted runtime error that no rule reports", async () => {
    const answer = await ask(
      `got RuntimeError: Cannot pause task runs. what now?\n${fence(
        "from prefect import flow, task, pause_flow_run",
        "",
        "@task",
        "def gate():",
        "    pause_flow_run(timeout=300)",
        "",
        "@flow",
        "def ship():",
        "    gate()",
      )}`,
      "3.2.0",
    );
    expect(answer.markdown).toMatch(/3\.6\.3/);
    expect(answer.markdown).toMatch(/flow function/);
  });

  it("explains an AttributeError on a Prefect class from the facts for the release", async () => {
    const answer = await ask(
      "my_flow.deploy(...) raises AttributeError: 'Flow' object has no attribute 'deploy'",
      "2.12.1",
    );
    expect(answer.markdown.split("\n")[0]).toMatch(/Flow\.deploy[\s\S]*2\.1[34]/);
    expect(answer.markdown).not.toMatch(/flow-run logs/);
  });
});

describe("broken code", () => {
  it("leads with the one problem's own sentence, not the name of its rule", async () => {
    const answer = await ask(
      `sanity check this please\n${fence(
        "from prefect import flow",
        "",
        "@flow",
        "def f(): ...",
        "",
        'if __name__ == "__main__":',
        '    f.serve(name="x", schedule=None)',
      )}`,
      "3.1.9",
    );
    expect(answer.markdown.split("\n")[0]).toMatch(
      /^\*\*No, this needs fixing for Prefect 3\.1\.9:\*\* `Flow\.serve` does not accept `schedule=`/,
    );
  });
});

describe("code whose fix leaves nothing to run", () => {
  it("shows no empty code block and answers what the asker wanted first, the code check after", async () => {
    const answer = await ask(
      `how do I pick the docker image for my runs now? this fails:\n${fence("from prefect.infrastructure import DockerContainer")}`,
      "3.4.20",
    );
    expect(answer.markdown).not.toMatch(/```python\s*```/);
    expect(answer.correctedCode).toBeNull();
    const [first] = answer.markdown.split("\n\n");
    expect(first).toMatch(/image/);
    expect(first).toMatch(/work pool/);
    expect(answer.markdown).toMatch(/\*\*Your code, checked:\*\*/);
    // The answer is given once: the code check adds no second answer from a note.
    expect(answer.markdown).not.toMatch(/About your question/);
  });
});

describe("sources", () => {
  it("cites no past thread that is about something else", async () => {
    const answer = await ask(
      `is this fine?\n${fence(
        "from prefect import flow",
        "from prefect.variables import Variable",
        "",
        "@flow",
        "def cfg():",
        '    return Variable.get("region", default="eu")',
      )}`,
      "3.4.20",
    );
    expect(answer.sources.length).toBeGreaterThan(0);
    for (const s of answer.sources) expect(`${s.title} ${s.section ?? ""}`).toMatch(/variabl/i);
  });
});

describe("a keyword the release no longer takes", () => {
  it("leads with the unit about that keyword (what to do instead), then lists the fixes", async () => {
    const answer = await ask(
      `porting this approval helper to 3.0, anything wrong?\n${fence(
        "from prefect import flow",
        "from prefect.engine import pause_flow_run",
        "",
        "@flow",
        "def approve():",
        "    pause_flow_run(timeout=86400, reschedule=True)",
      )}`,
      "3.0.0",
    );
    const [lead] = answer.markdown.split("\n\n");
    expect(lead).toMatch(/suspend_flow_run/);
    expect(answer.markdown).toMatch(/does not accept `reschedule=`/);
  });
});
