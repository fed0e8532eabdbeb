import { loadNoteLibrary, DEFAULT_PACK_DIR } from "../knowledge/index.js";
import { questionTerms } from "../bot/answer/question-terms.js";
const lib = loadNoteLibrary(DEFAULT_PACK_DIR);
for (const q of process.argv.slice(2)) {
  const t = questionTerms(q, []);
  console.log("Q:", q, "\n expanded:", t.expanded, "\n pairs:", t.pairs.join(" "));
  for (const m of lib.match(t.query, { major: 3, k: 5, coverageOf: t.expanded, titleTerms: t.pairs }))
    console.log("  ", m.note.file, m.score.toFixed(2), m.coverage.toFixed(2), m.titleCoverage.toFixed(2));
}
