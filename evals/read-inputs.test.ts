import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCases, readEvalInputs } from "./read-inputs.js";

const good = (id: string) => JSON.stringify({ id, question: "why does my flow hang?", expect: { mentions: ["wait"] } });

const transcript = [
  "Dana",
  "01/02/2026, 9:00 AMhow do I wait for my tasks in prefect 3?",
  "Orca",
  "01/02/2026, 9:01 AMUse prefect.futures.wait on the futures.",
].join("\n");

describe("loadCases", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "orca-cases-"));
    await mkdir(path.join(dir, "sub"));
    await writeFile(path.join(dir, "a.jsonl"), `${good("one")}\n`);
    await writeFile(path.join(dir, "sub", "b.json"), `[${good("two")}]`);
    await writeFile(path.join(dir, "notes.md"), "not a case file");
    await writeFile(path.join(dir, "sub", "thread.txt"), transcript);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("walks folders for case files and transcripts in a stable order, ignoring other files", async () => {
    const inputs = await readEvalInputs([dir]);
    expect(inputs.cases.map((c) => c.id)).toEqual(["one", "two"]);
    expect(inputs.transcripts.map((t) => [t.name.endsWith("thread.txt"), t.messages.length])).toEqual([[true, 2]]);
    const cases = await loadCases([dir]);
    expect(cases.map((c) => c.id.replace(/^.*thread\.txt/, "thread.txt"))).toEqual(["one", "two", "thread.txt#0"]);
    expect(cases[2]!.question).toBe("how do I wait for my tasks in prefect 3?");
  });

  it("refuses a file it cannot read as a case file or a transcript", async () => {
    const odd = path.join(dir, "notes.md");
    await expect(readEvalInputs([odd])).rejects.toThrow(/notes\.md: not a case file/);
  });

  it("refuses duplicate ids, naming where the first one is", async () => {
    const dup = path.join(dir, "dup.jsonl");
    await writeFile(dup, `${good("one")}\n`);
    await expect(loadCases([dir])).rejects.toThrow(/duplicate case id "one" \(first at .*a\.jsonl:1\)/);
    await rm(dup);
  });

  it("says clearly when a path does not exist", async () => {
    await expect(loadCases([path.join(dir, "missing")])).rejects.toThrow(/no such file or folder/);
  });
});
