// Locations inside the checkout, resolved from this file so commands work from any working directory.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Read-only shared data (docs corpus, API surfaces, seed threads) that sits beside the checkout, when present. */
export const sharedDataDir = path.resolve(repoRoot, "..", "shared");
