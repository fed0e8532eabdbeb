// Public surface of knowledge/: the Prefect API facts, the hybrid index, the embedders and the default pack.
export * from "./facts/index.js";
