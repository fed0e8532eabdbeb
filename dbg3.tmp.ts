import { loadNoteLibrary, DEFAULT_PACK_DIR } from "./knowledge/index.js";
import { questionTerms } from "./bot/answer/question-terms.js";
const notes = loadNoteLibrary(DEFAULT_PACK_DIR);
for (const q of process.argv.slice(2)) {
  const t = questionTerms(q);
  console.log(t.query);
  for (const m of notes.match(t.query, { major: 3, coverageOf: t.expanded, k: 5 })) console.log("  ", m.score.toFixed(2), m.coverage.toFixed(2), m.titleCoverage.toFixed(2), m.note.file);
}
