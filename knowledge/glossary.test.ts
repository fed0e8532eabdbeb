import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { glossed, loadGlossary } from "./glossary.js";

const glossary = loadGlossary();

describe("the pack's glossary", () => {
  it.each([
    ["German", "wie kann ich einen Flow jede Stunde laufen lassen", /^how can I a Flow every hour run\s*$/],
    ["French", "comment limiter les tâches en parallèle", /how limit\s+tasks in concurrently/],
    ["Spanish", "cómo reintentar una tarea", /how retry\s+task/],
  ])("reads %s support words in English, dropping grammar words", (language, text, english) => {
    expect(glossed(text, language, glossary)).toMatch(english);
  });

  it.each([
    ["Spanish", "ejecute", "run"],
    ["Spanish", "reintento", "retr"],
  ])("reads an inflected %s form (%s) as the listed word it shares a stem with", (language, word, english) => {
    expect(glossed(word, language, glossary)).toMatch(new RegExp(`^${english}`));
  });

  it.each([
    ["Spanish", "la"],
    ["Spanish", "algo"],
  ])("leaves short or unrelated %s words (%s) alone", (language, word) => {
    expect(glossed(word, language, glossary)).toBe(word === "la" ? "" : word);
  });

  it.each([
    ["Spanish", "como", "how"],
    ["Spanish", "dia", "day"],
    ["German", "taglich", "daily"],
  ])("reads a %s word typed without its accents (%s) as the accented one", (language, word, english) => {
    expect(glossed(word, language, glossary)).toBe(english);
  });

  it("leaves a language it has no words for as written", () => {
    expect(glossed("hoe plan ik een flow", "Dutch", glossary)).toBe("hoe plan ik een flow");
  });

  it("rejects a malformed file, naming it", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "orca-glossary-")), "glossary.yaml");
    writeFileSync(file, "German: [not, a, map]\n");
    expect(() => loadGlossary(file)).toThrow(/glossary\.yaml/);
  });
});
