import { OrcaError } from "../core/index.js";

/** The stored index was built with another embedder; its vectors cannot be compared with this one's. */
export class EmbedderMismatchError extends OrcaError {
  constructor(
    readonly indexEmbedder: string,
    readonly currentEmbedder: string,
  ) {
    super(
      "index_embedder_mismatch",
      `the index was built with embedder "${indexEmbedder}" but "${currentEmbedder}" is configured; ` +
        `run "orca ingest" again to re-embed everything with the new embedder, or restore the previous setting`,
    );
  }
}

export class IndexCorruptError extends OrcaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("index_corrupt", message, options);
  }
}
