// The pack's own rules, checked: every note parses with a title, a public URL and sections, and every Python example
// lints clean for the Prefect line its section targets (2.x sections: the last 2.x release; the rest: newest 3.x).
import { describe, expect, it } from "vitest";
import { createLinter } from "../lint/index.js";
import { DEFAULT_PACK_DIR, loadNoteLibrary, loadPrefectFacts } from "./index.js";

const library = loadNoteLibrary(DEFAULT_PACK_DIR);

describe("the default pack's notes", () => {
  it("parse into titled, linked notes with sections", () => {
    expect(library.notes.length).toBeGreaterThanOrEqual(30);
    for (const note of library.notes) {
      expect(note.title, note.file).not.toBe(note.file);
      expect(note.url, note.file).toMatch(/^https:\/\/docs(?:-2)?\.prefect\.io\//);
      expect(note.sections.length, note.file).toBeGreaterThan(0);
    }
  });

  it("have Python examples that lint clean for the version their section targets", async () => {
    const facts = loadPrefectFacts();
    const linter = await createLinter(facts);
    const failures: string[] = [];
    for (const note of library.notes)
      for (const section of note.sections)
        for (const block of section.code.filter((c) => c.language === "python")) {
          const release = facts.latestOfMajor(section.major === 2 ? 2 : 3);
          const result = await linter.lint(block.code, release);
          for (const d of result.diagnoses)
            failures.push(
              `${note.file} [${section.heading.join(" › ") || "intro"}] ${release}: ${d.rule} ${d.message}`,
            );
        }
    expect(failures).toEqual([]);
  }, 60_000);
});
