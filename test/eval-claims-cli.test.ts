// `orca eval --claims` end to end: labelled sentences in, recall on false claims and precision of flags out, with
// every miss and wrong flag listed, and a JSON report.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOrca } from "./support/run-orca.js";

const rows = [
  {
    id: "f1",
    prefect_version: "3.4.20",
    text: "Flows have `.submit()` in Prefect 3.",
    label: "false",
    fact: "no Flow.submit",
  },
  {
    id: "f2",
    prefect_version: "3.4.20",
    text: "Run `prefect agent start` to pick up runs.",
    label: "false",
    fact: "agents 2.x",
  },
  {
    id: "f3",
    prefect_version: "3.4.20",
    text: "They will run on your workers concurrently.",
    label: "false",
    fact: "context",
  },
  { id: "t1", prefect_version: "3.4.20", text: "Import `wait` from `prefect.futures`.", label: "true", fact: "3.0+" },
  {
    id: "t2",
    prefect_version: "2.20.25",
    text: "Start an agent with `prefect agent start`.",
    label: "true",
    fact: "2.x",
  },
  { id: "u1", prefect_version: "3.4.20", text: "Keep tasks small.", label: "uncheckable", fact: "" },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orca-claims-cli-"));
  await writeFile(path.join(dir, "claims.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("orca eval --claims", () => {
  it("reports recall and precision and names the miss", async () => {
    const json = path.join(dir, "report.json");
    const { code, stdout } = await runOrca(["eval", "--claims", path.join(dir, "claims.jsonl"), "--json", json]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/6 sentences \(3 false, 2 true, 1 uncheckable\)/);
    expect(stdout).toMatch(/recall on false claims 66\.7% \(2\/3\) · precision of flags 100\.0% \(2\/2\)/);
    expect(stdout).toMatch(/missed {4}f3: They will run on your workers concurrently\./);
    const [report] = JSON.parse(await readFile(json, "utf8"));
    expect(report).toMatchObject({ truePositives: 2, falsePositives: 0, falseNegatives: 1 });
  });

  it("refuses a malformed line with its line number", async () => {
    await writeFile(path.join(dir, "bad.jsonl"), `${JSON.stringify(rows[0])}\n{"id": "x"}\n`);
    const { code, stderr } = await runOrca(["eval", "--claims", path.join(dir, "bad.jsonl")]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/bad\.jsonl:2/);
  });
});
