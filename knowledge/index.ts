// Public surface of knowledge/: the Prefect API facts, the hybrid index, the embedders and the default pack.

export {
  type Alternatives,
  createAlternatives,
  loadAlternatives,
  NO_ALTERNATIVES,
  namesOtherAlternative,
} from "./alternatives.js";
export { Bm25Index } from "./bm25.js";
export { type CreateEmbedderOptions, createEmbedder } from "./create-embedder.js";
export {
  DEFAULT_PACK_DIR,
  type DefaultKnowledgeOptions,
  defaultKnowledgeInputs,
  ensureDefaultKnowledge,
  packHash,
} from "./default-pack.js";
export { EmbedderMismatchError, IndexCorruptError } from "./errors.js";
export * from "./facts/index.js";
export { type Glossary, glossed, loadGlossary } from "./glossary.js";
export { HashingEmbedder, type HashingEmbedderOptions } from "./hashing-embedder.js";
export { openKnowledgeBase } from "./knowledge-base.js";
export {
  createNoteLibrary,
  loadNoteLibrary,
  type NoteCode,
  type NoteLibrary,
  type NoteMatch,
  type NoteSection,
  type PackNote,
  parseNote,
} from "./note-library.js";
export { OpenAiEmbedder, type OpenAiEmbedderOptions } from "./openai-embedder.js";
export { type OrcaDocumentMetadata, OrcaRetriever, type OrcaRetrieverInput } from "./orca-retriever.js";
export { createParaphrases, loadParaphrases, NO_PARAPHRASES, type Paraphrases } from "./paraphrases.js";
export { documentId } from "./plan-ingest.js";
export { type PythonSupportRow, type PythonVerdict, pythonVerdict } from "./python-support.js";
export { identifierParts, stem, tokenize } from "./tokenizer.js";
export type * from "./types.js";
export * from "./units/index.js";
