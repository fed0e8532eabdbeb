import { loadNoteLibrary, DEFAULT_PACK_DIR } from "../knowledge/index.js";
import { questionTerms } from "../bot/answer/question-terms.js";
import { knownWords } from "../bot/answer/prose.js";
const lib = loadNoteLibrary(DEFAULT_PACK_DIR);
const [q, ...api] = process.argv.slice(2);
const t = questionTerms(q!, api);
console.log(" expanded:", t.expanded, "\n known:", knownWords(lib, t.expanded));
for (const m of lib.match(t.query, { major: 2, k: 5, coverageOf: knownWords(lib, t.expanded), titleTerms: t.pairs }))
  console.log("  ", m.note.file, m.score.toFixed(2), m.coverage.toFixed(2), m.titleCoverage.toFixed(2));
