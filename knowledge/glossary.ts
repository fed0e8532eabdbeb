// Everyday support words of other languages → the English words the units and notes use (knowledge/pack/glossary.yaml).
// A question in German or French is matched through it word by word: no translation model, only the vocabulary of
// the domain, in data.
import path from "node:path";
import { z } from "zod";
import { DEFAULT_PACK_DIR } from "./default-pack.js";
import { readPackTable } from "./pack-table.js";

/** Language name (as the question reader names it) → lower-case word → English. */
export type Glossary = ReadonlyMap<string, ReadonlyMap<string, string>>;

const schema = z.record(z.string(), z.record(z.string(), z.string()));

export function loadGlossary(file = path.join(DEFAULT_PACK_DIR, "glossary.yaml")): Glossary {
  const table = readPackTable(file, schema, {});
  if (table === null) return new Map();
  return new Map(
    Object.entries(table).map(([language, words]) => {
      const table = new Map(Object.entries(words).map(([w, en]) => [w.toLowerCase(), en]));
      // Askers often type without accents ("como", "dia"): each accented word is listed without them too, unless
      // that spelling is a word of its own in the table.
      for (const [w, en] of [...table]) if (!table.has(plain(w))) table.set(plain(w), en);
      return [language, table];
    }),
  );
}

/** A word without its accents ("cómo" → "como"). */
function plain(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/** The text with every word the glossary knows for that language replaced by its English; other words kept. */
export function glossed(text: string, language: string, glossary: Glossary): string {
  const words = glossary.get(language);
  if (!words) return text;
  return text.replace(/\p{L}+/gu, (word) => {
    const lower = word.toLowerCase();
    return words.get(lower) ?? inflected(lower, words) ?? word;
  });
}

/** Shortest stem two forms of one word share ("ejecut-e" / "ejecut-ar"), and the longest ending each may add. */
const MIN_STEM = 5;
const MAX_ENDING = 3;

/**
 * A form the table does not list, read as the listed word it inflects: the same stem, only the ending differs
 * ("ejecute" → "ejecutar" → run, "reintento" → "reintentos" → retries). The glossary lists one form per word; verbs
 * and nouns take many.
 */
function inflected(word: string, words: ReadonlyMap<string, string>): string | undefined {
  if (word.length < MIN_STEM) return undefined;
  let best: { english: string; stem: number } | undefined;
  for (const [form, english] of words) {
    if (english === "" || form.length < MIN_STEM) continue;
    let stem = 0;
    while (stem < word.length && stem < form.length && word[stem] === form[stem]) stem++;
    if (stem < MIN_STEM || word.length - stem > MAX_ENDING || form.length - stem > MAX_ENDING) continue;
    if (!best || stem > best.stem) best = { english, stem };
  }
  return best?.english;
}
