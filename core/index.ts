export * from "./config.js";
export * from "./errors.js";
export * from "./logger.js";
export * from "./map-limit.js";
export * from "./paths.js";
export * from "./redact.js";
export * from "./types.js";
export * from "./version.js";
