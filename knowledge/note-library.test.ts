import { describe, expect, it } from "vitest";
import { createNoteLibrary, type PackNote, parseNote } from "./index.js";

const NOTE = `---

title: Retries and timeouts
url: https://docs.prefect.io/v3/how-to-guides/workflows/retries
topics: [retries, retry_delay_seconds, timeout_seconds]
versions: [2, 3]
---

# Retries

Set \`retries=\` on a task to re-run it after a failure.

Retry three times:

\`\`\`python
@task(retries=3)
def t(): ...
\`\`\`

## Prefect 3

- \`retry_condition_fn\` decides per exception.

### Details

Still about three.

## Prefect 2

Only the count and the delay.

\`\`\`bash
prefect version
\`\`\`
`;

function note(file: string, title: string, body: string, versions = "[2, 3]"): PackNote {
  const parsed = parseNote(
    file,
    `---\ntitle: ${title}\nurl: https://docs.prefect.io/v3/${file}\nversions: ${versions}\n---\n${body}`,
  );
  if (!parsed) throw new Error("note did not parse");
  return parsed;
}

describe("parseNote", () => {
  it("reads front matter (with Biome's blank line) and splits sections, keeping each one's major and code", () => {
    const n = parseNote("retries.md", NOTE)!;
    expect(n).toMatchObject({
      title: "Retries and timeouts",
      url: "https://docs.prefect.io/v3/how-to-guides/workflows/retries",
      topics: ["retries", "retry_delay_seconds", "timeout_seconds"],
      versions: [2, 3],
    });
    expect(n.sections.map((s) => [s.heading.join(" › "), s.major])).toEqual([
      ["", null],
      ["Prefect 3", 3],
      ["Prefect 3 › Details", 3],
      ["Prefect 2", 2],
    ]);
    const intro = n.sections[0]!;
    expect(intro.code).toEqual([
      { language: "python", code: "@task(retries=3)\ndef t(): ...", context: "Retry three times:" },
    ]);
    expect(intro.prose).not.toContain("```");
    expect(n.sections[3]!.code[0]!.language).toBe("bash");
  });

  it("does not take a comment inside a code block for a heading", () => {
    const n = parseNote("x.md", "# T\n\nText here.\n\n```python\n# not a heading\nx = 1\n```\n")!;
    expect(n.sections).toHaveLength(1);
    expect(n.sections[0]!.code[0]!.code).toContain("# not a heading");
  });
});

describe("note library", () => {
  const library = createNoteLibrary([
    note("retries.md", "Retries", "# Retries\n\nA task retries after a failure when retries is set."),
    note("caching.md", "Caching", "# Caching\n\nA task result is reused when the cache key matches."),
    note("tx.md", "Transactions", "# Transactions\n\nRoll back the writes of earlier tasks with on_rollback.", "[3]"),
  ]);

  it("ranks the note that covers the question first, with its coverage", () => {
    const [best] = library.match("how do I set the cache key of a task?");
    expect(best?.note.file).toBe("caching.md");
    expect(best!.coverage).toBeGreaterThan(0.5);
    expect(best!.titleCoverage).toBeGreaterThan(0);
  });

  it("reports low coverage for a question the notes do not cover", () => {
    const matches = library.match("kubernetes helm chart values for the ingress");
    expect(matches.every((m) => m.coverage < 0.34)).toBe(true);
  });

  it("ranks notes that do not cover the asker's major lower", () => {
    const v3 = library.match("roll back task writes on_rollback", { major: 3 })[0]!;
    const v2 = library.match("roll back task writes on_rollback", { major: 2 })[0]!;
    expect(v2.note.file).toBe("tx.md");
    expect(v2.score).toBeLessThan(v3.score);
  });
});
