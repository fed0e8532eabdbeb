import { createHash } from "node:crypto";

/** Hex SHA-256 of the parts, separated so that ["ab", "c"] and ["a", "bc"] differ. */
export function contentHash(...parts: Array<string | null | undefined>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part ?? "\u0000null");
    hash.update("\u0001");
  }
  return hash.digest("hex");
}

/** A short, stable hex id for a text (ids, pseudonyms); not for security. */
export function shortHash(text: string, length = 10): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}
