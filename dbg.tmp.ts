import { loadNoteLibrary, DEFAULT_PACK_DIR } from "./knowledge/index.js";
import { gatherProse } from "./bot/answer/prose.js";
import { questionTerms } from "./bot/answer/question-terms.js";
const notes = loadNoteLibrary(DEFAULT_PACK_DIR);
const linter = { lint: () => ({ version: "x", diagnoses: [], fixedCode: "" }) };
for (const q of process.argv.slice(2)) {
  const t = questionTerms(q);
  console.log(t.query);
  for (const m of notes.match(t.query, { major: 3 })) console.log("  ", m.score.toFixed(2), m.coverage.toFixed(2), m.note.file);
  const p = await gatherProse({ notes, linter }, { question: q, apiNames: [], major: 2, release: "2.19.9", retrieved: [] }).catch((e) => console.log(e));
  console.log(p);
}
